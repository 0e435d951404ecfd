// Writes that never leave a half-written file: write to a temporary name in the
// same folder, then rename over the target (atomic on POSIX file systems).
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

let counter = 0;

export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${counter++}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** Writes only when the content differs, so an unchanged run rewrites nothing. Returns whether it wrote. */
export async function writeIfChanged(path: string, data: string): Promise<boolean> {
  const existing = await readFile(path, 'utf8').catch(() => null);
  if (existing === data) return false;
  await writeAtomic(path, data);
  return true;
}

export async function readJson<T>(path: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch {
    return null;
  }
}
