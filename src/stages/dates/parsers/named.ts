// Named days ("Thanksgiving Day", "Christmas 2024", "Easter") and years said
// in words, as broadcast transcripts write them ("nineteen ninety-six", "the
// year two thousand").
import { loadData } from '../../../data.js';
import { alternation, B, E, phraseGate } from '../lexicon.js';
import { addDays, isoWeekday, pad, daysInMonth, type Ymd } from '../timex.js';
import { eitherGate, followGate, pattern, patternParser } from './pattern.js';

export interface Holiday {
  names: string[];
  month?: number;
  day?: number;
  weekday?: number;
  nth?: number;
  /** The day of the month the n-th weekday is counted from ("the Tuesday after the first Monday": from the 2nd). */
  from?: number;
  easter?: number;
}

const holidays = loadData<{ holidays: Holiday[] }>('dates/holidays.json').holidays;
const BY_NAME = new Map<string, Holiday>();
for (const h of holidays) for (const n of h.names) BY_NAME.set(n.toLowerCase(), h);

const HOLIDAY_GATE = phraseGate(BY_NAME.keys());

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm). */
function easter(y: number): Ymd {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { y, m: month, d: day };
}

/** The date of a holiday in year y. */
export function holidayDate(h: Holiday, y: number): Ymd {
  if (h.easter !== undefined) return addDays(easter(y), h.easter);
  if (h.day !== undefined) return { y, m: h.month!, d: h.day };
  const nth = h.nth!;
  if (nth > 0) {
    const first = { y, m: h.month!, d: h.from ?? 1 };
    return addDays(first, ((h.weekday! - isoWeekday(first) + 7) % 7) + 7 * (nth - 1));
  }
  const last = { y, m: h.month!, d: daysInMonth(y, h.month!) };
  return addDays(last, -((isoWeekday(last) - h.weekday! + 7) % 7));
}

export function holidayNamed(name: string): Holiday | undefined {
  return BY_NAME.get(name.toLowerCase().replace(/\s+/g, ' '));
}

/** "Thanksgiving Day", "Christmas 2024", "Easter of 1916": a year written after it, or one by tense. */
export const holidayParser = patternParser(
  'holiday',
  pattern(`${B}(?<name>${alternation(BY_NAME.keys())})(?:,?\\s+(?:of\\s+)?(?<year>1[0-9]{3}|20[0-9]{2}))?${E}`),
  (m) => {
    const name = m.groups!.name;
    // Names are capitalised ("May Day", not "may day"; "Christmas", not "christmas tree" lower-case).
    if (!/^(?:the\s+)?\p{Lu}/u.test(name)) return null;
    if (m.groups!.year) {
      const d = holidayDate(holidayNamed(name)!, Number(m.groups!.year));
      return { type: 'DATE', value: `${pad(d.y, 4)}-${pad(d.m, 2)}-${pad(d.d, 2)}` };
    }
    return { type: 'DATE', relative: { kind: 'holiday', name: name.toLowerCase().replace(/\s+/g, ' '), direction: 'tense' } };
  },
  HOLIDAY_GATE,
);

const HIGH: Record<string, number> = {
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const UNITS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
const TEENS: Record<string, number> = {
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const SEP = '[-‐‑\\s]';
/** Centuries said in words that name themselves ("nineteen", "twenty"), unlike "eleven" and "twelve", which are mostly counts. */
const SPOKEN_CENTURIES = Object.keys(HIGH).filter((w) => /teen|twenty/.test(w));
const LOW = `(?:(?<tens>${alternation(Object.keys(TENS))})(?:${SEP}(?<unit>${alternation(Object.keys(UNITS))}))?|(?<teen>${alternation(Object.keys(TEENS))})|oh${SEP}(?<oh>${alternation(Object.keys(UNITS))})|(?<hundred>hundred))`;
const AFTER_THOUSAND = `(?:${SEP}(?:and\\s+)?(?<low2>${alternation([...Object.keys(TEENS), ...Object.keys(UNITS)])}))?`;

/** "nineteen ninety-six" → 1996, "eighteen oh five" → 1805, "the year two thousand" → 2000, "two thousand and one" → 2001. */
export const spokenYearParser = patternParser(
  'spoken-year',
  pattern(`${B}(?:(?<theYear>the\\s+year)\\s+)?(?:(?<high>${alternation(Object.keys(HIGH))})${SEP}${LOW}|(?<thousand>two${SEP}thousand)${AFTER_THOUSAND})${E}`),
  (m, place) => {
    const g = m.groups!;
    let year: number;
    if (g.thousand) {
      // "two thousand" is a count unless framed as a year.
      if (!g.theYear && !/(?:in|since|by|until|of|from|before|after)\s+$/i.test(place.before)) return null;
      year = 2000 + (g.low2 ? (TEENS[g.low2.toLowerCase()] ?? UNITS[g.low2.toLowerCase()]) : 0);
    } else {
      const low = g.hundred
        ? 0
        : g.oh
          ? UNITS[g.oh.toLowerCase()]
          : g.teen
            ? TEENS[g.teen.toLowerCase()]
            : TENS[g.tens.toLowerCase()] + (g.unit ? UNITS[g.unit.toLowerCase()] : 0);
      year = HIGH[g.high.toLowerCase()] * 100 + low;
      // "twenty twenty" is a year; "twenty thirty people" is not: a count is followed by a plural noun.
      const next = place.ctx.tokens[place.tokenIndex(place.end)];
      if (next && next.pos === 'NOUN' && (next.normal !== next.lemma || next.normal === 'people')) return null;
    }
    return { type: 'DATE', value: pad(year, 4) };
  },
  // "nineteen ninety-six", "eighteen oh five", "two thousand"; "eleven" and "twelve" only before a "-teen" or "twenty"
  // ("twelve fifteen"): "twelve hundred" is a count.
  eitherGate(
    followGate(SPOKEN_CENTURIES, [...Object.keys(TENS), ...Object.keys(TEENS), 'oh', 'hundred']),
    followGate(['eleven', 'twelve'], [...Object.keys(TENS), ...Object.keys(TEENS)].filter((w) => /teen|twenty/.test(w))),
    followGate(['two'], ['thousand']),
  ),
);
