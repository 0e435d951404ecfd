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

export type HedgeModifier = 'hedged' | 'intended' | 'requested';

export interface Hedge {
  factor: number;
  scope: 'forward' | 'clause';
  modifier: HedgeModifier;
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
    phrases: (string | { phrase: string; weight?: number; pos?: string[] })[];
  }[];
}

interface ModifierFile {
  config: StanceConfig;
  negators: { phrases: string[] };
  reversals: { both: string[]; cooperation: string[]; after: string[] };
  hedges: { entries: { phrases: string[]; factor: number; scope: 'forward' | 'clause'; modifier: HedgeModifier }[] };
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
}

const cueFile = loadData<CueFile>('stance/cues.json');
const modFile = loadData<ModifierFile>('stance/modifiers.json');

export const CONFIG: Readonly<StanceConfig> = modFile.config;

const cueEntries: CueEntry[] = cueFile.groups.flatMap((g) =>
  g.phrases.map((p) => {
    const spec = typeof p === 'string' ? { phrase: p } : p;
    const words = tokenize(spec.phrase).tokens.filter((t) => t.text.trim() !== '');
    const nominal = words.length === 1 && words[0].pos === 'NOUN';
    return { phrase: spec.phrase, polarity: g.polarity, weight: spec.weight ?? g.weight, pos: spec.pos, group: g.name, nominal };
  }),
);

const each = <T>(phrases: readonly string[], value: T): Phrase<T>[] => phrases.map((phrase) => ({ phrase, value }));

export type ConcessiveKind = 'preposition' | 'subordinator';

const foldKey = (s: string) => s.toLowerCase().replace(/[’‘`]/g, "'").replace(/[‐‑–—]/g, '-');

/** Folded normal and lemma of each token, computed once per sentence and shared by every matcher. */
const keyCache = new WeakMap<readonly TokenLike[], { normal: string[]; lemma: string[] }>();
function keysOf(views: readonly TokenLike[]) {
  let keys = keyCache.get(views);
  if (!keys) keyCache.set(views, (keys = { normal: views.map((t) => foldKey(t.normal)), lemma: views.map((t) => foldKey(t.lemma)) }));
  return keys;
}

/**
 * A PhraseMatcher that is only asked at tokens that can start one of its
 * phrases: a dozen matchers run over every sentence, and most tokens start none.
 * Same results as PhraseMatcher.findAll (longest matches, left to right).
 */
class GatedMatcher<T> {
  private readonly matcher: PhraseMatcher<T>;
  private readonly firstKeys = new Set<string>();

  constructor(
    entries: Phrase<T>[],
    private readonly on: 'lemma' | 'normal',
  ) {
    this.matcher = new PhraseMatcher(entries, on);
    for (const { phrase } of entries) {
      const first = tokenize(phrase).tokens.find((t) => t.text.trim() !== '');
      if (first) this.firstKeys.add(foldKey(on === 'lemma' ? first.lemma : first.normal));
    }
  }

  findAll(views: readonly TokenLike[]): PhraseHit<T>[] {
    const keys = keysOf(views);
    const out: PhraseHit<T>[] = [];
    for (let i = 0; i < views.length; ) {
      const canStart = this.firstKeys.has(keys.normal[i]) || (this.on === 'lemma' && this.firstKeys.has(keys.lemma[i]));
      const hits = canStart ? this.matcher.matchAt(views, i) : [];
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
    modFile.hedges.entries.flatMap((e) => each<Hedge>(e.phrases, { factor: e.factor, scope: e.scope, modifier: e.modifier })),
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
};

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

/** Token views for the stance matchers: the same tokens, lemmas repaired toward lexicon words. */
export function matchViews(tokens: readonly Token[]): TokenLike[] {
  return tokens.map((t) => {
    const lemmaKey = foldKey(t.lemma);
    if (LEXICON_WORDS.has(lemmaKey) || LEXICON_WORDS.has(foldKey(t.normal))) return t; // matches as it is
    const repaired = inflectionCandidates(foldKey(t.normal)).find((c) => LEXICON_WORDS.has(c));
    return repaired ? { start: t.start, end: t.end, text: t.text, normal: t.normal, lemma: repaired } : t;
  });
}

export type { PhraseHit, TokenLike };
