// events: dyadic PLOVER events. For every sentence: triggers from the pattern
// dictionary (triggers.ts), source and target from the sentence's shape
// (roles.ts, actors.ts, clauses.ts), mode from cues (modality.ts), the date
// that governs the trigger (timing.ts); then refiners: the PLOVER intent rule,
// one record per trigger and actor pair, duplicates within a sentence merged,
// a deterministic order (sentence, trigger start, actors) and stable ids.
//
// Conventions, documented:
//   - A mutual event (cooperate, meet, war, "between A and B") is one record
//     with source and target sorted by actor code; its rule says `mutual`.
//     "Putin and Pezeshkian are formalizing ..." → source IRNGOV, target RUSGOV.
//   - A directed event with a compound side ("both nations ... prop up Assad")
//     gives one record per member (RUS→Assad, IRN→Assad), as event coders do.
//   - An event needs a source, except ASSAULT and COERCE, which keep a named
//     victim alone at low confidence; COOPERATE, AID and SANCTION (and patterns
//     marked requiresTarget) need a target. A target coded like its source
//     ("French farmers would blockade Paris") is dropped, the act kept as
//     domestic; a consultation with one party only ("the cabinet met") is no
//     dyadic event and is dropped.
//   - PLOVER intent rule: a cooperative act announced for the future ("will
//     meet", "plans to send aid") is recoded AGREE, a conflictual material act
//     THREATEN (mode stays future); a cooperative act refused or announced as
//     not happening ("refused to negotiate", "said it would not meet the
//     demands") is recoded REJECT, asserted. The rule keeps the original type.
//   - stance: the sentence's stance score when the stance stage found cues,
//     else the event's own tone, intensity / 10.
//   - A conditional announcement ("will withdraw its force unless ...") is an
//     ultimatum: THREATEN, whatever the announced act; a conflictual act
//     announced on a condition, hedged or not ("could impose tariffs ... if he
//     wins"), is a THREATEN too, its mode kept.
//   - A reported obligation ("Mubarak said the US must mediate") is a REQUEST
//     from the reporter to the one who must act.
//   - Content is no event of its own: what is demanded ("urged Azerbaijan to
//     withdraw"), wished ("aspires to procure"), alleged ("accused Turkish jets
//     of violating ..."), threatened ("warned that any intervention would be
//     treated as war"), an example of an event just named ("including a 1993
//     accord"), the toll of an attack (", killing five people"); an act
//     recoded by the intent rule folds into the statement that announces it
//     ("agreed to meet again next month" is one AGREE).
//   - Actors the entities stage leaves uncoded (groups.ts): unnamed groups
//     ("police", "protesters", "the junta") and titled persons take a role
//     from data/events/groups.json and titles, a country from the context.
//   - The article's main pair completes an act: a directed cooperative or
//     verbal act by one of them with no target of its own is aimed at the
//     other when the sentence names it ("Seoul threatened to let the pact
//     lapse" after "Japan tightened controls on exports to South Korea"); an
//     attack noun with a target of the pair and no source is the other's ("the
//     invasion of Ukraine" in a sentence about Russia); the pair as subject
//     ("both sides rushed soldiers") acts toward each other; material
//     cooperation named without parties, in a sentence naming one of the pair
//     while the pair is in focus, is the pair's.
//   - A state's protest is an official complaint (ACCUSE), its blockade COERCE.
//   - Coding choices the dictionary makes (data/events/patterns.json):
//     formalizing a partnership is AGREE (a commitment still being made;
//     signing or ratifying a treaty is SUPPORT, as PLOVER says); "unite" is
//     COOPERATE and "prop up X" AID (material backing, as PLOVER codes military
//     aid), so "both nations united to prop up President Assad" gives
//     COOPERATE IRN–RUS and AID IRN→SYRGOV, RUS→SYRGOV; "military intervention(s)" is
//     ASSAULT, a plain "intervene" COERCE; a war or conflict between two
//     parties is a mutual ASSAULT.
//   - Dates and the historical flag: see timing.ts ("Presently" resolves to the
//     publication date with basis sentence; coordinated centuries keep the
//     earliest value; historical = ends more than 10 years before publication).
//   - confidence: 0.7 for a verb trigger or a noun carried by a light verb
//     ("launched an invasion"), 0.55 for another noun; +0.1 when the pattern's
//     object was present; -0.1 per side found indirectly (anaphor, shared
//     subject, sentence pair); -0.15 with one actor only; -0.1 when future,
//     -0.15 when hypothetical or negated; clamped to [0.05, 0.95].
import type { ArticleDoc, DateMention, Diagnostic, EventActor, EventMode, EventRecord, PloverCategory, SentenceSpan, SentenceStance, Token } from '../../article.js';
import { layer } from '../../article.js';
import { defineStage } from '../../stage.js';
import { countryOf, isCountryBased } from '../stance/actors.js';
import { governorOf, inOrder, mainDyad, mentionsBySentence, mereplace, partiesOf, resolveAnaphors, sentenceSubject, spanOf, uncodedPersons, type ActorRef, type Dyad } from './actors.js';
import { dominantCountry, groupRefs } from './groups.js';
import { clausesOf } from './clauses.js';
import { ACCUSATION_VERBS, CATEGORIES, GATE_BITS, TERMS_NOUNS, THREAT_WHEN_ANNOUNCED, TOPIC_NOUNS, type CategoryInfo } from './dictionary.js';
import { modeOf, sentenceCues, type CueHit, type ModeResult } from './modality.js';
import { attribute, clauseAt, codeCount, subjectOf, type Attribution, type SentenceView } from './roles.js';
import { datesOfSentence, eventDate, governingDate, isAfterPublication, isHistorical, type DatedSentence } from './timing.js';
import { findTriggers, SentenceScope, type Trigger } from './triggers.js';
import { anyGate, tokenLookup, type TokenLookup } from './tokens.js';
import { STAGE_VERSIONS } from '../../versions.js';

