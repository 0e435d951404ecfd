// Durations ("three years", "a decade", "the past two weeks", "a three-year
// deal") and recurrences ("every year", "annually", "twice a month",
// "$5 million a year", "every Tuesday").
import { loadData } from '../../../data.js';
import {
  AMOUNT,
  AMOUNT_ENDS,
  AMOUNT_UNIT_GATE,
  amountOf,
  alternation,
  B,
  durationValue,
  E,
  MONTHS,
  SEASON,
  SEASONS,
  UNIT,
  UNIT_SINGULAR,
  UNIT_SINGULAR_WORDS,
  UNITS,
  UNIT_GATE,
  WEEKDAYS,
  anyWordGate,
  unitOf,
  WEEKDAY,
  weekdayOf,
} from '../lexicon.js';
import { pad } from '../timex.js';
import { eitherGate, followGate, pattern, patternParser, wordGate, type MatchPlace } from './pattern.js';

const SPAN_DIRECTIONS = ['past', 'last', 'next', 'coming', 'previous', 'following', 'first', 'final', 'latest', 'last-ever', 'recent'];

/**
 * "the past two weeks", "the next five years", "the coming months", "the last
 * decade", "past 20 years": a stretch reaching back or forward from now. The
 * amount is optional ("the past year" is P1Y, "the coming weeks" PXW); "first"
 * and "latest" need one ("the first nine months").
 */
export const spanParser = patternParser(
  'span',
  pattern(
    `${B}(?:(?<the>the)\\s+)?(?<dir>${SPAN_DIRECTIONS.join('|')})\\s+(?:(?<amount>${AMOUNT})\\s+)?(?<unit>${UNIT})${E}`,
  ),
  (m, place) => {
    const g = m.groups!;
    const dir = g.dir.toLowerCase();
    const unit = unitOf(g.unit)!;
    const plural = /(?:s|ia)$/i.test(g.unit);
    // "in recent weeks" is a stretch of some weeks; "recent years", "recent decades" are the vague past (vague.json).
    if (dir === 'recent' && (!plural || g.amount || unit.granularity === 'year' || RANK_COARSE.has(unit.granularity))) return null;
    // "last week" / "next year" without "the" or a number are dates (the deictic parser's).
    if (!g.the && !g.amount && (dir === 'last' || dir === 'next')) return null;
    if (!g.amount && (dir === 'first' || dir === 'final' || dir === 'latest')) return null;
    if (!g.the && !g.amount && dir !== 'past' && dir !== 'coming' && dir !== 'recent') return null;
    // "the next day", "the following year", "the previous month" point at one period (the anaphora parser's);
    // after "over", "during", "for", "within" they are stretches ("over the next year").
    if (!g.amount && !plural && (dir === 'next' || dir === 'following' || dir === 'previous') && !/(?:over|during|for|within|in|throughout)\s+$/i.test(place.before)) return null;
    // "in the past year", "over the last decade": in news TimeBank dates the unit before publication ("the
    // past year" in 1998 is 1997); with an amount or a plural it is a stretch ("the past two years"), and so
    // it is in undated text. "The last week of August" is the final one, a stretch of it.
    const news = place.ctx.published !== null && !/^\s+of\b/i.test(place.after);
    if (news && g.the && !g.amount && !plural && (dir === 'past' || dir === 'last') && !unit.time && unit.granularity !== 'day') {
      const granularity = unit.granularity === 'quarter' ? 'quarter' : unit.granularity;
      return { type: 'DATE', relative: { kind: 'shift', granularity, unit: granularity, amount: -1 } };
    }
    const amount = g.amount ? amountOf(g.amount) : plural ? 'X' : 1;
    // "the last few months", "the past several quarters", "past years": an unmeasured stretch back is the past.
    if (news && amount === 'X' && (dir === 'past' || dir === 'last')) return { type: 'DATE', value: 'PAST_REF' };
    return { type: 'DURATION', value: durationValue(amount, unit) };
  },
  followGate([...SPAN_DIRECTIONS, ...AMOUNT_ENDS], UNITS.keys()),
  { at: UNIT_GATE, reach: 14 },
);

const RANK_COARSE = new Set(['decade', 'century', 'millennium']);

/** "the weeks ahead", "the months to come": a stretch of some units from now on. */
export const aheadParser = patternParser(
  'ahead',
  pattern(`${B}the\\s+(?<unit>${UNIT})\\s+(?:ahead|to\\s+come)${E}`),
  (m) => (/(?:s|ia)$/i.test(m.groups!.unit) ? { type: 'DURATION', value: durationValue('X', unitOf(m.groups!.unit)!) } : null),
  followGate(UNITS.keys(), ['ahead', 'to']),
);

/** "decades-long", "a day-long meeting": a stretch as an adjective (some units when plural). */
export const longParser = patternParser(
  'long',
  pattern(`${B}(?<unit>${UNIT})[-‐‑]long${E}`),
  (m) => {
    const plural = /(?:s|ia)$/i.test(m.groups!.unit);
    return { type: 'DURATION', value: durationValue(plural ? 'X' : 1, unitOf(m.groups!.unit)!) };
  },
  followGate(UNITS.keys(), ['long']),
);

