// What the entities parsers and refiners share: the token view, the spans other
// stages claimed (dates), and the candidate mentions being built.
import type { DateMention, EntityType, Segmentation } from '../../article.js';
import type { PhraseHit } from '../../lexicon/phrases.js';
import type { GazetteerEntry } from './gazetteer.js';
import { lexicon, type Lexicon, type Title } from './lexicon.js';
import { gazetteer } from './gazetteer.js';
import { GAZETTEER_GATE, ORG_HEAD_GATE, ORG_PREFIX_GATE, TITLE_GATE, gateSlot, keysOf, normalGates, textGates, type FirstWord } from './matching.js';
import {
  CAPITALISED,
  DIGIT_START,
  LETTER,
  NAME_WORD,
  ORG_HEAD_START,
  ORG_PREFIX_START,
  SHOUTED,
  SPLIT,
  STOPPED,
  charFlags,
  segmentView,
  tokenView,
  type NameToken,
  type SentenceRange,
} from './tokens.js';

/**
 * How much stands behind a candidate: a known name (gazetteer), a typed signal
 * (title, head word, name lexicon), capitalisation alone (weak), or capitalisation
 * where it proves nothing (headline, sentence start) until the same name is
 * confirmed elsewhere in the article.
 */
export type Evidence = 'known' | 'signal' | 'weak' | 'unconfirmed';

export interface TitleUse {
  title: Title;
  /** Token range of the title words. */
  first: number;
  last: number;
  former: boolean;
}

export interface Candidate {
  /** Token range [first, last) in the view, and the character span. */
  first: number;
  last: number;
  start: number;
  end: number;
  key: string;
  name: string;
  type: EntityType;
  kind: string;
  /** The entity's own code (a country, an organisation); persons are coded by refiners. */
  actor: string | null;
  country: string | null;
  /** What this mention stands for here, once refiners have decided. */
  mentionActor?: string | null;
  rule: string;
  evidence: Evidence;
  entry?: GazetteerEntry;
  title?: TitleUse;
  /** A nominal mention ("the Russian president") resolved to a named entity. */
  nominal?: boolean;
  /** CAMEO role a body named by its head word plays ("Defense Ministry" → GOV), for a country found later. */
  role?: string | null;
  /** Set when a refiner removes the candidate, with the reason. */
  dropped?: string;
}

/**
 * Every candidate is made here, with all its fields in one order, so that all
 * candidates share one shape: the loops that read them stay monomorphic, and
 * no field is added or deleted later (absent ones are undefined).
 */
export function makeCandidate(c: Candidate): Candidate {
  return {
    first: c.first,
    last: c.last,
    start: c.start,
    end: c.end,
    key: c.key,
    name: c.name,
    type: c.type,
    kind: c.kind,
    actor: c.actor,
    country: c.country,
    mentionActor: c.mentionActor,
    rule: c.rule,
    evidence: c.evidence,
    entry: c.entry,
    title: c.title,
    nominal: c.nominal,
    role: c.role,
    dropped: c.dropped,
  };
}

export interface Context {
  text: string;
  published: string | null;
  /** The compiled word lists. */
  lex: Lexicon;
  tokens: NameToken[];
  /** Per token: what its characters and tag say and which dictionaries may match from it (tokens.ts: CAPITALISED, NAME_WORD ...), computed once. */
  flags: Uint16Array;
  /** Every flag some token of the article has: a cheap test before a pass that looks for one. */
  anyFlags: number;
  /** Tokens that may start a name (NAME_WORD), a gazetteer phrase, a title, a number: the only places later passes look. */
  nameWords: number[];
  gazetteerStarts: number[];
  gazetteerWords: FirstWord<GazetteerEntry>[];
  digitStarts: number[];
  /** Words in capitals or with a full stop (SHOUTED, STOPPED). */
  oddWords: number[];
  sentences: SentenceRange[];
  /** 1 where a token lies inside a date span: "May" and "March" are months. */
  inDate: Uint8Array;
  /** Per sentence: written in title case (a headline), where capitals prove nothing. */
  headline: boolean[];
  /** Title phrases found anywhere, by token range. */
  titles: PhraseHit<Title>[];
  /** Title ending right before token i. */
  titleBefore: Map<number, PhraseHit<Title>>;
  /** 1 where a token is part of a title phrase. */
  inTitle: Uint8Array;
  /** Gazetteer candidate covering token i (index into `known`), or -1. */
  knownAt: Int32Array;
  known: Candidate[];
}

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'ADJ', 'VERB', 'ADV', 'NUM']);

