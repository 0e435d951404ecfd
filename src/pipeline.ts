// The per-article pipeline: one ordered list of stages, run in a loop. Every
// stage is pure, so the same article always gives the same JSON.
import {
  SCHEMA_VERSION,
  layer,
  type ArticleDoc,
  type ArticleJson,
  type Diagnostic,
  type LayerName,
  type Sentence,
} from './article.js';
import type { Stage } from './stage.js';
import { ingestFile, type IngestInput } from './stages/ingest/index.js';
import { segmentStage } from './stages/segment/index.js';
import { datesStage } from './stages/dates/index.js';
import { entitiesStage } from './stages/entities/index.js';
import { stanceStage } from './stages/stance/index.js';
import { eventsStage } from './stages/events/index.js';
import { dyadsStage } from './stages/dyads/index.js';

export const STAGES: readonly Stage[] = [
  segmentStage, // everything else is positioned by sentence and token
  datesStage, // before entities: "May" and "March" are months before they are names
  entitiesStage, // actors for stance ("about") and events (source, target)
  stanceStage, // needs dates to mark historical sentences, entities for whom it is about
  eventsStage, // needs stance for the event's tone, dates for when, entities for who
  dyadsStage, // aggregates stance and events per pair of actors
];

export { STAGE_VERSIONS } from './versions.js';

/** Runs the stages over a carrier; a stage that throws becomes one fatal diagnostic. */
export function runStages(doc: ArticleDoc, stages: readonly Stage[] = STAGES): boolean {
  for (const stage of stages) {
    const missing = stage.needs.filter((n: LayerName) => doc.layers[n] === undefined);
    if (missing.length > 0) throw new Error(`stage ${stage.name} needs ${missing.join(', ')}: check the order in pipeline.ts`);
    try {
      const result = stage.run(doc);
      (doc.layers as Record<string, unknown>)[stage.provides] = result.layer;
      if (result.diagnostics) doc.diagnostics.push(...result.diagnostics);
    } catch (e) {
      doc.diagnostics.push({
        severity: 'error',
        stage: stage.name,
        rule: 'crash',
        message: `stage ${stage.name} failed: ${(e as Error).message}`,
        fatal: true,
      });
      return false;
    }
    if (doc.diagnostics.some((d) => d.fatal)) return false;
  }
  return true;
}

/** The stages up to the one that provides `layer`, in order. */
export function stagesUntil(layer: LayerName): readonly Stage[] {
  const last = STAGES.findIndex((s) => s.provides === layer);
  if (last < 0) throw new Error(`no stage provides ${layer}`);
  return STAGES.slice(0, last + 1);
}

/**
 * A bare English text (a gold sentence, a test snippet) run up to the stage that
 * provides `until`: the carrier is built directly, since ingest's language
 * detection needs longer texts than a sentence.
 */
export function analyseEnglish(text: string, until: LayerName, published: string | null = null): ArticleDoc {
  const doc: ArticleDoc = {
    id: 'text',
    source: { path: 'text.txt', sha256: '', format: 'txt', extraction: 'verbatim', encoding: 'utf-8' },
    title: null,
    publisher: null,
    url: null,
    published,
    language: 'en',
    text,
    layers: {},
    diagnostics: [],
  };
  runStages(doc, stagesUntil(until));
  return doc;
}

export type ExtractResult =
  | { ok: true; article: ArticleJson }
  /** `skipped`: not an error, the article is out of scope (another language). */
  | { ok: false; id: string; diagnostics: Diagnostic[]; skipped?: boolean };

/** Every article of a file, from its bytes to its JSON: ingest, then every stage. */
export function extractArticles(input: IngestInput): ExtractResult[] {
  return ingestFile(input).map((ingested) => {
    if (!ingested.ok) return ingested;
    const doc = ingested.doc;
    if (!runStages(doc)) return { ok: false, id: doc.id, diagnostics: doc.diagnostics };
    return { ok: true, article: toArticleJson(doc) };
  });
}

/** The (first) article of a file, from its bytes to its JSON. */
export function extractArticle(input: IngestInput): ExtractResult {
  return extractArticles(input)[0];
}

/** The article JSON contract, in a fixed key order (byte-identical output). */
export function toArticleJson(doc: ArticleDoc): ArticleJson {
  const segments = layer(doc, 'segments');
  const stance = layer(doc, 'stance');
  const sentences: Sentence[] = segments.sentences.map((s, i) => ({
    start: s.start,
    end: s.end,
    text: s.text,
    stance: stance[i],
  }));
  return {
    schemaVersion: SCHEMA_VERSION,
    id: doc.id,
    source: doc.source,
    title: doc.title,
    publisher: doc.publisher,
    url: doc.url,
    published: doc.published,
    language: doc.language,
    text: doc.text,
    sentences,
    dates: layer(doc, 'dates'),
    entities: layer(doc, 'entities'),
    events: layer(doc, 'events'),
    dyads: layer(doc, 'dyads'),
    diagnostics: doc.diagnostics,
  };
}
