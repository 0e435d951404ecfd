// `newsevents report`: rebuilds the report (and the corpus files it draws on)
// from an output folder, without running any stage.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleJson } from '../article.js';
import { renderArticlePage } from '../report/article-page.js';
import { aggregate } from './aggregate.js';
import { articleOutputs } from './outputs.js';
import { writeIfChanged } from './files.js';
import type { Manifest } from './manifest.js';

export async function rebuildReport(out: string): Promise<string[]> {
  const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest;
  const written: string[] = [];
  for (const entry of manifest.articles) {
    if (entry.status !== 'ok') continue;
    const article = JSON.parse(await readFile(join(out, articleOutputs(entry.id).json), 'utf8')) as ArticleJson;
    const page = articleOutputs(entry.id).page;
    if (await writeIfChanged(join(out, page), renderArticlePage(article))) written.push(page);
  }
  written.push(...(await aggregate(out, manifest)));
  return written.sort();
}
