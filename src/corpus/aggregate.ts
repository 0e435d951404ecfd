// Corpus-level files, rebuilt without running any stage: from each article's
// fragment (its digest and its event lines, written with the article), read one
// at a time in id order. A run that changed a few articles reads only theirs:
// the aggregation ledger (ledger.ts) keeps every other article's share, and
// their event lines and groups are copied from the files as they were. Memory
// is bounded by the aggregates (entity references, dyad shares, buckets),
// never by the text of the corpus; events.jsonl is streamed to disk.
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { QUAD_CLASSES, type EntityType } from '../article.js';
import { PACKAGE_ROOT } from '../data.js';
import { sha256 } from '../stages/ingest/paths.js';
import { ACTOR_ROWS, indexPageChunks, type ArticleSummary, type IndexData } from '../report/index-page.js';
import { REPORT_ASSETS } from '../report/assets.js';
import { byPeriod, sketchOfRow, stanceOf, type ArticleDigest, type DyadPeriod, type SketchRow } from './digest.js';
import { DyadTotals, type DyadTotal } from './dyad-totals.js';
import { EntityTotals } from './entity-totals.js';
import { collectGarbage } from './collect.js';
import { bucketOfGroup, bucketOfSketch, EventGrouper, type EventGroup } from './event-groups.js';
import { readShared, StreamedFile, WrittenFiles, writeIfChanged } from './files.js';
import { buildOf, LEDGER_INTEGERS_PATH, LEDGER_PATH, LEDGER_VERSION, LedgerIntegers, ledgerChunks, readLedger, stampsOf, type Ledger, type LedgerArticle, type LedgerBucket, type LedgerFile, type LedgerGroup, type Slice } from './ledger.js';
import { articleOutputs } from './outputs.js';
import { periodOf } from './periods.js';
import type { Manifest, ManifestArticle } from './manifest.js';

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

/** Fragments read afresh from which the aggregation collects its garbage between steps. */
const FRAGMENTS_FOR_COLLECTING = 2_000;

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
  const known = await WrittenFiles.load(out, join(out, '.fragments', 'corpus-files.json'));
  const run = new Aggregation(out, manifest, changed, known);
  await run.readArticles();
  run.renumber();
  await run.writeEntities();
  run.sumDyads();
  // The references and shares go to disk before the events are grouped: a large corpus's
  // grouping and its shares would otherwise take their memory at the same time.
  await run.saveIntegers();
  run.collectIfLarge();
  await run.writeGroups();
  run.collectIfLarge();
  await run.writeDyads();
  await run.writeIndex();
  await known.save();
  await run.writeAssets();
  // The ledger last: it vouches for the corpus files as they now are.
  await run.saveLedger();
  return run.finish();
}

/** One aggregation: the corpus files written in turn from the ledger and the fragments read. */
class Aggregation {
  private readonly written: string[] = [];
  private readonly files: StreamedFile[] = [];
  private readonly build: string;
  private readonly ledger: Ledger | null;
  /** The ledger's articles, by their number there. */
  private readonly before: LedgerArticle[];
  private readonly good: ManifestArticle[];
  /**
   * Article numbers: the ledger's are renumbered to this run's places; an
   * article read afresh is numbered `fresh` + its place until then.
   */
  private readonly fresh: number;
  private readonly numbers: Int32Array;
  /** Entity references and dyad shares, until they are saved (then null). */
  private entities: EntityTotals | null;
  private dyads: DyadTotals | null;
  private topEntities: IndexData['entities'] = [];
  private dyadTotals: DyadTotal[] = [];
  /** Where the integer arrays went in the integers file. */
  private entityHeader: LedgerFile['entities'] | null = null;
  private dyadHeader: LedgerFile['dyads'] | null = null;
  private readonly bucketSlices = new Map<string, Slice>();
  private readonly buckets: Map<string, LedgerBucket>;
  /** Buckets that gained or lost an article: grouped again. */
  private readonly touched = new Set<string>();
  private readonly keptSketches = new Map<number, SketchRow[]>();
  private keptCount = 0;
  /** Fragments read afresh (not vouched for by the ledger). */
  private freshlyRead = 0;
  /** This run's articles, in manifest order. */
  private readonly articles: LedgerArticle[];
  /** What each group takes off its dyad's period, for dyads.json. */
  private readonly happenings: LedgerGroup[] = [];
  private dyadSummaries: IndexData['dyads'] = [];

