import { cpSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCorpus, threadsFor } from '../src/corpus/runner.js';
import { PACKAGE_ROOT } from '../src/data.js';
import { snapshot, temporaryFolders } from './helpers.js';
import { schemaErrors } from './schemas.js';

const tempDir = temporaryFolders('newsevents-');

function corpusCopy(): string {
  const dir = tempDir();
  cpSync(join(PACKAGE_ROOT, 'corpus'), dir, { recursive: true });
  return dir;
}


const lines = (text: string): unknown[] => text.split('\n').filter(Boolean).map((l) => JSON.parse(l));

describe('threads for a batch', () => {
  it('runs a small batch in the calling thread, a larger one on up to one thread per job', () => {
    expect(threadsFor(1, 2)).toBe(0);
    expect(threadsFor(100, 2)).toBe(0);
    expect(threadsFor(101, 2)).toBe(2);
    expect(threadsFor(5000, 4)).toBe(4);
    expect(threadsFor(250, 4)).toBe(3);
  });

  it('runs a large batch on one thread with one job, so that its heap goes when the batch is done', () => {
    expect(threadsFor(9999, 1)).toBe(0);
    expect(threadsFor(10_000, 1)).toBe(1);
    expect(threadsFor(50_000, 1)).toBe(1);
  });
});

