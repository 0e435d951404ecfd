// Who did what to whom, from the sentence's shape (wink POS tags, our clauses;
// there is no dependency parser):
//   verb triggers   source = the nearest actor before the trigger in its clause
//                   that is not inside a prepositional phrase (else the subject
//                   the clause shares: participles, coordinated verbs, relative
//                   clauses); target = the first actor after the trigger as a
//                   direct object or through one of the pattern's prepositions
//                   ("with", "to", "against", "in"), before the next verb.
//                   Passive ("was attacked by X"): the subject is the target, the
//                   "by" phrase the source.
//   noun triggers   source = a possessor or modifier ("Russia's interventions",
//                   "their partnership", "Russian attack"), else "by X", else the
//                   subject of a light verb ("launched an invasion"); target =
//                   an actor through the category's prepositions ("invasion of
//                   Iraq", "sanctions on Iran"); a recipient verb's subject is the
//                   target ("Iranian officials benefited from Putin's backing").
//   mutual triggers both sides are sources: the parties of the subject, the
//                   object, "between A and B", "their"; when the trigger names
//                   none, a pair the sentence names ("Russia and Iran ..., with
//                   direct conflicts ...").
import type { Token } from '../../article.js';
import { governorOf, isHyphen, makeRef, mereplace, SEE_THROUGH_OF, spanOf, type ActorRef, type Dyad, type Party } from './actors.js';
import type { Clause } from './clauses.js';
import { isParticiple } from './clauses.js';
import { LIGHT_VERBS, LIGHT_VERBS_GATE, OBJECT_CONTROL_VERBS, PARTICIPATION_VERBS, RECIPIENT_VERBS, RECIPIENT_VERBS_GATE } from './dictionary.js';
import type { Trigger } from './triggers.js';

export interface SentenceView {
  index: number;
  first: number;
  end: number;
  tokens: readonly Token[];
  clauses: Clause[];
  /** Clause index of every token of the sentence, by token index - first. */
  clauseIndex: number[];
  parties: Party[];
  reciprocals: { first: number; last: number }[];
  /** The sentence's triggers, in order. */
  triggers: readonly Trigger[];
  /** The article's main pair when the previous sentence spoke of both (else null). */
  focus: Dyad | null;
}

export interface Attribution {
  /** Source side: one party member per record, or all sides of a mutual event. */
  sources: ActorRef[];
  targets: ActorRef[];
  mutual: boolean;
  /** How each side was found: `source:subject`, `target:with`, `mutual:sentence-pair` ... */
  how: string[];
  /** Parties found indirectly (anaphors, shared subjects, sentence pairs): lowers confidence. */
  indirect: number;
  /** A noun trigger carried by a light verb ("launched an invasion"): as good as a verb. */
  lightVerb: boolean;
  /** Of a mutual act, the members on the far side ("with Turkey and the UN"): they are not paired with each other. */
  partners: ReadonlySet<ActorRef>;
}

const MAX_OBJECT_DISTANCE = 15;
/** Subjects read off the syntax, not inferred: they do not lower confidence. */
const DIRECT_SUBJECTS: ReadonlySet<string> = new Set(['subject', 'infinitive-subject', 'for-subject', 'object-control']);
const NO_MEMBERS: readonly ActorRef[] = [];
const NO_PREPS: readonly string[] = [];
const NO_PARTNERS: ReadonlySet<ActorRef> = new Set();
const ONE_PREP: Readonly<Record<'by' | 'between' | 'from', readonly string[]>> = { by: ['by'], between: ['between'], from: ['from'] };

export function clauseAt(view: SentenceView, i: number): number {
  return view.clauseIndex[i - view.first];
}

const blocksObject = (t: Token): boolean =>
  (t.pos === 'VERB' && !isParticiple(t)) || t.pos === 'AUX' || t.pos === 'SCONJ' || (t.pos === 'PART' && t.normal === 'to');

function isIndirect(p: Party): boolean {
  for (const m of p.members) if (m.kind !== 'mention') return true;
  return false;
}

const nearestFirst = (a: Party, b: Party): number => b.last - a.last;

