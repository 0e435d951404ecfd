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

/** The key of a phrase's first word, derived as PhraseMatcher derives it (plain words split at spaces, else wink). */
function firstKey(phrase: string, on: GateOn): string | undefined {
  const plain = on === 'text' ? plainPhraseWords(phrase) : null;
  const first = plain
    ? { text: plain[0], normal: plain[0].toLowerCase(), lemma: plain[0].toLowerCase() }
    : tokenize(phrase).tokens.find((t) => t.text.trim() !== '');
  if (!first) return undefined;
  const keys = tokenKeys(first);
  return on === 'text' ? keys.text : keys.normal;
}

export class GatedMatcher<T> {
  readonly matcher: PhraseMatcher<T>;
  private readonly firsts = new Set<string>();
  /** Every phrase starts with a capital: a token without one needs no lookup. */
  readonly capitalisedOnly: boolean;
  /** Bit `length` of slot `shape(key)` is set for every first key. */
  private readonly shapes = new Uint32Array(SHAPE_SLOTS);

  constructor(phrases: readonly Phrase<T>[], readonly on: GateOn) {
    this.matcher = new PhraseMatcher(phrases, on);
    let capitalised = true;
    for (const p of phrases) {
      const key = firstKey(p.phrase, on);
      if (key === undefined || key.length === 0) continue;
      this.firsts.add(key);
      this.shapes[shape(key)] |= lengthBit(key);
      if (!isCapitalised(key)) capitalised = false;
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

  /** PhraseMatcher.matchAt; `keys[i]` is token i's key for this matcher's comparison. */
  matchAt(tokens: readonly TokenLike[], keys: readonly string[], i: number, to = tokens.length): readonly PhraseHit<T>[] {
    return i < to && this.starts(keys[i]) ? this.matcher.matchAt(tokens, i, to) : NO_HITS;
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
      if (!this.starts(keys[i])) {
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

/** Token keys as the matchers compare them: the segment's stored keys when they still describe the token, else fresh ones. */
export function keysOf(t: TokenLike): { text: string; normal: string } {
  const k = t.keys;
  return k && k.of.text === t.text && k.of.normal === t.normal && k.of.lemma === t.lemma ? k : tokenKeys(t);
}
