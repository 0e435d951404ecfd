// The dates vocabulary: data/dates/*.json read once and compiled into lookup
// maps and regular-expression fragments the parsers share.
import { loadData } from '../../data.js';
import { capitalGate, DIGITS, eitherGate, followGate, WORD_START, wordGate, type WordGate } from './parsers/pattern.js';

interface CalendarData {
  months: { forms: string[]; month: number }[];
  ambiguousMonths: string[];
  weekdays: { forms: string[]; weekday: number }[];
  seasons: { forms: string[]; code: string }[];
  dayparts: { forms: string[]; code: string }[];
  ordinals: Record<string, number>;
  decadeWords: Record<string, number>;
}

interface NumbersData {
  units: Record<string, number>;
  teens: Record<string, number>;
  tens: Record<string, number>;
  scales: Record<string, number>;
  articles: string[];
  fixed: Record<string, number>;
  vague: string[];
}

export interface UnitInfo {
  symbol: string;
  factor: number;
  time?: boolean;
  granularity: 'day' | 'week' | 'month' | 'quarter' | 'year' | 'decade' | 'century' | 'millennium';
}

const calendar = loadData<CalendarData>('dates/calendar.json');
const numbers = loadData<NumbersData>('dates/numbers.json');
const units = loadData<{ units: (UnitInfo & { forms: string[] })[] }>('dates/units.json').units;

/** Word boundaries that also hold next to punctuation and non-ASCII letters. */
export const B = WORD_START;
export const E = '(?![\\p{L}\\p{N}_])';

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+').replace(/-/g, '[-‐‑–]');
}

/** An alternation of phrases, longest first so the regex prefers the longest. */
export function alternation(words: Iterable<string>): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escape).join('|');
}

// ---- months, weekdays, seasons, parts of the day ----------------------------

export const MONTHS = new Map<string, number>();
for (const m of calendar.months) for (const f of m.forms) MONTHS.set(f, m.month);
export const AMBIGUOUS_MONTHS = new Set(calendar.ambiguousMonths);
/** A month name, abbreviations optionally followed by a full stop. */
export const MONTH = `(?:${alternation(calendar.months.flatMap((m) => m.forms.filter((f) => f.length > 3)))}|(?:${alternation(
  calendar.months.flatMap((m) => m.forms.filter((f) => f.length <= 4)),
)})\\.?)`;

export const WEEKDAYS = new Map<string, number>();
for (const w of calendar.weekdays) for (const f of w.forms) WEEKDAYS.set(f, w.weekday);
/** Full weekday names only: "Sun", "Sat", "Wed" are too often other words. */
export const WEEKDAY = `(?:${alternation(calendar.weekdays.map((w) => w.forms[0]))})`;

export const SEASONS = new Map<string, string>();
for (const s of calendar.seasons) for (const f of s.forms) SEASONS.set(f, s.code);
export const SEASON = `(?:${alternation(SEASONS.keys())})`;

export const DAYPARTS = new Map<string, string>();
for (const d of calendar.dayparts) for (const f of d.forms) DAYPARTS.set(f, d.code);
export const DAYPART = `(?:${alternation(DAYPARTS.keys())})`;

/** Month number of a written month ("Sept." → 9). */
export function monthOf(word: string): number | undefined {
  return MONTHS.get(word.toLowerCase().replace(/\.$/, ''));
}

export function weekdayOf(word: string): number | undefined {
  return WEEKDAYS.get(word.toLowerCase().replace(/\.$/, ''));
}

// ---- ordinals ----------------------------------------------------------------

export const ORDINAL_WORDS = new Map(Object.entries(calendar.ordinals));
/** "19th", "1st", "nineteenth", "twenty-first". */
export const ORDINAL = `(?:\\d{1,2}(?:st|nd|rd|th)|${alternation(ORDINAL_WORDS.keys())})`;

export function ordinalOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/[‐‑–]/g, '-');
  const digits = /^(\d+)(?:st|nd|rd|th)$/.exec(w);
  return digits ? Number(digits[1]) : ORDINAL_WORDS.get(w);
}

export const DECADE_WORDS = new Map(Object.entries(calendar.decadeWords));
export const DECADE_WORD = `(?:${alternation(DECADE_WORDS.keys())})`;

// ---- cardinal numbers --------------------------------------------------------

