// Property tests over every stage: for arbitrary text (any Unicode, control
// characters, very long tokens, news-like fragments) no stage throws, every span
// lies inside the text and repeats its slice, and the output is deterministic.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArticleDoc, ArticleJson, Span } from '../src/article.js';
import { runStages, toArticleJson } from '../src/pipeline.js';

const NEWS = [
  'Russia', 'Iran', 'the U.S.', 'U.S.-Iran', 'President', 'Putin’s', 'NATO', 'signed', 'a treaty', 'on Tuesday', 'in 1991',
  'the 19th century', 'last week', 'did not', 'may', 'sanctions', 'distrust', 'however,', 'despite', 'Jan. 5', '2015–2016',
  'Beijing said', '“quoted”', '\n\n', '.', ',', ' ', 'apnews.com', 'Mr.', 'the early 1990s', 'BC', 'Q3', '¿', '😀', '\u0000', '\u200b',
];

const newsLike = fc.array(fc.constantFrom(...NEWS), { minLength: 1, maxLength: 80 }).map((words) => words.join(' '));
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  newsLike,
  fc.tuple(newsLike, fc.string({ unit: fc.constantFrom('a', 'B', '-', '.', '1'), minLength: 500, maxLength: 3000 })).map(([a, b]) => `${a} ${b} ${a}`),
);
const published = fc.option(fc.constantFrom('2025-01-17', '1999-12-31', '2024-02-29'), { nil: undefined });

function spansOf(a: ArticleJson): Span[] {
  return [
    ...a.sentences,
    ...a.sentences.flatMap((s) => s.stance.cues),
    ...a.dates,
    ...a.entities.flatMap((e) => e.mentions),
    ...a.events.flatMap((e) => [e.trigger, e.evidence, ...(e.source ? [e.source] : []), ...(e.target ? [e.target] : [])]),
  ];
}

/** Every stage on the text as it is (ingest's language check would turn most random text away). */
function extract(text: string, date: string | undefined): { ok: true; article: ArticleJson } | { ok: false; diagnostics: ArticleDoc['diagnostics'] } {
  const doc: ArticleDoc = {
    id: 'property',
    source: { path: 'property.txt', sha256: '0'.repeat(64), format: 'txt', extraction: 'verbatim', encoding: 'utf-8' },
    title: null,
    publisher: null,
    url: null,
    published: date ?? null,
    language: 'en',
    text,
    layers: {},
    diagnostics: [],
  };
  return runStages(doc) ? { ok: true, article: toArticleJson(doc) } : { ok: false, diagnostics: doc.diagnostics };
}

describe('every stage, on arbitrary text', () => {
  it('never throws, keeps every span inside the text, and is deterministic', { timeout: 240_000 }, () => {
    fc.assert(
      fc.property(anyText, published, (text, date) => {
        const first = extract(text, date);
        expect(first.ok ? [] : first.diagnostics).toEqual([]); // no stage crashed
        if (!first.ok) return;
        const a = first.article;
        for (const s of spansOf(a)) {
          expect(s.start).toBeGreaterThanOrEqual(0);
          expect(s.end).toBeLessThanOrEqual(a.text.length);
          expect(s.start).toBeLessThanOrEqual(s.end);
          expect(a.text.slice(s.start, s.end)).toBe(s.text);
        }
        for (const s of a.sentences) {
          expect(s.stance.score).toBeGreaterThanOrEqual(-1);
          expect(s.stance.score).toBeLessThanOrEqual(1);
        }
        const again = extract(text, date);
        expect(again.ok && JSON.stringify(again.article)).toBe(JSON.stringify(a));
      }),
      { numRuns: 300, seed: 20261128, endOnFailure: true },
    );
  });
});