/**
 * A headline: no closing punctuation and most content words capitalised
 * ("The Complex Alliance of Russia and Iran: A Historical Perspective").
 */
export function isHeadline(tokens: NameToken[], flags: Uint16Array, s: SentenceRange): boolean {
  const last = tokens[s.last - 1];
  if (!last || last.text === '.' || last.text === '!' || last.text === '?') return false;
  let content = 0;
  let capital = 0;
  for (let i = s.first; i < s.last; i++) {
    if ((flags[i] & LETTER) === 0 || !CONTENT_POS.has(tokens[i].pos)) continue;
    content++;
    if (flags[i] & CAPITALISED) capital++;
  }
  return content >= 2 && capital / content >= 0.6;
}

/** What one pass over the tokens finds: flags, and where later passes need to look. */
interface TokenScan {
  flags: Uint16Array;
  anyFlags: number;
  nameWords: number[];
  /** Tokens where a gazetteer phrase or a title may start, with their first word. */
  gazetteerStarts: number[];
  gazetteerWords: FirstWord<GazetteerEntry>[];
  titleStarts: number[];
  titleWords: FirstWord<Title>[];
  digitStarts: number[];
  /** Words in capitals or with a full stop (SHOUTED, STOPPED): the gazetteer reads their sentences again. */
  oddWords: number[];
}

/**
 * The one pass over the tokens: what every later pass asks of a token, with the
 * dictionary keys the segment stored on it.
 */
function scanTokens(tokens: readonly NameToken[], lex: Lexicon): TokenScan {
  const n = tokens.length;
  const flags = new Uint16Array(n);
  const scan: TokenScan = { flags, anyFlags: 0, nameWords: [], gazetteerStarts: [], gazetteerWords: [], titleStarts: [], titleWords: [], digitStarts: [], oddWords: [] };
  const names = gazetteer();
  const { TITLES, ORG_HEADS, ORG_PREFIXES } = lex;
  const text = textGates();
  const normal = normalGates();
  let any = 0;
  // A gazetteer phrase or a title may start at the previous token (its first-word bit is set):
  // it is looked up once this token tells whether a second word may follow.
  let nameKey = '';
  let nameAlone = false;
  let titleKey = '';
  let titleAlone = false;
  for (let i = 0; i <= n; i++) {
    const t = tokens[i];
    let textKey = '';
    let normalKey = '';
    let tg = 0;
    let ng = 0;
    if (i < n) {
      // The keys the segment stored on the token (reading them costs less than reading its text).
      const keys = keysOf(t);
      textKey = keys.text;
      normalKey = keys.normal;
      // What the gate tables say of the token (most tokens: nothing).
      if (textKey.length > 0) tg = text[gateSlot(textKey)];
      if (normalKey.length > 0) ng = normal[gateSlot(normalKey)];
    }
    if (nameKey !== '' && (nameAlone || (tg & GAZETTEER_GATE.second) !== 0)) {
      const word = names.firstPassed(nameKey);
      if (word !== undefined && (word.single || (tg & GAZETTEER_GATE.second) !== 0)) {
        scan.gazetteerStarts.push(i - 1);
        scan.gazetteerWords.push(word);
      }
    }
    if (titleKey !== '' && (titleAlone || (ng & TITLE_GATE.second) !== 0)) {
      const word = TITLES.firstPassed(titleKey);
      if (word !== undefined && (word.single || (ng & TITLE_GATE.second) !== 0)) {
        scan.titleStarts.push(i - 1);
        scan.titleWords.push(word);
      }
    }
    if (i === n) break;
    nameKey = (tg & GAZETTEER_GATE.first) !== 0 ? textKey : '';
    nameAlone = (tg & GAZETTEER_GATE.single) !== 0;
    titleKey = (ng & TITLE_GATE.first) !== 0 ? normalKey : '';
    titleAlone = (ng & TITLE_GATE.single) !== 0;
    let f = charFlags(t, textKey);
    if ((tg & ORG_HEAD_GATE.first) !== 0 && ORG_HEADS.firstPassed(textKey) !== undefined) f |= ORG_HEAD_START;
    if ((tg & ORG_PREFIX_GATE.first) !== 0 && ORG_PREFIXES.firstPassed(textKey) !== undefined) f |= ORG_PREFIX_START;
    if (f & NAME_WORD) scan.nameWords.push(i);
    if (f & DIGIT_START) scan.digitStarts.push(i);
    if (f & (SHOUTED | STOPPED)) scan.oddWords.push(i);
    flags[i] = f;
    any |= f;
  }
  scan.anyFlags = any;
  return scan;
}