/** Parties before `at` in clause `c` that are not in a prepositional phrase, nearest first. */
function subjectsBefore(view: SentenceView, c: number, at: number): Party[] {
  const clause = view.clauses[c];
  const found: Party[] = [];
  let rising = true;
  for (const p of view.parties) {
    if (p.last < at && p.first >= clause.body && (governorOf(view.tokens, p.first, clause.body).prep === null || placeThenSubject(view, p, at, clause.body))) {
      if (found.length > 0 && found[found.length - 1].last >= p.last) rising = false;
      found.push(p);
    }
  }
  // Parties come in text order: reversed, they are nearest first (a stable sort, when two end together).
  return rising ? found.reverse() : found.sort(nearestFirst);
}

/**
 * "while in Kisumu demonstrators set fire to …": a place name after "in" or
 * "at" ends its phrase, and the group right before the verb is the subject
 * (the comma after the place is left out).
 */
function placeThenSubject(view: SentenceView, p: Party, at: number, floor: number): boolean {
  if (p.last !== at - 1 || view.tokens[p.first].pos === 'PROPN') return false;
  const governor = governorOf(view.tokens, p.first, floor);
  if (governor.prep !== 'in' && governor.prep !== 'at') return false;
  if (governor.at + 1 >= p.first) return false;
  for (let j = governor.at + 1; j < p.first; j++) if (view.tokens[j].pos !== 'PROPN') return false;
  return true;
}

/** The last party ending within two tokens before the clause opener at `first` (a relative clause's antecedent). */
function antecedentOf(view: SentenceView, first: number): Party | undefined {
  for (let k = view.parties.length - 1; k >= 0; k--) {
    const p = view.parties[k];
    if (p.last < first && first - p.last <= 2) return p;
  }
  return undefined;
}

/** The subject of clause `c` (before its first verb), following shared subjects back through earlier clauses. */
function clauseSubject(view: SentenceView, c: number, depth = 0): { party: Party; how: string } | null {
  const clause = view.clauses[c];
  let verb = clause.end;
  for (let i = clause.first; i < clause.end; i++) {
    if (view.tokens[i].pos === 'VERB' || view.tokens[i].pos === 'AUX') {
      verb = i;
      break;
    }
  }
  const own = subjectsBefore(view, c, verb);
  if (own.length > 0 && !(clause.inherits && own[0].possessive)) return { party: own[0], how: 'subject' };
  if (depth > 3 || c === 0) return null;
  if (clause.inherits) {
    const shared = clauseSubject(view, c - 1, depth + 1);
    return shared ? { party: shared.party, how: 'shared-subject' } : null;
  }
  if (clause.kind === 'relative') {
    // "Hezbollah, which attacked ...": the antecedent right before the relative pronoun.
    const antecedent = antecedentOf(view, clause.first);
    if (antecedent) return { party: antecedent, how: 'relative-antecedent' };
    // "Turkey is the only country that recognises ...": the antecedent is what the subject is.
    const before = view.clauses[c - 1];
    let verb: Token | undefined;
    for (let j = before.first; j < clause.first && !verb; j++) if (view.tokens[j].pos === 'VERB' || view.tokens[j].pos === 'AUX') verb = view.tokens[j];
    if (verb && verb.lemma.toLowerCase() === 'be') {
      const subject = clauseSubject(view, c - 1, depth + 1);
      return subject ? { party: subject.party, how: 'relative-copula-subject' } : null;
    }
    return null;
  }
  return null;
}

/** The source of a verb trigger: the nearest non-prepositional actor before it in its clause, else the clause's shared subject. */
export function subjectOf(view: SentenceView, at: number): { party: Party; how: string } | null {
  const c = clauseAt(view, at);
  const controlled = infinitiveSubject(view, at);
  if (controlled) return controlled;
  const own = subjectsBefore(view, c, at);
  // "The protesters, mostly young people organised online, had demanded": an appositive between commas is not the subject.
  if (own.length > 1 && parenthetical(view, own[0], own[1], at)) return { party: own[1], how: 'subject' };
  if (own.length > 0) return { party: own[0], how: 'subject' };
  const clause = view.clauses[c];
  if (clause.inherits || clause.kind === 'relative') return clauseSubject(view, c);
  return null;
}

/**
 * "Manila summoned China's deputy ambassador to protest": an infinitive's
 * subject is the subject of the verb it depends on, or that verb's object
 * when the verb hands the act over ("allowed the opposition leader to hold a
 * rally", "urged Azerbaijan to withdraw").
 */
