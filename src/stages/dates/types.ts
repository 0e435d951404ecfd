// The vocabulary the dates parsers and refiners share (chrono-node style): a
// parser is a pattern plus an extract function that returns candidates; a
// refiner takes all candidates of a sentence and returns a better list.
import type { Diagnostic, SentenceSpan, TimexType, Token } from '../../article.js';
import type { SentenceMask, WordGate, WordInfo } from './parsers/pattern.js';

/** Precision of a calendar value, coarsest first. */
export type Granularity =
  | 'millennium' | 'century' | 'decade' | 'year' | 'half' | 'quarter' | 'season' | 'month' | 'week' | 'day';

/** Which occurrence of a repeating calendar name ("Tuesday", "March") is meant. */
export type Direction =
  /** from the sentence's tense: past → the latest one up to the publication date, future → the next one */
  | 'tense'
  /** "last Tuesday": strictly before */
  | 'last'
  /** "next Tuesday": strictly after */
  | 'next'
  /** "this Tuesday", "this summer": within the current week or year */
  | 'this';

/** A value that needs the publication date (and maybe the tense) to be written. */
export type Relative =
  /** "last week" (-1 week), "this year" (0), "two decades ago" (-20 years at decade precision), "yesterday" (-1 day) */
  | { kind: 'shift'; granularity: Granularity; unit: Granularity; amount: number }
  /** "Tuesday", "last Friday" */
  | { kind: 'weekday'; weekday: number; direction: Direction }
  /** "March", "Jan. 5", "last June": a month (and day) without a year; "Monday, Oct. 26" names the weekday that picks it */
  | { kind: 'month'; month: number; day?: number; direction: Direction; weekday?: number }
  /** "last summer", "this spring" */
  | { kind: 'season'; season: string; direction: Direction }
  /** "the third quarter", "the first half" without a year: the latest one by tense */
  | { kind: 'part'; code: string; direction: Direction }
  /**
   * "a year earlier", "two days later", "the year-ago quarter": a shift from the
   * time the text last mentioned (the publication date when there is none).
   * `period` asks for a mentioned quarter, month or half ("the latest quarter").
   * `whole`: the expression names the unit itself ("the following year" after
   * "In January 1942" is 1943, not January 1943 as "a year later" would be).
   */
  | { kind: 'anchored'; unit: Granularity; amount: number; period?: 'quarter' | 'any'; whole?: boolean }
  /**
   * "a year ago" is counted from the publication date, but after a quarter or a
   * month of the current year ("profit in the third quarter … a year ago") it
   * is that period a year before.
   */
  | { kind: 'ago'; unit: Granularity; amount: number }
  /** "the 1988 quarter", "the 1989 period": the period the report is about (the quarter last mentioned), in that year */
  | { kind: 'period-of-year'; year: number; period: 'quarter' | 'any' }
  /** "3 p.m." alone: on the day last mentioned in this or the previous sentence, else the publication day */
  | { kind: 'same-day' }
  /** "the weekend", "over the weekend": the weekend the tense points to (written as its week, `2025-W02-WE`) */
  | { kind: 'weekend'; direction: Direction }
  /**
   * "the end of the year", "for the full year", "later in the year", "earlier
   * in the week": the year (week, month, day) the text is in. News: one its own
   * sentence names, else the publication's (the one before after "since");
   * history: the last one it mentioned.
   */
  | { kind: 'the-period'; unit: 'day' | 'week' | 'month' | 'year'; since: boolean }
  /** "Thanksgiving", "Christmas": a named day (data/dates/holidays.json) in the year the tense points to */
  | { kind: 'holiday'; name: string; direction: Direction }
  /**
   * "July last year", "this year's third quarter", "the 1988 third quarter", "October of that year" (the year
   * last mentioned), "the year-earlier third quarter" (`back`: the part as the tense reads it, that many years
   * before): a part of a given year.
   */
  | { kind: 'in-year'; part: Relative; year: { value: string } | { shift: number } | { mentioned: true } | { back: number } };

/** A time expression found by a parser, before the refiners have finished with it. */
export interface Candidate {
  /** Offsets into the article text. */
  start: number;
  end: number;
  type: TimexType;
  /** The TIMEX3 value when the text alone gives it. */
  value?: string;
  /** What the value is relative to, when the text alone does not give it. */
  relative?: Relative;
  /** Appended to the resolved date: a time ("T15:00") or part of the day ("TMO"). */
  suffix?: string;
  mod?: string;
  /** A step the resolved day still takes: "the day before last Tuesday" (-1 day), "the week of March 6" (its week). */
  then?: { days: number; week?: boolean };
  /** `parser:name`, then `+refiner:name` for every refiner that changed it. */
  rule: string;
  /** Set by the resolver: the publication date the value was computed from. */
  anchor?: string | null;
}

/** A value already given to an earlier expression of the article (the anchor of "a year earlier"). */
export interface Mentioned {
  value: string;
  sentence: number;
  /** False for values themselves computed from an earlier mention: anchors never chain ("a year earlier" twice is not two years). */
  anchor: boolean;
  /** Whether the text wrote it in full ("1991", "March 2023"), not relative to anything. */
  stated?: boolean;
  /** Whether it opens its sentence ("In 2005, …", "By 1975 the war …"): a time that sets the scene. */
  lead?: boolean;
}

/** A year written out in full, and the sentence it is in. */
export interface StatedYear {
  sentence: number;
  year: number;
}

/** What a parser sees: one sentence, its tokens, and the article's publication date. */
export interface SentenceContext {
  /** Values of the expressions before this sentence, in text order. */
  history: Mentioned[];
  /**
   * The years the text writes out in full ("1918", "8 August 1918"), by sentence,
   * in text order, for the whole text: where the story goes next (undated text only).
   */
  statedYears: readonly StatedYear[];
  /** The whole article text (candidates are positioned in it). */
  text: string;
  sentence: SentenceSpan;
  /** This sentence's tokens. */
  tokens: readonly Token[];
  /** Publication date (YYYY-MM-DD) or null. */
  published: string | null;
  /** The gate bits of this sentence's words (parsers/pattern.ts). */
  mask: SentenceMask;
  /** What each token means to the gates (parsers/pattern.ts), where anchored parsers look for their words. */
  tokenGates: WordInfo[];
  /** Problems found while refining; the stage returns them. */
  diagnostics: Diagnostic[];
}

export interface Parser {
  name: string;
  /** What a sentence must hold for the parser to find anything in it (parsers/pattern.ts): all must pass. */
  gates: readonly WordGate[];
  /** Appends the candidates found in the sentence to `out`. */
  parse(ctx: SentenceContext, out: Candidate[]): void;
  /** `parse` for a sentence known to pass the gates. */
  scan(ctx: SentenceContext, out: Candidate[]): void;
}

export interface Refiner {
  name: string;
  refine(candidates: Candidate[], ctx: SentenceContext): Candidate[];
}
