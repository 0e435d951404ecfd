// Writes that never leave a half-written file: write to a temporary name in the
// same folder, then rename over the target (atomic on POSIX file systems).
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, linkSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
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

/**
 * Writes a text made in pieces (a large manifest) only when it differs from the
 * file: the pieces are hashed first and compared with the file's hash, so the
 * text is never one string and an unchanged file is not rewritten. Returns
 * whether it wrote.
 */
export async function writeChunksIfChanged(path: string, chunks: () => Iterable<string>): Promise<boolean> {
  const hash = createHash('sha256');
  for (const piece of chunks()) hash.update(piece);
  if (fileHash(path) === hash.digest('hex')) return false;
  const file = new StreamedFile(path, null);
  for (const piece of chunks()) await file.write(piece);
  await file.commit();
  await file.settled();
  return true;
}

/** writeChunksIfChanged for a text already in one piece. */
export function writeIfChanged(path: string, data: string): Promise<boolean> {
  return writeChunksIfChanged(path, () => [data]);
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

/** The buffer readShared reads into, grown to the largest file read so far. */
let shared = Buffer.allocUnsafe(1 << 16);

/**
 * A file's bytes in a buffer this thread reuses: valid until the next call.
 * For reading thousands of small files in a row (fragments) without leaving a
 * buffer of garbage for each.
 */
export function readShared(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > shared.length) shared = Buffer.allocUnsafe(Math.max(size, shared.length * 2));
    let read = 0;
    for (let n; read < size && (n = readSync(fd, shared, read, size - read, read)) > 0; ) read += n;
    return shared.subarray(0, read);
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

/**
 * A corpus file written piece by piece (events.jsonl for a large corpus) without
 * holding it in memory: new text, or byte ranges of the version it replaces;
 * written to a temporary name, then renamed into place.
 */
export class StreamedFile {
  private readonly tmp: string;
  private fd: number | null = null;
  /** Bytes waiting to be written: one write per megabyte, not one per piece. */
  private readonly buffer = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  private readonly hash = createHash('sha256');
  /** The previous version, open while pieces of it are copied. */
  private previous: number | null = null;
  /** Bytes written so far: where the next piece starts. */
  bytes = 0;
  private retiring: Promise<void> | null = null;

  constructor(
    private readonly path: string,
    /** The record of what was last written, or null when there is none to keep (the file counts as changed). */
    private readonly known: WrittenFiles | null,
  ) {
    this.tmp = temporaryName(path);
  }

  // Writes are synchronous: the aggregation is all that runs, and a
  // stream's buffers and waits cost more than the writes themselves.
  private open(): number {
    if (this.fd === null) {
      mkdirSync(dirname(this.path), { recursive: true });
      this.fd = openSync(this.tmp, 'w');
    }
    return this.fd;
  }

  private flush(): void {
    const fd = this.open();
    if (this.used === 0) return;
    const bytes = this.buffer.subarray(0, this.used);
    this.hash.update(bytes);
    writeAll(fd, bytes);
    this.used = 0;
  }

  async write(text: string | Uint8Array): Promise<void> {
    const room = this.buffer.length - this.used;
    if (typeof text === 'string') {
      // Three bytes per UTF-16 unit at most: a string that surely fits is encoded in place.
      if (text.length * 3 > room) {
        this.flush();
        if (text.length * 3 > this.buffer.length) return this.writeBytes(Buffer.from(text));
      }
      const n = this.buffer.write(text, this.used);
      this.used += n;
      this.bytes += n;
      return;
    }
    this.writeBytes(text);
  }

  private writeBytes(bytes: Uint8Array): void {
    if (bytes.length > this.buffer.length - this.used) this.flush();
    if (bytes.length > this.buffer.length) {
      this.hash.update(bytes);
      writeAll(this.open(), bytes);
    } else {
      this.buffer.set(bytes, this.used);
      this.used += bytes.length;
    }
    this.bytes += bytes.length;
  }

  /** Copies bytes [at, at + length) of the file's previous version (the one being replaced), never decoding them. */
  async copy(at: number, length: number): Promise<void> {
    this.previous ??= openSync(this.path, 'r');
    for (let position = at, end = at + length; position < end; ) {
      if (this.used === this.buffer.length) this.flush();
      const n = readSync(this.previous, this.buffer, this.used, Math.min(this.buffer.length - this.used, end - position), position);
      if (n === 0) throw new Error(`${this.path} ends before byte ${end}`);
      this.used += n;
      position += n;
    }
    this.bytes += length;
  }

  /** Puts the file in place; returns whether its content changed since it was last written. */
  async commit(): Promise<boolean> {
    try {
      this.flush();
    } finally {
      if (this.previous !== null) closeSync(this.previous);
      if (this.fd !== null) closeSync(this.fd);
      this.previous = this.fd = null;
    }
    const hash = this.hash.digest('hex');
    // The record says whether the content changed; the file is replaced regardless.
    const changed = this.known?.hashOf(this.path) !== hash;
    // The old version keeps a second name while the new one takes its place, so
    // that the rename frees nothing (freeing a large file's blocks takes the
    // file system a while); that name is removed afterwards, off this thread.
    const retired = temporaryName(this.path);
    let kept = true;
    try {
      linkSync(this.path, retired);
    } catch {
      kept = false;
    }
    renameSync(this.tmp, this.path);
    if (kept) this.retiring = rm(retired, { force: true });
    this.known?.record(this.path, hash);
    return changed;
  }

  /** Once the replaced version is gone. */
  async settled(): Promise<void> {
    await this.retiring;
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}