describe('corpus run', () => {
  const corpus = corpusCopy();
  const out = tempDir();

  it('writes every output file for the demo corpus, each valid against its schema', async () => {
    const summary = await runCorpus({ corpus, out, jobs: 2 });
    const articles = readdirSync(corpus).filter((f) => f.endsWith('.txt'));
    expect(summary).toMatchObject({ files: articles.length, processed: articles.length, failed: 0 });
    const files = snapshot(out);
    for (const name of ['events.jsonl', 'event-groups.jsonl', 'entities.jsonl', 'dyads.json', 'manifest.json', 'report/index.html']) expect(files[name]).toBeDefined();
    for (const [name, text] of Object.entries(files)) {
      if (name.startsWith('articles/')) expect(schemaErrors('article', JSON.parse(text)), name).toEqual([]);
    }
    for (const event of lines(files['events.jsonl'])) expect(schemaErrors('event', event)).toEqual([]);
    for (const entity of lines(files['entities.jsonl'])) expect(schemaErrors('entity', entity)).toEqual([]);
    for (const group of lines(files['event-groups.jsonl'])) expect(schemaErrors('event-group', group)).toEqual([]);
    expect(schemaErrors('dyads', JSON.parse(files['dyads.json']))).toEqual([]);
    expect(schemaErrors('manifest', JSON.parse(files['manifest.json']))).toEqual([]);
    for (const name of articles) expect(files[`articles/${name.replace(/\.txt$/, '')}.json`]).toBeDefined();
  });

  it('reports every article unchanged on a second run and rewrites nothing', async () => {
    const mtimes = Object.keys(snapshot(out)).map((f) => statSync(join(out, f)).mtimeMs);
    const summary = await runCorpus({ corpus, out, jobs: 2 });
    expect(summary.processed).toBe(0);
    expect(summary.unchanged).toBe(summary.files);
    expect(summary.written).toEqual([]);
    expect(Object.keys(snapshot(out)).map((f) => statSync(join(out, f)).mtimeMs)).toEqual(mtimes);
  });

  it('reprocesses only an edited article, which keeps its id while its hash changes', async () => {
    const path = join(corpus, 'russia-iran-alliance.txt');
    const before = JSON.parse(readFileSync(join(out, 'articles/russia-iran-alliance.json'), 'utf8'));
    writeFileSync(path, readFileSync(path, 'utf8') + '\nRussia and Iran signed a treaty on Friday.\n');
    const summary = await runCorpus({ corpus, out, jobs: 2 });
    expect([summary.processed, summary.unchanged]).toEqual([1, summary.files - 1]);
    const after = JSON.parse(readFileSync(join(out, 'articles/russia-iran-alliance.json'), 'utf8'));
    expect(after.id).toBe(before.id);
    expect(after.source.sha256).not.toBe(before.source.sha256);
  });

  it('says which corpus files changed from its record of them, and repairs one edited since', async () => {
    const events = readFileSync(join(out, 'events.jsonl'), 'utf8');
    writeFileSync(join(out, 'events.jsonl'), events.replace(/"VERBAL_/g, '"VERBAL-'));
    const summary = await runCorpus({ corpus, out, jobs: 2, force: true });
    expect(readFileSync(join(out, 'events.jsonl'), 'utf8')).toBe(events);
    // The content is what was last written: not reported as changed.
    expect(summary.written.filter((f) => !f.startsWith('articles/') && !f.startsWith('report/articles/'))).toEqual([]);
  });

  it('removes the outputs of an article whose file is gone', async () => {
    rmSync(join(corpus, 'russia-iran-alliance.txt'));
    const summary = await runCorpus({ corpus, out, jobs: 2 });
    expect(summary.removed).toBe(1);
    expect(() => statSync(join(out, 'articles/russia-iran-alliance.json'))).toThrow();
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.articles.map((a: { id: string }) => a.id)).not.toContain('russia-iran-alliance');
  });

  it('removes article files that no manifest lists (left by a run killed before its manifest, for an input deleted since)', async () => {
    const stray = { json: 'articles/ghost.json', page: 'report/articles/ghost.html', fragment: '.fragments/ghost.jsonl' };
    for (const path of Object.values(stray)) writeFileSync(join(out, path), '{"half": ');
    const before = Object.keys(snapshot(out)).filter((f) => !Object.values(stray).includes(f));
    await runCorpus({ corpus, out, jobs: 2 });
    const after = Object.keys(snapshot(out));
    for (const path of Object.values(stray)) expect(after).not.toContain(path);
    expect(after).toEqual(before);
  });

  it('groups a happening that several articles report, and counts it once in dyads.json', async () => {
    const dir = tempDir();
    const report = (name: string, published: string, sentence: string) => {
      writeFileSync(join(dir, `${name}.txt`), `Talks in Geneva\n\n${sentence}\n`);
      writeFileSync(join(dir, `${name}.meta.json`), JSON.stringify({ published, publisher: name }));
    };
    report('wire-a', '2025-03-05', 'Armenia and Azerbaijan signed a peace agreement in Geneva on Tuesday, ending decades of conflict over the border.');
    report('wire-b', '2025-03-06', 'Azerbaijan and Armenia signed a peace agreement in Geneva this week, officials said, ending a long border conflict.');
    report('wire-c', '2025-03-05', 'Egypt and Sudan held talks on the Nile dam on Tuesday.');
    const target = tempDir();
    await runCorpus({ corpus: dir, out: target, jobs: 1 });
    const groups = lines(readFileSync(join(target, 'event-groups.jsonl'), 'utf8')) as { members: string[]; articles: number; actors: string[]; first: { articleId: string } }[];
    // The signing (and the agreement it makes) are told by wire-a and wire-b; the Egypt–Sudan talks only once.
    expect(groups.length).toBeGreaterThanOrEqual(1);
    for (const g of groups) {
      expect([g.members.length, g.articles, [...g.actors].sort(), g.first.articleId]).toEqual([2, 2, ['ARM', 'AZE'], 'wire-a']);
    }
    const dyads = JSON.parse(readFileSync(join(target, 'dyads.json'), 'utf8')).dyads as { actors: string[]; periods: { events: Record<string, number>; reports: Record<string, number> }[] }[];
    const pair = dyads.find((d) => d.actors.join('-') === 'ARM-AZE')!;
    const sum = (k: 'events' | 'reports') => pair.periods.reduce((s, p) => s + Object.values(p[k]).reduce((a, b) => a + b, 0), 0);
    expect(sum('reports') - sum('events')).toBe(groups.length);
  });

  it('gives byte-identical output whatever the job count', async () => {
    const one = tempDir();
    const four = tempDir();
    await runCorpus({ corpus: join(PACKAGE_ROOT, 'corpus'), out: one, jobs: 1 });
    await runCorpus({ corpus: join(PACKAGE_ROOT, 'corpus'), out: four, jobs: 4, articlesPerThread: 1 }); // a pool of 4 threads
    expect(snapshot(four)).toEqual(snapshot(one));
  });

  it('gives the same output when the check runs on a thread of its own (as for a large corpus)', async () => {
    const dir = corpusCopy();
    cpSync(join(PACKAGE_ROOT, 'fixtures/hostile'), join(dir, 'hostile'), { recursive: true });
    const here = tempDir();
    const threaded = tempDir();
    const summary = await runCorpus({ corpus: dir, out: here, jobs: 1 });
    const onThread = await runCorpus({ corpus: dir, out: threaded, jobs: 1, filesForCheckThread: 1 });
    expect(onThread.failures).toEqual(summary.failures);
    expect(snapshot(threaded)).toEqual(snapshot(here));
  });

  it('records a bad article with a clear, positioned error and still processes the rest', async () => {
    const dir = corpusCopy();
    cpSync(join(PACKAGE_ROOT, 'fixtures/hostile'), join(dir, 'hostile'), { recursive: true });
    const target = tempDir();
    const summary = await runCorpus({ corpus: dir, out: target, jobs: 2 });
    const good = readdirSync(join(PACKAGE_ROOT, 'corpus')).filter((f) => f.endsWith('.txt')).length;
    expect(summary.processed).toBe(good);
    expect(summary.failures.map((f) => [f.path, f.diagnostics[0].rule])).toEqual([
      ['hostile/bad-sidecar.txt', 'sidecar-published'],
      ['hostile/binary.txt', 'binary'],
      ['hostile/empty.txt', 'empty'],
    ]);
    expect(summary.failures[1].diagnostics[0].start).toBe(4);
    const manifest = JSON.parse(readFileSync(join(target, 'manifest.json'), 'utf8'));
    expect(manifest.articles.filter((a: { status: string }) => a.status === 'failed')).toHaveLength(3);
    expect(readdirSync(target).some((f) => f.endsWith('.tmp'))).toBe(false);
  });
});
