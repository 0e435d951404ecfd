// The extraction report: static HTML that works offline from the file system.
// Article text is untrusted: every value passes through escapeHtml (text and
// attributes), data for scripts is embedded as JSON that cannot close its
// <script> element, and every page carries a Content-Security-Policy that allows
// only the report's own bundled files: no inline script, no network.

/** The entity of each character that needs one. */
export const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

const SPECIAL = /[&<>"'`]/;
const SPECIALS = /[&<>"'`]/g;
const entityOf = (c: string): string => ENTITIES[c];

export function escapeHtml(value: unknown): string {
  const s = typeof value === 'string' ? value : String(value ?? '');
  return SPECIAL.test(s) ? s.replace(SPECIALS, entityOf) : s; // most pieces have nothing to escape
}

/** JSON for a <script type="application/json"> element: "<" is escaped so the text can never end the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

/** A page of the report; `root` is the relative path to the report folder ("" or "../"). */
export function page(title: string, body: string, root: string, options: { scripts?: boolean; data?: unknown } = {}): string {
  const scripts = options.scripts
    ? `<script src="${root}assets/chart.umd.min.js"></script>\n<script src="${root}assets/report.js"></script>\n`
    : '';
  const data = options.data === undefined ? '' : `<script type="application/json" id="report-data">${jsonForScript(options.data)}</script>\n`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${root}assets/report.css">
${data}${scripts}</head>
<body>
${body}
</body>
</html>
`;
}

export interface Column {
  label: string;
  sort?: 'text' | 'number';
  num?: boolean;
}

/** A sortable table up to its first row; rows follow, each on a line of its own, then tableEnd. */
export function tableStart(id: string, columns: Column[]): string {
  const head = columns
    .map((c) => `<th${c.sort ? ` data-sort="${c.sort}"` : ''}${c.num ? ' class="num"' : ''}>${escapeHtml(c.label)}</th>`)
    .join('');
  return `<table id="${escapeHtml(id)}" class="sortable"><thead><tr>${head}</tr></thead><tbody>\n`;
}

export const tableEnd = '\n</tbody></table>';

export function table(id: string, columns: Column[], rows: string[]): string {
  return tableStart(id, columns) + rows.join('\n') + tableEnd;
}
