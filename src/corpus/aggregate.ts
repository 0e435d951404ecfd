// Corpus-level files, rebuilt from the per-article JSON files without running
// any stage: events.jsonl, entities.jsonl, dyads.json, the schemas and the
// report. Articles are read one at a time, in id order, so memory stays bounded
// by the aggregates, not the corpus.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleJson, Dyad, Entity, EntityType, QuadClass } from '../article.js';
import { PACKAGE_ROOT } from '../data.js';
import { renderArticlePage, renderIndexPage, type ArticleSummary } from '../report/html.js';
import { StreamedFile, readJson, writeIfChanged } from './files.js';
import type { Manifest } from './manifest.js';
import { periodOf } from './periods.js';

export interface CorpusEntity {
  name: string;
  type: EntityType;
  actor: string | null;
  country: string | null;
  kind: string;
  mentions: number;
  articles: { id: string; entity: string; mentions: number }[];
}

export interface DyadPeriod {
  period: string;
  cooperation: number;
  distrust: number;
  stance: number;
  sentences: number;
  events: Record<QuadClass, number>;
}

export interface CorpusDyad {
  actors: [string, string];
  cooperation: number;
  distrust: number;
  stance: number;
  articles: string[];
  periods: DyadPeriod[];
}

const noEvents = (): Record<QuadClass, number> => ({ VERBAL_COOPERATION: 0, MATERIAL_COOPERATION: 0, VERBAL_CONFLICT: 0, MATERIAL_CONFLICT: 0 });
const round = (x: number): number => Math.round(x * 1000) / 1000;
const stanceOf = (coop: number, distrust: number): number => (coop + distrust === 0 ? 0 : round((coop - distrust) / (coop + distrust)));

/** Writes every corpus-level file that changed; returns their paths inside `out`. */
export async function aggregate(out: string, manifest: Manifest): Promise<string[]> {
  const written: string[] = [];
  const write = async (path: string, text: string): Promise<void> => {
    if (await writeIfChanged(join(out, path), text)) written.push(path);
  };

  const events = new StreamedFile(join(out, 'events.jsonl'));
  const entities = new Map<string, CorpusEntity>();
  const dyads = new Map<string, { dyad: CorpusDyad; periods: Map<string, DyadPeriod> }>();
  const summaries: ArticleSummary[] = [];

  for (const entry of manifest.articles) {
    if (entry.status !== 'ok' || !entry.output) {
      summaries.push({ entry, article: null });
      continue;
    }
    const article = await readJson<ArticleJson>(join(out, entry.output));
    if (!article) continue;
    for (const event of article.events) await events.write(JSON.stringify(event) + '\n');
    for (const entity of article.entities) addEntity(entities, article.id, entity);
    for (const dyad of article.dyads) addDyad(dyads, article, dyad);
    summaries.push({ entry, article: { id: article.id, title: article.title, publisher: article.publisher, published: article.published, counts: entry.counts } });
    await write(`report/articles/${article.id}.html`, renderArticlePage(article));
  }

  if (await events.commit()) written.push('events.jsonl');
  const entityLines = [...entities.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, e]) => JSON.stringify(e) + '\n');
  await write('entities.jsonl', entityLines.join(''));
  const dyadList = [...dyads.values()]
    .map(({ dyad, periods }) => ({ ...dyad, stance: stanceOf(dyad.cooperation, dyad.distrust), periods: [...periods.values()].sort(byPeriod) }))
    .sort((a, b) => (a.actors.join('-') < b.actors.join('-') ? -1 : 1));
  await write('dyads.json', JSON.stringify({ schemaVersion: 1, dyads: dyadList }, null, 2) + '\n');
  await write('report/index.html', renderIndexPage(summaries, dyadList, [...entities.values()]));
  for (const schema of await readdir(join(PACKAGE_ROOT, 'schemas'))) {
    await write(`schemas/${schema}`, await readFile(join(PACKAGE_ROOT, 'schemas', schema), 'utf8'));
  }
  return written;
}

function addEntity(entities: Map<string, CorpusEntity>, articleId: string, entity: Entity): void {
  // One corpus entity per actor-coded name: "Vladimir Putin" in every article is one line.
  const key = `${entity.type}|${entity.actor ?? ''}|${entity.name}`;
  let corpus = entities.get(key);
  if (!corpus) {
    corpus = { name: entity.name, type: entity.type, actor: entity.actor, country: entity.country, kind: entity.kind, mentions: 0, articles: [] };
    entities.set(key, corpus);
  }
  corpus.mentions += entity.mentions.length;
  corpus.articles.push({ id: articleId, entity: entity.id, mentions: entity.mentions.length });
}

/** Splits an article's dyad over periods: each sentence counts in the period of the date it refers to. */
function addDyad(dyads: Map<string, { dyad: CorpusDyad; periods: Map<string, DyadPeriod> }>, article: ArticleJson, dyad: Dyad): void {
  const key = dyad.actors.join('|');
  let slot = dyads.get(key);
  if (!slot) {
    slot = { dyad: { actors: dyad.actors, cooperation: 0, distrust: 0, stance: 0, articles: [], periods: [] }, periods: new Map() };
    dyads.set(key, slot);
  }
  slot.dyad.cooperation = round(slot.dyad.cooperation + dyad.cooperation);
  slot.dyad.distrust = round(slot.dyad.distrust + dyad.distrust);
  slot.dyad.articles.push(article.id);

  const period = (p: string): DyadPeriod => {
    let found = slot!.periods.get(p);
    if (!found) slot!.periods.set(p, (found = { period: p, cooperation: 0, distrust: 0, stance: 0, sentences: 0, events: noEvents() }));
    return found;
  };
  for (const index of dyad.sentences) {
    const sentence = article.sentences[index];
    const date = article.dates.find((d) => d.sentence === index);
    const bucket = period(periodOf(date?.value ?? null, article.published));
    for (const cue of sentence.stance.cues) {
      if (cue.weight > 0) bucket.cooperation = round(bucket.cooperation + cue.weight);
      else bucket.distrust = round(bucket.distrust - cue.weight);
    }
    bucket.sentences++;
    bucket.stance = stanceOf(bucket.cooperation, bucket.distrust);
  }
  for (const event of article.events) {
    if (!event.source || !event.target) continue;
    const pair = [event.source.actor.slice(0, 3), event.target.actor.slice(0, 3)].sort().join('|');
    if (pair !== key) continue;
    period(periodOf(event.date.value, article.published)).events[event.quadClass]++;
  }
}

function byPeriod(a: DyadPeriod, b: DyadPeriod): number {
  return periodStart(a.period) - periodStart(b.period) || (a.period < b.period ? -1 : 1);
}

/** First year a period covers: "18" (19th century) → 1800, "199" → 1990, "2015" → 2015. */
export function periodStart(period: string): number {
  const bc = /^BC(\d+)/.exec(period);
  if (bc) return -Number(bc[1]);
  const digits = /^(\d{1,4})/.exec(period);
  if (!digits) return Number.MAX_SAFE_INTEGER;
  return Number(digits[1].padEnd(4, '0'));
}

