// The aggregation ledger: what the corpus files were last built from, so that
// the next run redoes only the share of the articles that changed. For each
// article: the hash of the fragment it was read from, where its event lines
// sit in events.jsonl, and the few fields the index page shows; the entity
// references and dyad rows by article number; the event buckets (country pair,
// category, year) with their articles and where their groups sit in
// event-groups.jsonl. Kept in `.cache/`: it only saves work. Any doubt (no
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
const LEDGER_VERSION = 1;

export const LEDGER_PATH = join('.cache', 'aggregation.json');

/** The corpus files the ledger points into, by the size, modification time and inode they had when written. */
export const SPLICED_FILES = ['events.jsonl', 'event-groups.jsonl'] as const;
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
  for (const name of SPLICED_FILES) stamps[name] = stampOf(join(out, name)) ?? [0, 0, 0];
  return stamps;
}

/**
 * The ledger's file: a line of JSON, then its integer arrays (entity
 * references, dyad shares, bucket articles) as raw bytes, each named in the
 * JSON by its offset and length: they are most of the ledger, and cost nothing
 * to parse this way.
 */
interface LedgerFile {
  version: number;
  build: string;
  stamps: Record<string, Stamp>;
  articles: LedgerArticle[];
  entities: { locals: string[]; variants: [string | null, string][]; entities: [key: string, name: string, type: string, actor: string | null, references: Slice][] };
  dyads: { periods: string[]; dyads: [key: string, shares: Slice][] };
  buckets: [key: string, articles: Slice, groups: LedgerGroup[]][];
}

/** Offset and length, in integers, of an array in the ledger's binary part. */
type Slice = [at: number, length: number];

/** The ledger, if it describes the corpus files as they are and was written for this build; else null. */
export function readLedger(out: string, build: string): Ledger | null {
  let file: LedgerFile;
  let ints: Int32Array;
  try {
    const bytes = readFileSync(join(out, LEDGER_PATH));
    const newline = bytes.indexOf(0x0a);
    file = JSON.parse(bytes.toString('utf8', 0, newline)) as LedgerFile;
    if (file.version !== LEDGER_VERSION || file.build !== build) return null;
    const start = bytes.byteOffset + newline + 1;
    const length = (bytes.length - newline - 1) >> 2;
    // A view when aligned (a large file has its own buffer), else a copy.
    ints = start % 4 === 0 ? new Int32Array(bytes.buffer, start, length) : new Int32Array(bytes.buffer.slice(start, start + length * 4));
  } catch {
    return null;
  }
  for (const name of SPLICED_FILES) {
    const now = stampOf(join(out, name));
    if (!now || JSON.stringify(now) !== JSON.stringify(file.stamps[name])) return null;
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

/** The ledger's file, in pieces (a large corpus's is tens of megabytes). */
export function* ledgerChunks(ledger: Ledger): Generator<string | Uint8Array> {
  const arrays: Int32Array[] = [];
  let offset = 0;
  const slice = (array: Int32Array): Slice => {
    arrays.push(array);
    offset += array.length;
    return [offset - array.length, array.length];
  };
  const file: LedgerFile = {
    version: ledger.version,
    build: ledger.build,
    stamps: ledger.stamps,
    articles: ledger.articles,
    entities: { locals: ledger.entities.locals, variants: ledger.entities.variants, entities: ledger.entities.entities.map(([key, name, type, actor, refs]) => [key, name, type, actor, slice(refs)]) },
    dyads: { periods: ledger.dyads.periods, dyads: ledger.dyads.dyads.map(([key, shares]) => [key, slice(shares)]) },
    buckets: ledger.buckets.map(([key, bucket]) => [key, slice(Int32Array.from(bucket.articles)), bucket.groups]),
  };
  // The JSON line in pieces (an article's row at a time): a large corpus's is tens of megabytes.
  let bytes = 0;
  const pieces = function* (): Generator<string> {
    const { articles, buckets, ...rest } = file;
    yield `${JSON.stringify(rest).slice(0, -1)},"articles":[`;
    for (let i = 0; i < articles.length; i++) yield (i ? ',' : '') + JSON.stringify(articles[i]);
    yield '],"buckets":[';
    for (let i = 0; i < buckets.length; i++) yield (i ? ',' : '') + JSON.stringify(buckets[i]);
    yield ']}';
  };
  for (const piece of pieces()) {
    bytes += Buffer.byteLength(piece);
    yield piece;
  }
  // Padded so that the integers start at a multiple of four bytes.
  yield ' '.repeat((4 - ((bytes + 1) % 4)) % 4) + '\n';
  for (const array of arrays) yield new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

export { LEDGER_VERSION };
