// dyads: per article, the stance between each pair of actors, summed from the
// sentences about both, and the events between them by quad class.
//
// Actors are folded to countries (RUSGOV, IRNMIL → RUS, IRN: a dyad is between
// countries, whoever speaks for them); international bodies keep their code
// (NATO, UN). A sentence about countries A, B, C contributes to every pair among
// them, except that a cue with its own `about` (a third party's, "Western
// sanctions", "U.S. pressure"; or, in a sentence naming three or more countries,
// the actors of the cue's clause) counts only for the actors it names (paired with
// the sentence's actors when it names one). Per sentence and
// pair, cooperation and distrust are each the noisy-OR of the cue weights (as
// the stance stage computes them); the dyad sums them over sentences.
import { layer, QUAD_CLASSES, type ArticleDoc, type Dyad, type EventRecord, type QuadClass, type SentenceStance } from '../../article.js';
import { defineStage } from '../../stage.js';
import { countryOf } from '../stance/actors.js';
import { STAGE_VERSIONS } from '../../versions.js';

export const DYADS_VERSION = STAGE_VERSIONS.dyads; // bump it in src/versions.ts


const round3 = (x: number) => Math.round(x * 1000) / 1000;

interface Accumulator {
  actors: [string, string];
  cooperation: number;
  distrust: number;
  sentences: Set<number>;
  events: Record<QuadClass, number>;
}

function emptyEvents(): Record<QuadClass, number> {
  return { VERBAL_COOPERATION: 0, MATERIAL_COOPERATION: 0, VERBAL_CONFLICT: 0, MATERIAL_CONFLICT: 0 };
}

/** Distinct country-level codes of some actor codes, sorted. */
function countriesSorted(codes: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < codes.length; i++) {
    const c = countryOf(codes[i]);
    if (!out.includes(c)) out.push(c);
  }
  // A handful of codes: insertion sort (the order of the default sort).
  for (let i = 1; i < out.length; i++) {
    const c = out[i];
    let j = i - 1;
    for (; j >= 0 && out[j] > c; j--) out[j + 1] = out[j];
    out[j + 1] = c;
  }
  return out;
}

/** One sentence's evidence for one pair: what its cues miss of cooperation and of distrust (noisy-OR). */
interface PairEvidence {
  a: string;
  b: string;
  cooperationMiss: number;
  distrustMiss: number;
}

/** Credits a cue's weight to the pair a–b of a sentence (a pair of one actor is none). */
function credit(pairs: PairEvidence[], x: string, y: string, weight: number): void {
  if (x === y) return;
  const a = x < y ? x : y;
  const b = x < y ? y : x;
  let pair: PairEvidence | null = null;
  for (let i = 0; i < pairs.length && pair === null; i++) if (pairs[i].a === a && pairs[i].b === b) pair = pairs[i];
  if (pair === null) pairs.push((pair = { a, b, cooperationMiss: 1, distrustMiss: 1 }));
  const miss = 1 - Math.min(1, Math.abs(weight));
  if (weight > 0) pair.cooperationMiss *= miss;
  else if (weight < 0) pair.distrustMiss *= miss;
}

/** The pairs one sentence speaks of, with what its cues say of each. */
function sentenceEvidence(stance: SentenceStance): PairEvidence[] {
  const pairs: PairEvidence[] = [];
  // The sentence's own actors: the stance layer leaves out actors named only as third-party holders.
  const own = countriesSorted(stance.about);
  for (let c = 0; c < stance.cues.length; c++) {
    const cue = stance.cues[c];
    if (cue.about) {
      // Attributed: among the actors it names, or one named actor with each of the sentence's.
      const named = countriesSorted(cue.about);
      if (named.length >= 2) {
        for (let i = 0; i < named.length; i++) for (let j = i + 1; j < named.length; j++) credit(pairs, named[i], named[j], cue.weight);
      } else for (let j = 0; j < own.length; j++) credit(pairs, named[0], own[j], cue.weight);
      continue;
    }
    if (cue.modifiers.includes('third-party')) continue; // an unnamed third party ("foreign pressure"): no dyad to credit
    for (let i = 0; i < own.length; i++) for (let j = i + 1; j < own.length; j++) credit(pairs, own[i], own[j], cue.weight);
  }
  return pairs;
}

function accumulatorOf(dyads: Map<string, Accumulator>, a: string, b: string): Accumulator {
  const key = `${a}|${b}`;
  let acc = dyads.get(key);
  if (!acc) dyads.set(key, (acc = { actors: [a, b], cooperation: 0, distrust: 0, sentences: new Set(), events: emptyEvents() }));
  return acc;
}

export function buildDyads(stances: readonly SentenceStance[], events: readonly EventRecord[]): Dyad[] {
  const dyads = new Map<string, Accumulator>();
  for (let index = 0; index < stances.length; index++) {
    if (stances[index].cues.length === 0) continue;
    const pairs = sentenceEvidence(stances[index]);
    for (let p = 0; p < pairs.length; p++) {
      const cooperation = 1 - pairs[p].cooperationMiss;
      const distrust = 1 - pairs[p].distrustMiss;
      if (cooperation === 0 && distrust === 0) continue;
      const acc = accumulatorOf(dyads, pairs[p].a, pairs[p].b);
      acc.cooperation += cooperation;
      acc.distrust += distrust;
      acc.sentences.add(index);
    }
  }

  // Events between two actors, in either direction; a pair with events but no stance is a dyad too.
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (!e.source || !e.target) continue;
    const a = countryOf(e.source.actor);
    const b = countryOf(e.target.actor);
    if (a === b) continue;
    (a < b ? accumulatorOf(dyads, a, b) : accumulatorOf(dyads, b, a)).events[e.quadClass]++;
  }
  return dyadsOf(dyads);
}

/** The public records, by pair. */
function dyadsOf(dyads: Map<string, Accumulator>): Dyad[] {
  return [...dyads.values()]
    .sort((x, y) => (x.actors[0] < y.actors[0] ? -1 : x.actors[0] > y.actors[0] ? 1 : x.actors[1] < y.actors[1] ? -1 : x.actors[1] > y.actors[1] ? 1 : 0))
    .map((acc) => {
      const total = acc.cooperation + acc.distrust;
      return {
        actors: acc.actors,
        cooperation: round3(acc.cooperation),
        distrust: round3(acc.distrust),
        stance: total === 0 ? 0 : round3((acc.cooperation - acc.distrust) / total),
        sentences: [...acc.sentences].sort((a, b) => a - b),
        events: Object.fromEntries(QUAD_CLASSES.map((q) => [q, acc.events[q]])) as Record<QuadClass, number>,
      };
    });
}

export const dyadsStage = defineStage({
  name: 'dyads',
  version: DYADS_VERSION,
  needs: ['stance', 'events'],
  provides: 'dyads',
  run: (doc: ArticleDoc) => ({ layer: buildDyads(layer(doc, 'stance'), layer(doc, 'events')) }),
});
