import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../src/data.js';
import { STANCE_LABELS, readStanceGold, scoreFourWay, scoreStanceGold } from '../src/eval/stance-gold.js';

const GOLD = join(PACKAGE_ROOT, 'fixtures', 'stance', 'gold.tsv');

describe('stance gold scorer', () => {
  it('scores four-way accuracy, per-label precision/recall/F1 and the confusion matrix', () => {
    const s = scoreFourWay('t', ['cooperation', 'distrust', 'mixed', 'neutral', 'mixed'], ['cooperation', 'mixed', 'mixed', 'neutral', 'distrust']);
    expect(s.accuracy).toBe(0.6);
    expect(s.confusion.distrust.mixed).toBe(1);
    expect(s.confusion.mixed.distrust).toBe(1);
    expect(s.perLabel.mixed).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    expect(s.perLabel.cooperation).toEqual({ precision: 1, recall: 1, f1: 1, support: 1 });
    expect(s.perLabel.distrust.f1).toBe(0);
  });
});

describe('the stance gold set', () => {
  const items = readStanceGold(GOLD);

  it('has at least 80 sentences of its own, every label, and sorted country pairs', () => {
    expect(items.length).toBeGreaterThanOrEqual(80);
    for (const l of STANCE_LABELS) expect(items.filter((i) => i.label === l).length).toBeGreaterThanOrEqual(10);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(new Set(items.map((i) => i.text)).size).toBe(items.length);
    for (const i of items) {
      expect(i.pair[0] < i.pair[1]).toBe(true);
      expect(i.pair.every((c) => /^[A-Z]{3}$/.test(c))).toBe(true);
    }
    // Written for the project: no sentence is taken from the corpus.
    const corpus = readdirSync(join(PACKAGE_ROOT, 'corpus'))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(join(PACKAGE_ROOT, 'corpus', f), 'utf8'))
      .join('\n');
    for (const i of items) expect(corpus.includes(i.text.slice(0, 40))).toBe(false);
  });

  it('is read with four-way accuracy of at least 0.85, every label with F1 of at least 0.75, far above sentiment', () => {
    const report = scoreStanceGold(GOLD);
    const [ours, ...baselines] = report.systems;
    expect(ours.accuracy).toBeGreaterThanOrEqual(0.85);
    for (const l of STANCE_LABELS) expect(ours.perLabel[l].f1).toBeGreaterThanOrEqual(0.75);
    for (const b of baselines) expect(ours.accuracy).toBeGreaterThan(b.accuracy + 0.25);
    expect(report.pairFound / report.rows.length).toBeGreaterThanOrEqual(0.95);
  });
});