function infinitiveSubject(view: SentenceView, at: number): { party: Party; how: string } | null {
  const to = view.tokens[at - 1];
  if (!to || to.pos !== 'PART' || to.normal !== 'to') return null;
  // "for Greece to back Turkey's bid": "for X to" names it.
  const agent = view.parties.find((p) => p.last === at - 2 && governorOf(view.tokens, p.first, view.first).prep === 'for');
  if (agent) return { party: agent, how: 'for-subject' };
  const clause = view.clauses[clauseAt(view, at)];
  for (let j = at - 2; j >= clause.first; j--) {
    const t = view.tokens[j];
    if (t.pos !== 'VERB' && t.pos !== 'AUX') continue;
    if (t.pos === 'VERB' && OBJECT_CONTROL_VERBS.has(t.lemma.toLowerCase())) {
      const object = objectAfter(view, j + 1, NO_PREPS, true);
      if (object && object.party.last < at) return { party: object.party, how: 'object-control' };
    }
    const governing = subjectsBefore(view, clauseAt(view, j), j);
    return governing.length > 0 ? { party: governing[0], how: 'infinitive-subject' } : null;
  }
  return null;
}

/** `p` stands between commas after `before` and before the verb: an appositive or a parenthesis. */
function parenthetical(view: SentenceView, p: Party, before: Party, verb: number): boolean {
  return commaIn(view.tokens, before.last + 1, p.first) && commaIn(view.tokens, p.last + 1, verb);
}

function commaIn(tokens: readonly Token[], from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (tokens[j].text === ',') return true;
  return false;
}

/**
 * "Lai Ching-te, whom Beijing calls a separatist": in an object relative
 * clause (its own subject before the verb) the antecedent is the verb's object.
 */
function relativeAntecedent(view: SentenceView, at: number): Party | null {
  const c = clauseAt(view, at);
  const clause = view.clauses[c];
  if (clause.kind !== 'relative' || subjectsBefore(view, c, at).length === 0) return null;
  const opener = view.tokens[clause.first]?.normal;
  if (opener !== 'whom' && opener !== 'which' && opener !== 'that') return null;
  return antecedentOf(view, clause.first) ?? null;
}

/**
 * The first actor after `from` in the clause reached directly (when allowed) or
 * through one of `preps`, skipping the source's own actors ("Syria withdrew its
 * troops from Lebanon": Lebanon).
 */
function objectAfter(view: SentenceView, from: number, preps: readonly string[], direct: boolean, exclude: readonly ActorRef[] = NO_MEMBERS): { party: Party; prep: string | null } | null {
  const c = clauseAt(view, Math.max(view.first, from - 1));
  const clause = view.clauses[c];
  let blocked = -1;
  for (let j = from; j < clause.end; j++) {
    const t = view.tokens[j];
    // "seized the capital, Sanaa, the previous year": a name in apposition to the object noun is the object.
    if (t.text === ',' && view.tokens[j - 1]?.pos === 'NOUN' && j > from && appositiveAt(view, j + 1)) continue;
    if (blocksObject(t) || t.text === ',') {
      blocked = j;
      break;
    }
  }
  for (const p of view.parties) {
    if (p.first < from) continue;
    if (p.first >= clause.end || (blocked >= 0 && p.first > blocked) || p.first - from > MAX_OBJECT_DISTANCE) break;
    if (exclude.length > 0 && allExcluded(p.members, exclude)) continue;
    const g = governorOf(view.tokens, p.first, from, SEE_THROUGH_OF);
    if (g.direct && direct) return { party: p, prep: null };
    // "conflicts from Syria and Lebanon to Yemen": the end of a range, no recipient.
    if (g.prep === 'to' && normalIn(view.tokens, Math.max(from, g.at - 6), g.at, 'from')) continue;
    if (g.prep && preps.includes(g.prep)) return { party: p, prep: g.prep };
  }
  return null;
}

/** Every member's actor is one of the excluded members' (the source's own actors). */
function allExcluded(members: readonly ActorRef[], exclude: readonly ActorRef[]): boolean {
  for (const m of members) {
    let found = false;
    for (const x of exclude) if (x.actor === m.actor) found = true;
    if (!found) return false;
  }
  return true;
}

/** A party starts at `at` and is followed by a comma or the end of the sentence: an appositive name. */
function appositiveAt(view: SentenceView, at: number): boolean {
  const p = view.parties.find((q) => q.first === at);
  if (!p) return false;
  const after = view.tokens[p.last + 1];
  return !after || after.text === ',' || after.text === '.';
}

