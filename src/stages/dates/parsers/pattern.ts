// A parser made of a pattern and an extract function, run over the raw text of
// one sentence (chrono-node's shape). Patterns are compiled on the parser's
// first run: importing the stage stays cheap for processes that never run it.
import type { Token } from '../../../article.js';
import type { Candidate, Parser, SentenceContext } from '../types.js';

/** What an extract function returns: a candidate without its rule; offsets default to the whole match. */
export type Extracted = Omit<Candidate, 'rule' | 'start' | 'end'> & { start?: number; end?: number };

export type Extract = (match: RegExpExecArray, at: MatchPlace) => Extracted | Extracted[] | null;

/** Where a match sits, with helpers to turn group positions into article offsets. */
export class MatchPlace {
  private indices: RegExpIndicesArray | undefined;

  constructor(
    readonly ctx: SentenceContext,
    private readonly match: RegExpExecArray,
    private readonly regex: RegExp,
  ) {}

  /** Article offset of the match start. */
  get start(): number {
    return this.ctx.sentence.start + this.match.index;
  }

  get end(): number {
    return this.start + this.match[0].length;
  }

  /** Article offsets of a named group, or undefined when it did not take part. */
  group(name: string): [number, number] | undefined {
    // Group offsets cost every match they are computed for: only matches that ask for them pay,
    // by matching again at the same place with indices on.
    if (!this.indices) {
      const withIndices = indicesRegex(this.regex);
      withIndices.lastIndex = this.match.index;
      this.indices = withIndices.exec(this.ctx.sentence.text)?.indices;
    }
    const at = this.indices?.groups?.[name];
    return at ? [this.ctx.sentence.start + at[0], this.ctx.sentence.start + at[1]] : undefined;
  }

  /** Sentence text before the match. */
  get before(): string {
    return this.ctx.sentence.text.slice(0, this.match.index);
  }

  /** The last words before the match: about `chars` characters (see lastWords), for cues anchored at its start. */
  wordsBefore(chars: number): string {
    return lastWords(this.ctx.sentence.text, 0, this.match.index, chars);
  }

  /** Sentence text after the match. */
  get after(): string {
    return this.ctx.sentence.text.slice(this.match.index + this.match[0].length);
  }

  /** The token starting exactly at article offset `offset`, if any. */
  tokenAt(offset: number): Token | undefined {
    return tokenAt(this.ctx.tokens, offset);
  }

  /** Index (in ctx.tokens) of the first token at or after `offset`. */
  tokenIndex(offset: number): number {
    return tokenIndex(this.ctx.tokens, offset);
  }
}

