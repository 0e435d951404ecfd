// `npm run bench [-- --articles N --naive-sample M]`: throughput of the full
// pipeline (1 job, all cores) against the floor (wink-nlp alone on the same
// texts) and a naive baseline (compromise + chrono-node per article), the cost
// of a no-op re-run and of one added article, and peak RSS. Prints figures.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chrono from 'chrono-node';
import nlpCompromise from 'compromise';
import { PACKAGE_ROOT } from '../data.js';
import { getNlp } from '../nlp.js';

/** The floor: wink reading text with tokens, sentences and part of speech, nothing else. */
const floorNlp = getNlp(['sbd', 'pos']);
import { writeSyntheticCorpus } from './synthetic.js';

interface RunStats {
  files: number;
  processed: number;
  unchanged: number;
  failed: number;
  milliseconds: number;
  peakRssMB: number;
}

const CLI = join(PACKAGE_ROOT, 'dist', 'cli.js');

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

function cliRun(corpus: string, out: string, jobs: number): RunStats {
  const r = spawnSync(process.execPath, [CLI, 'run', corpus, '--out', out, '--jobs', String(jobs), '--quiet', '--stats'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`run failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as RunStats;
}

function* articleFiles(dir: string): Generator<string> {
  for (const part of readdirSync(dir).sort()) {
    for (const f of readdirSync(join(dir, part)).sort()) if (f.endsWith('.txt')) yield join(dir, part, f);
  }
}

/** The floor: wink reading each text (tokens, sentences, POS), nothing else. */
function winkAlone(dir: string): number {
  const started = performance.now();
  for (const file of articleFiles(dir)) {
    const doc = floorNlp.readDoc(readFileSync(file, 'utf8'));
    doc.tokens().out(floorNlp.its.pos);
    doc.sentences().out();
  }
  return performance.now() - started;
}

/** The naive baseline: compromise's names and chrono's dates on each whole article. */
function naive(dir: string, sample: number): { ms: number; articles: number; bytes: number } {
  let articles = 0;
  let bytes = 0;
  const started = performance.now();
  for (const file of articleFiles(dir)) {
    if (articles >= sample) break;
    const text = readFileSync(file, 'utf8');
    const doc = nlpCompromise(text);
    doc.people().out('array');
    doc.places().out('array');
    doc.organizations().out('array');
    chrono.parse(text);
    articles++;
    bytes += Buffer.byteLength(text);
  }
  return { ms: performance.now() - started, articles, bytes };
}

function main(): void {
  const count = argument('articles', 5000);
  const sample = argument('naive-sample', Math.min(count, 500));
  const cores = availableParallelism();
  const root = mkdtempSync(join(tmpdir(), 'newsevents-bench-'));
  try {
    const corpus = writeSyntheticCorpus(join(PACKAGE_ROOT, 'corpus'), join(root, 'corpus'), count);
    const mb = corpus.bytes / 1e6;
    const rate = (articles: number, ms: number): string => `${((articles / ms) * 1000).toFixed(1)} articles/s`;
    const mbps = (bytes: number, ms: number): string => `${((bytes / 1e6 / ms) * 1000).toFixed(2)} MB/s`;
    console.log(`synthetic corpus: ${count} articles, ${mb.toFixed(1)} MB (node ${process.version}, ${cores} cores)`);

    const floorMs = winkAlone(corpus.dir);
    const one = cliRun(corpus.dir, join(root, 'out1'), 1);
    const all = cliRun(corpus.dir, join(root, 'outN'), cores);
    const noop = cliRun(corpus.dir, join(root, 'outN'), cores);
    writeFileSync(join(corpus.dir, 'part000', 'added.txt'), readFileSync(join(PACKAGE_ROOT, 'corpus', 'russia-iran-alliance.txt')));
    const added = cliRun(corpus.dir, join(root, 'outN'), cores);
    const baseline = naive(corpus.dir, sample);
    const naivePerArticle = baseline.ms / baseline.articles;

    const rows: [string, string][] = [
      ['wink-nlp alone (floor)', `${rate(count, floorMs)}, ${mbps(corpus.bytes, floorMs)}`],
      ['full pipeline, 1 job', `${rate(count, one.milliseconds)}, ${mbps(corpus.bytes, one.milliseconds)}, peak RSS ${one.peakRssMB} MB`],
      [`full pipeline, ${cores} jobs`, `${rate(count, all.milliseconds)}, ${mbps(corpus.bytes, all.milliseconds)}, peak RSS ${all.peakRssMB} MB`],
      [`naive compromise + chrono (${baseline.articles} articles)`, `${rate(baseline.articles, baseline.ms)}, ${mbps(baseline.bytes, baseline.ms)}`],
      ['pipeline 1 job / wink floor', `${((floorMs / one.milliseconds) * 100).toFixed(0)}%`],
      ['pipeline 1 job / naive baseline', `${((naivePerArticle * count) / one.milliseconds).toFixed(1)}x`],
      [`${cores} jobs / 1 job`, `${(one.milliseconds / all.milliseconds).toFixed(2)}x`],
      ['no-op re-run', `${noop.milliseconds} ms (${((noop.milliseconds / all.milliseconds) * 100).toFixed(1)}% of the full run; ${noop.unchanged} unchanged)`],
      ['one article added', `${added.milliseconds} ms (${added.processed} processed)`],
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  } finally {
    if (!process.argv.includes('--keep')) rmSync(root, { recursive: true, force: true });
  }
}

main();