/** Parties after `from` in the clause introduced by one preposition ("by", "between"). */
function phraseAfter(view: SentenceView, from: number, prep: 'by' | 'between' | 'from'): Party | null {
  // The preposition itself must follow in the clause (most clauses have no "between"): else there is nothing to find.
  const end = view.clauses[clauseAt(view, Math.max(view.first, from - 1))].end;
  if (!normalIn(view.tokens, from, end, prep)) return null;
  const hit = objectAfter(view, from, ONE_PREP[prep], false);
  return hit ? hit.party : null;
}

/**
 * A prepositional phrase attached to a noun trigger itself: "the treaty (of
 * friendship) between A and B", "an allegation by the LPC"; not one further on
 * ("talks on normalising relations between A and B" are not between A and B).
 */
function attachedPhrase(view: SentenceView, from: number, prep: string): Party | null {
  const end = view.clauses[clauseAt(view, Math.max(view.first, from - 1))].end;
  let inOf = false;
  for (let j = from; j < end; j++) {
    const t = view.tokens[j];
    if (t.pos === 'ADP' && t.normal === prep) {
      const party = view.parties.find((p) => p.first > j && governorOf(view.tokens, p.first, j + 1).direct);
      return party && party.first - j <= 4 ? party : null;
    }
    if (t.pos === 'ADP' && t.normal === 'of' && !inOf) {
      inOf = true;
      continue;
    }
    if (!NP_WORDS.has(t.pos) && !isQuoteToken(t)) return null;
  }
  return null;
}

const NP_WORDS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);
const PHRASE_QUOTES: ReadonlySet<string> = new Set(['"', '“', '”', '‘', '’', '-']);
const POSSESSIVE_MARKS: ReadonlySet<string> = new Set(["'", '’', "'s", '’s']);
const isQuoteToken = (t: Token): boolean => t.pos === 'PUNCT' && PHRASE_QUOTES.has(t.text);
/** A mutual act's partners come through these only: "war with", "talks between", "war on"; not "the war in Gaza". */
const MUTUAL_PREPS = new Set(['with', 'between', 'against', 'on']);

/** "Russia's interventions", "their partnership", "Russian attack", "U.S. pressure": the actor owning a noun trigger. */
function possessorOf(view: SentenceView, first: number): Party | null {
  const clauseFirst = view.clauses[clauseAt(view, first)].first;
  for (let j = first - 1; j >= clauseFirst; j--) {
    const owner = view.parties.find((p) => p.last === j);
    if (owner) return owner;
    const t = view.tokens[j];
    if (t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'NUM' || (t.pos === 'PART' && POSSESSIVE_MARKS.has(t.text)) || (t.pos === 'PUNCT' && PHRASE_QUOTES.has(t.text))) continue;
    // "Ankara's long-stalled request": a hyphenated participle modifies the noun.
    if (t.pos === 'VERB' && isHyphen(view.tokens[j - 1]?.text ?? '')) continue;
    return null;
  }
  return null;
}

/** The verb a noun trigger is the object of ("launched an invasion", "benefited from ... backing"), if close. */
function governingVerb(view: SentenceView, first: number): { at: number; light: boolean; recipient: boolean } | null {
  const clauseFirst = view.clauses[clauseAt(view, first)].first;
  for (let j = first - 1; j >= clauseFirst && j >= first - 8; j--) {
    const t = view.tokens[j];
    if (t.pos === 'VERB') {
      const light = LIGHT_VERBS_GATE.opens(t) && LIGHT_VERBS.matchAt(view.tokens, j, first).length > 0;
      const recipient = RECIPIENT_VERBS_GATE.opens(t) && RECIPIENT_VERBS.matchAt(view.tokens, j, first).length > 0;
      return { at: j, light, recipient };
    }
    if (t.pos === 'AUX' || t.pos === 'SCONJ' || (t.pos === 'PUNCT' && t.text === ',')) return null;
  }
  return null;
}

/**
 * A pair the sentence names before a mutual noun that names none: a coordinated
 * group or a pair anaphor, not inside a prepositional phrase ("Russia and Iran
 * have experienced rivalry, with direct conflicts ..."). The noun itself must
 * not sit in a prepositional phrase either, bar an absolute "with": "backed
 * opposing sides in conflicts" says nothing of a conflict between the backers.
 */
