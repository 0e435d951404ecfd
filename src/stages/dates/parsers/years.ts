// Years on their own: bare years ("in 1991", "the 2015 agreement"),
// ranges ("1991–1994", "1991-94"), abbreviated years ("'98") and years before
// or after Christ ("500 BC" → BC0500, TimeML's BC prefix with the year as written).
import type { Token } from '../../../article.js';
import { B, E } from '../lexicon.js';
import { pad } from '../timex.js';
import { DIGITS, eitherGate, followGate, lastWords, pattern, patternParser, plainWordBefore, shapeGate, type MatchPlace } from './pattern.js';

/** Four digits written together: every year pattern holds them. */
const FOUR_DIGIT_GATE = shapeGate(/\d{4}/);

/** A four-digit number that is not part of a bigger number, an amount of money or a percentage. */
const FOUR_DIGITS = `(?<![\\p{L}\\p{N}_$£€¥#/.,:]|\\d[.,-])(?<year>1[0-9]{3}|20[0-9]{2})(?![\\p{L}\\p{N}_%]|[.,:/]\\d|-\\d{3}|\\s?(?:GMT|UTC|EST|EDT|PST|PDT|CET|hours?\\b|hrs\\b|local\\s+time))`;

/** Words before a number that make it a count ("about 1500 troops", "more than 2000 people"). */
const COUNT_CUES = /(?:^|\s)(?:about|some|nearly|almost|over|than|approximately|around|roughly|only|just|all|total\s+of|least|estimated|another|additional|extra|of\s+the|to)\s*$/i;

/** The last words of the count cues. */
const COUNT_CUE_ENDS = new Set(['about', 'some', 'nearly', 'almost', 'over', 'than', 'approximately', 'around', 'roughly', 'only', 'just', 'all', 'of', 'least', 'estimated', 'another', 'additional', 'extra', 'the', 'to']);

/** Whether the word before `end` may end a cue of `ends` (a word of theirs, or text the check cannot read). */
function mayEndWith(text: string, end: number, floor: number, ends: ReadonlySet<string>): boolean {
  const word = plainWordBefore(text, end, floor);
  return word === null || ends.has(word);
}

/** A year followed by a plural noun is a count ("1500 soldiers"), unless a determiner or preposition frames it ("the 2015 elections"). */
function isCount(place: MatchPlace, start: number, end: number): boolean {
  const tokens = place.ctx.tokens;
  const i = place.tokenIndex(start);
  const next: Token | undefined = tokens[i + 1]?.start >= end ? tokens[i + 1] : undefined;
  const prev: Token | undefined = i > 0 ? tokens[i - 1] : undefined;
  const framed =
    prev !== undefined && (prev.pos === 'DET' || prev.pos === 'ADP' || prev.normal === "'s" || prev.normal === '’s' || prev.normal === 'fiscal' || prev.normal === 'calendar');
  if (!framed && mayEndWith(place.ctx.text, start, place.ctx.sentence.start, COUNT_CUE_ENDS) && COUNT_CUES.test(lastWords(place.ctx.text, place.ctx.sentence.start, start, 40))) return true;
  if (!next) return false;
  if (/^(?:percent|per|%|people|persons|dollars)$/i.test(next.normal)) return true;
  const plural = next.pos === 'NOUN' && next.normal !== next.lemma && /s$/.test(next.normal);
  return plural && !framed && !/^(?:election|olympic|game|census|budget|talk|protest|riot|war|attack|cup)s$/.test(next.normal);
}

/** "the 1988 quarter", "the 1989 period": a year with the noun of the period a report is about. */
const PERIOD_AFTER = /^\s+(quarter|period)(?![\p{L}\p{N}])/iu;

export const yearParser = patternParser('year', pattern(FOUR_DIGITS), (m, place) => {
  if (isCount(place, place.start, place.end)) return null;
  const period = PERIOD_AFTER.exec(place.after);
  const the = period && /(?:^|\s)the\s+$/i.exec(place.wordsBefore(16));
  if (period && the) {
    return {
      start: place.start - the[0].trimStart().length,
      end: place.end + period[0].length,
      type: 'DATE',
      relative: { kind: 'period-of-year', year: Number(m.groups!.year), period: period[1].toLowerCase() === 'quarter' ? 'quarter' : 'any' },
    };
  }
  return { type: 'DATE', value: m.groups!.year };
}, FOUR_DIGIT_GATE, { at: FOUR_DIGIT_GATE, reach: 0 });

