// PhraseMatcher with a gate. Most tokens start no phrase, and the stage asks
// its dictionaries about every token, so the context answers those tokens
// before any call into a matcher: one byte of a shared gate table, read at the
// token's slot (gateSlot: first and last characters, length), says which
// dictionaries have a phrase whose first word, or second word, has that slot;
// only then is the exact set of first words asked. Phrases needing a second
// word are not tried where the next token cannot be one. The context lists the
// tokens where phrases may start (Context.gazetteerStarts) or flags them
// (ORG_HEAD_START).
import { PhraseMatcher, plainPhraseWords, tokenKeys, type Phrase, type PhraseHit, type TokenLike } from '../../lexicon/phrases.js';
import { tokenize } from '../../nlp.js';
import { once } from './lazy.js';
import type { SentenceRange } from './tokens.js';

export type GateOn = 'text' | 'normal';

const GATE_SLOTS = 1 << 14;

/** A key's slot in a gate table: its first and last characters and its length. */
export function gateSlot(key: string): number {
  const n = key.length;
  return ((key.charCodeAt(0) << 7) ^ key.charCodeAt(n - 1) ^ (n << 10) ^ (n << 4)) & (GATE_SLOTS - 1);
}

/**
 * The gate tables: one for dictionaries compared on the written form, one for
 * those compared lower-cased. A dictionary owns two bits of one table: its
 * first words' and its second words'.
 */
export const textGates = once(() => new Uint8Array(GATE_SLOTS));
export const normalGates = once(() => new Uint8Array(GATE_SLOTS));

/** The bits of each dictionary in its gate table. */
export const GAZETTEER_GATE = { first: 1, second: 2 } as const;
export const ORG_HEAD_GATE = { first: 4, second: 8 } as const;
export const ORG_PREFIX_GATE = { first: 16, second: 32 } as const;
export const TITLE_GATE = { first: 1, second: 2 } as const;

export interface GateBits {
  readonly first: number;
  readonly second: number;
}

const NO_HITS: readonly PhraseHit<never>[] = Object.freeze([]);

/**
 * The keys of a phrase's first word and of its second (undefined: none), as
 * PhraseMatcher derives them: a phrase of plain words matched on the written
 * form is split at spaces (wink splits it there too), anything else is
 * tokenised by wink (whose normal form also respells: "defence" → "defense").
 */
function leadingKeys(phrase: string, on: GateOn): { first: string | undefined; second: string | undefined } {
  const plain = on === 'text' ? plainPhraseWords(phrase) : null;
  if (plain) return { first: tokenKeys({ text: plain[0], normal: '', lemma: '' }).text, second: plain.length > 1 ? tokenKeys({ text: plain[1], normal: '', lemma: '' }).text : undefined };
  const words = tokenize(phrase).tokens.filter((t) => t.text.trim() !== '');
  const key = (t: TokenLike | undefined) => (t === undefined ? undefined : on === 'text' ? tokenKeys(t).text : tokenKeys(t).normal);
  return { first: key(words[0]), second: key(words[1]) };
}

export class GatedMatcher<T> {
  readonly matcher: PhraseMatcher<T>;
  private readonly firsts = new Set<string>();
  /** First keys that are whole phrases on their own. */
  private readonly singles = new Set<string>();
  /** This dictionary's gate table (by its comparison) and its bits there. */
  readonly gates: Uint8Array;
  /** The second words of the phrases each first word starts: the trie's second level. */
  private readonly seconds = new Map<string, Set<string>>();
  /** What the matcher finds for a first word standing alone (its one-word phrases), kept once asked. */
  private readonly oneWord = new Map<string, readonly T[]>();

  constructor(
    phrases: readonly Phrase<T>[],
    readonly on: GateOn,
    readonly bits: GateBits,
  ) {
    this.matcher = new PhraseMatcher(phrases, on);
    this.gates = on === 'text' ? textGates() : normalGates();
    for (const p of phrases) {
      const { first, second } = leadingKeys(p.phrase, on);
      if (first === undefined || first.length === 0) continue;
      this.firsts.add(first);
      this.gates[gateSlot(first)] |= bits.first;
      if (second === undefined) this.singles.add(first);
      else if (second.length > 0) {
        this.gates[gateSlot(second)] |= bits.second;
        let next = this.seconds.get(first);
        if (!next) this.seconds.set(first, (next = new Set()));
        next.add(second);
      }
    }
  }

  /** A token's key for this dictionary's comparison. */
  keyOf(t: TokenLike): string {
    const keys = keysOf(t);
    return this.on === 'text' ? keys.text : keys.normal;
  }

