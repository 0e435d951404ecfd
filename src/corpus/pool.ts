// Runs article tasks on all cores: a piscina pool of worker threads when more
// than one job is asked for, the calling thread otherwise (no start-up cost).
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
 * A worker's old-generation heap: its models and dictionaries take ~60 MB and an
 * article's garbage a few MB; a tight limit makes V8 collect instead of growing,
 * which keeps a long run's memory flat.
 */
const WORKER_HEAP_MB = 128;

export function createExecutor(jobs: number): Executor {
  if (jobs <= 1 || !existsSync(WORKER_FILE)) {
    // In-process: the pipeline is loaded with the first file, not with the runner.
    return { writesFiles: true, run: async (task) => (await import('./work.js')).processFile(task), close: async () => {} };
  }
  const pool = new Piscina<FileTask, ArticleOutcome[]>({ filename: WORKER_FILE, minThreads: jobs, maxThreads: jobs, idleTimeout: 1000, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
  return {
    writesFiles: true,
    run: (task) => pool.run(task),
    close: () => pool.destroy(),
  };
}
