// One unit of corpus work: an article's bytes in, everything written about it
// out (its JSON, its report page, its digest for the corpus files). The same
// function runs in-process (one job) and inside pool workers, so output is
// byte-identical whatever the job count.
import type { Diagnostic } from '../article.js';
import { extractArticle } from '../pipeline.js';
import { renderArticlePage } from '../report/html.js';
import { digestArticle, type ArticleDigest } from './digest.js';

export interface ArticleTask {
  path: string;
  bytes: Uint8Array;
  sidecar?: { path: string; text: string };
}

export type ArticleOutcome =
  | {
      ok: true;
      id: string;
      /** output/articles/<id>.json */
      json: string;
      /** output/report/articles/<id>.html */
      page: string;
      /** The digest line, then one line per event: what the corpus files need of this article. */
      fragment: string;
      counts: ArticleDigest['counts'];
      diagnostics: Diagnostic[];
    }
  | { ok: false; diagnostics: Diagnostic[] };

export function processArticle(task: ArticleTask): ArticleOutcome {
  const result = extractArticle(task);
  if (!result.ok) return { ok: false, diagnostics: result.diagnostics };
  const article = result.article;
  const digest = digestArticle(article);
  const fragment = [JSON.stringify(digest), ...article.events.map((e) => JSON.stringify(e))].join('\n') + '\n';
  return {
    ok: true,
    id: article.id,
    json: JSON.stringify(article, null, 2) + '\n',
    page: renderArticlePage(article),
    fragment,
    counts: digest.counts,
    diagnostics: article.diagnostics.filter((d) => d.severity !== 'info'),
  };
}
