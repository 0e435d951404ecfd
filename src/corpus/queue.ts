// Scale-out through BullMQ on Redis. The coordinator (`run --queue`) is the
// ordinary corpus run with a different executor: each file that needs work
// becomes a job (its bytes and sidecar travel; the job id is derived from the
// content hash and path, so a restarted coordinator finds its jobs again), and
// the job's return value is the same ArticleOutcome[] a local worker produces.
// The coordinator stays the only writer, so the outputs are the local run's.
// Workers (`newsevents worker`) run anywhere that reaches Redis.
import { createHash } from 'node:crypto';
import { Queue, QueueEvents, Worker, type ConnectionOptions, type Job } from 'bullmq';
import { createExecutor, type Executor } from './pool.js';
import type { ArticleOutcome, FileTask } from './work.js';

export const QUEUE_NAME = 'newsevents-articles';

/** What travels over the queue: a file's bytes (base64) and its sidecar. */
export interface QueuedFile {
  path: string;
  bytes: string;
  sidecar?: { path: string; text: string };
}

/** Job settings: articles take milliseconds, so a silent worker is noticed within seconds. */
export const JOB_POLICY = {
  /** A job whose processor throws is tried this many times in all. */
  attempts: 3,
  /** A worker holds a job's lock this long between renewals; a dead worker's lock lapses. */
  lockDuration: 10_000,
  /** How often workers look for jobs whose lock lapsed (their worker died). */
  stalledInterval: 5_000,
  /** A job that stalls more often than this (it kills every worker that takes it) is failed. */
  maxStalledCount: 2,
} as const;

export function connectionFrom(url: string): ConnectionOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`not a Redis URL: ${url} (expected redis://HOST:PORT)`);
  }
  if (parsed.protocol !== 'redis:') throw new Error(`not a Redis URL: ${url} (expected redis://HOST:PORT)`);
  return {
    host: parsed.hostname || '127.0.0.1',
    port: Number(parsed.port || 6379),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(parsed.pathname.length > 1 ? { db: Number(parsed.pathname.slice(1)) } : {}),
    maxRetriesPerRequest: null, // required by BullMQ workers
  };
}

function jobId(task: FileTask): string {
  const hash = createHash('sha256').update(task.path).update('\0').update(task.bytes);
  if (task.sidecar) hash.update('\0').update(task.sidecar.text);
  return `file-${hash.digest('hex').slice(0, 40)}`;
}

/** The coordinator's executor: enqueue, wait for the result, take the job out of Redis. */
export async function createQueueExecutor(url: string, queueName = QUEUE_NAME): Promise<Executor> {
  const connection = connectionFrom(url);
  const queue = new Queue<QueuedFile, ArticleOutcome[]>(queueName, { connection });
  const events = new QueueEvents(queueName, { connection });
  await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
  return {
    // Workers may run on other machines: the coordinator stays the only writer.
    writesFiles: false,
    async run(task) {
      const data: QueuedFile = { path: task.path, bytes: Buffer.from(task.bytes).toString('base64'), ...(task.sidecar ? { sidecar: task.sidecar } : {}) };
      // An existing job with this id (a restarted coordinator) is reused, not duplicated.
      const job = await queue.add('file', data, { jobId: jobId(task), attempts: JOB_POLICY.attempts, backoff: { type: 'fixed', delay: 500 }, removeOnComplete: false, removeOnFail: false });
      try {
        const outcomes = await job.waitUntilFinished(events);
        await job.remove().catch(() => {});
        return outcomes;
      } catch (e) {
        await job.remove().catch(() => {});
        throw new Error(`failed on every attempt in the queue: ${(e as Error).message}`);
      }
    },
    async close() {
      await events.close();
      await queue.close();
    },
  };
}

export interface QueueWorkerOptions {
  url: string;
  jobs: number;
  queueName?: string;
  /** The work itself; tests inject a failing one. Defaults to the pipeline on a thread pool. */
  process?: (task: FileTask) => Promise<ArticleOutcome[]>;
  onJob?: (event: { path: string; status: 'completed' | 'failed'; error?: string }) => void;
}

/** A worker process's consumer: takes files from the queue and runs the pipeline on them. */
export async function startQueueWorker(options: QueueWorkerOptions): Promise<{ close(): Promise<void> }> {
  const executor: Executor | null = options.process ? null : createExecutor(options.jobs > 1 ? options.jobs : 0);
  const work = options.process ?? ((task: FileTask) => executor!.run(task));
  const worker = new Worker<QueuedFile, ArticleOutcome[]>(
    options.queueName ?? QUEUE_NAME,
    async (job: Job<QueuedFile>) => work({ path: job.data.path, bytes: Buffer.from(job.data.bytes, 'base64'), sidecar: job.data.sidecar }),
    {
      connection: connectionFrom(options.url),
      concurrency: options.jobs,
      lockDuration: JOB_POLICY.lockDuration,
      stalledInterval: JOB_POLICY.stalledInterval,
      maxStalledCount: JOB_POLICY.maxStalledCount,
    },
  );
  worker.on('completed', (job) => options.onJob?.({ path: job.data.path, status: 'completed' }));
  worker.on('failed', (job, err) => options.onJob?.({ path: job?.data.path ?? '?', status: 'failed', error: err.message }));
  await worker.waitUntilReady();
  return {
    async close() {
      await worker.close();
      await executor?.close();
    },
  };
}
