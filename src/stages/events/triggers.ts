// Trigger detection: the pattern dictionary matched over a sentence's tokens
// (PhraseMatcher, lemma mode), then each candidate checked against its entry's
// constraints (head POS, lower case, a required object nearby). At one position
// the longest phrase whose constraints hold wins, and among entries of the same
// phrase the one with a satisfied object constraint beats the bare one.
import type { Token } from '../../article.js';
import type { Clause } from './clauses.js';
import { isParticiple } from './clauses.js';
import { GATE_BITS, TRIGGERS, type Pattern } from './dictionary.js';
import { anyGate, tokenLookup, type TokenLookup } from './tokens.js';
import type { PhraseHit } from '../../lexicon/phrases.js';

export interface Trigger {
  pattern: Pattern;
  /** Token range [first, end). */
  first: number;
  end: number;
  /** A verb phrase ("collaborated", "prop up") rather than a noun ("collaboration", "war"). */
  verbal: boolean;
  /** "was attacked (by X)": the subject is the target. */
  passive: boolean;
  /** "agreements signed in 1993", "The agreement, signed by X": a participle after the noun it modifies; the clause subject is not its agent. */
  reduced: boolean;
  /** The object word that satisfied the pattern ("partnership" for "formalize"), or null. */
  object: string | null;
  /** Token index of that word, or -1. */
  objectAt: number;
}

const OBJECT_WINDOW = 7;
const TIME_NOUNS = new Set(['today', 'yesterday', 'tomorrow', 'tonight', 'now', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'morning', 'afternoon', 'evening', 'night', 'weekend', 'time', 'times', 'decade', 'decades']);

function isVerbal(tokens: readonly Token[], first: number, end: number): boolean {
  for (let i = first; i < end; i++) if (tokens[i].pos === 'VERB') return true;
  // "for Greece to back Turkey's bid": wink may tag the verb after "to" otherwise (back/ADV).
  return tokens[first - 1]?.pos === 'PART' && tokens[first - 1].normal === 'to' && tokens[first].pos !== 'NOUN';
}

/** "was attacked", "have been killed", "is marked": a participle after a form of be/get. */
function isPassive(tokens: readonly Token[], first: number, end: number, floor: number): boolean {
  let verb = -1;
  for (let i = first; i < end; i++) if (tokens[i].pos === 'VERB') { verb = i; break; }
  if (verb < 0) return false;
  const v = tokens[verb];
  if (v.normal.endsWith('ing') || !isParticiple(v)) return false;
  for (let j = verb - 1; j >= floor; j--) {
    const t = tokens[j];
    if (t.pos === 'ADV' || t.pos === 'PART') continue;
    // "be opposed to", "be committed to": the form of be belongs to the pattern, an adjective.
    if (j >= first) return false;
    const lemma = t.lemma.toLowerCase();
    return (t.pos === 'AUX' || t.pos === 'VERB') && (lemma === 'be' || lemma === 'get');
  }
  return false;
}

/** "long-threatened", "Israeli-occupied", "U.S.-backed": a participle glued into a compound modifier is no event. */
function inCompound(tokens: readonly Token[], i: number): boolean {
  const dash = tokens[i - 1];
  return dash !== undefined && (dash.text === '-' || dash.text === '‐' || dash.text === '‑') && dash.end === tokens[i].start && tokens[i - 2]?.end === dash.start;
}

/** The object word after (or, for a passive, before) the trigger, within its clause, before another verb. */
function findObject(tokens: readonly Token[], gates: Uint16Array, trigger: { first: number; end: number }, clause: Clause, words: ReadonlySet<string>, passive: boolean, reduced: boolean): number {
  // "Russian peacekeepers were withdrawn from ...": in the passive the object is the subject, before the verb.
  if (passive) {
    for (let j = trigger.first - 1; j >= clause.first && j >= trigger.first - 6; j--) if (objectAt(tokens, gates, j, words)) return j;
  }
  for (let j = trigger.end; j < clause.end && j < trigger.end + OBJECT_WINDOW; j++) {
    const t = tokens[j];
    if (objectAt(tokens, gates, j, words)) return j;
    if ((t.pos === 'VERB' && !isParticiple(t)) || t.pos === 'AUX' || (t.pos === 'PUNCT' && t.text !== '“' && t.text !== '"' && t.text !== '-' && t.text !== '”')) break;
  }
  // "agreements signed in the 1990s": a participle right after its object noun (a reduced relative).
  if (reduced) {
    let before = trigger.first - 1;
    while (before >= clause.first && (tokens[before].pos === 'ADV' || tokens[before].text === ',')) before--;
    if (before >= 0 && objectAt(tokens, gates, before, words)) return before;
  }
  // "communications, which Beijing had cut off": an object relative clause's antecedent.
  if (clause.kind === 'relative' && /^(which|that)$/.test(tokens[clause.first].normal)) {
    let j = clause.first - 1;
    while (j >= 0 && j >= clause.first - 2 && tokens[j].pos === 'PUNCT') j--;
    if (j >= 0 && objectAt(tokens, gates, j, words)) return j;
  }
  // ", a charge Moscow denied": a relative clause without its pronoun opens with its object (clauses.ts).
  if (clause.kind === 'relative' && !passive) {
    const j = tokens[clause.first].pos === 'DET' ? clause.first + 1 : clause.first;
    if (j < trigger.first && objectAt(tokens, gates, j, words)) return j;
  }
  return -1;
}