export const EVENTS_VERSION = STAGE_VERSIONS.events; // bump it in src/versions.ts

const MAX_RECORDS_PER_TRIGGER = 6;

/** An event before ids and ordering, with what the refiners need to rank duplicates. */
interface Draft {
  /** The record, its id given when the records are final. */
  record: EventRecord;
  verbal: boolean;
  indirect: number;
  dateInClause: boolean;
  /** Mode for merging: a recoded intent is a statement made now. */
  mergeMode: EventMode;
  /** Both sides are sources: either actor may stand on either side when records are compared. */
  mutual: boolean;
  /** The type comes from the intent rule, not from the trigger itself ("agreed to meet": the meeting). */
  recoded: boolean;
}

function actorOf(ref: ActorRef): EventActor {
  return { actor: ref.actor, name: ref.name, start: ref.start, end: ref.end, text: ref.text };
}

/** Code-unit order: locale-independent, so output is byte-identical everywhere. */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const round = (x: number, places: number): number => Math.round(x * 10 ** places) / 10 ** places;

/**
 * One record per actor pair of an attribution: the members of a mutual event
 * pairwise, sorted by code, except two members of its other side ("Ukraine
 * signed with Turkey and the UN": Ukraine with each, not Turkey with the UN);
 * directed sides crossed.
 */
function actorPairs(sources: ActorRef[], targets: ActorRef[], mutual: boolean, type: PloverCategory, partners: ReadonlySet<ActorRef> = new Set()): [ActorRef | null, ActorRef | null][] {
  const pairs: [ActorRef | null, ActorRef | null][] = [];
  // Each pair once, by codes, at most MAX_RECORDS_PER_TRIGGER.
  const add = (s: ActorRef | null, t: ActorRef | null): void => {
    if (pairs.length >= MAX_RECORDS_PER_TRIGGER) return;
    for (const [ps, pt] of pairs) if ((ps?.actor ?? '') === (s?.actor ?? '') && (pt?.actor ?? '') === (t?.actor ?? '')) return;
    pairs.push([s, t]);
  };
  if (mutual) {
    // The first ref of each code, codes in order.
    const firsts: ActorRef[] = [];
    for (const r of sources) if (!firsts.some((f) => f.actor === r.actor)) firsts.push(r);
    if (firsts.length > 1) firsts.sort((a, b) => cmp(a.actor, b.actor));
    // A consultation with one party ("the cabinet met") is no dyadic event; other mutual acts may be reported one-sided.
    if (firsts.length === 1 && type !== 'CONSULT') add(firsts[0], null);
    for (let i = 0; i < firsts.length; i++) for (let j = i + 1; j < firsts.length; j++) if (!(partners.has(firsts[i]) && partners.has(firsts[j]))) add(firsts[i], firsts[j]);
  } else {
    // A target coded like its source ("French farmers blockade Paris") is a domestic act: the source alone.
    if (sources.length === 0) {
      if (targets.length === 0) add(null, null);
      else for (const t of targets) add(null, t);
    } else for (const s of sources) {
      if (targets.length === 0) add(s, null);
      else for (const t of targets) add(s, s.actor === t.actor ? null : t);
    }
  }
  return pairs;
}

/** PLOVER's intent rule: announced cooperation is AGREE, announced material conflict THREATEN, refused cooperation REJECT. */
function recode(type: PloverCategory, mode: EventMode, intent: boolean, ultimatum: boolean, conditional: boolean): { type: PloverCategory; mode: EventMode } | null {
  // "could impose tariffs ... if he wins": a conflictual act announced on a condition is a threat, hedged or not.
  if (conditional && (mode === 'future' || mode === 'hypothetical') && THREAT_WHEN_ANNOUNCED.has(type)) return { type: 'THREATEN', mode };
  if (!intent) return null;
  const cooperative = CATEGORIES[type].polarity === 'cooperative';
  // "will withdraw its force unless ...": a conditional announcement is an ultimatum.
  if (mode === 'future' && ultimatum && type !== 'THREATEN') return { type: 'THREATEN', mode };
  if (mode === 'future' && cooperative && type !== 'AGREE') return { type: 'AGREE', mode };
  if (mode === 'future' && THREAT_WHEN_ANNOUNCED.has(type)) return { type: 'THREATEN', mode };
  if (mode === 'negated' && cooperative) return { type: 'REJECT', mode: 'asserted' };
  return null;
}

function confidenceOf(trigger: Trigger, lightVerb: boolean, indirect: number, actors: number, mode: EventMode): number {
  let c = trigger.verbal || lightVerb ? 0.7 : 0.55;
  if (trigger.object) c += 0.1;
  c -= 0.1 * indirect;
  if (actors < 2) c -= 0.15;
  if (mode === 'future') c -= 0.1;
  else if (mode !== 'asserted') c -= 0.15;
  return round(Math.min(0.95, Math.max(0.05, c)), 2);
}

function stanceOf(st: SentenceStance | undefined, intensity: number): number {
  if (st && st.label !== 'neutral' && st.cues.length > 0) return round(st.score, 2);
  return round(Math.max(-1, Math.min(1, intensity / 10)), 2);
}

