// Scale-out through BullMQ on a real Redis (Debian's redis-server, started here
// on loopback): a coordinator and two worker processes, one killed mid-run,
// give outputs byte-identical to a local run; a poison file fails after a
// bounded number of attempts without stopping the run.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startQueueWorker } from '../src/corpus/queue.js';
import { runCorpus } from '../src/corpus/runner.js';
import { PACKAGE_ROOT } from '../src/data.js';
import { snapshot } from './helpers.js';

const REDIS = '/usr/bin/redis-server';
const BIN = join(PACKAGE_ROOT, 'dist', 'cli.js');
const available = existsSync(REDIS);
if (!available && process.env.CI) throw new Error(`${REDIS} is missing: .ci/run installs Debian's redis-server`);

const temp = mkdtempSync(join(tmpdir(), 'newsevents-queue-'));
let redis: ChildProcess;
let url: string;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  if (!available) return;
  const port = await freePort();
  url = `redis://127.0.0.1:${port}`;
  redis = spawn(REDIS, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    if (spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' }).stdout?.trim() === 'PONG') return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('redis-server did not start');
}, 30_000);

afterAll(() => {
  redis?.kill('SIGKILL');
  rmSync(temp, { recursive: true, force: true });
});


function worker(): ChildProcess {
  return spawn(process.execPath, [BIN, 'worker', '--queue', url, '--jobs', '1', '--quiet'], { stdio: 'ignore' });
}

describe.skipIf(!available)('run --queue with worker processes', () => {
  it('matches a local run byte for byte when a worker is killed mid-run', { timeout: 240_000 }, async () => {
    const corpus = join(temp, 'corpus');
    for (let copy = 0; copy < 3; copy++) {
      mkdirSync(join(corpus, `part${copy}`), { recursive: true });
      cpSync(join(PACKAGE_ROOT, 'corpus'), join(corpus, `part${copy}`), { recursive: true });
      // vary each copy so that no file is an exact duplicate of another
      for (const f of readdirSync(join(corpus, `part${copy}`)).filter((n) => n.endsWith('.txt'))) {
        appendFileSync(join(corpus, `part${copy}`, f), `\nCopy ${copy}.\n`);
      }
    }
    const local = join(temp, 'local');
    await runCorpus({ corpus, out: local, jobs: 1 });

    const workers = [worker(), worker()];
    const out = join(temp, 'queued');
    const coordinator = spawn(process.execPath, [BIN, 'run', corpus, '--out', out, '--queue', url, '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    coordinator.stderr!.on('data', (d) => (stderr += d));
    // Kill one worker once the work is under way.
    const killer = setInterval(() => {
      if (existsSync(join(out, 'articles')) && readdirSync(join(out, 'articles')).length >= 3) {
        workers[0].kill('SIGKILL');
        clearInterval(killer);
      }
    }, 20);
    const code = await new Promise<number | null>((resolve) => coordinator.on('exit', resolve));
    clearInterval(killer);
    workers.forEach((w) => w.kill('SIGTERM'));
    expect(code, stderr).toBe(0);
    expect(workers[0].killed).toBe(true);
    expect(snapshot(out)).toEqual(snapshot(local));
  });

  it('fails a poison file after bounded attempts and processes the rest', { timeout: 120_000 }, async () => {
    const corpus = join(temp, 'poison');
    cpSync(join(PACKAGE_ROOT, 'corpus'), corpus, { recursive: true });
    let attempts = 0;
    const consumer = await startQueueWorker({
      url,
      jobs: 1,
      queueName: 'newsevents-articles',
      process: async (task) => {
        if (task.path === 'us-china-trade.txt') {
          attempts++;
          throw new Error('boom');
        }
        const { processFile } = await import('../src/corpus/work.js');
        return processFile(task);
      },
    });
    try {
      const summary = await runCorpus({ corpus, out: join(temp, 'poison-out'), queue: url });
      expect(summary.failures.map((f) => [f.path, f.diagnostics[0].rule])).toEqual([['us-china-trade.txt', 'processing-failed']]);
      expect(summary.failures[0].diagnostics[0].message).toMatch(/failed on every attempt in the queue: boom/);
      expect(summary.processed).toBe(readdirSync(corpus).filter((f) => f.endsWith('.txt')).length - 1);
      expect(attempts).toBe(3);
    } finally {
      await consumer.close();
    }
  });
});
