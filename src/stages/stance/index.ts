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
import { layer, type ArticleDoc, type DateMention, type Mention, type SentenceStance, type StanceLabel, type Token } from '../../article.js';
import { defineStage } from '../../stage.js';
import { actorMentions, countryOf, mainPair, sortedCodes, type ActorMention } from './actors.js';
import { composeCues, sentenceStructure, type ComposedCue, type SentenceContext } from './compose.js';
import { judgeHistorical, referenceYear } from './historical.js';
import { AMBIVALENCE_GROUP, stanceLexicon, type StanceConfig } from './lexicon.js';

export const STANCE_VERSION = '2';

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Evidence for one polarity from its cues: noisy-OR, so repeats add less and it stays within 0..1. */
export function combine(weights: readonly number[]): number {
  let miss = 1;
  for (const w of weights) miss *= 1 - Math.min(1, Math.abs(w));
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

const evidenceOf = (cues: readonly JudgedCue[]) => ({
  cooperation: combine(cues.filter((c) => c.weight > 0).map((c) => c.weight)),
  distrust: combine(cues.filter((c) => c.weight < 0).map((c) => c.weight)),
});

/** Background (circumstance, relative clauses) and concessive parts set the scene for the main clause. */
const isSubordinate = (c: JudgedCue) => c.modifiers?.some((m) => m === 'background' || m === 'concessive') ?? false;

/** "X, but Y" where X and Y say opposite things, each on its own: both hold. */
function contrasted(cues: readonly JudgedCue[], config: StanceConfig): boolean {
  const side = (part: readonly JudgedCue[]) => {
    const e = evidenceOf(part);
    const strong = Math.max(e.cooperation, e.distrust);
    return strong < config.neutralBelow ? null : e.cooperation > e.distrust ? 'cooperation' : 'distrust';
  };
  const before = side(cues.filter((c) => c.modifiers?.includes('contrast-subordinate')));
  const after = side(cues.filter((c) => !c.modifiers?.includes('contrast-subordinate')));
  return before !== null && after !== null && before !== after;
}

/**
 * The label rule. The main clause decides when it says anything (at least
 * CONFIG.neutralBelow): background and concessive cues then only colour the
 * dyads, so "lifted a curfew in Montenegro where 28 people have been killed" is
 * the lifting. Over the deciding cues: neutral below the floor (or when all
 * the evidence sits in a concessive part); mixed when a cue describes the
 * relation as both at once ("remain complex"), when the two sides of a "but" say
 * opposite things, or when the weaker side is at least CONFIG.mixedRatio of the
 * stronger; otherwise the stronger. score = (c - d) / (c + d + k) over the
 * deciding cues. Cues in an uncertain clause ("whether ... remains unclear")
 * assert nothing and are left out. Confidence grows with evidence and
 * agreement, and drops for hedged sentences.
 */
export function judge(all: readonly JudgedCue[], hedged: boolean): Verdict {
  const { config } = stanceLexicon();
  // "Whether they will restore relations remains unclear" asserts nothing either way.
  const cues = all.filter((c) => !c.modifiers?.includes('uncertain'));
  const foreground = cues.filter((c) => !isSubordinate(c));
  const main = evidenceOf(foreground);
  const speaks = Math.max(main.cooperation, main.distrust) >= config.neutralBelow;
  const deciding = speaks ? foreground : cues;
  const { cooperation, distrust } = speaks ? main : evidenceOf(cues);
  const strong = Math.max(cooperation, distrust);
  const weak = Math.min(cooperation, distrust);
  const score = round3((cooperation - distrust) / (cooperation + distrust + config.scoreSmoothing));
  let label: StanceLabel;
  // "Despite the friction, both governments tried to keep relations calm": a concession
  // alone does not say what the main clause asserts (it is usually the opposite).
  const onlyConceded = cues.length > 0 && cues.every((c) => c.modifiers?.includes('concessive'));
  const ambivalent = deciding.some((c) => c.rule === `cue:${AMBIVALENCE_GROUP}`);
  if (strong < config.neutralBelow || onlyConceded) label = 'neutral';
  else if (ambivalent || contrasted(deciding, config) || weak >= config.mixedRatio * strong) label = 'mixed';
  else label = cooperation > distrust ? 'cooperation' : 'distrust';

  let confidence: number;
  if (label === 'neutral') confidence = cues.length === 0 ? 0.6 : 0.4;
  else {
    const evidence = 1 - Math.exp(-2 * (cooperation + distrust));
    const fit = label === 'mixed' ? (strong === 0 ? 0 : weak / strong) : (strong - weak) / strong;
    confidence = evidence * (0.5 + 0.5 * fit) * (hedged ? 0.8 : 1);
  }
  return { label, score, confidence: round3(confidence), cooperation: round3(cooperation), distrust: round3(distrust) };
}

/** A title-case line without final punctuation (a headline): capitalised words there are not names. */
function isHeadline(tokens: readonly Token[]): boolean {
  if (tokens.length === 0 || /^[.!?]$/.test(tokens[tokens.length - 1].text)) return false;
  const words = tokens.filter((t) => /^\p{L}{4,}/u.test(t.text));
  if (words.length < 2) return false;
  return words.filter((t) => /^\p{Lu}/u.test(t.text)).length >= 0.6 * words.length;
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
  let last: { country: string; end: number } | null = null;
  for (let k = 0; k < toks.length; k++) {
    const actor = tokenActor[k];
    if (!actor) continue;
    const country = countryOf(actor);
    if (last && country !== last.country) {
      const between = toks.slice(last.end, k);
      if (between.length > 0 && between.length <= 2 && between.every((t) => COORDINATORS.has(t.normal) || t.normal === 'the') && COORDINATORS.has(between[0].normal)) {
        return [last.country, country].sort() as [string, string];
      }
    }
    if (!last || last.country !== country || k !== last.end) last = { country, end: k + 1 };
    else last.end = k + 1;
  }
  return null;
}

/** Per token, the actor of the mention covering it (mentions sorted by start), or null. */
function coveringActors(toks: readonly Token[], own: readonly ActorMention[]): (string | null)[] {
  const out = new Array<string | null>(toks.length).fill(null);
  for (const x of own) {
    for (let k = 0; k < toks.length && toks[k].start < x.end; k++) if (out[k] === null && x.start <= toks[k].start && toks[k].end <= x.end) out[k] = x.actor;
  }
  return out;
}

/** Per token, whether any mention (sorted by start, from index `from`) covers it. */
function coveredTokens(toks: readonly Token[], mentions: readonly Mention[], from: number, until: number): boolean[] {
  const out = new Array<boolean>(toks.length).fill(false);
  for (let i = from; i < mentions.length && mentions[i].start < until; i++) {
    const x = mentions[i];
    for (let k = 0; k < toks.length && toks[k].start < x.end; k++) if (x.start <= toks[k].start && toks[k].end <= x.end) out[k] = true;
  }
  return out;
}

/** A mention right after a locative preposition ("in Syria"). */
function isLocative(toks: readonly Token[], m: ActorMention): boolean {
  const k = toks.findIndex((t) => t.start >= m.start);
  return k > 0 && stanceLexicon().locativePrepositions.has(toks[k - 1].normal);
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
  toks: readonly Token[],
  clause: readonly number[],
  pair: readonly [string, string] | null,
): void {
  const clauseOf = (m: ActorMention) => {
    const k = toks.findIndex((t) => t.start >= m.start);
    return k < 0 ? -1 : clause[k];
  };
  const byClause = new Map<number, Set<string>>();
  for (const m of participants) {
    const c = clauseOf(m);
    if (!byClause.has(c)) byClause.set(c, new Set());
    byClause.get(c)!.add(m.actor);
  }
  const all = new Set(participants.map((m) => countryOf(m.actor)));
  const pairNamed = pair !== null && pair.every((p) => all.has(p));
  for (const cue of cues) {
    if (cue.about || cue.modifiers.includes('third-party')) continue;
    const here = byClause.get(clause[cue.first]) ?? new Set<string>();
    const countries = new Set([...here].map(countryOf));
    if (countries.size >= 2) {
      if (countries.size < all.size) cue.about = sortedCodes(here);
    } else if (pairNamed && [...countries].every((c) => pair.includes(c))) {
      cue.about = sortedCodes([...pair, ...here]);
    }
  }
}

/** Stance of every sentence of an article (index-aligned with its sentences). */
export function analyseStance(doc: ArticleDoc): StanceDetail[] {
  const lexicon = stanceLexicon();
  const { sentences, tokens } = layer(doc, 'segments');
  const dates = doc.layers.dates ?? [];
  const entities = doc.layers.entities ?? [];
  const mentions = actorMentions(entities);
  const allMentions = entities.flatMap((e) => e.mentions).sort((a, b) => a.start - b.start);
  const pair = mainPair(mentions);
  const nowYear = referenceYear(doc.published, dates);

  const out: StanceDetail[] = [];
  let previousFocal = new Set<string>();
  let m = 0;
  let e = 0;
  for (const sentence of sentences) {
    const toks = tokens.slice(sentence.firstToken, sentence.endToken);
    const words = lexicon.words.sentence(toks);

    // Mentions inside this sentence, by offset.
    const own: ActorMention[] = [];
    while (m < mentions.length && mentions[m].start < sentence.start) m++;
    for (let k = m; k < mentions.length && mentions[k].start < sentence.end; k++) own.push(mentions[k]);
    const tokenActor = coveringActors(toks, own);
    while (e < allMentions.length && allMentions[e].end <= sentence.start) e++;
    const inEntity = coveredTokens(toks, allMentions, e, sentence.end);

    // About: its own actors, plus the main pair when it refers to "both nations" or
    // continues with "they"/"their" after a sentence about the pair.
    const participants = own.filter((x) => !isLocative(toks, x) || (pair !== null && pair.includes(countryOf(x.actor))));
    const about = new Set(participants.map((x) => x.actor));
    let focal = new Set(participants.map((x) => countryOf(x.actor)));
    if (pair) {
      const refersToPair = lexicon.matchers.pairReferences.findAll(words).length > 0;
      const continuesPair =
        focal.size < 2 && toks.some((t) => t.pos === 'PRON' && lexicon.pairPronouns.has(t.normal)) && pair.every((p) => previousFocal.has(p));
      if (refersToPair || continuesPair) for (const p of pair) about.add(p), focal.add(p);
    }
    // "efforts in Syria": a place, unless it is one of the article's pair ("the revolution in
    // Iran") or the sentence needs it for a pair at all.
    if (focal.size < 2) for (const x of own) about.add(x.actor), focal.add(countryOf(x.actor));

    const ctx: SentenceContext = {
      text: doc.text,
      tokens: toks,
      words,
      tokenActor,
      inEntity,
      headline: isHeadline(toks),
      mainPair: pair,
      pair: coordinatedPair(toks, tokenActor) ?? pair,
      focal,
    };
    const structure = sentenceStructure(toks, words);
    const cues = composeCues(ctx, structure);
    // An actor named only as the holder of a third-party cue ("against U.S. pressure") is not
    // what the sentence is about; the cue's own `about` keeps it.
    const holderTokens = new Set(cues.map((c) => c.holderToken).filter((k): k is number => k !== undefined));
    if (holderTokens.size > 0) {
      const named = new Set(own.filter((x) => !toks.some((t, k) => holderTokens.has(k) && x.start <= t.start && t.end <= x.end)).map((x) => x.actor));
      for (const x of own) if (!named.has(x.actor)) about.delete(x.actor);
      focal = new Set([...about].map(countryOf));
    }
    if (focal.size >= 3) narrowToClauses(cues, own.filter((x) => about.has(x.actor)), toks, structure.clause, pair);
    const hedged = cues.some((c) => c.modifiers.includes('hedged') || c.modifiers.includes('intended') || c.modifiers.includes('uncertain'));
    const verdict = judge(cues, hedged);
    const sentenceDates = dates.filter((d: DateMention) => d.start >= sentence.start && d.end <= sentence.end);
    const { historical } = judgeHistorical(words, sentenceDates, nowYear);

    out.push({
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
    });
    previousFocal = focal;
  }
  return out;
}

/** The public layer: the contract's fields only, in a fixed key order. */
function toLayer(detail: StanceDetail): SentenceStance {
  return {
    label: detail.label,
    score: detail.score,
    confidence: detail.confidence,
    cues: detail.cues.map((c) => {
      const cue = { start: c.start, end: c.end, text: c.text, polarity: c.polarity, weight: c.weight, base: c.base, modifiers: c.modifiers, rule: c.rule };
      return c.about ? { ...cue, about: c.about } : cue;
    }),
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
  run: (doc: ArticleDoc) => ({ layer: analyseStance(doc).map(toLayer) }),
});
