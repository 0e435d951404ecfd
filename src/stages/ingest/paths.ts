// Which files are articles and what their ids are: kept apart from the readers
// so that the corpus runner can discover and check files without loading them.
import { createHash } from 'node:crypto';
import type { SourceFormat } from '../../article.js';

const EXTENSIONS: Record<string, SourceFormat> = { '.txt': 'txt', '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html', '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl' };

/** The format a file name stands for, or null when it is not an article file. */
export function formatOf(path: string): SourceFormat | null {
  const lower = path.toLowerCase();
  if (lower.endsWith('.meta.json')) return null;
  const dot = lower.lastIndexOf('.');
  return dot >= 0 ? (EXTENSIONS[lower.slice(dot)] ?? null) : null;
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function slug(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // é → e
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '');
}

/**
 * A stable article id from the path inside the corpus (and, for a file holding
 * several articles, the article's own id or position), never from the content,
 * so an edited article keeps its id. Paths that don't survive as file names
 * (spaces, non-ASCII, `..`) get a short hash of the path to stay unique.
 */
export function articleId(path: string, key?: string): string {
  const format = formatOf(path);
  // .txt keeps the bare name (the first format); others keep their extension so a.txt and a.md differ.
  const posix = path.replace(/\\/g, '/');
  const stem = format === 'txt' ? posix.replace(/\.txt$/i, '') : posix;
  const plain = stem.replace(/\//g, '__').replace(/\./g, '_');
  const base = slug(plain) || 'article';
  const file = base === plain ? base : `${base}-${sha256(path).slice(0, 8)}`;
  if (key === undefined) return file;
  const part = slug(key) || 'item';
  return part === key ? `${file}--${part}` : `${file}--${part}-${sha256(key).slice(0, 8)}`;
}

