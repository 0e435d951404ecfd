import { cpSync, existsSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../src/corpus/runner.js';
import { watchCorpus } from '../src/corpus/watch.js';
import { PACKAGE_ROOT } from '../src/data.js';

const temp = mkdtempSync(join(tmpdir(), 'newsevents-watch-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('run --watch', () => {
  it('processes new, changed and removed files as they arrive, debounced', async () => {
    const corpus = join(temp, 'corpus');
    const out = join(temp, 'out');
    cpSync(join(PACKAGE_ROOT, 'corpus'), corpus, { recursive: true });
    const runs: RunSummary[] = [];
    const watcher = watchCorpus({ corpus, out, jobs: 1, debounceMs: 100, onRun: (s) => runs.push(s), onError: (e) => { throw e; } });
    try {
      await watcher.ready;
      expect(runs).toHaveLength(1);
      const total = runs[0].files;

      writeFileSync(join(corpus, 'late.txt'), 'A Late Story\n\nIran and Iraq signed a trade agreement on Monday.\n');
      writeFileSync(join(corpus, 'late.meta.json'), '{"published":"2025-02-05"}');
      await until(() => existsSync(join(out, 'articles', 'late.json')) && runs.at(-1)!.files === total + 1);
      expect(runs.at(-1)!.processed).toBe(1);

      unlinkSync(join(corpus, 'late.txt'));
      // The outputs go before the run reports: wait for the report of that run.
      await until(() => runs.some((r) => r.removed === 1));
      expect(existsSync(join(out, 'articles', 'late.json'))).toBe(false);
    } finally {
      watcher.close();
    }
  });
});
