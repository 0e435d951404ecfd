// Relative values against the publication date: "last week" → 2025-W02,
// "Tuesday" → the Tuesday before or after it by the sentence's tense, "Jan. 5"
// → its year. Without a publication date the value keeps X placeholders
// (XXXX-WXX, XXXX-01-05) and a warning says so: never a guess from the clock.
import { cueBefore, tenseAround, type Cue, type Tense } from '../tense.js';
import {
  addDays,
  addMonths,
  daysInMonth,
  seasonYear,
  parseValue,
  RANK,
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
import { lastWords, tokenIndex } from '../parsers/pattern.js';
import { holidayDate, holidayNamed } from '../parsers/named.js';
import type { Candidate, Direction, Granularity, Mentioned, Refiner, Relative, SentenceContext, StatedYear } from '../types.js';

/** Seasons in calendar order: a winter is named by the year of its January (winter 2025 runs from December 2024). */
const SEASON_ORDER = ['WI', 'SP', 'SU', 'FA'];

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

/**
 * Year of a month (and day) written without one. "last"/"next"/"this" decide
 * when written; otherwise the occurrence nearest the publication date (news
 * writes "Nov. 20" for the coming one and "Sept. 30" for the last), unless the
 * tense contradicts it: a past sentence by more than two months ("In May, the
 * talks failed", written in January, is last May; a few days' slack covers
 * articles dated after they were written), a future one by any day.
 */
function resolveMonthYear(dct: Ymd, month: number, day: number | undefined, way: Way | 'last' | 'next' | 'this'): number {
  const months = (y: number): number => y * 12 + month - (dct.y * 12 + dct.m) + ((day ?? dct.d) - dct.d) / 31;
  switch (way) {
    case 'this':
      return dct.y;
    case 'last':
      return months(dct.y) < 0 ? dct.y : dct.y - 1;
    case 'next':
      return months(dct.y) > 0 ? dct.y : dct.y + 1;
    default: {
      const nearest = [dct.y - 1, dct.y, dct.y + 1].reduce((a, b) => (Math.abs(months(b)) < Math.abs(months(a)) ? b : a));
      if (way === 'back' && months(nearest) > 2) return nearest - 1;
      // A future sentence hardly means a day already past (a deadline reported a few days late may be),
      // nor a month two months gone; a year ahead is likelier then.
      if (way === 'forward' && months(nearest) < (day === undefined ? -2 : -0.25)) return nearest + 1;
      return nearest;
    }
  }
}

/** "Monday, Oct. 26": of the years around publication, the nearest one in which that day is that weekday. */
function yearOfWeekday(dct: Ymd, month: number, day: number, weekday: number): number {
  const fits = [dct.y, dct.y - 1, dct.y + 1].filter((y) => day <= daysInMonth(y, month) && isoWeekday({ y, m: month, d: day }) === weekday);
  return fits.length > 0 ? fits[0] : resolveMonthYear(dct, month, day, 'nearest');
}

/** Seasons as (year, index): December is already next year's winter, January and February this year's. */
function resolveSeason(dct: Ymd, season: string, way: Way | 'last' | 'next' | 'this'): string {
  const current = dct.m === 12 ? { y: dct.y + 1, s: 0 } : { y: dct.y, s: dct.m <= 2 ? 0 : Math.floor((dct.m - 3) / 3) + 1 };
  const target = SEASON_ORDER.indexOf(season);
  const now = current.y * 4 + current.s;
  const candidates = [-1, 0, 1].map((k) => (current.y + k) * 4 + target);
  let chosen: number;
  switch (way) {
    // "this winter": the current one, else the nearest one of that name.
    case 'this':
    case 'nearest':
      chosen = candidates.reduce((a, b) => (Math.abs(b - now) < Math.abs(a - now) ? b : a));
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
  }
  return `${yearValue(Math.floor(chosen / 4))}-${SEASON_ORDER[chosen % 4]}`;
}

/** Periods a comparison can be about: "the third quarter … a year earlier" is the third quarter of the year before. */
const PERIODS = new Set<Granularity>(['month', 'season', 'quarter', 'half']);

type Point = { date: Ymd; granularity: Granularity };

/**
 * Whether a period can be one a report is about: over by the publication date
 * ("the latest quarter", "the year-ago period" are never the quarter under way
 * or one an outlook names).
 */
function reported(p: Point, dct: Ymd | null): boolean {
  if (!dct || !PERIODS.has(p.granularity)) return true;
  const end = shift(p.date, p.granularity, 1);
  return end.y * 372 + end.m * 31 + end.d <= dct.y * 372 + dct.m * 31 + dct.d;
}

/**
 * The period a results comparison ("up from $4 million a year ago") is about:
 * the latest quarter or half of the last twelve months the article mentioned,
 * however it was computed ("the quarter" counts), or a month or season of
 * them mentioned in this sentence or the one before.
 */
function comparedPeriod(seen: readonly Mentioned[], sentence: number, dct: Ymd): Point | null {
  const yearBack = addMonths(dct, -12);
  for (let i = seen.length - 1; i >= Math.max(0, seen.length - LOOK_BACK); i--) {
    const p = parseValue(seen[i].value);
    if (!p || !PERIODS.has(p.granularity) || !reported(p, dct) || p.date.y * 12 + p.date.m < yearBack.y * 12 + yearBack.m) continue;
    if (p.granularity === 'quarter' || p.granularity === 'half') return latestReported(seen, p, dct);
    if (seen[i].sentence >= sentence - 1 && seen[i].anchor) return p;
  }
  return null;
}

/**
 * The quarter (or half) a results report is about: of those it stated, the
 * latest in the calendar that had ended by publication, not the one named
 * last ("a 20% gain in third-quarter net … After a flat second quarter …
 * lower than a year ago" compares with the third quarter). `found` is the
 * one named last; a period of the same size later in the calendar wins.
 */
function latestReported(seen: readonly Mentioned[], found: Point, dct: Ymd | null): Point {
  let best = found;
  for (let i = seen.length - 1; i >= Math.max(0, seen.length - LOOK_BACK); i--) {
    if (!seen[i].anchor) continue;
    const p = parseValue(seen[i].value);
    if (!p || p.granularity !== best.granularity || !reported(p, dct)) continue;
    if (p.date.y * 12 + p.date.m > best.date.y * 12 + best.date.m) best = p;
  }
  return best;
}

const LOOK_BACK = 400;

/** The latest value already mentioned that can anchor a shift, newest first. */
function latestMentioned(seen: readonly Mentioned[], accept: (p: Point, m: Mentioned) => boolean, fromSentence = 0): Point | null {
  return latestMention(seen, accept, fromSentence)?.point ?? null;
}

/** latestMentioned, with the mention it was read from. */
function latestMention(seen: readonly Mentioned[], accept: (p: Point, m: Mentioned) => boolean, fromSentence = 0): { point: Point; mention: Mentioned } | null {
  // An anchor is near: look back over the last few hundred mentions at most (a list of thousands of dates
  // would otherwise make every lookup scan them all), and not before `fromSentence`.
  const stop = Math.max(0, seen.length - LOOK_BACK);
  for (let i = seen.length - 1; i >= stop; i--) {
    if (seen[i].sentence < fromSentence) break;
    if (!seen[i].anchor) continue;
    const p = parseValue(seen[i].value);
    if (p && accept(p, seen[i])) return { point: p, mention: seen[i] };
  }
  return null;
}

/** A shift from an anchor, written at the anchor's granularity when it is a period or coarser than the unit. */
function shiftFrom(anchor: Point, unit: Granularity, amount: number): string {
  const g = RANK[anchor.granularity] > RANK[unit] || PERIODS.has(anchor.granularity) ? anchor.granularity : unit;
  return valueAt(shift(anchor.date, unit, amount), g);
}

interface Resolution {
  value: string;
  /** What the value was computed from: the publication date, or the value of an earlier mention. */
  anchor: string;
}

/**
 * The year a narrative is in: the last year-precise (or finer) date the text
 * gave. A month without a year follows it when the article has no date
 * (history told in order: "In 1941 … in June …"), or when its own sentence
 * names a year two or more years from publication ("in 1991, and in December
 * …"); otherwise news means the months around publication, even after a
 * sentence about the past ("profits doubled since 1980. In September, …").
 */
function narrativeYear(relative: { month?: number; season?: string }, seen: readonly Mentioned[], sentence: number, dct: Ymd | null, statedYears: readonly StatedYear[]): number | null {
  // With a publication date, news reads a bare month as recent unless its own sentence names another year.
  let from = -1;
  const near = (p: Point, m: Mentioned, coarsest: Granularity, back: number): boolean => {
    from = m.sentence;
    // News reads a month by the publication date unless its own sentence writes out another year ("in 1991, and in December").
    return RANK[p.granularity] <= RANK[coarsest] && (dct ? m.sentence === sentence && m.stated === true : m.sentence >= sentence - back);
  };
  // A day or month of the last few sentences sets the scene better than a year named since in passing
  // ("… on 10 March 1975. Hanoi had planned its offensive for 1976. On 11 March, …"); a year that opens
  // a sentence ("In 2005, …") or stands in the month's own sentence moves the story on.
  const recentDay = !dct && latestMentioned(seen, (p) => RANK[p.granularity] <= RANK.month, sentence - 3);
  let anchor = latestMentioned(
    seen,
    (p, m) => near(p, m, 'year', Infinity) && (!recentDay || RANK[p.granularity] <= RANK.month || m.lead === true || m.sentence === sentence),
    dct ? sentence : 0,
  );
  if (!anchor) return null;
  if (dct && Math.abs(anchor.date.y - dct.y) < 2) return null;
  // A story that leaves its year in one sentence ("… an assault on Hungary that lasted until the fall of Budapest
  // in February 1945.") and is back in it in the next year the text writes out was only looking ahead or back:
  // it stays where it was before that sentence. A time that opens its sentence sets the scene instead ("By the
  // end of March 1944, the Allies … In April, …", "On September 28, 1775, … on November 13. … In early November").
  if (!dct && from < sentence) {
    const leftAt = from;
    const year = anchor.date.y;
    const opens = latestMentioned(seen, (p, m) => m.sentence === leftAt && m.lead === true && p.date.y === year, leftAt) !== null;
    const before = opens ? null : latestMention(seen, (p, m) => m.sentence < leftAt && RANK[p.granularity] <= RANK.year);
    if (before && before.point.date.y !== year && nextStatedYear(statedYears, sentence) === before.point.date.y) {
      anchor = before.point;
      from = before.mention.sentence;
    }
  }
  // Fixed here so the closure below sees the year the story settled on.
  const story = anchor;
  // A year written with a day or month of its own sentence ("On December 7 (December 8 in Asia), 1941")
  // leaves the story at that month.
  const at =
    RANK[story.granularity] <= RANK.month
      ? story
      : latestMentioned(seen, (p, m) => m.sentence === from && RANK[p.granularity] <= RANK.month && p.date.y === story.date.y, from);
  // A story told in order crosses into the next year when a late month is followed by an early one a few
  // months on ("… on December 7, 1941. In January, …" is January 1942); a month much earlier than the last
  // one is a step back within the year ("in September … in June"), and months listed in one sentence are in any order.
  if (relative.month !== undefined && from < sentence && at && relative.month < at.date.m && relative.month + 12 - at.date.m <= 4) {
    return story.date.y + 1;
  }
  // "the winter" after a spring or summer told, or a year, is the winter that follows: the next year's.
  if (relative.season === 'WI' && (RANK[story.granularity] > RANK.month || story.date.m > 2)) return seasonYear({ ...story.date, m: 12 });
  return story.date.y;
}

/** Sentences ahead within which the next year written out says where an undated story goes on. */
const STORY_AHEAD = 8;

/** The year of the first full date written after `sentence`, within STORY_AHEAD sentences, or null. */
function nextStatedYear(statedYears: readonly StatedYear[], sentence: number): number | null {
  let lo = 0;
  let hi = statedYears.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (statedYears[mid].sentence <= sentence) lo = mid + 1;
    else hi = mid;
  }
  return lo < statedYears.length && statedYears[lo].sentence <= sentence + STORY_AHEAD ? statedYears[lo].year : null;
}

