import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLOVER_PATH, readPlover, scoreSystem, scorePlover, stanceToClass } from '../src/eval/plover.js';

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

// The development gold lives outside the repository (../shared/eval); skipped where it is absent.
describe.skipIf(!existsSync(DEFAULT_PLOVER_PATH))('stance on the PLOVER development sentences', () => {
  it('reads every sentence and beats general sentiment on cooperation vs conflict', () => {
    const report = scorePlover();
    expect(report.rows.length).toBe(readPlover().length);
    const [ours, wink] = report.systems;
    expect(ours.system).toBe('newsevents stance');
    expect(ours.macroF1).toBeGreaterThan(wink.macroF1 + 0.1);
    expect(ours.accuracy).toBeGreaterThan(0.8);
  });
});
