// The check phase's memory of what it hashed: an article file (and its
// sidecar) whose identity and timestamps (device, inode, size, mtime, ctime)
// are as they were when last hashed is not read again. Hashing 50,000 articles
// costs seconds; a stat costs microseconds. Kept in the output folder's
// `.cache/`: it only saves work, depends on the machine (inodes, clock), and no
// output depends on it.
import { readFileSync, type Stats } from 'node:fs';
import { writeIfChanged } from './files.js';

const FORMAT = 2;

/** A file's dev, ino, size, mtimeMs, ctimeMs: what a change to it (or a different file under the same path) alters. */
const NO_SIDECAR = [0, 0, 0, 0, 0];

/** The article file's identity, its sidecar's (zeros without one), its content hash, its input hash (file and sidecar). */
type Entry = [...number[], string, string];

export interface Hashes {
  /** The file alone: what decides "exact duplicate". */
  contentHash: string;
  /** The file and its sidecar: what decides "unchanged". */
  inputHash: string;
}

/**
 * A file written within this long before its check may change again within the
 * same timestamp tick without its mtime moving ("racily clean", as git calls
 * it): such a file is hashed on every run until it is older.
 */
const RACY_MS = 2000;

export class InputHashes {
  private readonly next = new Map<string, Entry>();
  /** Whether a file was hashed (and remembered) this time. */
  private learned = false;

  private constructor(
    private readonly path: string,
    private readonly known: Map<string, Entry>,
    private readonly checkedAt: number,
  ) {}

  /** The record at `path` (none, unreadable or of another format: an empty one); `checkedAt` is the check's start (epoch ms). */
  static load(path: string, checkedAt: number): InputHashes {
    let known = new Map<string, Entry>();
    try {
      const stored = JSON.parse(readFileSync(path, 'utf8')) as { format: number; files: Record<string, Entry> };
      if (stored.format === FORMAT) known = new Map(Object.entries(stored.files));
    } catch {
      // No record yet: every file is hashed.
    }
    return new InputHashes(path, known, checkedAt);
  }

  /** The hashes recorded for this file (keyed by its absolute path) if neither it nor its sidecar changed since; else null. */
  lookup(absolutePath: string, file: Stats, sidecar: Stats | null): Hashes | null {
    const known = this.known.get(absolutePath);
    if (!known) return null;
    const identity = identityOf(file, sidecar);
    for (let i = 0; i < identity.length; i++) if (known[i] !== identity[i]) return null;
    this.next.set(absolutePath, known);
    return { contentHash: known[identity.length] as string, inputHash: known[identity.length + 1] as string };
  }

  /** Remembers a file just hashed, unless it or its sidecar changed too recently to be trusted next time. */
  remember(absolutePath: string, file: Stats, sidecar: Stats | null, hashes: Hashes): void {
    if (this.isRacy(file) || (sidecar && this.isRacy(sidecar))) return;
    this.next.set(absolutePath, [...identityOf(file, sidecar), hashes.contentHash, hashes.inputHash]);
    this.learned = true;
  }

  /** Writes the files seen by this check (files gone from the corpus are forgotten), if that changes the record. */
  async save(): Promise<void> {
    // Every file found as recorded, none gone: the record on disk is already this one.
    if (!this.learned && this.next.size === this.known.size) return;
    const files = Object.fromEntries([...this.next].sort(([a], [b]) => (a < b ? -1 : 1)));
    await writeIfChanged(this.path, JSON.stringify({ format: FORMAT, files }) + '\n');
  }

  private isRacy(stats: Stats): boolean {
    return stats.mtimeMs > this.checkedAt - RACY_MS || stats.ctimeMs > this.checkedAt - RACY_MS;
  }
}

function identityOf(file: Stats, sidecar: Stats | null): number[] {
  const one = (s: Stats): number[] => [s.dev, s.ino, s.size, s.mtimeMs, s.ctimeMs];
  return [...one(file), ...(sidecar ? one(sidecar) : NO_SIDECAR)];
}
