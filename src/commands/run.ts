import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { runCorpus, type RunSummary } from '../corpus/runner.js';
import { watchCorpus } from '../corpus/watch.js';
import { EXIT, UsageError } from '../errors.js';
import { createProgress } from './progress.js';

export interface RunCommandOptions {
  corpus: string;
  out: string;
  jobs?: number;
  maxBytes?: number;
  queue?: string;
  force: boolean;
  quiet: boolean;
  watch: boolean;
  /** Print the summary as JSON on stdout (for scripts and the benchmark). */
  stats: boolean;
}

export async function runCommand(options: RunCommandOptions): Promise<number> {
  const corpus = resolve(options.corpus);
  const info = await stat(corpus).catch(() => null);
  if (!info?.isDirectory()) throw new UsageError(`corpus folder not found: ${options.corpus}`);
  if (options.watch) return watchCommand(corpus, options);
  const progress = createProgress(process.stderr, { quiet: options.quiet });
  let failed = 0;
  const summary = await runCorpus({
    corpus,
    out: resolve(options.out),
    jobs: options.jobs ?? availableParallelism(),
    force: options.force,
    maxBytes: options.maxBytes,
    queue: options.queue,
    onFile: ({ status, done, total }) => {
      if (status === 'failed') failed++;
      progress.update({ done, total, failed });
    },
  });
  progress.finish();
  if (!options.quiet) process.stderr.write(describe(summary) + '\n');
  if (options.stats) {
    const { failures, written, ...counts } = summary;
    const peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
    process.stdout.write(JSON.stringify({ ...counts, written: written.length, failures: failures.length, peakRssMB }) + '\n');
  }
  for (const failure of summary.failures) {
    for (const d of failure.diagnostics.filter((x) => x.severity === 'error')) {
      process.stderr.write(`error ${failure.path}${d.start !== undefined ? `:${d.start}` : ''} ${d.stage}:${d.rule} ${d.message}\n`);
    }
  }
  return summary.failed > 0 ? EXIT.articleFailed : EXIT.ok;
}

/** Runs once, then again on every change, until interrupted. */
async function watchCommand(corpus: string, options: RunCommandOptions): Promise<number> {
  const watcher = watchCorpus({
    corpus,
    out: resolve(options.out),
    jobs: options.jobs ?? availableParallelism(),
    force: options.force,
    maxBytes: options.maxBytes,
    onRun: (summary) => {
      process.stderr.write(describe(summary) + '\n');
      for (const failure of summary.failures) process.stderr.write(`error ${failure.path} ${failure.diagnostics[0]?.message ?? ''}\n`);
    },
    onError: (e) => process.stderr.write(`newsevents: run failed: ${e.message}\n`),
  });
  await watcher.ready;
  process.stderr.write(`watching ${corpus} for changes (Ctrl-C to stop)\n`);
  await new Promise<void>((done) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => done());
  });
  watcher.close();
  return EXIT.ok;
}

function describe(s: RunSummary): string {
  const unchanged = s.processed === 0 && s.removed === 0 && s.written.length === 0 ? ' (all unchanged, nothing rewritten)' : '';
  const excluded = s.excluded > 0 ? `, ${s.excluded} excluded (other language or duplicate)` : '';
  return `${s.files} files: ${s.processed} articles processed, ${s.unchanged} unchanged, ${s.failed} failed${excluded}, ${s.removed} removed; ${s.written.length} files written in ${(s.milliseconds / 1000).toFixed(2)} s${unchanged}`;
}
