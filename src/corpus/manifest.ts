// manifest.json: what the output folder was built from. An article is redone
// when its input hash, a stage version or the configuration hash changes.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_VERSION, type Diagnostic } from '../article.js';
import { PACKAGE_ROOT, toolVersion } from '../data.js';
import { STAGE_VERSIONS } from '../versions.js';

export const MANIFEST_VERSION = 1;

/** The format of the per-article fragments the corpus files are built from: a new one redoes every article. */
const FRAGMENT_VERSION = 4;

export interface ManifestArticle {
  id: string;
  path: string;
  /** Hash of the article file and its sidecar together: what decides "unchanged". */
  inputHash: string;
  /** skipped: another language; duplicate: the same bytes as `duplicateOf`, processed once under that path. */
  status: 'ok' | 'failed' | 'skipped' | 'duplicate';
  duplicateOf?: string;
  /** Output file inside the output folder, null when the article failed. */
  output: string | null;
  counts: { sentences: number; dates: number; entities: number; events: number };
  /** Errors and warnings (info is left in the article JSON). */
  diagnostics: Diagnostic[];
}

export interface Manifest {
  schemaVersion: number;
  tool: { name: string; version: string };
  articleSchemaVersion: number;
  stages: Record<string, string>;
  configHash: string;
  articles: ManifestArticle[];
  /** Problems that belong to no article (an unreadable folder). */
  problems: { path: string; message: string }[];
}

/**
 * A hash of everything besides the code that shapes the output: the data files
 * (lexicons, gazetteers, leaders), the article schema version and the fragment
 * format. Editing a cue list reprocesses the corpus; the stage versions cover
 * the code.
 */
export function configHash(): string {
  const hash = createHash('sha256');
  hash.update(`schema:${SCHEMA_VERSION}\nfragments:${FRAGMENT_VERSION}\n`);
  const dataRoot = join(PACKAGE_ROOT, 'data');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else hash.update(`${full.slice(dataRoot.length)}\n`).update(readFileSync(full));
    }
  };
  walk(dataRoot);
  return hash.digest('hex').slice(0, 16);
}

export function emptyManifest(): Manifest {
  return {
    schemaVersion: MANIFEST_VERSION,
    tool: { name: 'newsevents', version: toolVersion() },
    articleSchemaVersion: SCHEMA_VERSION,
    stages: { ...STAGE_VERSIONS },
    configHash: configHash(),
    articles: [],
    problems: [],
  };
}

/** Whether a previous manifest's outputs can be reused under the current code and data. */
export function sameBuild(a: Manifest, b: Manifest): boolean {
  return (
    a.schemaVersion === b.schemaVersion &&
    a.articleSchemaVersion === b.articleSchemaVersion &&
    a.configHash === b.configHash &&
    JSON.stringify(a.stages) === JSON.stringify(b.stages)
  );
}

/**
 * manifest.json's text in pieces, exactly `JSON.stringify(manifest, null, 2)`
 * and a newline: a large corpus's manifest (20 MB at 50,000 articles) is
 * written without ever being one string.
 */
export function* manifestChunks(manifest: Manifest): Generator<string> {
  const empty = JSON.stringify({ ...manifest, articles: [] }, null, 2) + '\n';
  if (manifest.articles.length === 0) {
    yield empty;
    return;
  }
  const slot = '"articles": []';
  const at = empty.indexOf(slot);
  yield empty.slice(0, at) + '"articles": [\n';
  const last = manifest.articles.length - 1;
  let piece = '';
  for (let i = 0; i <= last; i++) {
    // An entry two levels deep: its lines indented by four more spaces (JSON strings hold no raw newline).
    piece += '    ' + JSON.stringify(manifest.articles[i], null, 2).replaceAll('\n', '\n    ') + (i < last ? ',\n' : '\n');
    if (piece.length > 1 << 16) {
      yield piece;
      piece = '';
    }
  }
  yield piece + '  ]' + empty.slice(at + slot.length);
}
