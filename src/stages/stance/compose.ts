// Composition: what a cue says once its sentence is read around it. Each rule
// is a scope (which tokens a modifier reaches) plus an effect on the cue's
// weight or polarity, recorded in the cue's `modifiers`:
//   negated      wink's negation flag, a negator ("lack of"), a negated predicate after a cue
//                noun ("trust has not been restored"), or doubt about its clause ("it is
//                unlikely that ...", "few believe that ...") flips the cue, weaker
//   reversed     a predicate that undoes its object ("lift sanctions", "hinder cooperation");
//                a refusal reaches the whole object ("rejected an offer to host a summit"); an
//                'after' predicate undoes its subject across a prepositional phrase ("talks
//                between A and B over the islands collapsed")
//   hedged / intended / requested / uncertain   modality ("may", "appears"), aims, requests,
//                "whether ... remains unclear" (asserts nothing)
//   demanded     a demand ("demanded that", "said that X must"), or a concession requested of
//                someone ("called on the president to resign"): pressure, so a cooperation cue
//                under it counts as distrust
//   intensified / diminished        "lingering distrust", "ties deepened", "remains fragile"
//   historical   "historical mistrust", "once rivals"
//   concessive / contrast-subordinate / background   the part of the sentence the cue sits in;
//                appositions (", once rivals in a nuclear race,") are background
//   third-party  the cue is held by an actor outside the pair the sentence is about ("Western
//                sanctions", "pressure from Beijing"), or aimed at one ("wary of China")
// Before composing, some cues are set aside: a cue noun's topic ("a dispute over trade"),
// cooperation alleged, feared or denied ("accused Doha of supporting", "wary of the
// partnership"), a word naming a kind ("trade volume"), an ambivalent adjective in front of a
// noun ("a complex alliance"). Relation frames (relations.ts) add cues of their own ("close
// political ties", "relations have thawed").
// Shared-adversary framing ("faced common adversaries", "against common threats")
// is a phrase of its own in the lexicon: cooperation between the actors who share
// the adversary, not distrust, since the conflict is with someone else. A cue
// held by that someone else ("U.S. pressure") is third-party and weighs little
// for the pair; its `about` names the holder so the dyads stage credits it there.
import type { StanceCue, Token } from '../../article.js';
import {
  stanceLexicon,
  type CueEntry,
  type Hedge,
  type Intensifier,
  type PhraseHit,
  type Polarity,
  type ReversalFlips,
  type SentenceWords,
} from './lexicon.js';
import { countryOf } from './actors.js';
import { findRelationFrames, skipInterjection, skipPhaseVerb, type RelationFrame } from './relations.js';

/** A cue entry that is a cue (not a blocker). */
export type LiveCue = CueEntry & { polarity: Polarity };

export type Region = 'concessive' | 'contrast-subordinate' | 'background';

/** What composition needs to know about one sentence. */
export interface SentenceContext {
  /** The article's text: cue spans point into it. */
  text: string;
  tokens: readonly Token[];
  /** The tokens as the matchers see them. */
  words: SentenceWords;
  /** Actor of the entity mention covering each token, or null. */
  tokenActor: readonly (string | null)[];
  /** 1 where a token lies inside any entity mention (coded or not). */
  inEntity: Uint8Array;
  /** Title-case line without final punctuation: capitalised words are not names here. */
  headline: boolean;
  /** The article's main pair (country codes), if any. */
  mainPair: readonly [string, string] | null;
  /**
   * The pair this sentence is about: two countries it coordinates ("Iran and Venezuela",
   * "between Tokyo and Manila"), else the article's main pair. Third parties are judged against it.
   */
  pair?: readonly [string, string] | null;
  /** Country-level actors this sentence is about (mentioned or referred to). */
  focal: ReadonlySet<string>;
}

export interface Structure {
  clause: number[];
  region: (Region | null)[];
}

/** Punctuation that opens a clause. */
const BOUNDARY_PUNCTS: ReadonlySet<string> = new Set([',', ';', ':', '(', ')', '[', ']', '–', '—', '...']);
const isBoundaryPunct = (text: string): boolean => BOUNDARY_PUNCTS.has(text);

const isCommaLike = (text: string): boolean => text === ',' || text === ';' || text === ':';
/** . ; : ! ? */
const isStop = (text: string): boolean => text === '.' || text === ';' || text === ':' || text === '!' || text === '?';
const CONTRAST_WORDS = new Set(['but', 'yet']);

/** "on Feb. 6, 2023": the comma of a date ends nothing. */
function isDateComma(tokens: readonly Token[], k: number): boolean {
  return tokens[k].text === ',' && k > 0 && tokens[k - 1].pos === 'NUM' && k + 1 < tokens.length && /^\d{4}$/.test(tokens[k + 1].text);
}

/** Where a concessive or background part starting at `from` ends: the next comma, or a "but". */
function nextComma(tokens: readonly Token[], from: number): number {
  for (let k = from; k < tokens.length; k++) {
    const t = tokens[k];
    if (isCommaLike(t.text) && !isDateComma(tokens, k)) return k;
    if (t.pos === 'CCONJ' && CONTRAST_WORDS.has(t.normal)) return k;
  }
  return tokens.length;
}

function markRegion(region: (Region | null)[], from: number, to: number, r: Region): void {
  for (let k = from; k < to; k++) if (region[k] === null) region[k] = r;
}

/** "not only ... but also" adds, it does not contrast. */
function followsNotOnly(tokens: readonly Token[], at: number): boolean {
  // The words before can only say "not only" when one of them holds "only": the text is built then.
  let only = false;
  for (let k = 0; k < at && !only; k++) only = tokens[k].normal.includes('only');
  return only && saysNotOnly(tokens, at);
}

function saysNotOnly(tokens: readonly Token[], at: number): boolean {
  const before = tokens.slice(0, at).map((x) => x.normal).join(' ');
  return /\bnot only\b/.test(before);
}

