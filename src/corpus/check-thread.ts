// Entry point of the check's thread (check.ts): hashes the files, posts what it found, ends.
import { parentPort, workerData } from 'node:worker_threads';
import { checkAll } from './check.js';
import type { CorpusInput } from './discover.js';

const { inputs, out, maxBytes } = workerData as { inputs: CorpusInput[]; out: string; maxBytes: number };
parentPort!.postMessage(await checkAll(inputs, out, maxBytes));
