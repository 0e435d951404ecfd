// manifest.json is written in pieces; its text must be exactly the indented
// JSON of the whole manifest, whatever it holds.
import { describe, expect, it } from 'vitest';
import { emptyManifest, manifestChunks, type Manifest, type ManifestArticle } from '../src/corpus/manifest.js';

const article = (id: string, extra: Partial<ManifestArticle> = {}): ManifestArticle => ({
  id,
  path: `${id}.txt`,
  inputHash: 'ab12',
  status: 'ok',
  output: `articles/${id}.json`,
  counts: { sentences: 3, dates: 1, entities: 2, events: 0 },
  diagnostics: [],
  ...extra,
});

const text = (m: Manifest): string => [...manifestChunks(m)].join('');

describe('manifest written in pieces', () => {
  it('is the indented JSON of an empty manifest', () => {
    const m = emptyManifest();
    expect(text(m)).toBe(JSON.stringify(m, null, 2) + '\n');
  });

  it('is the indented JSON of a manifest with articles, diagnostics, duplicates and problems', () => {
    const m = emptyManifest();
    m.articles = [
      article('a'),
      article('b', { status: 'failed', output: null, diagnostics: [{ severity: 'error', stage: 'ingest', rule: 'encoding', message: 'line 2, column 5: "bad\nbyte"', start: 4, end: 5, fatal: true }] }),
      article('c', { status: 'duplicate', duplicateOf: 'a.txt', output: null }),
    ];
    m.problems = [{ path: 'sub', message: 'unreadable folder' }];
    expect(text(m)).toBe(JSON.stringify(m, null, 2) + '\n');
  });

  it('stays exact across the pieces of a manifest too large for one', () => {
    const m = emptyManifest();
    m.articles = Array.from({ length: 2000 }, (_, i) => article(`article${String(i).padStart(5, '0')}`));
    const chunks = [...manifestChunks(m)];
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.join('')).toBe(JSON.stringify(m, null, 2) + '\n');
  });
});
