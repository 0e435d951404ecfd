// `npm run bench:queue [-- --articles N]`: the queue's overhead. The same
// synthetic corpus through the in-process run, then through a coordinator with
// 1 and with 2 local `newsevents worker` processes over a Redis started here
// (Debian's redis-server on loopback).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../data.js';
import { writeSyntheticCorpus } from './synthetic.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'cli.js');

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function timedRun(args: string[]): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, [CLI, 'run', ...args, '--quiet'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`run failed (${r.status}): ${r.stderr}`);
  return performance.now() - started;
}

async function main(): Promise<void> {
  if (!existsSync('/usr/bin/redis-server')) throw new Error('needs /usr/bin/redis-server (apt-get install redis-server)');
  const count = argument('articles', 2000);
  const root = mkdtempSync(join(tmpdir(), 'newsevents-bench-queue-'));
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const redis = spawn('/usr/bin/redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const workers: ChildProcess[] = [];
  try {
    for (let i = 0; i < 50 && spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' }).stdout?.trim() !== 'PONG'; i++) await new Promise((r) => setTimeout(r, 100));
    const corpus = writeSyntheticCorpus(join(PACKAGE_ROOT, 'corpus'), join(root, 'corpus'), count);
    const cores = availableParallelism();
    console.log(`synthetic corpus: ${count} articles, ${(corpus.bytes / 1e6).toFixed(1)} MB; ${cores} cores; wall time including start-up`);
    const rate = (ms: number): string => `${((count / ms) * 1000).toFixed(1)} articles/s (${(ms / 1000).toFixed(1)} s)`;
    console.log(`in-process, ${cores} jobs:`.padEnd(36), rate(timedRun([corpus.dir, '--out', join(root, 'local'), '--jobs', String(cores)])));
    for (const n of [1, 2]) {
      while (workers.length < n) workers.push(spawn(process.execPath, [CLI, 'worker', '--queue', url, '--jobs', '1', '--quiet'], { stdio: 'ignore' }));
      const ms = timedRun([corpus.dir, '--out', join(root, `queue${n}`), '--queue', url]);
      console.log(`queue, ${n} worker process(es) × 1 job:`.padEnd(36), rate(ms));
    }
  } finally {
    workers.forEach((w) => w.kill('SIGTERM'));
    redis.kill('SIGKILL');
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
