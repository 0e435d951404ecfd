// The stance lexicon: cue phrases and the words that modify them, read from
// data/stance/*.json and compiled once into lemma matchers: on the stage's first
// run (stanceLexicon()), not at import, since importing the pipeline must stay cheap.
import { loadData } from '../../data.js';
import { PhraseMatcher, PhraseReader, tokenKeys, type Phrase, type PhraseHit, type TokenLike } from '../../lexicon/phrases.js';
import type { Token } from '../../article.js';

export type Polarity = 'cooperation' | 'distrust';

export interface CueEntry {
  phrase: string;
  /** 'none' marks a blocker: a phrase whose words are not cues here ("weapons of mass destruction"). */
  polarity: Polarity | 'none';
  /** Strength 0.2..1 before composition. */
  weight: number;
  /** wink POS tags the first word may have; any when absent. */
  pos: readonly string[] | undefined;
  /** Lexicon group (alliance, agree, tension, ...), recorded in the cue's rule. */
  group: string;
  /** The rule a cue of this entry records: cue:<group>. */
  rule: string;
  /** A one-word noun ("trade", not "complex"): in front of another cue noun it only names a topic. */
  nominal: boolean;
  /** Counts only as the head of its noun phrase: in front of another noun ("trade volume", "warning data") it names a kind. */
  headOnly: boolean;
  /** A relation described as both at once ("remain complex", "ambivalent"): the sentence is mixed. */
  ambivalent: boolean;
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
  reportedOnly: boolean;
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

/** The cue group whose words describe a relation as both at once. */
export const AMBIVALENCE_GROUP = 'ambivalence';

export type ConcessiveKind = 'preposition' | 'subordinator';

/** A relation noun ("ties") or a channel between states ("embassy", "border"). */
export type RelationNounKind = 'relation' | 'channel';

/** A frame word's polarity and weight. */
export interface FrameWord {
  polarity: Polarity;
  weight: number;
}

/** Lower case, curly quotes and dashes folded; most tokens have none, so the replacements are skipped. */
function foldKey(s: string): string {
  const lower = s.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c === 0x60 || (c >= 0x2010 && c <= 0x2019)) return lower.replace(/[’‘`]/g, "'").replace(/[‐‑–—]/g, '-');
  }
  return lower;
}

/**
 * A sentence's tokens as the matchers see them (lemmas repaired toward lexicon
 * words), with the bits of the matchers that may match a phrase at each token
 * and their union over the sentence: a matcher whose bit the sentence lacks
 * answers at once.
 */
export interface SentenceWords {
  tokens: readonly Token[];
  /** Per token, its word form's keys. */
  keys: WordKeys[];
  /** Per matcher (by index), its longest matches in the sentence, left to right; absent when none. */
  found: (PhraseHit<unknown>[] | undefined)[];
}

/**
 * Matcher bits by word, keyed as the matchers compare a token with a phrase
 * word: its folded normal form, or (lemma matchers) its folded lemma.
 */
class WordBits {
  private readonly byNormal = new Map<string, number>();
  private readonly byLemma = new Map<string, number>();

  add(word: { normal: string; lemma: string }, bit: number, on: 'lemma' | 'normal'): void {
    // The trie compares a token's normal form first, then (lemma mode) its lemma.
    this.set(this.byNormal, foldKey(word.normal), bit);
    if (on === 'lemma') {
      const lemma = foldKey(word.lemma);
      this.set(this.byNormal, lemma, bit);
      this.set(this.byLemma, lemma, bit);
    }
  }

  of(normalKey: string, lemmaKey: string): number {
    return (this.byNormal.get(normalKey) ?? 0) | (this.byLemma.get(lemmaKey) ?? 0);
  }

  private set(map: Map<string, number>, key: string, bit: number): void {
    map.set(key, (map.get(key) ?? 0) | bit);
  }
}

/**
 * Which matchers may match at a word, one bit per matcher, built from every
 * matcher's phrases when the lexicon is compiled: a phrase can start only at
 * one of its first words, and it is one word long or its second word follows.
 * Most tokens start no phrase, and most of those that begin one ("in", "the")
 * are not followed by the rest: the matchers are asked only where both hold.
 */
class StartIndex {
  /** Words that begin a phrase. */
  readonly starts = new WordBits();
  /** Words that are a phrase of their own. */
  readonly singles = new WordBits();
  /** Words that are the second word of a phrase. */
  readonly seconds = new WordBits();
  /** The matchers, by index (bit position). */
  readonly matchers: GatedMatcher<unknown>[] = [];
  get count(): number {
    return this.matchers.length;
  }
}

const NO_HITS: readonly PhraseHit<never>[] = Object.freeze([]);

/**
 * A PhraseMatcher that is only asked at tokens where one of its phrases may
 * start: a dozen matchers run over every sentence, and most tokens start none.
 * Same results as PhraseMatcher.findAll (longest matches, left to right).
 */
export class GatedMatcher<T> {
  private readonly matcher: PhraseMatcher<T>;
  private readonly index: number;
  private readonly bit: number;

  constructor(index: StartIndex, entries: Phrase<T>[], on: 'lemma' | 'normal', reader = new PhraseReader()) {
    if (index.count >= 31) throw new Error('too many gated matchers for one start mask');
    this.index = index.count;
    this.bit = 1 << this.index;
    index.matchers.push(this as GatedMatcher<unknown>);
    const read = reader.words(entries.map((e) => e.phrase));
    this.matcher = new PhraseMatcher(entries, on, read);
    for (const words of read) {
      if (words.length === 0) continue;
      index.starts.add(words[0], this.bit, on);
      if (words.length === 1) index.singles.add(words[0], this.bit, on);
      else index.seconds.add(words[1], this.bit, on);
    }
  }

  /** Every phrase that starts at token i, longest first (none when no phrase can start there). */
  matchAt(words: SentenceWords, i: number): PhraseHit<T>[] {
    const { keys } = words;
    const more = i + 1 < keys.length ? keys[i].starts & keys[i + 1].seconds : 0;
    return ((keys[i].starts & keys[i].singles) | more) & this.bit ? this.hitsAt(words, i, more) : [];
  }

  /** Longest matches, left to right (found when the sentence's words were read; not to be changed). */
  findAll(words: SentenceWords): readonly PhraseHit<T>[] {
    return (words.found[this.index] as PhraseHit<T>[] | undefined) ?? NO_HITS;
  }

  /**
   * Adds this matcher's longest matches at candidate token i to the sentence's
   * found list (`longer`: the bits of the matchers whose longer phrases may start
   * there); returns where its next match may start (`from` when none here).
   */
  collectAt(words: SentenceWords, i: number, longer: number, from: number): number {
    if ((longer & this.bit) !== 0) {
      const hits = this.matcher.matchAt(words.tokens, i);
      if (hits.length === 0) return from;
      const longest = hits[0].end;
      const list = this.foundIn(words);
      for (let h = 0; h < hits.length; h++) if (hits[h].end === longest) list.push(hits[h]);
      return longest;
    }
    // Only a phrase of this one word can match here.
    const t = words.tokens[i];
    const values = this.wordValues(words.keys[i], t);
    if (values.length === 0) return from;
    const list = this.foundIn(words);
    for (let v = 0; v < values.length; v++) list.push({ value: values[v], first: i, end: i + 1, start: t.start, endOffset: t.end });
    return i + 1;
  }

  private foundIn(words: SentenceWords): PhraseHit<T>[] {
    return ((words.found[this.index] as PhraseHit<T>[] | undefined) ??= []);
  }

  /** The phrases at a candidate token, longest first; `longer`: the bits of matchers whose longer phrases may start there. */
  hitsAt(words: SentenceWords, i: number, longer: number): PhraseHit<T>[] {
    if ((longer & this.bit) !== 0) return this.matcher.matchAt(words.tokens, i);
    // Only a phrase of this one word can match here.
    const t = words.tokens[i];
    const values = this.wordValues(words.keys[i], t);
    const hits: PhraseHit<T>[] = [];
    for (let v = 0; v < values.length; v++) hits.push({ value: values[v], first: i, end: i + 1, start: t.start, endOffset: t.end });
    return hits;
  }

  /**
   * The values of this matcher's one-word phrases a word form matches: the
   * matcher's answer for a token of that form, asked once and kept with the
   * form's keys (it depends on nothing else).
   */
  private wordValues(keys: WordKeys, token: Token): readonly T[] {
    let values = keys.words[this.index] as T[] | undefined;
    if (values === undefined) {
      values = this.matcher.matchAt([token], 0).map((h) => h.value);
      keys.words[this.index] = values;
    }
    return values;
  }
}

/** What a word form becomes for the matchers. */
interface WordKeys {
  /** The lexicon word a regular inflection points to, when wink's lemma is none. */
  repaired: string | null;
  /** Bits of the matchers with a phrase that starts with this word. */
  starts: number;
  /** Bits of the matchers with a phrase of this one word. */
  singles: number;
  /** Bits of the matchers with a phrase whose second word this is. */
  seconds: number;
  /** The lemma these keys were made for (the cache is keyed by the normal form first). */
  lemma: string;
  /** Keys of the same normal form with other lemmas ("saw": see, saw). */
  others: Map<string, WordKeys> | null;
  /** Per matcher (by index), the values of its one-word phrases this form matches, once asked. */
  words: unknown[][];
}

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

// ---- lemma repair -------------------------------------------------------------
// wink sometimes leaves an inflected word unlemmatised ("Tensions" tagged PROPN
// at a sentence start, "strained" as an adjective). A token whose lemma is not a
// lexicon word is given the lexicon word its regular inflection points to, so
// inflections count whatever wink's tag.

/** Word forms repeat across sentences and articles ("the", "relations"): their keys are computed once. */
class WordIndex {
  // A pure cache of a pure function, keyed by normal form; cleared when it grows large.
  private readonly cache = new Map<string, WordKeys>();
  private static readonly LIMIT = 100_000;
  /** Per matcher, where its next match may start (scratch for sentence()). */
  private readonly from = new Int32Array(32);

  constructor(
    private readonly index: StartIndex,
    /** Every word of the lexicon's phrases, as the matchers key it (folded lemma). */
    private readonly lexiconWords: ReadonlySet<string>,
  ) {}

  private keysOf(normal: string, lemma: string): WordKeys {
    const first = this.cache.get(normal);
    if (first !== undefined) {
      if (first.lemma === lemma) return first;
      const other = first.others?.get(lemma);
      if (other !== undefined) return other;
    }
    const keys = this.compute(normal, lemma);
    if (first === undefined) {
      if (this.cache.size >= WordIndex.LIMIT) this.cache.clear();
      this.cache.set(normal, keys);
    } else (first.others ??= new Map()).set(lemma, keys);
    return keys;
  }

  private compute(normal: string, lemma: string): WordKeys {
    const normalKey = foldKey(normal);
    const lemmaKey = lemma === normal ? normalKey : foldKey(lemma);
    const words = this.lexiconWords;
    let repaired: string | null = null;
    if (!words.has(lemmaKey) && !words.has(normalKey)) {
      for (const c of inflectionCandidates(normalKey)) {
        if (words.has(c)) {
          repaired = c;
          break;
        }
      }
    }
    const key = repaired ?? lemmaKey;
    const index = this.index;
    return { repaired, starts: index.starts.of(normalKey, key), singles: index.singles.of(normalKey, key), seconds: index.seconds.of(normalKey, key), lemma, others: null, words: [] };
  }

  /**
   * A sentence's tokens for the stance matchers (the same tokens, lemmas
   * repaired toward lexicon words) and every matcher's matches in it, found in
   * one pass over the tokens where a phrase may start.
   */
  sentence(tokens: readonly Token[]): SentenceWords {
    const n = tokens.length;
    const cache = this.cache;
    let views: Token[] | null = null;
    const keys = new Array<WordKeys>(n);
    for (let i = 0; i < n; i++) {
      const t = tokens[i];
      // The word form seen before, with the same lemma (most tokens), else the general lookup.
      const seen = cache.get(t.normal);
      const k = seen !== undefined && seen.lemma === t.lemma ? seen : this.keysOf(t.normal, t.lemma);
      keys[i] = k;
      if (k.repaired !== null) {
        views ??= tokens.slice();
        views[i] = repairedToken(t, k.repaired);
      }
    }
    const words: SentenceWords = { tokens: views ?? tokens, keys, found: [] };
    const matchers = this.index.matchers;
    const from = this.from;
    from.fill(0);
    for (let i = 0; i < n; i++) {
      const k = keys[i];
      if (k.starts === 0) continue;
      const more = i + 1 < n ? k.starts & keys[i + 1].seconds : 0;
      let todo = (k.starts & k.singles) | more;
      // Each matcher whose phrase may start here, unless its previous match covers the token.
      while (todo !== 0) {
        const low = todo & -todo;
        todo ^= low;
        const m = 31 - Math.clz32(low);
        if (i >= from[m]) from[m] = matchers[m].collectAt(words, i, more, from[m]);
      }
    }
    return words;
  }
}

/** A copy of a token with its lemma repaired, its fields in the token's order (one object shape for all). */
function repairedToken(t: Token, lemma: string): Token {
  return {
    start: t.start,
    end: t.end,
    text: t.text,
    normal: t.normal,
    lemma,
    pos: t.pos,
    negated: t.negated,
    sentence: t.sentence,
    keys: tokenKeys({ text: t.text, normal: t.normal, lemma }),
  };
}

interface Sources {
  cueFile: CueFile;
  modFile: ModifierFile;
  relFile: RelationFile;
}

const each = <T>(phrases: readonly string[], value: T): Phrase<T>[] => phrases.map((phrase) => ({ phrase, value }));

const weighted = (byPolarity: ByPolarity): Phrase<FrameWord>[] =>
  (['cooperation', 'distrust'] as const).flatMap((polarity) => byPolarity[polarity].map((w) => ({ phrase: w.word, value: { polarity, weight: w.weight } })));

function cueEntriesOf(cueFile: CueFile, reader: PhraseReader): CueEntry[] {
  const specs = cueFile.groups.flatMap((g) => g.phrases.map((p) => ({ g, spec: typeof p === 'string' ? { phrase: p } : p })));
  const read = reader.words(specs.map(({ spec }) => spec.phrase));
  return specs.map(({ g, spec }, k) => {
    const words = read[k];
    const nominal = words.length === 1 && words[0].pos === 'NOUN';
    // Every entry has every field, so code reading them sees one object shape.
    const entry: CueEntry = {
      phrase: spec.phrase,
      polarity: g.polarity,
      weight: spec.weight ?? g.weight,
      pos: spec.pos,
      group: g.name,
      rule: `cue:${g.name}`,
      nominal,
      headOnly: spec.headOnly === true,
      ambivalent: g.name === AMBIVALENCE_GROUP,
    };
    return entry;
  });
}

function compileMatchers({ modFile, relFile }: Sources, cueEntries: readonly CueEntry[], index: StartIndex, reader: PhraseReader) {
  const lemma = <T>(entries: Phrase<T>[]) => new GatedMatcher(index, entries, 'lemma', reader);
  // Function words match as written: the lemma of "following" is "follow".
  const normal = <T>(entries: Phrase<T>[]) => new GatedMatcher(index, entries, 'normal', reader);
  return {
    cues: lemma(cueEntries.map((e) => ({ phrase: e.phrase, value: e }))),
    negators: lemma(each(modFile.negators.phrases, true)),
    reversals: lemma([
      ...each<ReversalFlips>(modFile.reversals.both, 'both'),
      ...each<ReversalFlips>(modFile.reversals.cooperation, 'cooperation'),
      ...each<ReversalFlips>(modFile.reversals.after, 'after'),
    ]),
    hedges: lemma(
      modFile.hedges.entries.flatMap((e) => each<Hedge>(e.phrases, { factor: e.factor, scope: e.scope, modifier: e.modifier, reportedOnly: e.reportedOnly === true })),
    ),
    intensifiers: lemma(modFile.intensifiers.entries.flatMap((e) => each<Intensifier>(e.phrases, { factor: e.factor, position: e.position }))),
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
}

export type StanceMatchers = ReturnType<typeof compileMatchers>;

/** Every word of the phrases the lemma matchers compare, keyed as the matcher keys a phrase word: its folded lemma. */
function lexiconWordsOf({ modFile, relFile }: Sources, cueEntries: readonly CueEntry[], reader: PhraseReader): Set<string> {
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
  for (const phrase of reader.words(phrases)) for (const t of phrase) words.add(foldKey(t.lemma));
  return words;
}

/** The compiled lexicon: matchers, word sets and the constants of composition. */
export interface StanceLexicon {
  config: Readonly<StanceConfig>;
  matchers: StanceMatchers;
  words: WordIndex;
  copulas: ReadonlySet<string>;
  contentPrepositions: ReadonlySet<string>;
  topicPrepositions: ReadonlySet<string>;
  holderPrepositions: ReadonlySet<string>;
  pairPronouns: ReadonlySet<string>;
  thirdPartyWords: ReadonlyMap<string, string | null>;
  clauseOpeners: ReadonlySet<string>;
  locativePrepositions: ReadonlySet<string>;
  attributionPrepositions: ReadonlySet<string>;
}

function compileLexicon(): StanceLexicon {
  const sources: Sources = {
    cueFile: loadData<CueFile>('stance/cues.json'),
    modFile: loadData<ModifierFile>('stance/modifiers.json'),
    relFile: loadData<RelationFile>('stance/relations.json'),
  };
  const { modFile, relFile } = sources;
  // Cue phrases are read for their tags, for their matcher and for the lexicon's words: once.
  const reader = new PhraseReader();
  const cueEntries = cueEntriesOf(sources.cueFile, reader);
  const index = new StartIndex();
  const matchers = compileMatchers(sources, cueEntries, index, reader);
  return {
    config: modFile.config,
    matchers,
    words: new WordIndex(index, lexiconWordsOf(sources, cueEntries, reader)),
    copulas: new Set(relFile.copulas),
    contentPrepositions: new Set(modFile.contentFrames.prepositions),
    topicPrepositions: new Set(modFile.topicPrepositions.words),
    holderPrepositions: new Set(modFile.holderPrepositions.words),
    pairPronouns: new Set(modFile.pairPronouns.words),
    thirdPartyWords: new Map(Object.entries(modFile.thirdPartyWords.words)),
    clauseOpeners: new Set(modFile.clauseOpeners.words),
    locativePrepositions: new Set(modFile.locativePrepositions.words),
    attributionPrepositions: new Set(modFile.attributionPrepositions.words),
  };
}

let compiled: StanceLexicon | null = null;

/** The lexicon, compiled on first use (the stage's first run), then shared. */
export function stanceLexicon(): StanceLexicon {
  return (compiled ??= compileLexicon());
}

/** Whether the lexicon has been compiled yet (importing the stage must not do it). */
export function isLexiconCompiled(): boolean {
  return compiled !== null;
}

export type { PhraseHit, TokenLike };
