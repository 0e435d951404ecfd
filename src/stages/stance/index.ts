// stance: each sentence's stance on relations between actors — cooperation,
// distrust, mixed or neutral — from a cue lexicon (data/stance/cues.json) and
// relation frames (data/stance/relations.json, relations.ts) composed with
// negation, reversal, concession, hedging, demands, intensity and attribution
// (compose.ts), plus whom the sentence is about and whether it speaks of
// history. The label rule (judge) lets the main clause decide. General sentiment is the wrong instrument here: it scores
// "deepened their cooperation" 0 and "Western sanctions" as the pair's quarrel.
//
// `about`: the actors mentioned in the sentence (roles kept: RUSGOV), plus the
// article's main pair when the sentence says "both nations", "the two sides", or
// continues with "they"/"their" right after a sentence about the pair. Left out:
// an actor named only as the holder of a third-party cue ("against U.S.
// pressure"), and a third country named as a place ("efforts in Syria") when the
// sentence already has a pair.
import { layer, type ArticleDoc, type DateMention, type Mention, type SentenceSpan, type SentenceStance, type StanceCue, type StanceLabel, type Token } from '../../article.js';
import { defineStage } from '../../stage.js';
import { actorMentions, countryOf, mainPair, sortedCodes, type ActorMention } from './actors.js';
import { composeCues, findCues, sentenceStructure, type ComposedCue, type SentenceContext } from './compose.js';
import { judgeHistorical, referenceYear } from './historical.js';
import { AMBIVALENCE_GROUP, stanceLexicon, type Polarity } from './lexicon.js';
import { STAGE_VERSIONS } from '../../versions.js';

export const STANCE_VERSION = STAGE_VERSIONS.stance; // bump it in src/versions.ts

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Evidence for one polarity from its cues: noisy-OR, so repeats add less and it stays within 0..1. */
export function combine(weights: readonly number[]): number {
  let miss = 1;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    miss *= 1 - Math.min(1, Math.abs(w));
  }
  return 1 - miss;
}

export interface Verdict {
  label: StanceLabel;
  score: number;
  confidence: number;
  cooperation: number;
  distrust: number;
}

/** What the label rule reads of a cue. */
export interface JudgedCue {
  weight: number;
  modifiers?: readonly string[];
  rule?: string;
}

// What the label rule reads of a cue's modifiers, as bits.
const UNCERTAIN = 1;
const SUBORDINATE = 2; // background or concessive: sets the scene for the main clause
const CONCESSIVE = 4;
const CONTRAST_SUBORDINATE = 8;

function modifierBits(c: JudgedCue): number {
  const modifiers = c.modifiers;
  if (modifiers === undefined) return 0;
  let bits = 0;
  for (let i = 0; i < modifiers.length; i++) {
    const m = modifiers[i];
    if (m === 'uncertain') bits |= UNCERTAIN;
    else if (m === 'background') bits |= SUBORDINATE;
    else if (m === 'concessive') bits |= SUBORDINATE | CONCESSIVE;
    else if (m === 'contrast-subordinate') bits |= CONTRAST_SUBORDINATE;
  }
  return bits;
}

/** A cue's share of the evidence it does not give: 1 - |w| (0 at most). */
const missOf = (weight: number): number => 1 - Math.min(1, Math.abs(weight));

/** The polarity evidence says on its own (missing cooperation and distrust), or null when it says too little. */
function sideOf(cooperationMiss: number, distrustMiss: number, neutralBelow: number): Polarity | null {
  const cooperation = 1 - cooperationMiss;
  const distrust = 1 - distrustMiss;
  return Math.max(cooperation, distrust) < neutralBelow ? null : cooperation > distrust ? 'cooperation' : 'distrust';
}

const AMBIVALENCE_RULE = `cue:${AMBIVALENCE_GROUP}`;

/**
 * The label rule. The main clause decides when it says anything (at least
 * CONFIG.neutralBelow): background and concessive cues then only colour the
 * dyads, so "lifted a curfew in Montenegro where 28 people have been killed" is
 * the lifting. Over the deciding cues: neutral below the floor (or when all
 * the evidence sits in a concessive part); mixed when a cue describes the
 * relation as both at once ("remain complex"), when the two sides of a "but" say
 * opposite things, each on its own, or when the weaker side is at least
 * CONFIG.mixedRatio of the stronger; otherwise the stronger. score = (c - d) /
 * (c + d + k) over the deciding cues. Cues in an uncertain clause ("whether ...
 * remains unclear") assert nothing and are left out. Confidence grows with
 * evidence and agreement, and drops for hedged sentences.
 *
 * Evidence is the noisy-OR of the weights (combine): one pass gathers, for the
 * foreground cues and for all of them, what they miss of each polarity, also
 * before and after a "but".
 */
