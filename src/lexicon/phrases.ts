// The one helper that turns data (gazetteers, cue lists, trigger dictionaries)
// into matchers. Phrases are tokenised by the same wink tokenizer as articles,
// so token boundaries always agree ("U.S.-Iran" → U.S. | - | Iran), and held in
// a token trie, so matching costs one map lookup per token whatever the size of
// the dictionary.
import type { TokenKeys } from '../article.js';
import { tokenize, type RawToken } from '../nlp.js';

export interface Phrase<T> {
  phrase: string;
  value: T;
}

/** How a phrase word is compared with a token. */
export type MatchOn =
  /** exact surface form (names: "US" is not "us") */
  | 'text'
  /** lower-cased */
  | 'normal'
  /** lower-cased, or the same lemma ("collaborated" matches "collaborate") */
  | 'lemma';

export interface TokenLike {
  start: number;
  end: number;
  text: string;
  normal: string;
  lemma: string;
  /** Precomputed lookup keys (article tokens have them); computed on the fly otherwise. */
  keys?: TokenKeys;
}

export interface PhraseHit<T> {
  value: T;
  /** Token range [first, end). */
  first: number;
  end: number;
  /** Character offsets. */
  start: number;
  endOffset: number;
}

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  values: T[];
}

const node = <T>(): TrieNode<T> => ({ next: new Map(), values: [] });

export const NO_HITS: readonly PhraseHit<never>[] = Object.freeze([]);