const MODALS = new Set(['will', 'would', 'could', 'might', 'may', 'shall', 'can', "'ll", 'wo']);

/** "one day" between a modal or a subject and its verb. */
function someday(place: MatchPlace): boolean {
  const i = place.tokenIndex(place.start);
  const prev = place.ctx.tokens[i - 1];
  const next = place.ctx.tokens[place.tokenIndex(place.end)];
  if (!prev || !next) return false;
  if (MODALS.has(prev.normal)) return true;
  return (prev.pos === 'PRON' || prev.pos === 'PROPN') && (next.pos === 'VERB' || next.pos === 'AUX');
}

/** Words between an amount and its unit that leave the amount as it is ("two more weeks", "eight trading days"). */
const EXTRA_WORDS = ['more', 'additional', 'extra', 'further', 'full', 'straight', 'consecutive', 'trading', 'business', 'working'];
const EXTRA = `(?:${EXTRA_WORDS.join('|')})`;

/** "three years", "a decade", "90 days", "a three-year deal", "24-hour", "two more weeks". */
export const durationParser = patternParser(
  'duration',
  pattern(
    `${B}(?<amount>${AMOUNT})(?<half>\\s+and\\s+a\\s+half)?[-‐‑\\s]+(?:(?<extra>${EXTRA})\\s+)?(?<unit>${UNIT})(?:[-‐‑]long|(?<halfAfter>\\s+and\\s+a\\s+half))?${E}`,
  ),
  (m, place) => {
    const g = m.groups!;
    let amount = amountOf(g.amount);
    if (amount !== 'X' && g.half) amount += 0.5;
    // "a day-long meeting": the adjective is "day-long" (the long parser's), without the article.
    if (/^an?$/i.test(g.amount) && /long$/i.test(m[0])) return null;
    // "a" before a plural unit is not an amount ("a years-long dispute" is rare; "a weeks" is not English).
    if (/^an?$/i.test(g.amount) && /s$/i.test(g.unit)) return null;
    // Several of a singular unit is not English either, unless hyphenated ("a 10-day truce"):
    // "the 1988 second quarter", "the 1988 quarter" are a year and a part of it.
    // Transcripts drop the hyphen ("a five year low", "a two day rally"): then a noun follows.
    if (amount !== 'X' && amount > 1 && !/(?:s|ia)$/i.test(g.unit) && !/\s1\/2$|½$/.test(g.amount)) {
      const hyphenated = /[-‐‑]/.test(m[0].slice(g.amount.length + (g.half?.length ?? 0)).trimStart()[0] ?? '');
      const next = place.ctx.tokens[place.tokenIndex(place.end)];
      const compound = next !== undefined && (next.pos === 'NOUN' || next.pos === 'ADJ');
      if (/^\d{4}$/.test(g.amount) || (!hyphenated && !compound)) return null;
    }
    // "a minute and a half": the half comes after a singular unit.
    if (amount !== 'X' && g.halfAfter) amount += 0.5;
    // Digits glued to a currency or a larger number ("$5 million years") are not durations.
    if (/[$£€¥]\s*$/.test(place.wordsBefore(16))) return null;
    // "a second term" is an ordinal, "three-quarters of" a fraction, "60 Minutes" a title.
    if (/^an?\s+second$/i.test(m[0]) && /^\s+\p{L}/u.test(place.after)) return null;
    if (/quarters?$/i.test(g.unit) && /^\s+of\b/i.test(place.after)) return null;
    if (/^\p{Lu}/u.test(g.unit) && place.before.trim() !== '') return null;
    // Ages ("a 6-year-old boy", "52 years old") are not annotated as times in TimeML corpora.
    if (/^[-‐‑\s]+old\b/i.test(place.after)) return null;
    // "Islam will one day be …", "he hoped he would one day follow": an adverb of the future, not a day's length.
    if (/^one\s+day$/i.test(m[0]) && someday(place)) return { type: 'DATE', value: 'FUTURE_REF' };
    // A nominal duration takes its determiner ("the nine months"); an adjectival one does not ("the three-year deal").
    const nominal = !/[-‐‑]/.test(m[0].slice(g.amount.length, g.amount.length + 1));
    const the = nominal && /(?:^|\s)the\s+$/i.exec(place.wordsBefore(16));
    return {
      ...(the ? { start: place.start - the[0].trimStart().length } : {}),
      type: 'DURATION',
      value: durationValue(amount, unitOf(g.unit)!),
    };
  },
  // An amount, "and a half" or an extra word ("two more weeks") right before the unit.
  eitherGate(AMOUNT_UNIT_GATE, followGate([...EXTRA_WORDS, 'half'], UNITS.keys())),
  // "two hundred and fifty-five and a half trading days": some fifteen tokens before the unit at most.
  { at: UNIT_GATE, reach: 16 },
);

/** "for years", "within days", "in decades": a bare plural unit after a preposition of extent. */
const EXTENT = ['for', 'over', 'within', 'in', 'after', 'took', 'take', 'takes', 'lasted', 'last'];

