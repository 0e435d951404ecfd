// PhraseMatcher with a gate. Most tokens start no phrase, and the stage asks
// its dictionaries about every token, so the context answers those tokens
// before any call into a matcher: one byte of a shared gate table, read at the
// token's slot (gateSlot: first and last characters, length), says which
// dictionaries have a phrase whose first word, or second word, has that slot;
// only then is the exact set of first words asked. Phrases needing a second
// word are not tried where the next token cannot be one. The context lists the
// tokens where phrases may start (Context.gazetteerStarts) or flags them
// (ORG_HEAD_START).
import { longestMatches, NO_HITS, phraseWords, PhraseMatcher, plainPhraseWords, tokenKeys, type Phrase, type PhraseHit, type TokenLike } from '../../lexicon/phrases.js';
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
 * those compared lower-cased. A dictionary owns bits of one table: its first
 * words', its second words', and (optionally) those of its first words that
 * are whole phrases alone.
 */
export const textGates = once(() => new Uint8Array(GATE_SLOTS));
export const normalGates = once(() => new Uint8Array(GATE_SLOTS));

/** The bits of each dictionary in its gate table. */
export const GAZETTEER_GATE = { first: 1, second: 2, single: 64, last: 128 } as const;
export const ORG_HEAD_GATE = { first: 4, second: 8, single: 0, last: 0 } as const;
export const ORG_PREFIX_GATE = { first: 16, second: 32, single: 0, last: 0 } as const;
export const TITLE_GATE = { first: 1, second: 2, single: 4, last: 0 } as const;

export interface GateBits {
  readonly first: number;
  readonly second: number;
  readonly single: number;
  /** Set for the last words of phrases (0: not kept; written-form dictionaries only). */
  readonly last: number;
}

/**
 * The keys a phrase's first word may have, each with the keys its second word
 * may then have (undefined: the phrase is that word alone), as PhraseMatcher
 * derives them. A phrase of plain words matched on the written form is split
 * at spaces, as wink splits it. Other phrases on the written form are not
 * tokenised here: a chunk of plain letters is one wink token, and the first
 * token of any other chunk is one of its prefixes ending where plain letters
 * meet other characters (a test checks both on the shipped data), so every
 * such split is taken. Phrases on the lower-cased form take the words wink
 * read for the matcher (its normal form also respells: "defence" → "defense"):
 * normalLeadingKeys.
 */
function leadingKeys(phrase: string, plain: string[] | null): { first: string; seconds: string[] | undefined }[] {
  // Plain words are letters only: nothing in them to straighten, each is its own key.
  if (plain) return [{ first: plain[0], seconds: plain.length > 1 ? [plain[1]] : undefined }];
  const chunks = phrase.trim().split(/\s+/).map(textKey);
  const next = chunks.length > 1 ? tokenStarts(chunks[1]) : undefined;
  if (plainPhraseWords(chunks[0]) !== null) return [{ first: chunks[0], seconds: next }];
  return tokenStarts(chunks[0]).map((first) => ({ first, seconds: first.length === chunks[0].length ? next : tokenStarts(chunks[0].slice(first.length)) }));
}

/** The lower-cased keys of a phrase's first two words, as wink read them. */
function normalLeadingKeys(words: readonly TokenLike[]): { first: string; seconds: string[] | undefined }[] {
  if (words.length === 0) return [];
  return [{ first: tokenKeys(words[0]).normal, seconds: words.length > 1 ? [tokenKeys(words[1]).normal] : undefined }];
}

/** The keys a phrase's last word may have: as leadingKeys, from the end (written form only). */
function lastKeys(phrase: string, plain: string[] | null): string[] {
  if (plain) return [plain[plain.length - 1]];
  const chunks = phrase.trim().split(/\s+/);
  return tokenEnds(textKey(chunks[chunks.length - 1]));
}

