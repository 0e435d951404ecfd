// `npm run bench:threads [-- --articles N --threads T]`: how the pipeline scales
// over worker threads, without the corpus runner around it. Each thread runs
// processFile on its share of a synthetic corpus in batches of 100 articles and
// reports each batch's wall milliseconds per article: the warm-up curve (module
// loading, dictionary compilation, V8's optimising compiler) and the steady
// state, for 1 thread and for T threads. Prints figures.
import { readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { PACKAGE_ROOT } from '../data.js';
import { writeSyntheticCorpus } from './synthetic.js';

const BATCH = 100;

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

/** In a thread: every batch of its files, timed. */
async function runThread(files: string[]): Promise<void> {
  const { processFile } = await import('../corpus/work.js');
  const batches: number[] = [];
  for (let i = 0; i < files.length; i += BATCH) {
    const started = performance.now();
    const batch = files.slice(i, i + BATCH);
    for (const file of batch) processFile({ path: 'bench.txt', bytes: readFileSync(file) });
    batches.push((performance.now() - started) / batch.length);
  }
  parentPort!.postMessage(batches);
}

/** T threads, each on every T-th batch of files; wall ms and each thread's batch curve. */
async function measure(files: string[], threads: number): Promise<{ ms: number; curves: number[][] }> {
  const shares = Array.from({ length: threads }, (_, t) => files.filter((_, i) => Math.floor(i / BATCH) % threads === t));
  const started = performance.now();
  const curves = await Promise.all(
    shares.map(
      (share) =>
        new Promise<number[]>((resolve, reject) => {
          const worker = new Worker(fileURLToPath(import.meta.url), { workerData: share });
          worker.once('message', resolve);
          worker.once('error', reject);
        }),
    ),
  );
  return { ms: performance.now() - started, curves };
}

async function main(): Promise<void> {
  const count = argument('articles', 4000);
  const threads = argument('threads', availableParallelism());
  const root = mkdtempSync(join(tmpdir(), 'newsevents-threads-'));
  try {
    const corpus = writeSyntheticCorpus(join(PACKAGE_ROOT, 'corpus'), root, count);
    const files = readdirSync(corpus.dir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => join(corpus.dir, f));
    const one = await measure(files, 1);
    const many = await measure(files, threads);
    const curve = (c: number[]): string => c.map((ms) => ms.toFixed(1)).join(' ');
    console.log(`synthetic corpus: ${files.length} articles; ms per article for each batch of ${BATCH}, in order`);
    console.log(`1 thread:  ${(one.ms / 1000).toFixed(1)} s; ${curve(one.curves[0])}`);
    many.curves.forEach((c, t) => console.log(`${threads} threads, thread ${t + 1}: ${curve(c)}`));
    const steady = (c: number[]): number => c.slice(Math.floor(c.length / 2)).reduce((a, b) => a + b, 0) / (c.length - Math.floor(c.length / 2));
    console.log(`${threads} threads: ${(many.ms / 1000).toFixed(1)} s, ${(one.ms / many.ms).toFixed(2)}x one thread`);
    console.log(`steady state (second half of the batches): 1 thread ${steady(one.curves[0]).toFixed(2)} ms per article, ${threads} threads ${many.curves.map((c) => steady(c).toFixed(2)).join(' / ')} ms per article each`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (isMainThread) await main();
else await runThread(workerData as string[]);
