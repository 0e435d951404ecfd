// Markdown with optional YAML front matter. The article text is the document's
// plain text: block by block, blank lines between blocks, markup dropped
// ("[talks](https://…)" → "talks"), so the NLP stages read prose, not syntax.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { parse as parseYaml } from 'yaml';
import { readerError, toCalendarDate, type FoundMeta, type Reader } from './types.js';

type MdNode = { type: string; value?: string; children?: MdNode[]; depth?: number };

const INLINE_BREAK = new Set(['break']);
const SKIP = new Set(['html', 'image', 'imageReference', 'definition', 'thematicBreak', 'yaml']);

function inlineText(node: MdNode): string {
  if (SKIP.has(node.type)) return '';
  if (INLINE_BREAK.has(node.type)) return '\n';
  if (node.value !== undefined && !node.children) return node.value;
  return (node.children ?? []).map(inlineText).join('');
}

/** Block-level nodes become paragraphs of text; lists and quotes are walked into. */
function blocks(node: MdNode, out: string[]): void {
  for (const child of node.children ?? []) {
    if (SKIP.has(child.type)) continue;
    if (child.type === 'list' || child.type === 'listItem' || child.type === 'blockquote') blocks(child, out);
    else if (child.type === 'code') out.push(child.value ?? '');
    else {
      const text = inlineText(child).trim();
      if (text) out.push(text);
    }
  }
}

export function markdownToText(markdown: string): { text: string; firstHeading: string | null } {
  const tree = fromMarkdown(markdown) as MdNode;
  const out: string[] = [];
  blocks(tree, out);
  const heading = tree.children?.find((c) => c.type === 'heading' && c.depth === 1);
  return { text: out.join('\n\n') + '\n', firstHeading: heading ? inlineText(heading).trim() : null };
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export const readMarkdown: Reader = (content, path) => {
  let meta: FoundMeta = {};
  let body = content;
  const front = FRONT_MATTER.exec(content);
  if (front) {
    let data: unknown;
    try {
      data = parseYaml(front[1]);
    } catch (e) {
      const line = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line;
      return [{ key: '1', diagnostics: [readerError('front-matter', `${path}: invalid YAML front matter${line ? ` at line ${line + 1}` : ''}: ${(e as Error).message.split('\n')[0]}`)] }];
    }
    if (data && typeof data === 'object') meta = frontMatterMeta(data as Record<string, unknown>);
    body = content.slice(front[0].length);
  }
  const { text, firstHeading } = markdownToText(body);
  return [{ text, extraction: front ? 'markdown-to-text, front matter' : 'markdown-to-text', ...meta, title: meta.title ?? firstHeading, diagnostics: [] }];
};

function frontMatterMeta(data: Record<string, unknown>): FoundMeta {
  const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : v instanceof Date ? v.toISOString() : null);
  return {
    title: str(data.title),
    published: toCalendarDate(str(data.published) ?? str(data.date)),
    publisher: str(data.publisher) ?? str(data.source),
    url: str(data.url) ?? str(data.link),
    language: str(data.language) ?? str(data.lang),
    byline: str(data.author) ?? str(data.byline),
  };
}
