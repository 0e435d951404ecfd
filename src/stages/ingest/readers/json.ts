// JSON and JSONL exports from news APIs and GDELT-style feeds: one article per
// object. Common field names are mapped; a malformed JSONL line fails alone,
// with its line number.
import { lineColumn } from '../sidecar.js';
import { readerError, toCalendarDate, type ReadResult, type Reader } from './types.js';

/** Field names, in order of preference, as news APIs and exports spell them. */
const FIELDS = {
  text: ['text', 'body', 'content', 'articleBody', 'full_text', 'fullText', 'description'],
  title: ['title', 'headline', 'name'],
  published: ['published', 'publishedAt', 'published_at', 'datePublished', 'date', 'pubDate', 'seendate', 'publish_date'],
  url: ['url', 'link', 'sourceurl', 'sourceUrl', 'webUrl'],
  publisher: ['publisher', 'source', 'source_name', 'sourceName', 'domain', 'sourcecountry'],
  language: ['language', 'lang'],
  id: ['id', 'guid', 'uuid', '_id', 'article_id'],
} as const;

function first(obj: Record<string, unknown>, names: readonly string[]): unknown {
  for (const name of names) if (obj[name] !== undefined && obj[name] !== null && obj[name] !== '') return obj[name];
  return undefined;
}

function asText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  // NewsAPI: "source": {"id": ..., "name": "Reuters"}
  if (value && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string') return (value as { name: string }).name;
  return null;
}

function fromObject(obj: unknown, key: string, where: string): ReadResult {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return { key, diagnostics: [readerError('json-shape', `${where}: expected an article object`)] };
  const record = obj as Record<string, unknown>;
  const textField = FIELDS.text.find((f) => typeof record[f] === 'string' && (record[f] as string).trim() !== '');
  if (!textField) return { key, diagnostics: [readerError('json-no-text', `${where}: no article text (looked for ${FIELDS.text.join(', ')})`)] };
  const ownId = asText(first(record, FIELDS.id));
  return {
    key: ownId ?? key,
    text: record[textField] as string,
    extraction: `json-field:${textField}`,
    title: asText(first(record, FIELDS.title)),
    published: toCalendarDate(first(record, FIELDS.published)),
    url: asText(first(record, FIELDS.url)),
    publisher: asText(first(record, FIELDS.publisher)),
    language: asText(first(record, FIELDS.language)),
    diagnostics: [],
  };
}

/** A JSON file: one article, an array of articles, or {articles: [...]} as NewsAPI returns. */
export const readJson: Reader = (content, path) => {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (e) {
    const at = /position (\d+)/.exec((e as Error).message);
    const where = at ? lineColumn(content, Number(at[1])) : null;
    return [{ key: '1', diagnostics: [readerError('json-syntax', `${path}: invalid JSON${where ? ` at line ${where.line}, column ${where.column}` : ''}`, at ? Number(at[1]) : undefined)] }];
  }
  const list = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as { articles?: unknown }).articles) ? (data as { articles: unknown[] }).articles : [data];
  return list.map((item, i) => fromObject(item, String(i + 1), `${path} article ${i + 1}`));
};

export const readJsonl: Reader = (content, path) => {
  const results: ReadResult[] = [];
  let offset = 0;
  content.split('\n').forEach((line, i) => {
    const start = offset;
    offset += line.length + 1;
    if (line.trim() === '') return;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      results.push({ key: String(i + 1), diagnostics: [readerError('jsonl-syntax', `${path} line ${i + 1}: invalid JSON`, start, start + line.length)] });
      return;
    }
    results.push(fromObject(data, String(i + 1), `${path} line ${i + 1}`));
  });
  return results;
};
