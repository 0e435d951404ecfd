// Scores sentence stance on the PLOVER gold sentences (../shared/eval/plover-dev.tsv):
// each sentence's gold label is cooperation or conflict. Every sentence is run
// through the pipeline up to stance (segment, dates, entities, stance) as a
// one-sentence article; general-sentiment baselines read the same text.
//
// Mapping a prediction to the two gold classes (the same rule for every system):
//   cooperation → cooperation; distrust → conflict;
//   mixed → the sign of the score (cooperation above 0, conflict below);
//   neutral, or a score of exactly 0 → no answer, which counts as wrong.
// Sentiment baselines, the general instruments the conventions name, each read the
// same way: a positive score → cooperation, negative → conflict, exactly 0 → no answer.
//   wink sentiment  wink-nlp's own lexicon score (with its negation handling)
//   AFINN-165       the `sentiment` package's summed AFINN score
//   VADER           the `vader-sentiment` package's compound score (its usual ±0.05
//                   neutral band is not applied: the same tie rule for every system)
// AFINN and VADER are development dependencies, loaded only when this evaluation
// runs; where they are not installed the table says so instead of failing.
// Accuracy is over all sentences; macro-F1 averages the F1 of the two classes
// (precision over the sentences a system assigned to the class).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FULL_PIPE, getNlp } from '../nlp.js';
import { PACKAGE_ROOT } from '../data.js';
import { runStages, STAGES } from '../pipeline.js';
import { ingest } from '../stages/ingest/index.js';
import type { SentenceStance } from '../article.js';
import { GoldDataError } from '../errors.js';
import { readTsv } from './gold-files.js';

export type GoldClass = 'cooperation' | 'conflict';
export type Prediction = GoldClass | null;

export interface PloverItem {
  id: string;
  event: string;
  quad: string;
  label: GoldClass;
  text: string;
}

export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
}

export interface SystemScores {
  system: string;
  n: number;
  answered: number;
  accuracy: number;
  macroF1: number;
  perClass: Record<GoldClass, ClassScores>;
}

export interface PloverRow {
  item: PloverItem;
  predictions: Record<string, Prediction>;
  stance?: SentenceStance;
}

export const PIPELINE_SYSTEM = 'newsevents stance';

export const DEFAULT_PLOVER_PATH = join(PACKAGE_ROOT, '..', 'shared', 'eval', 'plover-dev.tsv');

/** Reads the TSV (id, plover_event, quad, label, text); braces around a few texts are dropped. */
export function readPlover(path = DEFAULT_PLOVER_PATH): PloverItem[] {
  return readTsv(path, readFileSync(path, 'utf8'), ['id', 'plover_event', 'quad', 'label', 'text']).map((row) => {
    const label = row.get('label');
    if (label !== 'cooperation' && label !== 'conflict') throw new GoldDataError(`${path}:${row.line}: label "${label}", expected cooperation or conflict`);
    const text = row.get('text').trim().replace(/^\{(.*)\}$/, '$1');
    return { id: row.get('id'), event: row.get('plover_event'), quad: row.get('quad'), label, text };
  });
}

const STANCE_STAGES = STAGES.slice(0, STAGES.findIndex((s) => s.provides === 'stance') + 1);

/** The pipeline's stance for a text read as one article: the strongest sentence decides. */
export function pipelineStance(text: string, published?: string): SentenceStance {
  const result = ingest({ path: 'plover.txt', bytes: Buffer.from(text, 'utf8'), published });
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('; '));
  runStages(result.doc, STANCE_STAGES);
  const stances = result.doc.layers.stance ?? [];
  // Sentence splitting may cut a PLOVER sentence; take the one with the largest |score|.
  return stances.reduce((best, s) => (Math.abs(s.score) > Math.abs(best.score) ? s : best), stances[0]);
}

export function stanceToClass(s: Pick<SentenceStance, 'label' | 'score'>): Prediction {
  if (s.label === 'cooperation') return 'cooperation';
  if (s.label === 'distrust') return 'conflict';
  if (s.label === 'mixed' && s.score !== 0) return s.score > 0 ? 'cooperation' : 'conflict';
  return null;
}

export function sentimentToClass(score: number): Prediction {
  return score > 0 ? 'cooperation' : score < 0 ? 'conflict' : null;
}

/** wink-nlp's own sentiment (a lexicon score with negation handling): the general-sentiment baseline at hand. */
export function winkSentiment(text: string): number {
  const wink = getNlp(FULL_PIPE); // the pipeline's instance skips wink's sentiment pass
  return wink.readDoc(text).out(wink.its.sentiment) as unknown as number;
}

/** A sentiment baseline: a name and a signed score for a text. */
export interface SentimentBaseline {
  name: string;
  score(text: string): number;
}

const requireBaseline = createRequire(import.meta.url);

/** A development package, or null where it is not installed. */
function optionalPackage<T>(name: string): T | null {
  try {
    return requireBaseline(name) as T;
  } catch {
    return null;
  }
}

interface AfinnAnalyzer {
  analyze(text: string): { score: number };
}
interface VaderModule {
  SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } };
}

