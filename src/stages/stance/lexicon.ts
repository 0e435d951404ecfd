// The stance lexicon: cue phrases and the words that modify them, read from
// data/stance/*.json and compiled once, at module load, into lemma matchers.
import { loadData } from '../../data.js';
import { tokenize } from '../../nlp.js';
import { PhraseMatcher, type Phrase, type PhraseHit, type TokenLike } from '../../lexicon/phrases.js';
import type { Token } from '../../article.js';

export type Polarity = 'cooperation' | 'distrust';

export interface CueEntry {
  phrase: string;
  /** 'none' marks a blocker: a phrase whose words are not cues here ("weapons of mass destruction"). */
  polarity: Polarity | 'none';
  /** Strength 0.2..1 before composition. */
  weight: number;
  /** wink POS tags the first word may have; any when absent. */
  pos?: readonly string[];
  /** Lexicon group (alliance, agree, tension, ...), recorded in the cue's rule. */
  group: string;
  /** A one-word noun ("trade", not "complex"): in front of another cue noun it only names a topic. */
  nominal: boolean;
  /** Counts only as the head of its noun phrase: in front of another noun ("trade volume", "warning data") it names a kind. */
  headOnly?: boolean;
  /** A relation described as both at once ("remain complex", "ambivalent"): the sentence is mixed. */
  ambivalent?: boolean;
}

export interface StanceConfig {
  negationFactor: number;
  reversalFactor: number;
  concessiveFactor: number;
  contrastFactor: number;
  backgroundFactor: number;
  thirdPartyFactor: number;
  historicalCueFactor: number;
  intensifierCap: number;
  negatorWindow: number;
  reversalWindow: number;
  intensifierWindow: number;
  historicalCueWindow: number;
  neutralBelow: number;
  mixedRatio: number;
  scoreSmoothing: number;
  historicalYears: number;
}

export type HedgeModifier = 'hedged' | 'intended' | 'requested' | 'demanded' | 'uncertain';

export interface Hedge {
  factor: number;
  scope: 'forward' | 'clause';
  modifier: HedgeModifier;
  /** A demand only inside reported speech ("said that Iraq must ..."); elsewhere a request ("both must deepen ..."). */
  reportedOnly?: boolean;
}

export interface Intensifier {
  factor: number;
  position: 'before' | 'after';
}

/**
 * Which cues a reversal predicate turns, and where they stand: 'both' and
 * 'cooperation' undo their object (every cue, or cooperation only: "rejected a
 * demand" stays distrust); 'after' undoes its subject ("talks collapsed").
 */
export type ReversalFlips = 'both' | 'cooperation' | 'after';

interface CueFile {
  groups: {
    name: string;
    polarity: Polarity | 'none';
    weight: number;
    phrases: (string | { phrase: string; weight?: number; pos?: string[]; headOnly?: boolean })[];
  }[];
}

/** A word with its frame weight (data/stance/relations.json). */
interface Weighted {
  word: string;
  weight: number;
}
type ByPolarity = Record<Polarity, Weighted[]>;

interface RelationFile {
  relationNouns: string[];
  channelNouns: string[];
  adjectives: ByPolarity;
  channelAdjectives: ByPolarity;
  copulas: string[];
  objectVerbs: ByPolarity;
  subjectVerbs: ByPolarity;
}

interface ModifierFile {
  config: StanceConfig;
  negators: { phrases: string[] };
  reversals: { both: string[]; cooperation: string[]; after: string[] };
  hedges: { entries: { phrases: string[]; factor: number; scope: 'forward' | 'clause'; modifier: HedgeModifier; reportedOnly?: boolean }[] };
  intensifiers: { entries: { phrases: string[]; factor: number; position: 'before' | 'after' }[] };
  historicalCue: { phrases: string[] };
  historicalSentence: { phrases: string[] };
  presentSentence: { phrases: string[] };
  concessive: { preposition: string[]; subordinator: string[] };
  contrast: { phrases: string[] };
  background: { phrases: string[] };
  pairReferences: { phrases: string[] };
  pairPronouns: { words: string[] };
  thirdPartyWords: { words: Record<string, string | null> };
  attributionPrepositions: { words: string[] };
  clauseOpeners: { words: string[] };
  locativePrepositions: { words: string[] };
  contentFrames: { heads: string[]; prepositions: string[] };
  disbelief: { doubt: string[]; belief: string[] };
  topicPrepositions: { words: string[] };
  holderPrepositions: { words: string[] };
}

const cueFile = loadData<CueFile>('stance/cues.json');
const modFile = loadData<ModifierFile>('stance/modifiers.json');
const relFile = loadData<RelationFile>('stance/relations.json');

