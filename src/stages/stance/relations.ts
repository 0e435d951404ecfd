// Relation frames: "relations", "ties", "embassy", "border" say nothing alone;
// the word that qualifies them carries the tenor (data/stance/relations.json):
//   adjective   "close political ties", "strained relations", "the closed border"
//   object      "rebuilt their relationship", "cut all ties", "restored ambassadors"
//   subject     "relations between Riyadh and Baghdad have improved", "ties soured",
//               "relations remain frosty" (a copula and an adjective)
// Each frame becomes a cue like a lexicon cue (rule cue:relation-adjective,
// -object, -subject), so negation, hedges and regions compose with it. Its `cover`
// is the noun and the qualifier: lexicon cues there ("diplomatic ties",
// "strained") give way to the frame; an interjection between subject and verb
// (", strained since the war,") keeps its own cues.
import type { Token } from '../../article.js';
import { stanceLexicon, type CueEntry, type FrameWord, type GatedMatcher, type PhraseHit, type RelationNounKind, type SentenceWords } from './lexicon.js';

export interface RelationFrame {
  hit: PhraseHit<CueEntry>;
  /** Token ranges [first, end) the frame is made of: the noun and its qualifier. */
  cover: [number, number][];
}

/** Words that may stand between a qualifier and its noun ("close economic and security ties", "cut all ties"). */
const MODIFIER_POS = new Set(['ADJ', 'NOUN', 'ADV', 'CCONJ', 'DET', 'PRON', 'NUM', 'PART']);
/** A prepositional phrase after the subject noun ("relations between Saudi Arabia and Iraq"). */
const PP_POS = new Set(['ADP', 'DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'CCONJ', 'PART', 'PRON']);
const AUX_POS = new Set(['AUX', 'ADV', 'PART']);
const NOMINAL = new Set(['NOUN', 'PROPN']);
const MAX_PP = 10;
const MAX_INTERJECTION = 8;
const PHASE_VERBS = new Set(['begin', 'start', 'continue', 'appear', 'seem', 'tend', 'threaten', 'promise']);

function frameHit(tokens: readonly Token[], first: number, end: number, word: FrameWord, group: string): PhraseHit<CueEntry> {
  const text = tokens
    .slice(first, end)
    .map((t) => t.text)
    .join(' ');
  const value: CueEntry = { phrase: text, polarity: word.polarity, weight: word.weight, pos: undefined, group, rule: `cue:${group}`, nominal: false, headOnly: false, ambivalent: false };
  return { value, first, end, start: tokens[first].start, endOffset: tokens[end - 1].end };
}

/** The frame word matched at token k by `matcher`, if any, with its end. */
function wordAt(matcher: GatedMatcher<FrameWord>, words: SentenceWords, k: number): PhraseHit<FrameWord> | null {
  return matcher.matchAt(words, k)[0] ?? null;
}

export function findRelationFrames(tokens: readonly Token[], words: SentenceWords, inEntity: Uint8Array): RelationFrame[] {
  const out: RelationFrame[] = [];
  const { matchers, copulas } = stanceLexicon();
  const clear = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (inEntity[k]) return false;
    return true;
  };
  const nouns = matchers.relationNouns.findAll(words);
  for (let i = 0; i < nouns.length; i++) {
    const noun = nouns[i];
    const kind: RelationNounKind = noun.value;
    if (tokens[noun.first].pos === 'VERB') continue; // "tie", "link", "contact" as verbs
    const adjectives = kind === 'relation' ? matchers.relationAdjectives : matchers.channelAdjectives;
    let found: RelationFrame | null = null;

    // In front: an adjective, and a verb whose object the noun is, over modifiers and determiners.
    // The verb says what happened to the relation ("damaged close ties"); an adjective of the
    // same tenor only strengthens it ("kept close ties").
    let adjective: { at: number; word: FrameWord } | null = null;
    for (let k = noun.first - 1, steps = 0; k >= 0 && steps < 5; k--, steps++) {
      const t = tokens[k];
      const adj: PhraseHit<FrameWord> | null = !adjective && !NOMINAL.has(t.pos) ? wordAt(adjectives, words, k) : null;
      if (adj && adj.end <= noun.first) adjective = { at: k, word: adj.value };
      const verb = t.pos === 'VERB' ? lastWordEndingAt(matchers.objectVerbs, words, k) : null;
      if (verb && clear(verb.first, noun.end)) {
        const word = adjective && adjective.word.polarity === verb.value.polarity && adjective.word.weight > verb.value.weight ? adjective.word : verb.value;
        found = { hit: frameHit(tokens, verb.first, noun.end, word, 'relation-object'), cover: [[verb.first, noun.end]] };
        break;
      }
      if (!MODIFIER_POS.has(t.pos) && !adj) break;
    }
    if (!found && adjective && clear(adjective.at, noun.end)) {
      found = { hit: frameHit(tokens, adjective.at, noun.end, adjective.word, 'relation-adjective'), cover: [[adjective.at, noun.end]] };
    }
    if (found) {
      out.push(found);
      continue;
    }

    // After: the noun as subject, across a prepositional phrase and auxiliaries.
    let k = noun.end;
    let passive = false;
    if (k < tokens.length && tokens[k].pos === 'ADP') {
      k++;
      while (k < tokens.length && k - noun.end < MAX_PP && (PP_POS.has(tokens[k].pos) || tokens[k].text === '-')) k++;
    }
    k = skipInterjection(tokens, k);
    while (k < tokens.length && AUX_POS.has(tokens[k].pos)) {
      if (tokens[k].lemma === 'be' || tokens[k].lemma === 'get') passive = true;
      k++;
    }
    k = skipPhaseVerb(tokens, k);
    if (k >= tokens.length) continue;
    const head = tokens[k];
    if (head.pos === 'VERB' || head.pos === 'AUX') {
      const verb = wordAt(matchers.subjectVerbs, words, k) ?? (passive ? wordAt(matchers.objectVerbs, words, k) : null);
      if (verb) {
        out.push({ hit: frameHit(tokens, k, verb.end, verb.value, 'relation-subject'), cover: [[noun.first, noun.end], [verb.first, verb.end]] });
        continue;
      }
      // "relations remain frosty", "the border remains closed"
      if (copulas.has(head.lemma)) {
        let j = k + 1;
        while (j < tokens.length && tokens[j].pos === 'ADV') j++;
        const adjective = j < tokens.length ? wordAt(adjectives, words, j) : null;
        if (adjective) out.push({ hit: frameHit(tokens, j, adjective.end, adjective.value, 'relation-subject'), cover: [[noun.first, noun.end], [j, adjective.end]] });
      }
    } else if (head.pos === 'ADJ') {
      // "ties are strained", "relations have thawed": wink may tag the participle as an adjective.
      const word = (passive ? wordAt(adjectives, words, k) : null) ?? wordAt(matchers.subjectVerbs, words, k);
      if (word) out.push({ hit: frameHit(tokens, k, word.end, word.value, 'relation-subject'), cover: [[noun.first, noun.end], [k, word.end]] });
    }
  }
  return out;
}

/** ", strained since the war," between a subject and its verb: the part is stepped over. */
export function skipInterjection(tokens: readonly Token[], k: number): number {
  if (k >= tokens.length || tokens[k].text !== ',') return k;
  for (let j = k + 1; j < tokens.length && j - k <= MAX_INTERJECTION; j++) {
    if (tokens[j].text === ',') return j + 1;
    if (/^[.;:!?]$/.test(tokens[j].text)) return k;
  }
  return k;
}

/** "have begun to improve", "continued to deteriorate": the verb after a phase verb speaks. */
export function skipPhaseVerb(tokens: readonly Token[], k: number): number {
  if (k + 2 < tokens.length && PHASE_VERBS.has(tokens[k].lemma) && tokens[k + 1].normal === 'to') return k + 2;
  return k;
}

/** A verb phrase of the matcher that ends at token k ("break off" ending at "off"), or starts there. */
function lastWordEndingAt(matcher: GatedMatcher<FrameWord>, words: SentenceWords, k: number): PhraseHit<FrameWord> | null {
  for (let first = k; first >= Math.max(0, k - 2); first--) {
    const hit = matcher.matchAt(words, first).find((h) => h.end === k + 1);
    if (hit) return hit;
  }
  return null;
}