/** The suffixes of a chunk wink's last token may be: those starting where plain letters meet other characters, and the whole. */
function tokenEnds(chunk: string): string[] {
  const out: string[] = [];
  for (let p = 0; p < chunk.length; p++) if (p === 0 || !isPlainChar(chunk.charCodeAt(p - 1)) || !isPlainChar(chunk.charCodeAt(p))) out.push(chunk.slice(p));
  return out;
}

/** The prefixes of a chunk wink's first token may be: those ending where plain letters meet other characters, and the whole. */
function tokenStarts(chunk: string): string[] {
  const out: string[] = [];
  for (let n = 1; n <= chunk.length; n++) if (n === chunk.length || !isPlainChar(chunk.charCodeAt(n - 1)) || !isPlainChar(chunk.charCodeAt(n))) out.push(chunk.slice(0, n));
  return out;
}

function textKey(word: string): string {
  return tokenKeys({ text: word, normal: '', lemma: '' }).text;
}

/** ASCII letters and digits, Latin-1 letters: what wink keeps together in a word. */
function isPlainChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7);
}

/** What a dictionary knows of one first word: the trie's second level below it, and what it alone matches. */
export interface FirstWord<T> {
  /** Some phrase is this word alone. */
  single: boolean;
  /** Second words of the phrases it starts (null: none); a word starts few phrases. */
  seconds: string[] | null;
  /** The matcher's values for the word standing alone (its one-word phrases), kept once asked. */
  alone: readonly T[] | undefined;
}

export class GatedMatcher<T> {
  readonly matcher: PhraseMatcher<T>;
  private readonly firstWords = new Map<string, FirstWord<T>>();
  /** This dictionary's gate table (by its comparison) and its bits there. */
  readonly gates: Uint8Array;

  constructor(
    phrases: readonly Phrase<T>[],
    readonly on: GateOn,
    readonly bits: GateBits,
  ) {
    // Lower-cased keys come from wink: the phrases are read once, for the gates and the matcher.
    const read = on === 'normal' ? phraseWords(phrases.map((p) => p.phrase), on) : null;
    this.matcher = new PhraseMatcher(phrases, on, read ?? undefined);
    this.gates = on === 'text' ? textGates() : normalGates();
    for (let k = 0; k < phrases.length; k++) {
      const p = phrases[k];
      const plain = on === 'text' ? plainPhraseWords(p.phrase) : null;
      if (bits.last !== 0) for (const last of lastKeys(p.phrase, plain)) if (last.length > 0) this.gates[gateSlot(last)] |= bits.last;
      for (const { first, seconds } of read ? normalLeadingKeys(read[k]) : leadingKeys(p.phrase, plain)) {
        if (first.length === 0) continue;
        let word = this.firstWords.get(first);
        if (!word) this.firstWords.set(first, (word = { single: false, seconds: null, alone: undefined }));
        this.gates[gateSlot(first)] |= bits.first;
        if (seconds === undefined) {
          word.single = true;
          this.gates[gateSlot(first)] |= bits.single;
        } else {
          for (const second of seconds) {
            if (second.length === 0) continue;
            this.gates[gateSlot(second)] |= bits.second;
            const known = (word.seconds ??= []);
            if (!known.includes(second)) known.push(second);
          }
        }
      }
    }
  }

  get size(): number {
    return this.matcher.size;
  }

  /** A token's key for this dictionary's comparison. */
  keyOf(t: TokenLike): string {
    const keys = keysOf(t);
    return this.on === 'text' ? keys.text : keys.normal;
  }

  /** The first word of this key, if some phrase starts with it (the gate table's bit, then the map). */
  first(key: string): FirstWord<T> | undefined {
    return key.length > 0 && (this.gates[gateSlot(key)] & this.bits.first) !== 0 ? this.firstWords.get(key) : undefined;
  }

  /** first(), once the gate table has let the key through: only the map is asked. */
  firstPassed(key: string): FirstWord<T> | undefined {
    return this.firstWords.get(key);
  }