/**
 * "during the 18th and 19th centuries when the Russian Empire expanded": a
 * "when" clause right after a date is dated by it, so the clause is widened
 * back over that date.
 */
function whenClause(ctx: SentenceContext, clause: { first: number; end: number; kind: string }): { first: number; end: number } {
  if (clause.kind !== 'subordinate' || ctx.tokens[clause.first]?.normal !== 'when') return clause;
  const k = ctx.dated.at.findIndex((at, i) => at < clause.first && ctx.dated.mentions[i].end >= ctx.tokens[clause.first - 1].start);
  if (k < 0) return clause;
  // Take the coordinated dates in too ("the 18th and 19th centuries"): start at the first of the run.
  let from = k;
  while (from > 0 && ctx.tokens[ctx.dated.at[from]].start - ctx.dated.mentions[from - 1].end <= 5) from--;
  return { first: ctx.dated.at[from], end: clause.end };
}

/** The trigger's verb is in the simple present ("recognises", "back"): no past auxiliary, no past form. */
function presentTense(tokens: readonly Token[], trigger: Trigger): boolean {
  if (!trigger.verbal) return false;
  const verb = tokens.slice(trigger.first, trigger.end).find((t) => t.pos === 'VERB');
  if (!verb) return false;
  const lemma = verb.lemma.toLowerCase();
  if (verb.normal !== lemma && verb.normal !== `${lemma}s` && verb.normal !== `${lemma}es` && verb.normal !== `${lemma.replace(/y$/, 'ies')}`) return false;
  for (let j = trigger.first - 1; j >= 0 && j >= trigger.first - 3; j--) {
    const t = tokens[j];
    if (t.pos === 'AUX') return !/^(did|had|was|were|would|could|might)$/.test(t.normal);
    // "to settle": an infinitive takes its time from the verb that governs it.
    if (t.pos === 'PART' && t.normal === 'to') return false;
    if (t.pos !== 'ADV' && t.pos !== 'PART') break;
  }
  return true;
}

/** Better evidence first: direct over inferred actors, a trigger that says the type itself, a verb over a noun, a date in the clause, confidence, then earlier. */
function better(a: Draft, b: Draft): boolean {
  if (a.indirect !== b.indirect) return a.indirect < b.indirect;
  if (a.recoded !== b.recoded) return b.recoded;
  if (a.verbal !== b.verbal) return a.verbal;
  if (a.dateInClause !== b.dateInClause) return a.dateInClause;
  if (a.record.confidence !== b.record.confidence) return a.record.confidence > b.record.confidence;
  return a.record.trigger.start < b.record.trigger.start;
}

export function extractEvents(doc: ArticleDoc): { events: EventRecord[]; diagnostics: Diagnostic[] } {
  const { sentences, tokens } = layer(doc, 'segments');
  const dates = layer(doc, 'dates');
  const entities = layer(doc, 'entities');
  const stance = layer(doc, 'stance');
  const published = doc.published;
  const dyad = mainDyad(entities);
  const mentions = mentionsBySentence(entities, tokens, sentences);
  const uncoded = uncodedPersons(entities, tokens, sentences);
  const groupContext = { dominant: dominantCountry(entities), dyad, persons: new Map<string, { actor: string; country: string | null; rule: string }>() };
  const lookup = tokenLookup(tokens);
  const gates = lookup.gates;

  const drafts: Draft[] = [];
  let focus = false;
  let previousSubject: ActorRef | null = null;
  for (const s of sentences) {
    // Unnamed groups ("police", "protesters") and uncoded titled persons join the coded mentions.
    const groups = groupRefs(tokens, s, mentions[s.index], uncoded[s.index], groupContext, gates);
    const named =
      groups.refs.length === 0 ? mentions[s.index] : withGroups(mentions[s.index], groups.refs, groups.absorbed);
    const { refs, reciprocals, focus: nextFocus } = resolveAnaphors(named, tokens, s, { dyad, focusBefore: focus, previousSubject, gates });
    const inFocus = focus ? dyad : null;
    focus = nextFocus;
    previousSubject = sentenceSubject(refs, tokens, s);
    // A sentence no trigger word opens has no event, nor one without actors (no side of an event can be found):
    // its actors only carry the focus and the subject on.
    if (refs.length === 0 || !anyGate(lookup, GATE_BITS.trigger, s.firstToken, s.endToken)) continue;
    sentenceDrafts(doc, s, lookup, named, refs, reciprocals, inFocus, new SentenceContext(s, tokens, dates, gates, stance[s.index], published, dyad), drafts);
  }
  return { events: refine(doc.id, drafts), diagnostics: [] };
}

/** The drafts of one sentence with actors and trigger words: its clauses, triggers, parties, then each trigger's. */
function sentenceDrafts(
  doc: ArticleDoc,
  s: SentenceSpan,
  lookup: TokenLookup,
  named: readonly ActorRef[],
  refs: readonly ActorRef[],
  reciprocals: { first: number; last: number }[],
  focus: Dyad | null,
  ctx: SentenceContext,
  drafts: Draft[],
): void {
  const tokens = ctx.tokens;
  const clauses = clausesOf(tokens, s.firstToken, s.endToken, lookup.gates);
  const scope = new SentenceScope(s.firstToken, s.endToken, clauses, named);
  const triggers = findTriggers(tokens, s.firstToken, s.endToken, scope, lookup);
  if (triggers.length === 0) return;
  const view: SentenceView = { index: s.index, first: s.firstToken, end: s.endToken, tokens, clauses, clauseIndex: scope.indexes(), parties: partiesOf(refs, tokens), reciprocals, triggers, focus };
  for (const trigger of triggers) draftsFor(doc, view, trigger, ctx, drafts);
}

