// What one added article costs a process that stays running, as `run --watch`
// does: the corpus is run once, then an article is added and the corpus run
// again, several times, each run timed. The first added article pays the
// pipeline's start-up in this process; the others show the steady cost: the
// check, the article, and the corpus files rebuilt from the ledger.
//   node dist/bench/added.js CORPUS OUT [--times N]
// The added files (`zz-added-N.txt`, copies of the corpus's first article with
// one word changed) are removed again at the end, and the corpus run once more.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { discover } from '../corpus/discover.js';
import { runCorpus } from '../corpus/runner.js';

const args = process.argv.slice(2);
const times = args.includes('--times') ? Number(args[args.indexOf('--times') + 1]) : 4;
const [corpus, out] = args.filter((a, k) => !a.startsWith('--') && args[k - 1] !== '--times');
if (!corpus || !out || !Number.isInteger(times) || times < 1) {
  console.error('usage: node dist/bench/added.js CORPUS OUT [--times N]');
  process.exit(2);
}

async function timed(label: string): Promise<void> {
  const started = performance.now();
  const summary = await runCorpus({ corpus, out, jobs: 2 });
  console.log(`${label.padEnd(28)} ${(performance.now() - started).toFixed(0).padStart(7)} ms  processed ${summary.processed}, files written ${summary.written.length}`);
}

// The corpus's first plain-text article, in the order the run discovers them.
const first = (await discover(corpus)).inputs.find((input) => input.path.endsWith('.txt'));
if (!first) {
  console.error(`no .txt article under ${corpus}`);
  process.exit(2);
}
const folder = dirname(first.absolutePath);
const text = readFileSync(first.absolutePath, 'utf8');
await timed('run (all that changed)');
const added: string[] = [];
try {
  for (let n = 1; n <= times; n++) {
    const path = join(folder, `zz-added-${n}.txt`);
    // One word changed: another article, not an exact duplicate of the one it copies.
    writeFileSync(path, text.replace(/\bthe\b/, `the ${n}`));
    added.push(path);
    await timed(`article ${n} added`);
  }
} finally {
  for (const path of added) rmSync(path, { force: true });
}
await timed('added articles removed');