export function judge(all: readonly JudgedCue[], hedged: boolean): Verdict {
  const { config } = stanceLexicon();
  let count = 0;
  let conceded = 0;
  // Misses of cooperation (c) and distrust (d): all cues, and the foreground; before a "but" and after it.
  let c = 1, d = 1, cBefore = 1, dBefore = 1, cAfter = 1, dAfter = 1;
  let fc = 1, fd = 1, fcBefore = 1, fdBefore = 1, fcAfter = 1, fdAfter = 1;
  let ambivalent = false;
  let ambivalentForeground = false;
  for (let i = 0; i < all.length; i++) {
    const cue = all[i];
    const bits = modifierBits(cue);
    // "Whether they will restore relations remains unclear" asserts nothing either way.
    if ((bits & UNCERTAIN) !== 0) continue;
    count++;
    if ((bits & CONCESSIVE) !== 0) conceded++;
    const w = cue.weight;
    const miss = missOf(w);
    const before = (bits & CONTRAST_SUBORDINATE) !== 0;
    const foreground = (bits & SUBORDINATE) === 0;
    const isAmbivalent = cue.rule === AMBIVALENCE_RULE;
    if (isAmbivalent) ambivalent = true;
    if (w > 0) {
      c *= miss;
      if (before) cBefore *= miss;
      else cAfter *= miss;
    } else if (w < 0) {
      d *= miss;
      if (before) dBefore *= miss;
      else dAfter *= miss;
    }
    if (!foreground) continue;
    if (isAmbivalent) ambivalentForeground = true;
    if (w > 0) {
      fc *= miss;
      if (before) fcBefore *= miss;
      else fcAfter *= miss;
    } else if (w < 0) {
      fd *= miss;
      if (before) fdBefore *= miss;
      else fdAfter *= miss;
    }
  }
  const speaks = Math.max(1 - fc, 1 - fd) >= config.neutralBelow;
  const cooperation = speaks ? 1 - fc : 1 - c;
  const distrust = speaks ? 1 - fd : 1 - d;
  const strong = Math.max(cooperation, distrust);
  const weak = Math.min(cooperation, distrust);
  const score = round3((cooperation - distrust) / (cooperation + distrust + config.scoreSmoothing));
  // "Despite the friction, both governments tried to keep relations calm": a concession
  // alone does not say what the main clause asserts (it is usually the opposite).
  const onlyConceded = count > 0 && conceded === count;
  // "X, but Y" where X and Y say opposite things, each on its own: both hold.
  const beforeSide = speaks ? sideOf(fcBefore, fdBefore, config.neutralBelow) : sideOf(cBefore, dBefore, config.neutralBelow);
  const afterSide = speaks ? sideOf(fcAfter, fdAfter, config.neutralBelow) : sideOf(cAfter, dAfter, config.neutralBelow);
  const contrasted = beforeSide !== null && afterSide !== null && beforeSide !== afterSide;
  let label: StanceLabel;
  if (strong < config.neutralBelow || onlyConceded) label = 'neutral';
  else if ((speaks ? ambivalentForeground : ambivalent) || contrasted || weak >= config.mixedRatio * strong) label = 'mixed';
  else label = cooperation > distrust ? 'cooperation' : 'distrust';

  let confidence: number;
  if (label === 'neutral') confidence = count === 0 ? 0.6 : 0.4;
  else {
    const evidence = 1 - Math.exp(-2 * (cooperation + distrust));
    const fit = label === 'mixed' ? (strong === 0 ? 0 : weak / strong) : (strong - weak) / strong;
    confidence = evidence * (0.5 + 0.5 * fit) * (hedged ? 0.8 : 1);
  }
  return { label, score, confidence: round3(confidence), cooperation: round3(cooperation), distrust: round3(distrust) };
}

const isCapitalised = (text: string): boolean => /^\p{Lu}/u.test(text);

/** A title-case line without final punctuation (a headline): capitalised words there are not names. */
function isHeadline(tokens: readonly Token[]): boolean {
  if (tokens.length === 0) return false;
  const last = tokens[tokens.length - 1].text;
  if (last === '.' || last === '!' || last === '?') return false;
  let words = 0;
  let capitalised = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!/^\p{L}{4,}/u.test(t.text)) continue;
    words++;
    if (isCapitalised(t.text)) capitalised++;
  }
  return words >= 2 && capitalised >= 0.6 * words;
}