const byStartLongest = (a: ActorRef, b: ActorRef): number => a.start - b.start || b.end - a.end;

/** The coded mentions but those a group absorbed, and the groups, in text order (longer first at one start). */
function withGroups(mentions: readonly ActorRef[], groups: readonly ActorRef[], absorbed: ReadonlySet<ActorRef>): ActorRef[] {
  const refs: ActorRef[] = [];
  for (const r of mentions) if (!absorbed.has(r)) refs.push(r);
  for (const r of groups) refs.push(r);
  return inOrder(refs, byStartLongest) ? refs : refs.sort(byStartLongest);
}

/**
 * What the drafts of one sentence share. The cues, dates and clause facts are
 * worked out on first use: a sentence whose triggers find no actors needs none.
 */
class SentenceContext {
  readonly evidence: EventRecord['evidence'];
  private cues_: CueHit[] | null = null;
  private dated_: DatedSentence | null = null;
  private firstVerb_ = -1;
  private conditional_: boolean | null = null;
  constructor(
    private readonly sentence: SentenceSpan,
    readonly tokens: readonly Token[],
    private readonly dates: readonly DateMention[],
    readonly gates: Uint16Array,
    readonly stance: SentenceStance | undefined,
    readonly published: string | null,
    readonly dyad: Dyad | null,
  ) {
    this.evidence = { sentence: sentence.index, start: sentence.start, end: sentence.end, text: sentence.text };
  }
  get cues(): CueHit[] {
    return (this.cues_ ??= sentenceCues(this.tokens, this.sentence.firstToken, this.sentence.endToken, this.gates));
  }
  get dated(): DatedSentence {
    return (this.dated_ ??= datesOfSentence(this.dates, this.sentence.index, this.tokens, this.sentence.firstToken, this.sentence.endToken));
  }
  /** The sentence's first verb or auxiliary (its end when it has none): a token before it opens the sentence. */
  get firstVerb(): number {
    if (this.firstVerb_ < 0) this.firstVerb_ = firstVerbOf(this.tokens, this.sentence.firstToken, this.sentence.endToken);
    return this.firstVerb_;
  }
  /** The sentence states a condition ("if", "unless"). */
  get conditional(): boolean {
    return (this.conditional_ ??= someNormal(this.tokens, this.sentence.firstToken, this.sentence.endToken, 'if', 'unless'));
  }
}

function firstVerbOf(tokens: readonly Token[], first: number, end: number): number {
  for (let i = first; i < end; i++) if (tokens[i].pos === 'VERB' || tokens[i].pos === 'AUX') return i;
  return end;
}

/** Some token of [from, to) is lower-cased `a` or `b`. */
function someNormal(tokens: readonly Token[], from: number, to: number, a: string, b: string): boolean {
  for (let i = from; i < to; i++) if (tokens[i].normal === a || tokens[i].normal === b) return true;
  return false;
}

const PLACE_PREPS = new Set(['in', 'at', 'near', 'across', 'throughout', 'inside', 'into', 'within', 'around']);

/**
 * "Japan tightened controls on exports to South Korea, and Seoul threatened to
 * let the pact lapse": a directed act of one of the article's two main actors
 * that names no target of its own is aimed at the other, when the sentence
 * names that other (not as a mere place).
 */
function dyadPartner(view: SentenceView, sources: readonly ActorRef[], dyad: Dyad | null): ActorRef | null {
  if (!dyad || sources.length === 0) return null;
  const own = new Set(sources.map((r) => r.country));
  const mine = own.size === 1 ? [...own][0] : null;
  if (!mine || !dyad.codes.includes(mine)) return null;
  const other = dyad.codes[0] === mine ? dyad.codes[1] : dyad.codes[0];
  for (const p of view.parties) {
    // "condemned the war in Gaza": a place the act happens in is no partner.
    if (PLACE_PREPS.has(governorOf(view.tokens, p.first, view.first).prep ?? '')) continue;
    for (const m of p.members) if (m.country === other && !mereplace(m)) return m;
  }
  return null;
}

/**
 * "accused Turkish jets of violating Greek airspace", "accusing Beijing of
 * stealing ... and forcing ...": what an accusation alleges is its content, not
 * an event the text reports.
 */
function allegedContent(tokens: readonly Token[], gates: Uint16Array, trigger: Trigger, floor: number): boolean {
  if (trigger.verbal && !tokens[trigger.first].normal.endsWith('ing')) return false;
  for (let j = trigger.first - 1; j >= floor && j >= trigger.first - 14; j--) {
    const t = tokens[j];
    if ((gates[j] & GATE_BITS.accusationVerb) !== 0 && ACCUSATION_VERBS.has(t.lemma.toLowerCase())) return someNormal(tokens, j + 1, trigger.first, 'of', 'of');
    if (t.pos === 'AUX' || (t.pos === 'VERB' && !t.normal.endsWith('ing'))) return false;
  }
  return false;
}

/** "agreements signed in the 1990s, including a 1993 accord": an example of an event already named is not another one. */
function example(tokens: readonly Token[], trigger: Trigger, floor: number): boolean {
  if (trigger.verbal) return false;
  for (let j = trigger.first - 1; j >= floor && j >= trigger.first - 5; j--) {
    const t = tokens[j];
    if (t.normal === 'including' || (t.normal === 'as' && tokens[j - 1]?.normal === 'such')) return true;
    if (!(t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'NUM' || t.pos === 'NOUN' || t.pos === 'PROPN')) return false;
  }
  return false;
}

