// A run killed at any moment (SIGKILL) and run again ends byte-identical to a clean run.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
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
});
