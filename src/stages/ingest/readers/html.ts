// Saved web pages: the main text by @mozilla/readability over a linkedom DOM
// (navigation, ads and comments left out), turned into paragraphs of plain text;
// metadata from the page (article:published_time, JSON-LD datePublished,
// <time>, canonical URL, site name, byline).
import { createRequire } from 'node:module';
import { Readability } from '@mozilla/readability';
import { toCalendarDate, type FoundMeta, type Reader } from './types.js';
import type { Diagnostic } from '../../../article.js';

/**
 * linkedom, loaded on the first web page rather than with the pipeline: it takes
 * about 110 ms to load, which every worker thread paid for corpora of plain text.
 */
let linkedom: typeof import('linkedom') | null = null;
function parseHTML(html: string): ReturnType<typeof import('linkedom').parseHTML> {
  linkedom ??= createRequire(import.meta.url)('linkedom') as typeof import('linkedom');
  return linkedom.parseHTML(html);
}

/** Readability and DOM helpers recurse; a page nested deeper than this is read flat instead. */
const MAX_DEPTH = 400;

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3',
  'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);
const IGNORED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'HEAD']);

type DomNode = { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<DomNode> };

/** Paragraphs of text under `root`, walked without recursion (pages can be nested thousands deep). */
export function blockText(root: DomNode): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const p = current.replace(/\s+/g, ' ').trim();
    if (p) paragraphs.push(p);
    current = '';
  };
  const stack: { node: DomNode; leaving: boolean }[] = [{ node: root, leaving: false }];
  while (stack.length > 0) {
    const { node, leaving } = stack.pop()!;
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const name = node.nodeName.toUpperCase();
    if (IGNORED.has(name)) continue;
    if (name === 'BR') {
      current += ' ';
      continue;
    }
    if (BLOCK.has(name)) flush();
    if (leaving) continue;
    if (BLOCK.has(name)) stack.push({ node, leaving: true });
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], leaving: false });
  }
  flush();
  return paragraphs.join('\n\n');
}

function maxDepth(root: DomNode): number {
  let deepest = 0;
  const stack: [DomNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) if (children[i].nodeType === 1) stack.push([children[i], depth + 1]);
  }
  return deepest;
}

/** Class or id words of page furniture that readability sometimes keeps (ads, bylines, share bars). */
const FURNITURE = /(^|[-_\s])(ad|ads|advert\w*|sponsor\w*|promo\w*|byline|dateline|share|sharing|social|newsletter|subscribe)([-_\s]|$)/i;

/** Removes page furniture before main-text extraction; the byline is read from metadata first. */
function removeFurniture(document: Doc): void {
  for (const el of Array.from(document.querySelectorAll('[class], [id]'))) {
    const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (FURNITURE.test(words)) el.remove?.();
  }
}

interface Doc {
  querySelector(s: string): { getAttribute(n: string): string | null; textContent: string | null } | null;
  querySelectorAll(s: string): ArrayLike<{ textContent: string | null; getAttribute(n: string): string | null; remove?: () => void }>;
  title: string;
  documentElement: DomNode;
}

function pageMeta(document: Doc): FoundMeta {
  const meta = (selector: string): string | null => document.querySelector(selector)?.getAttribute('content')?.trim() || null;
  let jsonLd: Record<string, unknown> = {};
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      const data = JSON.parse(script.textContent ?? '');
      const items: unknown[] = Array.isArray(data) ? data : Array.isArray(data?.['@graph']) ? data['@graph'] : [data];
      const article = items.find((i) => i && typeof i === 'object' && 'datePublished' in (i as object));
      if (article) {
        jsonLd = article as Record<string, unknown>;
        break;
      }
    } catch {
      // a broken JSON-LD block is common and harmless: other sources remain
    }
  }
  const publisherLd = jsonLd.publisher as { name?: unknown } | undefined;
  return {
    title: meta('meta[property="og:title"]') ?? (typeof jsonLd.headline === 'string' ? jsonLd.headline : null) ?? (document.title.trim() || null),
    published:
      toCalendarDate(meta('meta[property="article:published_time"]')) ??
      toCalendarDate(jsonLd.datePublished) ??
      toCalendarDate(document.querySelector('time[datetime]')?.getAttribute('datetime')) ??
      toCalendarDate(meta('meta[name="date"]')),
    publisher: meta('meta[property="og:site_name"]') ?? (typeof publisherLd?.name === 'string' ? publisherLd.name : null),
    url: document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || meta('meta[property="og:url"]'),
    language: document.querySelector('html')?.getAttribute('lang')?.trim() || null,
    byline: meta('meta[name="author"]'),
  };
}

export const readHtml: Reader = (content) => {
  const { document } = parseHTML(content) as unknown as { document: Doc };
  const meta = pageMeta(document);
  const diagnostics: Diagnostic[] = [];
  let body: string | null = null;
  let extraction = 'readability';
  if (maxDepth(document.documentElement) > MAX_DEPTH) {
    diagnostics.push({ severity: 'warning', stage: 'ingest', rule: 'deep-html', message: `HTML nested deeper than ${MAX_DEPTH} levels: read as flat text, without main-text extraction` });
  } else {
    try {
      meta.byline ??= document.querySelector('[class~="byline"], [rel="author"]')?.textContent?.trim() || null;
      removeFurniture(document);
      const article = new Readability(document as never).parse();
      if (article?.content) {
        body = blockText(parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document as unknown as DomNode);
        meta.byline ??= article.byline ?? null;
        meta.title ??= article.title ?? null;
      }
    } catch (e) {
      diagnostics.push({ severity: 'warning', stage: 'ingest', rule: 'readability-failed', message: `main-text extraction failed (${(e as Error).message}): read as flat text` });
    }
  }
  if (body === null) {
    extraction = 'flat-text';
    body = blockText(document.documentElement);
  }
  // The headline leads the text, as in a plain-text article, unless the body already opens with it.
  const title = meta.title;
  const text = title && !body.startsWith(title) ? `${title}\n\n${body}\n` : `${body}\n`;
  return [{ text, extraction, ...meta, diagnostics }];
};
