// The project's own gold events (fixtures/events) and the scorer that compares the stage with them.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../src/data.js';
import { eventGoldErrors, eventGoldFigures, readEventGold, scoreEventGold, type EventGoldReport } from '../src/eval/event-gold.js';

const FIXTURES = join(PACKAGE_ROOT, 'fixtures', 'events');

describe('event gold: the fixtures', () => {
  const articles = readEventGold(FIXTURES);

  it('codes at least twelve articles, the seven of corpus/ among them, with 80 or more events', () => {
    expect(articles.length).toBeGreaterThanOrEqual(12);
    expect(articles.filter((a) => a.article.startsWith('../../corpus/')).length).toBe(7);
    expect(articles.reduce((n, a) => n + a.events.length, 0)).toBeGreaterThanOrEqual(80);
  });

  it('places every gold event: a unique sentence opening, then its trigger; dates the articles as their sidecars do', () => {
    for (const a of articles) {
      const path = join(FIXTURES, a.article);
      const text = readFileSync(path, 'utf8');
      const sidecar = JSON.parse(readFileSync(path.replace(/\.txt$/, '.meta.json'), 'utf8')) as { published: string };
      expect(sidecar.published, a.name).toBe(a.published);
      for (const e of a.events) {
        const at = text.indexOf(e.sentence);
        expect(at, `${a.name}: ${e.sentence}`).toBeGreaterThanOrEqual(0);
        expect(text.indexOf(e.sentence, at + 1), `${a.name}: ${e.sentence} twice`).toBe(-1);
        expect(text.indexOf(e.trigger, at), `${a.name}: ${e.trigger}`).toBeGreaterThan(at - 1);
      }
    }
  });

  it('covers the constructions the set is for: mutual, negated, hypothetical, future and historical events', () => {
    const events = articles.flatMap((a) => a.events);
    expect(events.filter((e) => e.mutual).length).toBeGreaterThan(20);
    for (const mode of ['negated', 'hypothetical', 'future']) expect(events.filter((e) => e.mode === mode).length).toBeGreaterThanOrEqual(5);
    expect(events.filter((e) => e.historical).length).toBeGreaterThanOrEqual(10);
  });
});

describe('event gold: the scorer', () => {
  let report: EventGoldReport;
  beforeAll(() => {
    // A one-article fixture: a meeting (mutual, coded in the other order), an attack (directed), and a miss.
    const dir = mkdtempSync(join(tmpdir(), 'event-gold-'));
    mkdirSync(join(dir, 'gold'));
    mkdirSync(join(dir, 'articles'));
    writeFileSync(
      join(dir, 'articles', 'a.txt'),
      'Russia and Iran Meet\n\nRussia and Iran held talks in Tehran on Monday. Russia attacked Ukraine on Tuesday. China praised Brazil.\n',
    );
    writeFileSync(join(dir, 'articles', 'a.meta.json'), JSON.stringify({ title: 'Russia and Iran Meet', published: '2024-03-06' }));
    const gold = [
      { article: 'articles/a.txt', published: '2024-03-06' },
      { sentence: 'Russia and Iran held', trigger: 'held talks', source: 'RUSGOV', target: 'IRN', mutual: true, type: 'CONSULT', quad: 'VERBAL_COOPERATION', mode: 'asserted', historical: false, date: '2024-03-04' },
      { sentence: 'Russia attacked', trigger: 'attacked', source: 'RUS', target: 'UKR', mutual: false, type: 'ASSAULT', quad: 'MATERIAL_CONFLICT', mode: 'asserted', historical: false, date: '2024-03-05' },
      { sentence: 'China praised', trigger: 'praised', source: 'CHN', target: 'BRA', mutual: false, type: 'ACCUSE', quad: 'VERBAL_CONFLICT', mode: 'asserted', historical: false, date: '2024-03-06' },
    ];
    writeFileSync(join(dir, 'gold', 'a.jsonl'), gold.map((g) => JSON.stringify(g)).join('\n') + '\n');
    report = scoreEventGold(dir);
  });

  it('matches by sentence, country-level actors (either order for a mutual event) and category', () => {
    expect(report.gold).toBe(3);
    expect(report.matches.map((m) => [m.gold.gold.trigger, m.system.type])).toEqual([
      ['held talks', 'CONSULT'],
      ['attacked', 'ASSAULT'],
    ]);
    // The praise is SUPPORT, not the gold's ACCUSE: aligned (same actors), not matched.
    expect(report.aligned.map((a) => a.system.type)).toContain('SUPPORT');
    const f = eventGoldFigures(report);
    expect(f.recall).toBeCloseTo(2 / 3, 5);
    expect(f.precision).toBeCloseTo(2 / report.system, 5);
    expect(f.quadAccuracy).toBeCloseTo(2 / 3, 5);
  });

  it('lists misses with what the system has for the same actors, and date disagreements', () => {
    const errors = eventGoldErrors(report);
    expect(errors.some((e) => e.startsWith('missed') && e.includes('ACCUSE CHN->BRA') && e.includes('system has SUPPORT'))).toBe(true);
    for (const m of report.matches) if (m.system.date.value !== m.gold.gold.date) expect(errors.some((e) => e.startsWith('date'))).toBe(true);
  });
});

describe('event gold: the stage on the set', () => {
  it('stays above a floor under its targets (event F1 0.80, mode accuracy 0.95)', () => {
    const f = eventGoldFigures(scoreEventGold(FIXTURES));
    expect(f.f1).toBeGreaterThanOrEqual(0.75);
    expect(f.modeAccuracy).toBeGreaterThanOrEqual(0.95);
  });
});