  constructor(
    private readonly out: string,
    private readonly manifest: Manifest,
    private readonly changed: ReadonlySet<string> | undefined,
    private readonly known: WrittenFiles,
  ) {
    this.build = buildOf(manifest);
    this.ledger = changed ? readLedger(out, this.build) : null;
    this.before = this.ledger?.articles ?? [];
    this.good = manifest.articles.filter((e) => e.status === 'ok');
    this.fresh = this.before.length;
    this.numbers = new Int32Array(this.before.length + this.good.length).fill(-1);
    for (let i = 0; i < this.good.length; i++) this.numbers[this.fresh + i] = i;
    this.entities = this.ledger ? EntityTotals.fromLedger(this.ledger.entities) : new EntityTotals();
    this.dyads = this.ledger ? DyadTotals.fromLedger(this.ledger.dyads.periods, this.ledger.dyads.dyads) : new DyadTotals();
    this.buckets = new Map(this.ledger?.buckets ?? []);
    this.articles = new Array(this.good.length);
  }

  private corpusFile(path: string, known: WrittenFiles | null = this.known): StreamedFile {
    const file = new StreamedFile(join(this.out, path), known);
    this.files.push(file);
    return file;
  }

  private async commit(file: StreamedFile, path: string): Promise<void> {
    if (await file.commit()) this.written.push(path);
  }

  /**
   * events.jsonl, and the shares of the articles read afresh: those the ledger
   * does not know and those processed since whose fragment changed. The others'
   * event lines are copied. Fragments are read synchronously: nothing else runs
   * meanwhile, and a small file costs a fraction of a promise's round trip
   * through the thread pool. Event lines are copied as bytes, never decoded.
   */
  async readArticles(): Promise<void> {
    const { before, fresh, numbers } = this;
    const numberOf = new Map(before.map((a, k) => [a[0], k]));
    const events = this.corpusFile('events.jsonl');
    for (let i = 0; i < this.good.length; i++) {
      const id = this.good[i].id;
      const k = numberOf.get(id);
      let fragment: Buffer | null = null;
      let hash = '';
      if (k === undefined || this.changed?.has(id)) {
        fragment = readShared(join(this.out, articleOutputs(id).fragment));
        hash = sha256(fragment);
        if (k !== undefined && hash === before[k][1]) fragment = null;
      }
      if (!fragment) {
        // Unchanged since the ledger: its share stays, its event lines are copied.
        const old = before[k!];
        numbers[k!] = i;
        this.articles[i] = [...old];
        this.articles[i][2] = events.bytes;
        await events.copy(old[2], old[3]);
        continue;
      }
      this.freshlyRead++;
      const newline = fragment.indexOf(0x0a);
      const digest = JSON.parse(fragment.toString('utf8', 0, newline)) as ArticleDigest;
      this.articles[i] = [id, hash, events.bytes, fragment.length - newline - 1, digest.title, digest.publisher, digest.published, digest.counts, digest.eventTypes, digest.quadClasses];
      await events.write(fragment.subarray(newline + 1));
      this.entities!.add(digest.entities, fresh + i);
      this.dyads!.add(digest.dyads, fresh + i);
      for (const row of digest.sketches) {
        const key = bucketOfSketch(sketchOfRow(row))!;
        let bucket = this.buckets.get(key);
        if (!bucket) this.buckets.set(key, (bucket = { articles: [], groups: [] }));
        if (bucket.articles.at(-1) !== fresh + i) bucket.articles.push(fresh + i);
        this.touched.add(key);
      }
      if (digest.sketches.length && this.keptCount + digest.sketches.length <= KEPT_SKETCHES) {
        this.keptSketches.set(i, digest.sketches);
        this.keptCount += digest.sketches.length;
      }
    }
    await this.commit(events, 'events.jsonl');
  }

  /**
   * After reading thousands of fragments, and again after grouping their events,
   * most of the heap is garbage V8 would keep until the next step had added its
   * own (collect.ts): collected between steps, a full aggregation of 50,000
   * articles peaks ~12 MB lower and ends ~45 MB lower. An aggregation of a few
   * changed articles skips it.
   */
  collectIfLarge(): void {
    if (this.freshlyRead >= FRAGMENTS_FOR_COLLECTING) collectGarbage();
  }

