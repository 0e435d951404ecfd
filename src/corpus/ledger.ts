// The aggregation ledger: what the corpus files were last built from, so that
// the next run redoes only the share of the articles that changed. For each
// article: the hash of the fragment it was read from, where its event lines
// sit in events.jsonl, and the few fields the index page shows; the entity
// references and dyad shares by article number; the event buckets (country pair,
// category, year) with their articles and where their groups sit in
// event-groups.jsonl. The integer arrays are in a file of their own, as raw
// bytes. Kept in `.cache/`: it only saves work. Any doubt (no
// ledger, another build, a corpus file changed since) and the corpus files are
// built from every fragment instead.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { QuadClass } from '../article.js';
import type { ArticleDigest } from './digest.js';
import type { EntityLedger } from './entity-totals.js';
import type { Manifest } from './manifest.js';

/**
 * Bump when the ledger's format changes, or the way a group's line in
 * event-groups.jsonl is written: kept groups' lines are copied, not written again.
 */
export const LEDGER_VERSION = 1;

export const LEDGER_PATH = join('.cache', 'aggregation.json');
/** The ledger's integer arrays (entity references, dyad shares, bucket articles), as raw bytes: most of it, and nothing to parse. */
export const LEDGER_INTEGERS_PATH = join('.cache', 'aggregation.ints');

/** The files the ledger points into, by the size, modification time and inode they had when written. */
const STAMPED_FILES = ['events.jsonl', 'event-groups.jsonl', LEDGER_INTEGERS_PATH];
type Stamp = [size: number, mtimeMs: number, ino: number];

/** An article: id, fragment hash, its event lines (offset, length) in events.jsonl, and what the index page shows of it. */
export type LedgerArticle = [
  id: string,
  hash: string,
  eventsAt: number,
  eventsLength: number,
  title: string | null,
  publisher: string | null,
  published: string | null,
  counts: ArticleDigest['counts'],
  eventTypes: Record<string, number>,
  quadClasses: Record<string, number>,
];

/** A group: its place in the file's order, its line in event-groups.jsonl, and what it takes off its dyad's period (its members beyond the first). */
export type LedgerGroup = [sortKey: string, at: number, length: number, dyad: string, period: string, quadClass: QuadClass, extra: number];

export interface LedgerBucket {
  /** Article numbers with events in the bucket, in order. */
  articles: number[];
  groups: LedgerGroup[];
}

export interface Ledger {
  version: number;
  build: string;
  stamps: Record<string, Stamp>;
  /** In manifest order: an article's number is its place here. */
  articles: LedgerArticle[];
  entities: EntityLedger;
  dyads: { periods: string[]; dyads: [key: string, shares: Int32Array][] };
  buckets: [key: string, bucket: LedgerBucket][];
}

/** What the corpus files depend on besides the fragments: this code and the build the fragments came from. */
export function buildOf(manifest: Manifest): string {
  return JSON.stringify([LEDGER_VERSION, manifest.tool.version, manifest.configHash, manifest.stages]);
}

function stampOf(path: string): Stamp | null {
  try {
    const s = statSync(path);
    return [s.size, s.mtimeMs, s.ino];
  } catch {
    return null;
  }
}

export function stampsOf(out: string): Record<string, Stamp> {
  const stamps: Record<string, Stamp> = {};
  for (const name of STAMPED_FILES) stamps[name] = stampOf(join(out, name)) ?? [0, 0, 0];
  return stamps;
}

/** The ledger's JSON file: the integer arrays are named by their place in the integers file. */
export interface LedgerFile {
  version: number;
  build: string;
  stamps: Record<string, Stamp>;
  articles: LedgerArticle[];
  entities: { locals: string[]; variants: [string | null, string][]; entities: [key: string, name: string, type: string, actor: string | null, references: Slice][] };
  dyads: { periods: string[]; dyads: [key: string, shares: Slice][] };
  buckets: [key: string, articles: Slice, groups: LedgerGroup[]][];
}

/** Offset and length, in integers, of an array in the integers file. */
export type Slice = [at: number, length: number];

/** The ledger, if it describes the corpus files as they are and was written for this build; else null. */
export function readLedger(out: string, build: string): Ledger | null {
  let file: LedgerFile;
  let ints: Int32Array;
  try {
    file = JSON.parse(readFileSync(join(out, LEDGER_PATH), 'utf8')) as LedgerFile;
    if (file.version !== LEDGER_VERSION || file.build !== build) return null;
    for (const name of STAMPED_FILES) {
      const now = stampOf(join(out, name));
      if (!now || JSON.stringify(now) !== JSON.stringify(file.stamps[name])) return null;
    }
    const bytes = readFileSync(join(out, LEDGER_INTEGERS_PATH));
    // A view when aligned (a large file has its own buffer), else a copy.
    ints = bytes.byteOffset % 4 === 0 ? new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2) : new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  } catch {
    return null;
  }
  const slice = ([at, length]: Slice): Int32Array => ints.subarray(at, at + length);
  return {
    version: file.version,
    build: file.build,
    stamps: file.stamps,
    articles: file.articles,
    entities: { locals: file.entities.locals, variants: file.entities.variants, entities: file.entities.entities.map(([key, name, type, actor, refs]) => [key, name, type as EntityLedger['entities'][number][2], actor, slice(refs)]) },
    dyads: { periods: file.dyads.periods, dyads: file.dyads.dyads.map(([key, shares]) => [key, slice(shares)]) },
    buckets: file.buckets.map(([key, articles, groups]) => [key, { articles: Array.from(slice(articles)), groups }]),
  };
}

/** Integer arrays bound for the integers file, each named by its slice as it is added. */
export class LedgerIntegers {
  private readonly arrays: Int32Array[] = [];
  private length = 0;

  add(array: Int32Array): Slice {
    this.arrays.push(array);
    this.length += array.length;
    return [this.length - array.length, array.length];
  }

  /** The file's bytes, an array at a time (views, not copies). */
  *chunks(): Generator<Uint8Array> {
    for (const array of this.arrays) yield new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  }
}

/** The ledger's JSON in pieces, an article's row at a time: a large corpus's is tens of megabytes. */
export function* ledgerChunks(file: LedgerFile): Generator<string> {
  const { articles, buckets, ...rest } = file;
  yield `${JSON.stringify(rest).slice(0, -1)},"articles":[`;
  for (let i = 0; i < articles.length; i++) yield (i ? ',\n' : '\n') + JSON.stringify(articles[i]);
  yield '],"buckets":[';
  for (let i = 0; i < buckets.length; i++) yield (i ? ',\n' : '\n') + JSON.stringify(buckets[i]);
  yield ']}\n';
}