export interface StanceDetail extends SentenceStance {
  cues: ComposedCue[];
  /** Country-level actors the sentence is about, for third-party tests. */
  focal: string[];
  cooperation: number;
  distrust: number;
}

/** Words that join two named countries into the pair a sentence is about: "Iran and Venezuela", "U.S.-Iran". */
const COORDINATORS = new Set(['and', '-', '–', '—', '&', '/']);

/** The first two countries a sentence coordinates, sorted, or null. */
function coordinatedPair(toks: readonly Token[], tokenActor: readonly (string | null)[]): [string, string] | null {
  let lastCountry: string | null = null;
  let lastEnd = 0;
  for (let k = 0; k < toks.length; k++) {
    const actor = tokenActor[k];
    if (actor === null) continue;
    const country = countryOf(actor);
    if (lastCountry !== null && country !== lastCountry && isCoordination(toks, lastEnd, k)) {
      return lastCountry < country ? [lastCountry, country] : [country, lastCountry];
    }
    lastCountry = country;
    lastEnd = k + 1;
  }
  return null;
}

/** One or two tokens [from, to) that coordinate: "and", "-", "and the". */
function isCoordination(toks: readonly Token[], from: number, to: number): boolean {
  if (to - from < 1 || to - from > 2 || !COORDINATORS.has(toks[from].normal)) return false;
  for (let k = from + 1; k < to; k++) if (!COORDINATORS.has(toks[k].normal) && toks[k].normal !== 'the') return false;
  return true;
}

/** The first token in [from, to) that starts at or after `offset` (tokens sorted by start), or `to`. */
function firstTokenFrom(tokens: readonly Token[], from: number, to: number, offset: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Per token of the article, 1 when an entity mention (coded or not) covers it. */
function coveredTokens(tokens: readonly Token[], mentions: readonly Mention[]): Uint8Array {
  const out = new Uint8Array(tokens.length);
  for (let i = 0; i < mentions.length; i++) {
    const x = mentions[i];
    for (let k = firstTokenFrom(tokens, 0, tokens.length, x.start); k < tokens.length && tokens[k].start < x.end; k++) if (tokens[k].end <= x.end) out[k] = 1;
  }
  return out;
}

/** Per token of a sentence, the actor of the first of its mentions covering it, or null. */
function coveringActors(toks: readonly Token[], own: readonly ActorMention[], ownFirst: readonly number[]): (string | null)[] {
  const out = new Array<string | null>(toks.length).fill(null);
  for (let j = 0; j < own.length; j++) {
    const x = own[j];
    for (let k = ownFirst[j]; k >= 0 && k < toks.length && toks[k].start < x.end; k++) if (out[k] === null && toks[k].end <= x.end) out[k] = x.actor;
  }
  return out;
}

/** Country-level codes of some actor codes. */
function countriesOf(codes: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const c of codes) out.add(countryOf(c));
  return out;
}

/**
 * In a sentence naming three or more countries ("Beijing views with suspicion
 * India's membership of the Quad, a grouping with the United States, Japan and
 * Australia"), a cue concerns the actors of its own clause: record them in the
 * cue's `about` so the dyads stage does not pair every country with every other.
 * A clause naming fewer than two countries ("but the collapse of the Soviet Union
 * opened a path for improved relations") speaks of the article's main pair when
 * the sentence names both of them, and is left to the sentence otherwise.
 */
function narrowToClauses(
  cues: ComposedCue[],
  participants: readonly ActorMention[],
  /** Each participant's first token (-1 when none). */
  participantFirst: readonly number[],
  clause: readonly number[],
  pair: readonly [string, string] | null,
): void {
  const byClause = new Map<number, Set<string>>();
  const all = new Set<string>();
  for (let j = 0; j < participants.length; j++) {
    const m = participants[j];
    const k = participantFirst[j];
    const c = k < 0 ? -1 : clause[k];
    let actors = byClause.get(c);
    if (actors === undefined) byClause.set(c, (actors = new Set()));
    actors.add(m.actor);
    all.add(countryOf(m.actor));
  }
  const pairNamed = pair !== null && all.has(pair[0]) && all.has(pair[1]);
  for (let i = 0; i < cues.length; i++) {
    const cue = cues[i];
    if (cue.about !== undefined || cue.modifiers.includes('third-party')) continue;
    const here = byClause.get(clause[cue.first]) ?? new Set<string>();
    const countries = countriesOf(here);
    if (countries.size >= 2) {
      if (countries.size < all.size) cue.about = sortedCodes(here);
    } else if (pairNamed && [...countries].every((c) => pair.includes(c))) {
      cue.about = sortedCodes([...pair, ...here]);
    }
  }
}