/** Resolutions that an earlier mention can give, with or without a publication date. */
function fromText(relative: Relative, seen: readonly Mentioned[], sentence: number, dct: Ymd | null, tense: () => Tense, statedYears: readonly StatedYear[]): Resolution | null {
  switch (relative.kind) {
    case 'in-year': {
      if (!('mentioned' in relative.year)) return null;
      const year = latestMentioned(seen, (p) => RANK[p.granularity] <= RANK.year);
      return year ? { value: inYear(relative.part, year.date.y), anchor: valueAt(year.date, year.granularity) } : null;
    }
    case 'anchored': {
      const wanted = relative.period;
      let anchor = latestMentioned(
        seen,
        (p) => (wanted === 'quarter' ? p.granularity === 'quarter' : wanted === 'any' ? PERIODS.has(p.granularity) : true) && (!wanted || reported(p, dct)),
      );
      // "the following day" steps from the last day told (in the last few sentences), not from a year named since.
      if (anchor && wanted && (anchor.granularity === 'quarter' || anchor.granularity === 'half')) anchor = latestReported(seen, anchor, dct);
      if (anchor && !wanted && (relative.unit === 'day' || relative.unit === 'week') && RANK[anchor.granularity] > RANK.month) {
        anchor = latestMentioned(seen, (p, m) => RANK[p.granularity] <= RANK[relative.unit] && m.sentence >= sentence - 3) ?? anchor;
      }
      if (!anchor) return null;
      // "that year", "later that year" after "June 1998" name the year itself (1998), not the month in it.
      // "the following year" after "January 1942" names a year (1943), where "a year later" keeps the month.
      const whole = (relative.amount === 0 || relative.whole === true) && !wanted && RANK[relative.unit] > RANK[anchor.granularity];
      const value = whole ? valueAt(shift(anchor.date, relative.unit, relative.amount), relative.unit) : shiftFrom(anchor, relative.unit, relative.amount);
      return { value, anchor: valueAt(anchor.date, anchor.granularity) };
    }
    case 'same-day': {
      const day = latestMentioned(seen, (p, m) => p.granularity === 'day' && m.sentence >= sentence - 1);
      return day ? { value: dayValue(day.date), anchor: dayValue(day.date) } : null;
    }
    case 'period-of-year': {
      // A report's "period" is its quarter when it names one, else any period it named.
      const quarter = latestMentioned(seen, (p) => p.granularity === 'quarter' && reported(p, dct));
      const period =
        (quarter && latestReported(seen, quarter, dct)) ??
        (relative.period === 'any' ? latestMentioned(seen, (p) => PERIODS.has(p.granularity) && reported(p, dct)) : null);
      if (!period) return dct ? null : { value: yearValue(relative.year), anchor: yearValue(relative.year) };
      const value = valueAt({ ...period.date, y: relative.year }, period.granularity);
      return { value, anchor: valueAt(period.date, period.granularity) };
    }
    case 'the-period': {
      const g = relative.unit;
      const named = latestMentioned(seen, (p, m) => RANK[p.granularity] <= RANK[g] && (!dct || (m.sentence === sentence && m.stated === true)));
      return named ? { value: valueAt(named.date, g), anchor: valueAt(named.date, named.granularity) } : null;
    }
    case 'month':
    case 'season':
    case 'holiday': {
      if (relative.direction !== 'tense') return null;
      // History is told in the past: "will join NATO on March 12" after "in July 1997" is the coming March.
      if (dct && tense() === 'future') return null;
      const y = narrativeYear(relative.kind === 'month' || relative.kind === 'season' ? relative : {}, seen, sentence, dct, statedYears);
      return y === null ? null : { value: inYear(relative, y), anchor: yearValue(y) };
    }
    default:
      return null;
  }
}

