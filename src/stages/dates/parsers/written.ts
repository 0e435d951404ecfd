// Calendar dates and clock times as news writes them: "Jan. 5", "5 January
// 2024", "Tuesday, March 5", "March 2023", "2023-03-10", "3/10/2023",
// "Tuesday", "10:35 a.m.", "9 a.m. EST Tuesday", "5 p.m. EST, Nov. 6",
// "Jan. 5 at 3 p.m.". Only what is written makes the value ("March 2023" is
// 2023-03); a missing year or a weekday alone is left to the resolver, which
// reads the sentence's tense. A range ("31 May-1 June 1916", "from 24 July
// until 26 November") is two matches, as TimeML wants.
import type { Candidate, Direction } from '../types.js';
import { B, E, MONTH_DAY_GATE, MONTH_GATE, MONTH_NAME_GATE, monthOf, MONTHS, WEEKDAY_GATE, WEEKDAY_NAME_GATE, weekdayOf, WEEKDAYS, alternation } from '../lexicon.js';
import { daysInMonth, dayValue, monthValue, pad } from '../timex.js';
import { DIGITS, eitherGate, followGate, pattern, patternParser, shapeGate, type Extracted, type MatchPlace } from './pattern.js';

/** Month names, and abbreviations with or without their full stop ("Jan.", "Sept", "Aug"). */
const MONTH_NAME = `(?:${alternation([...MONTHS.keys()].filter((m) => m.length > 3 || m === 'may'))}|(?:${alternation(
  [...MONTHS.keys()].filter((m) => m.length <= 4 && m !== 'may'),
)})\\.?)`;
/** Weekday names, and abbreviations only with their full stop ("Tues.", "Wed."): "Sun", "Sat" are words. */
const WEEKDAY_NAME = `(?:${alternation([...WEEKDAYS.keys()].filter((w) => w.endsWith('day')))}|(?:${alternation(
  [...WEEKDAYS.keys()].filter((w) => !w.endsWith('day')),
)})\\.)`;
const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
const ERA = '(?:BCE|B\\.C\\.E\\.|BC|B\\.C\\.|AD|A\\.D\\.|CE|C\\.E\\.)';
/** A written year: four digits, or up to four with an era ("480 BC"). */
const YEAR = `(?:(?:\\d{1,4}\\s*${ERA})|(?:1\\d{3}|20\\d{2})(?![\\p{N}]))`;
const ZONE = '(?:GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST)';
/** A clock time: "10:35", "3 p.m.", "10:35 a.m.", "05:30hrs", "5 o'clock", with a time zone ("4 a.m. EDT"). */
const CLOCK = `(?:(?<hour>[01]?\\d|2[0-4])(?::(?<minute>[0-5]\\d))?\\s*(?<ampm>[ap]\\.?\\s?m\\b\\.?|o['’]clock)|(?<hour2>[01]?\\d|2[0-4]):(?<minute2>[0-5]\\d)(?:hrs\\b|(?![\\d:])))(?:\\s+(?<zone>${ZONE})(?![\\p{L}]))?`;

/** The calendar part: weekday, day, month, year, each optional, in the orders news writes them. */
const DATE =
  `(?:(?<weekday>${WEEKDAY_NAME})(?:,?\\s+(?:the\\s+)?))?` +
  `(?:(?<dayFirst>${DAY})\\s+(?:of\\s+)?(?<month1>${MONTH_NAME})|(?<month2>${MONTH_NAME})\\s+(?<dayAfter>${DAY})(?!\\p{N}|:\\d))` +
  `(?:,?\\s+(?<year>${YEAR}))?`;
const MONTH_YEAR = `(?<month3>${MONTH_NAME})(?:,?\\s+(?:of\\s+)?(?<year3>${YEAR})|(?<thatYear>\\s+of\\s+(?:that|the\\s+same)\\s+year))`;

function yearOf(text: string): number {
  const m = /^(\d{1,4})\s*(.*)$/.exec(text.trim())!;
  const n = Number(m[1]);
  return /^B/i.test(m[2]) ? 1 - n : n;
}

const BACK = new Set(['last', 'past', 'previous', 'preceding', 'prior']);
const AHEAD = new Set(['next', 'coming', 'following']);
/** "last Tuesday", "the following Monday", "this Friday": a direction word before a name, which joins the span. */
const DIRECTION_BEFORE = /(?<![\p{L}])((?:the\s+)?(?:previous|preceding|prior|following|coming)|last|next|this|past)\s+$/iu;

