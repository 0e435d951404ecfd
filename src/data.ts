import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: one level above src/ (tests) or dist/ (built). */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

const cache = new Map<string, unknown>();

/** Reads a data file under data/ once; data (lexicons, gazetteers) stays out of code. */
export function loadData<T>(relativePath: string): T {
  let value = cache.get(relativePath);
  if (value === undefined) {
    value = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'data', relativePath), 'utf8'));
    cache.set(relativePath, value);
  }
  return value as T;
}
