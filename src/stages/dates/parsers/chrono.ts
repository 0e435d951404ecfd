// Calendar dates and clock times, read by chrono-node: "Jan. 5", "5 January
// 2024", "March 2023", "2023-03-10", "Tuesday", "3 p.m.". Only chrono's known
// components make the value ("March 2023" is 2023-03, not 2023-03-01); what it
// merely implies from the reference date is left to the resolver, which uses
// the sentence's tense. chrono's casual relative parsers ("last week", "now")
// are left out: our own parsers give them TIMEX3 granularity.
import * as chrono from 'chrono-node';
import type { Token } from '../../../article.js';
import type { Candidate, Direction, Parser, SentenceContext } from '../types.js';
import { monthValue, dayValue, pad } from '../timex.js';
import { MONTHS, WEEKDAYS } from '../lexicon.js';

/** chrono parsers we leave out: relative and casual expressions, handled by our own parsers. */
const LEFT_OUT_PARSERS = new Set([
  'ENTimeUnitWithinFormatParser',
  'ENTimeUnitAgoFormatParser',
  'ENTimeUnitLaterFormatParser',
  'ENCasualDateParser',
  'ENCasualTimeParser',
  'ENEndOfCurrentMonthParser',
  'ENRelativeDateFormatParser',
  'ENTimeUnitCasualRelativeFormatParser',
]);
/** Ranges become two mentions, "the end of" becomes a mod, and we never shift dates forward. */
const LEFT_OUT_REFINERS = new Set(['ForwardDateRefiner', 'ENMergeDateRangeRefiner', 'ENEndOfPeriodRefiner']);

const casual = chrono.en.configuration.createCasualConfiguration(false);
const engine = new chrono.Chrono({
  parsers: casual.parsers.filter((p) => !LEFT_OUT_PARSERS.has(p.constructor.name)),
  refiners: casual.refiners.filter((r) => !LEFT_OUT_REFINERS.has(r.constructor.name)),
});

/**
 * chrono is the slowest parser, and finds nothing without a month or weekday
 * name, a clock time or a numeric date. It reads only windows of a few words
 * around such a trigger, not whole sentences.
 */
const NAMES = new Set<string>([...MONTHS.keys(), ...WEEKDAYS.keys()]);
/** Clock words that count after a number only ("3 pm", not "I am"). */
const CLOCK_WORDS = new Set<string>(['a.m.', 'p.m.', 'a.m', 'p.m', 'am', 'pm', "o'clock", 'o’clock']);
/** Clock times and numeric dates: 10:35, 3pm, 2024-03-10, 5/12/2024. */
const TRIGGER_NUMBER = /^\d{1,2}[:.]\d\d|^\d{1,2}\s?[ap]\.?m\.?$|^\d{4}-\d\d-\d\d|^\d{1,4}\/\d{1,2}(?:\/\d{1,4})?$/i;
/** Tokens a window reaches before and after its trigger ("the 5th of January", "January 5 to 10, 2024 at 3 p.m."). */
const BEFORE_TOKENS = 5;
const AFTER_TOKENS = 8;

/**
 * Whether token i can be part of a date or time chrono reads: a capitalised
 * month or weekday name ("May", "Jan.", "Tues."; not the modal "may"), a clock
 * word after a number, a clock time or a numeric date.
 */
function isTrigger(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  const word = t.normal;
  const first = t.text.charCodeAt(0);
  if (first <= 57) return TRIGGER_NUMBER.test(word);
  if (CLOCK_WORDS.has(word)) return i > 0 && tokens[i - 1].normal.charCodeAt(0) <= 57;
  // "mid-November", "early-March"
  const dash = word.search(/[-‐‑–]/);
  if (dash > 0) return NAMES.has(word.slice(dash + 1)) && isCapital(t.text.charCodeAt(dash + 1));
  // Names are capitalised in running text (and in all-capital headlines).
  if (!isCapital(first)) return false;
  const name = word.endsWith('.') ? word.slice(0, -1) : word;
  return NAMES.has(name) && (name.length > 3 || word !== name || MONTHS.has(name));
}