function sentencePair(view: SentenceView, trigger: Trigger): Party | null {
  const g = governorOf(view.tokens, trigger.first, view.first);
  if (g.prep !== null && g.prep !== 'with') return null;
  for (const p of view.parties) if (p.last < trigger.first && codeCount(p.members) >= 2 && !inPrep(view, p)) return p;
  return null;
}

function inPrep(view: SentenceView, p: Party): boolean {
  const clause = view.clauses[clauseAt(view, p.first)];
  const g = governorOf(view.tokens, p.first, clause.body);
  return g.prep !== null;
}

/** How many distinct actor codes the members have. */
export function codeCount(members: readonly ActorRef[]): number {
  let n = 0;
  for (let k = 0; k < members.length; k++) {
    let seen = false;
    for (let j = 0; j < k && !seen; j++) seen = members[j].actor === members[k].actor;
    if (!seen) n++;
  }
  return n;
}

function normalIn(tokens: readonly Token[], from: number, to: number, word: string): boolean {
  for (let j = from; j < to; j++) if (tokens[j].normal === word) return true;
  return false;
}

/** The subject and direct object of a participation verb ("join", "attend", "host") before a mutual noun in its clause. */
function participants(view: SentenceView, at: number): ActorRef[] {
  const clause = view.clauses[clauseAt(view, at)];
  for (let j = at - 1; j >= clause.first; j--) {
    const t = view.tokens[j];
    if (t.pos !== 'VERB') continue;
    if (!PARTICIPATION_VERBS.has(t.lemma.toLowerCase())) return [];
    const subject = subjectOf(view, j);
    const object = objectAfter(view, j + 1, NO_PREPS, true);
    return [...(subject?.party.members ?? []), ...(object?.party.members ?? [])];
  }
  return [];
}

/** "demanded that President Ruto withdraw ...": the subject of the demanded clause. */
function complementSubject(view: SentenceView, from: number): Party | null {
  let j = from;
  if (view.tokens[j]?.normal === 'that') j++;
  const party = view.parties.find((p) => p.first >= j && p.first - j <= 3);
  return party && governorOf(view.tokens, party.first, j).direct ? party : null;
}

/** The "from" party past an infinitive ("request to buy F-16 jets from the United States"), within the clause. */
function fromBeyondInfinitive(view: SentenceView, from: number): Party | null {
  if (view.tokens[from]?.normal !== 'to') return null;
  const end = view.clauses[clauseAt(view, from)].end;
  for (let j = from + 1; j < end && j < from + 12; j++) {
    const t = view.tokens[j];
    if (t.pos === 'AUX' || t.pos === 'SCONJ' || t.text === ',') return null;
    if (t.pos === 'ADP' && t.normal === 'from') return view.parties.find((p) => p.first > j && governorOf(view.tokens, p.first, j + 1).direct && p.first - j <= 4) ?? null;
  }
  return null;
}

function focusPair(view: SentenceView, trigger: Trigger): ActorRef[] {
  const dyad = view.focus;
  if (!dyad) return [];
  let named: ActorRef | undefined;
  for (const p of view.parties) {
    for (const m of p.members) {
      if (m.kind === 'mention' && dyad.codes.includes(m.country ?? '') && !mereplace(m)) {
        named = m;
        break;
      }
    }
    if (named) break;
  }
  if (!named) return [];
  const k = dyad.codes[0] === named.country ? 1 : 0;
  const span = spanOf(view.tokens, trigger.first, trigger.end - 1);
  const other = makeRef(dyad.codes[k], dyad.names[k], span.start, span.end, span.text, span.first, span.last, 'pair', dyad.codes[k], false, 'pair-in-focus');
  return [named, other];
}

function reciprocalAfter(view: SentenceView, from: number): boolean {
  const c = view.clauses[clauseAt(view, Math.max(view.first, from - 1))];
  return view.reciprocals.some((r) => r.first >= from && r.first < c.end && r.first - from <= 6);
}