/** Clauses (scopes for modifiers) and regions (concessive, contrast, background) of a sentence. */
export function sentenceStructure(tokens: readonly Token[], words: SentenceWords): Structure {
  const { matchers, clauseOpeners } = stanceLexicon();
  const n = tokens.length;
  const opensClause = new Array<boolean>(n).fill(false);
  const region = new Array<Region | null>(n).fill(null);

  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    if (BOUNDARY_PUNCTS.has(t.text)) opensClause[i] = true;
    else if (clauseOpeners.has(t.normal) && t.pos !== 'ADV' && t.pos !== 'DET') opensClause[i] = true;
  }
  const concessions = matchers.concessive.findAll(words);
  for (let j = 0; j < concessions.length; j++) {
    const hit = concessions[j];
    const last = tokens[hit.end - 1];
    // "..., though." is an adverb closing the sentence, not a concession opener.
    if (hit.end < n && isClosing(tokens[hit.end].text)) continue;
    if (hit.value === 'subordinator' && last.pos === 'ADV' && last.normal !== 'while') continue;
    opensClause[hit.first] = true;
    markRegion(region, hit.first, nextComma(tokens, hit.end), 'concessive');
  }
  const backgrounds = matchers.background.findAll(words);
  for (let k = 0; k < backgrounds.length; k++) {
    const hit = backgrounds[k];
    opensClause[hit.first] = true;
    let end = nextComma(tokens, hit.end);
    markRegion(region, hit.first, end, 'background');
    // "after the earthquakes that devastated Turkey, killing 50,000 people": a participle clause
    // after the background part continues it.
    while (end + 1 < n && tokens[end].text === ',' && tokens[end + 1].pos === 'VERB' && tokens[end + 1].normal.endsWith('ing')) {
      const next = nextComma(tokens, end + 1);
      markRegion(region, end, next, 'background');
      end = next;
    }
  }
  const contrasts = matchers.contrast.findAll(words);
  for (let p = 0; p < contrasts.length; p++) {
    const hit = contrasts[p];
    const t = tokens[hit.first];
    if (hit.first === 0) continue;
    // wink may tag ", yet" as an adverb; after a comma it still contrasts.
    if (t.pos !== 'CCONJ' && !(t.normal === 'yet' && tokens[hit.first - 1].text === ',')) continue;
    if (followsNotOnly(tokens, hit.first)) continue;
    opensClause[hit.first] = true;
    markRegion(region, 0, hit.first, 'contrast-subordinate');
  }

  markAppositions(tokens, region);

  const clause = new Array<number>(n);
  let c = 0;
  for (let i = 0; i < n; i++) {
    if (opensClause[i] && i > 0) c++;
    clause[i] = c;
  }
  return { clause, region };
}

/** . , ; ! ? */
const isClosing = (text: string): boolean => text === '.' || text === ',' || text === ';' || text === '!' || text === '?';

/**
 * A verbless part between commas, or after the last comma, that opens with a
 * determiner, adverb or adjective ("France and Germany, once rivals in a nuclear
 * race, ..."; "..., a remarkable turn for two former enemies.") describes a party
 * in passing: background, like a relative clause.
 */
const APPOSITION_OPENERS = new Set(['DET', 'ADV', 'ADJ', 'NUM']);
/** Adverbs that open an apposition whatever wink tags after them ("once rivals"). */
const PAST_STATE_ADVERBS = new Set(['once', 'formerly', 'previously', 'long']);
/** A part that opens with these continues the sentence: "..., yet Canberra views ...". */
const CONTINUATIONS = new Set(['yet', 'but', 'and', 'or', 'so', 'then', 'still', 'thus', 'therefore', 'however', 'nor']);
const MIN_APPOSITION = 3;

function markAppositions(tokens: readonly Token[], region: (Region | null)[]): void {
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    if (tokens[i].text !== ',') continue;
    let end = i + 1;
    while (end < n && tokens[end].text !== ',' && !isStop(tokens[end].text)) end++;
    // The part's words (punctuation aside): how many, the first, and whether one is a verb.
    let count = 0;
    let first: Token | null = null;
    let verb = false;
    for (let k = i + 1; k < end; k++) {
      const t = tokens[k];
      if (t.pos === 'PUNCT') continue;
      if (first === null) first = t;
      count++;
      if (t.pos === 'VERB' || t.pos === 'AUX') verb = true;
    }
    if (first === null || count < MIN_APPOSITION || !APPOSITION_OPENERS.has(first.pos) || CONTINUATIONS.has(first.normal)) continue;
    if (!PAST_STATE_ADVERBS.has(first.normal) && verb) continue;
    for (let k = i + 1; k < end; k++) if (region[k] === null) region[k] = 'background';
  }
}

interface Operators {
  negators: readonly PhraseHit<boolean>[];
  reversals: readonly PhraseHit<ReversalFlips>[];
  hedges: readonly PhraseHit<Hedge>[];
  intensifiers: readonly PhraseHit<Intensifier>[];
  historical: readonly PhraseHit<boolean>[];
}

const REVERSAL_POS = new Set(['VERB', 'ADJ']);

/** The second half of a hyphenated compound is not an operator: "open-ended strike", "US-led war". */
function isCompoundTail(tokens: readonly Token[], k: number): boolean {
  return k > 0 && tokens[k - 1].text === '-' && tokens[k - 1].end === tokens[k].start;
}

/** The hits that stand free (not compound tails): the same list when all do. */
function freeHits<T>(tokens: readonly Token[], hits: readonly PhraseHit<T>[]): readonly PhraseHit<T>[] {
  let all = true;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i];
    if (isCompoundTail(tokens, h.first)) all = false;
  }
  if (all) return hits;
  const out: PhraseHit<T>[] = [];
  for (let j = 0; j < hits.length; j++) {
    const h = hits[j];
    if (!isCompoundTail(tokens, h.first)) out.push(h);
  }
  return out;
}

