// The events stage's data, typed and compiled once: PLOVER categories
// (data/events/categories.json), trigger patterns (data/events/patterns.json)
// and the cues that shape an event without being one (data/events/cues.json).
// The JSON is read at import; the phrase matchers and gates, which tokenise
// every phrase, are built on first use (the corpus runner's main thread imports
// the pipeline for stage versions and never runs it). Everything here is data;
// the logic that uses it lives in the other files of this folder.
import type { PloverCategory, QuadClass, TokenKeys } from '../../article.js';
import { loadData } from '../../data.js';
import { PhraseMatcher, tokenizeEach, tokenKeys, type PhraseHit, type TokenLike } from '../../lexicon/phrases.js';

// ---- categories -------------------------------------------------------------

export interface CategoryInfo {
  quadClass: QuadClass;
  intensity: number;
  recipient: 'required' | 'optional';
  polarity: 'cooperative' | 'conflictual';
  sourceOptional?: boolean;
  targetPreps: string[];
  nominalPreps: string[];
}

interface CategoriesFile {
  categories: Record<PloverCategory, CategoryInfo>;
}

export const CATEGORIES: Readonly<Record<PloverCategory, CategoryInfo>> = loadData<CategoriesFile>('events/categories.json').categories;

/** Material conflict acts (and SANCTION): announced for the future, PLOVER codes them THREATEN. */
export const THREAT_WHEN_ANNOUNCED: ReadonlySet<PloverCategory> = new Set(['ASSAULT', 'COERCE', 'MOBILIZE', 'SANCTION', 'PROTEST']);

// ---- patterns ---------------------------------------------------------------

interface PatternEntry {
  phrase: string;
  intensity?: number;
  object?: string[];
  pos?: 'VERB' | 'NOUN';
  mutual?: boolean;
  preps?: string[];
  flip?: boolean;
  ownObject?: boolean;
  noun?: boolean;
  ifState?: PloverCategory;
  requiresTarget?: boolean;
  ifMutual?: PloverCategory;
  lower?: boolean;
}

interface PatternsFile {
  sets: Record<string, string[]>;
  patterns: Record<PloverCategory, PatternEntry[]>;
}

/** One compiled trigger pattern. */
export interface Pattern {
  /** Stable name for provenance: `CATEGORY:phrase` or `CATEGORY:phrase+object`. */
  id: string;
  phrase: string;
  type: PloverCategory;
  intensity: number;
  /** Words one of which must follow the trigger (sets expanded), or null. */
  object: ReadonlySet<string> | null;
  pos: 'VERB' | 'NOUN' | null;
  mutual: boolean;
  /** Prepositions introducing the target: the entry's, else the category's. */
  preps: readonly string[];
  /** The same after a noun trigger. */
  nominalPreps: readonly string[];
  flip: boolean;
  /** The object belongs to the source ("withdrew its troops"): in the passive ("troops were withdrawn from X") the subject is the source. */
  ownObject: boolean;
  /** Always a noun, whatever wink's tag ("stand-alone summit" tagged VERB). */
  noun: boolean;
  /** The category when the source is a state actor ("Manila protested" is an official complaint). */
  ifState: PloverCategory | null;
  requiresTarget: boolean;
  ifMutual: PloverCategory | null;
  lower: boolean;
}

function expand(words: string[], sets: Record<string, string[]>): Set<string> {
  const out = new Set<string>();
  for (const w of words) {
    if (w.startsWith('@')) {
      const set = sets[w.slice(1)];
      if (!set) throw new Error(`data/events/patterns.json: unknown set ${w}`);
      for (const x of set) out.add(x.toLowerCase());
    } else out.add(w.toLowerCase());
  }
  return out;
}

