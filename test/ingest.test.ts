import { describe, expect, it } from 'vitest';
import { articleId, ingest, readConventions } from '../src/stages/ingest/index.js';
import { parseSidecar } from '../src/stages/ingest/sidecar.js';
import { SEED_TEXT } from './helpers.js';

const bytes = (s: string): Buffer => Buffer.from(s, 'utf8');

describe('ingest', () => {
  it('reads the headline and the publisher from the plain-text convention', () => {
    expect(readConventions(SEED_TEXT)).toEqual({
      title: 'The Complex Alliance of Russia and Iran: A Historical Perspective',
      publisher: 'apnews.com',
    });
  });

  it('keeps the text exactly as decoded, dropping only a UTF-8 BOM', () => {
    const result = ingest({ path: 'a.txt', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes('Title\n\nBody text.\r\n')]) });
    expect(result.ok && result.doc.text).toBe('Title\n\nBody text.\r\n');
  });

  it('lets a sidecar give or override title, published, publisher, url and language', () => {
    const result = ingest({
      path: 'a.txt',
      bytes: bytes('Headline\n\nBody.\nOriginal Source: example.org'),
      sidecar: { path: 'a.meta.json', text: '{"published":"2024-02-29","publisher":"AP","url":"https://example.org/a"}' },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect([result.doc.title, result.doc.publisher, result.doc.published, result.doc.url, result.doc.language]).toEqual([
      'Headline',
      'AP',
      '2024-02-29',
      'https://example.org/a',
      'en',
    ]);
  });

  it('rejects a sidecar with invalid JSON with its line and column', () => {
    const result = parseSidecar('{\n  "published": "2024-01-01",\n  oops\n}', 'x.meta.json');
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0].message).toMatch(/^x\.meta\.json: invalid JSON at line 3, column 3/);
  });

  it('rejects a published value that is not a calendar date', () => {
    const result = parseSidecar('{"published":"2025-02-30"}', 'x.meta.json');
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0].rule).toBe('sidecar-published');
  });

  it('fails empty and binary files with a fatal diagnostic', () => {
    const empty = ingest({ path: 'e.txt', bytes: bytes('  \n\t ') });
    expect(empty.ok === false && empty.diagnostics[0].rule).toBe('empty');
    const binary = ingest({ path: 'b.txt', bytes: Buffer.from([0x41, 0x00, 0x42]) });
    expect(binary.ok === false && [binary.diagnostics[0].rule, binary.diagnostics[0].start]).toEqual(['binary', 1]);
  });

  it('decodes invalid UTF-8 with replacement characters and a positioned warning', () => {
    const result = ingest({ path: 'x.txt', bytes: Buffer.from([0x41, 0x42, 0xff, 0x43]), published: '2025-01-01' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.doc.text).toBe('AB\uFFFDC');
    expect(result.doc.diagnostics.map((d) => [d.rule, d.start])).toEqual([['invalid-utf8', 2]]);
  });

  it('derives stable ids from the path, never the content', () => {
    expect(articleId('russia-iran-alliance.txt')).toBe('russia-iran-alliance');
    expect(articleId('2025/jan/story.txt')).toBe('2025__jan__story');
    expect(articleId('a b.txt')).toMatch(/^a-b-[0-9a-f]{8}$/);
    expect(articleId('a b.txt')).not.toBe(articleId('a-b.txt'));
    expect(articleId('../évian.txt')).toMatch(/^evian-[0-9a-f]{8}$/);
  });
});