export const WINK_BASELINE = 'wink sentiment';
export const AFINN_BASELINE = 'AFINN-165 (sentiment 5.0.2)';
export const VADER_BASELINE = 'VADER (vader-sentiment 1.1.3)';

/** The baselines that are installed, in table order, and the names of those that are not. */
export function sentimentBaselines(): { baselines: SentimentBaseline[]; unavailable: string[] } {
  const baselines: SentimentBaseline[] = [{ name: WINK_BASELINE, score: winkSentiment }];
  const unavailable: string[] = [];
  const Sentiment = optionalPackage<new () => AfinnAnalyzer>('sentiment');
  if (Sentiment) {
    const afinn = new Sentiment();
    baselines.push({ name: AFINN_BASELINE, score: (text) => afinn.analyze(text).score });
  } else unavailable.push('AFINN-165 (npm sentiment)');
  const vader = optionalPackage<VaderModule>('vader-sentiment');
  if (vader) baselines.push({ name: VADER_BASELINE, score: (text) => vader.SentimentIntensityAnalyzer.polarity_scores(text).compound });
  else unavailable.push('VADER (npm vader-sentiment)');
  return { baselines, unavailable };
}

export function scoreSystem(system: string, gold: readonly GoldClass[], predicted: readonly Prediction[]): SystemScores {
  const n = gold.length;
  let correct = 0;
  let answered = 0;
  const perClass = {} as Record<GoldClass, ClassScores>;
  for (let i = 0; i < n; i++) {
    if (predicted[i] !== null) answered++;
    if (predicted[i] === gold[i]) correct++;
  }
  for (const c of ['cooperation', 'conflict'] as const) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < n; i++) {
      if (predicted[i] === c && gold[i] === c) tp++;
      else if (predicted[i] === c) fp++;
      else if (gold[i] === c) fn++;
    }
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perClass[c] = { precision, recall, f1 };
  }
  return {
    system,
    n,
    answered,
    accuracy: n === 0 ? 0 : correct / n,
    macroF1: (perClass.cooperation.f1 + perClass.conflict.f1) / 2,
    perClass,
  };
}

export interface PloverReport {
  rows: PloverRow[];
  systems: SystemScores[];
  /** Baselines named in the conventions that are not installed. */
  unavailable: string[];
}

export function scorePlover(path = DEFAULT_PLOVER_PATH): PloverReport {
  const items = readPlover(path);
  const { baselines, unavailable } = sentimentBaselines();
  const rows: PloverRow[] = items.map((item) => {
    const stance = pipelineStance(item.text);
    const predictions: Record<string, Prediction> = { [PIPELINE_SYSTEM]: stanceToClass(stance) };
    for (const b of baselines) predictions[b.name] = sentimentToClass(b.score(item.text));
    return { item, stance, predictions };
  });
  const gold = items.map((i) => i.label);
  const systems = Object.keys(rows[0]?.predictions ?? {}).map((name) =>
    scoreSystem(
      name,
      gold,
      rows.map((r) => r.predictions[name]),
    ),
  );
  return { rows, systems, unavailable };
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);

export function formatPloverScores(report: PloverReport): string {
  const lines = [
    `PLOVER dev: ${report.rows.length} sentences (cooperation ${report.rows.filter((r) => r.item.label === 'cooperation').length}, conflict ${report.rows.filter((r) => r.item.label === 'conflict').length})`,
    'system                                   answered  accuracy  macro-F1  F1 coop  F1 conflict',
  ];
  for (const s of report.systems) {
    lines.push(
      `${s.system.padEnd(40)} ${String(s.answered).padStart(8)}  ${pct(s.accuracy)}     ${pct(s.macroF1)}     ${pct(s.perClass.cooperation.f1)}    ${pct(s.perClass.conflict.f1)}`,
    );
  }
  const [ours, ...baselines] = report.systems;
  if (ours && baselines.length) {
    const best = baselines.reduce((a, b) => (b.macroF1 > a.macroF1 ? b : a));
    lines.push(`margin over the best baseline (${best.system}): macro-F1 ${((ours.macroF1 - best.macroF1) * 100).toFixed(1)} points`);
  }
  if (report.unavailable.length) lines.push(`not run (packages not installed): ${report.unavailable.join(', ')}`);
  return lines.join('\n');
}

// `node dist/eval/stance-sentences.js [path.tsv] [--errors]` after `npm run build`.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const path = args.find((a) => !a.startsWith('--')) ?? DEFAULT_PLOVER_PATH;
  const report = scorePlover(path);
  process.stdout.write(formatPloverScores(report) + '\n');
  if (args.includes('--errors')) {
    for (const r of report.rows) {
      const p = r.predictions[PIPELINE_SYSTEM];
      if (p === r.item.label) continue;
      const cues = (r.stance?.cues ?? []).map((c) => `${c.text}:${c.weight}${c.modifiers.length ? `[${c.modifiers.join(',')}]` : ''}`).join(' ');
      process.stdout.write(`${r.item.label}\t${p ?? 'none'}\t${r.stance?.label}\t${cues}\t${r.item.text}\n`);
    }
  }
}