/**
 * A weekday after "until" is ahead whatever the tense; after "by" unless the
 * sentence is past. A possessive one names an event already reported
 * ("Thursday's closing price", "Wednesday's ruling") unless the sentence is future.
 */
function weekdayWay(direction: Direction, tense: () => Tense, cue: Cue | null, possessive = false): Way | 'last' | 'next' | 'this' {
  if (direction === 'tense' && (cue === 'deadline' || (cue === 'bound' && tense() !== 'past'))) return 'forward';
  if (direction === 'tense' && possessive && tense() !== 'future') return 'back';
  return wayOf(direction, tense);
}

/**
 * A month after a deadline or bound ("payable Jan. 3", "through January") is
 * the nearest one even in a past sentence ("extended loans through January"),
 * the next one in a future sentence ("will double its flights by August").
 */
function monthWay(direction: Direction, tense: () => Tense, cue: Cue | null): Way | 'last' | 'next' | 'this' {
  if (direction === 'tense' && cue) return tense() === 'future' ? 'forward' : 'nearest';
  return wayOf(direction, tense);
}

function resolve(
  relative: Relative,
  dct: Ymd,
  published: string,
  tense: () => Tense,
  cueOf: () => Cue | null,
  seen: readonly Mentioned[],
  sentence: number,
  possessiveOf: () => boolean,
): Resolution {
  const fromDct = (value: string): Resolution => ({ value, anchor: published });
  switch (relative.kind) {
    case 'shift':
      return fromDct(valueAt(shift(dct, relative.unit, relative.amount), relative.granularity));
    case 'weekday':
      return fromDct(dayValue(resolveWeekday(dct, relative.weekday, weekdayWay(relative.direction, tense, cueOf(), possessiveOf()))));
    case 'month': {
      const y = relative.weekday !== undefined ? yearOfWeekday(dct, relative.month, relative.day!, relative.weekday) : resolveMonthYear(dct, relative.month, relative.day, monthWay(relative.direction, tense, cueOf()));
      return fromDct(relative.day === undefined ? monthValue(y, relative.month) : dayValue({ y, m: relative.month, d: relative.day }));
    }
    case 'season':
      return fromDct(resolveSeason(dct, relative.season, wayOf(relative.direction, tense)));
    case 'part':
      return fromDct(resolvePart(dct, relative.code, wayOf(relative.direction, tense)));
    case 'anchored': {
      // Nothing mentioned yet: a period is the last one completed before publication, a point the publication day.
      const fallback: Point = relative.period ? { date: addMonths(dct, -3), granularity: 'quarter' } : { date: dct, granularity: 'day' };
      return fromDct(shiftFrom(fallback, relative.unit, relative.amount));
    }
    case 'ago': {
      if (relative.unit === 'year' && relative.amount === -1) {
        const period = comparedPeriod(seen, sentence, dct);
        if (period) return { value: shiftFrom(period, 'year', relative.amount), anchor: valueAt(period.date, period.granularity) };
      }
      return fromDct(valueAt(shift(dct, relative.unit, relative.amount), relative.unit));
    }
    case 'same-day':
      return fromDct(dayValue(dct));
    case 'weekend': {
      const saturday = resolveWeekday(dct, 6, weekdayWay(relative.direction, tense, cueOf()));
      return fromDct(`${valueAt(saturday, 'week')}-WE`);
    }
    case 'the-period':
      return fromDct(valueAt(shift(dct, relative.unit, relative.since ? -1 : 0), relative.unit));
    case 'period-of-year':
      // Nothing mentioned: the last quarter completed before publication, in that year.
      return fromDct(valueAt({ ...addMonths(dct, -3), y: relative.year }, 'quarter'));
    case 'holiday': {
      const holiday = holidayNamed(relative.name)!;
      const inDctYear = holidayDate(holiday, dct.y);
      const y = resolveMonthYear(dct, inDctYear.m, inDctYear.d, monthWay(relative.direction, tense, cueOf()));
      return fromDct(dayValue(holidayDate(holiday, y)));
    }
    case 'in-year': {
      if ('back' in relative.year) {
        // "the year-earlier third quarter": the third quarter the sentence would mean, a year before.
        const r = resolve(relative.part, dct, published, tense, cueOf, seen, sentence, possessiveOf);
        const p = parseValue(r.value);
        return p ? { value: valueAt(shift(p.date, 'year', -relative.year.back), p.granularity), anchor: r.value } : r;
      }
      // A year "mentioned" that nothing before names: the publication's.
      const y = 'value' in relative.year ? Number(relative.year.value) : 'shift' in relative.year ? dct.y + relative.year.shift : dct.y;
      return fromDct(inYear(relative.part, y));
    }
  }
}

