// Overlapping candidates: the longest span wins ("two decades ago" over "two
// decades", "5 January 2024" over "2024"); on equal spans, the parser listed
// first in the configuration wins. Identical duplicates collapse.
import type { Candidate, Refiner } from '../types.js';

export const overlapRefiner: Refiner = {
  name: 'overlap',
  refine(candidates) {
    if (candidates.length < 2) return candidates;
    // Stable sort: candidates keep parser order among equals.
    const ranked = candidates
      .map((c, i) => ({ c, i }))
      .sort((a, b) => b.c.end - b.c.start - (a.c.end - a.c.start) || a.c.start - b.c.start || a.i - b.i);
    const kept: Candidate[] = [];
    for (const { c } of ranked) {
      if (kept.some((k) => k.start < c.end && c.start < k.end)) continue;
      kept.push(c);
    }
    return kept.sort((a, b) => a.start - b.start || a.end - b.end);
  },
};
