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
import type { ArticleDigest, PeriodRow } from './digest.js';
import type { EntityLedger } from './entity-totals.js';
import type { Manifest } from './manifest.js';

/** Bump when the ledger's format or what the aggregation writes from it changes. */
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

/** One article's share of a dyad: article number, cooperation, distrust, periods. */
export type DyadShare = [article: number, cooperation: number, distrust: number, periods: PeriodRow[]];

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
  dyads: [key: string, shares: DyadShare[]][];
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

/** The ledger, if it describes the corpus files as they are and was written for this build; else null. */
export function readLedger(out: string, build: string): Ledger | null {
  let ledger: Ledger;
  try {
    ledger = JSON.parse(readFileSync(join(out, LEDGER_PATH), 'utf8')) as Ledger;
  } catch {
    return null;
  }
  if (ledger.version !== LEDGER_VERSION || ledger.build !== build) return null;
  for (const name of SPLICED_FILES) {
    const now = stampOf(join(out, name));
    if (!now || JSON.stringify(now) !== JSON.stringify(ledger.stamps[name])) return null;
  }
  return ledger;
}

/** The ledger as text, in pieces (a large corpus's is tens of megabytes). */
export function* ledgerChunks(ledger: Ledger): Generator<string> {
  const list = function* <T>(name: string, items: T[], last = false): Generator<string> {
    yield `${JSON.stringify(name)}:[`;
    for (let i = 0; i < items.length; i++) yield (i ? ',\n' : '\n') + JSON.stringify(items[i]);
    yield `]${last ? '' : ','}\n`;
  };
  yield `{"version":${ledger.version},"build":${JSON.stringify(ledger.build)},"stamps":${JSON.stringify(ledger.stamps)},\n`;
  yield* list('articles', ledger.articles);
  yield `"entities":{"locals":${JSON.stringify(ledger.entities.locals)},"variants":${JSON.stringify(ledger.entities.variants)},`;
  yield* list('entities', ledger.entities.entities, true);
  yield '},';
  yield* list('dyads', ledger.dyads);
  yield* list('buckets', ledger.buckets, true);
  yield '}\n';
}

export { LEDGER_VERSION };