function compilePatterns(file: PatternsFile): Pattern[] {
  const out: Pattern[] = [];
  for (const [type, entries] of Object.entries(file.patterns) as [PloverCategory, PatternEntry[]][]) {
    const info = CATEGORIES[type];
    if (!info) throw new Error(`data/events/patterns.json: unknown category ${type}`);
    for (const e of entries) {
      const object = e.object ? expand(e.object, file.sets) : null;
      out.push({
        id: `${type}:${e.phrase}${e.object ? '+' + e.object[0].replace(/^@/, '').toLowerCase() : ''}`,
        phrase: e.phrase,
        type,
        intensity: e.intensity ?? info.intensity,
        object,
        pos: e.pos ?? null,
        mutual: e.mutual ?? false,
        preps: e.preps ?? info.targetPreps,
        nominalPreps: e.preps ?? info.nominalPreps,
        flip: e.flip ?? false,
        ownObject: e.ownObject ?? false,
        noun: e.noun ?? false,
        ifState: e.ifState ?? null,
        requiresTarget: e.requiresTarget ?? false,
        ifMutual: e.ifMutual ?? null,
        lower: e.lower ?? false,
      });
    }
  }
  return out;
}

const patternsFile = loadData<PatternsFile>('events/patterns.json');
export const PATTERNS: readonly Pattern[] = compilePatterns(patternsFile);
/** Nouns for what was agreed or proposed (patterns.json's AGREEMENT and PROPOSAL sets: "pact", "resolution", "plan"). */
export const TERMS_NOUNS: ReadonlySet<string> = expand(['@AGREEMENT', '@PROPOSAL'], patternsFile.sets);

// ---- gates: a phrase matcher is only asked at tokens that can open a phrase --

const FOLD = /[’‘`‐‑–—]/;
/** The word holds a character fold() changes (told by character codes). */
function foldable(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x60 || c === 0x2010 || c === 0x2011 || c === 0x2013 || c === 0x2014 || c === 0x2018 || c === 0x2019) return true;
  }
  return false;
}
const fold = (s: string): string => (FOLD.test(s) ? s.replace(/[’‘`]/g, "'").replace(/[‐‑–—]/g, '-') : s);

