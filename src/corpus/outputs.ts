// Where an article's outputs live inside the output folder, and how they are
// written: each file atomically, the JSON last, since its presence (with the
// fragment) is what a later run takes as the article being done.
import { join } from 'node:path';
import { writeAtomicSync } from './files.js';

/** An article's files as text: its JSON, its report page, its fragment (the digest line, then one line per event). */
export interface ArticleFiles {
  json: string;
  page: string;
  fragment: string;
}

/** Each article file's folder and the ending after the article's id. */
export const ARTICLE_FILES = {
  json: { folder: 'articles', suffix: '.json' },
  page: { folder: 'report/articles', suffix: '.html' },
  fragment: { folder: '.fragments', suffix: '.jsonl' },
} as const;

export function articleOutputs(id: string): { json: string; page: string; fragment: string } {
  const path = (f: { folder: string; suffix: string }): string => `${f.folder}/${id}${f.suffix}`;
  return { json: path(ARTICLE_FILES.json), page: path(ARTICLE_FILES.page), fragment: path(ARTICLE_FILES.fragment) };
}

export function writeArticleFiles(out: string, id: string, files: ArticleFiles): void {
  const paths = articleOutputs(id);
  writeAtomicSync(join(out, paths.page), files.page);
  writeAtomicSync(join(out, paths.fragment), files.fragment);
  writeAtomicSync(join(out, paths.json), files.json);
}
