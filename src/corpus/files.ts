// Writes that never leave a half-written file: write to a temporary name in the
// same folder, then rename over the target (atomic on POSIX file systems).
import { createHash } from 'node:crypto';
import { closeSync, createWriteStream, mkdirSync, openSync, readSync, renameSync, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { dirname, relative } from 'node:path';
import { threadId } from 'node:worker_threads';

let counter = 0;

/** A temporary name beside `path`, unique across processes and threads. */
const temporaryName = (path: string): string => `${path}.${process.pid}-${threadId}.${counter++}.tmp`;

export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = temporaryName(path);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** writeAtomic for a pool thread, where blocking is the point (small files, no event loop to keep free). */
export function writeAtomicSync(path: string, data: string | Uint8Array): void {
  const tmp = temporaryName(path);
  try {
    try {
      writeFileSync(tmp, data);
    } catch (e) {
      // The folder is made on the first write into it, not checked on every write.
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(tmp, data);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Writes only when the content differs, so an unchanged run rewrites nothing. Returns whether it wrote. */
export async function writeIfChanged(path: string, data: string): Promise<boolean> {
  const existing = await readFile(path, 'utf8').catch(() => null);
  if (existing === data) return false;
  await writeAtomic(path, data);
  return true;
}

export async function readJson<T>(path: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch {
    return null;
  }
}

/** One megabyte that every hash this thread reads goes through: no buffer of garbage per file or per chunk. */
const chunk = Buffer.allocUnsafe(1 << 20);

/** The sha256 (hex) of a file's bytes, read through the shared chunk. Throws if unreadable. */
export function hashFile(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const hash = createHash('sha256');
    for (let n; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0; ) hash.update(chunk.subarray(0, n));
    return hash.digest('hex');
  } finally {
    closeSync(fd);
  }
}

function fileHash(path: string): string | null {
  try {
    return hashFile(path);
  } catch {
    return null;
  }
}

/**
 * A file written line by line (events.jsonl for a large corpus) without
 * holding it in memory: streamed to a temporary name, then renamed into place
 * only if its content differs from what is there.
 */
/**
 * The hash of each corpus file as this code last wrote it, kept beside the
 * fragments (keys relative to the output folder, so the record is the same
 * whenever the outputs are): whether a new events.jsonl differs from the last
 * one is known without reading 760 MB again. The new file is put in place
 * either way, so a file edited since is always repaired; without a record the
 * old file is hashed.
 */
export class WrittenFiles {
  private constructor(
    private readonly root: string,
    private readonly path: string,
    private readonly hashes: Record<string, string>,
  ) {}

  static async load(root: string, path: string): Promise<WrittenFiles> {
    return new WrittenFiles(root, path, (await readJson<Record<string, string>>(path)) ?? {});
  }

  /** The hash of the file at `path` when last written, else of what is there now (null: nothing). */
  hashOf(path: string): string | null {
    return this.hashes[relative(this.root, path)] ?? fileHash(path);
  }

  record(path: string, hash: string): void {
    this.hashes[relative(this.root, path)] = hash;
  }

  async save(): Promise<void> {
    const sorted = Object.fromEntries(Object.entries(this.hashes).sort(([a], [b]) => (a < b ? -1 : 1)));
    await writeIfChanged(this.path, JSON.stringify(sorted, null, 1) + '\n');
  }
}

export class StreamedFile {
  private readonly tmp: string;
  private stream: WriteStream | null = null;
  private readonly hash = createHash('sha256');

  constructor(
    private readonly path: string,
    private readonly known: WrittenFiles,
  ) {
    this.tmp = temporaryName(path);
  }

  async write(text: string | Uint8Array): Promise<void> {
    if (!this.stream) {
      await mkdir(dirname(this.path), { recursive: true });
      this.stream = createWriteStream(this.tmp, { highWaterMark: 1 << 20 }); // a megabyte per write, not a wait per article
    }
    this.hash.update(text);
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  /** Puts the file in place; returns whether its content changed since it was last written. */
  async commit(): Promise<boolean> {
    if (!this.stream) await this.write('');
    const stream = this.stream!;
    stream.end();
    await once(stream, 'finish');
    const hash = this.hash.digest('hex');
    // The record says whether the content changed; the file is replaced regardless (a rename costs nothing).
    const changed = this.known.hashOf(this.path) !== hash;
    await rename(this.tmp, this.path);
    this.known.record(this.path, hash);
    return changed;
  }
}
