import { availableParallelism } from 'node:os';
import { startQueueWorker } from '../corpus/queue.js';
import { EXIT } from '../errors.js';

export interface WorkerCommandOptions {
  queue: string;
  jobs?: number;
  quiet: boolean;
}

/** Processes articles from the queue until interrupted. */
export async function workerCommand(options: WorkerCommandOptions): Promise<number> {
  const jobs = options.jobs ?? availableParallelism();
  let done = 0;
  const worker = await startQueueWorker({
    url: options.queue,
    jobs,
    onJob: ({ path, status, error }) => {
      done++;
      if (!options.quiet && (status === 'failed' || done % 100 === 0)) process.stderr.write(`${status === 'failed' ? `failed ${path}: ${error}` : `${done} files`}\n`);
    },
  });
  if (!options.quiet) process.stderr.write(`worker: ${jobs} job(s) on ${options.queue}\n`);
  await new Promise<void>((stop) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop());
  });
  await worker.close();
  return EXIT.ok;
}
