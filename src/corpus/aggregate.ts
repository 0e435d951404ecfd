// Corpus-level files, rebuilt without running any stage: from each article's
// fragment (its digest and its event lines, written with the article), read one
// at a time in id order. Memory is bounded by the aggregates (distinct entities
// and dyads), never by the corpus; events.jsonl is streamed to disk.
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { QUAD_CLASSES, type EntityType } from '../article.js';
import { PACKAGE_ROOT } from '../data.js';
import { ACTOR_ROWS, indexPageChunks, type ArticleSummary, type IndexData } from '../report/index-page.js';
import { REPORT_ASSETS } from '../report/assets.js';
import { byPeriod, noEvents, round3, sketchOfRow, stanceOf, type ArticleDigest, type DyadPeriod } from './digest.js';
import { EntityTotals } from './entity-totals.js';
import { EventGrouper, type EventGroup } from './event-groups.js';
import { StreamedFile, WrittenFiles, writeIfChanged } from './files.js';
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

/** A dyad while the corpus is read: its articles by number (in manifest order), its periods by name. */
interface DyadTotal {
  actors: [string, string];
  cooperation: number;
  distrust: number;
  articles: number[];
  periods: Map<string, DyadPeriod>;
}

/** Writes every corpus-level file that changed; returns their paths inside `out`. */
export async function aggregate(out: string, manifest: Manifest): Promise<string[]> {
  const written: string[] = [];
  const write = async (path: string, text: string): Promise<void> => {
    if (await writeIfChanged(join(out, path), text)) written.push(path);
  };

  const known = await WrittenFiles.load(out, join(out, '.fragments', 'corpus-files.json'));
  const events = new StreamedFile(join(out, 'events.jsonl'), known);
  const grouper = new EventGrouper();
  const entities = new EntityTotals();
  const dyads = new Map<string, DyadTotal>();
  const summaries: ArticleSummary[] = [];
  const eventTypes: Record<string, number> = {};
  const quadClasses: Record<string, number> = {};

  // Fragments are read synchronously: nothing else runs meanwhile, and a small
  // file costs a fraction of a promise's round trip through the thread pool.
  // The event lines are copied to events.jsonl as bytes, never decoded.
  const good = manifest.articles.filter((e) => e.status === 'ok');
  let next = 0;
  for (const entry of manifest.articles) {
    if (entry.status !== 'ok') {
      summaries.push({ entry, article: null });
      continue;
    }
    const fragment = readFileSync(join(out, articleOutputs(good[next++].id).fragment));
    const newline = fragment.indexOf(0x0a);
    const digest = JSON.parse(fragment.toString('utf8', 0, newline)) as ArticleDigest;
    await events.write(fragment.subarray(newline + 1));
    for (const row of digest.sketches) grouper.addSketch(sketchOfRow(row), digest.id, digest.publisher, digest.published);
    entities.add(digest.entities, next - 1);
    addDyads(dyads, digest, next - 1);
    for (const [k, n] of Object.entries(digest.eventTypes)) eventTypes[k] = (eventTypes[k] ?? 0) + n;
    for (const [k, n] of Object.entries(digest.quadClasses)) quadClasses[k] = (quadClasses[k] ?? 0) + n;
    // The index page needs a few fields of each article, not its digest.
    summaries.push({ entry, article: { id: digest.id, title: digest.title, publisher: digest.publisher, published: digest.published, counts: digest.counts } });
  }

  if (await events.commit()) written.push('events.jsonl');
  for (const slot of dyads.values()) for (const p of slot.periods.values()) p.reports = { ...p.events };
  const groupFile = new StreamedFile(join(out, 'event-groups.jsonl'), known);
  for (const group of grouper.eachGroup()) {
    countHappening(dyads, group);
    await groupFile.write(JSON.stringify(group) + '\n');
  }
  if (await groupFile.commit()) written.push('event-groups.jsonl');
  const entityFile = new StreamedFile(join(out, 'entities.jsonl'), known);
  for (const line of entities.lines(good.map((e) => e.id))) await entityFile.write(line);
  if (await entityFile.commit()) written.push('entities.jsonl');
  const dyadList = [...dyads.values()].sort((a, b) => (a.actors.join('|') < b.actors.join('|') ? -1 : 1));
  const dyadFile = new StreamedFile(join(out, 'dyads.json'), known);
  const dyadSummaries = await writeDyads(dyadFile, dyadList, good);
  if (await dyadFile.commit()) written.push('dyads.json');
  const index = new StreamedFile(join(out, 'report/index.html'), known);
  for (const chunk of indexPageChunks({ articles: summaries, dyads: dyadSummaries, entities: entities.top(ACTOR_ROWS), eventTypes, quadClasses })) await index.write(chunk);
  if (await index.commit()) written.push('report/index.html');
  await known.save();
  for (const asset of REPORT_ASSETS) await write(`report/assets/${asset.name}`, readFileSync(asset.path, 'utf8'));
  for (const schema of (await readdir(join(PACKAGE_ROOT, 'schemas'))).sort()) {
    await write(`schemas/${schema}`, await readFile(join(PACKAGE_ROOT, 'schemas', schema), 'utf8'));
  }
  return written;
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

function addDyads(dyads: Map<string, DyadTotal>, digest: ArticleDigest, article: number): void {
  for (const [a, b, cooperation, distrust, periods] of digest.dyads) {
    const key = `${a}|${b}`;
    let slot = dyads.get(key);
    if (!slot) dyads.set(key, (slot = { actors: [a, b], cooperation: 0, distrust: 0, articles: [], periods: new Map() }));
    slot.cooperation = round3(slot.cooperation + cooperation);
    slot.distrust = round3(slot.distrust + distrust);
    slot.articles.push(article);
    for (const p of periods) {
      let total = slot.periods.get(p[0]);
      if (!total) slot.periods.set(p[0], (total = { period: p[0], cooperation: 0, distrust: 0, stance: 0, sentences: 0, events: noEvents() }));
      total.cooperation = round3(total.cooperation + p[1]);
      total.distrust = round3(total.distrust + p[2]);
      total.sentences += p[3];
      for (let q = 0; q < QUAD_CLASSES.length; q++) total.events[QUAD_CLASSES[q]] += p[4 + q] as number;
      total.stance = stanceOf(total.cooperation, total.distrust);
    }
  }
}

/**
 * Dyad counts read as events, not reports: every period keeps its `reports` (one
 * per event record) and its `events` lose the extra reports of each happening
 * that several articles told (event-groups.jsonl).
 */
function countHappening(dyads: Map<string, DyadTotal>, g: EventGroup): void {
  const period = dyads.get([...g.actors].sort().join('|'))?.periods.get(periodOf(g.date, g.first.published));
  if (period) period.events[g.quadClass] = Math.max(0, period.events[g.quadClass] - (g.members.length - 1));
}
