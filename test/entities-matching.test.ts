import { describe, expect, it } from 'vitest';
import { loadData } from '../src/data.js';
import { tokenKeys } from '../src/lexicon/phrases.js';
import { tokenize } from '../src/nlp.js';
import { segmentText } from '../src/stages/segment/index.js';
import { buildGazetteerPhrases, gazetteer } from '../src/stages/entities/gazetteer.js';
import { lexicon } from '../src/stages/entities/lexicon.js';
import { GatedMatcher, keysOf } from '../src/stages/entities/matching.js';
import { CAPITALISED, DIGIT_START, LETTER, NAME_WORD, SHOUTED, SPLIT, STOPPED, charFlags, isAcronym, isCapitalised, isLowerCaseWord, isNameWord, isPossessive, startsLowerCase, tokenView } from '../src/stages/entities/tokens.js';
import { SEED_TEXT } from './helpers.js';

/** Every match of the gated matcher's own findAll, against PhraseMatcher's, over `text`. */
function sameMatches<T>(m: GatedMatcher<T>, text: string): void {
  const { tokens } = tokenView(segmentText(text));
  const keys = tokens.map((t) => (m.on === 'text' ? keysOf(t).text : keysOf(t).normal));
  const strip = (hits: readonly { first: number; end: number; value: T }[]) => hits.map((h) => [h.first, h.end, h.value]);
  expect(strip(m.findAll(tokens, keys)), text).toEqual(strip(m.matcher.findAll(tokens)));
}

describe('gated matchers', () => {
  it('find exactly what their PhraseMatcher finds: every gazetteer name written in a sentence', () => {
    const names = gazetteer();
    const phrases = buildGazetteerPhrases().map((p) => p.phrase);
    for (let i = 0; i < phrases.length; i += phrases[i].includes(' ') || /^[\p{L} ]+$/u.test(phrases[i]) ? 7 : 1) {
      sameMatches(names, `Officials said ${phrases[i]} would respond.`);
    }
  });

  it('know the first two words (and the gazetteer the last word) of every phrase as wink splits them, without asking wink again', () => {
    const heads = loadData<{ organization: Record<string, unknown>; organizationPrefixes: Record<string, unknown> }>('entities/name-heads.json');
    const { ORG_HEADS, ORG_PREFIXES } = lexicon();
    const lists: [GatedMatcher<unknown>, string[]][] = [
      [gazetteer(), buildGazetteerPhrases().map((p) => p.phrase)],
      [ORG_HEADS, Object.keys(heads.organization)],
      [ORG_PREFIXES, Object.keys(heads.organizationPrefixes)],
    ];
    for (const [m, phrases] of lists) {
      for (const phrase of phrases) {
        const words = tokenize(phrase).tokens.filter((t) => t.text.trim() !== '').map((t) => tokenKeys(t).text);
        if (words.length === 0) continue;
        const first = m.first(words[0]);
        expect(first, phrase).toBeDefined();
        if (words.length === 1) expect(first!.single, phrase).toBe(true);
        else expect(first!.seconds?.includes(words[1]), phrase).toBe(true);
        if (m === gazetteer()) expect(m.mayEnd(words[words.length - 1]), phrase).toBe(true);
      }
    }
  });

  it('find exactly what their PhraseMatcher finds: titles and organisation heads, and the seed article', () => {
    const { TITLES, ORG_HEADS, ORG_PREFIXES } = lexicon();
    const titles = loadData<{ titles: { phrases: string[] }[] }>('entities/titles.json').titles.flatMap((t) => t.phrases);
    for (const t of titles) sameMatches(TITLES, `She met the ${t} Smith and ${t.toUpperCase()} Jones.`);
    const heads = loadData<{ organization: Record<string, unknown>; organizationPrefixes: Record<string, unknown> }>('entities/name-heads.json');
    for (const h of [...Object.keys(heads.organization), ...Object.keys(heads.organizationPrefixes)]) {
      sameMatches(ORG_HEADS, `the Iranian ${h} of Tehran`);
      sameMatches(ORG_PREFIXES, `${h} France said`);
    }
    for (const m of [gazetteer(), TITLES, ORG_HEADS, ORG_PREFIXES] as GatedMatcher<unknown>[]) sameMatches(m, SEED_TEXT);
  });
});