/** Whether a "that" opening a clause (not the determiner) comes before token k. */
function reportedBefore(tokens: readonly Token[], k: number): boolean {
  for (let j = 0; j < k; j++) if (tokens[j].normal === 'that' && tokens[j].pos !== 'DET') return true;
  return false;
}

function findOperators(ctx: SentenceContext): Operators {
  const { words, tokens } = ctx;
  const { matchers } = stanceLexicon();
  const reversals: PhraseHit<ReversalFlips>[] = [];
  // A one-word reversal must be a predicate: "the end of the talks" undoes nothing.
  const freeReversals = freeHits(tokens, matchers.reversals.findAll(words));
  for (let i = 0; i < freeReversals.length; i++) {
    const h = freeReversals[i];
    if (h.end - h.first > 1 || REVERSAL_POS.has(tokens[h.first].pos)) reversals.push(h);
  }
  // "Chirac said that Iraq must cooperate" is a demand; "both nations must deepen their
  // cooperation", an analyst's prescription, only a request.
  const hedges: PhraseHit<Hedge>[] = [];
  const freeHedges = freeHits(tokens, matchers.hedges.findAll(words));
  for (let j = 0; j < freeHedges.length; j++) {
    const h = freeHedges[j];
    if (!h.value.reportedOnly || reportedBefore(tokens, h.first)) hedges.push(h);
    else {
      const value: Hedge = { factor: h.value.factor, scope: h.value.scope, modifier: 'requested', reportedOnly: h.value.reportedOnly };
      hedges.push({ value, first: h.first, end: h.end, start: h.start, endOffset: h.endOffset });
    }
  }
  return {
    negators: freeHits(tokens, matchers.negators.findAll(words)),
    reversals,
    hedges,
    intensifiers: freeHits(tokens, matchers.intensifiers.findAll(words)),
    historical: freeHits(tokens, matchers.historicalCue.findAll(words)),
  };
}

/** Cue hits that are really cues here: right POS, not part of a name. */
function acceptCue(ctx: SentenceContext, hit: PhraseHit<CueEntry>): boolean {
  const { tokens } = ctx;
  const first = tokens[hit.first];
  // "Talks between ...", "Trust has not ...": wink tags a capitalised first word as a name.
  const pos = first.pos === 'PROPN' && hit.first === 0 && !ctx.tokenActor[0] ? 'NOUN' : first.pos;
  if (hit.value.pos && !hit.value.pos.includes(pos)) return false;
  for (let k = hit.first; k < hit.end; k++) if (ctx.inEntity[k]) return false;
  if (!ctx.headline) {
    // "Asia-Pacific Economic Cooperation", "Organization of African Unity": a capitalised
    // cue beside another capitalised name word is part of a name the entities stage missed.
    for (let k = hit.first; k < hit.end; k++) {
      if (tokens[k].pos !== 'PROPN' || !/^\p{Lu}/u.test(tokens[k].text)) continue;
      if (isNameNeighbour(tokens, k - 1, -1) || isNameNeighbour(tokens, k + 1, 1)) return false;
    }
  }
  return true;
}

function isNameNeighbour(tokens: readonly Token[], k: number, step: number): boolean {
  // Skip the small words inside names ("Organization of African Unity").
  while (k >= 0 && k < tokens.length && /^(of|for|the|and|de)$/.test(tokens[k].text)) k += step;
  if (k < 0 || k >= tokens.length) return false;
  const t = tokens[k];
  return /^\p{Lu}/u.test(t.text) && (t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'ADJ') && !(k === 0 && step < 0 && t.pos !== 'PROPN');
}

export interface ComposedCue extends StanceCue {
  /** Token range inside the sentence. */
  first: number;
  last: number;
  /** For a third-party cue, the token naming its holder ("U.S." in "U.S. pressure"). */
  holderToken: number | undefined;
  about: string[] | undefined;
}

const round = (x: number, digits = 4) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/**
 * The lexicon's cues of a sentence that are cues here. Several entries can share
 * one phrase: the first that passes acceptCue stands for its span (hits of one
 * span come together). Blockers ("weapons of mass destruction") win the longest
 * match and are then dropped.
 */
function lexicalCues(ctx: SentenceContext): PhraseHit<LiveCue>[] {
  const out: PhraseHit<LiveCue>[] = [];
  let first = -1;
  let end = -1;
  const matches = stanceLexicon().matchers.cues.findAll(ctx.words);
  for (let i = 0; i < matches.length; i++) {
    const h = matches[i];
    if ((h.first === first && h.end === end) || !acceptCue(ctx, h)) continue;
    first = h.first;
    end = h.end;
    if (h.value.polarity !== 'none') out.push(h as PhraseHit<LiveCue>);
  }
  return out;
}

/**
 * The cues of a sentence before composition: lexicon cues and relation frames,
 * less the words that only name a kind, a topic or what is alleged.
 */
export function findCues(ctx: SentenceContext): PhraseHit<LiveCue>[] {
  const { tokens } = ctx;
  const all = withRelationFrames(ctx, lexicalCues(ctx));
  let hits: PhraseHit<LiveCue>[] = [];
  for (let j = 0; j < all.length; j++) {
    const h = all[j];
    if (!namesAKind(tokens, h) && !isAttributiveAmbivalence(tokens, h)) hits.push(h);
  }
  // "a Trade Rift", "protest demonstration": a cue noun right before another cue noun only names
  // its topic; the head speaks.
  for (let i = hits.length - 2; i >= 0; i--) {
    const a = hits[i];
    const b = hits[i + 1];
    if (a.end === b.first && a.value.nominal && NOMINAL.has(tokens[a.first].pos) && NOMINAL.has(tokens[b.first].pos)) hits.splice(i, 1);
  }
  hits = dropTopics(tokens, hits);
  return dropContents(ctx, hits);
}