/** Curly and straight apostrophes and dashes compare equal. Called per token per lookup: plain ASCII returns at once. */
function fold(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x60 || (c >= 0x2010 && c <= 0x2019)) return s.replace(/[’‘`]/g, "'").replace(/[‐‑–—]/g, '-');
  }
  return s;
}

/** The keys dictionaries look a token up by; segment stores them on every article token. */
export function tokenKeys(t: { text: string; normal: string; lemma: string }): TokenKeys {
  return keysOfForms(t.text, t.normal, t.lemma);
}

/** tokenKeys of a token's three forms, without a token object. */
export function keysOfForms(text: string, normal: string, lemma: string): TokenKeys {
  const normalKey = fold(normal);
  const lower = lemma.toLowerCase();
  return { text: fold(text), normal: normalKey, lemma: lower === normal ? normalKey : fold(lower), of: { text, normal, lemma }, memo: undefined };
}

let memoSlots = 0;

/**
 * A stage's answer for a word form (a pure function of a token's text, normal
 * form and lemma), kept on the token's lookup keys: segment shares one keys
 * object among all tokens of the same forms, so the answer is computed once
 * per form and read back with no table lookup. Tokens whose keys do not
 * describe them (edited copies) get no memo.
 */
export class FormMemo<V> {
  private readonly slot = memoSlots++;

  get(t: TokenLike): V | undefined {
    const k = t.keys;
    if (k === undefined || k.memo === undefined) return undefined;
    return k.of.text === t.text && k.of.normal === t.normal && k.of.lemma === t.lemma ? (k.memo[this.slot] as V | undefined) : undefined;
  }

  set(t: TokenLike, value: V): void {
    const k = t.keys;
    if (k === undefined || k.of.text !== t.text || k.of.normal !== t.normal || k.of.lemma !== t.lemma) return;
    const memo = (k.memo ??= []);
    while (memo.length <= this.slot) memo.push(undefined);
    memo[this.slot] = value;
  }
}

/** Stored keys when they still describe the token (stages make edited copies: "NATO" → "Nato"), else fresh ones. */
function keysOf(t: TokenLike): TokenKeys {
  const k = t.keys;
  return k && k.of.text === t.text && k.of.normal === t.normal && k.of.lemma === t.lemma ? k : tokenKeys(t);
}

/** Words of ASCII and Latin-1 letters only, separated by spaces (wink splits other scripts' letters). */
const PLAIN_PHRASE = /^\s*[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF]+(\s+[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF]+)*\s*$/;

/** How a phrase is split into words; exported so tests can check it agrees with wink. */
export function plainPhraseWords(phrase: string): string[] | null {
  if (!PLAIN_PHRASE.test(phrase) || /\bcannot\b/i.test(phrase)) return null;
  return phrase.trim().split(/\s+/);
}

/**
 * The words of each phrase. Matching on the written form, a phrase of plain
 * Latin words ("Los Angeles", "Bank of England") is split at spaces without
 * asking wink, which tokenises such words whole; the others are read by wink
 * all at once (tokenizeEach).
 */
export function phraseWords(phrases: readonly string[], on: MatchOn): TokenLike[][] {
  const words: (TokenLike[] | null)[] = phrases.map((phrase) => {
    const plain = on === 'text' ? plainPhraseWords(phrase) : null;
    return plain && plain.map((w) => ({ start: 0, end: w.length, text: w, normal: w.toLowerCase(), lemma: w.toLowerCase() }));
  });
  const rest = phrases.filter((_, k) => words[k] === null);
  const read = rest.length > 0 ? tokenizeEach(rest) : [];
  let next = 0;
  return words.map((w) => w ?? read[next++]);
}

/**
 * The words of many phrases as wink tokenises them, from one reading of them
 * all, a paragraph each: one wink call instead of one a phrase, which at
 * start-up is a few milliseconds instead of a tenth of a second. wink tags each
 * sentence alone, so the words, and their lemmas, are those of each phrase read
 * alone (a test checks this for every shipped lexicon).
 */
export function tokenizeEach(phrases: readonly string[]): RawToken[][] {
  const starts: number[] = [];
  let text = '';
  for (const p of phrases) {
    starts.push(text.length);
    text += p + '\n\n';
  }
  const words: RawToken[][] = phrases.map(() => []);
  let k = 0;
  for (const t of tokenize(text).tokens) {
    if (t.text.trim() === '') continue;
    while (k + 1 < starts.length && t.start >= starts[k + 1]) k++;
    words[k].push(t);
  }
  return words;
}

/**
 * Reads the phrases of several dictionaries compiled together (one stage's
 * lexicon), each distinct phrase once: a phrase several matchers share, or
 * that is also read for its tags, goes to wink one time. What it read goes
 * with it when the compilation is done.
 */
export class PhraseReader {
  private readonly read = new Map<string, RawToken[]>();

  words(phrases: readonly string[]): RawToken[][] {
    const unread = [...new Set(phrases.filter((p) => !this.read.has(p)))];
    if (unread.length > 0) tokenizeEach(unread).forEach((words, k) => this.read.set(unread[k], words));
    return phrases.map((p) => this.read.get(p)!);
  }
}

export class PhraseMatcher<T> {
  private readonly root: TrieNode<T> = node();
  readonly size: number;

  /** `words`: the entries' phrases as phraseWords reads them, when the caller has read them already. */
  constructor(
    entries: readonly Phrase<T>[],
    private readonly on: MatchOn = 'normal',
    words: readonly (readonly TokenLike[])[] = phraseWords(entries.map((e) => e.phrase), on),
  ) {
    for (let k = 0; k < entries.length; k++) {
      const { value } = entries[k];
      if (words[k].length === 0) continue;
      let at = this.root;
      for (const w of words[k]) {
        const key = this.phraseKey(w);
        let child = at.next.get(key);
        if (!child) at.next.set(key, (child = node()));
        at = child;
      }
      at.values.push(value);
    }
    this.size = entries.length;
  }

  private phraseKey(t: TokenLike): string {
    const keys = tokenKeys(t);
    return this.on === 'text' ? keys.text : this.on === 'lemma' ? keys.lemma : keys.normal;
  }

  private step(at: TrieNode<T>, t: TokenLike): TrieNode<T> | undefined {
    const keys = keysOf(t);
    if (this.on === 'text') return at.next.get(keys.text);
    const byNormal = at.next.get(keys.normal);
    if (byNormal || this.on === 'normal') return byNormal;
    return at.next.get(keys.lemma);
  }

  /** Every phrase that starts at token `i`, longest first. */
  matchAt(tokens: readonly TokenLike[], i: number, to = tokens.length): PhraseHit<T>[] {
    // Most tokens start no phrase: answer those without allocating (the shared empty answer is frozen).
    let at: TrieNode<T> | undefined = i < to ? this.step(this.root, tokens[i]) : undefined;
    if (!at) return NO_HITS as unknown as PhraseHit<T>[];
    const ends: [number, T[]][] = [];
    if (at.values.length > 0) ends.push([i, at.values]);
    for (let j = i + 1; j < to && at; j++) {
      at = this.step(at, tokens[j]);
      if (at && at.values.length > 0) ends.push([j, at.values]);
    }
    const hits: PhraseHit<T>[] = [];
    for (let k = ends.length - 1; k >= 0; k--) {
      const [j, values] = ends[k];
      for (const value of values) hits.push({ value, first: i, end: j + 1, start: tokens[i].start, endOffset: tokens[j].end });
    }
    return hits;
  }

  /** Longest matches scanning left to right, never overlapping. */
  findAll(tokens: readonly TokenLike[], from = 0, to = tokens.length): PhraseHit<T>[] {
    return longestMatches(from, to, (i) => this.matchAt(tokens, i, to));
  }
}

/**
 * Longest matches left to right, never overlapping, from the matches that
 * start at each token (`hitsAt`, longest first): every matcher's findAll.
 */
export function longestMatches<T>(from: number, to: number, hitsAt: (i: number) => readonly PhraseHit<T>[]): PhraseHit<T>[] {
  const out: PhraseHit<T>[] = [];
  for (let i = from; i < to; ) {
    const hits = hitsAt(i);
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
