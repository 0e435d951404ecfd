import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../src/data.js';
import { ingest, ingestFile } from '../src/stages/ingest/index.js';
import { detectLanguage } from '../src/stages/ingest/language.js';

const fixture = (name: string): Buffer => readFileSync(join(PACKAGE_ROOT, 'fixtures', 'formats', name));
const docs = (name: string) => ingestFile({ path: name, bytes: fixture(name) });

describe('readers', () => {
  it('takes only the article out of a saved news page, with its metadata', () => {
    const [result] = docs('news-page.html');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const doc = result.doc;
    expect([doc.title, doc.published, doc.publisher, doc.url]).toEqual([
      'Armenia and Azerbaijan Sign Peace Framework',
      '2025-08-09',
      'The Caucasus Ledger',
      'https://ledger.example/world/armenia-azerbaijan-peace-framework',
    ]);
    expect(doc.source).toMatchObject({ format: 'html', extraction: 'readability' });
    expect(doc.text.startsWith('Armenia and Azerbaijan Sign Peace Framework\n\n')).toBe(true);
    expect(doc.text).toContain('Armenia and Azerbaijan on Friday initialed a framework for a peace treaty at the White House');
    expect(doc.text).toContain('"Paper is easy; implementation is hard," said one regional diplomat');
    for (const junk of ['Subscribe', 'Advertisement', 'Great news, finally', 'Related stories', 'All rights reserved', 'analytics']) {
      expect(doc.text).not.toContain(junk);
    }
    // paragraphs stay paragraphs
    expect(doc.text.split('\n\n').length).toBeGreaterThanOrEqual(5);
  });

  it('reads Markdown front matter and turns the body into plain paragraphs', () => {
    const [result] = docs('field-note.md');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const doc = result.doc;
    expect([doc.title, doc.published, doc.publisher, doc.url, doc.source.extraction]).toEqual([
      'Egypt and Ethiopia Trade Warnings Over the Nile Dam',
      '2025-09-12',
      'Nile Desk',
      'https://niledesk.example/gerd-warnings',
      'markdown-to-text, front matter',
    ]);
    expect(doc.text).toBe(
      'Egypt and Ethiopia Trade Warnings Over the Nile Dam\n\n' +
        'Ethiopia inaugurated the Grand Ethiopian Renaissance Dam on Tuesday, and Egypt\nimmediately warned that it would defend its water\nsecurity by all means.\n\n' +
        'Cairo has opposed the project since construction began in 2011. Talks brokered by the\nAfrican Union collapsed in December 2023.\n\n' +
        'Sudan has called for a binding agreement on filling and operating the dam.\n\n' +
        'Ethiopian Prime Minister Abiy Ahmed said the dam harms no one.\n\n' +
        '"The Nile is a matter of existence," an Egyptian official said.\n',
    );
  });

  it('maps news-API and GDELT-style field names, one article per JSONL line; a malformed line fails alone', () => {
    const results = docs('feed.jsonl');
    expect(results.map((r) => (r.ok ? ['ok', r.doc.id] : ['failed', r.id, r.diagnostics[0].rule]))).toEqual([
      ['ok', 'feed_jsonl--gdelt-001'],
      ['failed', 'feed_jsonl--2', 'jsonl-syntax'],
      ['ok', 'feed_jsonl--gdelt-003'],
    ]);
    const [first, bad, third] = results;
    expect(bad.ok === false && bad.diagnostics[0].message).toBe('feed.jsonl line 2: invalid JSON');
    if (!first.ok || !third.ok) return;
    expect([first.doc.title, first.doc.published, first.doc.url, first.doc.publisher, first.doc.source.key]).toEqual([
      'India and Pakistan Agree to Ceasefire',
      '2025-05-11',
      'https://wire.example/india-pakistan-ceasefire',
      'wire.example',
      'gdelt-001',
    ]);
    expect([third.doc.title, third.doc.published, third.doc.publisher, third.doc.source.extraction]).toEqual([
      'Japan and China Hold Talks',
      '2024-11-25',
      'Wire Example',
      'json-field:body',
    ]);
  });

  it('reads a NewsAPI response, failing an article with no text by its position', () => {
    const results = docs('newsapi.json');
    expect(results.map((r) => (r.ok ? r.doc.title : r.diagnostics[0].rule))).toEqual(['Kenya and Somalia Restore Flights', 'json-no-text']);
    expect(results[0].ok && results[0].doc.text).toBe(
      'Kenya and Somalia agreed on Monday to restore direct flights between Nairobi and Mogadishu, ending a suspension that lasted two years.',
    );
  });

  it('skips an article in another language with a clear diagnostic', () => {
    const [result] = docs('la-francophonie.txt');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.skipped).toBe(true);
    expect(result.diagnostics[0].message).toBe('la-francophonie.txt: language is fr (detected by franc); only English is analysed');
  });

  it('detects English cheaply and other languages with franc', () => {
    expect(detectLanguage('Russia and Iran have collaborated on military efforts in Syria and nuclear projects, responding to regional dynamics.')).toEqual({ language: 'en', method: 'function-words' });
    expect(detectLanguage('Rusia e Irán han colaborado en esfuerzos militares en Siria y en proyectos nucleares, respondiendo a las dinámicas regionales.').language).toBe('es');
    expect(detectLanguage('Short.')).toEqual({ language: null, method: 'too-short' });
  });

  it('does not refuse a short English text that franc ranks another language first with English close behind', () => {
    const brief = "China, Pakistan's largest creditor, rolled over $2.4 billion in loans last month.";
    expect(detectLanguage(brief)).toEqual({ language: null, method: 'uncertain', rankedFirst: 'sv' });
    // A one-line item made of names: English further behind, but no other language's function word.
    expect(detectLanguage('UN Secretary-General Antonio Guterres met Chinese Foreign Minister Wang Yi in New York.')).toEqual({ language: null, method: 'uncertain', rankedFirst: 'de' });
    // Real French news leaves English far behind: still refused.
    expect(detectLanguage('Le gouvernement français a annoncé mardi une nouvelle réforme des retraites.').language).toBe('fr');
    const result = ingest({ path: 'brief.txt', bytes: Buffer.from(brief), published: '2024-01-10' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.doc.diagnostics.map((d) => [d.severity, d.rule, d.message])).toEqual([
      ['info', 'language-uncertain', 'brief.txt: too little text to be sure of its language (sv ranked first, English close behind); analysed as English'],
    ]);
  });
});