/** "1991-94", "1991–1994": the second year of a range, shortened or not. */
export const yearRangeParser = patternParser(
  'year-range',
  pattern(`${B}(?<first>1[0-9]{3}|20[0-9]{2})\\s*[-–—/]\\s*(?<second>\\d{2}|1[0-9]{3}|20[0-9]{2})${E}(?![-–]\\d)`),
  (m, place) => {
    const first = Number(m.groups!.first);
    let second = Number(m.groups!.second);
    if (m.groups!.second.length === 2) second = Math.floor(first / 100) * 100 + second;
    if (second <= first || second - first > 100) return null;
    const [fs, fe] = place.group('first')!;
    const [ss, se] = place.group('second')!;
    return [
      { start: fs, end: fe, type: 'DATE', value: pad(first, 4) },
      { start: ss, end: se, type: 'DATE', value: pad(second, 4) },
    ];
  },
  // "1991-94" written together, or "1991 – 1994" as numbers side by side.
  [FOUR_DIGIT_GATE, eitherGate(shapeGate(/\d{4}[-–—/]/), followGate([DIGITS], [DIGITS]))],
);

/** "'98": the century that puts the year closest to (and not far after) the publication year. */
export const shortYearParser = patternParser('short-year', pattern(`(?<![\\p{L}\\p{N}])['’](?<yy>\\d{2})(?![\\p{L}\\p{N}'’])`), (m, place) => {
  const yy = Number(m.groups!.yy);
  const published = place.ctx.published ? Number(place.ctx.published.slice(0, 4)) : null;
  const century = published !== null ? (2000 + yy <= published + 10 ? 2000 : 1900) : yy <= 30 ? 2000 : 1900;
  // Only after a word that takes a year ("in '98", "class of '98"), never a quotation mark.
  if (!/(?:in|of|since|from|until|by|to|and|the|before|after)\s+$/i.test(place.before)) return null;
  return { type: 'DATE', value: pad(century + yy, 4) };
}, shapeGate(/['’]\d\d/));

const BC = '(?:BCE|B\\.C\\.E\\.|BC|B\\.C\\.?)';
const AD = '(?:AD|A\\.D\\.?|CE|C\\.E\\.)';

/**
 * "499-493 BC", "from 264 to 241 BC", "496 and 495 BC": the first year of a
 * range or pair takes the era written after the second (two mentions, as ranges are).
 */
export const eraRangeParser = patternParser(
  'era-range',
  pattern(`${B}(?<first>\\d{1,4})\\s*(?:[-–—]|to|and|or|until)\\s*(?<second>\\d{1,4})\\s*(?<bc>${BC})(?![\\p{L}\\p{N}])`),
  (m, place) => {
    const first = Number(m.groups!.first);
    const second = Number(m.groups!.second);
    // Years before Christ count down: a range runs from the larger to the smaller.
    if (first === 0 || second === 0 || first < second || first - second > 1000) return null;
    const [fs, fe] = place.group('first')!;
    return [
      { start: fs, end: fe, type: 'DATE', value: `BC${pad(first, 4)}` },
      { start: place.group('second')![0], end: place.end, type: 'DATE', value: `BC${pad(second, 4)}` },
    ];
  },
  shapeGate(/\b(?:BC|B\.C)/),
);

/** "500 BC" → BC0500, "AD 70" / "70 AD" → 0070. */
export const eraYearParser = patternParser(
  'era-year',
  pattern(`${B}(?:(?<adBefore>AD|A\\.D\\.)\\s+(?<year1>\\d{1,4})${E}|(?<year2>\\d{1,4})\\s*(?:(?<bc>${BC})|(?<ad>${AD}))(?![\\p{L}\\p{N}]))`),
  (m) => {
    const g = m.groups!;
    const year = Number(g.year1 ?? g.year2);
    if (year === 0) return null;
    return { type: 'DATE', value: g.bc ? `BC${pad(year, 4)}` : pad(year, 4) };
  },
  shapeGate(/\b(?:BC|B\.C|AD|A\.D|BCE|CE|C\.E)/),
);
