// Expressions relative to the publication date: "yesterday", "this morning",
// "last week", "next year", "two decades ago", "last summer". They produce a
// `relative` that the resolver turns into a value at the right granularity
// ("last week" → 2025-W02, "two decades ago" → 200).
import {
  AMOUNT,
  AMOUNT_UNIT_GATE,
  amountOf,
  B,
  DAYPART,
  DAYPARTS,
  E,
  MONTH,
  MONTHS,
  monthOf,
  SEASON,
  SEASONS,
  UNIT,
  unitOf,
  WEEKDAY,
  weekdayOf,
  alternation,
  anyWordGate,
  UNITS,
  UNIT_GATE,
  WEEKDAYS,
} from '../lexicon.js';
import { loadData } from '../../../data.js';
import type { Direction, Granularity } from '../types.js';
import { eitherGate, followGate, pattern, patternParser, type Extracted } from './pattern.js';

const partSuffix = (part: string | undefined): string | undefined => (part ? `T${DAYPARTS.get(part.toLowerCase())}` : undefined);

const DAY_SHIFT: Record<string, number> = { today: 0, tonight: 0, yesterday: -1, tomorrow: 1 };

/** "today's world", "today's personal computers": the present in general (vague.json's genericTodayNouns). */
const GENERIC_TODAY = new RegExp(
  `^['’]s\\s+(?:\\p{L}+\\s+)?(?:${alternation(loadData<{ genericTodayNouns: string[] }>('dates/vague.json').genericTodayNouns)})(?![\\p{L}])`,
  'iu',
);

/** "today", "yesterday afternoon", "tonight", "the day before yesterday"; "today's world" is the present. */
export const dayWordParser = patternParser(
  'day-word',
  pattern(
    `${B}(?:(?<before>the\\s+day\\s+before\\s+yesterday)|(?<after>the\\s+day\\s+after\\s+tomorrow)|(?<word>today|yesterday|tomorrow|tonight))(?:\\s+(?<part>${DAYPART}))?${E}`,
  ),
  (m, place) => {
    const g = m.groups!;
    if (g.word?.toLowerCase() === 'today' && !g.part && GENERIC_TODAY.test(place.after)) return { type: 'DATE', value: 'PRESENT_REF' };
    const amount = g.before ? -2 : g.after ? 2 : DAY_SHIFT[g.word.toLowerCase()];
    const suffix = g.word?.toLowerCase() === 'tonight' ? 'TNI' : partSuffix(g.part);
    return {
      type: suffix ? 'TIME' : 'DATE',
      relative: { kind: 'shift', granularity: 'day', unit: 'day', amount },
      ...(suffix ? { suffix } : {}),
    };
  },
  anyWordGate(['today', 'yesterday', 'tomorrow', 'tonight']),
);

/** "this morning", "last night". */
export const daypartParser = patternParser('daypart', pattern(`${B}(?<dir>this|last)\\s+(?<part>${DAYPART})${E}`), (m) => {
  const last = m.groups!.dir.toLowerCase() === 'last';
  // "last night" is yesterday's; "last morning" is not English.
  if (last && m.groups!.part.toLowerCase() !== 'night' && m.groups!.part.toLowerCase() !== 'evening') return null;
  return {
    type: 'TIME',
    relative: { kind: 'shift', granularity: 'day', unit: 'day', amount: last ? -1 : 0 },
    suffix: partSuffix(m.groups!.part),
  };
}, followGate(['this', 'last'], DAYPARTS.keys()));

/**
 * "mid-afternoon", "mid-morning yesterday", "mid-evening Friday": a part of a
 * day; alone, the day the text is on (the one last mentioned, else publication).
 */
export const midDaypartParser = patternParser(
  'mid-daypart',
  pattern(`${B}mid[-‐‑\\s]?(?<part>morning|afternoon|evening)(?:\\s+(?:(?<word>today|yesterday|tomorrow)|(?:on\\s+)?(?<weekday>${WEEKDAY})))?${E}`),
  (m) => {
    const g = m.groups!;
    const suffix = partSuffix(g.part);
    if (g.weekday) return { type: 'TIME', relative: { kind: 'weekday', weekday: weekdayOf(g.weekday)!, direction: 'tense' }, suffix };
    if (g.word) return { type: 'TIME', relative: { kind: 'shift', granularity: 'day', unit: 'day', amount: DAY_SHIFT[g.word.toLowerCase()] }, suffix };
    return { type: 'TIME', relative: { kind: 'same-day' }, suffix };
  },
  followGate(['mid'], ['morning', 'afternoon', 'evening']),
);

