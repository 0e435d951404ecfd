// Corpus-level files, rebuilt without running any stage: from each article's
// fragment (its digest and its event lines, written with the article), read one
// at a time in id order. A run that changed a few articles reads only theirs:
// the aggregation ledger (ledger.ts) keeps every other article's share, and
// their event lines and groups are copied from the files as they were. Memory
// is bounded by the aggregates (entity references, dyad shares, buckets),
// never by the text of the corpus; events.jsonl is streamed to disk.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { QUAD_CLASSES, type EntityType } from '../article.js';
import { PACKAGE_ROOT } from '../data.js';
import { ACTOR_ROWS, indexPageChunks, type ArticleSummary, type IndexData } from '../report/index-page.js';
import { REPORT_ASSETS } from '../report/assets.js';
import { byPeriod, sketchOfRow, stanceOf, type ArticleDigest, type DyadPeriod, type SketchRow } from './digest.js';
import { DyadTotals, type DyadTotal } from './dyad-totals.js';
import { EntityTotals } from './entity-totals.js';
import { bucketOfGroup, bucketOfSketch, EventGrouper, type EventGroup } from './event-groups.js';
import { StreamedFile, WrittenFiles, writeIfChanged } from './files.js';
import { buildOf, LEDGER_PATH, LEDGER_VERSION, ledgerChunks, readLedger, stampsOf, type Ledger, type LedgerArticle, type LedgerBucket, type LedgerGroup } from './ledger.js';
import { articleOutputs } from './outputs.js';
import { periodOf } from './periods.js';
import type { Manifest } from './manifest.js';

export interface CorpusEntity {
  name: string;
  type: EntityType;
  actor: string | null;
  country: string | null;
  kind: string;
  mentions: number;
  articles: { id: string; entity: string; mentions: number }[];
}

export interface CorpusDyad {
  actors: [string, string];
  cooperation: number;
  distrust: number;
  stance: number;
  articles: string[];
  periods: DyadPeriod[];
}

/** Sketches of freshly read articles kept for the regrouping, up to this many (beyond: read again). */
const KEPT_SKETCHES = 10_000;

/**
 * Writes every corpus-level file that changed; returns their paths inside `out`.
 * `changed` names the articles processed since the last aggregation: with it,
 * and a ledger that matches the corpus files, only their share is redone (the
 * other articles' event lines and groups are copied as bytes); without it,
 * every fragment is read.
 */
