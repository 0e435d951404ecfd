// Long periods: decades ("the 1990s" → 199, "the '90s",
// "the nineties") and centuries ("the 19th century" → 18: TIMEX3 names a
// century by its first two digits). A determiner right before joins the span,
// as in TimeBank ("the 1990s").
import { anyWordGate, B, DECADE_WORD, DECADE_WORDS, E, ORDINAL, ordinalOf } from '../lexicon.js';
import { decadeValue, ordinalCenturyValue } from '../timex.js';
import { eitherGate, followGate, pattern, patternParser, shapeGate, type Extracted } from './pattern.js';

const THE = '(?:(?<the>the)\\s+)?';
const BC = '(?:BCE|B\\.C\\.E\\.|BC|B\\.C\\.?)';
const AD = '(?:AD|A\\.D\\.?|CE|C\\.E\\.)';

/** Possessives before a decade word make it an age ("in his sixties"). */
const AGE = /(?:his|her|their|my|our|your|its)\s+(?:early\s+|mid-?\s*|late\s+)?$/i;

/**
 * "the 1990s" → 199. Round hundreds before 2000 are centuries ("the 1800s" → 18);
 * "the 2000s" is read as the decade, as news uses it. Before Christ the digits
 * are as written: "the 470s BC" → BC047.
 */
export const decadeParser = patternParser(
  'decade',
  pattern(`${B}${THE}(?<digits>\\d{1,3}0)['’]?s(?:\\s*(?<bc>${BC}))?${E}`),
  (m) => {
    const first = Number(m.groups!.digits);
    if (m.groups!.bc) return first >= 10 ? { type: 'DATE', value: `BC${String(first / 10).padStart(3, '0')}` } : null;
    if (first < 1000) return null;
    if (first % 100 === 0 && first < 2000) return { type: 'DATE', value: String(first / 100).padStart(2, '0') };
    return { type: 'DATE', value: decadeValue(first) };
  },
  shapeGate(/\d0['’]?s/),
);


/** "the '90s", "the nineties": the century is the one that puts the decade before the publication year. */
export const shortDecadeParser = patternParser(
  'short-decade',
  pattern(`${B}${THE}(?:['’](?<dd>\\d0)['’]?s|(?<word>${DECADE_WORD}))${E}`),
  (m, place) => {
    const g = m.groups!;
    if (g.word && AGE.test(place.before)) return null;
    // "the nineties" needs its determiner: bare "nineties" is usually a temperature or an age.
    if (g.word && !g.the) return null;
    const dd = g.dd ? Number(g.dd) : DECADE_WORDS.get(g.word.toLowerCase())!;
    const published = place.ctx.published ? Number(place.ctx.published.slice(0, 4)) : null;
    const century = published !== null && 2000 + dd <= published ? 2000 : 1900;
    return { type: 'DATE', value: decadeValue(century + dd) };
  },
  // "'90s" written together; a decade word needs its determiner ("the nineties").
  eitherGate(shapeGate(/['’]\d0/), followGate(['the'], DECADE_WORDS.keys())),
);

function century(ordinal: string, era: string | undefined): string | null {
  const n = ordinalOf(ordinal);
  if (n === undefined || n < 1 || n > 21) return null;
  return ordinalCenturyValue(n, era !== undefined && new RegExp(`^${BC}$`, 'i').test(era));
}

/** "the 19th century", "the nineteenth-century", "the 4th century BC". */
export const centuryParser = patternParser(
  'century',
  pattern(`${B}${THE}(?<ordinal>${ORDINAL})[-‐‑\\s]+century${E}(?:\\s+(?<era>${BC}|${AD})(?![\\p{L}\\p{N}]))?`),
  (m) => {
    const value = century(m.groups!.ordinal, m.groups!.era);
    return value ? { type: 'DATE', value } : null;
  },
  anyWordGate(['century']),
);

const CENTURY_MODS: Record<string, string> = { early: 'START', mid: 'MID', late: 'END' };

/**
 * "the 18th and 19th centuries": two centuries sharing one noun. The first is
 * "the 18th" (its determiner, without the shared noun), the second "19th
 * centuries"; a middle one in a list ("the 17th, 18th and 19th centuries") is
 * the bare ordinal.
 */
export const centuriesParser = patternParser(
  'centuries',
  pattern(
    `${B}${THE}(?:(?<mod1>early|mid|late)[-‐‑\\s]+)?(?<first>${ORDINAL})(?<middle>(?:\\s*,\\s*${ORDINAL})*)\\s*,?\\s+(?:and|or|to|through|into)\\s+(?:the\\s+)?(?<mod2>(?:early|mid|late)[-‐‑\\s]+)?(?<last>${ORDINAL})[-‐‑\\s]+centuries${E}(?:\\s+(?<era>${BC}|${AD})(?![\\p{L}\\p{N}]))?`,
  ),
  (m, place) => {
    const g = m.groups!;
    const out: Extracted[] = [];
    const [firstStart, firstEnd] = place.group('first')!;
    const first = century(g.first, g.era);
    if (!first) return null;
    // "the early 18th and late 19th centuries": each ordinal keeps its own modifier.
    const mod = (word: string | undefined) => (word ? { mod: CENTURY_MODS[word.trim().replace(/[-‐‑]$/, '').toLowerCase()] } : {});
    const firstFrom = g.the ? place.start : g.mod1 ? place.group('mod1')![0] : firstStart;
    out.push({ start: firstFrom, end: firstEnd, type: 'DATE', value: first, ...mod(g.mod1) });
    if (g.middle) {
      const [middleStart] = place.group('middle')!;
      const ordinals = new RegExp(ORDINAL, 'giu');
      for (let o = ordinals.exec(g.middle); o; o = ordinals.exec(g.middle)) {
        const value = century(o[0], g.era);
        if (value) out.push({ start: middleStart + o.index, end: middleStart + o.index + o[0].length, type: 'DATE', value });
      }
    }
    const [lastStart] = place.group('last')!;
    const last = century(g.last, g.era);
    if (!last) return null;
    out.push({ start: g.mod2 ? place.group('mod2')![0] : lastStart, end: place.end, type: 'DATE', value: last, ...mod(g.mod2) });
    return out;
  },
  anyWordGate(['centuries']),
);