/** The cues inside a refusal that undoes its object ("refused to join sanctions"), or null when none. */
function absorbedCues(hits: readonly PhraseHit<LiveCue>[], reversedBy: readonly PhraseHit<ReversalFlips>[][]): Set<PhraseHit<CueEntry>> | null {
  let absorbed: Set<PhraseHit<CueEntry>> | null = null;
  for (let i = 0; i < reversedBy.length; i++) {
    for (let ri = 0; ri < reversedBy[i].length; ri++) {
      const r = reversedBy[i][ri];
      if (r.value !== 'both') continue;
      for (let j = 0; j < hits.length; j++) {
        const h = hits[j];
        if (h !== hits[i] && h.first >= r.first && h.end <= r.end) (absorbed ??= new Set()).add(h);
      }
    }
  }
  return absorbed;
}

/** Composes each cue of a sentence (findCues) with its modifiers. */
export function composeCues(ctx: SentenceContext, structure: Structure, found: PhraseHit<LiveCue>[]): ComposedCue[] {
  const ops = findOperators(ctx);
  let hits = found;
  let reversedBy = reversalTargets(ctx, structure, ops, hits);
  // "refused to join sanctions": the refusal is read through its object; the verb is no cue of its own.
  if (ops.reversals.length > 0) {
    const absorbed = absorbedCues(hits, reversedBy);
    if (absorbed !== null) {
      const kept: PhraseHit<LiveCue>[] = [];
      for (let k = 0; k < hits.length; k++) if (!absorbed.has(hits[k])) kept.push(hits[k]);
      hits = kept;
      reversedBy = reversalTargets(ctx, structure, ops, hits);
    }
  }
  const negated = negatedCues(ctx, structure, ops, hits);
  const out: ComposedCue[] = [];
  for (let i = 0; i < hits.length; i++) out.push(composeOne(ctx, structure, ops, hits[i], negated[i] === 1, reversedBy[i]));
  return out;
}

const NOMINAL = new Set(['NOUN', 'PROPN']);

/** Lexicon cues plus relation frames; a lexicon cue inside a frame gives way to it. */
function withRelationFrames(ctx: SentenceContext, lexical: PhraseHit<LiveCue>[]): PhraseHit<LiveCue>[] {
  const frames = findRelationFrames(ctx.tokens, ctx.words, ctx.inEntity);
  return frames.length === 0 ? lexical : mergeFrames(lexical, frames);
}

function mergeFrames(lexical: PhraseHit<LiveCue>[], frames: RelationFrame[]): PhraseHit<LiveCue>[] {
  const kept = lexical.filter((h) => !frames.some((f) => f.cover.some(([first, end]) => h.first < end && first < h.end)));
  const framed = frames.map((f) => f.hit as PhraseHit<LiveCue>).filter((h, i, all) => all.findIndex((x) => x.first === h.first && x.end === h.end) === i);
  return [...kept, ...framed].sort((a, b) => a.first - b.first || a.end - b.end);
}

/** "trade volume", "warning data": a head-only word in front of a noun names a kind. */
function namesAKind(tokens: readonly Token[], h: PhraseHit<LiveCue>): boolean {
  return h.value.headOnly === true && h.end < tokens.length && NOMINAL.has(tokens[h.end].pos) && NOMINAL.has(tokens[h.first].pos);
}

/** "a complex alliance": an ambivalence adjective in front of a noun qualifies it and is no cue. */
function isAttributiveAmbivalence(tokens: readonly Token[], h: PhraseHit<LiveCue>): boolean {
  return h.value.ambivalent === true && tokens[h.first].pos !== 'NOUN' && h.end < tokens.length && NOMINAL.has(tokens[h.end].pos);
}

/** Words of a noun phrase after a preposition ("over the Kuril Islands", "on a peace treaty"). */
const NP_WORDS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PART', 'PRON', 'CCONJ']);
const TOPIC_WINDOW = 6;

/**
 * "a dispute over trade", "talks on a peace treaty": the cues of the noun phrase
 * after a cue noun and a topic preposition name what it is about; the head speaks.
 */
function dropTopics<T extends PhraseHit<LiveCue>>(tokens: readonly Token[], hits: T[]): T[] {
  const { topicPrepositions } = stanceLexicon();
  let topical: Set<T> | null = null;
  for (let i = 0; i < hits.length; i++) {
    const a = hits[i];
    if ((topical !== null && topical.has(a)) || !NOMINAL.has(tokens[a.end - 1].pos) || a.end >= tokens.length || !topicPrepositions.has(tokens[a.end].normal)) continue;
    let k = a.end + 1;
    while (k < tokens.length && k - a.end <= TOPIC_WINDOW && (NP_WORDS.has(tokens[k].pos) || tokens[k].text === '-')) k++;
    for (let j = 0; j < hits.length; j++) {
      const b = hits[j];
      if (b.first > a.end && b.end <= k) (topical ??= new Set()).add(b);
    }
  }
  const dropped = topical;
  return dropped === null ? hits : hits.filter((h) => !dropped.has(h));
}

/** An accusation's or a fear's object, before its preposition ("accusing Doha of ..."). */
const OBJECT_WORDS = new Set(['DET', 'PROPN', 'NOUN', 'PRON', 'ADJ', 'PART']);
const MAX_OBJECT = 4;

/**
 * "accusing Doha of supporting terrorism", "wary of the partnership": a
 * cooperation cue in what is alleged or feared did not happen between the
 * parties; the accusation or the fear is the stance.
 */
