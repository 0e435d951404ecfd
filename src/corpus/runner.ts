// The corpus layer: the only place with I/O and concurrency. discover → skip
// unchanged → run articles (p-queue) → write atomically → aggregate → report →
// manifest last, so a run killed part-way is simply redone by the next one.
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import PQueue from 'p-queue';
import type { Diagnostic } from '../article.js';
import { articleId, sha256 } from '../stages/ingest/index.js';
import { aggregate, articleOutputs } from './aggregate.js';
import { discover, type CorpusInput } from './discover.js';
import { readJson, writeAtomic, writeIfChanged } from './files.js';
import { emptyManifest, sameBuild, type Manifest, type ManifestArticle } from './manifest.js';
import { createExecutor, type Executor } from './pool.js';

export interface RunOptions {
  corpus: string;
  out: string;
  jobs?: number;
  force?: boolean;
  /** Called after each article; the CLI prints progress with it. */
  onArticle?: (event: { path: string; id: string; status: 'processed' | 'skipped' | 'failed'; done: number; total: number }) => void;
}

export interface RunSummary {
  total: number;
  processed: number;
  skipped: number;
  failed: number;
  removed: number;
  /** Files written (relative to the output folder); empty when nothing changed. */
  written: string[];
  failures: { path: string; id: string; diagnostics: Diagnostic[] }[];
  milliseconds: number;
}

export async function runCorpus(options: RunOptions): Promise<RunSummary> {
  const started = performance.now();
  const out = options.out;
  const { inputs, problems } = await discover(options.corpus);
  await sweepTemporaryFiles(out);

  const previous = await readJson<Manifest>(join(out, 'manifest.json'));
  const manifest = emptyManifest();
  manifest.problems = problems;
  const reusable = !options.force && previous !== null && sameBuild(previous, manifest);
  const before = new Map((reusable ? previous.articles : []).map((a) => [a.path, a]));

  const summary: RunSummary = { total: inputs.length, processed: 0, skipped: 0, failed: 0, removed: 0, written: [], failures: [], milliseconds: 0 };
  const entries = new Map<string, ManifestArticle>();
  const seenIds = new Map<string, string>();
  const jobs = Math.max(1, options.jobs ?? 1);
  const executor = createExecutor(Math.min(jobs, inputs.length));
  // The queue keeps a few more reads in flight than there are workers, so workers never wait on I/O.
  const queue = new PQueue({ concurrency: jobs * 2 });
  let done = 0;

  for (const input of inputs) {
    const id = articleId(input.path);
    const clash = seenIds.get(id);
    seenIds.set(id, clash ?? input.path);
    queue.add(async () => {
      const entry = clash
        ? failedEntry(input, id, '', [{ severity: 'error', stage: 'corpus', rule: 'duplicate-id', message: `${input.path} and ${clash} map to the same article id "${id}"`, fatal: true }])
        : await processInput(input, id, before.get(input.path), out, summary, executor);
      entries.set(input.path, entry);
      if (entry.status === 'failed') {
        summary.failed++;
        summary.failures.push({ path: entry.path, id: entry.id, diagnostics: entry.diagnostics });
      }
      options.onArticle?.({ path: input.path, id, status: entry.status === 'failed' ? 'failed' : before.get(input.path) === entry ? 'skipped' : 'processed', done: ++done, total: inputs.length });
    });
  }
  try {
    await queue.onIdle();
  } finally {
    await executor.close();
  }

  // Articles whose file is gone lose their outputs.
  for (const old of previous?.articles ?? []) {
    if (!entries.has(old.path) && old.output) {
      for (const file of Object.values(articleOutputs(old.id))) await rm(join(out, file), { force: true });
      summary.removed++;
    }
  }

  manifest.articles = [...entries.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  summary.failures.sort((a, b) => (a.path < b.path ? -1 : 1));

  // Corpus-level files are rebuilt only when some article's result changed.
  const changed = summary.processed > 0 || summary.removed > 0 || !previous || JSON.stringify(previous.articles) !== JSON.stringify(manifest.articles);
  if (changed || !(await corpusFilesPresent(out))) {
    summary.written.push(...(await aggregate(out, manifest)));
  }
  const manifestText = JSON.stringify(manifest, null, 2) + '\n';
  if (await writeIfChanged(join(out, 'manifest.json'), manifestText)) summary.written.push('manifest.json');
  summary.written.sort();
  summary.milliseconds = Math.round(performance.now() - started);
  return summary;
}

async function processInput(
  input: CorpusInput,
  id: string,
  previous: ManifestArticle | undefined,
  out: string,
  summary: RunSummary,
  executor: Executor,
): Promise<ManifestArticle> {
  let bytes: Buffer;
  let sidecarText: string | undefined;
  try {
    bytes = await readFile(input.absolutePath);
    if (input.sidecarPath) sidecarText = await readFile(input.sidecarPath, 'utf8');
  } catch (e) {
    return failedEntry(input, id, '', [{ severity: 'error', stage: 'corpus', rule: 'unreadable', message: `cannot read ${input.path}: ${(e as Error).message}`, fatal: true }]);
  }
  const inputHash = sha256(sidecarText === undefined ? bytes : Buffer.concat([bytes, Buffer.from('\0'), Buffer.from(sidecarText)]));

  if (previous && previous.inputHash === inputHash && previous.id === id && (await outputsPresent(out, previous))) {
    summary.skipped++;
    return previous;
  }

  const sidecarPath = input.sidecarPath ? input.path.replace(/\.[^./]+$/, '') + '.meta.json' : undefined;
  const outcome = await executor.run({ path: input.path, bytes, sidecar: sidecarText !== undefined ? { path: sidecarPath!, text: sidecarText } : undefined });
  if (!outcome.ok) return failedEntry(input, id, inputHash, outcome.diagnostics);

  const output = articleOutputs(outcome.id);
  await writeAtomic(join(out, output.page), outcome.page);
  await writeAtomic(join(out, output.fragment), outcome.fragment);
  await writeAtomic(join(out, output.json), outcome.json);
  summary.processed++;
  summary.written.push(output.json, output.page);
  return { id: outcome.id, path: input.path, inputHash, status: 'ok', output: output.json, counts: outcome.counts, diagnostics: outcome.diagnostics };
}

function failedEntry(input: CorpusInput, id: string, inputHash: string, diagnostics: Diagnostic[]): ManifestArticle {
  return {
    id,
    path: input.path,
    inputHash,
    status: 'failed',
    output: null,
    counts: { sentences: 0, dates: 0, entities: 0, events: 0 },
    diagnostics,
  };
}

/** A failed article has nothing to check; a good one needs its JSON and its digest. */
async function outputsPresent(out: string, entry: ManifestArticle): Promise<boolean> {
  if (entry.status === 'failed') return true;
  const files = articleOutputs(entry.id);
  return (await exists(join(out, files.json))) && (await exists(join(out, files.fragment)));
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function corpusFilesPresent(out: string): Promise<boolean> {
  const files = ['events.jsonl', 'entities.jsonl', 'dyads.json', 'report/index.html'];
  for (const f of files) if (!(await exists(join(out, f)))) return false;
  return true;
}

/** Temporary files left by a run that was killed; this run is the only writer of `out`. */
async function sweepTemporaryFiles(out: string): Promise<void> {
  const entries = await readdir(out, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.isFile() && entry.name.endsWith('.tmp')) await rm(join(entry.parentPath ?? entry.path, entry.name), { force: true });
  }
}
