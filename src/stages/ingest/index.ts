// ingest: bytes in, article carrier out. Pure: the corpus layer reads the files
// and hands over their bytes. Plain-text convention (the seed's): the first line
// is the headline when a blank line follows it; a last line `Original Source: X`
// names the publisher. A sidecar NAME.meta.json gives or overrides metadata.
import { createHash } from 'node:crypto';
import type { ArticleDoc, Diagnostic } from '../../article.js';
import { parseSidecar, type Sidecar } from './sidecar.js';

export const INGEST_VERSION = '1';

export interface IngestInput {
  /** Path inside the corpus folder (forward slashes), or the path given to `extract`. */
  path: string;
  bytes: Uint8Array;
  sidecar?: { path: string; text: string };
  /** Overrides everything else (the `--published` flag of `extract`). */
  published?: string;
}

export type IngestResult =
  | { ok: true; doc: ArticleDoc }
  | { ok: false; diagnostics: Diagnostic[] };

const fatal = (rule: string, message: string, start?: number, end?: number): Diagnostic => ({
  severity: 'error',
  stage: 'ingest',
  rule,
  message,
  ...(start !== undefined ? { start, end: end ?? start } : {}),
  fatal: true,
});

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A stable article id from the path inside the corpus, never from the content,
 * so an edited article keeps its id. Paths that don't survive as file names
 * (spaces, non-ASCII, `..`) get a short hash of the path to stay unique.
 */
export function articleId(path: string): string {
  const stem = path.replace(/\\/g, '/').replace(/\.txt$/i, '');
  const plain = stem.replace(/\//g, '__');
  const slug =
    plain
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '') // é → e
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^[-_]+|[-_]+$/g, '') || 'article';
  return slug === plain ? slug : `${slug}-${sha256(path).slice(0, 8)}`;
}

/** The encoding a byte-order mark announces; UTF-8 otherwise. */
export function sniffEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

export function decodeText(bytes: Uint8Array): { text: string; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  // The decoder drops the BOM itself (ignoreBOM: false).
  const text = new TextDecoder(sniffEncoding(bytes), { fatal: false, ignoreBOM: false }).decode(bytes);
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0 && !hasLiteralReplacement(bytes)) {
    diagnostics.push({
      severity: 'warning',
      stage: 'ingest',
      rule: 'invalid-utf8',
      message: `invalid UTF-8 replaced with U+FFFD (first at character ${bad})`,
      start: bad,
      end: bad + 1,
    });
  }
  return { text, diagnostics };
}

/** A U+FFFD written in the file on purpose is encoded as EF BF BD. */
function hasLiteralReplacement(bytes: Uint8Array): boolean {
  for (let i = 0; i + 2 < bytes.length; i++) if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) return true;
  return false;
}

export function ingest(input: IngestInput): IngestResult {
  const diagnostics: Diagnostic[] = [];
  if (sniffEncoding(input.bytes) === 'utf-8' && input.bytes.includes(0)) {
    return { ok: false, diagnostics: [fatal('binary', `${input.path} holds NUL bytes: not a text article`, input.bytes.indexOf(0))] };
  }
  const decoded = decodeText(input.bytes);
  diagnostics.push(...decoded.diagnostics);
  const text = decoded.text;
  if (text.trim() === '') return { ok: false, diagnostics: [fatal('empty', `${input.path} is empty`)] };

  let sidecar: Sidecar = {};
  if (input.sidecar) {
    const parsed = parseSidecar(input.sidecar.text, input.sidecar.path);
    if (!parsed.ok) return { ok: false, diagnostics: parsed.diagnostics };
    sidecar = parsed.sidecar;
    diagnostics.push(...parsed.diagnostics);
  }

  const conventions = readConventions(text);
  const doc: ArticleDoc = {
    id: articleId(input.path),
    source: { path: input.path, sha256: sha256(input.bytes), format: 'txt' },
    title: sidecar.title ?? conventions.title,
    publisher: sidecar.publisher ?? conventions.publisher,
    url: sidecar.url ?? null,
    published: input.published ?? sidecar.published ?? null,
    language: sidecar.language ?? 'en',
    text,
    layers: {},
    diagnostics,
  };
  if (doc.published === null) {
    diagnostics.push({
      severity: 'warning',
      stage: 'ingest',
      rule: 'no-publication-date',
      message: 'no publication date: relative dates stay unresolved (add "published" to a sidecar NAME.meta.json)',
    });
  }
  return { ok: true, doc };
}

/** Headline and publisher by the plain-text convention. */
export function readConventions(text: string): { title: string | null; publisher: string | null } {
  const headline = /^[ \t]*([^\r\n]+?)[ \t]*\r?\n[ \t]*\r?\n/.exec(text);
  const source = /(?:^|\n)[ \t]*Original Source:[ \t]*([^\r\n]+?)[ \t]*(?:\r?\n\s*)?$/.exec(text);
  return { title: headline ? headline[1] : null, publisher: source ? source[1] : null };
}