  /** The ledger's shares follow their articles to their new numbers; those of articles gone or redone go. */
  renumber(): void {
    this.entities!.renumber(this.numbers);
    this.dyads!.renumber(this.numbers);
    for (const [key, bucket] of this.buckets) {
      const length = bucket.articles.length;
      bucket.articles = renumbered(bucket.articles, this.numbers);
      if (bucket.articles.length < length) this.touched.add(key);
    }
  }

  /**
   * event-groups.jsonl: the touched buckets grouped again, from their articles'
   * sketches in order; the others keep their groups, whose lines are copied.
   * Both come in the file's order (the earliest first report first, ties by id)
   * and are merged as they are written.
   */
  async writeGroups(): Promise<void> {
    const kept: { bucket: string; group: LedgerGroup }[] = [];
    for (const [key, bucket] of this.buckets) {
      if (!this.touched.has(key)) for (const group of bucket.groups) kept.push({ bucket: key, group });
      bucket.groups = [];
    }
    kept.sort((a, b) => (a.group[0] < b.group[0] ? -1 : a.group[0] > b.group[0] ? 1 : 0));
    const file = this.corpusFile('event-groups.jsonl');
    const place = (bucket: string, group: LedgerGroup, at: number): void => {
      const placed: LedgerGroup = [group[0], at, file.bytes - at, group[3], group[4], group[5], group[6]];
      this.buckets.get(bucket)!.groups.push(placed);
      this.happenings.push(placed);
    };
    let k = 0;
    /** Copies the kept groups that come before `sortKey` (null: all that are left). */
    const copyKeptUntil = async (sortKey: string | null): Promise<void> => {
      for (; k < kept.length && (sortKey === null || kept[k].group[0] < sortKey); k++) {
        const at = file.bytes;
        await file.copy(kept[k].group[1], kept[k].group[2]);
        place(kept[k].bucket, kept[k].group, at);
      }
    };
    for (const group of this.regroup()) {
      const sortKey = `${group.first.published ?? '\uffff'}\u0000${group.id}`;
      await copyKeptUntil(sortKey);
      const at = file.bytes;
      await file.write(JSON.stringify(group) + '\n');
      place(bucketOfGroup(group), [sortKey, 0, 0, [...group.actors].sort().join('|'), periodOf(group.date, group.first.published), group.quadClass, group.members.length - 1], at);
    }
    await copyKeptUntil(null);
    for (const [key, bucket] of this.buckets) if (bucket.articles.length === 0) this.buckets.delete(key);
    await this.commit(file, 'event-groups.jsonl');
  }

  /**
   * Groups of the touched buckets, made again from their articles' sketches in
   * article order (buckets never share a group, so each is grouped as it would
   * be among all). Sketches come from the fragments, or from those just read.
   */
  private *regroup(): Generator<EventGroup> {
    const members = new Set<number>();
    for (const key of this.touched) for (const n of this.buckets.get(key)?.articles ?? []) members.add(n);
    const grouper = new EventGrouper();
    for (const n of [...members].sort((a, b) => a - b)) {
      let sketches = this.keptSketches.get(n);
      if (!sketches) {
        const fragment = readShared(join(this.out, articleOutputs(this.good[n].id).fragment));
        sketches = (JSON.parse(fragment.toString('utf8', 0, fragment.indexOf(0x0a))) as ArticleDigest).sketches;
      }
      const [id, , , , , publisher, published] = this.articles[n];
      for (const row of sketches) {
        const sketch = sketchOfRow(row);
        if (this.touched.has(bucketOfSketch(sketch)!)) grouper.addSketch(sketch, id, publisher, published);
      }
    }
    yield* grouper.eachGroup();
  }

  /** Each dyad's shares summed in article order. */
  sumDyads(): void {
    this.dyadTotals = this.dyads!.totals();
  }

  /** dyads.json: each dyad's totals less the extra reports of its happenings. */
  async writeDyads(): Promise<void> {
    const dyads = this.dyadTotals;
    const byKey = new Map(dyads.map((d) => [d.actors.join('|'), d]));
    for (const d of dyads) for (const p of d.periods.values()) p.reports = { ...p.events };
    for (const group of this.happenings) {
      const period = byKey.get(group[3])?.periods.get(group[4]);
      if (period) period.events[group[5]] -= group[6];
    }
    for (const d of dyads) for (const p of d.periods.values()) for (const q of QUAD_CLASSES) p.events[q] = Math.max(0, p.events[q]);
    const file = this.corpusFile('dyads.json');
    this.dyadSummaries = await writeDyads(file, dyads, this.good);
    await this.commit(file, 'dyads.json');
    this.dyadTotals = [];
  }

