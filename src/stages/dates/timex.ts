// Calendar arithmetic and TIMEX3 value writing. Pure: dates are plain
// year/month/day numbers, computed through Date.UTC (never the clock or the
// local time zone).
import type { Granularity } from './types.js';

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function parseYmd(iso: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
}

function fromUtc(ms: number): Ymd {
  const date = new Date(ms);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

function utc(date: Ymd): number {
  const ms = Date.UTC(date.y, date.m - 1, date.d);
  // Date.UTC maps years 0-99 to 1900-1999.
  return date.y >= 0 && date.y < 100 ? new Date(ms).setUTCFullYear(date.y) : ms;
}

export function addDays(date: Ymd, days: number): Ymd {
  return fromUtc(utc(date) + days * 86_400_000);
}

/** Shifts by whole months, keeping the day where the month allows. */
export function addMonths(date: Ymd, months: number): Ymd {
  const index = date.y * 12 + (date.m - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12 + 12) % 12 + 1;
  return { y, m, d: Math.min(date.d, daysInMonth(y, m)) };
}

export function daysInMonth(y: number, m: number): number {
  return fromUtc(utc({ y, m: m === 12 ? 1 : m + 1, d: 1 }) - 86_400_000).d;
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function isoWeekday(date: Ymd): number {
  const day = new Date(utc(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(date: Ymd): { year: number; week: number } {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const jan1 = { y: thursday.y, m: 1, d: 1 };
  const week = Math.floor((utc(thursday) - utc(jan1)) / (7 * 86_400_000)) + 1;
  return { year: thursday.y, week };
}

export const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** A year as TIMEX3 writes it: four digits, "BC" before years before Christ (500 BC → BC0500). */
export function yearValue(y: number): string {
  return y <= 0 ? `BC${pad(1 - y, 4)}` : pad(y, 4);
}

export const dayValue = (d: Ymd): string => `${yearValue(d.y)}-${pad(d.m, 2)}-${pad(d.d, 2)}`;
export const monthValue = (y: number, m: number): string => `${yearValue(y)}-${pad(m, 2)}`;

export function weekValue(d: Ymd): string {
  const { year, week } = isoWeek(d);
  return `${yearValue(year)}-W${pad(week, 2)}`;
}

export function seasonOfMonth(m: number): string {
  return m <= 2 || m === 12 ? 'WI' : m <= 5 ? 'SP' : m <= 8 ? 'SU' : 'FA';
}

/** A winter is named by the year of its January: December 2024 is in winter 2025 (TIMEX2's and WikiWars' reading). */
export function seasonYear(d: Ymd): number {
  return d.m === 12 ? d.y + 1 : d.y;
}

/** TIMEX3 for the period of granularity `g` that holds date `d`. */
export function valueAt(d: Ymd, g: Granularity): string {
  switch (g) {
    case 'day':
      return dayValue(d);
    case 'week':
      return weekValue(d);
    case 'month':
      return monthValue(d.y, d.m);
    case 'season':
      return `${yearValue(seasonYear(d))}-${seasonOfMonth(d.m)}`;
    case 'quarter':
      return `${yearValue(d.y)}-Q${Math.ceil(d.m / 3)}`;
    case 'half':
      return `${yearValue(d.y)}-H${d.m <= 6 ? 1 : 2}`;
    case 'year':
      return yearValue(d.y);
    case 'decade':
      return decadeValue(d.y);
    case 'century':
      return centuryValue(d.y);
    case 'millennium':
      return String(Math.floor(d.y / 1000));
  }
}

/** The 1990s → "199"; before Christ by the years as written: 479 BC (year -478) is in the 470s BC, "BC047". */
export function decadeValue(firstYear: number): string {
  return firstYear <= 0 ? `BC${pad(Math.floor((1 - firstYear) / 10), 3)}` : pad(Math.floor(firstYear / 10), 3);
}

/** The century holding year y (TIMEX3 counts from 00: 1991 → "19", the 20th century; 350 BC → "BC03", the 4th century BC). */
export function centuryValue(y: number): string {
  return y <= 0 ? `BC${pad(Math.floor(-y / 100), 2)}` : pad(Math.floor(y / 100), 2);
}

/** The n-th century (19th → "18"); BC centuries keep their number minus one (4th century BC → "BC03"). */
export function ordinalCenturyValue(n: number, bc = false): string {
  return bc ? `BC${pad(n - 1, 2)}` : pad(n - 1, 2);
}

/** Moves a date by `amount` periods of `unit` (days, weeks, months, quarters, years …). */
export function shift(d: Ymd, unit: Granularity, amount: number): Ymd {
  switch (unit) {
    case 'day':
      return addDays(d, amount);
    case 'week':
      return addDays(d, 7 * amount);
    case 'month':
      return addMonths(d, amount);
    case 'season':
    case 'quarter':
      return addMonths(d, 3 * amount);
    case 'half':
      return addMonths(d, 6 * amount);
    case 'year':
      return addMonths(d, 12 * amount);
    case 'decade':
      return addMonths(d, 120 * amount);
    case 'century':
      return addMonths(d, 1200 * amount);
    case 'millennium':
      return addMonths(d, 12000 * amount);
  }
}

/** The unresolved form of a value of granularity g, for articles without a publication date. */
export function unknownAt(g: Granularity): string {
  switch (g) {
    case 'day':
      return 'XXXX-XX-XX';
    case 'week':
      return 'XXXX-WXX';
    case 'month':
      return 'XXXX-XX';
    case 'season':
      return 'XXXX-XX';
    case 'quarter':
      return 'XXXX-QX';
    case 'half':
      return 'XXXX-HX';
    case 'year':
      return 'XXXX';
    case 'decade':
      return 'XXX';
    case 'century':
      return 'XX';
    case 'millennium':
      return 'X';
  }
}

/** Coarseness of each granularity, finest first. */
export const RANK: Record<Granularity, number> = {
  day: 0,
  week: 1,
  month: 2,
  season: 3,
  quarter: 3,
  half: 4,
  year: 5,
  decade: 6,
  century: 7,
  millennium: 8,
};

/** The first day and granularity of a calendar value (2025-01-17T15:00, 2025-W02, 1989-Q3, 199 …), or null for others. */
export function parseValue(value: string): { date: Ymd; granularity: Granularity } | null {
  // Values recur (every mention is looked up by every later one): parse each once.
  let parsed = parsedValues.get(value);
  if (parsed === undefined) {
    parsed = readValue(value);
    if (parsedValues.size > 10_000) parsedValues.clear();
    parsedValues.set(value, parsed);
  }
  return parsed;
}

const parsedValues = new Map<string, { date: Ymd; granularity: Granularity } | null>();

function readValue(value: string): { date: Ymd; granularity: Granularity } | null {
  // Years before Christ ("BC0480-09", "BC047", "BC03") are astronomical years: 1 BC is 0, 480 BC is -479.
  const bc = value.startsWith('BC');
  const v = bc ? value.slice(2) : value;
  const year = (digits: string): number => (bc ? 1 - Number(digits) : Number(digits));
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(v);
  if (m) return { date: { y: year(m[1]), m: +m[2], d: +m[3] }, granularity: 'day' };
  m = /^(\d{4})-(\d{2})$/.exec(v);
  if (m) return { date: { y: year(m[1]), m: +m[2], d: 1 }, granularity: 'month' };
  m = /^(\d{4})-W(\d{2})(?:-WE)?$/.exec(v);
  if (m) {
    const jan4 = { y: year(m[1]), m: 1, d: 4 };
    return { date: addDays(jan4, (+m[2] - 1) * 7 - (isoWeekday(jan4) - 1)), granularity: 'week' };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(v);
  if (m) return { date: { y: year(m[1]), m: (+m[2] - 1) * 3 + 1, d: 1 }, granularity: 'quarter' };
  m = /^(\d{4})-H([12])$/.exec(v);
  if (m) return { date: { y: year(m[1]), m: +m[2] === 1 ? 1 : 7, d: 1 }, granularity: 'half' };
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(v);
  // A winter starts in the December before the year that names it.
  if (m) return { date: m[2] === 'WI' ? { y: year(m[1]) - 1, m: 12, d: 1 } : { y: year(m[1]), m: { SP: 3, SU: 6, FA: 9 }[m[2] as 'SP']!, d: 1 }, granularity: 'season' };
  m = /^(\d{4})$/.exec(v);
  if (m) return { date: { y: year(m[1]), m: 1, d: 1 }, granularity: 'year' };
  // A decade and a century start at their first year: the 470s BC at 479 BC, the 4th century BC (BC03) at 400 BC.
  m = /^(\d{3})$/.exec(v);
  if (m) return { date: { y: bc ? 1 - (+m[1] * 10 + 9) : +m[1] * 10, m: 1, d: 1 }, granularity: 'decade' };
  m = /^(\d{2})$/.exec(v);
  if (m) return { date: { y: bc ? 1 - (+m[1] + 1) * 100 : +m[1] * 100, m: 1, d: 1 }, granularity: 'century' };
  return null;
}