/** Token `j` is one of the words: only a token the object-word gate passes can be. */
function objectAt(tokens: readonly Token[], gates: Uint16Array, j: number, words: ReadonlySet<string>): boolean {
  return (gates[j] & GATE_BITS.objectWord) !== 0 && isObjectWord(tokens[j], words);
}

function isObjectWord(t: Token, words: ReadonlySet<string>): boolean {
  return words.has(t.normal) || words.has(t.lemma.toLowerCase());
}

/**
 * The common noun a past participle modifies ("agreements signed in the
 * 1990s", "The agreement, signed by ..."), or -1. A past tense after its
 * subject looks the same ("the talks ended in failure"): the participle must
 * be followed by a preposition or punctuation, not an object, and the sentence
 * [floor, end) must have another verb of its own, outside the clauses that
 * have subjects of their own (`scope`, when given, tells them).
 */
export function reducedRelativeHead(tokens: readonly Token[], at: number, floor: number, end: number, scope?: SentenceScope): number {
  const verb = tokens[at];
  if (verb.pos !== 'VERB' || verb.normal.endsWith('ing') || !isParticiple(verb)) return -1;
  const next = tokens[at + 1];
  if (!next || !(next.pos === 'ADP' || next.pos === 'PUNCT')) return -1;
  let j = at - 1;
  while (j >= floor && tokens[j].pos === 'ADV') j--;
  if (j >= floor && tokens[j].text === ',' && next.normal === 'by') j--;
  // "The Security Council today agreed": a time word before a past tense is no noun it modifies.
  if (j < floor || tokens[j].pos !== 'NOUN' || TIME_NOUNS.has(tokens[j].normal)) return -1;
  // Another finite verb: an auxiliary, or a verb (not an -ing form) that does not itself follow a noun as this one does;
  // not one of a clause with a subject of its own ("police and protesters clashed ..., and 1,100 people were killed",
  // "demonstrators rallied outside the embassy before they were dispersed").
  for (let k = floor; k < end; k++) {
    const t = tokens[k];
    if (k === at) continue;
    if (scope && ownSubjectClause(scope, k, at)) continue;
    if (t.pos === 'AUX' || (t.pos === 'VERB' && !t.normal.endsWith('ing') && tokens[k - 1]?.pos !== 'NOUN')) return j;
  }
  return -1;
}

/** Token k is in a clause with a subject of its own (coordinated, subordinate, relative, an attribution), other than the clause of token `at`. */
function ownSubjectClause(scope: SentenceScope, k: number, at: number): boolean {
  const clause = scope.clauseOf(k);
  return clause !== scope.clauseOf(at) && !clause.inherits && clause.kind !== 'main';
}

const CAPITALISED = /^\p{Lu}/u;

/** The word opens with a capital: ASCII told by its code, other scripts by CAPITALISED. */
function capitalised(text: string): boolean {
  const c = text.charCodeAt(0);
  return c >= 0x80 ? CAPITALISED.test(text) : c >= 0x41 && c <= 0x5a;
}

/**
 * "World War II", "the Shanghai Cooperation Organisation", "the Black Sea
 * Grain Deal": a capitalised word next to another capitalised name word is part
 * of a name, not an event ("Talks between ..." opening a sentence is an event).
 */
function inName(tokens: readonly Token[], i: number, first: number, end: number): boolean {
  if (!capitalised(tokens[i].text)) return false;
  return (i > first && nameWord(tokens[i - 1])) || (i + 1 < end && nameWord(tokens[i + 1]));
}

function nameWord(t: Token | undefined): boolean {
  return t !== undefined && (t.pos === 'PROPN' || t.pos === 'NUM') && capitalised(t.text);
}

function allNouns(hits: readonly PhraseHit<Pattern>[]): boolean {
  for (const h of hits) if (!h.value.noun) return false;
  return true;
}

/**
 * The trigger the dictionary's hits at token `i` give, or null: matchAt lists
 * the longest phrases first; within one length, entries whose object is present
 * (the nearest object word decides) beat the bare entry.
 */
