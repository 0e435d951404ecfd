// What the stage's dictionaries read of an article's tokens, computed once per
// article rather than per sentence or per lookup: the form the trigger
// dictionary matches (capitalised common words relemmatised) and, per token, a
// bit mask of the dictionaries that may match from it (GATE_BITS), so that a
// sentence no trigger word opens is passed over at once and every other lookup
// is one array read.
import type { Token } from '../../article.js';
import { FormMemo, tokenKeys, type TokenLike } from '../../lexicon/phrases.js';
import { tokenize } from '../../nlp.js';
import { formFolds, FUTURE_TIMES_GATE, GATE_BITS, GATES, MODALITY_GATE, PAIR_ANAPHORS_GATE, TRIGGER_GATE, type Gate } from './dictionary.js';

export interface TokenLookup {
  /** The article's tokens as the trigger dictionary reads them (see matchable), by token index. */
  matchable: readonly TokenLike[];
  /**
   * Gate bits of every token (GATE_BITS): set where a dictionary may match from the token (its first word opens a
   * phrase, and its second word, if any, may follow); the trigger bit is that of its matchable form.
   */
  gates: Uint16Array;
}

/** A lower-cased word's lemma, and that lemma as a lookup key (folded). */
interface Relemma {
  lemma: string;
  key: string;
  /** The trigger gate's bit for the word with that lemma. */
  trigger: number;
}

const lemmaCache = new Map<string, Relemma>();
const TITLE_CASE = /^\p{Lu}\p{Ll}+$/u;

function relemma(normal: string): Relemma {
  let r = lemmaCache.get(normal);
  if (r === undefined) {
    if (lemmaCache.size > 20000) lemmaCache.clear();
    const lemma = tokenize(normal).tokens[0]?.lemma.toLowerCase() ?? normal;
    r = { lemma, key: tokenKeys({ text: normal, normal, lemma }).lemma, trigger: GATES.maskOfForms(normal, lemma) & GATE_BITS.trigger };
    lemmaCache.set(normal, r);
  }
  return r;
}

/** A capital then lower-case letters ("Talks", "Élysée"): ASCII words are told by their codes, others by TITLE_CASE. */
function titleCase(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 0x41 || (c > 0x5a && c < 0x80)) return false;
  if (c >= 0x80) return TITLE_CASE.test(text);
  if (text.length < 2) return false;
  for (let k = 1; k < text.length; k++) {
    const d = text.charCodeAt(k);
    if (d >= 0x80) return TITLE_CASE.test(text);
    if (d < 0x61 || d > 0x7a) return false;
  }
  return true;
}

/** The token's lookup keys were made from its current forms (see keysOf in lexicon/phrases.ts). */
function keysHold(t: Token): boolean {
  const of = t.keys?.of;
  return of !== undefined && of.text === t.text && of.normal === t.normal && of.lemma === t.lemma;
}

/**
 * wink leaves capitalised common words it tags PROPN unlemmatised ("Talks
 * between ..." at the start of a sentence, headlines in title case); matching
 * uses the lemma of the lower-cased word instead, computed once per word. A
 * copy with that lemma is made only when it reads differently from the token:
 * "Talks" (talk), not "Russia" (russia either way).
 */
function matchable(t: Token, mask: number): TokenLike {
  if (t.pos !== 'PROPN' || !titleCase(t.text)) return t;
  const r = relemma(t.normal);
  if (r.lemma === t.lemma) return t;
  if (r.trigger === (mask & GATE_BITS.trigger) && keysHold(t) && t.keys.lemma === r.key) return t;
  return { ...t, lemma: r.lemma, keys: tokenKeys({ text: t.text, normal: t.normal, lemma: r.lemma }) };
}

/**
 * Phrase gates whose first words often open longer phrases only ("the" → "the two nations", "in" → "in the
 * coming days", "be" → "be expected to", "hold" → "hold talks"), with their bits and whether they read the
 * matchable tokens: there the second word is checked too. (The group gate's first words are phrases of their
 * own: checking would cost more than it saves.)
 */
const TWO_WORD_GATES: readonly [Gate, number, number, boolean][] = [
  [TRIGGER_GATE, GATE_BITS.trigger, GATE_BITS.triggerSingle, true],
  [MODALITY_GATE, GATE_BITS.modality, GATE_BITS.modalitySingle, false],
  [FUTURE_TIMES_GATE, GATE_BITS.futureTimes, GATE_BITS.futureTimesSingle, false],
  [PAIR_ANAPHORS_GATE, GATE_BITS.pairAnaphors, GATE_BITS.pairAnaphorsSingle, false],
];
const TWO_WORD_BITS = GATE_BITS.trigger | GATE_BITS.modality | GATE_BITS.futureTimes | GATE_BITS.pairAnaphors;

/** A token's gate bits from its forms alone (before matchable), once per word form. */
const FORM_MASKS = new FormMemo<number>();

function formMask(t: Token): number {
  let mask = GATES.maskOfForms(t.normal, t.lemma, formFolds(t));
  // Object words, reporting and accusation verbs are compared by the lower-cased lemma too ("Talks" → talks).
  if (t.lemma !== t.normal) {
    const lower = t.lemma.toLowerCase();
    if (lower !== t.lemma && lower !== t.normal) mask |= GATES.maskOfForms(lower, lower) & (GATE_BITS.objectWord | GATE_BITS.reportingVerb | GATE_BITS.accusationVerb);
  }
  FORM_MASKS.set(t, mask);
  return mask;
}

export function tokenLookup(tokens: readonly Token[]): TokenLookup {
  const gates = new Uint16Array(tokens.length);
  // Copies are rare: the tokens themselves until one is needed.
  let copies: TokenLike[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    let mask = FORM_MASKS.get(t) ?? formMask(t);
    const m = matchable(t, mask);
    if (m !== t) {
      const triggerBits = GATE_BITS.trigger | GATE_BITS.triggerSingle;
      mask = (mask & ~triggerBits) | (GATES.maskOfForms(m.normal, m.lemma, formFolds(t)) & triggerBits);
      (copies ??= tokens.slice())[i] = m;
    }
    gates[i] = mask;
  }
  // Such a gate stays open only where the word after can continue one of its phrases ("the" opens "the two
  // nations", not "the government"); the next word must be in the same sentence, as matchAt stops at its end.
  const matchables = copies ?? tokens;
  for (let i = 0; i < tokens.length; i++) {
    let mask = gates[i];
    if ((mask & TWO_WORD_BITS) === 0) continue;
    const last = i + 1 >= tokens.length || tokens[i + 1].sentence !== tokens[i].sentence;
    for (let g = 0; g < TWO_WORD_GATES.length; g++) {
      const [gate, bit, single, readsMatchable] = TWO_WORD_GATES[g];
      // A word that is a phrase of its own opens one whatever follows.
      if ((mask & bit) === 0 || (mask & single) !== 0) continue;
      const source = readsMatchable ? matchables : tokens;
      if (!gate.mayStart(source[i], last ? undefined : source[i + 1])) mask &= ~bit;
    }
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
