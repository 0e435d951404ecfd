// segment: sentences and tokens with wink-nlp, then two repairs wink needs on
// news text: sentences run together without a space ("pressures.Tensions") are
// split, and a split inside a domain name ("apnews.com") is undone. Line breaks
// end sentences unless the text is hard-wrapped.
import type { SentenceSpan, Segmentation, Token, TokenKeys } from '../../article.js';
import { defineStage } from '../../stage.js';
import { getNlp, its, type tokenize } from '../../nlp.js';
import { keysOfForms } from '../../lexicon/phrases.js';
import { STAGE_VERSIONS } from '../../versions.js';

const TERMINAL = /[.!?:;"”’)\]]$/;

/**
 * Longer runs are not sentences (a 2 MB line with no full stop, a table dumped as
 * text): they are cut at a comma or semicolon, else anywhere, so that per-sentence
 * work in later stages stays bounded.
 */
export const MAX_SENTENCE_TOKENS = 250;

/**
 * wink's tokens as columns, one array per field, read once per document: no
 * object per raw token (segment makes one Token per kept token, and that is all).
 */
interface RawColumns {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  texts: string[];
  normals: string[];
  lemmas: string[];
  pos: string[];
  types: string[];
  negation: boolean[];
  ids: number[];
}

/**
 * Places every wink token in the text by offset (as nlp.ts `tokenize` does: token
 * values are verbatim slices of the input, in order), into columns.
 */
function readColumns(text: string, doc: ReturnType<typeof tokenize>['doc']): RawColumns {
  const tokens = doc.tokens();
  const values = tokens.out(its.value) as string[];
  const count = values.length;
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  const texts: string[] = new Array(count);
  let cursor = 0;
  for (let i = 0; i < count; i++) {
    const value = values[i];
    let start = text.startsWith(value, cursor) ? cursor : text.indexOf(value, cursor);
    let found = true;
    if (start < 0) {
      start = cursor; // defensive: never seen, keeps offsets monotone
      found = false;
    }
    const end = Math.min(text.length, start + value.length);
    starts[i] = start;
    ends[i] = end;
    // A found value is the slice itself: no second copy of the string.
    texts[i] = found ? value : text.slice(start, end);
    cursor = end;
  }
  const pos = tokens.out(its.pos) as string[];
  const ids = tokens.out(its.uniqueId) as unknown as number[];
  const lemmas = lemmaColumn(tokens, ids, pos);
  return {
    count,
    starts,
    ends,
    texts,
    normals: tokens.out(its.normal) as string[],
    lemmas,
    pos,
    types: tokens.out(its.type) as string[],
    negation: tokens.out(its.negationFlag) as unknown as boolean[],
    ids,
  };
}

type WinkTokens = ReturnType<ReturnType<typeof tokenize>['doc']['tokens']>;

/**
 * wink's lemma of a token is a function of its lexeme (id) and tag, except in
 * an expanded contraction ("can't" → ca | n't), which carries its own. The lemma
 * last found for an id is kept with that tag; wink is asked only for tokens
 * whose id and tag differ from it (one by one when few, else all at once).
 */
const lemmaById: (string | undefined)[] = [];
const lemmaPosById: string[] = [];

function lemmaColumn(tokens: WinkTokens, ids: number[], pos: string[]): string[] {
  const count = ids.length;
  const contraction = tokens.out(its.contractionFlag) as unknown as boolean[];
  const lemmas: string[] = new Array(count);
  let unknown = 0;
  for (let i = 0; i < count; i++) {
    const id = ids[i];
    const lemma = id < lemmaById.length && !contraction[i] && lemmaPosById[id] === pos[i] ? lemmaById[id] : undefined;
    if (lemma === undefined) unknown++;
    else lemmas[i] = lemma;
  }
  if (unknown === 0) return lemmas;
  if (unknown * 8 > count) {
    const all = tokens.out(its.lemma as never) as string[];
    for (let i = 0; i < count; i++) if (!contraction[i]) keepLemma(ids[i], pos[i], all[i]);
    return all;
  }
  for (let i = 0; i < count; i++) {
    if (lemmas[i] !== undefined) continue;
    lemmas[i] = tokens.itemAt(i).out(its.lemma as never) as string;
    if (!contraction[i]) keepLemma(ids[i], pos[i], lemmas[i]);
  }
  return lemmas;
}

function keepLemma(id: number, pos: string, lemma: string): void {
  if (id >= INTERNED_IDS || !(id >= 0)) return;
  while (lemmaById.length <= id) {
    lemmaById.push(undefined);
    lemmaPosById.push('');
  }
  lemmaById[id] = lemma;
  lemmaPosById[id] = pos;
}

/**
 * Lookup keys by wink's lexeme id (one id per distinct token value): tokens of
 * the same forms share one keys object, made once per process instead of once
 * per token. An id's forms usually stay the same (its lemma can change with
 * the tag: "saw"); then the keys are made anew and replace the kept ones.
 * Ids grow with every new word wink meets: past INTERNED_IDS (wink's ~88,000
 * words and ~170,000 more; ~90 bytes of keys each, ~25 MB at most) they are not kept.
 */
const keysById: (TokenKeys | undefined)[] = [];
const INTERNED_IDS = 1 << 18;

function sharedKeys(id: number, text: string, normal: string, lemma: string): TokenKeys {
  if (id >= INTERNED_IDS || !(id >= 0)) return keysOfForms(text, normal, lemma);
  while (keysById.length <= id) keysById.push(undefined); // grown in order: a dense array, read by index
  const kept = keysById[id];
  if (kept !== undefined && kept.of.text === text && kept.of.normal === normal && kept.of.lemma === lemma) return kept;
  const keys = keysOfForms(text, normal, lemma);
  keysById[id] = keys;
  return keys;
}

const STOP = /^[.!?]$/;
const CAPITALISED_WORD = /^\p{Lu}\p{Ll}/u;
const ENDS_LOWER = /\p{Ll}$/u;
const STARTS_LOWER = /^\p{Ll}/u;
const PARAGRAPH_BREAK = /\n[ \t]*\n/;

export function segmentText(text: string): Segmentation {
  const doc = getNlp().readDoc(text);
  const raw = readColumns(text, doc);
  const n = raw.count;
  const { starts: at, ends, texts, types } = raw;
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];

  // Sentence starts as flags by token index (index n: past the end); repairs set and clear them.
  const isStart = new Uint8Array(n + 1);
  for (const [first] of spans) isStart[Math.min(first, n)] = 1;
  const hardWrapped = isHardWrapped(text);

  // The first newline at or after the previous token's end; token ends only grow, so it is found once per line.
  let newline = n > 0 ? text.indexOf('\n', ends[0]) : -1;
  for (let i = 1; i < n; i++) {
    const prevEnd = ends[i - 1];
    const tokStart = at[i];
    if (prevEnd === tokStart) {
      // "pressures.Tensions": a full stop glued to a capitalised word that wink kept together.
      if (STOP.test(texts[i - 1]) && CAPITALISED_WORD.test(texts[i]) && i >= 2 && ends[i - 2] === at[i - 1] && ENDS_LOWER.test(texts[i - 2])) {
        isStart[i] = 1;
      }
      // "apnews." + "com": wink broke a domain name; a sentence never starts glued and lower-case.
      if (isStart[i] === 1 && STARTS_LOWER.test(texts[i])) isStart[i] = 0;
    }
    // Line breaks: a paragraph break always ends a sentence; a single one does unless hard-wrapped.
    if (newline >= 0 && newline < prevEnd) newline = text.indexOf('\n', prevEnd);
    const crlf = types[i] === 'tabCRLF';
    if (crlf || (newline >= 0 && newline < tokStart)) {
      const gap = crlf ? texts[i] : text.slice(prevEnd, tokStart);
      const paragraph = PARAGRAPH_BREAK.test(gap);
      const next = crlf ? i + 1 : i;
      if (next < n && (paragraph || !hardWrapped || TERMINAL.test(prevWord(raw, i)))) isStart[next] = 1;
    }
  }

  const sorted: number[] = [];
  for (let i = 0; i <= n; i++) if (isStart[i] === 1) sorted.push(i);
  return build(text, raw, boundLength(raw, sorted));
}