export const CONFIG: Readonly<StanceConfig> = modFile.config;

/** The cue group whose words describe a relation as both at once. */
export const AMBIVALENCE_GROUP = 'ambivalence';

const cueEntries: CueEntry[] = cueFile.groups.flatMap((g) =>
  g.phrases.map((p) => {
    const spec = typeof p === 'string' ? { phrase: p } : p;
    const words = tokenize(spec.phrase).tokens.filter((t) => t.text.trim() !== '');
    const nominal = words.length === 1 && words[0].pos === 'NOUN';
    const entry: CueEntry = { phrase: spec.phrase, polarity: g.polarity, weight: spec.weight ?? g.weight, pos: spec.pos, group: g.name, nominal };
    if (spec.headOnly) entry.headOnly = true;
    if (g.name === AMBIVALENCE_GROUP) entry.ambivalent = true;
    return entry;
  }),
);

const each = <T>(phrases: readonly string[], value: T): Phrase<T>[] => phrases.map((phrase) => ({ phrase, value }));

export type ConcessiveKind = 'preposition' | 'subordinator';

/** A relation noun ("ties") or a channel between states ("embassy", "border"). */
export type RelationNounKind = 'relation' | 'channel';

/** A frame word's polarity and weight. */
export interface FrameWord {
  polarity: Polarity;
  weight: number;
}

const weighted = (byPolarity: ByPolarity): Phrase<FrameWord>[] =>
  (['cooperation', 'distrust'] as const).flatMap((polarity) => byPolarity[polarity].map((w) => ({ phrase: w.word, value: { polarity, weight: w.weight } })));

