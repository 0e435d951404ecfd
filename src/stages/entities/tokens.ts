// The token view the entities stage reads: the segment tokens, with one repair
// for names. wink keeps a lower-case prefix glued to a name ("post-Soviet",
// "anti-American", "ez-Zor"), so those tokens are split at the hyphen; every
// other token is the segment token itself, with the same offsets.
import type { Segmentation } from '../../article.js';

export interface NameToken {
  start: number;
  end: number;
  text: string;
  normal: string;
  lemma: string;
  pos: string;
  sentence: number;
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

export function tokenView(seg: Segmentation): TokenView {
  const tokens: NameToken[] = [];
  const sentences: SentenceRange[] = [];
  for (const s of seg.sentences) {
    const first = tokens.length;
    for (let i = s.firstToken; i < s.endToken; i++) {
      const t = seg.tokens[i];
      const m = LOWER_PREFIX.exec(t.text);
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

/** Starts with an upper-case letter ("Iran", "U.S.", "IRGC", "al-Assad" is not). */
export function isCapitalised(text: string): boolean {
  return /^\p{Lu}/u.test(text);
}

/** All letters upper-case, at least two of them: an acronym ("IRGC", "U.N.", "G20"). */
export function isAcronym(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && /^\p{Lu}/u.test(text);
}
