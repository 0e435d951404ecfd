// The corpus layer: the only place with I/O and concurrency.
//   discover → check (hash every file; the manifest says what is unchanged) →
//   run changed files on the pool → write each article atomically → aggregate
//   the corpus files from digests → manifest last.
// A run killed at any point leaves complete files only, and the next run redoes
// whatever the (old) manifest does not vouch for.
import { readFileSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import PQueue from 'p-queue';
import type { Diagnostic } from '../article.js';
import { articleId } from '../stages/ingest/paths.js';
import { aggregate } from './aggregate.js';
import { ARTICLE_FILES, articleOutputs, writeArticleFiles } from './outputs.js';
import { checkCorpus, corpusError, type Checked } from './check.js';
import { collectGarbage } from './collect.js';
import { readJson, writeChunksIfChanged } from './files.js';
import { emptyManifest, manifestChunks, sameBuild, type Manifest, type ManifestArticle } from './manifest.js';
import { createExecutor, type Executor } from './pool.js';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/**
 * A worker thread loads the models and compiles the dictionaries before its
 * first article, which costs about as much as this many articles: a small batch
 * runs on fewer threads (one: in-process) and finishes sooner.
 */
const ARTICLES_PER_THREAD = 100;

/**
 * With one job, a batch of this many files runs on one worker thread all the
 * same: the thread's heap is capped and goes when it ends, whereas the calling
 * thread would keep what the pipeline grew it to (~300 MB) through the
 * aggregation that follows (50,000 articles, one job: 596 MB peak in-process).
 */
const FILES_FOR_A_SINGLE_THREAD = 10_000;

/** Worker threads for a batch of files: 0 runs it in the calling thread. */
export function threadsFor(files: number, jobs: number, perThread = ARTICLES_PER_THREAD): number {
  const threads = Math.max(1, Math.min(jobs, Math.ceil(files / perThread)));
  return threads > 1 || files >= FILES_FOR_A_SINGLE_THREAD ? threads : 0;
}

/** Files finished between two collections of the coordinator's garbage (collect.ts). */
const FILES_BETWEEN_COLLECTIONS = 2_000;

/** Files handed to the queue at once by a coordinator. */
const QUEUE_IN_FLIGHT = 256;

export interface RunOptions {
  corpus: string;
  out: string;
  jobs?: number;
  force?: boolean;
  /** Files larger than this fail with a clear error (default 5 MB). */
  maxBytes?: number;
  /** redis://HOST:PORT: hand the work to `newsevents worker` processes through BullMQ instead of local threads. */
  queue?: string;
  /** Files the check needs to run on a thread of its own (default 10,000; tests set 1 to exercise it). */
  filesForCheckThread?: number;
  /** Files a worker thread must have before another is started (default 100; tests set 1 to exercise the pool). */
  articlesPerThread?: number;
  /** Called after each file; the CLI prints progress with it. */
  onFile?: (event: { path: string; status: 'processed' | 'unchanged' | 'failed'; done: number; total: number }) => void;
}

export interface RunSummary {
  /** Article files found under the corpus folder. */
  files: number;
  /** Articles (a JSON or JSONL file can hold several) by what happened to them. */
  processed: number;
  unchanged: number;
  failed: number;
  /** Left out on purpose: another language, or an exact duplicate of another file. */
  excluded: number;
  /** Articles whose file is gone, with their outputs. */
  removed: number;
  /** Files written (relative to the output folder); empty when nothing changed. */
  written: string[];
  failures: { path: string; id: string; diagnostics: Diagnostic[] }[];
  milliseconds: number;
}

export async function runCorpus(options: RunOptions): Promise<RunSummary> {
  const started = performance.now();
  const out = options.out;
  const jobs = Math.max(1, options.jobs ?? 1);
  await sweepTemporaryFiles(out);
  const { problems, checked } = await checkCorpus(options.corpus, out, options.maxBytes ?? DEFAULT_MAX_BYTES, options.filesForCheckThread);

  const previous = await readJson<Manifest>(join(out, 'manifest.json'));
  const manifest = emptyManifest();
  manifest.problems = problems;
  const reusable = !options.force && previous !== null && sameBuild(previous, manifest);

  const summary: RunSummary = { files: checked.length, processed: 0, unchanged: 0, failed: 0, excluded: 0, removed: 0, written: [], failures: [], milliseconds: 0 };
  const entries: ManifestArticle[] = [];
  /** Articles whose outputs this run wrote: the aggregation reads their fragments again, and trusts its ledger for the rest. */
  const processed = new Set<string>();
  let done = 0;
  /** Files run through the pipeline (or failed trying) so far. */
  let ran = 0;
  const finish = (c: Checked, produced: ManifestArticle[], status: 'processed' | 'unchanged' | 'failed'): void => {
    entries.push(...produced);
    options.onFile?.({ path: c.input.path, status, done: ++done, total: summary.files });
    if (status !== 'unchanged' && ++ran % FILES_BETWEEN_COLLECTIONS === 0) collectGarbage();
  };
  const todo: (Checked | null)[] = planRun(checked, groupByPath(reusable ? previous.articles : []), reusable ? await presentOutputs(out) : new Set(), finish);
  checked.length = 0; // what is left to do holds its own; the rest need not stay for the whole run
  // The check's results arrived as a copy (from its thread, for a large corpus): what the copy took goes before the workers take theirs.
  if (todo.length >= FILES_BETWEEN_COLLECTIONS) collectGarbage();

  // BullMQ is loaded only for a queue run.
  const executor = options.queue
    ? await (await import('./queue.js')).createQueueExecutor(options.queue)
    : createExecutor(threadsFor(todo.length, jobs, options.articlesPerThread));
  // Local reads stay a little ahead of the threads; over a queue, enough files wait to keep every remote worker busy.
  const queue = new PQueue({ concurrency: options.queue ? QUEUE_IN_FLIGHT : jobs * 2 });
  try {
    for (let i = 0; i < todo.length; i++) {
      // Tasks are queued as the threads take them, not all at once: a large corpus would hold one closure per file.
      await queue.onSizeLessThan(queue.concurrency);
      const c = todo[i]!;
      todo[i] = null; // a file's check (its sidecar, its hashes) is let go once it is done
      queue.add(async () => {
        const produced = await processChecked(c, out, executor, summary, processed);
        finish(c, produced, produced.some((a) => a.status === 'failed') ? 'failed' : 'processed');
      });
    }
    await queue.onIdle();
  } finally {
    await executor.close();
  }

  manifest.articles = entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.path < b.path ? -1 : 1));
  for (const a of manifest.articles) {
    if (a.status === 'failed') {
      summary.failed++;
      summary.failures.push({ path: a.path, id: a.id, diagnostics: a.diagnostics });
    } else if (a.status === 'skipped' || a.status === 'duplicate') summary.excluded++;
  }
  summary.unchanged = manifest.articles.length - summary.processed - summary.failed - summary.excluded;
  summary.failures.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.id < b.id ? -1 : 1));

  // Articles that are gone lose their outputs.
  const kept = new Set(manifest.articles.filter((a) => a.status === 'ok').map((a) => a.id));
  for (const old of previous?.articles ?? []) {
    if (old.status === 'ok' && !kept.has(old.id)) {
      for (const file of Object.values(articleOutputs(old.id))) await rm(join(out, file), { force: true });
      summary.removed++;
    }
  }
  await removeStrayOutputs(out, kept);

  // Corpus-level files are rebuilt only when some article's result changed.
  const changed = summary.processed > 0 || summary.removed > 0 || !previous || !sameEntries(previous.articles, manifest.articles);
  if (changed || !(await corpusFilesPresent(out))) summary.written.push(...(await aggregate(out, manifest, processed)));
  if (await writeChunksIfChanged(join(out, 'manifest.json'), () => manifestChunks(manifest))) summary.written.push('manifest.json');
  summary.written.sort();
  summary.milliseconds = Math.round(performance.now() - started);
  return summary;
}

