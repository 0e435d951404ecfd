// Parts of a year: quarters ("Q3 2024", "the third quarter", "third-quarter"),
// halves ("the first half of 2024") and seasons ("summer of 2019", "last
// fall"). Without a year, all of them follow the sentence's tense: "sales rose
// in the third quarter" is the latest third quarter, "will rise" the next one.
import { alternation, B, E, MONTH_GATE, MONTH_NAME_GATE, MONTHS, ORDINAL, ORDINAL_WORDS, ordinalOf, SEASON, SEASONS } from '../lexicon.js';
import type { Extracted } from './pattern.js';
import { DIGITS, followGate, pattern, patternParser, shapeGate } from './pattern.js';

const YEAR = '(?:1[0-9]{3}|20[0-9]{2})';
/** An ordinal (or "last", "first two") right before the part: "third quarter", "first half". */
const QUARTER_GATE = followGate([DIGITS, ...ORDINAL_WORDS.keys(), 'last', 'final', 'latter', 'two'], ['quarter', 'quarters', 'half']);

function part(code: string, year: string | undefined): Extracted {
  return year ? { type: 'DATE', value: `${year}-${code}` } : { type: 'DATE', relative: { kind: 'part', code, direction: 'tense' } };
}

/** "Q3 2024", "Q3". */
export const quarterCodeParser = patternParser(
  'quarter-code',
  pattern(`${B}Q(?<q>[1-4])(?:\\s*(?<year>${YEAR})|\\s*['’](?<yy>\\d{2}))?${E}`),
  (m) => {
    if (m[0][0] !== 'Q') return null;
    const g = m.groups!;
    const year = g.year ?? (g.yy ? `20${g.yy}` : undefined);
    return part(`Q${g.q}`, year);
  },
  shapeGate(/Q[1-4]/),
);

/** "the last quarter", "the latter half": the final one of the year. */
const FINAL = /^(?:last|final|latter)$/i;

/**
 * "the third quarter of 2024", "third-quarter", "the first half", "the second
 * half of 1998", "the last half of 1989" (H2), "the first two quarters of 1990" (H1).
 */
export const quarterParser = patternParser(
  'quarter',
  pattern(
    `${B}(?:(?<the>the)\\s+)?(?:(?<ordinal>${ORDINAL}|last|final|latter)|(?<firstTwo>first\\s+two))[-‐‑\\s]+(?<period>quarters?|half)(?:\\s+of\\s+(?<year>${YEAR})|,?\\s+(?<year2>${YEAR}))?${E}`,
  ),
  (m, place) => {
    const g = m.groups!;
    if (g.firstTwo) return g.period.toLowerCase() === 'quarters' ? part('H1', g.year ?? g.year2) : null;
    if (g.period.toLowerCase() === 'quarters') return null;
    const half = g.period.toLowerCase() === 'half';
    // "the last quarter" is the fourth only of a written year ("the last quarter of 1989"); alone it is the
    // previous one ("last quarter", the deictic parser's) or the one just reported.
    const final = FINAL.test(g.ordinal);
    if (final && !g.year && !g.year2) return null;
    const n = final ? (half ? 2 : 4) : ordinalOf(g.ordinal);
    if (n === undefined || n < 1 || n > (half ? 2 : 4)) return null;
    // "the first half of the match", "the second half" of anything but a year: only a year, or nothing, may follow.
    if (half && !g.year && !g.year2 && /^\s+of\s/i.test(place.after)) return null;
    const value = part(`${half ? 'H' : 'Q'}${n}`, g.year ?? g.year2);
    // "the third-quarter loss": the determiner belongs to the noun the adjective describes.
    if (g.the && /[-‐‑]/.test(m[0].slice(place.group('ordinal')![1] - place.start)[0])) return { ...value, start: place.group('ordinal')![0] };
    return value;
  },
  QUARTER_GATE,
);

