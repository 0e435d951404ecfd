// The token view the entities stage reads: the segment tokens, with one repair
// for names. wink keeps a lower-case prefix glued to a name ("post-Soviet",
// "anti-American", "ez-Zor"), so those tokens are split at the hyphen; every
// other token is the segment token itself, with the same offsets. What the
// recognisers ask of every token (capitalised? a name word?) is answered once
// per article, in flat flag arrays (tokenFlags).
import type { Segmentation, TokenKeys } from '../../article.js';
import { isCommonWord } from './lexicon.js';

export interface NameToken {
  start: number;
  end: number;
  text: string;
  normal: string;
  lemma: string;
  pos: string;
  sentence: number;
  /** The segment's lookup keys (absent on the parts of a split token). */
  keys?: TokenKeys;
}

export interface SentenceRange {
  index: number;
  start: number;
  end: number;
  /** Tokens [first, end) of this sentence in the view. */
  first: number;
  last: number;
}

export interface TokenView {
  tokens: NameToken[];
  sentences: SentenceRange[];
}

/** "post-Soviet" → post | - | Soviet; a capitalised first part stays whole ("Mid-East"). */
const LOWER_PREFIX = /^(\p{Ll}+)([-‐‑])(\p{Lu}[\p{L}\p{M}.'’-]*)$/u;

/** The same split written into a phrase before it is compiled, so phrases and text agree. */
export function splitPhraseHyphens(phrase: string): string {
  return phrase.replace(/(^|\s)(\p{Ll}+)[-‐‑](?=\p{Lu})/gu, '$1$2 - ');
}

/** Whether wink kept a lower-case prefix glued to a name in this token (its flags carry SPLIT, see charFlags). */
export function splitsAtPrefix(text: string): boolean {
  return LOWER_PREFIX.test(text);
}

/** Sentences as token ranges over the segment's own tokens (when no token needs splitting). */
export function segmentView(seg: Segmentation): TokenView {
  const sentences: SentenceRange[] = new Array(seg.sentences.length);
  for (let k = 0; k < seg.sentences.length; k++) {
    const s = seg.sentences[k];
    sentences[k] = { index: s.index, start: s.start, end: s.end, first: s.firstToken, last: s.endToken };
  }
  return { tokens: seg.tokens, sentences };
}

/** The view with "post-Soviet" split into post | - | Soviet; `flags` (charFlags of the segment tokens) mark the tokens to split. */
export function tokenView(seg: Segmentation, flags?: Uint16Array): TokenView {
  const tokens: NameToken[] = [];
  const sentences: SentenceRange[] = [];
  for (const s of seg.sentences) {
    const first = tokens.length;
    for (let i = s.firstToken; i < s.endToken; i++) {
      const t = seg.tokens[i];
      const m = !flags || (flags[i] & SPLIT) !== 0 ? LOWER_PREFIX.exec(t.text) : null;
      if (!m) {
        tokens.push(t); // a segment token is already a NameToken; no copy
        continue;
      }
      const [, prefix, dash, rest] = m;
      const a = t.start;
      const b = a + prefix.length;
      tokens.push({ start: a, end: b, text: prefix, normal: prefix, lemma: prefix, pos: 'ADJ', sentence: s.index });
      tokens.push({ start: b, end: b + dash.length, text: dash, normal: '-', lemma: '-', pos: 'PUNCT', sentence: s.index });
      tokens.push({ start: b + dash.length, end: t.end, text: rest, normal: rest.toLowerCase(), lemma: rest.toLowerCase(), pos: 'PROPN', sentence: s.index });
    }
    sentences.push({ index: s.index, start: s.start, end: s.end, first, last: tokens.length });
  }
  return { tokens, sentences };
}

const UPPER_START = /^\p{Lu}/u;

/** Starts with an upper-case letter ("Iran", "U.S.", "IRGC", "al-Assad" is not). */
export function isCapitalised(text: string): boolean {
  const c = text.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : UPPER_START.test(text);
}

const LOWER_START = /^\p{Ll}/u;
const ALL_LOWER = /^\p{Ll}+$/u;

/** Starts with a lower-case letter (/^\p{Ll}/u; ASCII answered without the regex). */
export function startsLowerCase(text: string): boolean {
  const c = text.charCodeAt(0);
  return c < 128 ? c >= 97 && c <= 122 : LOWER_START.test(text);
}

/** Lower-case letters only (/^\p{Ll}+$/u; ASCII answered without the regex). */
export function isLowerCaseWord(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return ALL_LOWER.test(text);
    if (c < 97 || c > 122) return false;
  }
  return text.length > 0;
}

/** A possessive ending written as its own token: ' ’ 's ’s (/^['’]s?$/). */
export function isPossessive(text: string): boolean {
  return text === "'s" || text === '’s' || text === "'" || text === '’';
}

/** All letters upper-case, at least two of them: an acronym ("IRGC", "U.N.", "G20"). */
export function isAcronym(text: string): boolean {
  if (!isCapitalised(text)) return false;
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return isAcronymSlow(text); // other scripts: ask Unicode
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) letters++;
  }
  return letters >= 2;
}