/** The words (lower-cased form and lemma) that open the phrases: matchAt elsewhere can only fail. Built on first use. */
export class Gate {
  private words: Set<string> | null = null;
  /** Some opening word holds an apostrophe or a dash ("n't", "co-operate"): text must be folded to compare. */
  private folds = false;
  /**
   * The phrases, or a function that reads them on first use (data a stage loads only when it runs). `plainWords`:
   * they are single lower-cased words, taken as they are (a word list, not phrases to tokenise).
   */
  constructor(
    private readonly phrases: readonly string[] | (() => readonly string[]),
    private readonly plainWords = false,
  ) {}
  /**
   * By the lookup key of a phrase's first word (as the matcher's trie holds it): the keys of the second words of
   * the phrases it opens, or null when it is a phrase of its own. Phrases only.
   */
  private followers = new Map<string, Set<string> | null>();
  private build(): Set<string> {
    const words = new Set<string>();
    const phrases = typeof this.phrases === 'function' ? this.phrases() : this.phrases;
    if (this.plainWords) {
      for (const w of phrases) words.add(w);
      this.folds = [...words].some((w) => /['-]/.test(w));
      return words;
    }
    // Split as PhraseMatcher splits a phrase it matches by lemma.
    for (const [first, second] of tokenizeEach(phrases)) {
      if (!first) continue;
      words.add(fold(first.normal));
      words.add(fold(first.lemma.toLowerCase()));
      const key = tokenKeys(first).lemma;
      const next = this.followers.get(key);
      if (!second) this.followers.set(key, null);
      else if (next !== null) {
        if (next) next.add(tokenKeys(second).lemma);
        else this.followers.set(key, new Set([tokenKeys(second).lemma]));
      }
    }
    this.folds = [...words].some((w) => /['-]/.test(w));
    return words;
  }
  /**
   * A phrase may start at `t` followed by `next` (undefined at the end of the
   * sentence): its first two words are looked up as the matcher steps through
   * its trie (by the token's lookup keys, lower-cased form then lemma). False
   * means matchAt there can only fail; true, that it may succeed. Phrase
   * gates only (a word list has no phrases to follow).
   */
  mayStart(t: TokenLike, next: TokenLike | undefined): boolean {
    this.words ??= this.build();
    const k = keysFor(t);
    const byNormal = this.followers.get(k.normal);
    const byLemma = this.followers.get(k.lemma);
    if (byNormal === null || byLemma === null) return true;
    if (next === undefined || (byNormal === undefined && byLemma === undefined)) return false;
    const n = keysFor(next);
    return (byNormal !== undefined && (byNormal.has(n.normal) || byNormal.has(n.lemma))) || (byLemma !== undefined && (byLemma.has(n.normal) || byLemma.has(n.lemma)));
  }
  /** Lookup keys of the words that are phrases of their own ("not", "war"): there a phrase starts whatever follows. */
  singleWords(): string[] {
    this.words ??= this.build();
    const out: string[] = [];
    for (const [key, next] of this.followers) if (next === null) out.push(key);
    return out;
  }
  /** The opening words, and whether a token's forms must be folded before looking them up. */
  openers(): { words: ReadonlySet<string>; folds: boolean } {
    const words = (this.words ??= this.build());
    return { words, folds: this.folds };
  }
  /** One token asked of one gate; a stage asks all its gates at once through a GateSet. */
  opens(t: TokenLike): boolean {
    const words = (this.words ??= this.build());
    if (words.has(t.normal) || words.has(t.lemma)) return true;
    return this.folds && FOLD.test(t.normal) && (words.has(fold(t.normal)) || words.has(fold(t.lemma.toLowerCase())));
  }
}

/**
 * Several gates asked at once: one lookup of a token's forms answers for every
 * gate, as a bit mask (bit k: gates[k].opens(t)). Built on first use.
 */
export class GateSet {
  private bits: Map<string, number> | null = null;
  /** Gates whose opening words need folded forms. */
  private foldBits = 0;
  constructor(private readonly gates: readonly Gate[]) {}
  private build(): Map<string, number> {
    const bits = new Map<string, number>();
    this.gates.forEach((gate, k) => {
      const { words, folds } = gate.openers();
      for (const w of words) bits.set(w, (bits.get(w) ?? 0) | (1 << k));
      if (folds) this.foldBits |= 1 << k;
    });
    return bits;
  }
  maskOf(t: TokenLike): number {
    return this.maskOfForms(t.normal, t.lemma, formFolds(t));
  }
  /** The mask of a token with these lower-cased form and lemma; `folds`: the form holds a character fold() changes. */
  maskOfForms(normal: string, lemma: string, folds = foldable(normal)): number {
    const bits = (this.bits ??= this.build());
    let mask = bits.get(normal) ?? 0;
    if (lemma !== normal) mask |= bits.get(lemma) ?? 0;
    if ((this.foldBits & ~mask) !== 0 && folds) mask |= ((bits.get(fold(normal)) ?? 0) | (bits.get(fold(lemma.toLowerCase())) ?? 0)) & this.foldBits;
    return mask;
  }
}

/**
 * The token's lower-cased form holds a character fold() changes: its lookup
 * keys, while they describe it, tell (a comparison, not a scan). A folded key
 * equal to the form settles it at once: a folded string holds no such character.
 */
export function formFolds(t: TokenLike): boolean {
  const k = t.keys;
  if (k === undefined) return foldable(t.normal);
  if (k.normal === t.normal) return false;
  return k.of.text === t.text && k.of.normal === t.normal && k.of.lemma === t.lemma ? true : foldable(t.normal);
}

/** A token's lookup keys as PhraseMatcher reads them: its stored keys while they describe it, else fresh ones. */
function keysFor(t: TokenLike): TokenKeys {
  const k = t.keys;
  return k && k.of.text === t.text && k.of.normal === t.normal && k.of.lemma === t.lemma ? k : tokenKeys(t);
}

/** A phrase matcher compiled on its first lookup. */
export class LazyMatcher<T> {
  private matcher: PhraseMatcher<T> | null = null;
  constructor(private readonly build: () => PhraseMatcher<T>) {}
  matchAt(tokens: readonly TokenLike[], i: number, to = tokens.length): PhraseHit<T>[] {
    return (this.matcher ??= this.build()).matchAt(tokens, i, to);
  }
  findAll(tokens: readonly TokenLike[], from = 0, to = tokens.length): PhraseHit<T>[] {
    return (this.matcher ??= this.build()).findAll(tokens, from, to);
  }
}

export const TRIGGER_GATE = new Gate(PATTERNS.map((p) => p.phrase));

export const TRIGGERS = new LazyMatcher<Pattern>(() => new PhraseMatcher<Pattern>(PATTERNS.map((p) => ({ phrase: p.phrase, value: p })), 'lemma'));

// ---- cues -------------------------------------------------------------------

export type CueKind = 'negation' | 'refusal' | 'hedge' | 'future' | 'intent' | 'request' | 'desire';

export interface ModalityCue {
  phrase: string;
  kind: CueKind;
  /** The kind after a reporting verb ("said it would"). */
  reported?: CueKind;
  lower?: boolean;
  /** A modal of obligation ("must"): reported, it is the reporter's demand. */
  modal?: boolean;
  /** Counts only within two tokens before the trigger ("without" governs a phrase, not a clause). */
  adjacent?: boolean;
  /** Counts only when its first word is a verb ("call on" the verb, not "a video call on April 16"). */
  verb?: boolean;
}

export interface PairAnaphor {
  phrase: string;
  role?: string;
  reciprocal?: boolean;
}

interface CuesFile {
  modality: ModalityCue[];
  futureTimes: string[];
  reportingVerbs: string[];
  clauseOpeners: string[];
  pairAnaphors: PairAnaphor[];
  pluralPronouns: string[];
  singularPronouns: string[];
  lightVerbs: string[];
  recipientVerbs: string[];
  roleNouns: string[];
  accusationVerbs: string[];
  claimNouns: string[];
  topicNouns: string[];
  participationVerbs: string[];
  objectControlVerbs: string[];
}

const cues = loadData<CuesFile>('events/cues.json');

export const MODALITY = new LazyMatcher(() => new PhraseMatcher<ModalityCue>(cues.modality.map((c) => ({ phrase: c.phrase, value: c })), 'lemma'));
export const FUTURE_TIMES = new LazyMatcher(() => new PhraseMatcher<true>(cues.futureTimes.map((phrase) => ({ phrase, value: true as const })), 'lemma'));
export const PAIR_ANAPHORS = new LazyMatcher(() => new PhraseMatcher<PairAnaphor>(cues.pairAnaphors.map((a) => ({ phrase: a.phrase, value: a })), 'lemma'));
export const LIGHT_VERBS = new LazyMatcher(() => new PhraseMatcher<true>(cues.lightVerbs.map((phrase) => ({ phrase, value: true as const })), 'lemma'));
export const RECIPIENT_VERBS = new LazyMatcher(() => new PhraseMatcher<true>(cues.recipientVerbs.map((phrase) => ({ phrase, value: true as const })), 'lemma'));

export const MODALITY_GATE = new Gate(cues.modality.map((c) => c.phrase));
export const FUTURE_TIMES_GATE = new Gate(cues.futureTimes);
export const PAIR_ANAPHORS_GATE = new Gate(cues.pairAnaphors.map((a) => a.phrase));
export const LIGHT_VERBS_GATE = new Gate(cues.lightVerbs);
export const RECIPIENT_VERBS_GATE = new Gate(cues.recipientVerbs);

export const REPORTING_VERBS: ReadonlySet<string> = new Set(cues.reportingVerbs);
export const CLAUSE_OPENERS: ReadonlySet<string> = new Set(cues.clauseOpeners);
export const PLURAL_PRONOUNS: ReadonlySet<string> = new Set(cues.pluralPronouns);
export const SINGULAR_PRONOUNS: ReadonlySet<string> = new Set(cues.singularPronouns);
export const ROLE_NOUNS: ReadonlySet<string> = new Set(cues.roleNouns);
export const ACCUSATION_VERBS: ReadonlySet<string> = new Set(cues.accusationVerbs);
export const CLAIM_NOUNS: ReadonlySet<string> = new Set(cues.claimNouns);
export const TOPIC_NOUNS: ReadonlySet<string> = new Set(cues.topicNouns);
export const PARTICIPATION_VERBS: ReadonlySet<string> = new Set(cues.participationVerbs);
export const OBJECT_CONTROL_VERBS: ReadonlySet<string> = new Set(cues.objectControlVerbs);

/** Unnamed groups ("police", "protesters"): the opening words of data/events/groups.json, read on first use. */
export const GROUPS_GATE = new Gate(() => Object.keys(loadData<{ groups: Record<string, string> }>('events/groups.json').groups));

/** Words some trigger pattern needs as its object (the union of the patterns' object words). */
export const OBJECT_WORDS_GATE = new Gate(() => {
  const words = new Set<string>();
  for (const p of PATTERNS) if (p.object) for (const w of p.object) words.add(w);
  return [...words];
}, true);

export const CLAUSE_OPENERS_GATE = new Gate(cues.clauseOpeners, true);

export const PRONOUNS_GATE = new Gate([...cues.pluralPronouns, ...cues.singularPronouns], true);

export const REPORTING_VERBS_GATE = new Gate(cues.reportingVerbs, true);

export const ACCUSATION_VERBS_GATE = new Gate(cues.accusationVerbs, true);

/**
 * Words that are phrases of their own for the gates whose second words are
 * checked (tokens.ts): a token found here needs no second look. Keys are
 * folded forms, so whatever the gate set finds here the matcher's trie holds.
 */
export const TRIGGER_SINGLES = new Gate(() => TRIGGER_GATE.singleWords(), true);
export const MODALITY_SINGLES = new Gate(() => MODALITY_GATE.singleWords(), true);
export const FUTURE_TIMES_SINGLES = new Gate(() => FUTURE_TIMES_GATE.singleWords(), true);
export const PAIR_ANAPHORS_SINGLES = new Gate(() => PAIR_ANAPHORS_GATE.singleWords(), true);

/** Every word clausesOf looks at (clauses.ts): the clause punctuation, conjunctions, "as", "that", "according" and the clause openers. */
export const CLAUSE_WORDS_GATE = new Gate([';', ':', ',', 'according', 'and', 'or', 'but', 'yet', 'with', 'as', 'that', ...cues.clauseOpeners], true);

/**
 * Bits of a token's gate mask (see GATES): which dictionaries may match from it.
 * objectWord, reportingVerb and accusationVerb are also set when the token's
 * lower-cased lemma is such a word (tokens.ts), as their users compare it.
 */
export const GATE_BITS = { trigger: 1, modality: 2, futureTimes: 4, pairAnaphors: 8, groups: 16, objectWord: 32, clauseOpener: 64, pronoun: 128, reportingVerb: 256, accusationVerb: 512, clauseWord: 1024,
  triggerSingle: 2048, modalitySingle: 4096, futureTimesSingle: 8192, pairAnaphorsSingle: 16384 } as const;

/** The gates every token of an article is asked once, in the order of GATE_BITS. */
export const GATES = new GateSet([TRIGGER_GATE, MODALITY_GATE, FUTURE_TIMES_GATE, PAIR_ANAPHORS_GATE, GROUPS_GATE, OBJECT_WORDS_GATE, CLAUSE_OPENERS_GATE, PRONOUNS_GATE, REPORTING_VERBS_GATE, ACCUSATION_VERBS_GATE, CLAUSE_WORDS_GATE,
  TRIGGER_SINGLES, MODALITY_SINGLES, FUTURE_TIMES_SINGLES, PAIR_ANAPHORS_SINGLES]);