const NUMBER_WORDS = new Map<string, number>([
  ...Object.entries(numbers.units),
  ...Object.entries(numbers.teens),
  ...Object.entries(numbers.tens),
]);
const SCALES = new Map(Object.entries(numbers.scales));
const FIXED = new Map(Object.entries(numbers.fixed));
const VAGUE = new Set(numbers.vague);
const ARTICLES = new Set(numbers.articles);

const SIMPLE_NUMBER = `(?:(?:${alternation(Object.keys(numbers.tens))})(?:[-‐‑– ](?:${alternation(Object.keys(numbers.units))}))?|${alternation([
  ...Object.keys(numbers.teens),
  ...Object.keys(numbers.units),
])})`;

/**
 * An amount before a unit: digits ("90", "1,000", "1.5"), words ("twenty-four",
 * "two hundred"), an article ("a decade"), a fixed phrase ("a couple of") or a
 * vague quantity ("several"), which TIMEX3 writes as X.
 */
export const AMOUNT = `(?:\\d+(?:\\s+1/2|½)|an?\\s+(?:hundred|thousand)|\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|(?:${SIMPLE_NUMBER})(?:\\s+(?:${alternation(SCALES.keys())}))?(?:\\s+and\\s+(?:${SIMPLE_NUMBER}))?|${alternation([
  ...FIXED.keys(),
  ...VAGUE,
  ...ARTICLES,
])})`;

/** The number an AMOUNT stands for, or 'X' for vague quantities. */
export function amountOf(text: string): number | 'X' {
  const t = text.toLowerCase().replace(/\s+/g, ' ').replace(/[‐‑–]/g, '-').trim();
  if (/^[\d,.]+$/.test(t)) return Number(t.replace(/,/g, ''));
  const half = /^(\d+)(?:\s+1\/2|½)$/.exec(t);
  if (half) return Number(half[1]) + 0.5;
  if (ARTICLES.has(t)) return 1;
  const fixed = FIXED.get(t);
  if (fixed !== undefined) return fixed;
  if (VAGUE.has(t)) return 'X';
  let total = 0;
  let current = 0;
  for (const word of t.split(/[ -]/)) {
    if (word === 'and') continue;
    // "a hundred": one hundred.
    if (word === 'a' || word === 'an') {
      current = 1;
      continue;
    }
    const n = NUMBER_WORDS.get(word);
    if (n !== undefined) {
      current += n;
      continue;
    }
    const scale = SCALES.get(word);
    if (scale !== undefined) {
      current = (current || 1) * scale;
      if (scale >= 1000) {
        total += current;
        current = 0;
      }
      continue;
    }
    return 'X';
  }
  return total + current;
}

// ---- units -------------------------------------------------------------------

export const UNITS = new Map<string, UnitInfo>();
for (const u of units) for (const f of u.forms) UNITS.set(f, u);
export const UNIT = `(?:${alternation(UNITS.keys())})`;
/** Singular unit words only ("last week", not "last weeks"). */
export const UNIT_SINGULAR_WORDS: readonly string[] = units.map((u) => u.forms[0]);
export const UNIT_SINGULAR = `(?:${alternation(UNIT_SINGULAR_WORDS)})`;

/** Any unit word: sentences without one cannot hold a duration. */
export const UNIT_GATE = wordGate(UNITS.keys());

/** Words an AMOUNT can end with: digits, number words, "a", "several", "a couple of". */
export const AMOUNT_ENDS: readonly string[] = [DIGITS, ...NUMBER_WORDS.keys(), ...SCALES.keys(), ...FIXED.keys(), ...VAGUE, ...ARTICLES];

/** An amount right before a unit ("three years", "a decade", "90-day"). */
export const AMOUNT_UNIT_GATE = followGate(AMOUNT_ENDS, UNITS.keys());