function isAcronymSlow(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && UPPER_START.test(text);
}

// ---- per-token flags -------------------------------------------------------------

/** Starts with an upper-case letter (isCapitalised). */
export const CAPITALISED = 1;
/** Can be part of a name (isNameWord). */
export const NAME_WORD = 2;
/** Holds a letter. */
export const LETTER = 4;
/** Starts with a digit (a score, a model number). */
export const DIGIT_START = 8;
/** Capitals only, four or more ("IRAN", "KYIV"): a headline's word, looked up again as "Iran". */
export const SHOUTED = 16;
/** A short capitalised word wink kept a full stop on ("LA.", "Iran."). */
export const STOPPED = 32;
/** Some phrase of the organisation heads or prefixes starts here (context.ts). */
export const ORG_HEAD_START = 64;
export const ORG_PREFIX_START = 128;
/** A lower-case prefix glued to a name ("post-Soviet"): the view splits it (tokenView). */
export const SPLIT = 256;

/** Parts of speech that are never names on their own, even capitalised ("The", "However", "In"). */
const FUNCTION_POS = new Set(['DET', 'ADP', 'PRON', 'CCONJ', 'SCONJ', 'AUX', 'PART', 'PUNCT', 'NUM', 'SYM', 'INTJ', 'ADV']);
const ANY_LETTER = /\p{L}/u;
const ALL_CAPITALS = /^\p{Lu}+$/u;
const STOPPED_WORD = /^\p{Lu}[\p{L}]*\.$/u;

function hasLetter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return ANY_LETTER.test(text);
    const lower = c | 32;
    if (lower >= 97 && lower <= 122) return true;
  }
  return false;
}

function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** Capitals only (/^\p{Lu}+$/u), ASCII answered without the regex. */
function allCapitals(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return ALL_CAPITALS.test(text);
    if (c < 65 || c > 90) return false;
  }
  return text.length > 0;
}

/** A capital, letters, a full stop (/^\p{Lu}[\p{L}]*\.$/u), ASCII answered without the regex. */
function stoppedWord(text: string): boolean {
  const n = text.length;
  if (n < 2 || text.charCodeAt(n - 1) !== 46) return false;
  for (let i = 0; i < n - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return STOPPED_WORD.test(text);
    const upper = c >= 65 && c <= 90;
    if (i === 0 ? !upper : !upper && !(c >= 97 && c <= 122)) return false;
  }
  return true;
}

/**
 * A capitalised word that can be (part of) a name: a proper noun, or any content
 * word ("Foreign", "Ministry"), or an acronym a function tag was put on ("US").
 */
export function isNameWord(t: { text: string; pos: string }): boolean {
  if (!isCapitalised(t.text)) return false;
  // Model numbers and codes ("A380", "IE6", "STS-135") name products, not actors; known ones ("G7") are in the gazetteer.
  if (hasDigit(t.text)) return false;
  return nameWordByTag(t);
}

function nameWordByTag(t: { text: string; pos: string }): boolean {
  return t.pos === 'PROPN' || !FUNCTION_POS.has(t.pos) || (isAcronym(t.text) && !isShouted(t.text));
}

/**
 * An English word written in capitals ("UNLESS", "WARNS") rather than an acronym.
 * Up to four letters an acronym is the likelier reading ("DAB", "ICE", "RAW").
 */
export function isShouted(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 5 && isCommonWord(letters);
}

/**
 * The flags a token's own characters and tag give it (the dictionary bits are
 * added by the context). Most tokens are lower-case words, answered from their
 * first character; `textKey` is the token's folded text (dashes straightened),
 * where a hyphen that may glue a prefix to a name ("post-Soviet") is looked for.
 */
export function charFlags(t: NameToken, textKey: string): number {
  const text = t.text;
  const c = text.charCodeAt(0);
  if (c >= 97 && c <= 122) return textKey.indexOf('-', 1) > 0 && LOWER_PREFIX.test(text) ? LETTER | SPLIT : LETTER;
  if (c >= 65 && c <= 90) return capitalisedFlags(t);
  if (c >= 48 && c <= 57) return hasLetter(text) ? DIGIT_START | LETTER : DIGIT_START;
  if (c < 128) return hasLetter(text) ? LETTER : 0;
  // Beyond ASCII: ask Unicode.
  if (!ANY_LETTER.test(text)) return 0;
  if (UPPER_START.test(text)) return capitalisedFlags(t);
  return textKey.indexOf('-', 1) > 0 && LOWER_PREFIX.test(text) ? LETTER | SPLIT : LETTER;
}

function capitalisedFlags(t: NameToken): number {
  const text = t.text;
  let f = LETTER | CAPITALISED;
  if (!hasDigit(text) && nameWordByTag(t)) f |= NAME_WORD;
  if (text.length >= 4 && text !== t.normal && allCapitals(text)) f |= SHOUTED;
  if (text.length <= 12 && stoppedWord(text)) f |= STOPPED;
  return f;
}
