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
 * A worker's heap: its models and dictionaries take ~50 MB and an article's
 * garbage a few MB; tight limits make V8 collect instead of growing, which keeps
 * a long run's memory flat (2 workers over 1,000 articles: 285 MB peak against
 * 350 MB with 128 MB and V8's default young generation, at the same speed).
 * 72 MB old / 24 MB young took 22 MB less but 15-20% more CPU (2 workers, 5,000
 * articles, three interleaved rounds); 88 / 16 matched 96 / 8 on both.
 * No limits at all ran 2 workers over 5,000 articles in 10-20% less time but
 * peaked at 510-650 MB; 256 / 8 and 96 / 16-24 matched 96 / 8 (2026-11-29).
 */
const WORKER_OLD_GENERATION_MB = 96;
const WORKER_YOUNG_GENERATION_MB = 8;

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
