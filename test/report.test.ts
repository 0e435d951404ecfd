import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../src/data.js';
import { extractArticle } from '../src/pipeline.js';
import { renderArticlePage } from '../src/report/article-page.js';
import { escapeHtml, jsonForScript } from '../src/report/html.js';
import { renderInspect, useColor } from '../src/report/terminal.js';
import { SEED_TEXT } from './helpers.js';

function article(path: string, text: string, sidecar?: string) {
  const result = extractArticle({ path, bytes: Buffer.from(text), published: '2025-01-17', sidecar: sidecar ? { path: 'x.meta.json', text: sidecar } : undefined });
  if (!result.ok) throw new Error(result.diagnostics[0].message);
  return result.article;
}

describe('report pages', () => {
  it('escape everything that comes from the article', () => {
    expect(escapeHtml(`<img src=x onerror="a('b')">\`x\``)).toBe('&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&#96;x&#96;');
    expect(jsonForScript({ t: '</script><script>alert(1)</script>' })).toBe('{"t":"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>"}');
  });

  it('render a hostile article as text: no tag, handler or link of its own reaches the page', () => {
    const dir = join(PACKAGE_ROOT, 'fixtures', 'hostile-report');
    const html = renderArticlePage(article('hostile.txt', readFileSync(join(dir, 'hostile.txt'), 'utf8'), readFileSync(join(dir, 'hostile.meta.json'), 'utf8')));
    expect(html).not.toMatch(/<script>window/);
    expect(html).not.toMatch(/<img src=x/);
    expect(html).not.toMatch(/<a href="javascript/);
    expect(html).not.toMatch(/onerror="|onmouseover="/); // the text keeps them, escaped: onerror=&quot;
    expect(html).toContain('&lt;script&gt;window.pwned = &#39;script&#39;;&lt;/script&gt;');
    expect(html).toContain('{{constructor.constructor(&#39;window.pwned=1&#39;)()}}');
    // the only scripts are the report's own files
    expect([...html.matchAll(/<script[^>]*>/g)].map((m) => m[0])).toEqual(['<script src="../assets/chart.umd.min.js">', '<script src="../assets/report.js">']);
    expect(html).toContain(`content="default-src 'none'; script-src 'self'`);
  });

  it('highlight dates, entities and cues with tips that give value, code and rule, inside sentences tinted by stance', () => {
    const html = renderArticlePage(article('russia-iran-alliance.txt', SEED_TEXT));
    expect(html).toContain('<mark class="date" data-tip="DATE 1991\nstated\nrule parser:year" tabindex="0">1991</mark>');
    expect(html).toMatch(/<mark class="entity" data-tip="PERSON Vladimir Putin\nactor RUSGOV · RUS\nrule [^"]+" tabindex="0">Putin<\/mark>/);
    expect(html).toMatch(/<span class="sentence s-distrust" id="s3" title="distrust [^"]*">However, lingering <mark class="cue-distrust" data-tip="distrust -[\d.]+[^"]*" tabindex="0">distrust<\/mark>/);
    expect(html).toMatch(/<a class="evidence" href="#s2">collaborated<\/a>/);
  });
});

describe('inspect', () => {
  const seed = article('russia-iran-alliance.txt', SEED_TEXT);

  it('prints sentences with labels and bracketed annotations without colour', () => {
    const text = renderInspect(seed, false);
    expect(text).not.toContain('\x1b[');
    expect(text).toContain('  3  distrust    -0.');
    expect(text).toContain('However, lingering [distrust] remains among [Iranian] officials');
    expect(text).toContain('  1991 → DATE 1991  stated, parser:year');
    expect(text).toMatch(/ {2}Vladimir Putin PERSON RUSGOV \(RUS\)/);
  });

  it('colours with ANSI codes when asked', () => {
    const text = renderInspect(seed, true);
    expect(text).toContain('\x1b[34m1991\x1b[0m');
    expect(text).toContain('\x1b[41;30m distrust   \x1b[0m');
  });

  it('colours only on a terminal, and never with NO_COLOR', () => {
    expect(useColor({ isTTY: true }, {})).toBe(true);
    expect(useColor({ isTTY: false }, {})).toBe(false);
    expect(useColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(useColor({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
  });
});