/** The words of phrases, split at hyphens and apostrophes as tokens are ("new year's" → new, year, s). */
function wordsOf(phrases: Iterable<string>, which: 'last' | 'all'): string[] {
  const out: string[] = [];
  for (const p of phrases) {
    const words = p.toLowerCase().split(/\s+/);
    for (const w of which === 'last' ? words.slice(-1) : words) out.push(w, ...w.split(/[-‐‑–.’']+/).filter(Boolean));
  }
  return out;
}

/** A gate from phrases: their last words ("recent years" → years). */
export function lastWordGate(phrases: Iterable<string>): WordGate {
  return wordGate(wordsOf(phrases, 'last'));
}

/**
 * A gate from phrases that lets through only sentences that can hold one:
 * a one-word phrase itself, a longer one by its last two words side by side
 * ("recent years", "Election Day", "present-day").
 */
export function phraseGate(phrases: Iterable<string>): WordGate {
  const single: string[] = [];
  const gates: WordGate[] = [];
  const pairs = new Map<string, Set<string>>();
  for (const p of phrases) {
    const words = p.toLowerCase().split(/[\s\-‐‑–.’']+/).filter(Boolean);
    if (words.length === 1) single.push(words[0]);
    else {
      const before = words[words.length - 2];
      if (!pairs.has(before)) pairs.set(before, new Set());
      pairs.get(before)!.add(words[words.length - 1]);
    }
  }
  if (single.length) gates.push(wordGate(single));
  // One follow gate per set of last words: pairs that share their last words share a gate.
  const byLast = new Map<string, string[]>();
  for (const [before, lasts] of pairs) {
    const key = [...lasts].sort().join(' ');
    if (!byLast.has(key)) byLast.set(key, []);
    byLast.get(key)!.push(before);
  }
  for (const [lasts, befores] of byLast) gates.push(followGate(befores, lasts.split(' ')));
  return eitherGate(...gates);
}

/** A gate from words and phrases: any of their words. */
export function anyWordGate(phrases: Iterable<string>): WordGate {
  return wordGate(wordsOf(phrases, 'all'));
}

export function unitOf(word: string): UnitInfo | undefined {
  return UNITS.get(word.toLowerCase());
}

/** A TIMEX3 duration: `P3Y`, `P10Y` (a decade), `PT4H`, `PXY` for vague amounts. */
export function durationValue(amount: number | 'X', unit: UnitInfo): string {
  const prefix = unit.time ? 'PT' : 'P';
  if (amount === 'X') return `${prefix}X${unit.symbol}`;
  const n = amount * unit.factor;
  if (Number.isInteger(n)) return `${prefix}${n}${unit.symbol}`;
  // Fractions are written with the next unit down, as TimeBank does: 2 1/2 years is P2Y6M,
  // 5 1/2 hours PT5H30M, a minute and a half PT1M30S, half a day PT12H.
  const whole = Math.floor(n);
  const rest = (down: number): number => Math.round((n - whole) * down);
  if (!unit.time && unit.symbol === 'Y' && Number.isInteger(n * 12)) return whole ? `P${whole}Y${rest(12)}M` : `P${rest(12)}M`;
  if (!unit.time && unit.symbol === 'D' && Number.isInteger(n * 24)) return whole ? `P${whole}DT${rest(24)}H` : `PT${rest(24)}H`;
  if (unit.time && unit.symbol === 'H' && Number.isInteger(n * 60)) return whole ? `PT${whole}H${rest(60)}M` : `PT${rest(60)}M`;
  if (unit.time && unit.symbol === 'M' && Number.isInteger(n * 60)) return whole ? `PT${whole}M${rest(60)}S` : `PT${rest(60)}S`;
  return `${prefix}${Number(n.toFixed(2))}${unit.symbol}`;
}

// ---- word gates of the calendar vocabulary --------------------------------------

export const MONTH_GATE = wordGate([...MONTHS.keys()].flatMap((m) => [m, `${m}.`]));
/** Months written as names ("May", not the modal "may"): the calendar parsers want a capital. */
export const MONTH_NAME_GATE = capitalGate(MONTHS.keys());
/** A month next to a day number or a year, or after "of": "Jan. 5", "5 January", "the 5th of May", "March 2023". */
export const MONTH_DAY_GATE = eitherGate(followGate([DIGITS, 'of'], MONTHS.keys()), followGate(MONTHS.keys(), [DIGITS]));
export const WEEKDAY_GATE = wordGate([...WEEKDAYS.keys()].flatMap((w) => [w, `${w}.`, `${w}s`]));
export const WEEKDAY_NAME_GATE = capitalGate(WEEKDAYS.keys());
export const SEASON_GATE = anyWordGate(SEASONS.keys());
export const DAYPART_GATE = anyWordGate(DAYPARTS.keys());
export const DEICTIC_GATE = wordGate(['last', 'next', 'this', 'past', 'coming', 'previous', 'following', 'first', 'final', 'latest', 'last-ever']);
