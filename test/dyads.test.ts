import { describe, expect, it } from 'vitest';
import type { Entity, EventRecord, QuadClass, SentenceStance, StanceCue } from '../src/article.js';
import { buildDyads, dyadsStage } from '../src/stages/dyads/index.js';
import { stanceStage } from '../src/stages/stance/index.js';
import { SEED_TEXT, docFromText, seedDoc } from './helpers.js';

const cue = (weight: number, extra: Partial<StanceCue> = {}): StanceCue => ({
  start: 0,
  end: 1,
  text: 'x',
  polarity: weight > 0 ? 'cooperation' : 'distrust',
  weight,
  base: weight,
  modifiers: [],
  rule: 'cue:test',
  ...extra,
});

const sentence = (about: string[], cues: StanceCue[]): SentenceStance => ({
  label: 'neutral',
  score: 0,
  confidence: 0,
  cues,
  about,
  hedged: false,
  historical: false,
});

function event(source: string, target: string, quadClass: QuadClass): EventRecord {
  const actor = (code: string) => ({ actor: code, name: code, start: 0, end: 1, text: code });
  return {
    id: 'e',
    articleId: 'a',
    published: null,
    date: { value: 'XXXX', text: null, basis: 'unknown' },
    source: actor(source),
    target: actor(target),
    type: 'CONSULT',
    quadClass,
    intensity: 1,
    stance: 0,
    mode: 'asserted',
    historical: false,
    trigger: { start: 0, end: 1, text: 'x' },
    evidence: { start: 0, end: 1, text: 'x', sentence: 0 },
    confidence: 1,
    rule: 'test',
  };
}

const NO_EVENTS = { VERBAL_COOPERATION: 0, MATERIAL_COOPERATION: 0, VERBAL_CONFLICT: 0, MATERIAL_CONFLICT: 0 };

describe('dyads', () => {
  it('folds role codes to countries, sums sentence evidence and computes the stance', () => {
    const dyads = buildDyads(
      [
        sentence(['IRNGOV', 'RUSGOV'], [cue(0.5), cue(0.5)]), // cooperation 1 - 0.5 * 0.5 = 0.75
        sentence(['IRN'], [cue(-0.9)]), // one actor: no pair
        sentence(['IRNMIL', 'RUS'], [cue(-0.5), cue(0.25)]),
      ],
      [],
    );
    expect(dyads).toEqual([{ actors: ['IRN', 'RUS'], cooperation: 1, distrust: 0.5, stance: 0.333, sentences: [0, 2], events: NO_EVENTS }]);
  });

  it('keeps international bodies by their code and pairs every two actors of a sentence, sorted', () => {
    const dyads = buildDyads([sentence(['NATO', 'RUS', 'UKRGOV'], [cue(-0.6)])], []);
    expect(dyads.map((d) => [d.actors, d.distrust, d.stance])).toEqual([
      [['NATO', 'RUS'], 0.6, -1],
      [['NATO', 'UKR'], 0.6, -1],
      [['RUS', 'UKR'], 0.6, -1],
    ]);
  });

  it('credits a third-party cue to the actors it names, not to the sentence pair', () => {
    const dyads = buildDyads(
      [sentence(['IRN', 'RUS'], [cue(0.6), cue(-0.1, { modifiers: ['third-party'], about: ['USA'] }), cue(-0.2, { modifiers: ['third-party'], about: ['IRN', 'WST'] }), cue(-0.3, { modifiers: ['third-party'] })])],
      [],
    );
    expect(dyads.map((d) => [d.actors, d.cooperation, d.distrust])).toEqual([
      [['IRN', 'RUS'], 0.6, 0],
      [['IRN', 'USA'], 0, 0.1],
      [['IRN', 'WST'], 0, 0.2],
      [['RUS', 'USA'], 0, 0.1],
    ]);
  });

  it('counts events between the pair in either direction by quad class, and keeps event-only pairs', () => {
    const dyads = buildDyads(
      [sentence(['IRN', 'RUS'], [cue(0.6)])],
      [event('RUSGOV', 'IRN', 'VERBAL_COOPERATION'), event('IRNMIL', 'RUS', 'MATERIAL_CONFLICT'), event('USA', 'CHN', 'VERBAL_CONFLICT'), event('RUS', 'RUSGOV', 'VERBAL_CONFLICT')],
    );
    expect(dyads).toEqual([
      { actors: ['CHN', 'USA'], cooperation: 0, distrust: 0, stance: 0, sentences: [], events: { ...NO_EVENTS, VERBAL_CONFLICT: 1 } },
      { actors: ['IRN', 'RUS'], cooperation: 0.6, distrust: 0, stance: 1, sentences: [0], events: { ...NO_EVENTS, VERBAL_COOPERATION: 1, MATERIAL_CONFLICT: 1 } },
    ]);
  });

  it('credits a cue narrowed to its clause only among that clause\'s actors', () => {
    const dyads = buildDyads([sentence(['AUS', 'CHNGOV', 'IND', 'JPN'], [cue(-0.75, { about: ['CHNGOV', 'IND'] })])], []);
    expect(dyads.map((d) => d.actors.join('-'))).toEqual(['CHN-IND']);
  });

  it('gives no dyads for an article without actors', () => {
    expect(buildDyads([sentence([], [cue(0.8)])], [])).toEqual([]);
  });
});

