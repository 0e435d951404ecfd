// The hostile-input corpus: every kind of junk a real corpus holds, in one run.
// Each case becomes a clear entry in the manifest; all other articles are
// processed; the exit code is 1; nothing is written outside --out.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../src/data.js';

const temp = mkdtempSync(join(tmpdir(), 'newsevents-hostile-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function hostileCorpus(): string {
  const dir = join(temp, 'corpus');
  mkdirSync(dir);
  cpSync(join(PACKAGE_ROOT, 'corpus', 'russia-iran-alliance.txt'), join(dir, 'seed.txt'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'whitespace.txt'), ' \n\t\n   \n');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
  writeFileSync(join(dir, 'invalid-utf8.txt'), Buffer.concat([Buffer.from('Iran and Iraq\n\nIran and Iraq signed a deal'), Buffer.from([0xc3, 0x28]), Buffer.from(' on Monday.\n')]));
  writeFileSync(join(dir, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Talks in Vienna\n\nIran and the United States held talks in Vienna on Monday.\n', 'utf16le')]));
  writeFileSync(join(dir, 'huge.txt'), 'Russia and Iran. '.repeat(400_000)); // 6.8 MB
  const words = 'Russia and Iran signed a treaty with the U.S. on Friday while officials said talks continued'.split(' ');
  let line = '';
  for (let i = 0; line.length < 2_000_000; i++) line += words[i % words.length] + ' ';
  writeFileSync(join(dir, 'one-long-line.txt'), line);
  writeFileSync(join(dir, 'deep.html'), `<html><body>${'<div>'.repeat(10_000)}<p>Greece and Turkey held talks in Athens on Tuesday, officials said.</p>${'</div>'.repeat(10_000)}</body></html>`);
  cpSync(join(PACKAGE_ROOT, 'fixtures', 'formats', 'feed.jsonl'), join(dir, 'feed.jsonl'));
  symlinkSync('loop.txt', join(dir, 'loop.txt')); // a link to itself
  symlinkSync('.', join(dir, 'again')); // a folder link back up: not followed
  symlinkSync('nowhere.txt', join(dir, 'gone.txt')); // unreadable: points at nothing
  writeFileSync(join(dir, 'with space.txt'), 'Peace Talks\n\nArmenia and Azerbaijan met in Brussels.\n');
  writeFileSync(join(dir, 'ünïcödé.txt'), 'Trade Deal\n\nChile and Peru signed a trade deal in Lima.\n');
  writeFileSync(join(dir, '..dots...txt'), 'Border Talks\n\nIndia and Nepal discussed the border on Friday.\n');
  cpSync(join(dir, 'seed.txt'), join(dir, 'seed-copy.txt'));
  return dir;
}

describe('hostile input', () => {
  it('reports every bad file clearly, processes all the others, exits 1 and writes only under --out', () => {
    const corpus = hostileCorpus();
    const out = join(temp, 'out');
    const r = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'dist', 'cli.js'), 'run', corpus, '--out', out, '--quiet', '--jobs', '2'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(1);

    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const byPath = (path: string) => manifest.articles.filter((a: { path: string }) => a.path === path);
    const outcome = (path: string) => byPath(path).map((a: { status: string; diagnostics: { stage: string; rule: string }[] }) => [a.status, a.diagnostics.map((d) => `${d.stage}:${d.rule}`).join(' ')]);

    expect(outcome('empty.txt')).toEqual([['failed', 'ingest:empty']]);
    expect(outcome('whitespace.txt')).toEqual([['failed', 'ingest:empty']]);
    expect(outcome('binary.txt')).toEqual([['failed', 'ingest:binary']]);
    expect(outcome('huge.txt')).toEqual([['failed', 'corpus:too-large']]);
    expect(outcome('loop.txt')).toEqual([['failed', 'corpus:unreadable']]);
    expect(outcome('gone.txt')).toEqual([['failed', 'corpus:unreadable']]);
    expect(byPath('invalid-utf8.txt')[0].status).toBe('ok');
    expect(byPath('invalid-utf8.txt')[0].diagnostics[0]).toMatchObject({ rule: 'invalid-utf8', start: 42, end: 43 });
    expect(byPath('utf16.txt')[0].status).toBe('ok');
    expect(byPath('one-long-line.txt')[0].status).toBe('ok');
    expect(byPath('one-long-line.txt')[0].diagnostics.map((d: { rule: string }) => d.rule)).toContain('long-sentence');
    expect(byPath('deep.html')[0]).toMatchObject({ status: 'ok' });
    expect(byPath('deep.html')[0].diagnostics.map((d: { rule: string }) => d.rule)).toContain('deep-html');
    expect(byPath('feed.jsonl').map((a: { id: string; status: string }) => [a.id, a.status])).toEqual([
      ['feed_jsonl--2', 'failed'],
      ['feed_jsonl--gdelt-001', 'ok'],
      ['feed_jsonl--gdelt-003', 'ok'],
    ]);
    expect(byPath('feed.jsonl')[0].diagnostics[0].message).toBe('feed.jsonl line 2: invalid JSON');
    // The first in path order ("seed-copy.txt" sorts before "seed.txt") is processed, the other reported.
    expect(byPath('seed.txt')[0]).toMatchObject({ status: 'duplicate', duplicateOf: 'seed-copy.txt' });
    for (const name of ['with space.txt', 'ünïcödé.txt', '..dots...txt', 'seed-copy.txt']) expect(byPath(name)[0].status, name).toBe('ok');

    const utf16 = JSON.parse(readFileSync(join(out, 'articles', 'utf16.json'), 'utf8'));
    expect([utf16.title, utf16.source.encoding]).toEqual(['Talks in Vienna', 'utf-16le']);
    // Every failure is printed with its file, stage and rule.
    for (const name of ['empty.txt', 'binary.txt', 'huge.txt', 'loop.txt', 'gone.txt', 'feed.jsonl']) expect(r.stderr).toContain(`error ${name}`);
    // Nothing outside --out: the temporary folder holds only the corpus and the output.
    expect(readdirSync(temp).sort()).toEqual(['corpus', 'out']);
    expect(readdirSync(join(out, 'articles')).every((f) => /^[A-Za-z0-9_-]+\.json$/.test(f))).toBe(true);
  });
});