function dropContents<T extends PhraseHit<LiveCue>>(ctx: SentenceContext, hits: T[]): T[] {
  const { tokens } = ctx;
  const { contentPrepositions } = stanceLexicon();
  const heads = stanceLexicon().matchers.contentHeads.findAll(ctx.words);
  if (heads.length === 0) return hits;
  const contained = new Set<T>();
  for (let i = 0; i < heads.length; i++) {
    const head = heads[i];
    let k = head.end;
    while (k < tokens.length && k - head.end < MAX_OBJECT && OBJECT_WORDS.has(tokens[k].pos) && !contentPrepositions.has(tokens[k].normal)) k++;
    if (k >= tokens.length || !contentPrepositions.has(tokens[k].normal)) continue;
    let end = k + 1;
    while (end < tokens.length && !isBoundaryPunct(tokens[end].text) && !CONTRAST_WORDS.has(tokens[end].normal)) end++;
    for (let j = 0; j < hits.length; j++) {
      const h = hits[j];
      if (h.first > k && h.end <= end && h.value.polarity === 'cooperation') contained.add(h);
    }
  }
  return contained.size === 0 ? hits : hits.filter((h) => !contained.has(h));
}

/**
 * Which cues a negation flips. A negator ("lack of trust") flips the cue right
 * after it. wink's flag runs to the end of the clause, so within one negated run
 * only the first cue (the negated predicate) flips for sure, and a later cue only
 * when it has the same lexical polarity ("never agree to the deal": both flip;
 * "would not meet the demands": the demands stay demands). A cue far from the
 * start of the run is out of reach.
 */
function negatedCues(ctx: SentenceContext, s: Structure, ops: Operators, hits: readonly PhraseHit<LiveCue>[]): Uint8Array {
  const { tokens } = ctx;
  const { config } = stanceLexicon();
  const out = new Uint8Array(hits.length);
  const disbelieved = disbeliefTargets(ctx, hits);
  let runStart = -1;
  let runPolarity: Polarity | null = null;
  for (let i = 0; i < hits.length; i++) {
    const hit = hits[i];
    if (negatorBefore(tokens, s, ops.negators, hit, config.negatorWindow) || disbelieved.has(i)) {
      out[i] = 1;
      continue;
    }
    let negatedAt = -1;
    for (let k = hit.first; k < hit.end && negatedAt < 0; k++) if (tokens[k].negated) negatedAt = k;
    if (negatedAt < 0) {
      if (isSubjectOfNegatedPredicate(tokens, s, hit)) out[i] = 1;
      continue;
    }
    // The run's start, stepping over punctuation wink leaves unflagged inside it ("hostage-takers' demands").
    let start = negatedAt;
    for (let j = start - 1; j >= 0; j--) {
      if (tokens[j].negated) start = j;
      else if (!(tokens[j].pos === 'PUNCT' && !isBoundaryPunct(tokens[j].text))) break;
    }
    if (start !== runStart) {
      runStart = start;
      runPolarity = null;
    }
    if (nameAwareDistance(tokens, start, hit.first) >= config.reversalWindow) continue;
    // wink's flag runs on into a relative clause ("never recognised the regions that Russia occupied").
    if (s.clause[start] !== s.clause[hit.first]) continue;
    if (runPolarity === null) {
      runPolarity = hit.value.polarity;
      out[i] = 1;
    } else out[i] = hit.value.polarity === runPolarity ? 1 : 0;
  }
  return out;
}

/** A negator ("lack of") of the cue's clause shortly before it. */
function negatorBefore(tokens: readonly Token[], s: Structure, negators: readonly PhraseHit<boolean>[], hit: PhraseHit<LiveCue>, window: number): boolean {
  const clause = s.clause[hit.first];
  for (let i = 0; i < negators.length; i++) {
    const h = negators[i];
    if (h.end <= hit.first && nameAwareDistance(tokens, h.end, hit.first) < window && s.clause[h.end - 1] === clause) return true;
  }
  return false;
}

const DISBELIEF_WINDOW = 12;
const FEW = new Set(['few', 'nobody', 'none', 'little']);

/** Whether a token in [from, to) is one of `words` (by normal form). */
function someWordIn(tokens: readonly Token[], from: number, to: number, words: ReadonlySet<string>): boolean {
  for (let k = Math.max(0, from); k < to; k++) if (words.has(tokens[k].normal)) return true;
  return false;
}

/**
 * "It is unlikely that they will overcome the suspicion", "few in Seoul believe
 * that Pyongyang will honour any pledge": the first cue of what is doubted is
 * negated.
 */
const NO_TARGETS: ReadonlySet<number> = new Set();

function disbeliefTargets(ctx: SentenceContext, hits: readonly PhraseHit<LiveCue>[]): ReadonlySet<number> {
  const { tokens } = ctx;
  const doubts = stanceLexicon().matchers.disbelief.findAll(ctx.words);
  if (doubts.length === 0) return NO_TARGETS;
  const out = new Set<number>();
  for (let p = 0; p < doubts.length; p++) {
    const op = doubts[p];
    if (op.value !== 'doubt' && !someWordIn(tokens, op.first - 4, op.first, FEW)) continue;
    let i = -1;
    for (let j = 0; j < hits.length && i < 0; j++) if (hits[j].first >= op.end && hits[j].first - op.end < DISBELIEF_WINDOW) i = j;
    if (i < 0) continue;
    let broken = false;
    for (let k = op.end; k < hits[i].first && !broken; k++) broken = tokens[k].text === ';' || CONTRAST_WORDS.has(tokens[k].normal);
    if (!broken) out.add(i);
  }
  return out;
}

/**
 * "trust has not been fully restored", "the truce did not hold": a cue noun whose
 * predicate is negated, with only auxiliaries and adverbs between.
 */
function isSubjectOfNegatedPredicate(tokens: readonly Token[], s: Structure, hit: PhraseHit<LiveCue>): boolean {
  if (!NOMINAL.has(tokens[hit.end - 1].pos)) return false;
  let sawNegation = false;
  let k = hit.end;
  // "the dispute over energy policy did not prevent": over its prepositional phrase.
  if (k < tokens.length && tokens[k].pos === 'ADP') while (k < tokens.length && k - hit.end < 8 && PP_WORDS.has(tokens[k].pos)) k++;
  for (const from = k; k < tokens.length && k - from < 6 && s.clause[k] === s.clause[hit.first]; k++) {
    const t = tokens[k];
    if (t.normal === 'not' || t.normal === "n't" || t.normal === 'never') sawNegation = true;
    else if (t.pos === 'VERB') return sawNegation;
    else if (t.pos !== 'AUX' && t.pos !== 'ADV' && t.pos !== 'PART') return false;
  }
  return false;
}

