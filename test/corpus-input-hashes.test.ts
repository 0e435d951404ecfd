// The check phase hashes a file only when its identity or timestamps moved since it was last hashed.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCorpus } from '../src/corpus/runner.js';
import { PACKAGE_ROOT } from '../src/data.js';

const temp = mkdtempSync(join(tmpdir(), 'newsevents-hashes-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const ARTICLE = 'russia-iran-alliance.txt';
const LONG_AGO = new Date('2024-01-01T00:00:00Z');

interface Record {
  format: number;
  /** The file's dev, ino, size, mtime, ctime; its sidecar's (zeros without one); its content hash; its input hash. */
  files: { [path: string]: (number | string)[] };
}

function corpusOfOne(name: string): { corpus: string; out: string; file: string; record: () => Record } {
  const corpus = join(temp, name, 'corpus');
  const out = join(temp, name, 'out');
  const file = join(corpus, ARTICLE);
  const recordFile = join(out, '.cache/input-hashes.json');
  return { corpus, out, file, record: () => (existsSync(recordFile) ? (JSON.parse(readFileSync(recordFile, 'utf8')) as Record) : { format: 2, files: {} }) };
}

// Files older than the check's racy window (two seconds), mtime and ctime both:
// made up front, with their mtime set long ago, then left to age once.
const AGED = ['records', 'trusted', 'rewritten', 'unreadable', 'sidecar'];
beforeAll(async () => {
  for (const name of AGED) cpSync(join(PACKAGE_ROOT, 'corpus', ARTICLE), corpusOfOne(name).file);
  for (const name of AGED) utimesSync(corpusOfOne(name).file, LONG_AGO, LONG_AGO);
  await new Promise((resolve) => setTimeout(resolve, 2100));
});

describe('input hashes', () => {
  it('records a file hashed by the check, under its absolute path, with the sha256 of its bytes', async () => {
    const { corpus, out, file, record } = corpusOfOne('records');
    await runCorpus({ corpus, out, jobs: 1 });
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const entry = record().files[file];
    expect(entry[2]).toBe(readFileSync(file).length);
    expect(entry[3]).toBe(LONG_AGO.getTime());
    expect(entry.slice(5, 10)).toEqual([0, 0, 0, 0, 0]);
    expect(entry[10]).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
    expect(entry[11]).toBe(manifest.articles[0].inputHash);
  });

  it('trusts the record for a file whose stats are unchanged: a tampered hash makes the article look changed', async () => {
    const { corpus, out, file, record } = corpusOfOne('trusted');
    await runCorpus({ corpus, out, jobs: 1 });
    const tampered = record();
    tampered.files[file][11] = '0'.repeat(64);
    writeFileSync(join(out, '.cache/input-hashes.json'), JSON.stringify(tampered));
    expect((await runCorpus({ corpus, out, jobs: 1 })).processed).toBe(1);
  });

  it('hashes again a file rewritten with the same size and its old mtime put back (its ctime moved)', async () => {
    const { corpus, out, file, record } = corpusOfOne('rewritten');
    await runCorpus({ corpus, out, jobs: 1 });
    expect(record().files[file]).toBeDefined();
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('Russia', 'Rossia'));
    utimesSync(file, LONG_AGO, LONG_AGO);
    const summary = await runCorpus({ corpus, out, jobs: 1 });
    expect(summary.processed).toBe(1);
  });

  it('hashes again an article whose sidecar changed, and takes its new publication date', async () => {
    const { corpus, out, file } = corpusOfOne('sidecar');
    const sidecar = file.replace(/\.txt$/, '.meta.json');
    writeFileSync(sidecar, JSON.stringify({ published: '2025-01-17' }));
    utimesSync(sidecar, LONG_AGO, LONG_AGO);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await runCorpus({ corpus, out, jobs: 1 });
    writeFileSync(sidecar, JSON.stringify({ published: '2025-01-18' }));
    utimesSync(sidecar, LONG_AGO, LONG_AGO);
    expect((await runCorpus({ corpus, out, jobs: 1 })).processed).toBe(1);
    expect(JSON.parse(readFileSync(join(out, 'articles/russia-iran-alliance.json'), 'utf8')).published).toBe('2025-01-18');
  });

  it('does not record a file written in the last seconds, which could change again unseen within one timestamp tick', async () => {
    const { corpus, out, file, record } = corpusOfOne('racy');
    cpSync(join(PACKAGE_ROOT, 'corpus', ARTICLE), file);
    await runCorpus({ corpus, out, jobs: 1 });
    expect(record().files[file]).toBeUndefined();
  });

  it('ignores a record it cannot read and hashes every file', async () => {
    const { corpus, out } = corpusOfOne('unreadable');
    await runCorpus({ corpus, out, jobs: 1 });
    writeFileSync(join(out, '.cache/input-hashes.json'), '{"format": 1, "files": ');
    const summary = await runCorpus({ corpus, out, jobs: 1 });
    expect(summary).toMatchObject({ processed: 0, unchanged: 1 });
  });
});