function direction(word: string | undefined): Direction {
  // "this past spring" is the last one, "this coming Monday" the next.
  const w = word?.toLowerCase().replace(/^this\s+past$/, 'last').replace(/^this\s+coming$/, 'next');
  return w === 'last' ? 'last' : w === 'next' ? 'next' : w === 'this' ? 'this' : 'tense';
}

/** "Tuesday morning", "last Friday night". */
export const weekdayPartParser = patternParser(
  'weekday-daypart',
  pattern(`${B}(?:(?<dir>last|next|this)\\s+)?(?<weekday>${WEEKDAY})\\s+(?<part>${DAYPART})${E}`),
  (m) => ({
    type: 'TIME',
    relative: { kind: 'weekday', weekday: weekdayOf(m.groups!.weekday)!, direction: direction(m.groups!.dir) },
    suffix: partSuffix(m.groups!.part),
  }),
  followGate(WEEKDAYS.keys(), DAYPARTS.keys()),
);

const DEICTIC_UNITS: Record<string, Granularity> = {
  week: 'week',
  weekend: 'week',
  month: 'month',
  quarter: 'quarter',
  year: 'year',
  decade: 'decade',
  century: 'century',
  millennium: 'millennium',
};

/** "last week", "this year", "next month", "last century", "this weekend". */
export const deicticUnitParser = patternParser(
  'deictic-unit',
  pattern(`${B}(?<dir>last|next|this)\\s+(?<unit>${alternation(Object.keys(DEICTIC_UNITS))})${E}`),
  (m, place) => {
    // "ABC's \"This Week\"", "Next Year in Jerusalem": both words capitalised inside a sentence make a title.
    if (isTitleCase(m.groups!.dir) && isTitleCase(m.groups!.unit) && /[\p{L}\p{N}]/u.test(place.before)) return null;
    const unit = m.groups!.unit.toLowerCase();
    const dir = m.groups!.dir.toLowerCase();
    const g = DEICTIC_UNITS[unit];
    return {
      type: 'DATE',
      relative: { kind: 'shift', granularity: g, unit: g, amount: dir === 'last' ? -1 : dir === 'next' ? 1 : 0 },
      ...(unit === 'weekend' ? { suffix: '-WE' } : {}),
    };
  },
  followGate(['last', 'next', 'this'], Object.keys(DEICTIC_UNITS)),
);

/** A capital then small letters ("Week", not "week" nor "WEEK"). */
const isTitleCase = (word: string): boolean => /^\p{Lu}\p{Ll}+$/u.test(word);

/** Month names written out ("May" is one; the month-word filter wants it capitalised). */
const FULL_MONTHS = [...MONTHS.keys()].filter((m) => m.length > 3 || m === 'may');

/** "last March", "next summer", "this spring". */
export const deicticNameParser = patternParser(
  'deictic-name',
  pattern(`${B}(?<dir>last|next|this(?:\\s+past)?|this\\s+coming)\\s+(?:(?<month>${alternation(FULL_MONTHS)})|(?<season>${SEASON}))${E}`),
  (m): Extracted => {
    const g = m.groups!;
    const dir = direction(g.dir);
    if (g.month) return { type: 'DATE', relative: { kind: 'month', month: MONTHS.get(g.month.toLowerCase())!, direction: dir } };
    return { type: 'DATE', relative: { kind: 'season', season: SEASONS.get(g.season.toLowerCase())!, direction: dir } };
  },
  followGate(['last', 'next', 'this', 'past', 'coming'], [...FULL_MONTHS, ...SEASONS.keys()]),
);

/**
 * "two decades ago" (a decade: 200 from 2025), "three days ago", "a year from
 * now". The value keeps the unit's granularity, as TimeML does; a vague amount
 * ("several years ago") is only known to be in the past.
 */
