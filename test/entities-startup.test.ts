import { describe, expect, it, vi } from 'vitest';

// Every data file the stage reads goes through loadData: recording its calls shows when the stage compiles.
const loaded = vi.hoisted(() => [] as string[]);
vi.mock('../src/data.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/data.js')>();
  return {
    ...original,
    loadData: <T>(path: string): T => {
      loaded.push(path);
      return original.loadData<T>(path);
    },
  };
});

describe('entities start-up', () => {
  it('reads and compiles no gazetteer or word list when the stage module is imported, only on its first run', async () => {
    const { entitiesStage } = await import('../src/stages/entities/index.js');
    expect(loaded.filter((p) => p.startsWith('entities/') || p.startsWith('actors/'))).toEqual([]);

    const { docFromText } = await import('./helpers.js');
    const doc = docFromText('Iranian Foreign Minister Abbas Araghchi met Russian President Vladimir Putin in Moscow on Friday.', { until: 'dates' });
    const entities = entitiesStage.run(doc).layer;
    expect(loaded).toEqual(expect.arrayContaining(['entities/countries.json', 'entities/titles.json', 'entities/name-lexicon.json', 'actors/leaders.json']));
    expect(entities.map((e) => [e.name, e.actor])).toEqual([
      ['Iranian', 'IRN'],
      ['Abbas Araghchi', 'IRNGOV'],
      ['Russian', 'RUS'],
      ['Vladimir Putin', 'RUSGOV'],
      ['Moscow', 'RUS'],
    ]);
  });
});