/** Lemmas of plural nouns that open sentences, by their lower-case form (null: no plural noun). */
const openingLemmas = new Map<string, string | null>();
const OPENING_LEMMAS_KEPT = 10_000;

/**
 * wink tags a capitalised plural noun that opens a sentence as a proper noun and
 * keeps its plural as the lemma ("Protesters stormed …", "Soldiers opened fire
 * …"): dictionaries that match on lemmas then miss it. The word read alone,
 * lower-case, says whether it is a plural noun, and gives its lemma ("protester").
 * The tag is left as it is: names that open sentences stay names.
 */
function openingNounLemma(normal: string): string | null {
  let lemma = openingLemmas.get(normal);
  if (lemma === undefined) {
    const nlp = getNlp();
    const alone = nlp.readDoc(normal).tokens();
    const word = alone.length() === 1 && (alone.out(its.pos) as string[])[0] === 'NOUN' ? ((alone.out(its.lemma as never) as string[])[0] ?? normal) : normal;
    lemma = word !== normal ? word : null;
    if (openingLemmas.size < OPENING_LEMMAS_KEPT) openingLemmas.set(normal, lemma);
  }
  return lemma;
}

/** Adds sentence starts inside runs longer than MAX_SENTENCE_TOKENS. */
function boundLength(raw: RawColumns, starts: number[]): number[] {
  const out: number[] = [];
  for (let s = 0; s < starts.length; s++) {
    let from = starts[s];
    const to = s + 1 < starts.length ? starts[s + 1] : raw.count;
    out.push(from);
    while (to - from > MAX_SENTENCE_TOKENS) {
      let cut = from + MAX_SENTENCE_TOKENS;
      for (let i = cut; i > from + MAX_SENTENCE_TOKENS / 2; i--) {
        if (raw.texts[i - 1] === ',' || raw.texts[i - 1] === ';') {
          cut = i;
          break;
        }
      }
      out.push(cut);
      from = cut;
    }
  }
  return out;
}