function direction(word: string): Direction {
  const w = word.toLowerCase().replace(/^the\s+/, '');
  if (BACK.has(w)) return 'last';
  if (AHEAD.has(w)) return 'next';
  return w === 'this' ? 'this' : 'tense';
}

/** A clock suffix ("T15:00") from the clock groups, or undefined when they are not a time. */
function clockSuffix(g: Record<string, string | undefined>): string | undefined {
  const hourText = g.hour ?? g.hour2;
  if (hourText === undefined) return undefined;
  let hour = Number(hourText);
  const minute = Number(g.minute ?? g.minute2 ?? 0);
  const ampm = g.ampm?.toLowerCase().replace(/[.\s]/g, '');
  if (ampm === 'pm' && hour < 12) hour += 12;
  if (ampm === 'am' && hour === 12) hour = 0;
  if (hour > 24 || (ampm && (ampm === 'am' || ampm === 'pm') && Number(hourText) > 12)) return undefined;
  return `T${pad(hour, 2)}:${pad(minute, 2)}`;
}

/** The date part of the groups, as a value or a relative, or null when there is none. */
function datePart(g: Record<string, string | undefined>, dir: Direction): Pick<Candidate, 'value' | 'relative'> | null {
  const monthWord = g.month1 ?? g.month2 ?? g.month3;
  const dayWord = g.dayFirst ?? g.dayAfter;
  const yearWord = g.year ?? g.year3;
  if (monthWord) {
    const month = monthOf(monthWord)!;
    const day = dayWord ? parseInt(dayWord, 10) : undefined;
    if (yearWord) {
      const y = yearOf(yearWord);
      return { value: day !== undefined ? dayValue({ y, m: month, d: day }) : monthValue(y, month) };
    }
    const weekday = g.weekday && day !== undefined ? { weekday: weekdayOf(g.weekday)! } : {};
    return { relative: { kind: 'month', month, ...(day !== undefined ? { day } : {}), direction: dir, ...weekday } };
  }
  if (g.weekday) return { relative: { kind: 'weekday', weekday: weekdayOf(g.weekday)!, direction: dir } };
  return null;
}

/**
 * A candidate from the date and clock groups (the clock from `clock` when it
 * is written after the date); the span takes a direction word before it ("last Tuesday").
 */
function candidate(g: Record<string, string | undefined>, place: MatchPlace, clock: Record<string, string | undefined> = g): Extracted | null {
  // Names are capitalised: "Section 5 may apply", "march 3 miles" are no dates.
  for (const name of [g.month1, g.month2, g.month3, g.weekday]) if (name && !/^\p{Lu}/u.test(name)) return null;
  // The direction word is one of the last words before the match: no need to scan the whole sentence before it.
  const lead = DIRECTION_BEFORE.exec(place.wordsBefore(32));
  const dir = lead ? direction(lead[1]) : 'tense';
  const date = datePart(g, dir);
  const suffix = clockSuffix(clock);
  if (!date && !suffix) return null;
  // Day numbers a month cannot have ("February 30", "April 31") are not dates (a leap year allows February 29).
  const day = g.dayFirst ?? g.dayAfter;
  const month = g.month1 ?? g.month2;
  if (day && month && parseInt(day, 10) > daysInMonth(2000, monthOf(month)!)) return null;
  return {
    // "last Friday" joins its direction word; "last Oct. 23" leaves it (TimeBank's spans).
    ...(lead && date?.relative?.kind === 'weekday' ? { start: place.start - lead[0].length } : {}),
    type: suffix ? 'TIME' : 'DATE',
    ...(date ?? { relative: { kind: 'same-day' } }),
    ...(suffix ? { suffix } : {}),
  };
}

/** Every match holds a capitalised month next to a day number, a year or "of" (lower-case names are refused). */
const DATE_GATE = [MONTH_NAME_GATE, MONTH_DAY_GATE];

/**
 * "Tuesday, Jan. 5, 2024", "5 January 2024", "Jan. 5", "the 5th of January",
 * with a clock time after ("Jan. 5 at 3 p.m.") or before ("5 p.m. EST, Nov. 6").
 */
