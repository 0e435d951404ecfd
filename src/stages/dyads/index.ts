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
import { layer, type ArticleDoc, type Dyad, type EventRecord, type QuadClass, type SentenceStance, type StanceCue } from '../../article.js';
import { defineStage } from '../../stage.js';
import { countryOf } from '../stance/actors.js';
import { evidenceOf } from '../stance/index.js';

export const DYADS_VERSION = '1';

const QUAD_CLASSES: readonly QuadClass[] = ['VERBAL_COOPERATION', 'MATERIAL_COOPERATION', 'VERBAL_CONFLICT', 'MATERIAL_CONFLICT'];

const round3 = (x: number) => Math.round(x * 1000) / 1000;

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

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

type SentencePairs = Map<string, { actors: [string, string]; cues: StanceCue[] }>;

function addToPair(out: SentencePairs, a: string, b: string, cue: StanceCue): void {
  if (a === b) return;
  const key = pairKey(a, b);
  let entry = out.get(key);
  if (!entry) out.set(key, (entry = { actors: (a < b ? [a, b] : [b, a]) as [string, string], cues: [] }));
  entry.cues.push(cue);
}

/** The cues of one sentence that speak of each pair of its actors. */
export function sentencePairs(stance: SentenceStance): SentencePairs {
  const out: SentencePairs = new Map();
  if (stance.cues.length === 0) return out;
  // The sentence's own actors: the stance layer leaves out actors named only as third-party holders.
  const ownSorted = countriesSorted(stance.about);

  for (const cue of stance.cues) {
    if (cue.about) {
      // Attributed: among the actors it names, or one named actor with each of the sentence's.
      const named = countriesSorted(cue.about);
      if (named.length >= 2) {
        for (let i = 0; i < named.length; i++) for (let j = i + 1; j < named.length; j++) addToPair(out, named[i], named[j], cue);
      } else for (const o of ownSorted) addToPair(out, named[0], o, cue);
      continue;
    }
    if (cue.modifiers.includes('third-party')) continue; // an unnamed third party ("foreign pressure"): no dyad to credit
    for (let i = 0; i < ownSorted.length; i++) for (let j = i + 1; j < ownSorted.length; j++) addToPair(out, ownSorted[i], ownSorted[j], cue);
  }
  return out;
}

export function buildDyads(stances: readonly SentenceStance[], events: readonly EventRecord[]): Dyad[] {
  const dyads = new Map<string, Accumulator>();
  const get = (actors: [string, string]) => {
    const key = pairKey(actors[0], actors[1]);
    let acc = dyads.get(key);
    if (!acc) dyads.set(key, (acc = { actors, cooperation: 0, distrust: 0, sentences: new Set(), events: emptyEvents() }));
    return acc;
  };

  for (let index = 0; index < stances.length; index++) {
    if (stances[index].cues.length === 0) continue;
    for (const { actors, cues } of sentencePairs(stances[index]).values()) {
      const { cooperation, distrust } = evidenceOf(cues);
      if (cooperation === 0 && distrust === 0) continue;
      const acc = get(actors);
      acc.cooperation += cooperation;
      acc.distrust += distrust;
      acc.sentences.add(index);
    }
  }

  // Events between two actors, in either direction; a pair with events but no stance is a dyad too.
  for (const e of events) {
    if (!e.source || !e.target) continue;
    const a = countryOf(e.source.actor);
    const b = countryOf(e.target.actor);
    if (a === b) continue;
    get((a < b ? [a, b] : [b, a]) as [string, string]).events[e.quadClass]++;
  }

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
