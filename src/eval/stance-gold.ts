// Scores sentence stance on the project's own four-label gold set
// (fixtures/stance/gold.tsv: id, label, pair, text; labelling rules in the README
// beside it). Each sentence is run alone through the pipeline up to stance, as an
// article published on 2025-01-17; when segmentation cuts it, the part with the
// largest |score| speaks for it (as for PLOVER).
//
// Reported: four-way accuracy, precision/recall/F1 per label (precision over the
// sentences the system gave that label), the confusion matrix, and how often the
// sentence's `about` holds both countries of the gold pair. The sentiment baselines
// of the PLOVER evaluation are scored beside it, read as cooperation above 0,
// distrust below, neutral at 0 (they cannot say mixed).
import { readFileSync } from 'node:fs';
import type { SentenceStance, StanceLabel } from '../article.js';
import { GoldDataError } from '../errors.js';
import { countryOf } from '../stages/stance/actors.js';
import { readTsv } from './gold-files.js';
import { PIPELINE_SYSTEM, pipelineStance, sentimentBaselines } from './stance-sentences.js';

export const STANCE_LABELS: readonly StanceLabel[] = ['cooperation', 'distrust', 'mixed', 'neutral'];

/** The date the gold sentences are read as published on ("last year", leaders in office). */
export const GOLD_PUBLISHED = '2025-01-17';

export interface StanceGoldItem {
  id: string;
  label: StanceLabel;
  /** Two ISO alpha-3 codes, sorted. */
  pair: [string, string];
  text: string;
}

export interface LabelScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface StanceGoldRow {
  item: StanceGoldItem;
  stance: SentenceStance;
  /** The sentence's `about` holds both countries of the gold pair. */
  pairFound: boolean;
}

export interface FourWayScores {
  system: string;
  accuracy: number;
  macroF1: number;
  perLabel: Record<StanceLabel, LabelScores>;
  /** confusion[gold][predicted] */
  confusion: Record<StanceLabel, Record<StanceLabel, number>>;
}

export interface StanceGoldReport {
  rows: StanceGoldRow[];
  /** The pipeline first, then the sentiment baselines. */
  systems: FourWayScores[];
  pairFound: number;
  unavailable: string[];
}

/** Reads the gold TSV; a malformed line is an error naming its line number. */
export function readStanceGold(path: string): StanceGoldItem[] {
  return readTsv(path, readFileSync(path, 'utf8'), ['id', 'label', 'pair', 'text']).map((row) => {
    const label = row.get('label') as StanceLabel;
    const codes = row.get('pair').split('|');
    if (!STANCE_LABELS.includes(label) || codes.length !== 2 || !row.get('text')) {
      throw new GoldDataError(`${path}:${row.line}: expected id, label (${STANCE_LABELS.join('|')}), pair (AAA|BBB) and text`);
    }
    return { id: row.get('id'), label, pair: codes.sort() as [string, string], text: row.get('text').trim() };
  });
}

export function scoreFourWay(system: string, gold: readonly StanceLabel[], predicted: readonly StanceLabel[]): FourWayScores {
  const confusion = Object.fromEntries(STANCE_LABELS.map((g) => [g, Object.fromEntries(STANCE_LABELS.map((p) => [p, 0]))])) as FourWayScores['confusion'];
  let correct = 0;
  for (let i = 0; i < gold.length; i++) {
    confusion[gold[i]][predicted[i]]++;
    if (gold[i] === predicted[i]) correct++;
  }
  const perLabel = {} as Record<StanceLabel, LabelScores>;
  for (const l of STANCE_LABELS) {
    const tp = confusion[l][l];
    const assigned = STANCE_LABELS.reduce((n, g) => n + confusion[g][l], 0);
    const support = STANCE_LABELS.reduce((n, p) => n + confusion[l][p], 0);
    const precision = assigned === 0 ? 0 : tp / assigned;
    const recall = support === 0 ? 0 : tp / support;
    perLabel[l] = { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall), support };
  }
  return {
    system,
    accuracy: gold.length === 0 ? 0 : correct / gold.length,
    macroF1: STANCE_LABELS.reduce((s, l) => s + perLabel[l].f1, 0) / STANCE_LABELS.length,
    perLabel,
    confusion,
  };
}

