// The bin as users run it (built by `npm test` before vitest starts).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../src/data.js';

const BIN = join(PACKAGE_ROOT, 'dist', 'cli.js');
const temp = mkdtempSync(join(tmpdir(), 'newsevents-cli-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: PACKAGE_ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('newsevents CLI', () => {
  it('extract prints the article JSON whose text is the file content exactly', () => {
    const seed = join(PACKAGE_ROOT, 'corpus', 'russia-iran-alliance.txt');
    const r = cli('extract', seed, '--published', '2025-01-17');
    expect(r.status).toBe(0);
    const article = JSON.parse(r.stdout);
    expect(article.text).toBe(readFileSync(seed, 'utf8'));
    expect(article.published).toBe('2025-01-17');
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('extract --pretty indents a single file and refuses several', () => {
    const seed = join(PACKAGE_ROOT, 'corpus', 'russia-iran-alliance.txt');
    expect(cli('extract', '--pretty', seed).stdout.startsWith('{\n  "schemaVersion": 1,')).toBe(true);
    expect(cli('extract', '--pretty', seed, seed).status).toBe(2);
  });

  it('exits 2 on bad usage with a message', () => {
    expect(cli('run', join(temp, 'missing')).status).toBe(2);
    expect(cli('extract', 'x.txt', '--published', '17/01/2025').stderr).toMatch(/--published must be a calendar date/);
    expect(cli('frobnicate').status).toBe(2);
    expect(cli('run', '--jobs', '0').status).toBe(2);
  });

  it('run exits 1 when an article failed, after processing all the others', () => {
    const corpus = join(temp, 'corpus');
    cpSync(join(PACKAGE_ROOT, 'corpus'), corpus, { recursive: true });
    cpSync(join(PACKAGE_ROOT, 'fixtures', 'hostile', 'empty.txt'), join(corpus, 'empty.txt'));
    const r = cli('run', corpus, '--out', join(temp, 'out'), '--quiet');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/error empty\.txt ingest:empty/);
    const manifest = JSON.parse(readFileSync(join(temp, 'out', 'manifest.json'), 'utf8'));
    expect(manifest.articles.filter((a: { status: string }) => a.status === 'ok').length).toBeGreaterThan(0);
  });

  it('eval scores a stage on gold data and lists errors on request; unknown kinds are bad usage', () => {
    const dir = join(temp, 'tml');
    cpSync(join(PACKAGE_ROOT, 'fixtures', 'eval'), dir, { recursive: true });
    const r = cli('eval', 'timeml', dir, '--errors');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^files 1, gold TIMEX3 3, system \d+/);
    expect(r.stdout).toMatch(/relaxed +P [\d.]+ +R 100\.00/);
    expect(cli('eval', 'nonsense', dir).status).toBe(2);
    expect(cli('eval', 'timeml', join(temp, 'nothing-here')).status).toBe(2);
  });

  it('eval refuses gold it cannot read with a positioned message and exit 2, never a stack trace', () => {
    const wrongKind = cli('eval', 'stance', join(PACKAGE_ROOT, 'fixtures', 'stance'));
    expect(wrongKind.status).toBe(2);
    expect(wrongKind.stderr).toMatch(/^newsevents: eval stance takes a file, and .*fixtures\/stance is a folder: /);

    const noTml = cli('eval', 'timeml', join(PACKAGE_ROOT, 'fixtures', 'stance'));
    expect(noTml.status).toBe(2);
    expect(noTml.stderr).toMatch(/fixtures\/stance: no \.tml files under it \(TempEval-3 TimeML documents\)\n$/);

    const tsv = join(temp, 'plover.tsv');
    writeFileSync(tsv, 'id\tplover_event\tquad\tlabel\ttext\np1\tAGREE\tVERBAL_COOPERATION\tcooperation\tThey agreed.\np2\tACCUSE\n');
    const shortRow = cli('eval', 'plover', tsv);
    expect(shortRow.status).toBe(2);
    expect(shortRow.stderr).toBe(`newsevents: ${tsv}:3: 2 fields, expected 5 (id, plover_event, quad, label, text)\n`);

    const events = join(temp, 'event-gold');
    mkdirSync(join(events, 'gold'), { recursive: true });
    writeFileSync(join(events, 'gold', 'a.jsonl'), '{"article":"a.txt","published":"2025-01-17"}\n\n{not json\n');
    const badLine = cli('eval', 'event-gold', events);
    expect(badLine.status).toBe(2);
    expect(badLine.stderr).toMatch(new RegExp(`^newsevents: ${join(events, 'gold', 'a.jsonl')}:3: not JSON `));
  });

  it('prints help for each command', () => {
    expect(cli('run', '--help').stdout).toMatch(/--jobs <n>/);
    expect(cli('extract', '--help').stdout).toMatch(/--published <date>/);
  });
});