/** A part of a known year: a month (and day), a season, a quarter or half. */
function inYear(part: Relative, y: number): string {
  switch (part.kind) {
    case 'month':
      return part.day === undefined ? monthValue(y, part.month) : dayValue({ y, m: part.month, d: part.day });
    case 'season':
      return `${yearValue(y)}-${part.season}`;
    case 'part':
      return `${yearValue(y)}-${part.code}`;
    case 'holiday':
      return dayValue(holidayDate(holidayNamed(part.name)!, y));
    default:
      return yearValue(y);
  }
}

/** A quarter (Q3) or half (H1) of a year not written: the current one counts as both the latest and the next. */
function resolvePart(dct: Ymd, code: string, way: Way | 'last' | 'next' | 'this'): string {
  const size = code[0] === 'Q' ? 3 : 6;
  const n = Number(code.slice(1));
  const current = Math.ceil(dct.m / size);
  let y = dct.y;
  if ((way === 'back' && n > current) || (way === 'last' && n >= current)) y -= 1;
  // A future sentence about the quarter just ended is about its results ("will report third-quarter earnings" in October).
  if ((way === 'forward' && n < current - 1) || (way === 'next' && n <= current)) y += 1;
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
    case 'anchored':
    case 'ago':
      return unknownAt(relative.unit);
    case 'holiday':
    case 'same-day':
      return 'XXXX-XX-XX';
    case 'weekend':
      return 'XXXX-WXX-WE';
    case 'period-of-year':
      return yearValue(relative.year);
    case 'the-period':
      return unknownAt(relative.unit);
    case 'in-year':
      return 'value' in relative.year ? inYear(relative.part, Number(relative.year.value)) : unresolved(relative.part);
  }
}