const sentimentLabel = (score: number): StanceLabel => (score > 0 ? 'cooperation' : score < 0 ? 'distrust' : 'neutral');

export function scoreStanceGold(path: string): StanceGoldReport {
  const items = readStanceGold(path);
  const rows: StanceGoldRow[] = items.map((item) => {
    const stance = pipelineStance(item.text, GOLD_PUBLISHED);
    const countries = new Set(stance.about.map(countryOf));
    return { item, stance, pairFound: item.pair.every((c) => countries.has(c)) };
  });
  const gold = items.map((i) => i.label);
  const { baselines, unavailable } = sentimentBaselines();
  const systems = [
    scoreFourWay(
      PIPELINE_SYSTEM,
      gold,
      rows.map((r) => r.stance.label),
    ),
    ...baselines.map((b) =>
      scoreFourWay(
        b.name,
        gold,
        items.map((i) => sentimentLabel(b.score(i.text))),
      ),
    ),
  ];
  return { rows, systems, pairFound: rows.filter((r) => r.pairFound).length, unavailable };
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);

export function formatStanceGoldScores(report: StanceGoldReport): string {
  const [ours, ...baselines] = report.systems;
  const n = report.rows.length;
  const counts = STANCE_LABELS.map((l) => `${l} ${ours.perLabel[l].support}`).join(', ');
  const lines = [
    `stance gold: ${n} sentences (${counts})`,
    `${ours.system}: four-way accuracy ${pct(ours.accuracy)}, macro-F1 ${pct(ours.macroF1)}; pair in 'about' ${report.pairFound}/${n}`,
    '',
    'label         precision  recall     F1  support',
    ...STANCE_LABELS.map((l) => {
      const s = ours.perLabel[l];
      return `${l.padEnd(12)}     ${pct(s.precision)}   ${pct(s.recall)}  ${pct(s.f1)}  ${String(s.support).padStart(7)}`;
    }),
    '',
    `confusion (rows gold, columns system)`,
    `${''.padEnd(12)} ${STANCE_LABELS.map((l) => l.padStart(12)).join('')}`,
    ...STANCE_LABELS.map((g) => `${g.padEnd(12)} ${STANCE_LABELS.map((p) => String(ours.confusion[g][p]).padStart(12)).join('')}`),
  ];
  if (baselines.length) {
    lines.push('', 'baselines (score > 0 cooperation, < 0 distrust, 0 neutral)   accuracy  macro-F1');
    for (const b of baselines) lines.push(`${b.system.padEnd(60)} ${pct(b.accuracy)}     ${pct(b.macroF1)}`);
  }
  if (report.unavailable.length) lines.push(`not run (packages not installed): ${report.unavailable.join(', ')}`);
  return lines.join('\n');
}

/** One line per miss: id, gold, system, score, the cues as composed, the text. */
export function stanceGoldErrors(report: StanceGoldReport): string[] {
  return report.rows
    .filter((r) => r.stance.label !== r.item.label || !r.pairFound)
    .map((r) => {
      const cues = r.stance.cues
        .map((c) => `${c.text}:${c.weight}${c.modifiers.length ? `[${c.modifiers.join(',')}]` : ''}${c.about ? `{${c.about.join(',')}}` : ''}`)
        .join(' ');
      const pair = r.pairFound ? '' : `\tpair ${r.item.pair.join('|')} not in about [${r.stance.about.join(',')}]`;
      return `${r.item.id}\t${r.item.label}\t${r.stance.label}\t${r.stance.score}\t${cues}${pair}\t${r.item.text}`;
    });
}