export function attribute(view: SentenceView, trigger: Trigger): Attribution {
  const p = trigger.pattern;
  const how: string[] = [];
  const found = trigger.verbal ? verbSides(view, trigger, how) : nounSides(view, trigger, how);
  let { source, target } = found;
  const { between, lightVerb } = found;
  let indirect = found.indirect;

  if (p.flip) {
    [source, target] = [target, source];
    how.push('flipped');
  }

  const reciprocal = reciprocalAfter(view, trigger.end);
  const mutual = p.mutual || reciprocal;
  if (mutual) return mutualSides(view, trigger, source, target, between, how, indirect, lightVerb);
  if (between && !target) {
    target = between;
    how.push('target:between');
  }
  if (source && isIndirect(source)) indirect++;
  if (target && isIndirect(target)) indirect++;
  return { sources: source?.members ?? [], targets: target?.members ?? [], mutual: false, how, indirect, lightVerb, partners: NO_PARTNERS };
}

/** What the verb or noun rules found: the sides before flipping and the mutual rule. */
interface Found {
  source: Party | null;
  target: Party | null;
  between: Party | null;
  lightVerb: boolean;
  indirect: number;
}

/** A verb trigger's subject and object (passive, reduced relative and infinitive readings). */
function verbSides(view: SentenceView, trigger: Trigger, how: string[]): Found {
  const p = trigger.pattern;
  let indirect = 0;
  let source: Party | null = null;
  let target: Party | null = null;
  const subject = subjectOf(view, trigger.first);
  if (trigger.passive && p.ownObject && subject && trigger.objectAt >= 0 && trigger.objectAt < trigger.first) {
    // "Russian peacekeepers were withdrawn from Azerbaijan": the troops' owner withdrew them.
    source = subject.party;
    how.push('source:passive-owner');
    const object = objectAfter(view, trigger.end, p.preps, false);
    if (object) {
      target = object.party;
      how.push(`target:${object.prep}`);
    }
  } else if (trigger.passive) {
    // "The agreement, signed by X": a reduced relative's subject is the noun it follows, no actor of the clause.
    target = trigger.reduced ? null : (subject?.party ?? null);
    if (target) how.push('target:passive-subject');
    source = phraseAfter(view, trigger.end, 'by');
    if (source) how.push('source:by');
  } else if (trigger.reduced) {
    // "treaties signed in the 20th century": no agent named.
    const object = objectAfter(view, trigger.end, p.preps, false);
    if (object && object.prep !== 'by') {
      target = object.party;
      how.push(`target:${object.prep}`);
    }
  } else {
    if (subject) {
      source = subject.party;
      how.push(`source:${subject.how}`);
      if (!DIRECT_SUBJECTS.has(subject.how)) indirect++;
    }
    const preps = p.mutual ? p.preps.filter((x) => MUTUAL_PREPS.has(x)) : p.preps;
    let object = objectAfter(view, trigger.end, preps, true, source?.members ?? NO_MEMBERS);
    // "rushed tens of thousands of soldiers to the frontier": one's own troops are what is moved, not the target.
    if (object && p.ownObject && object.party.first <= trigger.objectAt && trigger.objectAt <= object.party.last) {
      object = objectAfter(view, object.party.last + 1, preps, false, source?.members ?? NO_MEMBERS);
    }
    const complement = p.type === 'REQUEST' && !object ? complementSubject(view, trigger.end) : null;
    if (object) {
      target = object.party;
      how.push(`target:${object.prep ?? 'object'}`);
    } else if (complement) {
      target = complement;
      how.push('target:complement-subject');
    } else {
      const antecedent = relativeAntecedent(view, trigger.first);
      if (antecedent && antecedent !== source) {
        target = antecedent;
        how.push('target:relative-antecedent');
      }
    }
  }
  const between = phraseAfter(view, trigger.end, 'between');
  return { source, target, between, lightVerb: false, indirect };
}

