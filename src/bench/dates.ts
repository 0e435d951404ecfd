// `node dist/bench/dates.js [--rounds N] [--tml DIR]`: throughput of the dates
// stage alone. Texts are segmented once beforehand (segmentation is not timed);
// then every text is tagged N times and the best round is reported in MB/s
// (UTF-8 bytes of text per second), beside the machine's load average, since
// timings on a shared machine are noisy.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Segmentation } from '../article.js';
import { PACKAGE_ROOT } from '../data.js';
import { parseTimeml, timemlFiles } from '../eval/timeml.js';
import { segmentText } from '../stages/segment/index.js';
import { tagDates } from '../stages/dates/index.js';

interface Sample {
  text: string;
  segments: Segmentation;
  published: string | null;
}

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
}

function corpusSamples(dir: string): Sample[] {
  const out: Sample[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.txt')) continue;
    const text = readFileSync(join(dir, name), 'utf8');
    const meta = join(dir, name.replace(/\.txt$/, '.meta.json'));
    const published = existsSync(meta) ? ((JSON.parse(readFileSync(meta, 'utf8')) as { published?: string }).published ?? null) : null;
    out.push({ text, segments: segmentText(text), published: published?.slice(0, 10) ?? null });
  }
  return out;
}

function timemlSamples(dir: string): Sample[] {
  return timemlFiles(dir).map((file) => {
    const doc = parseTimeml(readFileSync(file, 'utf8'));
    return { text: doc.text, segments: segmentText(doc.text), published: doc.dct };
  });
}

/** Best of `rounds` passes over the samples: milliseconds and MB/s. */
function measure(samples: Sample[], rounds: number): { bytes: number; ms: number; mbPerSecond: number; msPerArticle: number } {
  const bytes = samples.reduce((n, s) => n + Buffer.byteLength(s.text), 0);
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (const s of samples) tagDates(s.text, s.segments, s.published);
    best = Math.min(best, performance.now() - t0);
  }
  return { bytes, ms: best, mbPerSecond: bytes / 1e6 / (best / 1000), msPerArticle: best / samples.length };
}

function report(label: string, samples: Sample[], rounds: number): void {
  if (samples.length === 0) return;
  // Warm-up: compile the patterns, let the JIT settle.
  measure(samples, 2);
  const m = measure(samples, rounds);
  console.log(
    `${label.padEnd(10)} ${String(samples.length).padStart(4)} texts ${(m.bytes / 1e6).toFixed(2)} MB  best ${m.ms.toFixed(1)} ms  ` +
      `${m.msPerArticle.toFixed(3)} ms/text  ${m.mbPerSecond.toFixed(2)} MB/s`,
  );
}

const rounds = Number(argument('rounds', '10'));
const tml = argument('tml', '/work/shared/eval/tempeval3-train');
console.log(`dates stage alone (segmentation excluded), best of ${rounds} rounds; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
report('corpus', corpusSamples(join(PACKAGE_ROOT, 'corpus')), rounds);
if (existsSync(tml)) report('timeml', timemlSamples(tml), rounds);
console.log(`load average after ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