/** Lower case, curly quotes and dashes folded; most tokens have none, so the replacements are skipped. */
function foldKey(s: string): string {
  const lower = s.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c === 0x60 || (c >= 0x2010 && c <= 0x2019)) return lower.replace(/[’‘`]/g, "'").replace(/[‐‑–—]/g, '-');
  }
  return lower;
}

// Which matchers can start a phrase at a token, as one bit per matcher: built
// from every matcher's first words at load, read once per sentence, so each of
// the matchers below only looks at the few tokens that can start one of its phrases.
const startsByNormal = new Map<string, number>();
const startsByLemma = new Map<string, number>();
let matcherCount = 0;

interface SentenceKeys {
  normal: string[];
  lemma: string[];
  /** Per token, the bits of the matchers that can start a phrase there. */
  starts: Int32Array;
}

const keyCache = new WeakMap<readonly TokenLike[], SentenceKeys>();

function startBits(normal: readonly string[], lemma: readonly string[]): Int32Array {
  const starts = new Int32Array(normal.length);
  for (let i = 0; i < normal.length; i++) starts[i] = (startsByNormal.get(normal[i]) ?? 0) | (startsByLemma.get(lemma[i]) ?? 0);
  return starts;
}

/** Folded keys and start bits of a sentence's views, computed once and shared by every matcher. */
function keysOf(views: readonly TokenLike[]): SentenceKeys {
  let keys = keyCache.get(views);
  if (!keys) {
    const normal = views.map((t) => foldKey(t.normal));
    const lemma = views.map((t) => foldKey(t.lemma));
    keyCache.set(views, (keys = { normal, lemma, starts: startBits(normal, lemma) }));
  }
  return keys;
}

/**
 * A PhraseMatcher that is only asked at tokens that can start one of its
 * phrases: a dozen matchers run over every sentence, and most tokens start none.
 * Same results as PhraseMatcher.findAll (longest matches, left to right).
 */
export class GatedMatcher<T> {
  private readonly matcher: PhraseMatcher<T>;
  private readonly bit: number;

  constructor(entries: Phrase<T>[], on: 'lemma' | 'normal') {
    if (matcherCount >= 31) throw new Error('too many gated matchers for one start mask');
    this.bit = 1 << matcherCount++;
    this.matcher = new PhraseMatcher(entries, on);
    for (const { phrase } of entries) {
      const first = tokenize(phrase).tokens.find((t) => t.text.trim() !== '');
      if (!first) continue;
      // The trie compares a token's normal form first, then (lemma mode) its lemma.
      const byNormal = foldKey(first.normal);
      startsByNormal.set(byNormal, (startsByNormal.get(byNormal) ?? 0) | this.bit);
      if (on === 'lemma') {
        const byLemma = foldKey(first.lemma);
        startsByNormal.set(byLemma, (startsByNormal.get(byLemma) ?? 0) | this.bit);
        startsByLemma.set(byLemma, (startsByLemma.get(byLemma) ?? 0) | this.bit);
      }
    }
  }

  /** Every phrase that starts at token i, longest first (none when no phrase can start there). */
  matchAt(views: readonly TokenLike[], i: number): PhraseHit<T>[] {
    return (keysOf(views).starts[i] & this.bit) !== 0 ? this.matcher.matchAt(views, i) : [];
  }

  findAll(views: readonly TokenLike[]): PhraseHit<T>[] {
    const { starts } = keysOf(views);
    const bit = this.bit;
    const out: PhraseHit<T>[] = [];
    for (let i = 0; i < views.length; ) {
      if ((starts[i] & bit) === 0) {
        i++;
        continue;
      }
      const hits = this.matcher.matchAt(views, i);
      if (hits.length === 0) {
        i++;
        continue;
      }
      const longest = hits[0].end;
      for (const h of hits) if (h.end === longest) out.push(h);
      i = longest;
    }
    return out;
  }
}

const lemma = <T>(entries: Phrase<T>[]) => new GatedMatcher(entries, 'lemma');
// Function words match as written: the lemma of "following" is "follow".
const normal = <T>(entries: Phrase<T>[]) => new GatedMatcher(entries, 'normal');

/** All matchers, compiled once. */
export const MATCHERS = {
  cues: lemma(cueEntries.map((e) => ({ phrase: e.phrase, value: e }))),
  negators: lemma(each(modFile.negators.phrases, true)),
  reversals: lemma([
    ...each<ReversalFlips>(modFile.reversals.both, 'both'),
    ...each<ReversalFlips>(modFile.reversals.cooperation, 'cooperation'),
    ...each<ReversalFlips>(modFile.reversals.after, 'after'),
  ]),
  hedges: lemma(
    modFile.hedges.entries.flatMap((e) =>
      each<Hedge>(e.phrases, e.reportedOnly ? { factor: e.factor, scope: e.scope, modifier: e.modifier, reportedOnly: true } : { factor: e.factor, scope: e.scope, modifier: e.modifier }),
    ),
  ),
  intensifiers: lemma(
    modFile.intensifiers.entries.flatMap((e) => each<Intensifier>(e.phrases, { factor: e.factor, position: e.position })),
  ),
  historicalCue: lemma(each(modFile.historicalCue.phrases, true)),
  historicalSentence: lemma(each(modFile.historicalSentence.phrases, true)),
  presentSentence: lemma(each(modFile.presentSentence.phrases, true)),
  concessive: normal([
    ...each<ConcessiveKind>(modFile.concessive.preposition, 'preposition'),
    ...each<ConcessiveKind>(modFile.concessive.subordinator, 'subordinator'),
  ]),
  contrast: normal(each(modFile.contrast.phrases, true)),
  background: normal(each(modFile.background.phrases, true)),
  pairReferences: normal(each(modFile.pairReferences.phrases, true)),
  contentHeads: lemma(each(modFile.contentFrames.heads, true)),
  disbelief: normal([...each<'doubt' | 'belief'>(modFile.disbelief.doubt, 'doubt'), ...each<'doubt' | 'belief'>(modFile.disbelief.belief, 'belief')]),
  // Relation frames (relations.ts): nouns by lemma, adjectives as written ("strained" is not "strain").
  relationNouns: lemma([...each<RelationNounKind>(relFile.relationNouns, 'relation'), ...each<RelationNounKind>(relFile.channelNouns, 'channel')]),
  relationAdjectives: normal(weighted(relFile.adjectives)),
  channelAdjectives: normal(weighted(relFile.channelAdjectives)),
  objectVerbs: lemma(weighted(relFile.objectVerbs)),
  subjectVerbs: lemma(weighted(relFile.subjectVerbs)),
};

export const COPULAS: ReadonlySet<string> = new Set(relFile.copulas);
export const CONTENT_PREPOSITIONS: ReadonlySet<string> = new Set(modFile.contentFrames.prepositions);
export const TOPIC_PREPOSITIONS: ReadonlySet<string> = new Set(modFile.topicPrepositions.words);
export const HOLDER_PREPOSITIONS: ReadonlySet<string> = new Set(modFile.holderPrepositions.words);

export const PAIR_PRONOUNS: ReadonlySet<string> = new Set(modFile.pairPronouns.words);
export const THIRD_PARTY_WORDS: ReadonlyMap<string, string | null> = new Map(Object.entries(modFile.thirdPartyWords.words));
export const CLAUSE_OPENERS: ReadonlySet<string> = new Set(modFile.clauseOpeners.words);
export const LOCATIVE_PREPOSITIONS: ReadonlySet<string> = new Set(modFile.locativePrepositions.words);
export const ATTRIBUTION_PREPOSITIONS: ReadonlySet<string> = new Set(modFile.attributionPrepositions.words);

// ---- lemma repair -------------------------------------------------------------
// wink sometimes leaves an inflected word unlemmatised ("Tensions" tagged PROPN
// at a sentence start, "strained" as an adjective). A token whose lemma is not a
// lexicon word is given the lexicon word its regular inflection points to, so
// inflections count whatever wink's tag.

const LEXICON_WORDS: ReadonlySet<string> = (() => {
  const words = new Set<string>();
  const phrases = [
    ...cueEntries.map((e) => e.phrase),
    ...modFile.negators.phrases,
    ...modFile.reversals.both,
    ...modFile.reversals.cooperation,
    ...modFile.reversals.after,
    ...modFile.hedges.entries.flatMap((e) => e.phrases),
    ...modFile.intensifiers.entries.flatMap((e) => e.phrases),
    ...modFile.historicalCue.phrases,
    ...modFile.contentFrames.heads,
    ...relFile.relationNouns,
    ...relFile.channelNouns,
    ...(['cooperation', 'distrust'] as const).flatMap((p) => [...relFile.objectVerbs[p], ...relFile.subjectVerbs[p]].map((w) => w.word)),
  ];
  for (const phrase of phrases) {
    for (const t of tokenize(phrase).tokens) {
      if (t.text.trim() === '') continue;
      words.add(foldKey(t.lemma)); // the matcher's key for a phrase word is its lemma
    }
  }
  return words;
})();

function inflectionCandidates(w: string): string[] {
  const out: string[] = [];
  if (w.endsWith('ies')) out.push(w.slice(0, -3) + 'y');
  if (w.endsWith('es')) out.push(w.slice(0, -2));
  if (w.endsWith('s') && !w.endsWith('ss')) out.push(w.slice(0, -1));
  if (w.endsWith('ied')) out.push(w.slice(0, -3) + 'y');
  if (w.endsWith('ed')) {
    out.push(w.slice(0, -2), w.slice(0, -1));
    if (/([b-df-hj-np-tv-z])\1ed$/.test(w)) out.push(w.slice(0, -3));
  }
  if (w.endsWith('ing')) {
    out.push(w.slice(0, -3), w.slice(0, -3) + 'e');
    if (/([b-df-hj-np-tv-z])\1ing$/.test(w)) out.push(w.slice(0, -4));
  }
  return out;
}

/** What a word form becomes for the matchers: folded keys, the repaired lemma, the start bits. */
interface WordKeys {
  normal: string;
  lemma: string;
  /** The lexicon word a regular inflection points to, when wink's lemma is none. */
  repaired: string | null;
  starts: number;
}

// Word forms repeat across sentences and articles ("the", "relations"): their keys are
// computed once. A pure cache of a pure function; cleared when it grows large.
const wordCache = new Map<string, WordKeys>();
const WORD_CACHE_LIMIT = 100_000;

function wordKeys(t: TokenLike): WordKeys {
  const id = t.lemma === t.normal ? t.normal : `${t.normal}\u0000${t.lemma}`;
  let keys = wordCache.get(id);
  if (keys) return keys;
  const normalKey = foldKey(t.normal);
  const lemmaKey = t.lemma === t.normal ? normalKey : foldKey(t.lemma);
  const matches = LEXICON_WORDS.has(lemmaKey) || LEXICON_WORDS.has(normalKey);
  const repaired = matches ? null : (inflectionCandidates(normalKey).find((c) => LEXICON_WORDS.has(c)) ?? null);
  const lemma = repaired ?? lemmaKey;
  keys = { normal: normalKey, lemma, repaired, starts: (startsByNormal.get(normalKey) ?? 0) | (startsByLemma.get(lemma) ?? 0) };
  if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
  wordCache.set(id, keys);
  return keys;
}

/** Token views for the stance matchers: the same tokens, lemmas repaired toward lexicon words. */
export function matchViews(tokens: readonly Token[]): TokenLike[] {
  const n = tokens.length;
  const normal = new Array<string>(n);
  const lemma = new Array<string>(n);
  const views = new Array<TokenLike>(n);
  const starts = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    const keys = wordKeys(t);
    normal[i] = keys.normal;
    lemma[i] = keys.lemma;
    starts[i] = keys.starts;
    views[i] = keys.repaired ? { start: t.start, end: t.end, text: t.text, normal: t.normal, lemma: keys.repaired } : t;
  }
  keyCache.set(views, { normal, lemma, starts });
  return views;
}

export type { PhraseHit, TokenLike };
