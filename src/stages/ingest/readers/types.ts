import type { Diagnostic } from '../../../article.js';

export type { SourceFormat } from '../../../article.js';

/** Metadata a reader found in the file itself; a sidecar overrides it. */
export interface FoundMeta {
  title?: string | null;
  published?: string | null;
  publisher?: string | null;
  url?: string | null;
  language?: string | null;
  byline?: string | null;
}

/** One article as a reader produced it: offsets in the output refer to this `text`. */
export interface ReadArticle extends FoundMeta {
  text: string;
  /** How the text was obtained: verbatim, front-matter, markdown-to-text, readability, json-field:body ... */
  extraction: string;
  /** For files holding several articles: the article's own id, else its 1-based position. */
  key?: string;
  diagnostics: Diagnostic[];
}

/** An article inside a multi-article file that could not be read (a malformed JSONL line). */
export interface FailedArticle {
  key: string;
  diagnostics: Diagnostic[];
}

export type ReadResult = ReadArticle | FailedArticle;

export const isFailed = (r: ReadResult): r is FailedArticle => !('text' in r);

/** A reader: decoded file content in, one or more articles out. Pure. */
export type Reader = (content: string, path: string) => ReadResult[];

export function readerError(rule: string, message: string, start?: number, end?: number): Diagnostic {
  return { severity: 'error', stage: 'ingest', rule, message, ...(start !== undefined ? { start, end: end ?? start } : {}), fatal: true };
}

/** Normalises a date-ish value (ISO timestamp, GDELT 20250117T120000Z, RFC 2822) to YYYY-MM-DD, or null. */
export function toCalendarDate(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const s = String(value).trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m) return valid(m[1], m[2], m[3]);
  m = /^(\d{4})(\d{2})(\d{2})(?:T?\d{0,6}Z?)?$/.exec(s);
  if (m) return valid(m[1], m[2], m[3]);
  const parsed = Date.parse(s);
  if (!Number.isNaN(parsed) && /[A-Za-z]{3}/.test(s)) {
    const d = new Date(parsed);
    return valid(String(d.getUTCFullYear()), String(d.getUTCMonth() + 1).padStart(2, '0'), String(d.getUTCDate()).padStart(2, '0'));
  }
  return null;
}

function valid(y: string, mo: string, d: string): string | null {
  const date = new Date(Date.UTC(+y, +mo - 1, +d));
  return date.getUTCMonth() === +mo - 1 && date.getUTCDate() === +d ? `${y}-${mo}-${d}` : null;
}
