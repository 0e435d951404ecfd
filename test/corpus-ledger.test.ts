// The aggregation ledger: a run that changed a few articles rebuilds the corpus
// files from its record of the others, and must write exactly what a run from
// scratch writes on the same corpus.
import { appendFileSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEDGER_PATH } from '../src/corpus/ledger.js';
import { runCorpus } from '../src/corpus/runner.js';
import { PACKAGE_ROOT } from '../src/data.js';
import { snapshot, temporaryFolders } from './helpers.js';

const tempDir = temporaryFolders('newsevents-ledger-');

/** An article told by two wires (their events group), beside the demo corpus. */
function report(dir: string, name: string, published: string, sentence: string): void {
  writeFileSync(join(dir, `${name}.txt`), `Talks in Geneva\n\n${sentence}\n`);
  writeFileSync(join(dir, `${name}.meta.json`), JSON.stringify({ published, publisher: name }));
}

/** What a run from nothing writes for the corpus as it now is. */
async function fromScratch(corpus: string): Promise<Record<string, string>> {
  const out = tempDir();
  await runCorpus({ corpus, out, jobs: 1 });
  return snapshot(out);
}

/** The ledger's JSON (its integer arrays are in a file beside it). */
const ledgerOf = (out: string): { articles: [string, ...unknown[]][]; buckets: [string, unknown, unknown[]][] } => JSON.parse(readFileSync(join(out, LEDGER_PATH), 'utf8'));

describe('corpus files rebuilt from the aggregation ledger', () => {
  const corpus = tempDir();
  cpSync(join(PACKAGE_ROOT, 'corpus'), corpus, { recursive: true });
  report(corpus, 'wire-a', '2025-03-05', 'Armenia and Azerbaijan signed a peace agreement in Geneva on Tuesday, ending decades of conflict over the border.');
  report(corpus, 'wire-c', '2025-03-06', 'Azerbaijan and Armenia signed a peace agreement in Geneva this week, officials said, ending a long border conflict.');
  const out = tempDir();

  it('keeps every article and the groups of each bucket after a run', async () => {
    await runCorpus({ corpus, out, jobs: 1 });
    const ledger = ledgerOf(out);
    expect(ledger.articles.map((a) => a[0])).toEqual(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).articles.map((a: { id: string }) => a.id));
    const groups = readFileSync(join(out, 'event-groups.jsonl'), 'utf8').split('\n').filter(Boolean);
    expect(ledger.buckets.reduce((n, [, , groups]) => n + groups.length, 0)).toBe(groups.length);
    expect(groups.length).toBeGreaterThan(0);
  });

  it('writes what a run from scratch writes when an article arrives between others (joining their group)', async () => {
    report(corpus, 'wire-b', '2025-03-05', 'Armenia and Azerbaijan signed a peace agreement in Geneva on Tuesday, the foreign ministers said.');
    const summary = await runCorpus({ corpus, out, jobs: 1 });
    expect(summary.processed).toBe(1);
    const groups = readFileSync(join(out, 'event-groups.jsonl'), 'utf8');
    expect(groups).toContain('"wire-b:');
    expect(snapshot(out)).toEqual(await fromScratch(corpus));
  });

  it('writes what a run from scratch writes when an article is edited', async () => {
    appendFileSync(join(corpus, 'russia-iran-alliance.txt'), '\nRussia and Iran signed a treaty on Friday.\n');
    expect((await runCorpus({ corpus, out, jobs: 1 })).processed).toBe(1);
    expect(snapshot(out)).toEqual(await fromScratch(corpus));
  });

  it('writes what a run from scratch writes when articles are removed, the first of a group among them', async () => {
    rmSync(join(corpus, 'wire-a.txt'));
    rmSync(join(corpus, 'wire-a.meta.json'));
    rmSync(join(corpus, 'us-china-trade.txt'));
    expect((await runCorpus({ corpus, out, jobs: 1 })).removed).toBe(2);
    expect(ledgerOf(out).articles.map((a) => a[0])).not.toContain('wire-a');
    expect(snapshot(out)).toEqual(await fromScratch(corpus));
  });

  it('builds from every fragment when a corpus file changed since the ledger was written', async () => {
    const events = join(out, 'events.jsonl');
    writeFileSync(events, readFileSync(events, 'utf8').replace(/"VERBAL_/g, '"VERBAL-'));
    report(corpus, 'wire-d', '2025-03-07', 'Egypt and Sudan held talks on the Nile dam on Tuesday.');
    await runCorpus({ corpus, out, jobs: 1 });
    expect(readFileSync(events, 'utf8')).not.toContain('"VERBAL-');
    expect(snapshot(out)).toEqual(await fromScratch(corpus));
  });

  it('builds from every fragment when the ledger is unreadable', async () => {
    writeFileSync(join(out, LEDGER_PATH), '{"version": 1, "build":');
    appendFileSync(join(corpus, 'wire-d.txt'), 'Egypt said the talks would resume.\n');
    await runCorpus({ corpus, out, jobs: 1 });
    expect(ledgerOf(out).articles.map((a) => a[0])).toContain('wire-d');
    expect(snapshot(out)).toEqual(await fromScratch(corpus));
  });
});
