// What one added article costs a process that stays running, as `run --watch`
// does: the corpus is run once, then an article is added and the corpus run
// again, several times, each run timed. The first added article pays the
// pipeline's start-up in this process; the others show the steady cost: the
// check, the article, and the corpus files rebuilt from the ledger.
//   node dist/bench/added.js CORPUS OUT [--times N]
// The added files (`zz-added-N.txt`, copies of the corpus's first article with
// one word changed) are removed again at the end, and the corpus run once more.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCorpus } from '../corpus/runner.js';

const args = process.argv.slice(2);
const times = args.includes('--times') ? Number(args[args.indexOf('--times') + 1]) : 4;
const [corpus, out] = args.filter((a, k) => !a.startsWith('--') && args[k - 1] !== '--times');
if (!corpus || !out || !Number.isInteger(times) || times < 1) {
  console.error('usage: node dist/bench/added.js CORPUS OUT [--times N]');
  process.exit(2);
}

/** The first .txt article under `dir`, depth first in name order, and the folder it is in. */
function firstArticle(dir: string): { folder: string; text: string } {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      const found = firstArticle(path);
      if (found.text) return found;
    } else if (name.endsWith('.txt')) return { folder: dir, text: readFileSync(path, 'utf8') };
  }
  return { folder: dir, text: '' };
}

async function timed(label: string): Promise<void> {
  const started = performance.now();
  const summary = await runCorpus({ corpus, out, jobs: 2 });
  console.log(`${label.padEnd(28)} ${(performance.now() - started).toFixed(0).padStart(7)} ms  processed ${summary.processed}, files written ${summary.written.length}`);
}

const { folder, text } = firstArticle(corpus);
if (!text) {
  console.error(`no .txt article under ${corpus}`);
  process.exit(2);
}
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
