// What the stage's dictionaries read of an article's tokens, computed once per
// article rather than per sentence or per lookup: the form the trigger
// dictionary matches (capitalised common words relemmatised) and, per token, a
// bit mask of the dictionaries that may match from it (GATE_BITS), so that a
// sentence no trigger word opens is passed over at once and every other lookup
// is one array read.
import type { Token } from '../../article.js';
import { tokenKeys, type TokenLike } from '../../lexicon/phrases.js';
import { tokenize } from '../../nlp.js';
import { GATE_BITS, GATES } from './dictionary.js';

export interface TokenLookup {
  /** The article's tokens as the trigger dictionary reads them (see matchable), by token index. */
  matchable: readonly TokenLike[];
  /** Gate bits of every token (GATE_BITS); the trigger bit is that of its matchable form. */
  gates: Uint8Array;
}

const lemmaCache = new Map<string, string>();
const TITLE_CASE = /^\p{Lu}\p{Ll}+$/u;

/**
 * wink leaves capitalised common words it tags PROPN unlemmatised ("Talks
 * between ..." at the start of a sentence, headlines in title case); matching
 * uses the lemma of the lower-cased word instead, computed once per word. The
 * copy carries lookup keys of its own.
 */
function matchable(t: Token): TokenLike {
  if (t.pos !== 'PROPN' || !TITLE_CASE.test(t.text)) return t;
  let lemma = lemmaCache.get(t.normal);
  if (lemma === undefined) {
    if (lemmaCache.size > 20000) lemmaCache.clear();
    lemma = tokenize(t.normal).tokens[0]?.lemma.toLowerCase() ?? t.normal;
    lemmaCache.set(t.normal, lemma);
  }
  return lemma === t.lemma ? t : { ...t, lemma, keys: tokenKeys({ text: t.text, normal: t.normal, lemma }) };
}

export function tokenLookup(tokens: readonly Token[]): TokenLookup {
  const matchables: TokenLike[] = new Array(tokens.length);
  const gates = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const m = matchable(t);
    matchables[i] = m;
    let mask = GATES.maskOf(t);
    if (m !== t) mask = (mask & ~GATE_BITS.trigger) | (GATES.maskOf(m) & GATE_BITS.trigger);
    gates[i] = mask;
  }
  return { matchable: matchables, gates };
}

/** Some token of [first, end) has the gate bit. */
export function anyGate(lookup: TokenLookup, bit: number, first: number, end: number): boolean {
  const gates = lookup.gates;
  for (let i = first; i < end; i++) if ((gates[i] & bit) !== 0) return true;
  return false;
}