function withSuffix(value: string, suffix: string | undefined): string {
  if (!suffix) return value;
  // A time on a week ("this weekend" → 2025-W03-WE) or on a day (T15:00, TMO).
  return `${value}${suffix}`;
}

/** An "in-year" part whose year is written ("the 1988 third quarter") needs no publication date. */
function isAbsolute(relative: Relative): boolean {
  return relative.kind === 'in-year' && 'value' in relative.year;
}

const RANGE_JOIN = /^\s*(?:[-–—]|to|through|thru|until|till)\s*$/i;

/**
 * "from March to May", "Jan. 5-Feb. 2": a month (and day) closing a range
 * takes its year from the month that opens it, the next one when it comes
 * earlier in the calendar ("from November to February").
 */
function rangeEnd(c: Candidate, previous: Candidate | null, text: string): { value: string; anchor: string } | null {
  const r = c.relative;
  if (!previous?.value || r?.kind !== 'month' || r.direction !== 'tense' || c.suffix) return null;
  // Only a month opens such a range ("revised Friday to December's figures" is none).
  if (previous.relative && previous.relative.kind !== 'month') return null;
  if (!RANGE_JOIN.test(text.slice(previous.end, c.start))) return null;
  const opening = parseValue(previous.value);
  if (!opening || (opening.granularity !== 'month' && opening.granularity !== 'day')) return null;
  const y = r.month >= opening.date.m ? opening.date.y : opening.date.y + 1;
  return { value: r.day === undefined ? monthValue(y, r.month) : dayValue({ y, m: r.month, d: r.day }), anchor: previous.value };
}

