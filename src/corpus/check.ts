// The check: every article file found and hashed (bytes not kept), so that the
// runner knows what is unchanged, duplicated or unreadable before any work. On
// a large corpus the hashing runs on a thread of its own: its garbage (file
// stats, the input-hash records, their file's text) would otherwise stay in the
// coordinator's heap through the whole run, since V8 keeps the pages a heap has
// grown to (50,000 files: ~205 MB of RSS for 31 MB of live heap). A thread's
// heap goes when the thread ends; only the results cross.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../article.js';
import { PACKAGE_ROOT } from '../data.js';
import { sha256 } from '../stages/ingest/paths.js';
import { discover, type CorpusInput, type DiscoverResult } from './discover.js';
import { hashFile } from './files.js';
import { InputHashes } from './input-hashes.js';

/** What the check phase learns of a file without keeping its bytes. */
export interface Checked {
  input: CorpusInput;
  /** The file and its sidecar: what decides "unchanged". */
  inputHash: string;
  /** The file alone: what decides "exact duplicate". */
  contentHash: string;
  problem?: Diagnostic;
}

export interface CheckResult {
  /** Folders that could not be read. */
  problems: DiscoverResult['problems'];
  /** Every article file, in path order. */
  checked: Checked[];
}

/** The built thread (dist/): threads load plain JavaScript, also when tests run the TypeScript sources. */
const CHECK_THREAD_FILE = join(PACKAGE_ROOT, 'dist', 'corpus', 'check-thread.js');

/**
 * Below this many files the check runs in the calling thread: a thread costs
 * 50–100 ms to start and hand its results back, and a small corpus's check
 * leaves little garbage.
 */
export const FILES_FOR_A_CHECK_THREAD = 10_000;

/** Finds the corpus's files and checks them, on a thread of its own when there are `filesForThread` or more. */
export async function checkCorpus(corpus: string, out: string, maxBytes: number, filesForThread = FILES_FOR_A_CHECK_THREAD): Promise<CheckResult> {
  const { inputs, problems } = await discover(corpus);
  if (inputs.length < filesForThread || !existsSync(CHECK_THREAD_FILE)) return { problems, checked: await checkAll(inputs, out, maxBytes) };
  const thread = new Worker(CHECK_THREAD_FILE, { workerData: { inputs, out, maxBytes } });
  const checked = await new Promise<Checked[]>((resolve, reject) => {
    thread.once('message', resolve);
    thread.once('error', reject);
    thread.once('exit', (code) => reject(new Error(`the check's thread stopped (exit code ${code})`)));
  });
  return { problems, checked };
}

/**
 * Hashes every file, bytes not kept. A file unchanged since it was last hashed
 * (same inode, size and timestamps) is not read again. Reads are synchronous
 * on purpose: nothing else runs yet, and on files the system has cached a
 * blocking read is about five times cheaper than a promise's round trip
 * through the thread pool (5,000 files: 120 ms against 570 ms).
 */
export async function checkAll(inputs: CorpusInput[], out: string, maxBytes: number): Promise<Checked[]> {
  const known = InputHashes.load(join(out, '.cache', 'input-hashes.json'), Date.now());
  const checked = inputs.map((input): Checked => {
    try {
      const stats = statSync(input.absolutePath);
      if (stats.size > maxBytes) {
        const problem = corpusError('too-large', `${input.path} is ${(stats.size / 1e6).toFixed(1)} MB, over the limit of ${(maxBytes / 1e6).toFixed(1)} MB (--max-bytes)`);
        return { input, inputHash: '', contentHash: '', problem };
      }
      const sidecarStats = input.sidecarPath ? statSync(input.sidecarPath) : null;
      const recorded = known.lookup(input.absolutePath, stats, sidecarStats);
      if (recorded) return { input, ...recorded };
      // Read through one shared buffer: 50,000 files would otherwise leave 50,000 buffers for the allocator to hold on to.
      const contentHash = hashFile(input.absolutePath);
      const sidecarText = input.sidecarPath ? readFileSync(input.sidecarPath, 'utf8') : undefined;
      const hashes = { contentHash, inputHash: sidecarText === undefined ? contentHash : sha256(`${contentHash}\0${sidecarText}`) };
      known.remember(input.absolutePath, stats, sidecarStats, hashes);
      return { input, ...hashes };
    } catch (e) {
      return { input, inputHash: '', contentHash: '', problem: corpusError('unreadable', `cannot read ${input.path}: ${(e as Error).message}`) };
    }
  });
  // Saved now, not after the run: it describes the inputs as checked.
  await known.save();
  return checked;
}

export function corpusError(rule: string, message: string): Diagnostic {
  return { severity: 'error', stage: 'corpus', rule, message, fatal: true };
}