/** Tokens between two positions, a run of name words counting once ("Saddam Hussein's proposal"). */
function nameAwareDistance(tokens: readonly Token[], from: number, to: number): number {
  let d = 0;
  for (let k = from; k < to; k++) {
    if (tokens[k].pos === 'PROPN' && k > from && tokens[k - 1].pos === 'PROPN') continue;
    d++;
  }
  return d;
}

/**
 * The cue each reversal undoes: its object, the first cue after it within reach
 * ("refused to lift the curfew": lift → curfew, refuse → curfew), or in the
 * passive the cue just before it ("sanctions were lifted"). Returns, per cue,
 * its reversals nearest first.
 */
function reversalTargets(ctx: SentenceContext, s: Structure, ops: Operators, hits: readonly PhraseHit<LiveCue>[]): PhraseHit<ReversalFlips>[][] {
  const { tokens } = ctx;
  const { config } = stanceLexicon();
  const out: PhraseHit<ReversalFlips>[][] = [];
  for (let i = 0; i < hits.length; i++) out.push(NO_REVERSALS);
  for (let n = 0; n < ops.reversals.length; n++) {
    const r = ops.reversals[n];
    const clause = s.clause[r.end - 1];
    if (r.value === 'after') {
      // "talks collapsed", "the truce has expired", "negotiations between Japan and Russia over
      // the islands collapsed": the cue just before, its prepositional phrase and auxiliaries between.
      // The nearest cue that is the subject; a cue inside an interjection (", signed amid
      // tensions,") is not.
      for (let i = hits.length - 1; i >= 0 && r.first - hits[i].end <= 20; i--) {
        const h = hits[i];
        if (h.end > r.first) continue;
        if (isSubjectOf(tokens, h.end, r.first) && (s.clause[h.first] === clause || hasComma(tokens, h.end, r.first))) {
          addReversal(out, i, r);
          break;
        }
      }
      continue;
    }
    let target = -1;
    for (let i = 0; i < hits.length && target < 0; i++) {
      const h = hits[i];
      if (
        h.first >= r.end &&
        s.clause[h.first] === clause &&
        nameAwareDistance(tokens, r.end, h.first) < config.reversalWindow &&
        reachesObject(tokens, r.end, h.first, ops.reversals)
      )
        target = i;
    }
    if (target < 0) {
      for (let i = hits.length - 1; i >= 0; i--) {
        if (isPassiveReversal(tokens, r, hits[i], s)) {
          target = i;
          break;
        }
      }
    }
    if (target >= 0) {
      addReversal(out, target, r);
      // "rejected a US offer to host a summit to hammer out a framework agreement": refusing,
      // blocking, opposing reach the whole object with its infinitives and prepositions.
      if (r.value === 'cooperation') {
        for (let i = target + 1; i < hits.length; i++) {
          if (s.clause[hits[i].first] !== clause || !isComplement(tokens, hits[i - 1].end, hits[i].first)) break;
          addReversal(out, i, r);
        }
      }
    }
  }
  for (let i = 0; i < hits.length; i++) {
    if (out[i].length > 1) out[i].sort((a, b) => Math.abs(a.first - hits[i].first) - Math.abs(b.first - hits[i].first));
  }
  return out;
}

/** The reversals of a cue that has none (shared, never changed). */
const NO_REVERSALS: PhraseHit<ReversalFlips>[] = [];

function addReversal(out: PhraseHit<ReversalFlips>[][], i: number, r: PhraseHit<ReversalFlips>): void {
  if (out[i] === NO_REVERSALS) out[i] = [r];
  else out[i].push(r);
}

function hasComma(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (tokens[k].text === ',') return true;
  return false;
}

