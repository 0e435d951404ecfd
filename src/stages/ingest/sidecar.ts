// Sidecar metadata (NAME.meta.json beside NAME.txt): parsed and checked field by
// field, so a typo gives a positioned message instead of a silently wrong date.
import type { Diagnostic } from '../../article.js';

export interface Sidecar {
  title?: string;
  published?: string;
  publisher?: string;
  url?: string;
  language?: string;
}

const FIELDS = ['title', 'published', 'publisher', 'url', 'language'] as const;

export type SidecarResult =
  | { ok: true; sidecar: Sidecar; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/** Line and column (1-based) of a character offset, for messages about a JSON file. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

export function parseSidecar(text: string, path: string): SidecarResult {
  const error = (rule: string, message: string): SidecarResult => ({
    ok: false,
    diagnostics: [{ severity: 'error', stage: 'ingest', rule, message: `${path}: ${message}`, fatal: true }],
  });
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    const where = at ? lineColumn(text, Number(at[1])) : null;
    return error('sidecar-json', `invalid JSON${where ? ` at line ${where.line}, column ${where.column}` : ''}: ${message}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return error('sidecar-shape', 'expected a JSON object');
  const obj = raw as Record<string, unknown>;
  const sidecar: Sidecar = {};
  const diagnostics: Diagnostic[] = [];
  for (const [key, value] of Object.entries(obj)) {
    if (!(FIELDS as readonly string[]).includes(key)) {
      diagnostics.push({ severity: 'warning', stage: 'ingest', rule: 'sidecar-unknown-field', message: `${path}: unknown field "${key}" ignored` });
      continue;
    }
    if (value === null) continue;
    if (typeof value !== 'string') return error('sidecar-field', `field "${key}" must be a string`);
    if (key === 'published' && !isCalendarDate(value)) return error('sidecar-published', `"published" must be a calendar date YYYY-MM-DD, got "${value}"`);
    sidecar[key as (typeof FIELDS)[number]] = value;
  }
  return { ok: true, sidecar, diagnostics };
}