/** Whether an expression starts within the first few words of its sentence ("In 2005, …", "By late 1975 …"). */
export function opensSentence(text: string, sentenceStart: number, start: number): boolean {
  return start - sentenceStart <= 12 && /^\W*(?:\p{L}+\W+){0,2}$/u.test(text.slice(sentenceStart, start));
}

const SINCE = /(?<![\p{L}])since\s+$/iu;

/**
 * Whether a time is where a stretch starts, looking back from the story's own
 * time: "the first incursion since 1995", "had not met since 1614". It does
 * not move the story there, so it anchors nothing after it.
 */
export function startsStretch(text: string, sentenceStart: number, start: number): boolean {
  return SINCE.test(text.slice(Math.max(sentenceStart, start - 8), start));
}

/** Whether a resolved expression may anchor later ones: not when it was itself anchored on an earlier mention. */
export function isPrimary(c: Candidate): boolean {
  const kind = c.relative?.kind;
  if (kind === 'anchored' || kind === 'same-day') return false;
  // A month placed in the narrative's year ("In 1941 … in June") carries the story on.
  if (kind === 'month' || kind === 'season' || kind === 'holiday' || kind === 'weekend') return true;
  if (kind === 'the-period' || kind === 'period-of-year') return false;
  // "a year ago" after "the third quarter" was computed from that quarter, not from the publication date.
  return c.anchor === null || c.anchor === undefined || isDayValue(c.anchor);
}

