import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: the nearest folder above this file with the package's package.json (src/, dist/ or any build folder). */
function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && existsSync(join(dir, 'data')) && /"name":\s*"newsevents"/.test(readFileSync(manifest, 'utf8'))) return dir;
    if (dirname(dir) === dir) return join(from, '..');
  }
}

export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

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

/** This package's version, from its package.json. */
export function toolVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
