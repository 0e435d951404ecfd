import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ArticleJson } from '../article.js';
import { EXIT, UsageError } from '../errors.js';
import { extractArticles } from '../pipeline.js';
import { renderInspect, useColor } from '../report/terminal.js';

export interface InspectCommandOptions {
  target: string;
  out: string;
  published?: string;
}

/** An article file is extracted afresh; an id is read from the output folder. */
export async function inspectCommand(options: InspectCommandOptions): Promise<number> {
  const articles: ArticleJson[] = [];
  let status: number = EXIT.ok;
  if (existsSync(options.target)) {
    const file = options.target;
    const sidecarPath = file.replace(/\.[^./\\]+$/, '') + '.meta.json';
    const sidecarText = existsSync(sidecarPath) && sidecarPath !== file ? await readFile(sidecarPath, 'utf8') : undefined;
    for (const result of extractArticles({ path: basename(file), bytes: await readFile(file), published: options.published, sidecar: sidecarText ? { path: basename(sidecarPath), text: sidecarText } : undefined })) {
      if (result.ok) articles.push(result.article);
      else {
        if (!result.skipped) status = EXIT.articleFailed;
        for (const d of result.diagnostics) process.stderr.write(`${d.severity} ${file} ${d.stage}:${d.rule} ${d.message}\n`);
      }
    }
  } else {
    const path = join(options.out, 'articles', `${options.target}.json`);
    if (!existsSync(path)) throw new UsageError(`no file ${options.target}, and no article with that id in ${options.out}/articles`);
    articles.push(JSON.parse(await readFile(path, 'utf8')) as ArticleJson);
  }
  const color = useColor(process.stdout);
  for (const article of articles) process.stdout.write(renderInspect(article, color));
  return status;
}