  /** Whether some phrase starts with a word of this key. */
  starts(key: string): boolean {
    return this.first(key) !== undefined;
  }

  /** Whether a word of this key may end some phrase (dictionaries that keep last words): false means none ends with it. */
  mayEnd(key: string): boolean {
    return key.length > 0 && (this.gates[gateSlot(key)] & this.bits.last) !== 0;
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
    const word = i < to ? this.first(keys[i]) : undefined;
    return word !== undefined && (word.single || (i + 1 < to && this.mayFollow(keys[i + 1])));
  }

  /**
   * PhraseMatcher.matchAt(tokens, i, to) where token i starts a phrase with
   * `word`. When token i + 1 is no second word of such a phrase, only a one-word
   * phrase can match, and what the matcher found for the word alone (it depends
   * on the word only) is reused.
   */
  hitsFrom(tokens: readonly TokenLike[], i: number, to: number, word: FirstWord<T>): readonly PhraseHit<T>[] {
    if (word.seconds !== null && i + 1 < to && word.seconds.includes(this.keyOf(tokens[i + 1]))) return this.matcher.matchAt(tokens, i, to);
    const values = (word.alone ??= this.matcher.matchAt(tokens, i, i + 1).map((h) => h.value));
    if (values.length === 0) return NO_HITS;
    const t = tokens[i];
    const hits: PhraseHit<T>[] = [];
    for (const value of values) hits.push({ value, first: i, end: i + 1, start: t.start, endOffset: t.end });
    return hits;
  }

  /** PhraseMatcher.matchAt(tokens, i, to), asking the matcher only where token i starts a phrase. */
  hitsAt(tokens: readonly TokenLike[], i: number, to: number): readonly PhraseHit<T>[] {
    const word = i < to ? this.first(this.keyOf(tokens[i])) : undefined;
    return word === undefined ? NO_HITS : this.hitsFrom(tokens, i, to, word);
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
   * (ascending: those whose key starts a phrase, with that first word in
   * `words`). `found` receives the hits of each longest match (longest first),
   * in text order.
   */
  findEach(
    tokens: readonly TokenLike[],
    starts: readonly number[],
    words: readonly FirstWord<T>[],
    sentences: readonly SentenceRange[],
    found: (hits: readonly PhraseHit<T>[], longest: number) => void,
  ): void {
    let p = 0;
    for (const s of sentences) {
      let next = s.first;
      for (; p < starts.length && starts[p] < s.last; p++) {
        const i = starts[p];
        if (i < next) continue;
        const hits = this.hitsFrom(tokens, i, s.last, words[p]);
        if (hits.length === 0) continue;
        // "the West Bank", "the Gulf of Aden": a phrase led by an article ("the West", "the Gulf") gives way
        // to a longer one that starts at the next word.
        if (p + 1 < starts.length && starts[p + 1] === i + 1 && isArticle(tokens[i].text)) {
          const after = this.hitsFrom(tokens, i + 1, s.last, words[p + 1]);
          if (after.length > 0 && after[0].end > hits[0].end) continue;
        }
        next = hits[0].end;
        found(hits, next);
      }
    }
  }

  /** PhraseMatcher.findAll (longest matches left to right, never overlapping), skipping tokens that start no phrase. */
  findAll(tokens: readonly TokenLike[], keys: readonly string[], from = 0, to = tokens.length): PhraseHit<T>[] {
    return longestMatches(from, to, (i) => this.matchAt(tokens, keys, i, to));
  }

}

/** A token's written and lower-cased keys as the matchers compare them: the segment's stored keys when they still describe the token, else fresh ones. */
export function keysOf(t: TokenLike): { text: string; normal: string } {
  const k = t.keys;
  return k !== undefined && k.of.text === t.text && k.of.normal === t.normal ? k : tokenKeys(t);
}

function isArticle(text: string): boolean {
  return text === 'the' || text === 'The';
}