  async writeEntities(): Promise<void> {
    const file = this.corpusFile('entities.jsonl');
    for (const line of this.entities!.lines(this.good.map((e) => e.id))) await file.write(line);
    await this.commit(file, 'entities.jsonl');
    this.topEntities = this.entities!.top(ACTOR_ROWS);
  }

  /** The integers file of the ledger; the references and shares in it are let go (their totals are made). */
  async saveIntegers(): Promise<void> {
    const ints = new LedgerIntegers();
    const entities = this.entities!.toLedger();
    this.entityHeader = { locals: entities.locals, variants: entities.variants, entities: entities.entities.map(([key, name, type, actor, refs]) => [key, name, type, actor, ints.add(refs)]) };
    const dyads = this.dyads!.toLedger();
    this.dyadHeader = { periods: dyads.periods, dyads: dyads.dyads.map(([key, shares]) => [key, ints.add(shares)]) };
    for (const [key, bucket] of this.buckets) this.bucketSlices.set(key, ints.add(Int32Array.from(bucket.articles)));
    const file = this.corpusFile(LEDGER_INTEGERS_PATH, null);
    for (const chunk of ints.chunks()) await file.write(chunk);
    await file.commit();
    this.entities = this.dyads = null;
  }

  /** The index page: a few fields of each article, not its digest. */
  async writeIndex(): Promise<void> {
    const eventTypes: Record<string, number> = {};
    const quadClasses: Record<string, number> = {};
    for (const a of this.articles) {
      for (const [k, n] of Object.entries(a[8])) eventTypes[k] = (eventTypes[k] ?? 0) + n;
      for (const [k, n] of Object.entries(a[9])) quadClasses[k] = (quadClasses[k] ?? 0) + n;
    }
    let next = 0;
    const summaries: ArticleSummary[] = this.manifest.articles.map((entry) => {
      if (entry.status !== 'ok') return { entry, article: null };
      const [id, , , , title, publisher, published, counts] = this.articles[next++];
      return { entry, article: { id, title, publisher, published, counts } };
    });
    const file = this.corpusFile('report/index.html');
    for (const chunk of indexPageChunks({ articles: summaries, dyads: this.dyadSummaries, entities: this.topEntities, eventTypes, quadClasses })) await file.write(chunk);
    await this.commit(file, 'report/index.html');
  }

  /** The report's assets and the schemas, copied when they changed. */
  async writeAssets(): Promise<void> {
    const write = async (path: string, text: string): Promise<void> => {
      if (await writeIfChanged(join(this.out, path), text)) this.written.push(path);
    };
    for (const asset of REPORT_ASSETS) await write(`report/assets/${asset.name}`, readFileSync(asset.path, 'utf8'));
    for (const schema of (await readdir(join(PACKAGE_ROOT, 'schemas'))).sort()) {
      await write(`schemas/${schema}`, await readFile(join(PACKAGE_ROOT, 'schemas', schema), 'utf8'));
    }
  }

  async saveLedger(): Promise<void> {
    const ledger: LedgerFile = {
      version: LEDGER_VERSION,
      build: this.build,
      stamps: stampsOf(this.out),
      articles: this.articles,
      entities: this.entityHeader!,
      dyads: this.dyadHeader!,
      buckets: [...this.buckets.keys()].sort().map((key) => [key, this.bucketSlices.get(key)!, this.buckets.get(key)!.groups]),
    };
    const file = this.corpusFile(LEDGER_PATH, null);
    for (const chunk of ledgerChunks(ledger)) await file.write(chunk);
    await file.commit();
  }

  /** Once the versions the new files replaced are gone: the paths written. */
  async finish(): Promise<string[]> {
    await Promise.all(this.files.map((f) => f.settled()));
    return this.written;
  }
}

/** Article numbers renumbered by `numbers` (-1: dropped), in order. */
function renumbered(articles: number[], numbers: Int32Array): number[] {
  const kept: number[] = [];
  for (const n of articles) if (numbers[n] !== -1) kept.push(numbers[n]);
  return kept.sort((x, y) => x - y);
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