export async function aggregate(out: string, manifest: Manifest, changed?: ReadonlySet<string>): Promise<string[]> {
  const written: string[] = [];
  const write = async (path: string, text: string): Promise<void> => {
    if (await writeIfChanged(join(out, path), text)) written.push(path);
  };
  const files: StreamedFile[] = [];
  const corpusFile = (path: string, known: WrittenFiles | null): StreamedFile => {
    const file = new StreamedFile(join(out, path), known);
    files.push(file);
    return file;
  };

  const known = await WrittenFiles.load(out, join(out, '.fragments', 'corpus-files.json'));
  const build = buildOf(manifest);
  const ledger = changed ? readLedger(out, build) : null;
  const before: LedgerArticle[] = ledger?.articles ?? [];
  const good = manifest.articles.filter((e) => e.status === 'ok');

  // Article numbers: the ledger's are renumbered to this run's places; an
  // article read afresh is numbered FRESH + its place until then.
  const FRESH = before.length;
  const numbers = new Int32Array(before.length + good.length).fill(-1);
  for (let i = 0; i < good.length; i++) numbers[FRESH + i] = i;
  const numberOf = new Map(before.map((a, k) => [a[0], k]));
  const entities = ledger ? EntityTotals.fromLedger(ledger.entities) : new EntityTotals();
  const dyads = ledger ? DyadTotals.fromLedger(ledger.dyads.periods, ledger.dyads.dyads) : new DyadTotals();
  const buckets = new Map(ledger?.buckets ?? []);
  const touched = new Set<string>();
  const keptSketches = new Map<number, SketchRow[]>();
  let keptCount = 0;
  // Without a ledger every bucket is new: events are grouped as the articles are read, in order.
  let grouper = ledger ? null : new EventGrouper();

  // Fragments are read synchronously: nothing else runs meanwhile, and a small
  // file costs a fraction of a promise's round trip through the thread pool.
  // The event lines are copied to events.jsonl as bytes, never decoded.
  const events = corpusFile('events.jsonl', known);
  const articles: LedgerArticle[] = new Array(good.length);
  for (let i = 0; i < good.length; i++) {
    const id = good[i].id;
    const k = numberOf.get(id);
    let fragment: Buffer | null = null;
    let hash = '';
    if (k === undefined || changed?.has(id)) {
      fragment = readFileSync(join(out, articleOutputs(id).fragment));
      hash = createHash('sha256').update(fragment).digest('base64');
      if (k !== undefined && hash === before[k][1]) fragment = null;
    }
    if (!fragment) {
      // Unchanged since the ledger: its share stays, its event lines are copied.
      const old = before[k!];
      numbers[k!] = i;
      articles[i] = [...old];
      articles[i][2] = events.bytes;
      await events.copy(old[2], old[3]);
      continue;
    }
    const newline = fragment.indexOf(0x0a);
    const digest = JSON.parse(fragment.toString('utf8', 0, newline)) as ArticleDigest;
    articles[i] = [id, hash, events.bytes, fragment.length - newline - 1, digest.title, digest.publisher, digest.published, digest.counts, digest.eventTypes, digest.quadClasses];
    await events.write(fragment.subarray(newline + 1));
    entities.add(digest.entities, FRESH + i);
    dyads.add(digest.dyads, FRESH + i);
    for (const row of digest.sketches) {
      const sketch = sketchOfRow(row);
      grouper?.addSketch(sketch, id, digest.publisher, digest.published);
      const key = bucketOfSketch(sketch)!;
      let bucket = buckets.get(key);
      if (!bucket) buckets.set(key, (bucket = { articles: [], groups: [] }));
      if (bucket.articles.at(-1) !== FRESH + i) bucket.articles.push(FRESH + i);
      touched.add(key);
    }
    if (!grouper && digest.sketches.length && keptCount + digest.sketches.length <= KEPT_SKETCHES) {
      keptSketches.set(i, digest.sketches);
      keptCount += digest.sketches.length;
    }
  }
  if (await events.commit()) written.push('events.jsonl');

  // The ledger's shares follow their articles to their new numbers; those of articles gone or redone go.
  entities.renumber(numbers);
  entities.sort();
  dyads.renumber(numbers);
  for (const [key, bucket] of buckets) {
    const length = bucket.articles.length;
    bucket.articles = renumbered(bucket.articles, numbers);
    if (bucket.articles.length < length) touched.add(key);
  }

  // Buckets that lost or gained an article are grouped again, from their articles' sketches in order;
  // the others keep their groups, whose lines are copied. Both come in the file's order
  // (the earliest first report first, ties by id) and are merged as they are written.
  const kept: { bucket: string; group: LedgerGroup }[] = [];
  for (const [key, bucket] of buckets) {
    if (!touched.has(key)) for (const group of bucket.groups) kept.push({ bucket: key, group });
    bucket.groups = [];
  }
  kept.sort((a, b) => (a.group[0] < b.group[0] ? -1 : a.group[0] > b.group[0] ? 1 : 0));
  const groupFile = corpusFile('event-groups.jsonl', known);
  /** What each group takes off its dyad's period, for dyads.json. */
  const happenings: LedgerGroup[] = [];
  const file = (bucket: string, group: LedgerGroup, at: number): void => {
    const placed: LedgerGroup = [group[0], at, groupFile.bytes - at, group[3], group[4], group[5], group[6]];
    buckets.get(bucket)!.groups.push(placed);
    happenings.push(placed);
  };
  let k = 0;
  /** Copies the kept groups that come before `sortKey` (null: all that are left). */
  const copyKeptUntil = async (sortKey: string | null): Promise<void> => {
    for (; k < kept.length && (sortKey === null || kept[k].group[0] < sortKey); k++) {
      const at = groupFile.bytes;
      await groupFile.copy(kept[k].group[1], kept[k].group[2]);
      file(kept[k].bucket, kept[k].group, at);
    }
  };
  for (const group of grouper ? grouper.eachGroup() : regroup(out, good, articles, buckets, touched, keptSketches)) {
    const sortKey = `${group.first.published ?? '\uffff'}\u0000${group.id}`;
    await copyKeptUntil(sortKey);
    const at = groupFile.bytes;
    await groupFile.write(JSON.stringify(group) + '\n');
    file(bucketOfGroup(group), [sortKey, 0, 0, [...group.actors].sort().join('|'), periodOf(group.date, group.first.published), group.quadClass, group.members.length - 1], at);
  }
  await copyKeptUntil(null);
  grouper = null; // tens of megabytes for a large corpus, not needed for the files still to write
  for (const [key, bucket] of buckets) if (bucket.articles.length === 0) buckets.delete(key);
  if (await groupFile.commit()) written.push('event-groups.jsonl');

  // Dyads: each one's shares summed in article order, less the extra reports of its happenings.
  const dyadList = dyads.totals();
  const byKey = new Map(dyadList.map((d) => [d.actors.join('|'), d]));
  for (const d of dyadList) for (const p of d.periods.values()) p.reports = { ...p.events };
  for (const group of happenings) {
    const period = byKey.get(group[3])?.periods.get(group[4]);
    if (period) period.events[group[5]] -= group[6];
  }
  for (const d of dyadList) for (const p of d.periods.values()) for (const q of QUAD_CLASSES) p.events[q] = Math.max(0, p.events[q]);
  const dyadFile = corpusFile('dyads.json', known);
  const dyadSummaries = await writeDyads(dyadFile, dyadList, good);
  if (await dyadFile.commit()) written.push('dyads.json');

  const entityFile = corpusFile('entities.jsonl', known);
  for (const line of entities.lines(good.map((e) => e.id))) await entityFile.write(line);
  if (await entityFile.commit()) written.push('entities.jsonl');

  // The index page needs a few fields of each article, not its digest.
  const eventTypes: Record<string, number> = {};
  const quadClasses: Record<string, number> = {};
  for (const a of articles) {
    for (const [k, n] of Object.entries(a[8])) eventTypes[k] = (eventTypes[k] ?? 0) + n;
    for (const [k, n] of Object.entries(a[9])) quadClasses[k] = (quadClasses[k] ?? 0) + n;
  }
  let next = 0;
  const summaries: ArticleSummary[] = manifest.articles.map((entry) => {
    if (entry.status !== 'ok') return { entry, article: null };
    const [id, , , , title, publisher, published, counts] = articles[next++];
    return { entry, article: { id, title, publisher, published, counts } };
  });
  const index = corpusFile('report/index.html', known);
  for (const chunk of indexPageChunks({ articles: summaries, dyads: dyadSummaries, entities: entities.top(ACTOR_ROWS), eventTypes, quadClasses })) await index.write(chunk);
  if (await index.commit()) written.push('report/index.html');
  await known.save();
  for (const asset of REPORT_ASSETS) await write(`report/assets/${asset.name}`, readFileSync(asset.path, 'utf8'));
  for (const schema of (await readdir(join(PACKAGE_ROOT, 'schemas'))).sort()) {
    await write(`schemas/${schema}`, await readFile(join(PACKAGE_ROOT, 'schemas', schema), 'utf8'));
  }

  // The ledger last: it vouches for the corpus files as they now are.
  const ledgerNow: Ledger = { version: LEDGER_VERSION, build, stamps: stampsOf(out), articles, entities: entities.toLedger(), dyads: dyads.toLedger(), buckets: [...buckets].sort(([a], [b]) => (a < b ? -1 : 1)) };
  const ledgerFile = corpusFile(LEDGER_PATH, null);
  for (const chunk of ledgerChunks(ledgerNow)) await ledgerFile.write(chunk);
  await ledgerFile.commit();
  await Promise.all(files.map((f) => f.settled()));
  return written;
}

