// `npm run bench:ceiling [-- --articles N]`: what two cores can give this work
// at all. The pipeline runs over the same N synthetic articles in one process
// alone, then in two processes side by side that share nothing (no runner, no
// pool, no files written), in interleaved rounds. The ratio is the most that two
// jobs can gain over one on this machine; the CPU per wall second shows how
// much of a second core one process already takes (V8 compiles and collects
// garbage on threads of its own). Prints figures.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../data.js';
import { writeSyntheticCorpus } from './synthetic.js';

interface Pass {
  wallMs: number;
  cpuMs: number;
}

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

/** In a child: every article of the folder through the pipeline, in path order; prints its pass as JSON. */
async function runPass(dir: string): Promise<void> {
  const { processFile } = await import('../corpus/work.js');
  const files = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(dir, f));
  const bytes = files.map((f) => readFileSync(f));
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < files.length; i++) processFile({ path: files[i], bytes: bytes[i] });
  const used = process.cpuUsage(cpu);
  const pass: Pass = { wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
  console.log(JSON.stringify(pass));
}

const self = fileURLToPath(import.meta.url);

/** One pass in a process of its own. */
function pass(dir: string): Promise<Pass> {
  return new Promise((resolve, reject) => {
    let out = '';
    const child = spawn(process.execPath, [self, '--pass', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as Pass) : reject(new Error(`pass exited with ${code}`))));
  });
}

async function main(): Promise<void> {
  const count = argument('articles', 2000);
  const rounds = argument('rounds', 3);
  const root = mkdtempSync(join(tmpdir(), 'newsevents-ceiling-'));
  try {
    const corpus = writeSyntheticCorpus(join(PACKAGE_ROOT, 'corpus'), root, count);
    console.log(`synthetic corpus: ${count} articles, the pipeline alone (no files written), ${rounds} interleaved rounds`);
    const ratios: number[] = [];
    for (let r = 1; r <= rounds; r++) {
      const alone = await pass(corpus.dir);
      const pair = await Promise.all([pass(corpus.dir), pass(corpus.dir)]);
      const pairWall = Math.max(...pair.map((p) => p.wallMs));
      const ratio = (2 * alone.wallMs) / pairWall;
      ratios.push(ratio);
      const s = (ms: number): string => (ms / 1000).toFixed(1);
      console.log(
        `round ${r}: one process ${s(alone.wallMs)} s (${s(alone.cpuMs)} s CPU, ${(alone.cpuMs / alone.wallMs).toFixed(2)} cores); ` +
          `two side by side ${pair.map((p) => s(p.wallMs)).join(' / ')} s; two processes give ${ratio.toFixed(2)}x one`,
      );
    }
    console.log(`two processes over one: ${Math.min(...ratios).toFixed(2)}x to ${Math.max(...ratios).toFixed(2)}x`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] === self) {
  const at = process.argv.indexOf('--pass');
  if (at > 0) await runPass(process.argv[at + 1]);
  else await main();
}