/** "the summer of 2019", "summer 2019", "winter 2023-24" (a winter is named by the year of its January: 2024). */
export const seasonYearParser = patternParser(
  'season-year',
  pattern(`${B}(?:(?<the>the)\\s+)?(?<season>${SEASON})\\s+(?:of\\s+)?(?<year>${YEAR})(?:[-–/](?<next>\\d{2}|\\d{4}))?${E}`),
  (m) => {
    const g = m.groups!;
    const code = SEASONS.get(g.season.toLowerCase())!;
    const first = Number(g.year);
    const next = g.next ? (g.next.length === 2 ? Math.floor(first / 100) * 100 + Number(g.next) : Number(g.next)) : null;
    // "winter 2023-24" spans two years; other seasons do not, and "summer 2019-20" is a range of summers.
    if (next !== null && (code !== 'WI' || next !== first + 1)) return null;
    return { type: 'DATE', value: `${next ?? first}-${code}` };
  },
  followGate(SEASONS.keys(), [DIGITS, 'of']),
);

/** The words the season pattern wants right before a season: its frames ("in", "early", "the fall and"), or "the". */
const SEASON_FRAMES = ['in', 'into', 'during', 'by', 'until', 'since', 'through', 'throughout', 'over', 'early', 'late', 'mid', 'before', 'after', 'spent', 'passed', 'all', 'that', 'same', 'and', 'or', 'to', 'of'];

/**
 * "in the summer", "during the spring", "early fall", "well into the summer",
 * "passed the winter", "the onset of winter", "the fall and winter" (the second of two); "this winter" is the deictic
 * parser's. A bare season needs such a frame: "fall" is mostly a verb, and
 * "the fall of Kabul" or "the Arab Spring" are not seasons.
 */
export const seasonParser = patternParser(
  'season',
  pattern(
    `(?<=${B}(?:in|into|during|by|until|since|through|throughout|over|early|late|mid-?|before|after|spent|passed|all|that|same|${SEASON}\\s+(?:and|or|to)|(?:onset|middle|depths?|height|dead|end|start|beginning)\\s+of)\\s+)(?:(?<the>the)\\s+)?(?<season>${SEASON})${E}`,
  ),
  (m, place) => {
    // "the fall of Kabul" is no season; "the winter of nineteen ninety-four" and "the spring of next year" are,
    // with their year after them (in words, or deictic: the combine refiner joins the two).
    if (/^\s+of\b/i.test(place.after) && !/^\s+of\s+(?:nineteen|eighteen|twenty|two\s+thousand|(?:next|last|this)\s+year(?!['’]))\b/i.test(place.after)) return null;
    if (/^\p{Lu}/u.test(m.groups!.season) && /\p{Lu}\p{L}*\s+$/u.test(place.before)) return null;
    return { type: 'DATE', relative: { kind: 'season', season: SEASONS.get(m.groups!.season.toLowerCase())!, direction: 'tense' } };
  },
  followGate([...SEASON_FRAMES, 'the'], SEASONS.keys()),
);

/** Month names written out ("May" among them), and abbreviations only with their full stop ("Sept."). */
const MONTH_WORD = `(?:${alternation([...MONTHS.keys()].filter((m) => m.length > 3 || m === 'may'))}|(?:${alternation([...MONTHS.keys()].filter((m) => m.length <= 4))})\\.)`;

/**
 * "by the end of May", "in February": a bare month. The month-word filter
 * keeps only capitalised ones with a temporal word before them; the resolver
 * gives the year.
 */
export const monthNameParser = patternParser(
  'month-name',
  pattern(`${B}(?<month>${MONTH_WORD})(?![\\p{L}\\p{N}_])`),
  (m) => {
    if (!/^\p{Lu}/u.test(m.groups!.month)) return null;
    const month = MONTHS.get(m.groups!.month.toLowerCase().replace(/\.$/, ''))!;
    return { type: 'DATE', relative: { kind: 'month', month, direction: 'tense' } };
  },
  MONTH_NAME_GATE,
  { at: MONTH_GATE, reach: 0 },
);