  /**
   * PhraseMatcher.matchAt(tokens, i, to) where token i starts() a phrase. When
   * token i + 1 is no second word of a phrase starting with token i's word,
   * only a one-word phrase can match, and what the matcher found for that word
   * alone (it depends on the word only) is reused.
   */
  hitsAt(tokens: readonly TokenLike[], i: number, to: number): readonly PhraseHit<T>[] {
    const key = this.keyOf(tokens[i]);
    const seconds = this.seconds.get(key);
    if (seconds !== undefined && i + 1 < to && seconds.has(this.keyOf(tokens[i + 1]))) return this.matcher.matchAt(tokens, i, to);
    let values = this.oneWord.get(key);
    if (values === undefined) {
      values = this.matcher.matchAt(tokens, i, i + 1).map((h) => h.value);
      this.oneWord.set(key, values);
    }
    if (values.length === 0) return NO_HITS;
    const t = tokens[i];
    const hits: PhraseHit<T>[] = [];
    for (const value of values) hits.push({ value, first: i, end: i + 1, start: t.start, endOffset: t.end });
    return hits;
  }

  get size(): number {
    return this.matcher.size;
  }

  /** Whether some phrase starts with a word of this key (the gate table's bit, then the set). */
  starts(key: string): boolean {
    return key.length > 0 && (this.gates[gateSlot(key)] & this.bits.first) !== 0 && this.firsts.has(key);
  }

  /** starts(), once the gate table has let the key through: only the set is asked. */
  startsPassed(key: string): boolean {
    return this.firsts.has(key);
  }

  /** Whether some phrase is the word of this key alone (`key` starts() a phrase). */
  startsAlone(key: string): boolean {
    return this.singles.has(key);
  }

  /**
   * Whether a word of this key may be the second word of some phrase: false
   * means no phrase of two or more words continues with it.
   */
  mayFollow(key: string): boolean {
    return key.length > 0 && (this.gates[gateSlot(key)] & this.bits.second) !== 0;
  }

  /** Whether a phrase may match at token i (`keys[i]`: token i's key for this matcher's comparison): its first word, and its second if it needs one. */
  mayStartAt(keys: readonly string[], i: number, to: number): boolean {
    const key = keys[i];
    return i < to && this.starts(key) && (this.startsAlone(key) || (i + 1 < to && this.mayFollow(keys[i + 1])));
  }

  /** PhraseMatcher.matchAt, asked only where a phrase may start. */
  matchAt(tokens: readonly TokenLike[], keys: readonly string[], i: number, to = tokens.length): readonly PhraseHit<T>[] {
    return this.mayStartAt(keys, i, to) ? this.hitsAt(tokens, i, to) : NO_HITS;
  }

  /** matchAt where token i's flags carry `bit` when starts() holds for its key. */
  matchAtFlagged(tokens: readonly TokenLike[], flags: Uint16Array, bit: number, i: number, to = tokens.length): readonly PhraseHit<T>[] {
    return i < to && (flags[i] & bit) !== 0 ? this.hitsAt(tokens, i, to) : NO_HITS;
  }

  /**
   * findAll over every sentence, trying only the tokens listed in `starts`
   * (ascending: those whose key starts() a phrase). `found` receives the hits
   * of each longest match (longest first), in text order.
   */
  findEach(tokens: readonly TokenLike[], starts: readonly number[], sentences: readonly SentenceRange[], found: (hits: readonly PhraseHit<T>[], longest: number) => void): void {
    let p = 0;
    for (const s of sentences) {
      let next = s.first;
      for (; p < starts.length && starts[p] < s.last; p++) {
        const i = starts[p];
        if (i < next) continue;
        const hits = this.hitsAt(tokens, i, s.last);
        if (hits.length === 0) continue;
        next = hits[0].end;
        found(hits, next);
      }
    }
  }

  /** PhraseMatcher.findAll (longest matches left to right, never overlapping), skipping tokens that start no phrase. */
  findAll(tokens: readonly TokenLike[], keys: readonly string[], from = 0, to = tokens.length): PhraseHit<T>[] {
    const out: PhraseHit<T>[] = [];
    for (let i = from; i < to; ) {
      if (!this.mayStartAt(keys, i, to)) {
        i++;
        continue;
      }
      const hits = this.hitsAt(tokens, i, to);
      if (hits.length === 0) {
        i++;
        continue;
      }
      const longest = hits[0].end;
      for (const h of hits) if (h.end === longest) out.push(h);
      i = longest;
    }
    return out;
  }
}

/** A token's written and lower-cased keys as the matchers compare them: the segment's stored keys when they still describe the token, else fresh ones. */
export function keysOf(t: TokenLike): { text: string; normal: string } {
  const k = t.keys;
  return k !== undefined && k.of.text === t.text && k.of.normal === t.normal ? k : tokenKeys(t);
}
