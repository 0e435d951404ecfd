// Two neighbours that name one time: a part of a year and the year it belongs
// to ("July last year", "Jan. 5 this year", "this year's third quarter", "the
// 1988 third quarter", "the third quarter of last year"), and a month that
// shares a following year ("January and February 2024": January is 2024-01);
// and a day with a step before it ("the day before last Tuesday", "the week of March 6")
// or a part of it ("the night of April 18, 1775");
// "the year-earlier third quarter" (the period a year before).
import { DAYPART, DAYPARTS } from '../lexicon.js';
import type { Candidate, Refiner, Relative } from '../types.js';

/** A part of a year without its year: a month (with or without a day), a season, a quarter or half. */
function yearlessPart(c: Candidate): Relative | null {
  const r = c.relative;
  if (!r || c.type !== 'DATE' || c.suffix) return null;
  return r.kind === 'month' || r.kind === 'season' || r.kind === 'part' || r.kind === 'holiday' ? r : null;
}

/** A whole year: written ("1988") or deictic ("last year", "this year's"). */
function wholeYear(c: Candidate): { value: string } | { shift: number } | null {
  if (c.type !== 'DATE' || c.mod) return null;
  if (c.value && /^\d{4}$/.test(c.value) && !c.relative) return { value: c.value };
  const r = c.relative;
  if (r?.kind === 'shift' && r.unit === 'year' && r.granularity === 'year') return { shift: r.amount };
  return null;
}

