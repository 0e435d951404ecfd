// Actors for stance and dyads: which actor codes a sentence mentions, the
// article's main pair, and the country a role code belongs to (RUSGOV → RUS).
import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import type { Entity, Mention } from '../../article.js';

// world-countries (1.4 MB of JSON) is read on the first question about a code, not at import.
const require = createRequire(import.meta.url);
let iso3: ReadonlySet<string> | null = null;

/** ISO alpha-3 codes of the world's countries. */
function isoCodes(): ReadonlySet<string> {
  return (iso3 ??= new Set((require('world-countries') as Country[]).map((c) => c.cca3)));
}

/**
 * The country-level actor of a code: CAMEO country-based codes start with the
 * ISO alpha-3 code (RUSGOV, IRNMIL → RUS, IRN); international bodies (NATO, UN)
 * and regions keep their code.
 */
export function countryOf(code: string): string {
  let country = countries.get(code);
  if (country === undefined) {
    const prefix = code.slice(0, 3);
    country = code.length >= 3 && isoCodes().has(prefix) ? prefix : code;
    if (countries.size >= 10_000) countries.clear();
    countries.set(code, country);
  }
  return country;
}

/** countryOf's answers: actor codes are few and repeat (a pure cache). */
const countries = new Map<string, string>();

export function isCountryBased(code: string): boolean {
  return code.length >= 3 && isoCodes().has(code.slice(0, 3));
}

export interface ActorMention {
  start: number;
  end: number;
  actor: string;
  sentence: number;
}

/** Every mention that stands for an actor, in text order. */
export function actorMentions(entities: readonly Entity[]): ActorMention[] {
  const out: ActorMention[] = [];
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i];
    const mentions = e.mentions as Mention[];
    for (let j = 0; j < mentions.length; j++) {
      const m = mentions[j];
      const actor = m.actor ?? e.actor;
      if (actor) out.push({ start: m.start, end: m.end, actor, sentence: m.sentence });
    }
  }
  return out.sort(byOffset);
}

const byOffset = (a: ActorMention, b: ActorMention): number => a.start - b.start || a.end - b.end || (a.actor < b.actor ? -1 : a.actor > b.actor ? 1 : 0);

/**
 * The article's main pair: the two most-mentioned country-level actors, sorted.
 * Ties go to the actor mentioned first. Null when fewer than two countries appear.
 */
export function mainPair(mentions: readonly ActorMention[]): [string, string] | null {
  const counts = new Map<string, { n: number; first: number }>();
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    if (!isCountryBased(m.actor)) continue;
    const c = countryOf(m.actor);
    const entry = counts.get(c);
    if (entry) entry.n++;
    else counts.set(c, { n: 1, first: m.start });
  }
  // The two first in rank (more mentions, then earlier), ties to the first counted.
  let best: string | null = null;
  let second: string | null = null;
  let bestN = 0, bestFirst = 0, secondN = 0, secondFirst = 0;
  counts.forEach(({ n, first }, c) => {
    if (best === null || n > bestN || (n === bestN && first < bestFirst)) {
      second = best;
      secondN = bestN;
      secondFirst = bestFirst;
      best = c;
      bestN = n;
      bestFirst = first;
    } else if (second === null || n > secondN || (n === secondN && first < secondFirst)) {
      second = c;
      secondN = n;
      secondFirst = first;
    }
  });
  if (best === null || second === null) return null;
  return best < second ? [best, second] : [second, best];
}

/** Sorted, de-duplicated codes. */
export function sortedCodes(codes: Iterable<string>): string[] {
  const out = codes instanceof Set ? Array.from(codes as Set<string>) : [...new Set(codes)];
  // A handful of codes: insertion sort, in the order of the default sort (UTF-16 code units).
  for (let i = 1; i < out.length; i++) {
    const code = out[i];
    let j = i - 1;
    for (; j >= 0 && out[j] > code; j--) out[j + 1] = out[j];
    out[j + 1] = code;
  }
  return out;
}