export const agoParser = patternParser(
  'ago',
  pattern(`${B}(?<amount>${AMOUNT})\\s+(?<unit>${UNIT})(?<approx>\\s+or\\s+so)?\\s+(?<dir>ago|hence|from\\s+now|earlier|later|before|after|previously)${E}`),
  (m, place) => {
    const unit = unitOf(m.groups!.unit)!;
    const amount = amountOf(m.groups!.amount);
    const dir = m.groups!.dir.toLowerCase();
    const sign = /ago|earlier|before|previously/.test(dir) ? -1 : 1;
    const deictic = /ago|hence|now/.test(dir);
    // "two years before the war", "a decade after independence": anchored to an event, not a time.
    if ((dir === 'before' || dir === 'after') && !/^\s*(?:[.,;:)]|$)/.test(place.after)) return null;
    // "an hour later": a moment the article does not date; the duration parser keeps "an hour".
    if (!deictic && unit.time) return null;
    if (amount === 'X') return deictic ? { type: 'DATE', value: sign < 0 ? 'PAST_REF' : 'FUTURE_REF' } : null;
    // Hours and minutes ago are still (about) the publication day.
    let n = unit.time ? (unit.symbol === 'H' ? Math.round(amount / 24) : 0) : amount;
    if (!Number.isInteger(n)) return null;
    let g = unit.granularity;
    // "a decade ago" is ten years back, a year (as TimeBank and WikiWars write it); "two decades ago" is vaguer, a decade.
    if (g === 'decade' && n === 1) [g, n] = ['year', 10];
    const approx = m.groups!.approx ? { mod: 'APPROX' } : {};
    if (!deictic) return { type: 'DATE', relative: { kind: 'anchored', unit: g, amount: sign * n }, ...approx };
    if (sign < 0) return { type: 'DATE', relative: { kind: 'ago', unit: g, amount: -n }, ...approx };
    return { type: 'DATE', relative: { kind: 'shift', granularity: g, unit: g, amount: n }, ...approx };
  },
  [AMOUNT_UNIT_GATE, followGate([...UNITS.keys(), 'so'], ['ago', 'hence', 'from', 'earlier', 'later', 'before', 'after', 'previously'])],
  { at: UNIT_GATE, reach: 10 },
);

/**
 * "the year-earlier quarter", "the year-ago period", "year-earlier", "the
 * corresponding period last year", "last year's quarter" (results): the
 * mentioned period a year before.
 */
export const yearAgoParser = patternParser(
  'year-ago',
  pattern(
    `${B}(?:(?<the>the)\\s+)?(?:(?:comparable\\s+)?year[-‐‑\\s](?:earlier|ago)(?:\\s+(?<noun>quarter|period|month))?|(?<after>quarter|period)\\s+a\\s+year\\s+(?:earlier|ago|before)|(?:corresponding|comparable|same)\\s+(?<last>quarter|period)\\s+(?:of\\s+)?last\\s+year)${E}` +
      // "last year's quarter", "last year's third period": the report's period a year before.
      `|${B}last\\s+year['’]s\\s+(?<owner>quarter|period)${E}`,
  ),
  (m, place) => {
    const g = m.groups!;
    // Without its noun the determiner belongs to what follows ("the year-earlier $4.5 million").
    const start = g.the && !g.noun && !g.after && !g.last ? place.start + (m[0].length - m[0].replace(/^the\s+/i, '').length) : undefined;
    return {
      ...(start !== undefined ? { start } : {}),
      type: 'DATE',
      relative: { kind: 'anchored', unit: 'year', amount: -1, period: /quarter/i.test(g.noun ?? g.after ?? g.last ?? g.owner ?? '') ? 'quarter' : 'any' },
    };
  },
  eitherGate(followGate(['year'], ['earlier', 'ago', 'before']), followGate(['last'], ['year'])),
);

const QUARTER_ENDED = new RegExp(`^\\s+(?:that\\s+)?end(?:ed|ing|s)\\s+(?:on\\s+)?(${MONTH})`, 'iu');

/**
 * "the quarter", "the latest quarter", "the current quarter", "the current
 * year": business news refers back to the quarter it reports on, the quarter
 * last mentioned, or else the last one completed before publication.
 */
