// A parser made of a pattern and an extract function, run over the raw text of
// one sentence (chrono-node's shape). Patterns are compiled once, at module load.
import type { Token } from '../../../article.js';
import type { Candidate, Parser, SentenceContext } from '../types.js';

/** What an extract function returns: a candidate without its rule; offsets default to the whole match. */
export type Extracted = Omit<Candidate, 'rule' | 'start' | 'end'> & { start?: number; end?: number };

export type Extract = (match: RegExpExecArray, at: MatchPlace) => Extracted | Extracted[] | null;

/** Where a match sits, with helpers to turn group positions into article offsets. */
export class MatchPlace {
  constructor(
    readonly ctx: SentenceContext,
    private readonly match: RegExpExecArray,
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
    const at = this.match.indices?.groups?.[name];
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

/** A global, case-insensitive, Unicode regex with group indices. */
export function pattern(source: string): RegExp {
  return new RegExp(source, 'giud');
}

/**
 * A parser from a pattern and its extract function. `gate` is a cheap test
 * (plain keywords) the sentence must pass before the full pattern runs: most
 * sentences have no time expression, and big alternations are slow to scan.
 */
export function patternParser(name: string, regex: RegExp, extract: Extract, gate?: RegExp): Parser {
  return {
    name,
    parse(ctx) {
      const out: Candidate[] = [];
      const text = ctx.sentence.text;
      if (gate && !gate.test(text)) return out;
      regex.lastIndex = 0;
      for (let m = regex.exec(text); m; m = regex.exec(text)) {
        if (m[0] === '') {
          regex.lastIndex++;
          continue;
        }
        const place = new MatchPlace(ctx, m);
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