/**
 * "opened fire on protesters ..., killing at least five people", "fired water
 * cannon at a boat ..., injuring several crew members": a participle clause
 * telling the toll of an attack is that attack, not another one.
 */
function consequence(view: SentenceView, trigger: Trigger): boolean {
  const c = clauseAt(view, trigger.first);
  const clause = view.clauses[c];
  if (!trigger.verbal || clause.kind !== 'participial' || c === 0 || trigger.pattern.type !== 'ASSAULT') return false;
  const before = view.clauses[c - 1];
  return view.triggers.some((t) => t.first >= before.first && t.first < before.end && t.pattern.type === 'ASSAULT');
}

/**
 * "warned ECOWAS that any intervention would be treated as a declaration of
 * war", "threatened to let the pact lapse", "warned NATO against sending
 * troops": what a threat announces is its content; the threat is the event.
 */
function threatContent(view: SentenceView, trigger: Trigger): boolean {
  let threat: Trigger | null = null;
  for (let k = view.triggers.length - 1; k >= 0 && !threat; k--) {
    const t = view.triggers[k];
    if (t.end <= trigger.first && t.verbal && t.pattern.type === 'THREATEN') threat = t;
  }
  if (!threat || trigger.first - threat.end > 16) return false;
  // "warned Athens that its forces may come, and Greek officials accused …": a clause with a subject of its
  // own, joined after the threat, tells another act.
  const clause = view.clauses[clauseAt(view, trigger.first)];
  if (clause.kind === 'coordinate' && !clause.inherits && clause.first > threat.end) return false;
  let opens = false;
  for (let j = threat.end; j < trigger.first; j++) {
    const t = view.tokens[j];
    if (t.text === ';' || (t.pos === 'CCONJ' && t.normal === 'but')) return false;
    // "warned NATO against sending troops": what a warning advises against is its content too.
    if (t.normal === 'that' || (t.pos === 'PART' && t.normal === 'to') || (t.normal === 'against' && view.tokens[j + 1]?.normal.endsWith('ing'))) opens = true;
  }
  return opens;
}

/** "filed a genocide case", "an attack probe", "war fears": an event noun that only names the topic of the noun after it. */
function topicOnly(view: SentenceView, trigger: Trigger): boolean {
  if (trigger.verbal || trigger.end >= view.end) return false;
  const next = view.tokens[trigger.end];
  return next.pos === 'NOUN' && TOPIC_NOUNS.has(next.normal);
}

/**
 * "signed a defence pact allowing troops on each other's soil", "vetoed a
 * resolution calling for a ceasefire": a participle right after a noun for
 * what was agreed or proposed tells its terms, not an act of its own.
 */
function agreementTerms(view: SentenceView, trigger: Trigger): boolean {
  if (!trigger.verbal || !view.tokens[trigger.first].normal.endsWith('ing')) return false;
  // After a comma the participle follows the clause, not the noun: "refused to extend the Initiative, ending …".
  const j = trigger.first - 1;
  return j >= view.first && TERMS_NOUNS.has(view.tokens[j].lemma.toLowerCase());
}

/**
 * "Hungary rejected an EU aid package", "vetoed new sanctions": a material act
 * named in the object of a rejection is what was refused, not an act that
 * happened. A verbal one was made all the same ("rejected ECOWAS's demands").
 */
function rejectedContent(view: SentenceView, trigger: Trigger): boolean {
  if (trigger.verbal || !CATEGORIES[trigger.pattern.type].quadClass.startsWith('MATERIAL')) return false;
  for (let k = view.triggers.length - 1; k >= 0; k--) {
    const t = view.triggers[k];
    if (t.end > trigger.first) continue;
    if (!t.verbal || t.pattern.type !== 'REJECT' || trigger.first - t.end > 6) return false;
    for (let j = t.end; j < trigger.first; j++) {
      const w = view.tokens[j];
      if (w.pos === 'VERB' || w.pos === 'AUX' || w.pos === 'PUNCT' || w.pos === 'ADP') return false;
    }
    return true;
  }
  return false;
}

/**
 * "Washington blamed Iran, which denied any role": a rejection in a relative
 * clause whose antecedent was just accused answers the accuser; null otherwise.
 */
function answeredAccuser(view: SentenceView, trigger: Trigger, sources: readonly ActorRef[]): ActorRef | null {
  const clause = view.clauses[clauseAt(view, trigger.first)];
  if (clause.kind !== 'relative' || sources.length === 0) return null;
  // By country: "Ukraine accused Russia of …, a charge Moscow denied" (RUS accused, RUSGOV denies).
  const accused = new Set(sources.map((r) => countryOf(r.actor)));
  for (let k = view.triggers.length - 1; k >= 0; k--) {
    const t = view.triggers[k];
    if (t.end > clause.first || t.pattern.type !== 'ACCUSE') continue;
    const accusation = attribute(view, t);
    if (accusation.sources.length > 0 && accusation.targets.some((r) => accused.has(countryOf(r.actor)))) return accusation.sources[0];
    return null;
  }
  return null;
}

/**
 * A state actor: a country, its government, armed forces, police, legislature
 * or courts; one of those roles without a country ("COP" for police no country
 * was found for). A role alone that is not the state ("OPP" for protesters) is none.
 */
function isState(actor: string): boolean {
  if (STATE_ROLES.has(actor)) return true;
  return isCountryBased(actor) && (actor.length === 3 || STATE_ROLES.has(actor.slice(3)));
}
const STATE_ROLES = new Set(['GOV', 'MIL', 'COP', 'LEG', 'JUD', 'SPY']);