/**
 * Decides each file's fate: failed (unreadable, too large, an id clash), an
 * exact duplicate, unchanged (its outputs reused), or to do. Settled files go
 * to `finish` at once; the rest are returned in path order.
 */
function planRun(checked: Checked[], before: Map<string, ManifestArticle[]>, present: Set<string>, finish: (c: Checked, produced: ManifestArticle[], status: 'unchanged' | 'failed') => void): Checked[] {
  // Exact duplicates: the first file in path order is processed, later copies are reported.
  const firstWithContent = new Map<string, string>();
  const ids = new Map<string, string>();
  const todo: Checked[] = [];
  for (const c of checked) {
    const fileId = articleId(c.input.path);
    const clash = ids.get(fileId);
    ids.set(fileId, clash ?? c.input.path);
    const original = c.problem ? undefined : firstWithContent.get(c.contentHash);
    if (!c.problem && !original) firstWithContent.set(c.contentHash, c.input.path);

    if (c.problem || clash) {
      const problem = c.problem ?? corpusError('duplicate-id', `${c.input.path} and ${clash} map to the same article id "${fileId}"`);
      finish(c, [entry(c, fileId, 'failed', [problem])], 'failed');
      continue;
    }
    if (original) {
      const note: Diagnostic = { severity: 'info', stage: 'corpus', rule: 'duplicate', message: `${c.input.path} has the same content as ${original}: processed once, as ${original}` };
      finish(c, [{ ...entry(c, fileId, 'duplicate', [note]), duplicateOf: original }], 'unchanged');
      continue;
    }
    const old = before.get(c.input.path);
    if (old && old.every((a) => a.inputHash === c.inputHash) && outputsPresent(present, old)) {
      finish(c, old, 'unchanged');
      continue;
    }
    todo.push(c);
  }
  return todo;
}

