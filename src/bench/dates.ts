// `node dist/bench/dates.js [--seconds S] [--rounds N] [--tml DIR]`: throughput
// of the dates stage alone. Texts are segmented once beforehand (segmentation is
// not timed); then all texts are tagged round after round for S seconds (and at
// least N rounds) and the best round is reported in MB/s
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

interface Measure {
  bytes: number;
  /** Best wall-clock milliseconds of a round. */
  ms: number;
  /** Best CPU milliseconds of a round (this process, user + system): less sensitive to other load. */
  cpuMs: number;
}

/** Best of at least `rounds` passes over the samples, and of as many as fit in `seconds`. */
function measure(samples: Sample[], rounds: number, seconds: number): Measure {
  const bytes = samples.reduce((n, s) => n + Buffer.byteLength(s.text), 0);
  let ms = Infinity;
  let cpuMs = Infinity;
  const until = performance.now() + seconds * 1000;
  for (let r = 0; r < rounds || performance.now() < until; r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (const s of samples) tagDates(s.text, s.segments, s.published);
    const cpu = process.cpuUsage(c0);
    ms = Math.min(ms, performance.now() - t0);
    cpuMs = Math.min(cpuMs, (cpu.user + cpu.system) / 1000);
  }
  return { bytes, ms, cpuMs };
}

function report(label: string, samples: Sample[], rounds: number): void {
  if (samples.length === 0) return;
  // Warm-up: compile the patterns, let the JIT settle.
  measure(samples, 2, 0);
  const m = measure(samples, rounds, seconds);
  const mbs = (ms: number): string => (m.bytes / 1e6 / (ms / 1000)).toFixed(2);
  console.log(
    `${label.padEnd(7)} ${String(samples.length).padStart(4)} texts ${(m.bytes / 1e3).toFixed(0)} kB  ` +
      `wall ${m.ms.toFixed(1)} ms (${(m.ms / samples.length).toFixed(3)} ms/text, ${mbs(m.ms)} MB/s)  ` +
      `cpu ${m.cpuMs.toFixed(1)} ms (${(m.cpuMs / samples.length).toFixed(3)} ms/text, ${mbs(m.cpuMs)} MB/s)`,
  );
}

const rounds = Number(argument('rounds', '20'));
const seconds = Number(argument('seconds', '3'));
const tml = argument('tml', '/work/shared/eval/tempeval3-train');
console.log(`dates stage alone (segmentation excluded), best round of ${seconds} s (at least ${rounds}); load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
report('corpus', corpusSamples(join(PACKAGE_ROOT, 'corpus')), rounds);
if (existsSync(tml)) report('timeml', timemlSamples(tml), rounds);
console.log(`load average after ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