/** Who takes part in a trigger's act, after the coding rules that depend on the parties. */
interface Sides {
  attribution: Attribution;
  type: PloverCategory;
  info: CategoryInfo;
  mutual: boolean;
  sources: ActorRef[];
  targets: ActorRef[];
  how: string[];
  indirect: number;
}

/** When and how (mode) a trigger's act happens. */
interface Timing {
  modality: ModeResult;
  mode: EventMode;
  intent: boolean;
  governing: ReturnType<typeof governingDate>;
  date: EventRecord['date'];
  historical: boolean;
}

/**
 * The drafts of one trigger, pushed onto `out`: its parties (sidesOf), then,
 * when it has any, its mode and date (timingOf) and its records. (Small steps:
 * each is compiled and optimised on its own.)
 */
function draftsFor(doc: ArticleDoc, view: SentenceView, trigger: Trigger, ctx: SentenceContext, out: Draft[]): void {
  const clauseFirst = view.clauses[clauseAt(view, trigger.first)].first;
  if (
    allegedContent(ctx.tokens, ctx.gates, trigger, clauseFirst) ||
    example(ctx.tokens, trigger, clauseFirst) ||
    consequence(view, trigger) ||
    threatContent(view, trigger) ||
    rejectedContent(view, trigger) ||
    agreementTerms(view, trigger) ||
    topicOnly(view, trigger)
  ) {
    return;
  }
  const sides = sidesOf(view, trigger, ctx);
  // No actor on either side: no record, and no request (whose demanded actors are the sources).
  if (sides.sources.length === 0 && sides.targets.length === 0) return;
  const timing = timingOf(doc, view, trigger, ctx);
  const span = spanOf(ctx.tokens, trigger.first, trigger.end - 1);
  const triggerSpan = { start: span.start, end: span.end, text: span.text };
  pushRecords(doc, view, trigger, ctx, sides, timing, triggerSpan, out);
  // "Mubarak said the US must mediate": the reporter demands the act of the one who must act.
  const m = timing.modality;
  if (m.mode === 'hypothetical' && m.cueKind === 'request' && m.reporter >= 0 && m.reporter < trigger.first) pushRequests(doc, view, trigger, ctx, sides, timing, triggerSpan, out);
}

function sidesOf(view: SentenceView, trigger: Trigger, ctx: SentenceContext): Sides {
  const p = trigger.pattern;
  const attribution = attribute(view, trigger);
  let mutual = attribution.mutual;
  let type = p.type;
  // "French and Egyptian warships launched war games": joint exercises are cooperation.
  if (p.ifMutual && codeCount(attribution.sources) >= 2) {
    type = p.ifMutual;
    mutual = true;
  }
  // "Manila summoned the ambassador to protest": a state's protest is an official complaint.
  if (p.ifState && attribution.sources.length > 0 && attribution.sources.every((r) => isState(r.actor))) type = p.ifState;
  const info = CATEGORIES[type];
  let sources = attribution.sources;
  let targets = attribution.targets;
  const how = [...attribution.how];
  let indirect = attribution.indirect;
  const codes = codeCount(sources);
  const accuser = !mutual && targets.length === 0 && type === 'REJECT' ? answeredAccuser(view, trigger, sources) : null;
  if (!mutual && targets.length === 0 && codes >= 2 && sources.every((r) => r.kind === 'pair')) {
    // "Both sides then rushed soldiers to the frontier", "the two leaders endorsed the arrangement": the pair acts toward each other.
    mutual = true;
    how.push('mutual:pair-subject');
  } else if (accuser) {
    // "Washington blamed Iran, which denied any role": the denial answers the accuser.
    targets = [accuser];
    how.push('target:accuser');
  } else if (!mutual && targets.length === 0 && !p.requiresTarget && info.quadClass !== 'MATERIAL_CONFLICT') {
    // Not for attacks ("when Turkey invaded": whom is told elsewhere), nor for triggers that need their own object.
    const partner = dyadPartner(view, sources, ctx.dyad);
    if (partner) {
      targets = [partner];
      how.push('target:dyad-partner');
      indirect++;
    }
  } else if (mutual && codes === 1 && how.includes('source:by') && type !== 'CONSULT') {
    // "The agreement, signed by Ali Shamkhani ... and Saudi national security adviser Musaed al-Aiban": the other party of a mutual act.
    const partner = dyadPartner(view, sources, ctx.dyad);
    if (partner) {
      sources = [...sources, partner];
      how.push('mutual:dyad-partner');
      indirect++;
    }
  }
  if (!mutual && sources.length === 0 && targets.length > 0 && !trigger.verbal && info.sourceOptional) {
    // "the full-scale invasion of Ukraine" in a sentence about Russia: the other main actor is the one who invades.
    const partner = dyadPartner(view, targets, ctx.dyad);
    if (partner) {
      sources = [partner];
      how.push('source:dyad-partner');
      indirect++;
    }
  }
  return { attribution, type, info, mutual, sources, targets, how, indirect };
}

