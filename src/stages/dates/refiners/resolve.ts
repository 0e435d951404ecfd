// Relative values against the publication date: "last week" → 2025-W02,
// "Tuesday" → the Tuesday before or after it by the sentence's tense, "Jan. 5"
// → its year. Without a publication date the value keeps X placeholders
// (XXXX-WXX, XXXX-01-05) and a warning says so: never a guess from the clock.
import { tenseAround, type Tense } from '../tense.js';
import {
  addDays,
  dayValue,
  isoWeekday,
  monthValue,
  parseYmd,
  pad,
  shift,
  unknownAt,
  valueAt,
  yearValue,
  type Ymd,
} from '../timex.js';
import { tokenIndex } from '../parsers/pattern.js';
import type { Candidate, Direction, Refiner, Relative, SentenceContext } from '../types.js';

const SEASON_ORDER = ['SP', 'SU', 'FA', 'WI'];

/** Which way a tense points: past → the latest occurrence up to now, future → the next, present → the nearest. */
type Way = 'back' | 'forward' | 'nearest';

function wayOf(direction: Direction, tense: () => Tense): Way | 'last' | 'next' | 'this' {
  if (direction !== 'tense') return direction;
  const t = tense();
  return t === 'past' ? 'back' : t === 'future' ? 'forward' : 'nearest';
}

function resolveWeekday(dct: Ymd, weekday: number, way: Way | 'last' | 'next' | 'this'): Ymd {
  const today = isoWeekday(dct);
  const back = (today - weekday + 7) % 7; // 0..6 days back
  const forward = (weekday - today + 7) % 7; // 0..6 days ahead
  switch (way) {
    case 'back':
      return addDays(dct, -back);
    case 'forward':
      return addDays(dct, forward);
    case 'last':
      return addDays(dct, -(back || 7));
    case 'next':
      return addDays(dct, forward || 7);
    case 'this':
      return addDays(dct, weekday - today);
    case 'nearest':
      return addDays(dct, back <= forward ? -back : forward);
  }
}

/** Year of a month (and day) that has none: the occurrence before, after, or nearest the publication date. */
function resolveMonthYear(dct: Ymd, month: number, day: number | undefined, way: Way | 'last' | 'next' | 'this'): number {
  const key = (y: number): number => y * 400 + month * 32 + (day ?? 0);
  const now = dct.y * 400 + dct.m * 32 + (day === undefined ? 0 : dct.d);
  const same = key(dct.y);
  switch (way) {
    case 'this':
      return dct.y;
    case 'back':
      return same <= now ? dct.y : dct.y - 1;
    case 'forward':
      return same >= now ? dct.y : dct.y + 1;
    case 'last':
      return same < now ? dct.y : dct.y - 1;
    case 'next':
      return same > now ? dct.y : dct.y + 1;
    case 'nearest': {
      // Nearest by months: within six months either side.
      const diff = month - dct.m;
      return diff > 6 ? dct.y - 1 : diff < -6 ? dct.y + 1 : dct.y;
    }
  }
}

/** Seasons as (year, index): winter starts in December, so January's season is last year's winter. */
function resolveSeason(dct: Ymd, season: string, way: Way | 'last' | 'next' | 'this'): string {
  const current = dct.m <= 2 ? { y: dct.y - 1, s: 3 } : { y: dct.y, s: Math.floor((dct.m - 3) / 3) };
  const target = SEASON_ORDER.indexOf(season);
  const now = current.y * 4 + current.s;
  const candidates = [-1, 0, 1].map((k) => (current.y + k) * 4 + target);
  let chosen: number;
  switch (way) {
    case 'this':
      chosen = target === current.s ? now : dct.y * 4 + target;
      break;
    case 'back':
      chosen = Math.max(...candidates.filter((c) => c <= now));
      break;
    case 'forward':
      chosen = Math.min(...candidates.filter((c) => c >= now));
      break;
    case 'last':
      chosen = Math.max(...candidates.filter((c) => c < now));
      break;
    case 'next':
      chosen = Math.min(...candidates.filter((c) => c > now));
      break;
    case 'nearest':
      chosen = candidates.reduce((a, b) => (Math.abs(b - now) < Math.abs(a - now) ? b : a));
      break;
  }
  return `${yearValue(Math.floor(chosen / 4))}-${SEASON_ORDER[chosen % 4]}`;
}

function resolve(relative: Relative, dct: Ymd, tense: () => Tense): string {
  switch (relative.kind) {
    case 'shift':
      return valueAt(shift(dct, relative.unit, relative.amount), relative.granularity);
    case 'weekday':
      return dayValue(resolveWeekday(dct, relative.weekday, wayOf(relative.direction, tense)));
    case 'month': {
      const y = resolveMonthYear(dct, relative.month, relative.day, wayOf(relative.direction, tense));
      return relative.day === undefined ? monthValue(y, relative.month) : dayValue({ y, m: relative.month, d: relative.day });
    }
    case 'season':
      return resolveSeason(dct, relative.season, wayOf(relative.direction, tense));
    case 'part':
      return resolvePart(dct, relative.code, wayOf(relative.direction, tense));
  }
}

/** A quarter (Q3) or half (H1) of a year not written: the current one counts as both the latest and the next. */
function resolvePart(dct: Ymd, code: string, way: Way | 'last' | 'next' | 'this'): string {
  const size = code[0] === 'Q' ? 3 : 6;
  const n = Number(code.slice(1));
  const current = Math.ceil(dct.m / size);
  let y = dct.y;
  if ((way === 'back' && n > current) || (way === 'last' && n >= current)) y -= 1;
  if ((way === 'forward' && n < current) || (way === 'next' && n <= current)) y += 1;
  return `${yearValue(y)}-${code}`;
}

/** The value with X for what only the publication date could tell. */
function unresolved(relative: Relative): string {
  switch (relative.kind) {
    case 'shift':
      return unknownAt(relative.granularity);
    case 'weekday':
      return `XXXX-WXX-${relative.weekday}`;
    case 'month':
      return relative.day === undefined ? `XXXX-${pad(relative.month, 2)}` : `XXXX-${pad(relative.month, 2)}-${pad(relative.day, 2)}`;
    case 'season':
      return `XXXX-${relative.season}`;
    case 'part':
      return `XXXX-${relative.code}`;
  }
}

function withSuffix(value: string, suffix: string | undefined): string {
  if (!suffix) return value;
  // A time on a week ("this weekend" → 2025-W03-WE) or on a day (T15:00, TMO).
  return `${value}${suffix}`;
}

export const resolveRefiner: Refiner = {
  name: 'resolve',
  refine(candidates, ctx: SentenceContext) {
    const dct = ctx.published ? parseYmd(ctx.published) : null;
    return candidates.map((c): Candidate => {
      if (!c.relative) return { ...c, anchor: null, value: withSuffix(c.value ?? '', c.suffix) };
      const first = tokenIndex(ctx.tokens, c.start);
      const end = tokenIndex(ctx.tokens, c.end);
      let cached: Tense | undefined;
      const tense = (): Tense => (cached ??= tenseAround(ctx.tokens, first, end));
      if (!dct) {
        ctx.diagnostics.push({
          severity: 'warning',
          stage: 'dates',
          rule: 'unresolved-relative',
          message: `"${ctx.text.slice(c.start, c.end)}" is relative to the publication date, which is unknown`,
          start: c.start,
          end: c.end,
        });
        return { ...c, value: withSuffix(unresolved(c.relative), c.suffix), anchor: null };
      }
      return { ...c, value: withSuffix(resolve(c.relative, dct, tense), c.suffix), anchor: ctx.published };
    });
  },
};