function prevWord(raw: RawColumns, i: number): string {
  for (let j = i - 1; j >= 0; j--) if (raw.types[j] !== 'tabCRLF') return raw.texts[j];
  return '';
}

/** Hard-wrapped text: most lines end mid-sentence. Then a single newline is just a space. */
function isHardWrapped(text: string): boolean {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  if (lines.length < 4) return false;
  const open = lines.filter((l) => !TERMINAL.test(l)).length;
  return open / lines.length > 0.5;
}

function build(text: string, raw: RawColumns, starts: number[]): Segmentation {
  const tokens: Token[] = [];
  const sentences: SentenceSpan[] = [];
  const { starts: at, ends, texts, normals, lemmas, pos, types, negation, ids } = raw;
  for (let s = 0; s < starts.length; s++) {
    const from = starts[s];
    const to = s + 1 < starts.length ? starts[s + 1] : raw.count;
    const firstToken = tokens.length;
    let firstWord = true;
    for (let i = from; i < to; i++) {
      const tokText = texts[i];
      if (types[i] === 'tabCRLF' || pos[i] === 'SPACE' || tokText.trim() === '') continue;
      const normal = normals[i];
      let lemma = lemmas[i];
      if (firstWord && types[i] === 'word') {
        firstWord = false;
        if (pos[i] === 'PROPN' && pos[i + 1] !== 'PROPN' && CAPITALISED_WORD.test(tokText)) lemma = openingNounLemma(normal) ?? lemma;
      }
      tokens.push({
        start: at[i],
        end: ends[i],
        text: tokText,
        normal,
        lemma,
        pos: pos[i],
        negated: Boolean(negation[i]),
        sentence: sentences.length,
        keys: sharedKeys(ids[i], tokText, normal, lemma),
      });
    }
    if (tokens.length === firstToken) continue; // only whitespace
    const start = tokens[firstToken].start;
    const end = tokens[tokens.length - 1].end;
    sentences.push({ index: sentences.length, start, end, text: text.slice(start, end), firstToken, endToken: tokens.length });
  }
  return { sentences, tokens };
}

export const segmentStage = defineStage({
  name: 'segment',
  version: STAGE_VERSIONS.segment,
  needs: [],
  provides: 'segments',
  run: (doc) => {
    const layer = segmentText(doc.text);
    const cut = layer.sentences.filter((s) => s.endToken - s.firstToken >= MAX_SENTENCE_TOKENS - 1 && !/[.!?"”]$/.test(s.text));
    const diagnostics = cut.length
      ? [{ severity: 'warning' as const, stage: 'segment', rule: 'long-sentence', message: `${cut.length} runs of text without sentence ends were cut into pieces of at most ${MAX_SENTENCE_TOKENS} tokens`, start: cut[0].start, end: cut[0].end }]
      : [];
    return { layer, diagnostics };
  },
});