export const vagueDurationParser = patternParser(
  'vague-duration',
  pattern(`(?<=${B}(?:${EXTENT.join('|')})\\s+)(?<unit>${UNIT})${E}`),
  (m) => {
    const unit = unitOf(m.groups!.unit)!;
    if (!/s$/i.test(m.groups!.unit) || /^(?:hrs|mins|secs|yrs)$/i.test(m.groups!.unit)) return null;
    return { type: 'DURATION', value: durationValue('X', unit) };
  },
  followGate(EXTENT, UNITS.keys()),
  { at: UNIT_GATE, reach: 0 },
);

interface SetsData {
  adverbs: { phrase: string; value: string }[];
  adjectives: string[];
  frequencies: string[];
}
const sets = loadData<SetsData>('dates/sets.json');
const ADVERBS = new Map(sets.adverbs.map((a) => [a.phrase, a.value]));
const ADJECTIVES = new Set(sets.adjectives);

/** "annually", "weekly", "every day". Capitalised mid-sentence they are names ("the Daily Mail"). */
export const setAdverbParser = patternParser('set-adverb', pattern(`${B}(?<word>${alternation(ADVERBS.keys())})${E}`), (m, place) => {
  if (/^\p{Lu}/u.test(m.groups!.word) && place.before.trim() !== '' && !/[.!?:"“]\s*$/.test(place.before)) return null;
  // Used as an adjective ("the quarterly dividend", "an annually renewed") most describe a thing, not a time;
  // "a daily rally", "his weekly address" still recur.
  const next = place.ctx.tokens[place.tokenIndex(place.end)];
  const adjective = next && next.start - place.end <= 1 && (next.pos === 'NOUN' || next.pos === 'ADJ' || next.pos === 'PROPN' || next.pos === 'NUM');
  if (adjective && !ADJECTIVES.has(m.groups!.word.toLowerCase())) return null;
  return { type: 'SET', value: ADVERBS.get(m.groups!.word.toLowerCase().replace(/\s+/g, ' '))! };
}, anyWordGate([...ADVERBS.keys(), 'every']));

const EVERY_GATE = anyWordGate(['every', 'each']);
/** "every Tuesday", "each May", "on Tuesdays". */
const EVERY_OR_WEEKDAYS_GATE = eitherGate(
  followGate(['every', 'each'], [...WEEKDAYS.keys(), ...SEASONS.keys(), ...MONTHS.keys()]),
  wordGate([...WEEKDAYS.keys()].map((w) => `${w}s`)),
);

/** "every year", "each month", "every two years", "every other week". */
export const everyUnitParser = patternParser(
  'every-unit',
  pattern(`${B}(?:every|each)\\s+(?:(?<amount>${AMOUNT}|other)\\s+)?(?<unit>${UNIT})${E}`),
  (m) => {
    const g = m.groups!;
    const amount = !g.amount ? 1 : g.amount.toLowerCase() === 'other' ? 2 : amountOf(g.amount);
    return { type: 'SET', value: durationValue(amount, unitOf(g.unit)!) };
  },
  [UNIT_GATE, EVERY_GATE],
);

/** "every Tuesday", "on Tuesdays", "every summer", "each January". */
export const everyNameParser = patternParser(
  'every-name',
  pattern(
    `${B}(?:(?:every|each)\\s+(?:(?<weekday>${WEEKDAY})|(?<season>${SEASON})|(?<month>${alternation([...MONTHS.keys()].filter((k) => k.length > 3))}))|(?<weekdays>${WEEKDAY})s)${E}`,
  ),
  (m) => {
    const g = m.groups!;
    if (g.weekday || g.weekdays) return { type: 'SET', value: `XXXX-WXX-${weekdayOf(g.weekday ?? g.weekdays)}` };
    if (g.season) return { type: 'SET', value: `XXXX-${SEASONS.get(g.season.toLowerCase())}` };
    return { type: 'SET', value: `XXXX-${pad(MONTHS.get(g.month.toLowerCase())!, 2)}` };
  },
  [EVERY_OR_WEEKDAYS_GATE],
);

const FREQUENCY = `(?:${alternation(sets.frequencies.filter((f) => f !== 'times'))}|(?:${AMOUNT})\\s+times)`;

/** "twice a year", "three times a week", "$5 million a year", "10 percent per year". */
export const rateParser = patternParser(
  'rate',
  pattern(`${B}(?:(?<freq>${FREQUENCY})\\s+)?(?:a|an|per|each)\\s+(?<unit>${UNIT_SINGULAR})${E}(?!\\s+(?:ago|earlier|later|before|after|from))`),
  (m, place) => {
    const g = m.groups!;
    // Without a frequency, "a year" is a rate only after an amount ("$5 million a year").
    if (!g.freq && !/(?:\d|million|billion|trillion|thousand|hundred|percent|%|dollars|euros|pounds|barrels|tons|tonnes|cents)\s*$/i.test(place.before)) return null;
    return { type: 'SET', value: durationValue(1, unitOf(g.unit)!) };
  },
  followGate(['a', 'an', 'per', 'each'], UNIT_SINGULAR_WORDS),
  { at: UNIT_GATE, reach: 12 },
);