/** What one article gives every sentence: its actors, main pair, dates and reference year. */
interface ArticleContext {
  text: string;
  tokens: readonly Token[];
  dates: readonly DateMention[];
  /** Mentions with an actor, by offset. */
  mentions: readonly ActorMention[];
  /** Per token, 1 when an entity mention covers it. */
  inEntity: Uint8Array;
  pair: [string, string] | null;
  nowYear: number | null;
  /** Reading position in `mentions`, moved forward sentence by sentence. */
  nextMention: number;
  /** Country-level actors of the previous sentence. */
  previousFocal: ReadonlySet<string>;
}

/** Stance of every sentence of an article (index-aligned with its sentences). */
export function analyseStance(doc: ArticleDoc): StanceDetail[] {
  const { sentences, tokens } = layer(doc, 'segments');
  const dates = doc.layers.dates ?? [];
  const entities = doc.layers.entities ?? [];
  const mentions = actorMentions(entities);
  const allMentions: Mention[] = [];
  for (let i = 0; i < entities.length; i++) for (let j = 0; j < entities[i].mentions.length; j++) allMentions.push(entities[i].mentions[j]);
  const article: ArticleContext = {
    text: doc.text,
    tokens,
    dates,
    mentions,
    inEntity: coveredTokens(tokens, allMentions),
    pair: mainPair(mentions),
    nowYear: referenceYear(doc.published, dates),
    nextMention: 0,
    previousFocal: new Set<string>(),
  };
  const out: StanceDetail[] = [];
  for (let i = 0; i < sentences.length; i++) out.push(analyseSentence(article, sentences[i]));
  return out;
}

function analyseSentence(article: ArticleContext, sentence: SentenceSpan): StanceDetail {
  const lexicon = stanceLexicon();
  const { mentions, pair } = article;
  const toks = article.tokens.slice(sentence.firstToken, sentence.endToken);
  const words = lexicon.words.sentence(toks);

  // Mentions inside this sentence, by offset, each with its first token (-1 when none).
  const own: ActorMention[] = [];
  const ownFirst: number[] = [];
  let m = article.nextMention;
  while (m < mentions.length && mentions[m].start < sentence.start) m++;
  article.nextMention = m;
  for (let k = m; k < mentions.length && mentions[k].start < sentence.end; k++) {
    own.push(mentions[k]);
    const first = firstTokenFrom(toks, 0, toks.length, mentions[k].start);
    ownFirst.push(first < toks.length ? first : -1);
  }
  const tokenActor = coveringActors(toks, own, ownFirst);
  const inEntity = article.inEntity.subarray(sentence.firstToken, sentence.endToken);

  // About: its own actors, plus the main pair when it refers to "both nations" or
  // continues with "they"/"their" after a sentence about the pair.
  const about = new Set<string>();
  let focal = new Set<string>();
  for (let j = 0; j < own.length; j++) {
    const country = countryOf(own[j].actor);
    // "efforts in Syria": a place, unless it is one of the article's pair ("the revolution in Iran").
    const k = ownFirst[j];
    if (k > 0 && lexicon.locativePrepositions.has(toks[k - 1].normal) && !(pair !== null && pair.includes(country))) continue;
    about.add(own[j].actor);
    focal.add(country);
  }
  if (pair) {
    const refersToPair = lexicon.matchers.pairReferences.findAll(words).length > 0;
    const continuesPair = focal.size < 2 && continuesWithPronoun(toks, lexicon.pairPronouns) && article.previousFocal.has(pair[0]) && article.previousFocal.has(pair[1]);
    if (refersToPair || continuesPair) {
      about.add(pair[0]).add(pair[1]);
      focal.add(pair[0]).add(pair[1]);
    }
  }
  // A place still counts when the sentence needs it for a pair at all.
  if (focal.size < 2) {
    for (let j = 0; j < own.length; j++) {
      about.add(own[j].actor);
      focal.add(countryOf(own[j].actor));
    }
  }

  const ctx: SentenceContext = {
    text: article.text,
    tokens: toks,
    words,
    tokenActor,
    inEntity,
    headline: isHeadline(toks),
    mainPair: pair,
    pair: coordinatedPair(toks, tokenActor) ?? pair,
    focal,
  };
  // Clauses and regions matter only to cues: a sentence without any skips them.
  const found = findCues(ctx);
  const structure = found.length > 0 ? sentenceStructure(toks, words) : null;
  const cues = structure !== null ? composeCues(ctx, structure, found) : [];
  // An actor named only as the holder of a third-party cue ("against U.S. pressure") is not
  // what the sentence is about; the cue's own `about` keeps it.
  if (hasHolder(cues)) focal = dropHolders(own, toks, cues, about);
  if (focal.size >= 3) {
    const participants: ActorMention[] = [];
    const participantFirst: number[] = [];
    for (let j = 0; j < own.length; j++) {
      if (!about.has(own[j].actor)) continue;
      participants.push(own[j]);
      participantFirst.push(ownFirst[j]);
    }
    if (structure !== null) narrowToClauses(cues, participants, participantFirst, structure.clause, pair);
  }
  let hedged = false;
  for (let j = 0; j < cues.length; j++) {
    const modifiers = cues[j].modifiers;
    if (modifiers.includes('hedged') || modifiers.includes('intended') || modifiers.includes('uncertain')) hedged = true;
  }
  const verdict = judge(cues, hedged);
  const sentenceDates: DateMention[] = [];
  for (let j = 0; j < article.dates.length; j++) {
    const d = article.dates[j];
    if (d.start >= sentence.start && d.end <= sentence.end) sentenceDates.push(d);
  }
  const { historical } = judgeHistorical(words, sentenceDates, article.nowYear);
  article.previousFocal = focal;

  return {
    label: verdict.label,
    score: verdict.score,
    confidence: verdict.confidence,
    cues,
    about: sortedCodes(about),
    hedged,
    historical,
    focal: sortedCodes(focal),
    cooperation: verdict.cooperation,
    distrust: verdict.distrust,
  };
}