const AUXILIARY = new Set(['AUX', 'ADV', 'PART']);
/** The cue group of concessions (release, resign, withdraw troops): requested of someone, they are pressure. */
const CONCESSION_GROUP = 'concede';
const PP_WORDS = new Set(['ADP', 'DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'CCONJ', 'PART', 'PRON']);

/** Between a subject cue and its predicate: auxiliaries, or a prepositional phrase then auxiliaries. */
function isSubjectOf(tokens: readonly Token[], from: number, to: number): boolean {
  if (to - from > 20) return false;
  let k = from;
  const inPhrase = (j: number) => PP_WORDS.has(tokens[j].pos) || tokens[j].text === '-' || (tokens[j].pos === 'VERB' && tokens[j - 1].pos === 'ADP');
  if (k < to && tokens[k].pos === 'ADP') while (k < to && inPhrase(k)) k++;
  k = skipInterjection(tokens, k);
  while (k < to && AUXILIARY.has(tokens[k].pos)) k++;
  return k === to || skipPhaseVerb(tokens, k) === to;
}

/** Between two cues of one object: determiners, nouns, prepositions and infinitives, no new clause. */
function isComplement(tokens: readonly Token[], from: number, to: number): boolean {
  if (to - from > 8) return false;
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (PP_WORDS.has(t.pos) || t.text === '-') continue;
    if (t.pos === 'VERB' && k > 0 && tokens[k - 1].normal === 'to') continue;
    if (t.pos === 'ADP' || (t.pos === 'ADV' && t.normal !== 'then')) continue;
    return false;
  }
  return true;
}

/**
 * The hedges of a cue's clause that reach it, the strongest factor of each kind,
 * by kind (name order), or null when none does.
 */
function hedgesOf(hedges: readonly PhraseHit<Hedge>[], s: Structure, clause: number, first: number): [string, number][] | null {
  const hedgeByKind = new Map<string, number>();
  for (let i = 0; i < hedges.length; i++) {
    const h = hedges[i];
    if (!inClause(s, h, clause)) continue;
    const reaches = h.value.scope === 'clause' || h.end <= first;
    if (!reaches) continue;
    const prev = hedgeByKind.get(h.value.modifier);
    if (prev === undefined || h.value.factor < prev) hedgeByKind.set(h.value.modifier, h.value.factor);
  }
  return hedgeByKind.size === 0 ? null : [...hedgeByKind.entries()].sort();
}

/** The actors a third-party cue is about: its holder and its target, sorted. */
function attributedActors(a: Attribution): string[] {
  const codes = [a.holder, a.target].filter((c): c is string => typeof c === 'string');
  return [...new Set(codes)].sort();
}

const opposite = (p: Polarity): Polarity => (p === 'cooperation' ? 'distrust' : 'cooperation');

/** Whether an operator ends or starts in the given clause. */
const inClause = (s: Structure, h: { first: number; end: number }, clause: number): boolean => s.clause[h.end - 1] === clause || s.clause[h.first] === clause;

function composeOne(
  ctx: SentenceContext,
  s: Structure,
  ops: Operators,
  hit: PhraseHit<LiveCue>,
  negated: boolean,
  reversals: readonly PhraseHit<ReversalFlips>[],
): ComposedCue {
  const { tokens } = ctx;
  const { config } = stanceLexicon();
  const entry = hit.value;
  const clause = s.clause[hit.first];
  let polarity: Polarity = entry.polarity;
  let weight = entry.weight;
  const modifiers: string[] = [];

  if (negated) {
    polarity = opposite(polarity);
    weight *= config.negationFactor;
    modifiers.push('negated');
  }

  // Reversals, nearest first: "refused to lift the curfew" = refuse(lift(curfew)).
  for (let j = 0; j < reversals.length; j++) {
    const r = reversals[j];
    if (r.value === 'cooperation' && polarity === 'distrust') continue;
    polarity = opposite(polarity);
    weight *= config.reversalFactor;
    modifiers.push('reversed');
  }

  // Hedges and irrealis: one factor per kind, the strongest.
  const hedges = ops.hedges.length > 0 ? hedgesOf(ops.hedges, s, clause, hit.first) : null;
  if (hedges !== null) {
    for (let i = 0; i < hedges.length; i++) {
      const [modifier, factor] = hedges[i];
      weight *= factor;
      modifiers.push(modifier);
      // "Iraq must cooperate fully", "demanded that Israel ease restrictions": the demand presupposes
      // the other side has not done it; it is pressure, not cooperation.
      // Asking the other side to give something up ("called on the president to resign") is
      // pressure too; asking for talks or a truce stays a request.
      if ((modifier === 'demanded' || (modifier === 'requested' && entry.group === CONCESSION_GROUP)) && polarity === 'cooperation') polarity = opposite(polarity);
    }
  }

  // Intensifiers and diminishers near the cue.
  let scale = 1;
  for (let n = 0; n < ops.intensifiers.length; n++) {
    const h = ops.intensifiers[n];
    if (!inClause(s, h, clause)) continue;
    const before = h.value.position === 'before' && h.end <= hit.first && hit.first - h.end < config.intensifierWindow;
    const after = h.value.position === 'after' && h.first >= hit.end && h.first - hit.end < config.intensifierWindow;
    if (before || after) scale *= h.value.factor;
  }
  scale = Math.min(scale, config.intensifierCap);
  if (scale !== 1) {
    weight *= scale;
    modifiers.push(scale > 1 ? 'intensified' : 'diminished');
  }

  // "historical mistrust": the cue is placed in the past.
  let historical = false;
  for (let n = 0; n < ops.historical.length; n++) {
    const h = ops.historical[n];
    if (h.end <= hit.first && hit.first - h.end < config.historicalCueWindow && inClause(s, h, clause)) historical = true;
  }
  if (historical) {
    weight *= config.historicalCueFactor;
    modifiers.push('historical');
  }

  // Where in the sentence: the main clause counts fully.
  const region = s.region[hit.first];
  if (region === 'concessive') weight *= config.concessiveFactor;
  else if (region === 'contrast-subordinate') weight *= config.contrastFactor;
  else if (region === 'background') weight *= config.backgroundFactor;
  if (region) modifiers.push(region);

  // Whose cue: "Western sanctions", "U.S. pressure" speak of a third party.
  const attribution = attribute(ctx, hit);
  let about: string[] | undefined;
  let holderToken: number | undefined;
  if (attribution && isThirdParty(ctx, attribution, entry.polarity)) {
    if (attribution.holderToken >= 0) holderToken = attribution.holderToken;
    weight *= config.thirdPartyFactor;
    modifiers.push('third-party');
    // An unnamed bloc ("foreign pressure") has no dyad to credit.
    if (attribution.holder !== null || !attribution.bloc) about = attributedActors(attribution);
  }

  weight = Math.min(1, weight);
  const start = tokens[hit.first].start;
  const end = tokens[hit.end - 1].end;
  const cue: ComposedCue = {
    start,
    end,
    text: ctx.text.slice(start, end),
    polarity,
    weight: round(polarity === 'cooperation' ? weight : -weight),
    base: round(entry.polarity === 'cooperation' ? entry.weight : -entry.weight),
    modifiers,
    rule: entry.rule,
    about,
    first: hit.first,
    last: hit.end - 1,
    holderToken,
  };
  return cue;
}

/**
 * A reversal reaches forward over its object, not into the next predicate: "the
 * collapse of the Union opened a path for improved relations" does not undo the
 * relations. An infinitive ("refused to commit to any assistance") or another
 * reversal ("refused to lift the curfew") continues the chain.
 */
const REVERSAL_PREPOSITIONS = new Set(['of', 'to', 'for', 'from', 'at']);

function reachesObject(tokens: readonly Token[], from: number, to: number, reversals: readonly PhraseHit<ReversalFlips>[]): boolean {
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    // "stopped work on the first day of a strike": the object ends at a preposition other than of/to/for.
    // "shortened by one hour the curfew": a measure phrase is no boundary.
    if (t.normal === 'by' && k + 1 < to && tokens[k + 1].pos === 'NUM') continue;
    if (t.pos === 'ADP' && !REVERSAL_PREPOSITIONS.has(t.normal)) return false;
    if (t.pos !== 'VERB' && t.pos !== 'AUX') continue;
    if (t.pos === 'VERB' && k > 0 && (tokens[k - 1].normal === 'to' || tokens[k - 1].normal === 'from')) continue;
    // "derail their growing cooperation": a participle in front of a noun modifies it.
    if (t.pos === 'VERB' && /(ing|ed)$/.test(t.normal) && k + 1 < tokens.length && (NOMINAL.has(tokens[k + 1].pos) || tokens[k + 1].pos === 'ADJ')) continue;
    if (reversals.some((r) => r.first <= k && k < r.end)) continue;
    return false;
  }
  return true;
}

