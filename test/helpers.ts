// Test helpers: build an article carrier from text and run the pipeline up to a stage.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { ArticleDoc, LayerName } from '../src/article.js';
import { PACKAGE_ROOT } from '../src/data.js';
import { STAGES, runStages, stagesUntil } from '../src/pipeline.js';
import { ingest } from '../src/stages/ingest/index.js';

export const SEED_PATH = join(PACKAGE_ROOT, 'corpus', 'russia-iran-alliance.txt');
export const SEED_TEXT = readFileSync(SEED_PATH, 'utf8');

/** A carrier for `text`, with every stage run up to and including the one that provides `until`. */
export function docFromText(text: string, options: { published?: string | null; until?: LayerName; path?: string } = {}): ArticleDoc {
  const published = options.published === undefined ? '2025-01-17' : options.published;
  const result = ingest({ path: options.path ?? 'test.txt', bytes: Buffer.from(text, 'utf8'), published: published ?? undefined });
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('; '));
  runStages(result.doc, options.until ? stagesUntil(options.until) : STAGES);
  return result.doc;
}

/** The seed article as published on 2025-01-17, run up to `until`. */
export function seedDoc(until?: LayerName): ArticleDoc {
  return docFromText(SEED_TEXT, { published: '2025-01-17', until });
}

/** The offset of the n-th occurrence (0-based) of `needle` in `text`, for exact span assertions. */
export function offsetOf(text: string, needle: string, occurrence = 0): number {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" occurrence ${occurrence} not found`);
  }
  return at;
}

/** Every file under `dir` with its content, keyed by relative path: for byte-for-byte comparisons of output folders. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string): void => {
    for (const name of readdirSync(d).sort()) {
      if (prefix === '' && name === '.cache') continue; // what saves work (input hashes), machine-dependent by nature
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full, `${prefix}${name}/`);
      else out[prefix + name] = readFileSync(full, 'utf8');
    }
  };
  walk(dir, '');
  return out;
}

/** A maker of temporary folders named `prefix…`, all removed after the test file's tests. */
export function temporaryFolders(prefix: string): () => string {
  const made: string[] = [];
  afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}