export const periodReferenceParser = patternParser(
  'period-reference',
  pattern(`${B}the\\s+(?:(?<adj>latest|current|just-ended|just-completed|most\\s+recent|previous|prior|preceding)\\s+)?(?:fiscal\\s+)?(?<unit>quarter|year|period)${E}`),
  (m, place) => {
    // "the quarter-to-quarter comparison": part of a compound, not a time.
    if (/^[-‐‑]/.test(place.after)) return null;
    // "the quarter ended Sept. 30": the quarter holding that day; "the year ended March 31" is a fiscal year, a stretch.
    const ended = QUARTER_ENDED.exec(place.after);
    if (ended && m.groups!.unit.toLowerCase() === 'year' && !m.groups!.adj) return { type: 'DURATION', value: 'P1Y' };
    if (ended && m.groups!.unit.toLowerCase() === 'quarter') {
      return { type: 'DATE', relative: { kind: 'part', code: `Q${Math.ceil(monthOf(ended[1])! / 3)}`, direction: 'tense' } };
    }
    // "the quarter" alone is the quarter being reported on; "the year" and "the period" alone are too vague.
    if (!m.groups!.adj && m.groups!.unit.toLowerCase() !== 'quarter') return null;
    const adj = (m.groups!.adj ?? 'latest').toLowerCase();
    const unit = m.groups!.unit.toLowerCase();
    if (adj === 'current') {
      if (unit === 'period') return null;
      const g = unit as 'quarter' | 'year';
      return { type: 'DATE', relative: { kind: 'shift', granularity: g, unit: g, amount: 0 } };
    }
    const back = adj === 'previous' || adj === 'prior' || adj === 'preceding' ? -1 : 0;
    if (unit === 'year') return back ? { type: 'DATE', relative: { kind: 'anchored', unit: 'year', amount: -1, whole: true } } : null;
    return { type: 'DATE', relative: { kind: 'anchored', unit: 'quarter', amount: back, period: unit === 'quarter' ? 'quarter' : 'any' } };
  },
  followGate(['the', 'latest', 'current', 'just-ended', 'just-completed', 'recent', 'previous', 'prior', 'preceding', 'fiscal'], ['quarter', 'year', 'period']),
);

const ANAPHORA_SHIFT: Record<string, number> = { that: 0, 'that same': 0, 'the same': 0, 'the following': 1, 'the next': 1, 'the previous': -1, 'the preceding': -1, 'the prior': -1 };
const ANAPHORA_UNITS: Record<string, Granularity> = {
  day: 'day',
  week: 'week',
  month: 'month',
  quarter: 'quarter',
  year: 'year',
  decade: 'decade',
  century: 'century',
};

/**
 * "that year", "the same day", "the following month", "the next morning",
 * "that night": a time the text has just named, or a step from it. The
 * resolver takes the last date mentioned, the publication date otherwise.
 */
export const anaphoraParser = patternParser(
  'anaphora',
  pattern(
    `${B}(?<det>that(?:\\s+same)?|the\\s+(?:same|following|next|previous|preceding|prior))\\s+(?:(?<unit>${alternation(Object.keys(ANAPHORA_UNITS))})|(?<part>${DAYPART}))${E}`,
  ),
  (m, place) => {
    const g = m.groups!;
    const amount = ANAPHORA_SHIFT[g.det.toLowerCase().replace(/\s+/g, ' ')];
    if (g.part) {
      return { type: 'TIME', relative: { kind: 'anchored', unit: 'day', amount }, suffix: partSuffix(g.part) };
    }
    // "over the next year", "during the following decade": a stretch, the span parser's.
    if (amount !== 0 && /(?:over|during|for|within|in|throughout)\s+$/i.test(place.before)) return null;
    const unit = ANAPHORA_UNITS[g.unit.toLowerCase()];
    return { type: 'DATE', relative: { kind: 'anchored', unit, amount, whole: true } };
  },
  followGate(Object.keys(ANAPHORA_SHIFT), [...Object.keys(ANAPHORA_UNITS), ...DAYPARTS.keys()]),
);

const CLOCK_WORDS: Record<string, string> = { noon: 'T12:00', midday: 'T12:00', midnight: 'T24:00' };