function timingOf(doc: ArticleDoc, view: SentenceView, trigger: Trigger, ctx: SentenceContext): Timing {
  const c = clauseAt(view, trigger.first);
  const clause = view.clauses[c];
  const modality = modeOf(ctx.cues, ctx.tokens, trigger, clause, c > 0 ? view.clauses[c - 1] : null);
  // A date elsewhere in the sentence may date the trigger from a main clause; between two main-level clauses
  // with subjects of their own ("..., and the EU is conducting ...") only a date opening the sentence does.
  const ownSubject = (clause.kind === 'main' || clause.kind === 'coordinate') && !clause.inherits;
  const opensSentence = (i: number): boolean => i <= ctx.firstVerb;
  // "The initiative was signed ... on July 22, 2022, in two documents: Ukraine signed ...": a colon elaborates what came before.
  const elaborates = clause.first > view.first && ctx.tokens[clause.first - 1].text === ':';
  const inMainClause = (i: number): boolean => {
    const kind = view.clauses[clauseAt(view, i)].kind;
    return (kind === 'main' || kind === 'coordinate') && (!ownSubject || elaborates || opensSentence(i));
  };
  let governing = governingDate(ctx.dated, ctx.tokens, doc.text, trigger, whenClause(ctx, clause), inMainClause);
  // A present-tense verb ("Turkey recognises ..., and talks collapsed in 2017") is not dated by a past date of another clause.
  if (governing && !governing.inClause && presentTense(ctx.tokens, trigger) && !isAfterPublication(governing.mention.value, ctx.published)) governing = null;
  let mode = modality.mode;
  let intent = modality.intent;
  if (mode === 'asserted' && governing?.inClause && isAfterPublication(governing.mention.value, ctx.published)) {
    mode = 'future';
    intent = true;
  }
  const date = eventDate(governing?.mention ?? null, ctx.published);
  const historical = governing ? isHistorical(governing.historicalValue, ctx.published) : (ctx.stance?.historical ?? false);
  return { modality, mode, intent, governing, date, historical };
}

/** One record per actor pair of the trigger (the content of a demand or a wish gives none). */
function pushRecords(doc: ArticleDoc, view: SentenceView, trigger: Trigger, ctx: SentenceContext, sides: Sides, timing: Timing, triggerSpan: EventRecord['trigger'], out: Draft[]): void {
  const p = trigger.pattern;
  const { attribution, type, info, mutual, how, indirect } = sides;
  const { modality, mode, intent, governing, date, historical } = timing;
  // "urged Azerbaijan to withdraw its troops", "aspires to procure hardware": the content of a demand or a wish is
  // no event of its own (the demand is: its own trigger, or the reporter's REQUEST).
  if (modality.cueKind === 'request' || modality.cueKind === 'desire') return;
  const pairs = actorPairs(sides.sources, sides.targets, mutual, type, attribution.partners);
  const ultimatum = someNormal(ctx.tokens, trigger.end, view.end, 'unless', 'unless');
  // The intent rule and the provenance do not depend on the pair: worked out once, for the first record kept.
  let recoded: { type: PloverCategory; mode: EventMode } | null = null;
  let rule = '';
  for (const [source, target] of pairs) {
    if (!source && !target) continue;
    if (!target && (info.recipient === 'required' || p.requiresTarget)) continue;
    if (!source && !info.sourceOptional) continue;
    if (rule === '') {
      recoded = recode(type, mode, intent, ultimatum, ctx.conditional);
      rule = `pattern:${p.id}`;
      if (trigger.object) rule += `|object:${trigger.object}`;
      if (mutual) rule += '|mutual';
      for (const h of how) rule += `|${h}`;
      if (modality.cue) rule += `|mode:${modality.cue}`;
      if (recoded) rule += `|intent:${type}->${recoded.type}`;
    }
    const finalType = recoded?.type ?? type;
    const finalMode = recoded?.mode ?? mode;
    const intensity = recoded ? CATEGORIES[finalType].intensity : p.intensity;
    const actors = (source ? 1 : 0) + (target ? 1 : 0);
    out.push({
      record: {
        id: '',
        articleId: doc.id,
        published: doc.published,
        date,
        source: source ? actorOf(source) : null,
        target: target ? actorOf(target) : null,
        type: finalType,
        quadClass: CATEGORIES[finalType].quadClass,
        intensity: round(intensity, 1),
        stance: stanceOf(ctx.stance, intensity),
        mode: finalMode,
        historical,
        trigger: triggerSpan,
        evidence: ctx.evidence,
        confidence: confidenceOf(trigger, attribution.lightVerb, indirect, actors, finalMode),
        rule,
      },
      verbal: trigger.verbal || attribution.lightVerb,
      indirect,
      dateInClause: governing?.inClause ?? false,
      mergeMode: recoded ? 'asserted' : finalMode,
      mutual,
      recoded: recoded !== null,
    });
  }
}

/** "Mubarak said the US must mediate": a REQUEST from the reporter to each actor that must act. */
function pushRequests(doc: ArticleDoc, view: SentenceView, trigger: Trigger, ctx: SentenceContext, sides: Sides, timing: Timing, triggerSpan: EventRecord['trigger'], out: Draft[]): void {
  const p = trigger.pattern;
  const { attribution } = sides;
  const { modality, governing, date, historical } = timing;
  const reporter = subjectOf(view, modality.reporter);
  const demanded = new Map(attribution.sources.map((r) => [r.actor, r] as const));
  const requests: [ActorRef, ActorRef][] = [];
  for (const r of reporter?.party.members ?? []) for (const q of demanded.values()) if (r.actor !== q.actor) requests.push([r, q]);
  for (const [source, target] of requests.slice(0, MAX_RECORDS_PER_TRIGGER)) {
    const indirect = attribution.indirect + 1;
    out.push({
      record: {
        id: '',
        articleId: doc.id,
        published: doc.published,
        date,
        source: actorOf(source),
        target: actorOf(target),
        type: 'REQUEST',
        quadClass: CATEGORIES.REQUEST.quadClass,
        intensity: CATEGORIES.REQUEST.intensity,
        stance: stanceOf(ctx.stance, CATEGORIES.REQUEST.intensity),
        mode: 'asserted',
        historical,
        trigger: triggerSpan,
        evidence: ctx.evidence,
        confidence: confidenceOf(trigger, attribution.lightVerb, indirect, 2, 'asserted'),
        rule: [`pattern:${p.id}`, `request:${modality.cue}->REQUEST`, 'source:reporter-subject', 'target:demanded-actor'].join('|'),
      },
      verbal: trigger.verbal,
      indirect,
      dateInClause: governing?.inClause ?? false,
      mergeMode: 'asserted',
      mutual: false,
      recoded: true,
    });
  }
}

