// `newsevents eval KIND PATH [--errors]`: scores a stage against public gold data
// by the conventions in the evaluation README, and optionally lists every error
// so each remaining miss can be read.
import { existsSync, statSync } from 'node:fs';
import { UsageError, EXIT } from '../errors.js';
import { EVALUATION_KINDS } from './eval-kinds.js';
import { formatEntityScores, scoreGum, scoreMeantime, type EntityError } from '../eval/entities.js';
import { formatEventsScores, scoreEvents } from '../eval/events.js';
import { eventGoldErrors, formatEventGoldScores, scoreEventGold } from '../eval/event-gold.js';
import { formatPloverScores, scorePlover } from '../eval/stance-sentences.js';
import { formatStanceGoldScores, scoreStanceGold, stanceGoldErrors } from '../eval/stance-gold.js';
import { formatTimemlScores, scoreTimeml, type TimemlError } from '../eval/timeml.js';
import { formatWikiwarsScores, scoreWikiwars } from '../eval/timex2-inline.js';
import { valueErrorSummary } from '../eval/value-errors.js';

export interface EvalCommandOptions {
  kind: string;
  path: string;
  errors: boolean;
}

interface Evaluation {
  /** What PATH must be: the gold file itself, or the folder holding the gold files. */
  takes: 'file' | 'folder';
  /** The scores as text, the error listing, and lines that sum the errors up (printed before the listing). */
  run(path: string, withErrors: boolean): { scores: string; errors: string[]; summary?: string[] };
}

const timexError = (e: TimemlError): string =>
  `${e.doc}\t${e.kind}\tgold=${e.gold ? `${e.gold.type}:${e.gold.value}` : '-'}\tsystem=${e.system ? `${e.system.type}:${e.system.value}` : '-'}\t${e.context}`;
const entityError = (e: EntityError): string => `${e.doc}\t${e.kind}\t${e.type}\t${e.text}${e.rule ? `\t${e.rule}` : ''}`;

export const EVALUATIONS: Record<keyof typeof EVALUATION_KINDS, Evaluation> = {
  timeml: {
    takes: 'folder',
    run(path: string, withErrors: boolean) {
      const errors: TimemlError[] = [];
      const scores = formatTimemlScores(scoreTimeml(path, withErrors ? errors : undefined));
      return { scores, errors: errors.map(timexError), summary: valueErrorSummary(errors) };
    },
  },
  wikiwars: {
    takes: 'folder',
    run(path: string, withErrors: boolean) {
      const errors: TimemlError[] = [];
      const scores = formatWikiwarsScores(scoreWikiwars(path, withErrors ? errors : undefined));
      return { scores, errors: errors.map(timexError), summary: valueErrorSummary(errors) };
    },
  },
  meantime: {
    takes: 'folder',
    run(path: string, withErrors: boolean) {
      const errors: EntityError[] = [];
      return { scores: formatEntityScores(scoreMeantime(path, withErrors ? errors : undefined)), errors: errors.map(entityError) };
    },
  },
  gum: {
    takes: 'folder',
    run(path: string, withErrors: boolean) {
      const errors: EntityError[] = [];
      return { scores: formatEntityScores(scoreGum(path, withErrors ? errors : undefined)), errors: errors.map(entityError) };
    },
  },
  plover: {
    takes: 'file',
    run(path) {
      const report = scorePlover(path);
      const system = report.systems[0].system; // the pipeline, listed first
      const errors = report.rows
        .filter((r) => r.predictions[system] !== r.item.label)
        .map((r) => `${r.item.id}\t${r.item.label}\t${r.predictions[system] ?? '-'}\t${r.item.text}`);
      return { scores: formatPloverScores(report), errors };
    },
  },
  stance: {
    takes: 'file',
    run(path) {
      const report = scoreStanceGold(path);
      return { scores: formatStanceGoldScores(report), errors: stanceGoldErrors(report) };
    },
  },
  events: {
    takes: 'file',
    run(path) {
      const report = scoreEvents(path);
      const errors = report.rows
        .filter((r) => r.event?.type !== r.item.event)
        .map((r) => `${r.item.id}\t${r.item.event}\t${r.event?.type ?? '-'}\t${r.event?.trigger.text ?? '-'}\t${r.item.text}`);
      return { scores: formatEventsScores(report), errors };
    },
  },
  'event-gold': {
    takes: 'folder',
    run(path) {
      const report = scoreEventGold(path);
      return { scores: formatEventGoldScores(report), errors: eventGoldErrors(report) };
    },
  },
};

export async function evalCommand(options: EvalCommandOptions): Promise<number> {
  const evaluation = EVALUATIONS[options.kind as keyof typeof EVALUATION_KINDS];
  if (!evaluation) throw new UsageError(`unknown evaluation "${options.kind}": one of ${Object.keys(EVALUATIONS).join(', ')}`);
  if (!existsSync(options.path)) throw new UsageError(`not found: ${options.path}`);
  const isFolder = statSync(options.path).isDirectory();
  if (isFolder !== (evaluation.takes === 'folder')) {
    const kind = options.kind as keyof typeof EVALUATION_KINDS;
    throw new UsageError(`eval ${kind} takes a ${evaluation.takes}, and ${options.path} is a ${isFolder ? 'folder' : 'file'}: ${EVALUATION_KINDS[kind]}`);
  }
  const { scores, errors, summary } = evaluation.run(options.path, options.errors);
  process.stdout.write(scores.endsWith('\n') ? scores : scores + '\n');
  if (options.errors) {
    if (summary) process.stdout.write(`\n${summary.join('\n')}\n`);
    process.stdout.write(`\n${errors.length} errors\n`);
    for (const line of errors) process.stdout.write(line + '\n');
  }
  return EXIT.ok;
}
