// discover: every supported article file under the corpus folder, in a stable
// order, each with its sidecar. Directory symlinks are not followed (no loops);
// unreadable folders become problems, not crashes.
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { formatOf } from '../stages/ingest/paths.js';

export const SIDECAR_SUFFIX = '.meta.json';

export interface CorpusInput {
  /** Path inside the corpus folder, forward slashes. */
  path: string;
  absolutePath: string;
  sidecarPath: string | null;
}

export interface DiscoverResult {
  inputs: CorpusInput[];
  problems: { path: string; message: string }[];
}

export async function discover(root: string): Promise<DiscoverResult> {
  const files: string[] = [];
  const problems: DiscoverResult['problems'] = [];
  async function walk(dir: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      problems.push({ path: toCorpusPath(root, dir), message: `cannot read folder: ${(e as Error).message}` });
      return;
    }
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() || entry.isSymbolicLink()) files.push(full);
    }
  }
  await walk(root);
  const present = new Set(files);
  const inputs: CorpusInput[] = [];
  for (const file of files) {
    if (!formatOf(file)) continue;
    const sidecar = file.replace(/\.[^./\\]+$/, '') + SIDECAR_SUFFIX;
    inputs.push({ path: toCorpusPath(root, file), absolutePath: file, sidecarPath: present.has(sidecar) ? sidecar : null });
  }
  inputs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { inputs, problems };
}

function toCorpusPath(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}
