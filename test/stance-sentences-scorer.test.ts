import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  AFINN_BASELINE,
  DEFAULT_PLOVER_PATH,
  VADER_BASELINE,
  WINK_BASELINE,
  readPlover,
  scorePlover,
  scoreSystem,
  sentimentBaselines,
  sentimentToClass,
  stanceToClass,
} from '../src/eval/stance-sentences.js';

describe('PLOVER scorer', () => {
  it('maps labels to the two gold classes: mixed by the sign of the score, neutral to no answer', () => {
    expect(stanceToClass({ label: 'cooperation', score: 0.2 })).toBe('cooperation');
    expect(stanceToClass({ label: 'distrust', score: -0.2 })).toBe('conflict');
    expect(stanceToClass({ label: 'mixed', score: -0.1 })).toBe('conflict');
    expect(stanceToClass({ label: 'mixed', score: 0 })).toBeNull();
    expect(stanceToClass({ label: 'neutral', score: 0 })).toBeNull();
  });

  it('scores accuracy over every sentence and macro-F1 over the two classes; no answer counts wrong', () => {
    const s = scoreSystem('t', ['cooperation', 'conflict', 'conflict', 'conflict'], ['cooperation', 'conflict', null, 'cooperation']);
    expect(s.accuracy).toBe(0.5);
    expect(s.answered).toBe(3);
    expect(s.perClass.cooperation).toEqual({ precision: 0.5, recall: 1, f1: 2 / 3 });
    expect(s.perClass.conflict.f1).toBeCloseTo(0.5, 10);
    expect(s.macroF1).toBeCloseTo((2 / 3 + 0.5) / 2, 10);
  });
});

describe('sentiment baselines', () => {
  it('reads AFINN and VADER the same way as wink: above 0 cooperation, below 0 conflict, 0 no answer', () => {
    const { baselines } = sentimentBaselines();
    const afinn = baselines.find((b) => b.name === AFINN_BASELINE)!;
    const vader = baselines.find((b) => b.name === VADER_BASELINE)!;
    expect(sentimentToClass(afinn.score('The two leaders praised their friendship.'))).toBe('cooperation');
    expect(sentimentToClass(vader.score('The army killed dozens in the attack.'))).toBe('conflict');
    expect(sentimentToClass(afinn.score('The ministers met on Tuesday.'))).toBeNull();
    // General sentiment misses what stance reads: a deepened cooperation scores 0 for AFINN.
    expect(afinn.score('They deepened their cooperation.')).toBe(0);
  });
});

// The development gold lives outside the repository (../shared/eval); skipped where it is absent.
describe.skipIf(!existsSync(DEFAULT_PLOVER_PATH))('stance on the PLOVER development sentences', () => {
  it('reads every sentence, beside wink, AFINN and VADER sentiment, and beats the best of them by 0.25 macro-F1', () => {
    const report = scorePlover();
    expect(report.rows.length).toBe(readPlover().length);
    const [ours, ...baselines] = report.systems;
    expect(ours.system).toBe('newsevents stance');
    expect(baselines.map((b) => b.system)).toEqual([WINK_BASELINE, AFINN_BASELINE, VADER_BASELINE]);
    expect(report.unavailable).toEqual([]);
    expect(ours.macroF1).toBeGreaterThanOrEqual(0.9);
    expect(ours.macroF1).toBeGreaterThanOrEqual(Math.max(...baselines.map((b) => b.macroF1)) + 0.25);
    expect(ours.accuracy).toBeGreaterThan(0.9);
  });
});