const isCapital = (code: number): boolean => code >= 65 && code <= 90;

/** Article offsets of the windows chrono reads in a sentence, merged where they touch. */
function windows(ctx: SentenceContext): [number, number][] {
  const tokens = ctx.tokens;
  const out: [number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!isTrigger(tokens, i)) continue;
    const start = tokens[Math.max(0, i - BEFORE_TOKENS)].start;
    const end = tokens[Math.min(tokens.length - 1, i + AFTER_TOKENS)].end;
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/** A date and reference far from any article, used when the publication date is unknown. */
const NEUTRAL_REFERENCE = new Date(Date.UTC(2000, 0, 1, 12));

/** Words chrono keeps at the edges that TIMEX3 spans leave out. */
const LEADING = /^(?:on|at|in|by|from|since|until|till|of|the|during)\s+/i;
const TRAILING = /[\s,;.:]+$|\)$/;
const ABBREVIATION_DOT = /(?:^|\s)(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|[ap]\.m)\.$/i;

/** A number chrono joined at the end of a date: "…, 35" (a year it guessed), "… at 1" (an hour it guessed). */
const STRAY_NUMBER = /,?\s+(?:at\s+)?\d{1,2}$/;
/** A year as written: four digits (or three, "AD 800"), or an apostrophe and two ("'98"). */
const WRITTEN_YEAR = /\d{3,4}|['’]\d\d/;

/** A clock time needs a colon, a.m./p.m. or o'clock: "stood at 5" is not five o'clock. */
const CLOCK = /:\d\d|\b[ap]\.?\s?m\b\.?|o'clock|o’clock/i;

const BACK = new Set(['last', 'past', 'previous', 'preceding', 'prior']);
const AHEAD = new Set(['next', 'coming', 'following']);
/** "the previous Friday", "the following Monday": a direction word chrono leaves outside its span, which joins it. */
const DIRECTION_BEFORE = /(?<![\p{L}])(?:the\s+)?(previous|preceding|prior|following|coming)\s+$/iu;

/** "last Tuesday", "next March": the word before the name (inside chrono's span or just before it). */
function directionOf(before: string, text: string): Direction {
  const w = (/^(last|next|this|past|coming)\s+/i.exec(text) ?? /(?<![\p{L}])(last|next|this|past|coming|previous|preceding|prior|following)\s+$/iu.exec(before))?.[1].toLowerCase();
  if (w && BACK.has(w)) return 'last';
  if (w && AHEAD.has(w)) return 'next';
  if (w === 'this') return 'this';
  return 'tense';
}

interface Piece {
  start: number;
  end: number;
  components: chrono.ParsedComponents;
}

/** The date part of chrono's known components, as a value or a relative to resolve. */
function dateOf(c: chrono.ParsedComponents, direction: Direction, yearWritten: boolean): Pick<Candidate, 'value' | 'relative'> | null {
  const year = yearWritten && c.isCertain('year') ? c.get('year') : null;
  const month = c.isCertain('month') ? c.get('month') : null;
  const day = c.isCertain('day') ? c.get('day') : null;
  const weekday = c.isCertain('weekday') ? c.get('weekday') : null;
  if (year !== null && month !== null && day !== null) return { value: dayValue({ y: year, m: month, d: day }) };
  if (year !== null && month !== null) return { value: monthValue(year, month) };
  if (month !== null) return { relative: { kind: 'month', month, ...(day !== null ? { day } : {}), direction } };
  if (weekday !== null) return { relative: { kind: 'weekday', weekday: weekday === 0 ? 7 : weekday, direction } };
  return null;
}

function timeOf(c: chrono.ParsedComponents): string | undefined {
  if (!c.isCertain('hour')) return undefined;
  const h = c.get('hour') ?? 0;
  const m = c.isCertain('minute') ? (c.get('minute') ?? 0) : 0;
  return `T${pad(h, 2)}:${pad(m, 2)}`;
}

function toCandidate(piece: Piece, ctx: SentenceContext): Candidate | null {
  let start = piece.start;
  let raw = ctx.text.slice(start, piece.end);
  const lead = LEADING.exec(raw);
  if (lead && raw.length > lead[0].length) [start, raw] = [start + lead[0].length, raw.slice(lead[0].length)];
  // Keep the full stop of an abbreviation ("Jan.", "p.m."), drop sentence punctuation.
  let end = start + raw.length;
  const trail = TRAILING.exec(raw);
  if (trail && !ABBREVIATION_DOT.test(raw)) end -= trail[0].length;
  let text = ctx.text.slice(start, end);
  const c = piece.components;
  let time = timeOf(c);
  if (time && !CLOCK.test(text)) {
    // "Jan. 1, 1990 at 1,015 francs": a number chrono took for an hour; the date before it stands.
    const stray = STRAY_NUMBER.exec(text);
    if (!stray || stray.index === 0) return null;
    [end, text, time] = [start + stray.index, text.slice(0, stray.index), undefined];
  }
  // "28 March, 35,000 troops": chrono reads a two-digit year the text does not write as one.
  let yearWritten = !c.isCertain('year') || WRITTEN_YEAR.test(text);
  if (!yearWritten) {
    const stray = STRAY_NUMBER.exec(text);
    if (stray && stray.index > 0) [end, text] = [start + stray.index, text.slice(0, stray.index)];
    yearWritten = false;
  }
  const before = ctx.text.slice(ctx.sentence.start, start);
  const direction = directionOf(before, text);
  const date = dateOf(c, direction, yearWritten);
  const joined = date?.relative && DIRECTION_BEFORE.exec(before);
  if (joined) start -= joined[0].length;
  // Slash dates without a year are fractions and slogans more often than dates ("1/2", "24/7").
  if (/^\d+\/\d+$/.test(text)) return null;
  // Weekday abbreviations ("Sun", "Wed") are words first.
  if (date?.relative?.kind === 'weekday' && !/day/i.test(text)) return null;
  if (!date && !time) return null;
  return {
    start,
    end,
    type: time ? 'TIME' : 'DATE',
    ...(date ?? { relative: { kind: 'same-day' } }),
    ...(time ? { suffix: time } : {}),
    rule: 'parser:chrono',
  };
}

/** A range ("Jan. 5-10", "March 3 to 5") is two points: its start, and its end after the joiner. */
function piecesOf(result: chrono.ParsedResult, offset: number): Piece[] {
  const start = offset + result.index;
  const end = start + result.text.length;
  if (!result.end) return [{ start, end, components: result.start }];
  const joiner = /\s*(?:[-–—]|\bto\b|\bthrough\b|\buntil\b)\s*/gi;
  let last: RegExpExecArray | null = null;
  for (let m = joiner.exec(result.text); m; m = joiner.exec(result.text)) last = m;
  if (!last) return [{ start, end, components: result.start }];
  return [
    { start, end: start + last.index, components: result.start },
    { start: start + last.index + last[0].length, end, components: result.end },
  ];
}

export const chronoParser: Parser = {
  name: 'chrono',
  parse(ctx) {
    const spans = windows(ctx);
    if (spans.length === 0) return [];
    const reference = ctx.published ? new Date(`${ctx.published}T12:00:00Z`) : NEUTRAL_REFERENCE;
    const out: Candidate[] = [];
    for (const [start, end] of spans) {
      for (const result of engine.parse(ctx.text.slice(start, end), { instant: reference, timezone: 0 })) {
        for (const piece of piecesOf(result, start)) {
          const candidate = toCandidate(piece, ctx);
          if (candidate) out.push(candidate);
        }
      }
    }
    return out;
  },
};