export function tokenIndex(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function tokenAt(tokens: readonly Token[], offset: number): Token | undefined {
  const t = tokens[tokenIndex(tokens, offset)];
  return t && t.start === offset ? t : undefined;
}

/**
 * The last words of text[floor, end): at most about `chars` characters, cut at
 * a space so that no word is cut in half (patterns anchored at the end of the
 * text before an expression need only its last few words, and scanning a long
 * sentence prefix with them is slow).
 */
export function lastWords(text: string, floor: number, end: number, chars: number): string {
  let start = Math.max(floor, end - chars);
  if (start > floor) {
    const space = text.indexOf(' ', start - 1);
    start = space < 0 || space >= end ? end : space + 1;
  }
  return text.slice(start, end);
}

/**
 * The plain word that ends before `end` in `text`, past the ASCII spaces
 * there: lower-cased ASCII letters, '' when a digit or ASCII punctuation (or
 * `floor`) comes first, null when another script or another kind of space is
 * in the way. Cue patterns anchored at the end of the text before a match need
 * their last word there; checking it first spares most of their runs.
 */
export function plainWordBefore(text: string, end: number, floor: number): string | null {
  let i = end;
  let c = 0;
  while (i > floor && ((c = text.charCodeAt(i - 1)) === 32 || (c >= 9 && c <= 13))) i--;
  if (i > floor && c > 127) return null;
  let start = i;
  while (start > floor) {
    c = text.charCodeAt(start - 1) | 0x20;
    if (c < 97 || c > 122) break;
    start--;
  }
  if (start > floor && text.charCodeAt(start - 1) > 127) return null;
  return text.slice(start, i).toLowerCase();
}

/** A pattern's source. It is compiled (global, case-insensitive, Unicode) on its parser's first run. */
export interface Pattern {
  readonly source: string;
}

export function pattern(source: string): Pattern {
  return { source };
}

/** The boundary patterns open with: no letter, digit or underscore before the match. */
export const WORD_START = '(?<![\\p{L}\\p{N}_])';

/** The end of the group opening at `open` (a "(" ), or -1. */
function groupEnd(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Whether `source` is one alternative at its top level (so that an assertion before it covers all of it). */
function singleAlternative(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return false;
  }
  return true;
}

/**
 * A regex that scans fast. A leading lookbehind ("no letter before", "after
 * 'for' or 'over'") is evaluated at every position of a scan and makes big
 * alternations several times slower; the scanner leaves it out of the regex
 * and tests it, sticky, on the few places the rest matches, looking again one
 * character further when it fails: the same matches, found sooner. Compiled on
 * first use.
 */
export class Scanner {
  private compiled: { regex: RegExp; lookbehind: RegExp | null } | undefined;

  constructor(
    readonly source: string,
    private readonly flags: string,
  ) {}

  /** The regex without its leading lookbehind (global); group offsets refer to it. */
  get regex(): RegExp {
    return (this.compiled ??= this.compile()).regex;
  }

  private compile(): { regex: RegExp; lookbehind: RegExp | null } {
    const flags = this.flags.replace(/[gy]/g, '');
    if (this.source.startsWith('(?<!') || this.source.startsWith('(?<=')) {
      const close = groupEnd(this.source, 0);
      const rest = this.source.slice(close + 1);
      if (close > 0 && singleAlternative(rest)) {
        return { regex: new RegExp(rest, `g${flags}`), lookbehind: new RegExp(this.source.slice(0, close + 1), `y${flags}`) };
      }
    }
    return { regex: new RegExp(this.source, `g${flags}`), lookbehind: null };
  }

  /** The first match at or after `from`, as the whole regex would find it. */
  exec(text: string, from = 0): RegExpExecArray | null {
    const { regex, lookbehind } = (this.compiled ??= this.compile());
    regex.lastIndex = from;
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      if (lookbehind) {
        lookbehind.lastIndex = m.index;
        if (!lookbehind.test(text)) {
          const c = text.charCodeAt(m.index);
          regex.lastIndex = m.index + (c >= 0xd800 && c <= 0xdbff ? 2 : 1);
          continue;
        }
      }
      return m;
    }
    return null;
  }

  test(text: string): boolean {
    return this.exec(text) !== null;
  }
}

const withIndices = new WeakMap<RegExp, RegExp>();

/** The same regex, sticky and with group indices (compiled on first use). */
function indicesRegex(regex: RegExp): RegExp {
  let r = withIndices.get(regex);
  if (!r) withIndices.set(regex, (r = new RegExp(regex.source, 'iuyd')));
  return r;
}

// ---- gates ----------------------------------------------------------------------
// Most sentences hold no time expression, and big alternations are slow to
// scan. A gate names what a pattern cannot match without: a word (a unit word
// for durations, "ago" for "two years ago"), a capitalised word (a month name),
// two words side by side (an amount and a unit: "three years"), or a shape of
// characters (four digits). Each gate is one bit; a sentence's mask (the bits
// of all its words, computed once, from words each looked up once) says at a
// glance which patterns can match at all. Gates may let through sentences
// their pattern does not match, never the reverse.

/** Mask words: up to 32 × MASK_WORDS gates (sentenceGates and passes spell the three out). */
const MASK_WORDS = 3;

export type Mask = Int32Array;

/** A sentence's gate bits, as three numbers. */
export interface SentenceMask {
  readonly m0: number;
  readonly m1: number;
  readonly m2: number;
}

/** Bits one of which a sentence must hold. */
export interface WordGate {
  readonly bits: Mask;
}

let gates = 0;

function newGate(): { gate: WordGate; word: number; bit: number } {
  if (gates >= 32 * MASK_WORDS) throw new Error('dates: too many gates');
  const n = gates++;
  const bits = new Int32Array(MASK_WORDS);
  bits[n >> 5] = 1 << (n & 31);
  return { gate: { bits }, word: n >> 5, bit: 1 << (n & 31) };
}