async function processChecked(c: Checked, out: string, executor: Executor, summary: RunSummary, processed: Set<string>): Promise<ManifestArticle[]> {
  // Read again, not kept from the check: small and cached, and a file changed since is simply redone next run.
  let bytes: Buffer;
  let sidecarText: string | undefined;
  try {
    bytes = readFileSync(c.input.absolutePath);
    sidecarText = c.input.sidecarPath ? readFileSync(c.input.sidecarPath, 'utf8') : undefined;
  } catch (e) {
    return [entry(c, articleId(c.input.path), 'failed', [corpusError('unreadable', `cannot read ${c.input.path}: ${(e as Error).message}`)])];
  }
  const sidecarPath = c.input.sidecarPath ? c.input.path.replace(/\.[^./]+$/, '') + '.meta.json' : undefined;
  let outcomes;
  try {
    // Local threads write the article files themselves; a queue sends their texts back.
    outcomes = await executor.run({ path: c.input.path, bytes, sidecar: sidecarText !== undefined ? { path: sidecarPath!, text: sidecarText } : undefined, out: executor.writesFiles ? out : undefined });
  } catch (e) {
    // A worker thread or process that died on this file: the file fails, the run goes on.
    return [entry(c, articleId(c.input.path), 'failed', [corpusError('processing-failed', `${c.input.path}: ${(e as Error).message}`)])];
  }
  const produced: ManifestArticle[] = [];
  for (const outcome of outcomes) {
    if (!outcome.ok) {
      produced.push(entry(c, outcome.id, outcome.skipped ? 'skipped' : 'failed', outcome.diagnostics));
      continue;
    }
    if (outcome.files) writeArticleFiles(out, outcome.id, outcome.files);
    const files = articleOutputs(outcome.id);
    summary.processed++;
    processed.add(outcome.id);
    summary.written.push(files.json, files.page);
    produced.push({ ...entry(c, outcome.id, 'ok', outcome.diagnostics), output: files.json, counts: outcome.counts });
  }
  return produced;
}

function entry(c: Checked, id: string, status: ManifestArticle['status'], diagnostics: Diagnostic[]): ManifestArticle {
  return { id, path: c.input.path, inputHash: c.inputHash, status, output: null, counts: { sentences: 0, dates: 0, entities: 0, events: 0 }, diagnostics };
}


/** Whether two manifests list the same articles; an unchanged article's entry is the old object itself, so few are compared field by field. */
function sameEntries(before: ManifestArticle[], now: ManifestArticle[]): boolean {
  return before.length === now.length && now.every((a, i) => a === before[i] || JSON.stringify(a) === JSON.stringify(before[i]));
}

function groupByPath(articles: ManifestArticle[]): Map<string, ManifestArticle[]> {
  const byPath = new Map<string, ManifestArticle[]>();
  for (const a of articles) byPath.set(a.path, [...(byPath.get(a.path) ?? []), a]);
  return byPath;
}

/** Reusable when every good article still has its JSON and its digest. */
function outputsPresent(present: Set<string>, entries: ManifestArticle[]): boolean {
  for (const e of entries) {
    if (e.status !== 'ok') continue;
    const files = articleOutputs(e.id);
    if (!present.has(files.json) || !present.has(files.fragment)) return false;
  }
  return true;
}

/** The article outputs already in `out`, read with one listing per folder instead of a stat per file. */
async function presentOutputs(out: string): Promise<Set<string>> {
  const present = new Set<string>();
  for (const dir of [ARTICLE_FILES.json.folder, ARTICLE_FILES.fragment.folder]) {
    for (const name of await readdir(join(out, dir)).catch(() => [] as string[])) present.add(`${dir}/${name}`);
  }
  return present;
}

/**
 * Article files no manifest vouches for: written by a run killed before its
 * manifest, for an input deleted since. The old manifest does not list them, so
 * only a look at the folders finds them.
 */
async function removeStrayOutputs(out: string, kept: Set<string>): Promise<void> {
  for (const { folder, suffix } of Object.values(ARTICLE_FILES)) {
    for (const name of await readdir(join(out, folder)).catch(() => [] as string[])) {
      if (name.endsWith(suffix) && !kept.has(name.slice(0, -suffix.length))) await rm(join(out, folder, name), { force: true });
    }
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function corpusFilesPresent(out: string): Promise<boolean> {
  for (const f of ['events.jsonl', 'entities.jsonl', 'dyads.json', 'report/index.html']) if (!(await exists(join(out, f)))) return false;
  return true;
}

/** Temporary files left by a run that was killed; this run is the only writer of `out`. */
async function sweepTemporaryFiles(out: string): Promise<void> {
  const entries = await readdir(out, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    if (e.isFile() && e.name.endsWith('.tmp')) await rm(join(e.parentPath ?? e.path, e.name), { force: true });
  }
}