/** "Sanctions were lifted": a reversal after its object, across a form of be/get. */
function isPassiveReversal(tokens: readonly Token[], r: PhraseHit<ReversalFlips>, hit: PhraseHit<CueEntry>, s: Structure): boolean {
  if (r.first < hit.end || s.clause[r.first] !== s.clause[hit.first] || !isSubjectOf(tokens, hit.end, r.first)) return false;
  // "talks on joining the EU have been frozen": over the cue's prepositional phrase, to a form of be/get.
  for (let k = hit.end; k < r.first; k++) if (tokens[k].pos === 'AUX' && (tokens[k].lemma === 'be' || tokens[k].lemma === 'get')) return true;
  return false;
}

export interface Attribution {
  /** Actor code of the holder ("U.S. pressure" → USA; "Western" → WST), null for an uncoded bloc word ("foreign"). */
  holder: string | null;
  /** The holder is a bloc word ("Western", "foreign"), not a named actor. */
  bloc: boolean;
  holderToken: number;
  target?: string;
}

const NP_POS = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM', 'PART']);

/** The actor a nominal cue belongs to: a name or bloc word in front of it, a target after it. */
function attribute(ctx: SentenceContext, hit: PhraseHit<CueEntry>): Attribution | null {
  const { tokens } = ctx;
  const { thirdPartyWords, holderPrepositions } = stanceLexicon();
  const target = targetOf(ctx, hit);
  // "the Philippines and Japan agreed": a subject in front of a verb is no holder; only a noun
  // ("U.S. pressure") or an adjective ("wary of China") has one.
  if (!NOMINAL.has(tokens[hit.first].pos) && tokens[hit.first].pos !== 'ADJ') return null;
  let holder: string | null | undefined;
  let bloc = false;
  let holderToken = -1;
  for (let k = hit.first - 1, steps = 0; k >= 0 && steps < 4; k--, steps++) {
    const t = tokens[k];
    const actor = ctx.tokenActor[k];
    if (actor) {
      holder = actor;
      holderToken = k;
      break;
    }
    const blocCode = thirdPartyWords.get(t.normal);
    if (blocCode !== undefined) {
      holder = blocCode;
      bloc = true;
      holderToken = k;
      break;
    }
    if (!(NP_POS.has(t.pos) || t.text === '-' || t.normal === "'s" || t.normal === '’s') || t.normal === 'to') break;
  }
  if (holder === undefined) {
    // "pressure from Beijing": the holder after the cue.
    const after = actorAfter(ctx, hit.end, holderPrepositions);
    if (after) return { holder: after.actor, bloc: false, holderToken: after.token };
    // "wary of China's rise": no holder, a target outside the pair.
    if (target !== undefined) return { holder: null, bloc: false, holderToken: -1, target };
    return null;
  }
  return { holder, bloc, holderToken, target };
}

function targetOf(ctx: SentenceContext, hit: PhraseHit<CueEntry>): string | undefined {
  return actorAfter(ctx, hit.end, stanceLexicon().attributionPrepositions)?.actor;
}

/** The actor named right after one of `prepositions` at token k ("on Iran", "from the Kremlin"). */
function actorAfter(ctx: SentenceContext, k: number, prepositions: ReadonlySet<string>): { actor: string; token: number } | null {
  const { tokens } = ctx;
  if (k >= tokens.length || !prepositions.has(tokens[k].normal)) return null;
  k++;
  while (k < tokens.length && tokens[k].pos === 'DET') k++;
  return k < tokens.length && ctx.tokenActor[k] ? { actor: ctx.tokenActor[k]!, token: k } : null;
}

/**
 * A cue is third-party when its holder is outside the pair the sentence is
 * about. A bloc word ("Western", "foreign") is, unless the article's pair is that
 * bloc; a named actor is when the article has a main pair, the sentence is about
 * one of its members, and the holder is not one of them.
 */
function isThirdParty(ctx: SentenceContext, a: Attribution, polarity: Polarity): boolean {
  const pair = ctx.pair !== undefined ? ctx.pair : ctx.mainPair;
  const inPair = (code: string | null | undefined) => code != null && pair !== null && pair.includes(countryOf(code));
  if (a.bloc) return !inPair(a.holder);
  if (!pair) return false;
  if (a.holder === null) {
    // "as both grow wary of China's rise": distrust toward an outsider is not the pair's quarrel.
    return polarity === 'distrust' && a.target !== undefined && !inPair(a.target) && pair.every((p) => ctx.focal.has(p));
  }
  // "Berlin's energy deals with Moscow", in a sentence about Poland and Germany: holder and target
  // name their own pair.
  if (inPair(a.holder)) return a.target !== undefined && !inPair(a.target) && countryOf(a.target) !== countryOf(a.holder);
  return pair.some((p) => ctx.focal.has(p));
}