/** Article numbers renumbered by `numbers` (-1: dropped), in order. */
function renumbered(articles: number[], numbers: Int32Array): number[] {
  const kept: number[] = [];
  for (const n of articles) if (numbers[n] !== -1) kept.push(numbers[n]);
  return kept.sort((x, y) => x - y);
}

/**
 * Groups of the touched buckets, made again from their articles' sketches in
 * article order (buckets never share a group, so each is grouped as it would
 * be among all). Sketches come from the fragments, or from those just read.
 */
function* regroup(out: string, good: readonly { id: string }[], articles: LedgerArticle[], buckets: Map<string, LedgerBucket>, touched: Set<string>, kept: Map<number, SketchRow[]>): Generator<EventGroup> {
  const members = new Set<number>();
  for (const key of touched) for (const n of buckets.get(key)?.articles ?? []) members.add(n);
  const grouper = new EventGrouper();
  for (const n of [...members].sort((a, b) => a - b)) {
    let sketches = kept.get(n);
    if (!sketches) {
      const fragment = readFileSync(join(out, articleOutputs(good[n].id).fragment));
      sketches = (JSON.parse(fragment.toString('utf8', 0, fragment.indexOf(0x0a))) as ArticleDigest).sketches;
    }
    const [id, , , , , publisher, published] = articles[n];
    for (const row of sketches) {
      const sketch = sketchOfRow(row);
      if (touched.has(bucketOfSketch(sketch)!)) grouper.addSketch(sketch, id, publisher, published);
    }
  }
  yield* grouper.eachGroup();
}

/**
 * dyads.json as JSON.stringify({ schemaVersion, dyads }, null, 2) would write it,
 * one dyad at a time; returns the dyads for the index page (their articles counted, not listed).
 */
async function writeDyads(file: StreamedFile, dyads: DyadTotal[], articles: readonly { id: string }[]): Promise<IndexData['dyads']> {
  const summaries: IndexData['dyads'] = [];
  await file.write(`{\n  "schemaVersion": 1,\n  "dyads": [${dyads.length ? '\n' : ''}`);
  for (let i = 0; i < dyads.length; i++) {
    const d = dyads[i];
    const summary = { actors: d.actors, cooperation: d.cooperation, distrust: d.distrust, stance: stanceOf(d.cooperation, d.distrust), articleCount: d.articles.length, periods: [...d.periods.values()].sort(byPeriod) };
    const dyad: CorpusDyad = { actors: summary.actors, cooperation: summary.cooperation, distrust: summary.distrust, stance: summary.stance, articles: d.articles.map((k) => articles[k].id), periods: summary.periods };
    await file.write(`${i ? ',\n' : ''}    ${JSON.stringify(dyad, null, 2).replaceAll('\n', '\n    ')}`);
    summaries.push(summary);
  }
  await file.write(`${dyads.length ? '\n  ' : ''}]\n}\n`);
  return summaries;
}
