// Per-stage cost: CPU milliseconds per article for each stage (and for the work
// around them: ingest, JSON, report page, digest) on the corpus articles, beside
// the floor (wink-nlp alone). CPU time, not wall time, so that a busy machine
// distorts the figures less.  node dist/bench/stages.js [CORPUS] [--rounds N]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { digestArticle } from '../corpus/digest.js';
import { PACKAGE_ROOT } from '../data.js';
import { getNlp } from '../nlp.js';

/** The floor: wink reading text with tokens, sentences and part of speech, nothing else. */
const floorNlp = getNlp(['sbd', 'pos']);
import { STAGES, toArticleJson } from '../pipeline.js';
import { renderArticlePage } from '../report/article-page.js';
import { ingest } from '../stages/ingest/index.js';

const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export interface StageCosts {
  articles: number;
  bytes: number;
  floor: number;
  costs: [string, number][];
}

/**
 * Warm-up rounds before measuring: V8 keeps compiling the stages' code on
 * background threads for many rounds, and process CPU time would charge that to
 * whichever stage is running. A corpus run is thousands of articles long, so the
 * steady state is what counts.
 */
const WARM_UP = 20;

/** Runs every stage on every text `rounds` times after the warm-up; ms per article. */
export function measureStages(texts: string[], rounds: number): StageCosts {
  const totals = new Map<string, number>();
  const add = (name: string, ms: number): void => {
    totals.set(name, (totals.get(name) ?? 0) + ms);
  };
  let floor = 0;
  for (let round = 0; round < rounds + WARM_UP; round++) {
    const measured = round >= WARM_UP;
    for (const text of texts) {
      let t = cpu();
      const doc = floorNlp.readDoc(text);
      doc.tokens().out(floorNlp.its.pos);
      doc.sentences().out();
      if (measured) floor += cpu() - t;

      t = cpu();
      const result = ingest({ path: 'bench.txt', bytes: Buffer.from(text), published: '2024-06-01' });
      if (measured) add('ingest', cpu() - t);
      if (!result.ok) continue;
      for (const stage of STAGES) {
        t = cpu();
        const out = stage.run(result.doc);
        (result.doc.layers as Record<string, unknown>)[stage.provides] = out.layer;
        if (measured) add(stage.name, cpu() - t);
      }
      t = cpu();
      const article = toArticleJson(result.doc);
      JSON.stringify(article);
      if (measured) add('article JSON', cpu() - t);
      t = cpu();
      renderArticlePage(article);
      if (measured) add('report page', cpu() - t);
      t = cpu();
      JSON.stringify(digestArticle(article));
      if (measured) add('digest', cpu() - t);
    }
  }
  const n = texts.length * rounds;
  return {
    articles: texts.length,
    bytes: texts.reduce((s, t) => s + Buffer.byteLength(t), 0),
    floor: floor / n,
    costs: [...totals.entries()].map(([k, v]) => [k, v / n]),
  };
}

export function formatStageCosts(c: StageCosts): string {
  const total = c.costs.reduce((s, [, v]) => s + v, 0);
  const kb = c.bytes / c.articles / 1024;
  const lines = [`per article (${c.articles} articles, ${kb.toFixed(1)} KB on average), CPU ms:`];
  lines.push(`  ${'wink-nlp alone (floor)'.padEnd(24)} ${c.floor.toFixed(2).padStart(6)}`);
  for (const [k, v] of c.costs) lines.push(`  ${k.padEnd(24)} ${v.toFixed(2).padStart(6)}  ${((c.bytes / c.articles / 1e6 / v) * 1000).toFixed(1).padStart(6)} MB/s`);
  lines.push(`  ${'pipeline total'.padEnd(24)} ${total.toFixed(2).padStart(6)}  (${((c.floor / total) * 100).toFixed(0)}% of the floor's speed)`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const corpus = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : join(PACKAGE_ROOT, 'corpus');
  const at = process.argv.indexOf('--rounds');
  const rounds = at > 0 ? Number(process.argv[at + 1]) : 20;
  const texts = readdirSync(corpus)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(corpus, f), 'utf8'));
  console.log(formatStageCosts(measureStages(texts, rounds)));
}
