// One unit of corpus work: an article's bytes in, its serialised JSON out. The
// same function runs in-process (one job) and inside pool workers, so output is
// byte-identical whatever the job count.
import type { Diagnostic } from '../article.js';
import { extractArticle } from '../pipeline.js';

export interface ArticleTask {
  path: string;
  bytes: Uint8Array;
  sidecar?: { path: string; text: string };
}

export interface ArticleCounts {
  sentences: number;
  dates: number;
  entities: number;
  events: number;
}

export type ArticleOutcome =
  | { ok: true; id: string; json: string; counts: ArticleCounts; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

export function processArticle(task: ArticleTask): ArticleOutcome {
  const result = extractArticle(task);
  if (!result.ok) return { ok: false, diagnostics: result.diagnostics };
  const a = result.article;
  return {
    ok: true,
    id: a.id,
    json: JSON.stringify(a, null, 2) + '\n',
    counts: { sentences: a.sentences.length, dates: a.dates.length, entities: a.entities.length, events: a.events.length },
    diagnostics: a.diagnostics.filter((d) => d.severity !== 'info'),
  };
}