export function buildContext(text: string, published: string | null, seg: Segmentation, dates: readonly DateMention[]): Context {
  const lex = lexicon();
  let view = segmentView(seg);
  let scan = scanTokens(view.tokens, lex);
  if (scan.anyFlags & SPLIT) {
    // "post-Soviet": split such tokens, and scan the new view.
    view = tokenView(seg, scan.flags);
    scan = scanTokens(view.tokens, lex);
  }
  const { tokens, sentences } = view;
  const { flags, anyFlags, nameWords, gazetteerStarts, gazetteerWords, titleStarts, titleWords, digitStarts, oddWords } = scan;
  const { TITLES } = lex;
  const n = tokens.length;
  // One buffer for the per-token arrays (known name at, in a date, in a title): one allocation, not three.
  const buffer = new ArrayBuffer(n * 6);
  const knownAt = new Int32Array(buffer, 0, n).fill(-1);
  const inDate = new Uint8Array(buffer, n * 4, n);
  for (const d of dates) {
    // Every token the date overlaps; tokens are in text order.
    for (let i = firstEndingAfter(tokens, d.start); i < n && tokens[i].start < d.end; i++) inDate[i] = 1;
  }
  const titles: PhraseHit<Title>[] = [];
  const titleBefore = new Map<number, PhraseHit<Title>>();
  const inTitle = new Uint8Array(buffer, n * 5, n);
  TITLES.findEach(tokens, titleStarts, titleWords, sentences, (hits, longest) => {
    for (const hit of hits) {
      if (hit.end !== longest) break;
      titles.push(hit);
      titleBefore.set(hit.end, hit);
      inTitle.fill(1, hit.first, hit.end);
    }
  });
  return {
    text,
    published,
    lex,
    tokens,
    flags,
    anyFlags,
    nameWords,
    gazetteerStarts,
    gazetteerWords,
    digitStarts,
    oddWords,
    sentences,
    inDate,
    headline: sentences.map((s) => isHeadline(tokens, flags, s)),
    titles,
    titleBefore,
    inTitle,
    knownAt,
    known: [],
  };
}

/** The first token ending after `offset` (binary search; tokens are in text order). */
function firstEndingAfter(tokens: readonly NameToken[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A candidate over tokens [first, last). */
export function span(ctx: Context, first: number, last: number): { first: number; last: number; start: number; end: number } {
  return { first, last, start: ctx.tokens[first].start, end: ctx.tokens[last - 1].end };
}

/** The text of tokens [first, last) as written. */
export function spanText(ctx: Context, first: number, last: number): string {
  return ctx.text.slice(ctx.tokens[first].start, ctx.tokens[last - 1].end);
}

const OPENERS = new Set(['“', '"', '‘', "'", '(', '[']);
const BREAKS = new Set([':', ';', '—', '–', '-']);

/** First token of its sentence, or right after an opening quote, bracket, colon or dash. */
export function isSentenceInitial(ctx: Context, i: number): boolean {
  const s = ctx.sentences[ctx.tokens[i].sentence];
  let j = i - 1;
  while (j >= s.first && OPENERS.has(ctx.tokens[j].text)) j--;
  if (j < s.first) return true;
  return BREAKS.has(ctx.tokens[j].text) && ctx.tokens[j].end !== ctx.tokens[i].start;
}