/** "they", "their" as pronouns. */
function continuesWithPronoun(toks: readonly Token[], pronouns: ReadonlySet<string>): boolean {
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.pos === 'PRON' && pronouns.has(t.normal)) return true;
  }
  return false;
}

function hasHolder(cues: readonly ComposedCue[]): boolean {
  for (let i = 0; i < cues.length; i++) {
    const c = cues[i];
    if (c.holderToken !== undefined) return true;
  }
  return false;
}

/** Leaves out of `about` the actors named only as holders of third-party cues; the sentence's countries then. */
function dropHolders(own: readonly ActorMention[], toks: readonly Token[], cues: readonly ComposedCue[], about: Set<string>): Set<string> {
  const named = new Set<string>();
  for (let i = 0; i < own.length; i++) if (!coversHolder(toks, cues, own[i])) named.add(own[i].actor);
  for (let i = 0; i < own.length; i++) if (!named.has(own[i].actor)) about.delete(own[i].actor);
  return countriesOf(about);
}

/** Whether a mention covers the holder token of one of the cues. */
function coversHolder(toks: readonly Token[], cues: readonly ComposedCue[], x: ActorMention): boolean {
  for (let i = 0; i < cues.length; i++) {
    const c = cues[i];
    if (c.holderToken === undefined) continue;
    const t = toks[c.holderToken];
    if (x.start <= t.start && t.end <= x.end) return true;
  }
  return false;
}

/** The public layer: the contract's fields only, in a fixed key order. */
function toLayer(detail: StanceDetail): SentenceStance {
  const cues: StanceCue[] = [];
  for (let i = 0; i < detail.cues.length; i++) {
    const c = detail.cues[i];
    cues.push(
      c.about !== undefined
        ? { start: c.start, end: c.end, text: c.text, polarity: c.polarity, weight: c.weight, base: c.base, modifiers: c.modifiers, rule: c.rule, about: c.about }
        : { start: c.start, end: c.end, text: c.text, polarity: c.polarity, weight: c.weight, base: c.base, modifiers: c.modifiers, rule: c.rule },
    );
  }
  return {
    label: detail.label,
    score: detail.score,
    confidence: detail.confidence,
    cues,
    about: detail.about,
    hedged: detail.hedged,
    historical: detail.historical,
  };
}

export const stanceStage = defineStage({
  name: 'stance',
  version: STANCE_VERSION,
  needs: ['segments', 'dates', 'entities'],
  provides: 'stance',
  run: (doc: ArticleDoc) => {
    const details = analyseStance(doc);
    const out: SentenceStance[] = [];
    for (let i = 0; i < details.length; i++) out.push(toLayer(details[i]));
    return { layer: out };
  },
});
