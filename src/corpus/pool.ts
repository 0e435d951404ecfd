// Runs article tasks on all cores: a piscina pool of worker threads for a large
// batch, the calling thread for a small one (no start-up cost).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { PACKAGE_ROOT } from '../data.js';
import type { ArticleOutcome, FileTask } from './work.js';

export interface Executor {
  /** Whether the tasks write their articles' files themselves (they share the runner's file system). */
  writesFiles: boolean;
  run(task: FileTask): Promise<ArticleOutcome[]>;
  close(): Promise<void>;
}

/** The built worker (dist/): workers load plain JavaScript, also when tests run the TypeScript sources. */
export const WORKER_FILE = join(PACKAGE_ROOT, 'dist', 'corpus', 'worker.js');

/**
 * A worker's heap: its models, dictionaries and compiled code take ~50 MB, and
 * an article's garbage a few MB. A tight old generation makes V8 collect
 * instead of growing, which keeps a long run's memory flat; a young generation
 * larger than an article's garbage lets most of it die there rather than be
 * promoted (copying survivors between tiny semi-spaces cost ~10% of the CPU).
 * 5,000 articles on 2 workers: 305 MB peak against 327 MB with 96 MB old and
 * 8 MB young, at the same CPU time; 64 MB old thrashes.
 */
const WORKER_OLD_GENERATION_MB = 72;
const WORKER_YOUNG_GENERATION_MB = 24;

/** Node's error for a worker thread stopped at its heap limit. */
const isOutOfMemory = (e: unknown): boolean => (e as NodeJS.ErrnoException)?.code === 'ERR_WORKER_OUT_OF_MEMORY' || /reaching memory limit/.test(String((e as Error)?.message));

/** Runs tasks on `threads` worker threads, or in the calling thread when `threads` is 0. */
export function createExecutor(threads: number): Executor {
  // In-process: the pipeline is loaded with the first file, not with the runner.
  const inProcess = async (task: FileTask): Promise<ArticleOutcome[]> => (await import('./work.js')).processFile(task);
  if (threads === 0 || !existsSync(WORKER_FILE)) return { writesFiles: true, run: inProcess, close: async () => {} };
  const pool = new Piscina<FileTask, ArticleOutcome[]>({
    filename: WORKER_FILE,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_GENERATION_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
  });
  return {
    writesFiles: true,
    // A file too large for a worker's heap (a multi-megabyte article) runs on the main thread, whose heap is not capped.
    run: (task) => pool.run(task).catch((e: unknown) => (isOutOfMemory(e) ? inProcess(task) : Promise.reject(e))),
    close: () => pool.destroy(),
  };
}
