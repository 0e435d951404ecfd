// The corpus files' aggregation alone, on an output folder a run has made: a
// full pass (every fragment read) and a pass for one changed article (the
// ledger used, the article's fragment read again). Prints wall and CPU time,
// the files it wrote and the process's peak RSS.
//   node dist/bench/aggregate.js OUT [ARTICLE_ID] [--one]
// --one skips the full pass (it needs a ledger from an earlier run), so that
// the peak RSS printed is the one-article pass's own.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { aggregate } from '../corpus/aggregate.js';
import { LEDGER_PATH } from '../corpus/ledger.js';
import type { Manifest } from '../corpus/manifest.js';

const args = process.argv.slice(2).filter((a) => a !== '--one');
const onlyOne = process.argv.includes('--one');
const out = args[0];
if (!out) {
  console.error('usage: node dist/bench/aggregate.js OUT [ARTICLE_ID] [--one]');
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
const good = manifest.articles.filter((a) => a.status === 'ok');
const id = args[1] ?? good[good.length >> 1].id;

async function timed(label: string, changed?: ReadonlySet<string>): Promise<void> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const written = await aggregate(out, manifest, changed);
  const used = process.cpuUsage(cpu);
  const rss = process.resourceUsage().maxRSS / 1024;
  console.log(`${label.padEnd(40)} ${(performance.now() - started).toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms CPU, ${written.length} files written, peak RSS ${rss.toFixed(0)} MB`);
}

console.log(`${out}: ${good.length} articles`);
if (!onlyOne) await timed('full pass (every fragment)');
// As if the article had been processed again with a different result: the
// ledger's record of its fragment no longer matches, so its share is redone.
const ledgerPath = join(out, LEDGER_PATH);
const ledger = readFileSync(ledgerPath, 'utf8');
const at = ledger.indexOf(`[${JSON.stringify(id)},"`) + JSON.stringify(id).length + 3;
writeFileSync(ledgerPath, ledger.slice(0, at) + (ledger[at] === 'A' ? 'B' : 'A') + ledger.slice(at + 1));
await timed(`one changed article (${id})`, new Set([id]));
