// Vague references to the present, past and future ("Presently", "recent
// years", "the future", "soon"), from data/dates/vague.json.
import type { Token } from '../../../article.js';
import { loadData } from '../../../data.js';
import { alternation, B, E, phraseGate } from '../lexicon.js';
import { pastVerbAt, tenseAround } from '../tense.js';
import { pattern, patternParser, tokenIndex } from './pattern.js';

interface VagueData {
  phrases: { phrase: string; value: string }[];
}

const phrases = loadData<VagueData>('dates/vague.json').phrases;
const VALUES = new Map(phrases.map((p) => [p.phrase, p.value]));
const VAGUE_GATE = phraseGate(VALUES.keys());

export const vagueParser = patternParser('vague', pattern(`${B}(?<phrase>${alternation(VALUES.keys())})${E}`), (m, place) => {
  const key = m.groups!.phrase.toLowerCase().replace(/\s+/g, ' ').replace(/[‐‑–]/g, '-');
  // "now" as a conjunction or a filler ("now that …") still refers to the present; only its use inside a compound is not ("now-defunct").
  if (key === 'now' && /^[-‐‑]/.test(place.after)) return null;
  // "as soon as", "soon after the vote": relative to an event, not to the present.
  if (key === 'soon' && (/\bas\s+$/i.test(place.before) || /^\s+(?:after|afterwards?|thereafter)\b/i.test(place.after))) return null;
  // "soon became", "was soon released": soon after a past event, not ahead of the present.
  if (key === 'soon') {
    const i = tokenIndex(place.ctx.tokens, place.start);
    const tokens = place.ctx.tokens;
    if (pastVerbAt(tokens, i + 1, i - 1) || (!pointsAhead(tokens[i - 1]) && tenseAround(tokens, i, i + 1) === 'past')) return null;
  }
  return { type: 'DATE', value: VALUES.get(key)! };
}, VAGUE_GATE);

/** A modal or "to" right before "soon" ("may soon seek", "to soon grow") points ahead whatever the clause's tense. */
function pointsAhead(before: Token | undefined): boolean {
  return before !== undefined && AHEAD.has(before.normal);
}

const AHEAD = new Set(['will', 'would', 'shall', 'may', 'might', 'could', 'can', 'should', 'must', 'to', "'ll"]);