/** "2025-01-17": a day, as the publication date is written. */
function isDayValue(v: string): boolean {
  if (v.length !== 10 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return false;
  for (const i of DAY_DIGITS) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

const DAY_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9];

export const resolveRefiner: Refiner = {
  name: 'resolve',
  refine(candidates, ctx: SentenceContext) {
    const dct = ctx.published ? publicationDate(ctx.published) : null;
    // This sentence's values join the history while it is resolved (a later expression may need an earlier
    // one), and leave it after: the stage records the final ones. Pushing and truncating, not copying the
    // history, keeps date-dense texts linear.
    const seen: Mentioned[] = ctx.history;
    const historyLength = seen.length;
    let previous: Candidate | null = null;
    const resolved = candidates.map((c): Candidate => {
      const done = (resolved: Candidate): Candidate => {
        const r = resolved.then ? stepped(resolved) : resolved;
        if (r.value) seen.push({ value: r.value, sentence: ctx.sentence.index, anchor: isPrimary(r), stated: !r.relative, lead: opensSentence(ctx.text, ctx.sentence.start, r.start) });
        previous = r;
        return r;
      };
      if (!c.relative) return done({ ...c, anchor: null, value: withSuffix(c.value ?? '', c.suffix) });
      const closing = rangeEnd(c, previous, ctx.text);
      if (closing) return done({ ...c, ...closing });
      if (isAbsolute(c.relative)) {
        return done({ ...c, anchor: null, value: withSuffix(unresolved(c.relative), c.suffix), relative: undefined });
      }
      const first = tokenIndex(ctx.tokens, c.start);
      const end = tokenIndex(ctx.tokens, c.end);
      let cached: Tense | undefined;
      const tense = (): Tense => (cached ??= tenseAround(ctx.tokens, first, end));
      const told = fromText(c.relative, seen, ctx.sentence.index, dct, tense, ctx.statedYears);
      if (told) return done({ ...c, value: withSuffix(told.value, c.suffix), anchor: told.anchor });
      if (!dct || !ctx.published) {
        ctx.diagnostics.push({
          severity: 'warning',
          stage: 'dates',
          rule: 'unresolved-relative',
          message: `"${ctx.text.slice(c.start, c.end)}" is relative to the publication date, which is unknown`,
          start: c.start,
          end: c.end,
        });
        return done({ ...c, value: withSuffix(unresolved(c.relative), c.suffix), anchor: null });
      }
      // The words before and the possessive after are read only for the kinds of expressions they change.
      const sentenceEnd = ctx.sentence.start + ctx.sentence.text.length;
      const cue = (): Cue | null => {
        const found = cueBefore(lastWords(ctx.text, ctx.sentence.start, c.start, 48));
        // "Until Thursday, they had not called him a suspect": a deadline told in the past perfect is behind.
        return found === 'deadline' && pastPerfectAfter(ctx.text.slice(c.end, Math.min(sentenceEnd, c.end + 60))) ? null : found;
      };
      const possessive = (): boolean => /^['’]s(?![\p{L}])/u.test(ctx.text.slice(c.end, c.end + 3));
      const r = resolve(c.relative, dct, ctx.published, tense, cue, seen, ctx.sentence.index, possessive);
      return done({ ...c, value: withSuffix(r.value, c.suffix), anchor: r.anchor });
    });
    seen.length = historyLength;
    return resolved;
  },
};

/** "…, they had not called", "… had been held": the clause after an expression is in the past perfect. */
function pastPerfectAfter(after: string): boolean {
  return /^[^.;:"“”]{0,40}?(?<![\p{L}])had(?:\s+(?:not|never|only|already|yet))?\s+(?:been\s+)?\p{L}{2,}(?:ed|en|wn|ne|ld|lt|nt|id|ot|ung|ade|ept)(?![\p{L}])/iu.test(after) && !/^[^.;:]{0,40}?(?<![\p{L}])had\s+to(?![\p{L}])/iu.test(after);
}

/** A resolved day moved by its step ("the day before last Tuesday"), or written as its week ("the week of March 6"). */
function stepped(c: Candidate): Candidate {
  const p = c.value ? parseValue(c.value) : null;
  if (!p || p.granularity !== 'day' || !c.then) return c;
  const day = addDays(p.date, c.then.days);
  return { ...c, value: c.then.week ? valueAt(day, 'week') : dayValue(day) };
}

let lastPublished: { iso: string; date: Ymd | null } | undefined;

/** The publication date as numbers (every sentence of an article asks for the same one). */
function publicationDate(iso: string): Ymd | null {
  if (lastPublished?.iso !== iso) lastPublished = { iso, date: parseYmd(iso) };
  return lastPublished.date;
}
