// Expressions relative to the publication date: "yesterday", "this morning",
// "last week", "next year", "two decades ago", "last summer". They produce a
// `relative` that the resolver turns into a value at the right granularity
// ("last week" → 2025-W02, "two decades ago" → 200).
import {
  AMOUNT,
  amountOf,
  B,
  DAYPART,
  DAYPARTS,
  E,
  MONTHS,
  SEASON,
  SEASONS,
  UNIT,
  unitOf,
  WEEKDAY,
  weekdayOf,
  alternation,
} from '../lexicon.js';
import type { Direction, Granularity } from '../types.js';
import { pattern, patternParser, type Extracted } from './pattern.js';

const partSuffix = (part: string | undefined): string | undefined => (part ? `T${DAYPARTS.get(part.toLowerCase())}` : undefined);

const DAY_SHIFT: Record<string, number> = { today: 0, tonight: 0, yesterday: -1, tomorrow: 1 };

/** "today", "yesterday afternoon", "tonight", "the day before yesterday". */
export const dayWordParser = patternParser(
  'day-word',
  pattern(
    `${B}(?:(?<before>the\\s+day\\s+before\\s+yesterday)|(?<after>the\\s+day\\s+after\\s+tomorrow)|(?<word>today|yesterday|tomorrow|tonight))(?:\\s+(?<part>${DAYPART}))?${E}`,
  ),
  (m) => {
    const g = m.groups!;
    const amount = g.before ? -2 : g.after ? 2 : DAY_SHIFT[g.word.toLowerCase()];
    const suffix = g.word?.toLowerCase() === 'tonight' ? 'TNI' : partSuffix(g.part);
    return {
      type: suffix ? 'TIME' : 'DATE',
      relative: { kind: 'shift', granularity: 'day', unit: 'day', amount },
      ...(suffix ? { suffix } : {}),
    };
  },
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
});

function direction(word: string | undefined): Direction {
  const w = word?.toLowerCase();
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
  (m) => {
    const unit = m.groups!.unit.toLowerCase();
    const dir = m.groups!.dir.toLowerCase();
    const g = DEICTIC_UNITS[unit];
    return {
      type: 'DATE',
      relative: { kind: 'shift', granularity: g, unit: g, amount: dir === 'last' ? -1 : dir === 'next' ? 1 : 0 },
      ...(unit === 'weekend' ? { suffix: '-WE' } : {}),
    };
  },
);

const FULL_MONTHS = [...MONTHS.keys()].filter((m) => m.length > 3);

/** "last March", "next summer", "this spring". */
export const deicticNameParser = patternParser(
  'deictic-name',
  pattern(`${B}(?<dir>last|next|this)\\s+(?:(?<month>${alternation(FULL_MONTHS)})|(?<season>${SEASON}))${E}`),
  (m): Extracted => {
    const g = m.groups!;
    const dir = direction(g.dir);
    if (g.month) return { type: 'DATE', relative: { kind: 'month', month: MONTHS.get(g.month.toLowerCase())!, direction: dir } };
    return { type: 'DATE', relative: { kind: 'season', season: SEASONS.get(g.season.toLowerCase())!, direction: dir } };
  },
);

/**
 * "two decades ago" (a decade: 200 from 2025), "three days ago", "a year from
 * now". The value keeps the unit's granularity, as TimeML does; a vague amount
 * ("several years ago") is only known to be in the past.
 */
export const agoParser = patternParser(
  'ago',
  pattern(`${B}(?<amount>${AMOUNT})\\s+(?<unit>${UNIT})\\s+(?<dir>ago|hence|from\\s+now)${E}`),
  (m) => {
    const unit = unitOf(m.groups!.unit)!;
    const amount = amountOf(m.groups!.amount);
    const sign = /ago/i.test(m.groups!.dir) ? -1 : 1;
    if (amount === 'X') return { type: 'DATE', value: sign < 0 ? 'PAST_REF' : 'FUTURE_REF' };
    // Hours and minutes ago are still (about) the publication day.
    const n = unit.time ? (unit.symbol === 'H' ? Math.round(amount / 24) : 0) : amount;
    if (!Number.isInteger(n)) return null;
    return { type: 'DATE', relative: { kind: 'shift', granularity: unit.granularity, unit: unit.granularity, amount: sign * n } };
  },
);
