// One unit of corpus work: a file's bytes in, everything written about each of
// its articles out (the article JSON, its report page, its digest for the
// corpus files). The same function runs in-process (one job) and inside pool
// workers, so output is byte-identical whatever the job count.
import type { Diagnostic } from '../article.js';
import { extractArticles } from '../pipeline.js';
import { renderArticlePage } from '../report/article-page.js';
import { digestArticle, type ArticleDigest } from './digest.js';
import { writeArticleFiles, type ArticleFiles } from './outputs.js';

export interface FileTask {
  path: string;
  bytes: Uint8Array;
  sidecar?: { path: string; text: string };
  /**
   * The output folder, when whoever runs the task writes the article files
   * itself (a local thread): their text then never travels back to the runner.
   * Without it (a queue worker elsewhere) the texts come back in the outcome.
   */
  out?: string;
}

export type ArticleOutcome =
  | {
      ok: true;
      id: string;
      /** Null when the task had an `out` and the files are already in place. */
      files: ArticleFiles | null;
      counts: ArticleDigest['counts'];
      diagnostics: Diagnostic[];
    }
  | { ok: false; id: string; skipped: boolean; diagnostics: Diagnostic[] };

export function processFile(task: FileTask): ArticleOutcome[] {
  return extractArticles(task).map((result) => {
    if (!result.ok) return { ok: false, id: result.id, skipped: result.skipped ?? false, diagnostics: result.diagnostics };
    const article = result.article;
    const digest = digestArticle(article);
    const files: ArticleFiles = {
      json: JSON.stringify(article) + '\n', // compact: 40% smaller and faster to write; `extract --pretty` or jq indent it
      page: renderArticlePage(article),
      fragment: [JSON.stringify(digest), ...article.events.map((e) => JSON.stringify(e))].join('\n') + '\n',
    };
    if (task.out) writeArticleFiles(task.out, article.id, files);
    return { ok: true, id: article.id, files: task.out ? null : files, counts: digest.counts, diagnostics: article.diagnostics.filter((d) => d.severity !== 'info') };
  });
}