describe('token flags', () => {
  const samples = [
    'Iran', 'iran', 'IRGC', 'U.S.', 'U.N.', 'G20', 'A380', 'STS-135', 'IRAN', 'WARNS', 'UNLESS', 'DAB', 'LA.', 'Inc.', 'St.', 'U.S.-Iran',
    'Ángel', 'Élysée', 'ÉLYSÉE', 'Łódź', 'ǅemal', 'Ñ.', 'ß', 'İstanbul', 'al-Assad', "O'Brien", '’s', "'s", '1–0', '3-2', '2025', '-', '—', '“', 'ñandú', 'Straße', 'STRASSE', 'Ωmega', 'ΩMEGA',
    "'", '’', 'ś', 'ñ', 'über', 'éx', 'x', "x's", 'S', 'post-Soviet', 'anti‐American', 'pro‑Kremlin', 'well-known', 'ez-Zor', 'x–Y', 'éx-Soviet', 'Mid-East', 'post--Soviet', '(Iran', '"Iran',
  ];
  const pos = ['PROPN', 'NOUN', 'DET', 'ADP', 'NUM', 'PUNCT', 'ADJ', 'VERB'];

  it('agree with the regular expressions they stand for', () => {
    for (const text of samples) {
      for (const p of pos) {
        const t = { start: 0, end: text.length, text, normal: text.toLowerCase(), lemma: text.toLowerCase(), pos: p, sentence: 0 };
        const f = charFlags(t, keysOf(t).text);
        const upper = /^\p{Lu}/u.test(text);
        expect(isCapitalised(text), text).toBe(upper);
        expect((f & CAPITALISED) !== 0, text).toBe(upper);
        expect((f & LETTER) !== 0, text).toBe(/\p{L}/u.test(text));
        expect((f & DIGIT_START) !== 0, text).toBe(/^\d/.test(text));
        expect((f & NAME_WORD) !== 0, `${text} ${p}`).toBe(isNameWord(t));
        const letters = text.replace(/[^\p{L}]/gu, '');
        expect(isAcronym(text), text).toBe(letters.length >= 2 && letters === letters.toUpperCase() && upper);
        expect((f & SHOUTED) !== 0, text).toBe(text.length >= 4 && text !== t.normal && /^\p{Lu}+$/u.test(text));
        expect((f & STOPPED) !== 0, text).toBe(text.length <= 12 && /^\p{Lu}[\p{L}]*\.$/u.test(text));
        expect(startsLowerCase(text), text).toBe(/^\p{Ll}/u.test(text));
        expect(isLowerCaseWord(text), text).toBe(/^\p{Ll}+$/u.test(text));
        expect(isPossessive(text), text).toBe(/^['’]s?$/.test(text));
        expect((f & SPLIT) !== 0, text).toBe(/^(\p{Ll}+)([-‐‑])(\p{Lu}[\p{L}\p{M}.'’-]*)$/u.test(text));
      }
    }
  });

  it('mark the seed article’s names: Russia and Iran are name words, their dates and function words are not', () => {
    const { tokens } = tokenView(segmentText(SEED_TEXT));
    const at = (text: string) => {
      const t = tokens.find((x) => x.text === text)!;
      return charFlags(t, keysOf(t).text);
    };
    expect(at('Russia') & NAME_WORD).toBe(NAME_WORD);
    expect(at('Pezeshkian') & NAME_WORD).toBe(NAME_WORD);
    expect(at('the') & (NAME_WORD | CAPITALISED)).toBe(0);
    expect(at('1991') & DIGIT_START).toBe(DIGIT_START);
  });
});