function triggerAt(tokens: readonly Token[], gates: Uint16Array, hits: readonly PhraseHit<Pattern>[], i: number, first: number, end: number, scope: SentenceScope): Trigger | null {
  let chosen: Trigger | null = null;
  for (let k = 0; k < hits.length && !chosen; ) {
    const length = hits[k].end;
    let to = k;
    while (to < hits.length && hits[to].end === length) to++;
    const sameLength = hits.slice(k, to);
    k = to;
    const clause = scope.clauseOf(i);
    // "the first stand-alone summit": some triggers are nouns whatever wink's tag.
    const verbal = isVerbal(tokens, i, length) && !allNouns(sameLength);
    // "The agreement, signed by X and Y": a participle after its noun with a by-phrase reads as a passive.
    const passiveForm = verbal && isPassive(tokens, i, length, clause.first);
    const reduced = verbal && !passiveForm && reducedRelativeHead(tokens, i, first, end, scope) >= 0;
    const passive = verbal && (passiveForm || (reduced && tokens[length]?.normal === 'by'));
    if (verbal && inCompound(tokens, i)) continue;
    let fallback: Trigger | null = null;
    for (const h of sameLength) {
      const p = h.value;
      if (p.pos === 'VERB' && !verbal) continue;
      if (p.pos === 'NOUN' && verbal) continue;
      if (p.lower && tokens[i].text !== tokens[i].text.toLowerCase()) continue;
      if (p.object) {
        const at = findObject(tokens, gates, { first: i, end: length }, clause, p.object, passive, reduced);
        // "withdraw weapons inspectors from Iraq": inspectors, not from.
        if (at >= 0 && (!chosen || Math.abs(at - i) < Math.abs(chosen.objectAt - i))) {
          chosen = { pattern: p, first: i, end: length, verbal, passive, reduced, object: tokens[at].normal, objectAt: at };
        }
        continue;
      }
      fallback ??= { pattern: p, first: i, end: length, verbal, passive, reduced, object: null, objectAt: -1 };
    }
    chosen ??= fallback;
  }
  return chosen;
}

/**
 * A sentence as findTriggers reads it: the clause holding each token (the
 * clauses cover the sentence) and the spans of its actors' names. A class, so
 * that every call site sees one kind of object.
 */
export class SentenceScope {
  private readonly clauseIndex: number[];
  constructor(
    private readonly first: number,
    end: number,
    readonly clauses: readonly Clause[],
    private readonly names: readonly { first: number; last: number }[] = [],
  ) {
    this.clauseIndex = new Array(end - first);
    for (let k = 0; k < clauses.length; k++) for (let i = clauses[k].first; i < clauses[k].end; i++) this.clauseIndex[i - first] = k;
  }
  clauseOf(i: number): Clause {
    return this.clauses[this.clauseIndex[i - this.first]];
  }
  insideActor(i: number): boolean {
    for (const m of this.names) if (m.first <= i && i <= m.last) return true;
    return false;
  }
  /** Clause index of every token of the sentence, by token index - first. */
  indexes(): number[] {
    return this.clauseIndex;
  }
}

/**
 * The noun at `i` is the object of the participle right after it ("agreements
 * signed in the 1990s"): the verb is the event, the noun its object.
 */
function objectOfNextVerb(tokens: readonly Token[], lookup: TokenLookup, i: number, first: number, end: number, scope: SentenceScope): boolean {
  if (tokens[i].pos !== 'NOUN') return false;
  let v = i + 1;
  while (v < end && tokens[v].pos === 'ADV') v++;
  if (v >= end || (lookup.gates[v] & GATE_BITS.trigger) === 0 || reducedRelativeHead(tokens, v, first, end, scope) !== i) return false;
  const word = tokens[i];
  if ((lookup.gates[i] & GATE_BITS.objectWord) === 0) return false;
  for (const h of TRIGGERS.matchAt(lookup.matchable, v, end)) {
    if (h.value.pos !== 'NOUN' && h.value.object !== null && isObjectWord(word, h.value.object) && scope.clauseOf(v) === scope.clauseOf(i)) return true;
  }
  return false;
}

/**
 * All triggers of one sentence, left to right, never overlapping. `scope`
 * gives each token's clause and says whether it lies inside an actor's name
 * ("the High-Level Cooperation Council"): such a token is never a trigger.
 * `lookup` is the article's (tokenLookup), computed here when not given.
 */
export function findTriggers(
  tokens: readonly Token[],
  first: number,
  end: number,
  scope: SentenceScope,
  lookup: TokenLookup = tokenLookup(tokens),
): Trigger[] {
  const out: Trigger[] = [];
  if (!anyGate(lookup, GATE_BITS.trigger, first, end)) return out;
  const gates = lookup.gates;
  // Object words a verb trigger has taken ("signed a ... agreement"): not events of their own.
  let taken: Set<number> | null = null;
  for (let i = first; i < end; ) {
    if ((gates[i] & GATE_BITS.trigger) === 0 || taken?.has(i) || inName(tokens, i, first, end) || scope.insideActor(i) || objectOfNextVerb(tokens, lookup, i, first, end, scope)) {
      i++;
      continue;
    }
    const chosen = triggerAt(tokens, gates, TRIGGERS.matchAt(lookup.matchable, i, end), i, first, end, scope);
    if (chosen) {
      out.push(chosen);
      if (chosen.verbal && chosen.objectAt >= 0) (taken ??= new Set()).add(chosen.objectAt);
      i = chosen.end;
    } else i++;
  }
  return out;
}
