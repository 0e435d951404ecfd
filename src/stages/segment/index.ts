// segment: sentences and tokens with wink-nlp, then two repairs wink needs on
// news text: sentences run together without a space ("pressures.Tensions") are
// split, and a split inside a domain name ("apnews.com") is undone. Line breaks
// end sentences unless the text is hard-wrapped.
import type { SentenceSpan, Segmentation, Token } from '../../article.js';
import { defineStage } from '../../stage.js';
import { its, tokenize, type RawToken } from '../../nlp.js';
import { tokenKeys } from '../../lexicon/phrases.js';
import { STAGE_VERSIONS } from '../../versions.js';

const TERMINAL = /[.!?:;"”’)\]]$/;

/**
 * Longer runs are not sentences (a 2 MB line with no full stop, a table dumped as
 * text): they are cut at a comma or semicolon, else anywhere, so that per-sentence
 * work in later stages stays bounded.
 */
export const MAX_SENTENCE_TOKENS = 250;
const UPPER_START = /^[\p{Lu}\d"“‘(]/u;

export function segmentText(text: string): Segmentation {
  const { doc, tokens: raw } = tokenize(text);
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];

  // Sentence starts as token indexes; repairs add and remove starts.
  const starts = new Set<number>(spans.map(([first]) => first));
  const hardWrapped = isHardWrapped(text);

  for (let i = 1; i < raw.length; i++) {
    const prev = raw[i - 1];
    const tok = raw[i];
    const glued = prev.end === tok.start;
    if (glued) {
      // "pressures.Tensions": a full stop glued to a capitalised word that wink kept together.
      if (/^[.!?]$/.test(prev.text) && /^\p{Lu}\p{Ll}/u.test(tok.text) && i >= 2 && raw[i - 2].end === prev.start && /\p{Ll}$/u.test(raw[i - 2].text)) {
        starts.add(i);
      }
      // "apnews." + "com": wink broke a domain name; a sentence never starts glued and lower-case.
      if (starts.has(i) && /^\p{Ll}/u.test(tok.text)) starts.delete(i);
    }
    // Line breaks: a paragraph break always ends a sentence; a single one does unless hard-wrapped.
    const newline = text.indexOf('\n', prev.end);
    if (tok.type === 'tabCRLF' || (newline >= 0 && newline < tok.start)) {
      const gap = tok.type === 'tabCRLF' ? tok.text : text.slice(prev.end, tok.start);
      const paragraph = /\n[ \t]*\n/.test(gap);
      const next = tok.type === 'tabCRLF' ? i + 1 : i;
      if (next < raw.length && (paragraph || !hardWrapped || TERMINAL.test(prevWord(raw, i)))) starts.add(next);
    }
  }

  return build(text, raw, boundLength(raw, [...starts].sort((a, b) => a - b)));
}

/** Adds sentence starts inside runs longer than MAX_SENTENCE_TOKENS. */
function boundLength(raw: RawToken[], starts: number[]): number[] {
  const out: number[] = [];
  for (let s = 0; s < starts.length; s++) {
    let from = starts[s];
    const to = s + 1 < starts.length ? starts[s + 1] : raw.length;
    out.push(from);
    while (to - from > MAX_SENTENCE_TOKENS) {
      let cut = from + MAX_SENTENCE_TOKENS;
      for (let i = cut; i > from + MAX_SENTENCE_TOKENS / 2; i--) {
        if (raw[i - 1].text === ',' || raw[i - 1].text === ';') {
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

function prevWord(raw: RawToken[], i: number): string {
  for (let j = i - 1; j >= 0; j--) if (raw[j].type !== 'tabCRLF') return raw[j].text;
  return '';
}

/** Hard-wrapped text: most lines end mid-sentence. Then a single newline is just a space. */
function isHardWrapped(text: string): boolean {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  if (lines.length < 4) return false;
  const open = lines.filter((l) => !TERMINAL.test(l)).length;
  return open / lines.length > 0.5;
}

function build(text: string, raw: RawToken[], starts: number[]): Segmentation {
  const tokens: Token[] = [];
  const sentences: SentenceSpan[] = [];
  for (let s = 0; s < starts.length; s++) {
    const from = starts[s];
    const to = s + 1 < starts.length ? starts[s + 1] : raw.length;
    const firstToken = tokens.length;
    for (let i = from; i < to; i++) {
      const r = raw[i];
      if (r.type === 'tabCRLF' || r.pos === 'SPACE' || r.text.trim() === '') continue;
      tokens.push({
        start: r.start,
        end: r.end,
        text: r.text,
        normal: r.normal,
        lemma: r.lemma,
        pos: r.pos,
        negated: r.negated,
        sentence: sentences.length,
        keys: tokenKeys(r),
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