export const calendarDateParser = patternParser(
  'date',
  pattern(`${B}(?:${CLOCK},?\\s+(?:on\\s+)?)?(?:${DATE})(?:,?\\s+(?:at\\s+)?${CLOCK.replace(/\?<(\w+)>/g, '?<$1After>')})?${E}`),
  (m, place) => {
    const g = m.groups!;
    if (g.hour === undefined && g.hour2 === undefined) {
      // A clock after the date is its clock when there was none before.
      const after = { hour: g.hourAfter, minute: g.minuteAfter, ampm: g.ampmAfter, hour2: g.hour2After, minute2: g.minute2After };
      return candidate(g, place, after);
    }
    if (g.hourAfter !== undefined || g.hour2After !== undefined) return null;
    return candidate(g, place);
  },
  DATE_GATE,
  // A clock, a weekday, a day and "of" may come before the month: at most some twenty tokens.
  { at: MONTH_GATE, reach: 20 },
);

/** "March 2023", "September 480 BC", "August of that year" (the year the story is in). */
export const monthYearParser = patternParser(
  'month-year',
  pattern(`${B}${MONTH_YEAR}${E}`),
  (m, place) => {
    const g = m.groups!;
    if (!g.thatYear) return candidate(g, place);
    if (!/^\p{Lu}/u.test(g.month3)) return null;
    // "October of that year": the year the text last mentioned, not the publication's.
    return { type: 'DATE', relative: { kind: 'in-year', part: { kind: 'month', month: monthOf(g.month3)!, direction: 'tense' }, year: { mentioned: true } } };
  },
  [MONTH_NAME_GATE, followGate(MONTHS.keys(), [DIGITS, 'of'])],
  { at: MONTH_GATE, reach: 0 },
);

/** "Tuesday", "last Friday", "9 a.m. EST Tuesday", "Friday at noon" is the clock-word parser's. */
export const weekdayParser = patternParser(
  'weekday',
  pattern(`${B}(?:${CLOCK},?\\s+(?:on\\s+)?)?(?<weekday>${WEEKDAY_NAME})(?![\\p{L}\\p{N}_])`),
  (m, place) => {
    // "Tuesday's ruling" keeps the weekday; "Mondays" is the every-name parser's (the pattern stops before "s").
    if (/^s\b/i.test(place.after)) return null;
    return candidate(m.groups!, place);
  },
  WEEKDAY_NAME_GATE,
  { at: WEEKDAY_GATE, reach: 12 },
);

/** "4 in the morning", "8 in the evening", "11 at night": an hour of the day written in words after its number. */
const SPOKEN_CLOCK = `(?<spokenHour>1[0-2]|[1-9])(?::(?<spokenMinute>[0-5]\\d))?\\s+(?:o['’]clock\\s+)?(?:in\\s+the\\s+(?<spokenPart>morning|afternoon|evening)|at\\s+(?<spokenNight>night))`;

/** The 24-hour clock of a spoken hour: the afternoon, evening and night add twelve (not to the small hours of the night). */
function spokenClock(g: Record<string, string | undefined>): Record<string, string | undefined> {
  const h = Number(g.spokenHour);
  const part = (g.spokenPart ?? g.spokenNight)!.toLowerCase();
  const later = part === 'afternoon' || part === 'evening' || (part === 'night' && h >= 6);
  const hour = part === 'morning' && h === 12 ? 0 : part === 'night' && h === 12 ? 24 : later && h < 12 ? h + 12 : h;
  return { hour: String(hour), minute: g.spokenMinute };
}

/** A parenthesis then a weekday, after a clock time (compiled on the first clock time). */
let ASIDE_WEEKDAY: RegExp | undefined;