const PART_THEN_YEAR = /^(?:\s+|\s*,\s*|\s+of\s+)$/;
const YEAR_THEN_PART = /^(?:\s+|['’]s\s+)$/;
/** "January and February 2024", "March to May 2023", "the spring and early summer of 1943" (the modifier joins later). */
const SHARED = /^\s*(?:,|and|or|to|through|-|–)\s*(?:(?:early|mid|late)(?:\s+|-))?$/i;

/** "year-earlier", "year-ago" written without the noun they describe. */
const BARE_YEAR_AGO = /year[-‐‑\s](?:earlier|ago)$/i;
const THE_BEFORE = /(?<![\p{L}])the\s+$/iu;

/**
 * "the year-earlier third quarter", "the year-ago nine months": "year-earlier"
 * and the period it describes are one expression, that period a year before
 * (a stretch stays a stretch: "the year-earlier nine months" is P9M).
 */
function yearAgoPeriod(a: Candidate, b: Candidate, gap: string, text: string, sentenceStart: number): Candidate | null {
  if (a.rule !== 'parser:year-ago' || !/^\s+$/.test(gap) || !BARE_YEAR_AGO.test(text.slice(a.start, a.end))) return null;
  const the = THE_BEFORE.exec(text.slice(Math.max(sentenceStart, a.start - 8), a.start));
  const start = the ? a.start - the[0].length : a.start;
  const rule = `${a.rule}+refiner:combine`;
  if (b.type === 'DURATION' && b.value && !b.mod) return { ...b, start, rule };
  const part = yearlessPart(b);
  if (!part) return null;
  return { ...a, start, end: b.end, value: undefined, relative: { kind: 'in-year', part, year: { back: 1 } }, rule };
}

/** "the day before …", "the day after …", "the week of …" just before a day. */
const DAY_STEP = /(?<![\p{L}])(?:the\s+)?(?:(?<day>day)\s+(?<dir>before|after)|(?<week>week)\s+of)\s+$/iu;

/** "the night of …", "early in the morning of …", "the early morning hours of …" just before a day. */
const PART_OF_DAY = new RegExp(
  `(?<![\\p{L}])(?:(?<edge>early|late)\\s+in\\s+)?the\\s+(?:(?<edge2>early|late)\\s+)?(?<part>${DAYPART})(?:\\s+hours)?\\s+of\\s+$`,
  'iu',
);

const HOLIDAY_WEEK = /^\s+week(?![\p{L}-])/u;

/** Whether a candidate names one day: a date with its day, a weekday. */
function namesDay(c: Candidate): boolean {
  if (c.type !== 'DATE' || c.mod) return false;
  const r = c.relative;
  if (r) return r.kind === 'weekday' || (r.kind === 'month' && r.day !== undefined) || (r.kind === 'in-year' && r.part.kind === 'month' && r.part.day !== undefined);
  return c.value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(c.value);
}

/** "the day before last Tuesday", "the week of March 6": the day named, then a step from it. */
function withStep(c: Candidate, text: string, sentenceStart: number): Candidate {
  // "Easter week", "Thanksgiving week": the week of the holiday.
  if (c.relative?.kind === 'holiday' && !c.mod) {
    const week = HOLIDAY_WEEK.exec(text.slice(c.end, c.end + 8));
    if (week) return { ...c, end: c.end + week[0].length, then: { days: 0, week: true }, rule: `${c.rule}+refiner:combine` };
  }
  if (!namesDay(c)) return c;
  const step = DAY_STEP.exec(text.slice(Math.max(sentenceStart, c.start - 24), c.start));
  if (!step) return withPartOfDay(c, text, sentenceStart);
  const g = step.groups!;
  const then = g.week ? { days: 0, week: true } : { days: g.dir.toLowerCase() === 'before' ? -1 : 1 };
  return { ...c, start: c.start - step[0].length, then, rule: `${c.rule}+refiner:combine` };
}

/** "the night of April 18, 1775": a part of that day, a TIME (1775-04-18TNI); "early in" or "late in" it, its start or end. */
function withPartOfDay(c: Candidate, text: string, sentenceStart: number): Candidate {
  const of = PART_OF_DAY.exec(text.slice(Math.max(sentenceStart, c.start - 40), c.start));
  if (!of) return c;
  const g = of.groups!;
  const edge = (g.edge ?? g.edge2)?.toLowerCase();
  return {
    ...c,
    start: c.start - of[0].length,
    type: 'TIME',
    suffix: `T${DAYPARTS.get(g.part.toLowerCase())}`,
    ...(edge ? { mod: edge === 'early' ? 'START' : 'END' } : {}),
    rule: `${c.rule}+refiner:combine`,
  };
}

/** Every day with its step; what the step's words held ("the week" of "the week of March 6") gives way. */
function withSteps(candidates: Candidate[], text: string, sentenceStart: number): Candidate[] {
  let out = candidates;
  for (let i = 0; i < out.length; i++) {
    const c = withStep(out[i], text, sentenceStart);
    if (c === out[i]) continue;
    if (out === candidates) out = [...candidates];
    out[i] = c;
    while (i > 0 && out[i - 1].end > c.start) out.splice(--i, 1);
  }
  return out;
}

/** Whether candidates are sorted by start, the longer first on a tie. */
function inOrder(candidates: readonly Candidate[]): boolean {
  for (let i = 1; i < candidates.length; i++) {
    const a = candidates[i - 1];
    const b = candidates[i];
    if (a.start > b.start || (a.start === b.start && a.end < b.end)) return false;
  }
  return true;
}

export const combineRefiner: Refiner = {
  name: 'combine',
  refine(candidates, ctx) {
    if (candidates.length < 2) return withSteps(candidates, ctx.text, ctx.sentence.start);
    // After the overlap refiner the candidates are apart and in text order already: sort only when they are not.
    const sorted = inOrder(candidates) ? candidates : [...candidates].sort((a, b) => a.start - b.start || b.end - a.end);
    const out: Candidate[] = [];
    for (let i = 0; i < sorted.length; i++) {
      const a = sorted[i];
      const b = sorted[i + 1];
      if (b && b.start >= a.end) {
        const gap = ctx.text.slice(a.end, b.start);
        const partA = yearlessPart(a);
        const yearB = wholeYear(b);
        const yearA = wholeYear(a);
        const partB = yearlessPart(b);
        let joined: Relative | null = null;
        if (partA && yearB && PART_THEN_YEAR.test(gap)) joined = { kind: 'in-year', part: partA, year: yearB };
        else if (yearA && partB && YEAR_THEN_PART.test(gap)) joined = { kind: 'in-year', part: partB, year: yearA };
        if (joined) {
          out.push({ ...a, end: b.end, value: undefined, relative: joined, rule: `${a.rule}+refiner:combine` });
          i++;
          continue;
        }
        const yearBefore = yearAgoPeriod(a, b, gap, ctx.text, ctx.sentence.start);
        if (yearBefore) {
          out.push(yearBefore);
          i++;
          continue;
        }
        // "January and February 2024", "the spring and early summer of 1943": the first takes the year the second states
        // (a winter is named by its January, so "the winter and spring of 1943" is 1943-WI).
        const r = a.relative;
        if ((r?.kind === 'month' || r?.kind === 'season') && !a.suffix && SHARED.test(gap) && b.value && /^\d{4}-(?:\d{2}|SP|SU|FA|WI)/.test(b.value) && !b.relative) {
          out.push({ ...a, relative: { kind: 'in-year', part: r, year: { value: b.value.slice(0, 4) } }, rule: `${a.rule}+refiner:combine` });
          continue;
        }
      }
      out.push(a);
    }
    return withSteps(out, ctx.text, ctx.sentence.start);
  },
};
