// Scores the events stage on the PLOVER gold sentences (../shared/eval/plover-dev.tsv):
// each sentence carries one gold PLOVER category and its quad class. Every
// sentence runs through the whole pipeline as a one-sentence article without a
// publication date. The sentence's event is the one the stage is most confident
// about (ties: the earlier trigger), as a one-event-per-sentence coder would pick.
//
// Reported:
//   coverage          sentences with at least one event / all sentences
//   category accuracy gold category = predicted, over covered sentences
//   quad accuracy     gold quad class = predicted, over covered sentences
//   overall           correct / all sentences (an uncovered sentence counts as wrong)
// and, to separate the dictionary from actor attribution, the same for the
// "trigger" view: the category of the sentence's first verb trigger (else its
// first trigger) whether or not actors were found.
import { fileURLToPath } from 'node:url';
import type { EventRecord } from '../article.js';
import { runStages } from '../pipeline.js';
import { ingest } from '../stages/ingest/index.js';
import { clausesOf } from '../stages/events/clauses.js';
import { CATEGORIES } from '../stages/events/dictionary.js';
import { findTriggers, SentenceScope } from '../stages/events/triggers.js';
import { DEFAULT_PLOVER_PATH, readPlover, type PloverItem } from './stance-sentences.js';

export interface EventsRow {
  item: PloverItem;
  event: EventRecord | null;
  /** Category of the dictionary's first trigger, actors or not. */
  trigger: string | null;
}

export interface ViewScores {
  n: number;
  covered: number;
  categoryCorrect: number;
  quadCorrect: number;
}

export interface EventsReport {
  rows: EventsRow[];
  events: ViewScores;
  triggers: ViewScores;
  perCategory: Record<string, { n: number; covered: number; correct: number }>;
}

/** The stage's most confident event of a one-sentence article, and the first trigger's category. */
export function eventsOfSentence(text: string): { event: EventRecord | null; trigger: string | null } {
  const result = ingest({ path: 'plover.txt', bytes: Buffer.from(text, 'utf8') });
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('; '));
  runStages(result.doc);
  const events = result.doc.layers.events ?? [];
  let best: EventRecord | null = null;
  for (const e of events) if (!best || e.confidence > best.confidence) best = e;

  const { sentences, tokens } = result.doc.layers.segments!;
  let trigger: string | null = null;
  let firstAny: string | null = null;
  for (const s of sentences) {
    const clauses = clausesOf(tokens, s.firstToken, s.endToken);
    for (const t of findTriggers(tokens, s.firstToken, s.endToken, new SentenceScope(s.firstToken, s.endToken, clauses))) {
      firstAny ??= t.pattern.type;
      if (t.verbal) {
        trigger = t.pattern.type;
        break;
      }
    }
    if (trigger) break;
  }
  return { event: best, trigger: trigger ?? firstAny };
}

const quadOf = (category: string): string => (CATEGORIES as Record<string, { quadClass: string }>)[category]?.quadClass.toLowerCase() ?? '';

export function scoreEvents(path = DEFAULT_PLOVER_PATH): EventsReport {
  const items = readPlover(path);
  const rows: EventsRow[] = items.map((item) => ({ item, ...eventsOfSentence(item.text) }));
  const view = (pick: (r: EventsRow) => string | null): ViewScores => {
    const s: ViewScores = { n: rows.length, covered: 0, categoryCorrect: 0, quadCorrect: 0 };
    for (const r of rows) {
      const category = pick(r);
      if (!category) continue;
      s.covered++;
      if (category === r.item.event) s.categoryCorrect++;
      if (quadOf(category) === r.item.quad.toLowerCase()) s.quadCorrect++;
    }
    return s;
  };
  const perCategory: EventsReport['perCategory'] = {};
  for (const r of rows) {
    const c = (perCategory[r.item.event] ??= { n: 0, covered: 0, correct: 0 });
    c.n++;
    if (r.event) c.covered++;
    if (r.event?.type === r.item.event) c.correct++;
  }
  return { rows, events: view((r) => r.event?.type ?? null), triggers: view((r) => r.trigger), perCategory };
}

const pct = (num: number, den: number): string => (den === 0 ? '  -  ' : ((100 * num) / den).toFixed(1).padStart(5));

export function formatEventsScores(report: EventsReport): string {
  const line = (name: string, s: ViewScores): string =>
    `${name.padEnd(28)} ${pct(s.covered, s.n)}     ${pct(s.categoryCorrect, s.covered)}      ${pct(s.quadCorrect, s.covered)}   ${pct(s.categoryCorrect, s.n)}  ${pct(s.quadCorrect, s.n)}`;
  const lines = [
    `PLOVER dev events: ${report.rows.length} sentences`,
    'view                         coverage  category acc  quad acc  overall cat/quad',
    line('events (pipeline)', report.events),
    line('triggers (dictionary only)', report.triggers),
    'per gold category (events): n covered correct',
  ];
  for (const [category, c] of Object.entries(report.perCategory).sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    lines.push(`  ${category.padEnd(10)} ${String(c.n).padStart(3)} ${String(c.covered).padStart(7)} ${String(c.correct).padStart(7)}`);
  }
  return lines.join('\n');
}

// `node dist/eval/events.js [path.tsv] [--errors]` after `npm run build`.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const path = args.find((a) => !a.startsWith('--')) ?? DEFAULT_PLOVER_PATH;
  const report = scoreEvents(path);
  process.stdout.write(formatEventsScores(report) + '\n');
  if (args.includes('--errors')) {
    for (const r of report.rows) {
      if (r.event?.type === r.item.event) continue;
      const e = r.event;
      const got = e ? `${e.type} ${e.source?.actor ?? '-'}->${e.target?.actor ?? '-'} "${e.trigger.text}" ${e.mode}` : `none (trigger ${r.trigger ?? 'none'})`;
      process.stdout.write(`${r.item.event}\t${got}\t${r.item.text}\n`);
    }
  }
}
