// The report in a real browser (Debian's chromium, driven by playwright-core):
// charts and highlights are there, evidence links land on their sentence, no
// console errors, and a hostile article runs nothing. Screenshots are saved in
// test-artifacts/. CI installs chromium; elsewhere the test needs /usr/bin/chromium.
import { existsSync, mkdirSync, mkdtempSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCorpus } from '../src/corpus/runner.js';
import { PACKAGE_ROOT } from '../src/data.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(PACKAGE_ROOT, 'test-artifacts');
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium`);

const temp = mkdtempSync(join(tmpdir(), 'newsevents-browser-'));
let browser: Browser;
let out: string;

beforeAll(async () => {
  if (!available) return;
  const corpus = join(temp, 'corpus');
  cpSync(join(PACKAGE_ROOT, 'corpus'), corpus, { recursive: true });
  cpSync(join(PACKAGE_ROOT, 'fixtures', 'hostile-report'), corpus, { recursive: true });
  out = join(temp, 'out');
  await runCorpus({ corpus, out, jobs: 1 });
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(temp, { recursive: true, force: true });
});

/** Opens a report page, collecting console errors and failed requests. */
async function open(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  await page.goto(pathToFileURL(join(out, 'report', path)).href);
  await page.waitForLoadState('load');
  return { page, problems };
}

describe.skipIf(!available)('the report in a browser', () => {
  it('shows the corpus with its dyad charts drawn, sortable tables and no console errors', async () => {
    const { page, problems } = await open('index.html');
    await page.waitForSelector('canvas[data-drawn="true"]');
    const charts = await page.locator('canvas[data-drawn="true"]').count();
    expect(charts).toBeGreaterThanOrEqual(3);
    expect(await page.locator('#articles tbody tr').count()).toBe(8);
    await page.locator('#articles th', { hasText: 'Events' }).click();
    const first = Number(await page.locator('#articles tbody tr >> nth=0 >> td >> nth=7').textContent());
    const last = Number(await page.locator('#articles tbody tr >> nth=-1 >> td >> nth=7').textContent());
    expect(first).toBeLessThanOrEqual(last);
    await page.fill('input[data-table="articles"]', 'Aegean');
    expect(await page.locator('#articles tbody tr:not([hidden])').count()).toBe(1);
    await page.fill('input[data-table="articles"]', '');
    await page.screenshot({ path: join(ARTIFACTS, 'report-index.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('highlights an article and lands evidence links on their sentence', async () => {
    const { page, problems } = await open('articles/russia-iran-alliance.html');
    expect(await page.locator('mark.date').count()).toBeGreaterThanOrEqual(9);
    expect(await page.locator('mark.entity').count()).toBeGreaterThan(30);
    expect(await page.locator('mark.cue-distrust').count()).toBeGreaterThan(5);
    const tip = await page.locator('mark.date', { hasText: '1991' }).getAttribute('data-tip');
    expect(tip).toContain('DATE 1991');
    await page.locator('mark.date', { hasText: '1991' }).focus();
    await page.screenshot({ path: join(ARTIFACTS, 'report-article.png') });

    const link = page.locator('a.evidence', { hasText: 'collaborated' });
    const target = await link.getAttribute('href');
    await link.click();
    expect(await page.evaluate(() => location.hash)).toBe(target);
    const landed = await page.locator(':target').textContent();
    expect(landed).toContain('They have collaborated on military efforts in Syria');
    expect(await page.locator(':target').getAttribute('class')).toContain('s-cooperation');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('runs nothing from a hostile article', async () => {
    const { page, problems } = await open('articles/hostile.html');
    await page.locator('article.text').hover();
    await page.mouse.move(300, 400);
    expect(await page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned)).toBeUndefined();
    expect(await page.locator('article.text script, article.text img, article.text a').count()).toBe(0);
    expect(await page.locator('article.text').textContent()).toContain("<script>window.pwned = 'script';</script>");
    expect(await page.title()).toBe("Iran <script>window.pwned = 'title';</script> and Russia");
    await page.screenshot({ path: join(ARTIFACTS, 'report-hostile.png') });
    expect(problems).toEqual([]);
    await page.close();
  });
});
