// ingest: a file's bytes in, article carriers out. Pure: the corpus layer reads
// the files and hands over their bytes. A reader per format produces each
// article's text (offsets in the output refer to it) and the metadata the file
// holds; a sidecar NAME.meta.json overrides that metadata for every format.
import type { ArticleDoc, Diagnostic } from '../../article.js';
import { detectLanguage, isEnglish } from './language.js';
import { readHtml } from './readers/html.js';
import { readJson, readJsonl } from './readers/json.js';
import { readMarkdown } from './readers/markdown.js';
import { readText } from './readers/text.js';
import { isFailed, type ReadArticle, type Reader } from './readers/types.js';
import type { SourceFormat } from '../../article.js';
import { parseSidecar, type Sidecar } from './sidecar.js';

export { readConventions } from './readers/text.js';
export { articleId, formatOf, sha256 } from './paths.js';
import { articleId, formatOf, sha256 } from './paths.js';
import { STAGE_VERSIONS } from '../../versions.js';

export const INGEST_VERSION = STAGE_VERSIONS.ingest; // bump it in src/versions.ts

export const READERS: Record<SourceFormat, Reader> = {
  txt: readText,
  md: readMarkdown,
  html: readHtml,
  json: readJson,
  jsonl: readJsonl,
};

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
  /** A problem that stops this article: `skipped` when it is not an error (another language). */
  | { ok: false; id: string; diagnostics: Diagnostic[]; skipped?: boolean };

const fatal = (rule: string, message: string, start?: number, end?: number): Diagnostic => ({
  severity: 'error',
  stage: 'ingest',
  rule,
  message,
  ...(start !== undefined ? { start, end: end ?? start } : {}),
  fatal: true,
});

/** The encoding a byte-order mark announces; UTF-8 otherwise. */
export function sniffEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: string; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const encoding = sniffEncoding(bytes);
  // The decoder drops the BOM itself (ignoreBOM: false).
  const text = new TextDecoder(encoding, { fatal: false, ignoreBOM: false }).decode(bytes);
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0 && !hasLiteralReplacement(bytes)) {
    const line = text.slice(0, bad).split('\n').length;
    diagnostics.push({
      severity: 'warning',
      stage: 'ingest',
      rule: 'invalid-utf8',
      message: `invalid ${encoding.toUpperCase()} replaced with U+FFFD (first at line ${line}, character ${bad})`,
      start: bad,
      end: bad + 1,
    });
  }
  return { text, encoding, diagnostics };
}

/** A U+FFFD written in the file on purpose is encoded as EF BF BD. */
function hasLiteralReplacement(bytes: Uint8Array): boolean {
  for (let i = 0; i + 2 < bytes.length; i++) if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) return true;
  return false;
}

/** Binary content: NUL bytes in a file that is not UTF-16. */
function binaryAt(bytes: Uint8Array): number {
  return sniffEncoding(bytes) === 'utf-8' ? bytes.indexOf(0) : -1;
}

/** Every article a file holds, each a carrier ready for the stages or a problem. */
export function ingestFile(input: IngestInput): IngestResult[] {
  const format = formatOf(input.path) ?? 'txt';
  const fileId = articleId(input.path);
  const nul = binaryAt(input.bytes);
  if (nul >= 0) return [{ ok: false, id: fileId, diagnostics: [fatal('binary', `${input.path} holds NUL bytes (first at byte ${nul}): not a text article`, nul)] }];
  const decoded = decodeText(input.bytes);
  if (decoded.text.trim() === '') return [{ ok: false, id: fileId, diagnostics: [fatal('empty', `${input.path} is empty`)] }];

  let sidecar: Sidecar = {};
  const sidecarDiagnostics: Diagnostic[] = [];
  if (input.sidecar) {
    const parsed = parseSidecar(input.sidecar.text, input.sidecar.path);
    if (!parsed.ok) return [{ ok: false, id: fileId, diagnostics: parsed.diagnostics }];
    sidecar = parsed.sidecar;
    sidecarDiagnostics.push(...parsed.diagnostics);
  }

  let read;
  try {
    read = READERS[format](decoded.text, input.path);
  } catch (e) {
    return [{ ok: false, id: fileId, diagnostics: [fatal('reader-crash', `${input.path}: the ${format} reader failed: ${(e as Error).message}`)] }];
  }
  const several = format === 'json' || format === 'jsonl';
  return read.map((article) => {
    const id = several ? articleId(input.path, article.key) : fileId;
    if (isFailed(article)) return { ok: false, id, diagnostics: article.diagnostics };
    // Decoding problems concern the text itself only when the text is the file (txt).
    const decoding = format === 'txt' ? decoded.diagnostics : decoded.diagnostics.map(({ start, end, ...d }) => d);
    return toDoc(input, format, decoded.encoding, id, article, sidecar, [...decoding, ...sidecarDiagnostics, ...article.diagnostics]);
  });
}

function toDoc(input: IngestInput, format: SourceFormat, encoding: string, id: string, article: ReadArticle, sidecar: Sidecar, diagnostics: Diagnostic[]): IngestResult {
  if (article.text.trim() === '') return { ok: false, id, diagnostics: [fatal('empty', `${input.path}: the ${format} reader found no article text`)] };
  const detected = detectLanguage(article.text);
  const language = sidecar.language ?? detected.language ?? article.language ?? 'en';
  if (!isEnglish(language)) {
    const message = `${input.path}: language is ${language} (${sidecar.language ? 'sidecar' : detected.language ? `detected by ${detected.method}` : 'from the file'}); only English is analysed`;
    return { ok: false, id, skipped: true, diagnostics: [{ severity: 'warning', stage: 'ingest', rule: 'not-english', message, fatal: true }] };
  }
  if (detected.method === 'uncertain' && !sidecar.language && !article.language) {
    const message = `${input.path}: too little text to be sure of its language (${detected.rankedFirst} ranked first, English close behind); analysed as English`;
    diagnostics = [...diagnostics, { severity: 'info', stage: 'ingest', rule: 'language-uncertain', message }];
  }
  const doc: ArticleDoc = {
    id,
    source: { path: input.path, sha256: sha256(input.bytes), format, extraction: article.extraction, encoding, ...(article.key !== undefined && (format === 'json' || format === 'jsonl') ? { key: article.key } : {}) },
    title: sidecar.title ?? article.title ?? null,
    publisher: sidecar.publisher ?? article.publisher ?? null,
    url: sidecar.url ?? article.url ?? null,
    published: input.published ?? sidecar.published ?? article.published ?? null,
    language: 'en',
    text: article.text,
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

/** The single article of a file (the first, for files that hold several). */
export function ingest(input: IngestInput): IngestResult {
  return ingestFile(input)[0];
}