/** A noun trigger's possessor, its prepositional phrases, and the verb that carries it. */
function nounSides(view: SentenceView, trigger: Trigger, how: string[]): Found {
  const p = trigger.pattern;
  let indirect = 0;
  let target: Party | null = null;
  let lightVerb = false;
  let source = possessorOf(view, trigger.first);
  const between = attachedPhrase(view, trigger.end, 'between');
  if (source) how.push(`source:${source.possessive ? 'possessor' : 'modifier'}`);
  // "the formalization of their partnership": the owner of the pattern's object word.
  if (!source && trigger.objectAt > trigger.first) {
    source = possessorOf(view, trigger.objectAt);
    if (source) how.push('source:object-possessor');
  }
  const preps = p.mutual ? p.nominalPreps.filter((x) => MUTUAL_PREPS.has(x)) : p.nominalPreps;
  const object = objectAfter(view, trigger.end, preps, false, source?.members ?? NO_MEMBERS);
  if (object && object.prep !== 'by' && object.prep !== 'between') {
    target = object.party;
    how.push(`target:${object.prep}`);
  }
  if (!source) {
    const agent = attachedPhrase(view, trigger.end, 'by');
    if (agent) {
      source = agent;
      how.push('source:by');
    }
  }
  const verb = governingVerb(view, trigger.first);
  if (!source && verb?.light) {
    const subject = subjectOf(view, verb.at);
    if (subject) {
      source = subject.party;
      how.push('source:light-verb-subject');
      lightVerb = true;
      if (!DIRECT_SUBJECTS.has(subject.how)) indirect++;
    }
    // "gave the Ivory Coast ... aid": the actor between the light verb and the noun receives it.
    if (!target) {
      const receiver = view.parties.find((q) => q.first > verb.at && q.last < trigger.first && governorOf(view.tokens, q.first, verb.at + 1).direct);
      if (receiver) {
        target = receiver;
        how.push('target:indirect-object');
      }
    }
  }
  // "Pakistan received emergency aid from the United States": the giver comes through "from".
  if (!source && verb?.recipient) {
    const giver = phraseAfter(view, trigger.end, 'from');
    const subject = giver ? subjectOf(view, verb.at) : null;
    if (giver && subject && subject.party !== giver) {
      source = giver;
      target = subject.party;
      how.push('source:from', 'target:recipient-verb-subject');
    }
  }
  // "Ankara's request to buy jets from the United States": asked of whoever the infinitive takes from.
  if (source && !target && p.type === 'REQUEST') {
    const asked = fromBeyondInfinitive(view, trigger.end);
    if (asked) {
      target = asked;
      how.push('target:from');
    }
  }
  if (source && !target && verb?.recipient) {
    const subject = subjectOf(view, verb.at);
    if (subject && subject.party !== source) {
      target = subject.party;
      how.push('target:recipient-verb-subject');
      indirect++;
    }
  }

  return { source, target, between, lightVerb, indirect };
}

/** Both sides of a mutual act are sources: the parties found, the explicit pair, the participants, or the pair in focus. */
function mutualSides(view: SentenceView, trigger: Trigger, source: Party | null, target: Party | null, between: Party | null, how: string[], indirect: number, lightVerb: boolean): Attribution {
  const p = trigger.pattern;
  // "normalising relations between Saudi Arabia and Israel": an explicit pair is the whole of it.
  const parties: Party[] = [];
  if (between && codeCount(between.members) >= 2) parties.push(between);
  else for (const x of [source, target, between]) if (x !== null) parties.push(x);
  let members: ActorRef[] = [];
  for (const x of parties) for (const m of x.members) members.push(m);
  if (between) how.push('mutual:between');
  // "Yoon and Kishida joined Biden at Camp David for the summit": who joins and whom they join take part.
  if (!trigger.verbal && codeCount(members) < 2) {
    const joined = participants(view, trigger.first);
    if (joined.length > codeCount(members)) {
      members = joined;
      how.push('mutual:participants');
    }
  }
  // "treaties signed in the 20th century": a participle without an agent says nothing of who.
  if (members.length === 0 && !trigger.reduced) {
    const pair = sentencePair(view, trigger);
    if (pair) {
      members = pair.members;
      how.push('mutual:sentence-pair');
      indirect++;
    } else {
      // "The dissolution of the Soviet Union in 1991 marked a turning point, fostering trade and military
      // cooperation" after a sentence about Russia and Iran: the pair in focus, one of them named here. Only
      // for material cooperation: talks, deals and wars named without parties are often other parties'.
      const inFocus = p.type === 'COOPERATE' ? focusPair(view, trigger) : [];
      if (inFocus.length === 2) {
        members = inFocus;
        how.push('mutual:pair-in-focus');
        indirect++;
      }
    }
  }
  for (const x of parties) if (isIndirect(x)) indirect++;
  const partners = new Set(source && target && !between && members.length > 2 ? target.members : []);
  return { sources: members, targets: [], mutual: true, how, indirect, lightVerb, partners };
}
