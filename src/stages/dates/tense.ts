// The tense around a time expression, from the sentence's verbs. wink gives
// universal POS tags only (no VBD), so a past form is a verb whose surface
// differs from its lemma and is not an -ing or third-person -s form.
import type { Token } from '../../article.js';
import { loadData } from '../../data.js';

export type Tense = 'past' | 'present' | 'future';

interface TenseData {
  future: string[];
  futurePhrases: string[];
  pastAuxiliaries: string[];
  presentAuxiliaries: string[];
  irregularPast: string[];
}

const data = loadData<TenseData>('dates/tense.json');
const FUTURE = new Set(data.future);
const FUTURE_PHRASES = data.futurePhrases.map((p) => p.split(' '));
const PAST_AUX = new Set(data.pastAuxiliaries);
const PRESENT_AUX = new Set(data.presentAuxiliaries);
const IRREGULAR_PAST = new Set(data.irregularPast);

function norm(t: Token): string {
  return t.normal.replace(/’/g, "'");
}

/** The tense a single token marks, or null. */
function tenseOf(tokens: readonly Token[], i: number): Tense | null {
  const t = tokens[i];
  const w = norm(t);
  if (FUTURE.has(w) && (t.pos === 'AUX' || t.pos === 'VERB' || w === 'will')) return 'future';
  for (const phrase of FUTURE_PHRASES) {
    if (phrase[0] !== w) continue;
    let k = 1;
    while (k < phrase.length && i + k < tokens.length && norm(tokens[i + k]) === phrase[k]) k++;
    if (k === phrase.length && phrase.length > 1) return 'future';
  }
  if (t.pos !== 'VERB' && t.pos !== 'AUX') return null;
  if (PAST_AUX.has(w)) return 'past';
  if (PRESENT_AUX.has(w)) return 'present';
  if (IRREGULAR_PAST.has(w) || (w.endsWith('ed') && w !== t.lemma)) {
    // "is expected", "are scheduled": a participle after a present auxiliary is not past.
    const prev = i > 0 ? norm(tokens[i - 1]) : '';
    if (prev === 'is' || prev === 'are' || prev === 'be' || prev === 'being') return 'present';
    return 'past';
  }
  if (t.pos === 'VERB' && w !== t.lemma && !w.endsWith('ing')) return w.endsWith('s') ? 'present' : 'past';
  if (t.pos === 'VERB' && w === t.lemma) return 'present';
  return null;
}

/**
 * The tense governing the expression at token range [first, end) of a sentence:
 * a future marker anywhere wins (news puts "will" far from the date: "talks will
 * resume in Geneva on Tuesday"), then the nearest past or present verb.
 */
export function tenseAround(tokens: readonly Token[], first: number, end: number): Tense {
  let nearest: Tense | null = null;
  let distance = Infinity;
  for (let i = 0; i < tokens.length; i++) {
    if (i >= first && i < end) continue;
    const tense = tenseOf(tokens, i);
    if (tense === null) continue;
    if (tense === 'future') return 'future';
    const d = i < first ? first - i : i - end + 1;
    if (d < distance) [nearest, distance] = [tense, d];
  }
  return nearest ?? 'present';
}
