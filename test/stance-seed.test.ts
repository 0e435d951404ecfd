import { describe, expect, it } from 'vitest';
import type { ArticleDoc, Entity, SentenceStance } from '../src/article.js';
import { segmentStage } from '../src/stages/segment/index.js';
import { stanceStage } from '../src/stages/stance/index.js';
import { SEED_TEXT, docFromText, offsetOf, seedDoc } from './helpers.js';

// The seed with a hand-made entity layer (the actors an analyst would code), so
// these labels test stance alone; dates come from the dates stage.
const SEED_ACTORS: [string, string][] = [
  ['Russia', 'RUS'],
  ['Russian', 'RUS'],
  ['Iran', 'IRN'],
  ['Iranian', 'IRN'],
  ['Tehran', 'IRNGOV'],
  ['Putin', 'RUSGOV'],
  ['Pezeshkian', 'IRNGOV'],
  ['Revolutionary Guard', 'IRNMIL'],
  ['Syria', 'SYR'],
  ['Assad', 'SYRGOV'],
  ['U.S.', 'USA'],
  ['Trump', 'USAGOV'],
];

function seedWithActors(): ArticleDoc {
  const doc = docFromText(SEED_TEXT, { until: 'dates', published: '2025-01-17' });
  const { sentences } = doc.layers.segments!;
  doc.layers.entities = SEED_ACTORS.map(([surface, actor], i): Entity => {
    const escaped = surface.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const mentions = [...SEED_TEXT.matchAll(new RegExp(`(?<!\\p{L})${escaped}(?!\\p{L})`, 'gu'))].map((m) => ({
      start: m.index!,
      end: m.index! + surface.length,
      text: surface,
      sentence: sentences.findIndex((s) => s.start <= m.index! && m.index! < s.end),
      actor,
      rule: 'test:hand',
    }));
    return { id: `e${i}`, name: surface, type: 'LOCATION', actor, country: actor.slice(0, 3), kind: 'country', mentions };
  });
  return doc;
}

const doc = seedWithActors();
const sentences = doc.layers.segments!.sentences;
const stance: SentenceStance[] = stanceStage.run(doc).layer;
const at = (start: string) => {
  const i = sentences.findIndex((s) => s.text.startsWith(start));
  if (i < 0) throw new Error(`no sentence starts with "${start}"`);
  return stance[i];
};
const cueAt = (needle: string, text: string, polarity: 'cooperation' | 'distrust') => {
  const start = offsetOf(SEED_TEXT, needle);
  return { start, end: start + text.length, text, polarity };
};