describe('dyads on the seed', () => {
  // Hand-coded actors, so this checks the dyads from stance alone.
  const ACTORS: [string, string][] = [
    ['Russia', 'RUS'],
    ['Russian', 'RUS'],
    ['Iran', 'IRN'],
    ['Iranian', 'IRN'],
    ['Putin', 'RUSGOV'],
    ['Pezeshkian', 'IRNGOV'],
    ['Syria', 'SYR'],
    ['Assad', 'SYRGOV'],
    ['U.S.', 'USA'],
    ['Trump', 'USAGOV'],
  ];

  function seedDyads() {
    const doc = docFromText(SEED_TEXT, { until: 'dates', published: '2025-01-17' });
    const { sentences } = doc.layers.segments!;
    doc.layers.entities = ACTORS.map(([surface, actor], i): Entity => ({
      id: `e${i}`,
      name: surface,
      type: 'LOCATION',
      actor,
      country: actor.slice(0, 3),
      kind: 'country',
      mentions: [...SEED_TEXT.matchAll(new RegExp(`(?<!\\p{L})${surface.replace(/\./g, '\\.')}(?!\\p{L})`, 'gu'))].map((m) => ({
        start: m.index!,
        end: m.index! + surface.length,
        text: surface,
        sentence: sentences.findIndex((s) => s.start <= m.index! && m.index! < s.end),
        actor,
        rule: 'test:hand',
      })),
    }));
    doc.layers.stance = stanceStage.run(doc).layer;
    doc.layers.events = [];
    return { dyads: dyadsStage.run(doc).layer, sentences };
  }

  it('finds Russia–Iran with both cooperation and distrust, from the sentences about them', () => {
    const { dyads, sentences } = seedDyads();
    const ri = dyads.find((d) => d.actors[0] === 'IRN' && d.actors[1] === 'RUS')!;
    expect(ri.cooperation).toBeGreaterThan(0);
    expect(ri.distrust).toBeGreaterThan(0);
    expect(Math.abs(ri.stance)).toBeLessThan(0.5); // an alliance with lingering distrust
    const index = (start: string) => sentences.findIndex((s) => s.text.startsWith(start));
    for (const s of ['They have collaborated', 'However, lingering distrust', 'Relations between Russia and Iran remain complex']) {
      expect(ri.sentences).toContain(index(s));
    }
    expect(ri.sentences).not.toContain(index('However, recent events signal')); // U.S.–Iran
  });

  it('puts the U.S.–Iran tension on its own dyad and Western sanctions on the West', () => {
    const { dyads } = seedDyads();
    const ui = dyads.find((d) => d.actors.join() === 'IRN,USA')!;
    expect(ui.distrust).toBeGreaterThan(ui.cooperation);
    expect(dyads.find((d) => d.actors.join() === 'IRN,WST')).toMatchObject({ cooperation: 0 });
    expect(dyads.map((d) => d.actors.join())).toEqual([...dyads.map((d) => d.actors.join())].sort());
  });

  it('credits "improved relations" in a clause naming only the Soviet Union to Russia–Iran, not Russia–U.S., through the whole pipeline', () => {
    const doc = seedDoc();
    const dyads = doc.layers.dyads!;
    const index = doc.layers.segments!.sentences.findIndex((s) => s.text.startsWith('The revolution in Iran'));
    const ru = dyads.find((d) => d.actors.join() === 'RUS,USA');
    expect(ru?.sentences ?? []).not.toContain(index);
    expect(dyads.find((d) => d.actors.join() === 'IRN,RUS')!.sentences).toContain(index);
  });

  it('finds Russia–Iran with both cooperation and distrust through the whole pipeline', () => {
    const doc = seedDoc();
    const ri = doc.layers.dyads!.find((d) => d.actors[0] === 'IRN' && d.actors[1] === 'RUS');
    expect(ri).toBeDefined();
    expect(ri!.cooperation).toBeGreaterThan(0);
    expect(ri!.distrust).toBeGreaterThan(0);
  });
});
