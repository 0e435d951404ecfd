// PhraseMatcher with a gate: the set of keys its phrases start with. Most tokens
// start no phrase, and the stage asks its dictionaries about every token, so
// those tokens are answered before any call into the matcher: first by a 16 KB
// bit table of (first letter, last letter, length), then by the set of first
// keys. The context asks once per token and lists where phrases may start
// (Context.gazetteerStarts) or flags those tokens (ORG_HEAD_START).
import { PhraseMatcher, plainPhraseWords, tokenKeys, type Phrase, type PhraseHit, type TokenLike } from '../../lexicon/phrases.js';
import { tokenize } from '../../nlp.js';
import { isCapitalised, type SentenceRange } from './tokens.js';

export type GateOn = 'text' | 'normal';

const SHAPE_SLOTS = 4096;

/** A key's slot in the bit table: its first and last characters. */
function shape(key: string): number {
  return (key.charCodeAt(0) * 31 + key.charCodeAt(key.length - 1)) & (SHAPE_SLOTS - 1);
}

function lengthBit(key: string): number {
  return 1 << (key.length > 31 ? 31 : key.length);
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
  /** Every phrase starts with a capital: a token without one needs no lookup. */
  readonly capitalisedOnly: boolean;
  /** Bit `length` of slot `shape(key)` is set for every first key. */
  private readonly shapes = new Uint32Array(SHAPE_SLOTS);
  /** First keys that are whole phrases on their own. */
  private readonly singles = new Set<string>();
  /** The same bit table for second words. */
  private readonly secondShapes = new Uint32Array(SHAPE_SLOTS);

  constructor(phrases: readonly Phrase<T>[], readonly on: GateOn) {
    this.matcher = new PhraseMatcher(phrases, on);
    let capitalised = true;
    for (const p of phrases) {
      const { first, second } = leadingKeys(p.phrase, on);
      if (first === undefined || first.length === 0) continue;
      this.firsts.add(first);
      this.shapes[shape(first)] |= lengthBit(first);
      if (!isCapitalised(first)) capitalised = false;
      if (second === undefined) this.singles.add(first);
      else if (second.length > 0) this.secondShapes[shape(second)] |= lengthBit(second);
    }
    this.capitalisedOnly = capitalised;
  }

  get size(): number {
    return this.matcher.size;
  }

  /** Whether some phrase starts with a word of this key. */
  starts(key: string): boolean {
    return key.length > 0 && (this.shapes[shape(key)] & lengthBit(key)) !== 0 && this.firsts.has(key);
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
    return key.length > 0 && (this.secondShapes[shape(key)] & lengthBit(key)) !== 0;
  }

  /** Whether a phrase may match at token i (`keys[i]`: token i's key for this matcher's comparison): its first word, and its second if it needs one. */
  mayStartAt(keys: readonly string[], i: number, to: number): boolean {
    const key = keys[i];
    return i < to && this.starts(key) && (this.startsAlone(key) || (i + 1 < to && this.mayFollow(keys[i + 1])));
  }

  /** PhraseMatcher.matchAt, asked only where a phrase may start. */
  matchAt(tokens: readonly TokenLike[], keys: readonly string[], i: number, to = tokens.length): readonly PhraseHit<T>[] {
    return this.mayStartAt(keys, i, to) ? this.matcher.matchAt(tokens, i, to) : NO_HITS;
  }

  /** matchAt where token i's flags carry `bit` when starts() holds for its key. */
  matchAtFlagged(tokens: readonly TokenLike[], flags: Uint16Array, bit: number, i: number, to = tokens.length): readonly PhraseHit<T>[] {
    return i < to && (flags[i] & bit) !== 0 ? this.matcher.matchAt(tokens, i, to) : NO_HITS;
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
        const hits = this.matcher.matchAt(tokens, i, s.last);
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
      const hits = this.matcher.matchAt(tokens, i, to);
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