/** "noon Thursday", "midnight Friday", "Saturday at noon", "noon": a clock time on a day. */
export const clockWordParser = patternParser(
  'clock-word',
  pattern(
    `${B}(?:(?<word>noon|midday|midnight)(?:\\s+(?:on\\s+)?(?<day>${WEEKDAY}|today|yesterday|tomorrow))?|(?<day2>${WEEKDAY}|today|yesterday|tomorrow)\\s+(?:at\\s+)?(?<word2>noon|midday|midnight))${E}`,
  ),
  (m) => {
    const g = m.groups!;
    const suffix = CLOCK_WORDS[(g.word ?? g.word2).toLowerCase()];
    const day = (g.day ?? g.day2)?.toLowerCase();
    if (day && weekdayOf(day)) return { type: 'TIME', relative: { kind: 'weekday', weekday: weekdayOf(day)!, direction: 'tense' }, suffix };
    return { type: 'TIME', relative: { kind: 'shift', granularity: 'day', unit: 'day', amount: day ? DAY_SHIFT[day] : 0 }, suffix };
  },
  anyWordGate(Object.keys(CLOCK_WORDS)),
);

/** "the weekend", "over the weekend": the one the tense points to ("this weekend" is the deictic parser's). */
export const weekendParser = patternParser(
  'weekend',
  pattern(`${B}the\\s+weekend${E}`),
  () => ({ type: 'DATE', relative: { kind: 'weekend', direction: 'tense' } }),
  anyWordGate(['weekend']),
);

/** Words before "the year" that make it the year the text is in ("the end of the year", "for the year"). */
const PERIOD_FRAME = /(?:(?:end|rest|remainder|part|course|start|beginning|middle|close|balance|months|weeks|days)\s+of|for|during|throughout)\s+$/i;
/** "the year before", "the year-ago quarter", "the year ended Sept. 30", "the year 1990", "the day he died": other expressions. */
const PERIOD_FOLLOWED = /^(?:\s*[-‐‑]|\s+(?:before|after|earlier|later|ago|ended|ending|that|when|in\s+which|of\s+(?:the|\d)|\d|\p{Lu}|he|she|they|it|we|i)(?![\p{L}]))/iu;
const PERIOD_MODS: Record<string, string> = { later: 'END', late: 'END', earlier: 'START', early: 'START' };
const PERIOD_UNITS: Record<string, 'day' | 'week' | 'month' | 'year'> = { day: 'day', week: 'week', month: 'month', year: 'year' };

/**
 * "the end of the year", "for the full year", "earlier in the year",
 * "year-end", "by year's end", "later in the week", "for the week", "earlier
 * in the day": the period the text is in (the resolver decides which: news,
 * the publication's; history, the one last mentioned). A day needs "earlier
 * in"/"later in": "for the day" and "the end of the day" are idioms.
 */
export const thePeriodParser = patternParser(
  'the-period',
  pattern(
    `${B}(?:(?:(?<mod>later|late|earlier|early)\\s+in\\s+)?the\\s+(?:(?<adj>full|fiscal|calendar)\\s+)?(?<unit>year|month|week|day)|(?<end>year(?:[-‐‑\\s]end|['’]s\\s+end)|month['’]s\\s+end))${E}`,
  ),
  (m, place) => {
    const g = m.groups!;
    const since = /(?:^|\s)since\s+$/i.test(place.before);
    if (g.end) return { type: 'DATE', relative: { kind: 'the-period', unit: /^month/i.test(g.end) ? 'month' : 'year', since }, mod: 'END' };
    const unit = PERIOD_UNITS[g.unit];
    if (!unit || PERIOD_FOLLOWED.test(place.after)) return null;
    if (g.adj && unit !== 'year') return null;
    if (!g.mod && !g.adj && (unit === 'day' || !PERIOD_FRAME.test(place.before))) return null;
    return { type: 'DATE', relative: { kind: 'the-period', unit, since }, ...(g.mod ? { mod: PERIOD_MODS[g.mod.toLowerCase()] } : {}) };
  },
  // "the year", "the full year"; "year-end", "year's end".
  eitherGate(followGate(['the', 'full', 'fiscal', 'calendar'], Object.keys(PERIOD_UNITS)), followGate(['year', 'month', 's'], ['end'])),
);
