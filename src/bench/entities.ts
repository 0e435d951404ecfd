// `node dist/bench/entities.js [--rounds N] [--meantime DIR] [--gum DIR]`: throughput
// of the entities stage alone, on one core. Texts are segmented and dated once
// beforehand (segment and dates are not timed); then every text goes through
// the entities stage N times and the best round is reported in MB/s (UTF-8
// bytes of text per second) and ms per text, beside the load average, since
// timings on a shared machine are noisy. Start-up is timed apart: the module
// import (cheap: nothing is compiled) and the first run (which compiles the
// lexicons and the gazetteer).
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

// wink's model is shared with segment and is loaded first, so only this stage's own start-up is timed.
await import('../nlp.js');
const loadStarted = performance.now();
const { buildContext } = await import('../stages/entities/context.js');
const { extractEntities } = await import('../stages/entities/index.js');
const startupMs = performance.now() - loadStarted;

const { PACKAGE_ROOT } = await import('../data.js');
const { segmentText } = await import('../stages/segment/index.js');
const { tagDates } = await import('../stages/dates/index.js');
const { parseGum, parseMeantime } = await import('../eval/entities.js');
const { filesUnder } = await import('../eval/gold-files.js');

import type { DateMention, Segmentation } from '../article.js';

interface Sample {
  text: string;
  segments: Segmentation;
  dates: DateMention[];
  published: string | null;
}

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
}

function sample(text: string, published: string | null): Sample {
  const segments = segmentText(text);
  return { text, segments, dates: tagDates(text, segments, published).mentions, published };
}

function corpusSamples(dir: string): Sample[] {
  return filesUnder(dir, '.txt').map((file) => {
    const meta = file.replace(/\.txt$/, '.meta.json');
    const published = existsSync(meta) ? ((JSON.parse(readFileSync(meta, 'utf8')) as { published?: string }).published ?? null) : null;
    return sample(readFileSync(file, 'utf8'), published?.slice(0, 10) ?? null);
  });
}

/** Best of `rounds` passes over the samples. */
function measure(samples: Sample[], rounds: number): { bytes: number; ms: number; mbPerSecond: number; msPerText: number } {
  const bytes = samples.reduce((n, s) => n + Buffer.byteLength(s.text), 0);
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (const s of samples) extractEntities(buildContext(s.text, s.published, s.segments, s.dates));
    best = Math.min(best, performance.now() - t0);
  }
  return { bytes, ms: best, mbPerSecond: bytes / 1e6 / (best / 1000), msPerText: best / samples.length };
}

function report(label: string, samples: Sample[], rounds: number): void {
  if (samples.length === 0) return;
  measure(samples, 3); // warm-up: let the JIT settle
  const m = measure(samples, rounds);
  console.log(
    `${label.padEnd(9)} ${String(samples.length).padStart(4)} texts ${(m.bytes / 1e6).toFixed(3)} MB  best ${m.ms.toFixed(1)} ms  ` +
      `${m.msPerText.toFixed(3)} ms/text  ${m.mbPerSecond.toFixed(2)} MB/s`,
  );
}

const rounds = Number(argument('rounds', '20'));
const meantime = argument('meantime', '/work/shared/eval/meantime-dev');
const gum = argument('gum', '/work/shared/eval/gum-news');
console.log(`entities stage alone (segment and dates excluded), best of ${rounds} rounds; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const firstRun = performance.now();
extractEntities(buildContext('Iran and Russia.', null, segmentText('Iran and Russia.'), []));
console.log(`start-up: module import ${startupMs.toFixed(0)} ms, first run (lexicons and gazetteer compiled) ${(performance.now() - firstRun).toFixed(0)} ms`);
report('corpus', corpusSamples(join(PACKAGE_ROOT, 'corpus')), rounds);
if (existsSync(meantime)) report('meantime', filesUnder(meantime, '.xml').map((f) => sample(parseMeantime(readFileSync(f, 'utf8')).text, null)), rounds);
if (existsSync(gum)) report('gum', filesUnder(gum, '.conllu').map((f) => sample(parseGum(readFileSync(f, 'utf8')).text, null)), rounds);
console.log(`load average after ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
