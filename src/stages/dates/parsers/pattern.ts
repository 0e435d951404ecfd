// A parser made of a pattern and an extract function, run over the raw text of
// one sentence (chrono-node's shape). Patterns are compiled once, at module load.
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

/** A global, case-insensitive, Unicode regex. */
export function pattern(source: string): RegExp {
  return new RegExp(source, 'giu');
}

const withIndices = new WeakMap<RegExp, RegExp>();

/** The same regex, sticky and with group indices (compiled on first use). */
function indicesRegex(regex: RegExp): RegExp {
  let r = withIndices.get(regex);
  if (!r) withIndices.set(regex, (r = new RegExp(regex.source, 'iuyd')));
  return r;
}

// ---- word gates ----------------------------------------------------------------
// Most sentences hold no time expression, and big alternations are slow to
// scan. A word gate names the words a pattern cannot match without (unit words
// for durations, "ago" for "two years ago"); each gate is one bit, and a
// sentence's mask (the bits of all its words, computed once) says at a glance
// which patterns can match at all.

const GATE_BITS = new Map<string, number>();
let gates = 0;

/** A set of words (lower case) one of which a sentence must hold. */
export interface WordGate {
  readonly bit: number;
}

export function wordGate(words: Iterable<string>): WordGate {
  if (gates >= 31) throw new Error('dates: too many word gates');
  const bit = 1 << gates++;
  for (const w of words) {
    const word = w.toLowerCase();
    GATE_BITS.set(word, (GATE_BITS.get(word) ?? 0) | bit);
  }
  return { bit };
}

/** A gate any of whose words will do (the union of word gates). */
export function eitherGate(...gates: WordGate[]): WordGate {
  return { bit: gates.reduce((bits, g) => bits | g.bit, 0) };
}

/** The gate bits of a sentence's words; hyphenated and dotted tokens ("mid-june", "jan.") count by their parts too. */
export function sentenceMask(tokens: readonly Token[]): number {
  let mask = 0;
  for (const t of tokens) {
    const w = t.normal;
    let bits = WORD_BITS.get(w);
    if (bits === undefined) {
      bits = GATE_BITS.get(w) ?? 0;
      if (w.length > 2 && /[-‐‑–.’']/.test(w)) for (const part of w.split(/[-‐‑–.’']+/)) bits |= GATE_BITS.get(part) ?? 0;
      if (WORD_BITS.size > 100_000) WORD_BITS.clear();
      WORD_BITS.set(w, bits);
    }
    mask |= bits;
  }
  return mask;
}

/** The bits of each word seen so far (words recur: look each up, and split it, once). */
const WORD_BITS = new Map<string, number>();

/** A gate: keywords the sentence text must match, or words it must hold (all given gates must pass). */
export type Gate = RegExp | WordGate | readonly (RegExp | WordGate)[];

function passes(gate: RegExp | WordGate, ctx: SentenceContext): boolean {
  return gate instanceof RegExp ? gate.test(ctx.sentence.text) : (ctx.mask & gate.bit) !== 0;
}

/**
 * A parser from a pattern and its extract function. `gate` is a cheap test
 * (words or plain keywords) the sentence must pass before the full pattern runs.
 */
export function patternParser(name: string, regex: RegExp, extract: Extract, gate?: Gate): Parser {
  const all: readonly (RegExp | WordGate)[] = gate === undefined ? [] : Array.isArray(gate) ? gate : [gate as RegExp | WordGate];
  return {
    name,
    parse(ctx) {
      const out: Candidate[] = [];
      const text = ctx.sentence.text;
      for (const g of all) if (!passes(g, ctx)) return out;
      regex.lastIndex = 0;
      for (let m = regex.exec(text); m; m = regex.exec(text)) {
        if (m[0] === '') {
          regex.lastIndex++;
          continue;
        }
        const place = new MatchPlace(ctx, m, regex);
        const result = extract(m, place);
        if (!result) continue;
        for (const e of Array.isArray(result) ? result : [result]) {
          out.push({ ...e, start: e.start ?? place.start, end: e.end ?? place.end, rule: `parser:${name}` });
        }
      }
      return out;
    },
  };
}