/** The words of a token or a phrase word, as gates see them: lower-cased, split at hyphens, dots and apostrophes. */
const PARTS = /[-‐‑–.’']+/;

function partsOf(word: string): string[] {
  return word.toLowerCase().split(PHRASE_PARTS).filter((p) => p !== '');
}

/** Phrases in gate lists split at spaces too ("a couple of" ends with "of"). */
const PHRASE_PARTS = /[\s\-‐‑–.’']+/;

/** Any word holding a digit ("5", "1990s", "5th", "1/2"), for gates that want a number. */
export const DIGITS = '#digits';

/** Per lower-case word: the gate bits it sets (any case, capitalised only) and the follow gates it can open or close. */
const ANY_CASE = new Map<string, Mask>();
const CAPITALISED = new Map<string, Mask>();
const FIRST = new Map<string, Mask>();
const SECOND = new Map<string, Mask>();
const SHAPES: { regex: RegExp; word: number; bit: number }[] = [];

function mark(table: Map<string, Mask>, key: string, word: number, bit: number): void {
  let m = table.get(key);
  if (!m) table.set(key, (m = new Int32Array(MASK_WORDS)));
  m[word] |= bit;
}

/**
 * Gates are declared when the parsers' modules load, and their word tables
 * filled on the stage's first run: a process that imports the stage without
 * running it (the corpus runner's main thread) does not pay for them.
 */
const pending: (() => void)[] = [];

function fillTables(): void {
  for (const fill of pending.splice(0)) fill();
}

/** A set of words (lower case), one of which the sentence must hold, whole or as part of a hyphenated word. */
export function wordGate(words: Iterable<string>): WordGate {
  const g = newGate();
  const list = [...words];
  pending.push(() => {
    for (const w of list) mark(ANY_CASE, w.toLowerCase(), g.word, g.bit);
  });
  return g.gate;
}

/** Words that count only written with a capital ("May", "March": the modal and the verb are no months). */
export function capitalGate(words: Iterable<string>): WordGate {
  const g = newGate();
  const list = [...words];
  pending.push(() => {
    for (const w of list) mark(CAPITALISED, w.toLowerCase(), g.word, g.bit);
  });
  return g.gate;
}

/**
 * A word of `first` followed by a word of `second` (whitespace, hyphens and
 * dots between): "three years", "a year", "years ago". Phrases count by their
 * last word in `first` and their first word in `second`; DIGITS stands for any
 * word with a digit.
 */
export function followGate(first: Iterable<string>, second: Iterable<string>): WordGate {
  const g = newGate();
  const firsts = [...first];
  const seconds = [...second];
  pending.push(() => {
    for (const w of firsts) {
      const parts = w === DIGITS ? [DIGITS] : partsOf(w);
      if (parts.length) mark(FIRST, parts[parts.length - 1], g.word, g.bit);
    }
    for (const w of seconds) {
      const parts = w === DIGITS ? [DIGITS] : partsOf(w);
      if (parts.length) mark(SECOND, parts[0], g.word, g.bit);
    }
  });
  return g.gate;
}

/** Characters a run of tokens written together must match ("\\d{4}", "Q[1-4]"): for shapes no word list names. */
export function shapeGate(regex: RegExp): WordGate {
  const g = newGate();
  SHAPES.push({ regex, word: g.word, bit: g.bit });
  return g.gate;
}

/** A gate any of whose bits will do (the union of gates). */
export function eitherGate(...gates: WordGate[]): WordGate {
  const bits = new Int32Array(MASK_WORDS);
  for (const g of gates) for (let k = 0; k < MASK_WORDS; k++) bits[k] |= g.bits[k];
  return { bits };
}

/**
 * What a token's text means to the gates, computed once per distinct text:
 * its own bits (the word gates of the text and its parts, follow gates met
 * inside it as in "three-year", the shape gates it matches), the follow gates
 * its first word can close and those its last word can open, each spelled out
 * as MASK_WORDS numbers (one object per word keeps the per-token reads close
 * together: the sentence loop reads one per token).
 */
export class WordInfo {
  readonly b0: number;
  readonly b1: number;
  readonly b2: number;
  readonly lead0: number;
  readonly lead1: number;
  readonly lead2: number;
  readonly trail0: number;
  readonly trail1: number;
  readonly trail2: number;
  /** Shape gates: a run of tokens written together is looked up as a whole for them. */
  readonly shape0: number;
  readonly shape1: number;
  readonly shape2: number;

  constructor(
    v: Int32Array,
    /** False for punctuation ("-", ",", "."): the words on either side still follow each other. */
    readonly words: boolean,
    /** Whether written together with its neighbours it may make a shape ("1990" + "'s"): it holds a digit (or is a capital, "B." + "C."). */
    readonly joins: boolean,
  ) {
    this.b0 = v[BITS] | v[SHAPE];
    this.b1 = v[BITS + 1] | v[SHAPE + 1];
    this.b2 = v[BITS + 2] | v[SHAPE + 2];
    this.lead0 = v[LEAD];
    this.lead1 = v[LEAD + 1];
    this.lead2 = v[LEAD + 2];
    this.trail0 = v[TRAIL];
    this.trail1 = v[TRAIL + 1];
    this.trail2 = v[TRAIL + 2];
    this.shape0 = v[SHAPE];
    this.shape1 = v[SHAPE + 1];
    this.shape2 = v[SHAPE + 2];
  }
}

const BITS = 0;
const LEAD = MASK_WORDS;
const TRAIL = 2 * MASK_WORDS;
const SHAPE = 3 * MASK_WORDS;

const HAS_DIGIT = /\d/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const JOINS = /\d|^[A-Z]\.?$/;

function orInto(into: Int32Array, at: number, from: Mask | undefined): void {
  if (from) for (let k = 0; k < MASK_WORDS; k++) into[at + k] |= from[k];
}

function followBits(table: Map<string, Mask>, part: string): Int32Array {
  const out = new Int32Array(MASK_WORDS);
  orInto(out, 0, table.get(part));
  if (HAS_DIGIT.test(part)) orInto(out, 0, table.get(DIGITS));
  return out;
}

function wordInfo(text: string): WordInfo {
  const lower = text.toLowerCase();
  const parts = partsOf(text);
  const v = new Int32Array(4 * MASK_WORDS);
  orInto(v, BITS, ANY_CASE.get(lower));
  const original = text.split(PARTS).filter((p) => p !== '');
  for (let i = 0; i < parts.length; i++) {
    orInto(v, BITS, ANY_CASE.get(parts[i]));
    if (/^\p{Lu}/u.test(original[i] ?? '')) orInto(v, BITS, CAPITALISED.get(parts[i]));
    if (i > 0) {
      const a = followBits(FIRST, parts[i - 1]);
      const b = followBits(SECOND, parts[i]);
      for (let k = 0; k < MASK_WORDS; k++) v[BITS + k] |= a[k] & b[k];
    }
  }
  if (parts.length > 0) {
    orInto(v, LEAD, followBits(SECOND, parts[0]));
    orInto(v, TRAIL, followBits(FIRST, parts[parts.length - 1]));
  }
  for (const s of SHAPES) if (s.regex.test(text)) v[SHAPE + s.word] |= s.bit;
  return new WordInfo(v, LETTER_OR_DIGIT.test(text), JOINS.test(text));
}

/** Each text seen so far (words recur: look each up, and split it, once). */
const WORD_INFO = new Map<string, WordInfo>();

/** A punctuation mark of one ASCII character: no word, no shape; answered without a lookup. */
const PUNCTUATION = new WordInfo(new Int32Array(4 * MASK_WORDS), false, false);

function isAsciiPunctuation(c: number): boolean {
  return c < 128 && !((c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122));
}

function infoOf(text: string): WordInfo {
  if (text.length === 1 && isAsciiPunctuation(text.charCodeAt(0))) return PUNCTUATION;
  let info = WORD_INFO.get(text);
  if (info === undefined) {
    if (WORD_INFO.size > 100_000) WORD_INFO.clear();
    WORD_INFO.set(text, (info = wordInfo(text)));
  }
  return info;
}

/** A sentence's gate bits, and what each token means to the gates (where anchors are looked for). */
export interface SentenceGates {
  mask: SentenceMask;
  tokens: WordInfo[];
}

/**
 * The gate bits of a sentence: of its words, of neighbouring words, of tokens
 * and of runs of tokens written together that hold a digit ("1990's", "$5":
 * shapes may span them).
 */
export function sentenceGates(tokens: readonly Token[], text: string, offset: number, first = 0, end = tokens.length): SentenceGates {
  if (pending.length > 0) fillTables();
  const own: WordInfo[] = new Array(end - first);
  let m0 = 0;
  let m1 = 0;
  let m2 = 0;
  let t0 = 0;
  let t1 = 0;
  let t2 = 0;
  let run = first;
  let joins = false;
  for (let i = first; i < end; i++) {
    const t = tokens[i];
    const info = infoOf(t.text);
    own[i - first] = info;
    if (info.words) {
      m0 |= info.b0 | (t0 & info.lead0);
      m1 |= info.b1 | (t1 & info.lead1);
      m2 |= info.b2 | (t2 & info.lead2);
      t0 = info.trail0;
      t1 = info.trail1;
      t2 = info.trail2;
    }
    joins ||= info.joins;
    if (i + 1 < end && tokens[i + 1].start === t.end) continue;
    if (joins && run < i) {
      const whole = infoOf(text.slice(tokens[run].start - offset, t.end - offset));
      m0 |= whole.shape0;
      m1 |= whole.shape1;
      m2 |= whole.shape2;
    }
    run = i + 1;
    joins = false;
  }
  return { mask: { m0, m1, m2 }, tokens: own };
}

/** Whether a sentence's mask holds one of the gate's bits. */
export function passes(mask: SentenceMask, gate: WordGate): boolean {
  const b = gate.bits;
  return ((mask.m0 & b[0]) | (mask.m1 & b[1]) | (mask.m2 & b[2])) !== 0;
}

/** Whether a token's own words or shape hold one of the gate's bits. */
function holds(info: WordInfo, gate: WordGate): boolean {
  const b = gate.bits;
  return ((info.b0 & b[0]) | (info.b1 & b[1]) | (info.b2 & b[2])) !== 0;
}

/** A gate, or gates that must all pass. */
export type Gate = WordGate | readonly WordGate[];

/** Whether a sentence's mask passes all the gates. */
export function passesAll(mask: SentenceMask, gates: readonly WordGate[]): boolean {
  for (let i = 0; i < gates.length; i++) if (!passes(mask, gates[i])) return false;
  return true;
}

/**
 * Where a pattern's matches can be: each holds a word of `at` (any case) and
 * starts at most `reach` tokens before it. The scan then starts near the
 * first such word instead of at the sentence start, and stops when no such
 * word is left after the last match: the same matches, less text scanned.
 */
export interface Anchor {
  at: WordGate;
  reach: number;
}

/**
 * A parser from a pattern and its extract function. `gate` is a cheap test
 * (words, shapes) the sentence must pass before the full pattern runs.
 */
export function patternParser(name: string, source: Pattern, extract: Extract, gate?: Gate, anchor?: Anchor): Parser {
  const gates: readonly WordGate[] = gate === undefined ? [] : Array.isArray(gate) ? gate : [gate as WordGate];
  const rule = `parser:${name}`;
  const scanner = new Scanner(source.source, 'iu');
  /** Extracts a match; returns where the scan goes on. */
  const take = (ctx: SentenceContext, m: RegExpExecArray, out: Candidate[]): number => {
    const end = m.index + m[0].length;
    if (end === m.index) return end + 1;
    const place = new MatchPlace(ctx, m, scanner.regex);
    const result = extract(m, place);
    if (Array.isArray(result)) for (const e of result) out.push(candidateOf(e, place, rule));
    else if (result) out.push(candidateOf(result, place, rule));
    return end;
  };
  const scan = (ctx: SentenceContext, out: Candidate[]): void => {
    const text = ctx.sentence.text;
    if (anchor === undefined) {
      for (let m = scanner.exec(text); m; m = scanner.exec(text, take(ctx, m, out)));
      return;
    }
    const { tokens, tokenGates } = ctx;
    const offset = ctx.sentence.start;
    let from = 0;
    for (let i = 0; i < tokens.length; i++) {
      if (!holds(tokenGates[i], anchor.at)) continue;
      // An anchor word inside the last match: the next match holds a later one.
      if (tokens[i].end - offset <= from) continue;
      const start = tokens[i < anchor.reach ? 0 : i - anchor.reach].start - offset;
      const m = scanner.exec(text, start > from ? start : from);
      // No match from here on: none holds a later anchor word either.
      if (m === null) return;
      from = take(ctx, m, out);
    }
  };
  return {
    name,
    gates,
    scan,
    parse(ctx, out) {
      if (passesAll(ctx.mask, gates)) scan(ctx, out);
    },
  };
}

/** Every candidate has the same fields in the same order (one object shape for the refiners' code to read fast). */
function candidateOf(e: Extracted, place: MatchPlace, rule: string): Candidate {
  return {
    start: e.start ?? place.start,
    end: e.end ?? place.end,
    type: e.type,
    value: e.value,
    relative: e.relative,
    suffix: e.suffix,
    mod: e.mod,
    rule,
    anchor: e.anchor,
  };
}
