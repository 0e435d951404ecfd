// A run killed at any moment (SIGKILL) and run again ends byte-identical to a clean run.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../src/data.js';
import { snapshot } from './helpers.js';

const BIN = join(PACKAGE_ROOT, 'dist', 'cli.js');
const temp = mkdtempSync(join(tmpdir(), 'newsevents-crash-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));


/** The demo corpus four times over, in sub-folders, so a run lasts long enough to be killed mid-way. */
function bigCorpus(): string {
  const dir = join(temp, 'corpus');
  for (let copy = 0; copy < 4; copy++) {
    mkdirSync(join(dir, `copy${copy}`), { recursive: true });
    cpSync(join(PACKAGE_ROOT, 'corpus'), join(dir, `copy${copy}`), { recursive: true });
  }
  return dir;
}

function killAfter(ms: number, args: string[]): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe('crash safety', () => {
  it('ends byte-identical to a clean run after SIGKILL at several points', { timeout: 300_000 }, async () => {
    const corpus = bigCorpus();
    const clean = join(temp, 'clean');
    const started = Date.now();
    expect(spawnSync(process.execPath, [BIN, 'run', corpus, '--out', clean, '--quiet', '--jobs', '2']).status).toBe(0);
    const duration = Date.now() - started;
    const expected = snapshot(clean);

    // Kill points spread over a whole run: start-up, processing, aggregation, manifest.
    for (const ms of [0.2, 0.4, 0.6, 0.75, 0.9].map((f) => Math.round(f * duration))) {
      const out = join(temp, `killed-${ms}`);
      await killAfter(ms, ['run', corpus, '--out', out, '--quiet', '--jobs', '2']);
      // A second kill during the recovery run, then a run to completion.
      await killAfter(ms / 2, ['run', corpus, '--out', out, '--quiet', '--jobs', '2']);
      const final = spawnSync(process.execPath, [BIN, 'run', corpus, '--out', out, '--quiet', '--jobs', '2'], { encoding: 'utf8' });
      expect(final.status, final.stderr).toBe(0);
      expect(snapshot(out), `killed after ${ms} ms`).toEqual(expected);
    }
  });

  it('ends byte-identical to a clean run after SIGKILL during a run that redoes a few articles from the aggregation ledger', { timeout: 300_000 }, async () => {
    // One article edited, one added between others, one removed.
    const change = (corpus: string): void => {
      appendFileSync(join(corpus, 'saudi-iran-detente.txt'), '\nSaudi Arabia and Iran signed a trade accord on Monday.\n');
      writeFileSync(join(corpus, 'oman-iran-talks.txt'), 'Oman hosts talks\n\nOman and Iran held talks in Muscat on Sunday about shipping in the Gulf.\n');
      rmSync(join(corpus, 'us-china-trade.txt'));
    };
    const args = (corpus: string, out: string): string[] => ['run', corpus, '--out', out, '--quiet', '--jobs', '1'];
    const run = (corpus: string, out: string): number => spawnSync(process.execPath, [BIN, ...args(corpus, out)]).status ?? -1;
    /** A corpus run once as it was, then changed: the next run reads the ledger. */
    const changedAfterRun = (name: string): { corpus: string; out: string } => {
      const corpus = join(temp, `${name}-corpus`);
      const out = join(temp, `${name}-out`);
      cpSync(join(PACKAGE_ROOT, 'corpus'), corpus, { recursive: true });
      expect(run(corpus, out)).toBe(0);
      change(corpus);
      return { corpus, out };
    };

    const clean = join(temp, 'changed-clean');
    const reference = join(temp, 'changed-corpus');
    cpSync(join(PACKAGE_ROOT, 'corpus'), reference, { recursive: true });
    change(reference);
    expect(run(reference, clean)).toBe(0);
    const expected = snapshot(clean);

    const probe = changedAfterRun('probe');
    const started = Date.now();
    expect(run(probe.corpus, probe.out)).toBe(0);
    const duration = Date.now() - started;
    expect(snapshot(probe.out)).toEqual(expected);

    for (const ms of [0.3, 0.5, 0.7, 0.85, 0.95].map((f) => Math.round(f * duration))) {
      const { corpus, out } = changedAfterRun(`ledger-killed-${ms}`);
      await killAfter(ms, args(corpus, out));
      expect(run(corpus, out)).toBe(0);
      expect(snapshot(out), `killed after ${ms} ms`).toEqual(expected);
    }
  });
});