/** The record's actors at country level, in a fixed order for mutual records. */
function pairKey(d: Draft): [string, string] {
  const source = d.record.source ? countryOf(d.record.source.actor) : '-';
  const target = d.record.target ? countryOf(d.record.target.actor) : '-';
  return d.mutual && target < source ? [target, source] : [source, target];
}

/** A draft with its country-level pair, worked out once. */
interface Keyed {
  draft: Draft;
  pair: [string, string];
}

/** Same sentence, type and country-level pair: the same statement. */
const sameStatement = (a: Keyed, b: Keyed): boolean =>
  a.draft.record.evidence.sentence === b.draft.record.evidence.sentence && a.draft.record.type === b.draft.record.type && a.pair[0] === b.pair[0] && a.pair[1] === b.pair[1];

/** The same statement with the same mode and date: the same act told twice. */
const sameAct = (a: Keyed, b: Keyed): boolean => sameStatement(a, b) && a.draft.mergeMode === b.draft.mergeMode && a.draft.record.date.value === b.draft.record.date.value;

/**
 * A two-sided record `full` says what the one-sided `d` says, with more: same
 * sentence, type and mode, and d's one actor on the same side (either side
 * when `full` is mutual).
 */
function subsumes(full: Draft, d: Draft): boolean {
  const f = full.record;
  const r = d.record;
  if (!f.source || !f.target || f.evidence.sentence !== r.evidence.sentence || f.type !== r.type || full.mergeMode !== d.mergeMode) return false;
  if (r.target === null && r.source) return f.source.actor === r.source.actor || (full.mutual && f.target.actor === r.source.actor);
  if (r.source === null && r.target) return f.target.actor === r.target.actor || (full.mutual && f.source.actor === r.target.actor);
  return false;
}

/**
 * Merges duplicates within a sentence, orders deterministically and gives ids.
 * Drafts come sentence by sentence, and every comparison is within a sentence:
 * each draft is compared with those of its sentence only.
 */
function refine(articleId: string, drafts: Draft[]): EventRecord[] {
  // Country-level actors: "Manila summoned China's ambassador to protest against what it called dangerous actions"
  // is one complaint of PHLGOV's whether its target reads CHN or CHNGOV; another date is another act.
  const best: Keyed[] = [];
  let from = 0;
  for (const draft of drafts) {
    const k: Keyed = { draft, pair: pairKey(draft) };
    if (best.length > from && best[best.length - 1].draft.record.evidence.sentence !== draft.record.evidence.sentence) from = best.length;
    let held = -1;
    for (let j = from; j < best.length && held < 0; j++) if (sameAct(best[j], k)) held = j;
    if (held < 0) best.push(k);
    else if (better(draft, best[held].draft)) best[held] = k;
  }
  // An act recoded by the intent rule repeats the statement it is made in ("agreed to meet again next month",
  // "agreed to ... share real-time data"): it folds into another record of the sentence with its type and actors.
  // The statement's best record is `told`; a record that is not, where either is recoded, goes.
  const told = (k: Keyed): Keyed => {
    let kept: Keyed | null = null;
    for (const other of best) if (sameStatement(other, k) && (!kept || better(other.draft, kept.draft))) kept = other;
    return kept!;
  };
  const merged: Draft[] = [];
  for (const k of best) {
    const kept = told(k);
    if (!(kept !== k && (k.draft.recoded || kept.draft.recoded))) merged.push(k.draft);
  }
  // A record missing a side is subsumed by one of the same sentence, type and mode that has it
  // ("Iran refused to negotiate with the U.S.": REJECT IRN→USA makes REJECT IRN→- redundant).
  const kept: EventRecord[] = [];
  for (const d of merged) {
    let subsumed = false;
    if (!d.record.source || !d.record.target) for (const full of merged) if (full !== d && subsumes(full, d)) subsumed = true;
    if (!subsumed) kept.push(d.record);
  }
  kept.sort(
    (a, b) =>
      a.evidence.sentence - b.evidence.sentence ||
      a.trigger.start - b.trigger.start ||
      cmp(a.source?.actor ?? '', b.source?.actor ?? '') ||
      cmp(a.target?.actor ?? '', b.target?.actor ?? '') ||
      cmp(a.type, b.type),
  );
  // Records of one trigger are adjacent in that order: the k-th after the first is `.k`.
  let k = 0;
  for (let n = 0; n < kept.length; n++) {
    const r = kept[n];
    k = n > 0 && kept[n - 1].trigger.start === r.trigger.start ? k + 1 : 0;
    r.id = `${articleId}:${r.trigger.start}${k > 0 ? `.${k}` : ''}`;
  }
  return kept;
}

export const eventsStage = defineStage({
  name: 'events',
  version: EVENTS_VERSION,
  needs: ['segments', 'dates', 'entities', 'stance'],
  provides: 'events',
  run: (doc) => {
    const { events, diagnostics } = extractEvents(doc);
    return { layer: events, diagnostics };
  },
});