/** "10:35 a.m.", "3 p.m.", "15:00 GMT", "05:30hrs": a time on the day last mentioned. */
export const clockParser = patternParser(
  'clock',
  pattern(`${B}(?:${CLOCK}|${SPOKEN_CLOCK})${E}`),
  (m, place) => {
    // "3:2" is a score and "1:30" in "1:30 odds" a ratio more often than a time only without a.m./p.m. after digits
    // glued to other numbers ("2-1:30"); a colon time stands alone.
    if (/[\d:]$/.test(place.before)) return null;
    // "at 10:35 a.m. (0735 GMT) Friday": the weekday after an aside is the clock's day; the span stays the clock.
    const aside = (ASIDE_WEEKDAY ??= new RegExp(`^\\s*\\([^()]{1,40}\\)\\s*,?\\s*(?:on\\s+)?(?<weekday>${WEEKDAY_NAME})(?![\\p{L}])`, 'iu')).exec(place.after);
    const g = m.groups!.spokenHour ? { ...m.groups!, ...spokenClock(m.groups!) } : m.groups!;
    if (aside && /^\p{Lu}/u.test(aside.groups!.weekday)) return candidate({ ...g, weekday: aside.groups!.weekday }, place);
    return candidate(g, place);
  },
  // "10:35", "05:30hrs", "5 o'clock", "3pm" written together; "3 p.m.", "3 pm" as two words.
  eitherGate(shapeGate(/\d:\d\d|\dhrs|o['’]clock|\d[ap]\.?\s?m\b/i), followGate([DIGITS], ['a', 'p', 'am', 'pm', 'm']), followGate([DIGITS], ['in', 'at'])),
);

/** "2023-03-10", "2023-03-10T15:00", "3/10/2023" (month first, as US news writes it). */
export const numericDateParser = patternParser(
  'numeric-date',
  pattern(
    `${B}(?:(?<isoY>\\d{4})-(?<isoM>0[1-9]|1[0-2])-(?<isoD>0[1-9]|[12]\\d|3[01])(?:T(?<isoH>[01]\\d|2[0-4]):(?<isoMin>[0-5]\\d))?|(?<sM>0?[1-9]|1[0-2])/(?<sD>0?[1-9]|[12]\\d|3[01])/(?<sY>\\d{4}|\\d{2}))(?![\\p{L}\\p{N}_/])`,
  ),
  (m) => {
    const g = m.groups!;
    if (g.isoY) {
      const value = dayValue({ y: Number(g.isoY), m: Number(g.isoM), d: Number(g.isoD) });
      return g.isoH ? { type: 'TIME', value: `${value}T${g.isoH}:${g.isoMin}` } : { type: 'DATE', value };
    }
    const y = g.sY.length === 2 ? (Number(g.sY) <= 30 ? 2000 : 1900) + Number(g.sY) : Number(g.sY);
    return { type: 'DATE', value: dayValue({ y, m: Number(g.sM), d: Number(g.sD) }) };
  },
  shapeGate(/\d[-/]\d/),
);

const JOIN = '\\s*(?:[-–—]|to|and|or|until|through)\\s*';

/**
 * "6-9 January 1916", "22 and 23 April", "May 4 and 5", "March 5 to 9, 1918":
 * two days of one month, two mentions; the first takes the month (and year) written with the second.
 */
export const dayRangeParser = patternParser(
  'day-range',
  pattern(
    `${B}(?:(?<d1>${DAY})${JOIN}(?<d2>${DAY})\\s+(?:of\\s+)?(?<monthA>${MONTH_NAME})|(?<monthB>${MONTH_NAME})\\s+(?<d3>${DAY})${JOIN}(?<d4>${DAY})(?!\\p{N}|:\\d))(?:,?\\s+(?<year>${YEAR}))?${E}`,
  ),
  (m, place) => {
    const g = m.groups!;
    const monthWord = g.monthA ?? g.monthB;
    if (!/^\p{Lu}/u.test(monthWord)) return null;
    const [first, second] = g.d1 ? ['d1', 'd2'] : ['d3', 'd4'];
    const a = parseInt(g[first], 10);
    const b = parseInt(g[second], 10);
    if (a >= b) return null;
    const month = monthOf(monthWord)!;
    const point = (d: number): Pick<Candidate, 'value' | 'relative'> =>
      g.year ? { value: dayValue({ y: yearOf(g.year), m: month, d }) } : { relative: { kind: 'month', month, day: d, direction: 'tense' } };
    const [s1, e1] = place.group(first)!;
    const [s2] = place.group(second)!;
    // "6-9 January 1916": "6" and "9 January 1916"; "March 5 to 9, 1918": "March 5" and "9, 1918".
    return [
      { start: g.d1 ? s1 : place.start, end: e1, type: 'DATE', ...point(a) },
      { start: s2, end: place.end, type: 'DATE', ...point(b) },
    ];
  },
  DATE_GATE,
  { at: MONTH_GATE, reach: 8 },
);