describe('stance on the seed article', () => {
  it('gives every sentence the label a careful analyst would', () => {
    // [label, hedged, historical] per sentence, with the reason where it is not obvious.
    const expected: [string, string, boolean, boolean][] = [
      ['The Complex Alliance of Russia and Iran', 'cooperation', false, false], // an alliance; "complex" is a weak distrust cue
      ['Russia and Iran’s relationship is marked', 'mixed', false, false], // historical rivalry → strategic partnership
      ['They have collaborated on military efforts', 'cooperation', false, false], // Western sanctions are a third party's
      ['However, lingering distrust remains', 'distrust', false, false], // the partnership is concessive
      ['Relations between Russia and Iran remain complex', 'mixed', false, false],
      ['Historical conflicts have shaped', 'distrust', false, true], // the 18th and 19th centuries
      ['The dissolution of the Soviet Union in 1991', 'cooperation', false, true], // 1991 is 34 years back
      ['Presently, leaders Putin and Pezeshkian', 'cooperation', true, false], // "potentially enhancing"
      ['Tensions have historically marked', 'distrust', false, true],
      ['While both nations faced common adversaries', 'cooperation', false, false],
      ['The 2015 nuclear agreement', 'cooperation', false, false], // U.S. pressure is a third party's
      ['In Syria, both nations united', 'cooperation', false, false],
      ['However, recent events signal troubling times', 'distrust', true, false], // U.S.–Iran tension, "poised for"
      ['Iranian officials have benefitted', 'cooperation', true, false], // "aspires to procure"
      ['However, while dialogue and agreements continue', 'distrust', false, false], // skepticism is the main clause
      ['Amidst these dynamics', 'cooperation', true, false], // partnership, mitigating mistrust; "may face scrutiny"
      ['Historically, Russia and Iran have experienced', 'distrust', false, true],
      ['This contentious relationship', 'distrust', false, true], // the early 20th century
      ['The revolution in Iran', 'mixed', false, false], // strained ties, but improved relations and agreements
      ['In conclusion, while Russia and Iran’s current alliance', 'distrust', true, false], // built on mistrust and rivalry
      ['The treaty between these nations', 'cooperation', true, false], // "suggests"
      ['Nevertheless, underlying suspicions', 'distrust', true, false], // "could hinder ... their cooperation"
      ['Original Source', 'neutral', false, false],
    ];
    expect(sentences).toHaveLength(expected.length);
    const got = sentences.map((s, i) => [expected[i][0], stance[i].label, stance[i].hedged, stance[i].historical]);
    expect(got).toEqual(expected);
    for (const [i, s] of sentences.entries()) expect(s.text.startsWith(expected[i][0])).toBe(true);
  });

  it('reads "lingering distrust ... despite ... their comprehensive strategic partnership" as distrust', () => {
    const s = at('However, lingering distrust remains');
    expect(s.cues.map(({ start, end, text, polarity }) => ({ start, end, text, polarity }))).toEqual([
      cueAt('distrust remains among', 'distrust', 'distrust'),
      cueAt('comprehensive strategic partnership.', 'comprehensive strategic partnership', 'cooperation'),
    ]);
    expect(s.cues.map((c) => c.modifiers)).toEqual([['intensified'], ['concessive']]);
    expect(s.label).toBe('distrust');
    expect(s.score).toBeLessThan(0);
    expect(s.about).toEqual(['IRN', 'RUS']);
  });

  it('reads "They have collaborated ... responding to ... Western sanctions" as cooperation', () => {
    const s = at('They have collaborated');
    expect(s.cues.map(({ start, end, text, polarity }) => ({ start, end, text, polarity }))).toEqual([
      cueAt('collaborated on military', 'collaborated', 'cooperation'),
      cueAt('sanctions. However', 'sanctions', 'distrust'),
    ]);
    expect(s.cues[1]).toMatchObject({ modifiers: ['third-party'], about: ['WST'] });
    expect(s.label).toBe('cooperation');
    expect(s.about).toEqual(['IRN', 'RUS']); // "They" continues the pair; Syria is where
  });

  it('reads "remain complex despite a burgeoning alliance" as mixed', () => {
    const s = at('Relations between Russia and Iran remain complex');
    expect(s.cues.map(({ start, end, text, polarity }) => ({ start, end, text, polarity }))).toEqual([
      cueAt('complex despite', 'complex', 'distrust'),
      cueAt('alliance. Historical', 'alliance', 'cooperation'),
    ]);
    expect(s.cues[1].modifiers).toEqual(['intensified', 'concessive']);
    expect(s.label).toBe('mixed');
  });

  it('keeps the U.S. out of what "Russia supported Iran against U.S. pressure" is about', () => {
    const s = at('The 2015 nuclear agreement');
    expect(s.about).toEqual(['IRN', 'RUS']);
    expect(s.cues.find((c) => c.text === 'pressure')).toMatchObject({ modifiers: ['third-party'], about: ['USA'] });
  });

  it('carries the pair through "both nations", "these nations" and "their"', () => {
    expect(at('While both nations').about).toEqual(['IRN', 'RUS']);
    expect(at('The treaty between these nations').about).toEqual(['IRN', 'RUS']);
    expect(at('Nevertheless, underlying suspicions').about).toEqual(['IRN', 'RUS']);
    expect(at('However, recent events').about).toEqual(['IRN', 'USA', 'USAGOV']);
  });

  it('gives scores inside -1..1 and confidences inside 0..1, lower when hedged', () => {
    for (const s of stance) {
      expect(Math.abs(s.score)).toBeLessThanOrEqual(1);
      expect(s.confidence).toBeGreaterThanOrEqual(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
      for (const c of s.cues) expect(SEED_TEXT.slice(c.start, c.end)).toBe(c.text);
    }
  });

  it('is deterministic and fast: a few milliseconds per article, less than tokenising it', () => {
    const again = stanceStage.run(seedWithActors()).layer;
    expect(JSON.stringify(again)).toBe(JSON.stringify(stance));
    // Timed against the segment stage on the same machine, so a loaded machine does not fail it.
    // Warmed up first: the stage's steady cost per article is what a corpus run pays. Rounds of
    // each are interleaved and the fastest round kept, so other work on a loaded machine does
    // not count.
    const perRun = (f: () => void, runs = 20) => {
      const t0 = performance.now();
      for (let i = 0; i < runs; i++) f();
      return (performance.now() - t0) / runs;
    };
    for (let i = 0; i < 40; i++) stanceStage.run(doc), segmentStage.run(doc);
    let stanceMs = Infinity;
    let segmentMs = Infinity;
    for (let round = 0; round < 6; round++) {
      stanceMs = Math.min(stanceMs, perRun(() => stanceStage.run(doc)));
      segmentMs = Math.min(segmentMs, perRun(() => segmentStage.run(doc)));
    }
    expect(stanceMs).toBeLessThan(Math.max(5, 1.5 * segmentMs));
  });
});

describe('stance on the seed, end to end', () => {
  it('labels the three reference sentences through the whole pipeline', () => {
    const full = seedDoc('stance');
    const byStart = (start: string) => full.layers.stance![full.layers.segments!.sentences.findIndex((s) => s.text.startsWith(start))];
    expect(byStart('However, lingering distrust remains').label).toBe('distrust');
    expect(byStart('They have collaborated on military efforts').label).toBe('cooperation');
    expect(byStart('Relations between Russia and Iran remain complex').label).toBe('mixed');
  });

  it('reads Putin\'s political backing as cooperation and the historical tensions as distrust and history', () => {
    const full = seedDoc('stance');
    const byStart = (start: string) => full.layers.stance![full.layers.segments!.sentences.findIndex((s) => s.text.startsWith(start))];
    const backing = byStart('Iranian officials have benefitted');
    expect(backing.label).toBe('cooperation');
    expect(backing.cues.map(({ start, end, text, polarity }) => ({ start, end, text, polarity }))).toEqual([
      cueAt('benefitted from Putin', 'benefitted from', 'cooperation'),
      cueAt('backing, and Tehran', 'backing', 'cooperation'),
      cueAt('procure military', 'procure', 'cooperation'),
    ]);
    expect(backing.about).toEqual(['IRNGOV', 'RUS', 'RUSGOV']);
    const tensions = byStart('Tensions have historically marked');
    expect(tensions).toMatchObject({ label: 'distrust', historical: true, about: ['IRN', 'RUS'] });
    expect(tensions.cues.map(({ start, end, text, polarity }) => ({ start, end, text, polarity }))).toEqual([
      cueAt('Tensions have historically', 'Tensions', 'distrust'),
    ]);
  });
});
