// Finding and reading gold data. A path that holds no gold of the kind asked
// for, or a gold file that cannot be read, is the user's mistake to correct:
// a GoldDataError names the file (and line) and the command exits 2.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { GoldDataError } from '../errors.js';

/** The files under `dir` (recursively) whose names end with `ext`, sorted for a stable order. */
export function filesUnder(dir: string, ext: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, ext));
    else if (name.endsWith(ext)) out.push(path);
  }
  return out;
}

/** filesUnder, for gold: none found is an error that says what was looked for. */
export function goldFilesUnder(dir: string, ext: string, what: string): string[] {
  const files = filesUnder(dir, ext);
  if (files.length === 0) throw new GoldDataError(`${dir}: no ${ext} files under it (${what})`);
  return files;
}

/** A tab-separated gold file's rows by column name; a missing column or a short row is a positioned error. */
export function readTsv(path: string, text: string, columns: readonly string[]): { line: number; get: (column: string) => string }[] {
  const lines = text.split(/\r?\n/);
  const header = lines[0].split('\t');
  const at = new Map<string, number>();
  for (const name of columns) {
    const k = header.indexOf(name);
    if (k < 0) throw new GoldDataError(`${path}:1: no "${name}" column (expected tab-separated columns ${columns.join(', ')})`);
    at.set(name, k);
  }
  const width = Math.max(...at.values()) + 1;
  const rows: { line: number; get: (column: string) => string }[] = [];
  lines.forEach((line, n) => {
    if (n === 0 || line.trim() === '') return;
    const fields = line.split('\t');
    if (fields.length < width) throw new GoldDataError(`${path}:${n + 1}: ${fields.length} fields, expected ${width} (${columns.join(', ')})`);
    rows.push({ line: n + 1, get: (column) => fields[at.get(column)!] });
  });
  return rows;
}
