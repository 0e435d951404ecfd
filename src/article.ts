// The article carrier: one object per article. `text` is fixed at ingest; every
// annotation points into it with UTF-16 offsets (end exclusive) and repeats its
// text, so `text.slice(start, end) === annotation.text` always holds.

export const SCHEMA_VERSION = 1;

export interface Span {
  start: number;
  end: number;
  text: string;
}

export type Severity = 'error' | 'warning' | 'info';

/** A positioned problem; `fatal` stops this article only, never the corpus. */
export interface Diagnostic {
  severity: Severity;
  stage: string;
  rule: string;
  message: string;
  start?: number;
  end?: number;
  fatal?: boolean;
}

/** Whether a value was written in the text or inferred from context (the publication date). */
export type Certainty = 'stated' | 'implied';

export type SourceFormat = 'txt' | 'md' | 'html' | 'json' | 'jsonl';

export interface ArticleSource {
  /** Path inside the corpus folder, with forward slashes. */
  path: string;
  /** Hash of the whole file's bytes. */
  sha256: string;
  format: SourceFormat;
  /** How the text was obtained: verbatim, markdown-to-text, readability, json-field:body, ... */
  extraction: string;
  /** The encoding the bytes were decoded from (utf-8, or utf-16le/be after a BOM). */
  encoding: string;
  /** For a file holding several articles (json, jsonl): the article's own id or 1-based position. */
  key?: string;
}

export interface ArticleMeta {
  id: string;
  source: ArticleSource;
  title: string | null;
  publisher: string | null;
  url: string | null;
  /** Publication date, YYYY-MM-DD, or null when unknown. */
  published: string | null;
  language: string;
}

// ---- segment ----------------------------------------------------------------

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Lower-cased form. */
  normal: string;
  lemma: string;
  /** Universal POS tag from wink (NOUN, VERB, PROPN, PUNCT, SPACE, ...). */
  pos: string;
  /** wink's negation flag: the token sits in the scope of a negation. */
  negated: boolean;
  /** Index of the sentence holding this token. */
  sentence: number;
  /** Dictionary lookup keys, computed once by segment (see lexicon/phrases.ts). */
  keys: TokenKeys;
}

/** A token's forms as dictionaries compare them: quotes and dashes straightened, the lemma lower-cased. */
export interface TokenKeys {
  text: string;
  normal: string;
  lemma: string;
  /** The forms they were made from: a copy of the token with another text must not use them. */
  of: { text: string; normal: string; lemma: string };
  /**
   * Answers that depend only on these forms, kept by stages (FormMemo in
   * lexicon/phrases.ts): segment shares one keys object among tokens of the same forms.
   */
  memo?: unknown[];
}

export interface SentenceSpan extends Span {
  index: number;
  /** Tokens [firstToken, endToken) of this sentence in the token array. */
  firstToken: number;
  endToken: number;
}

export interface Segmentation {
  sentences: SentenceSpan[];
  tokens: Token[];
}

// ---- dates ------------------------------------------------------------------

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface DateMention extends Span {
  type: TimexType;
  /** TIMEX3 value: 2025-01-17, 2025-W03, 1991, 199, 18, P3Y, PRESENT_REF, XXXX-XX-XX ... */
  value: string;
  /** TIMEX3 mod: START, MID, END, APPROX, MORE_THAN, LESS_THAN, ... */
  mod?: string;
  /** The date the value was resolved against (the publication date), null when absolute. */
  anchor: string | null;
  certainty: Certainty;
  /** Parser or refiner that produced the value, as `parser:name`. */
  rule: string;
  sentence: number;
}

// ---- entities ---------------------------------------------------------------

export type EntityType = 'PERSON' | 'ORGANIZATION' | 'LOCATION' | 'NORP';

export interface Mention extends Span {
  sentence: number;
  /** Actor this mention stands for here ("Beijing said" → CHNGOV; "in Beijing" → CHN). */
  actor: string | null;
  rule: string;
}

export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  /** CAMEO-style actor code (RUS, RUSGOV, IRNMIL, NATO) or null. */
  actor: string | null;
  /** ISO 3166-1 alpha-3 code of the country the entity belongs to, or null. */
  country: string | null;
  /** Finer kind: country, city, capital, region, leader, military, agency, igo, demonym, ... */
  kind: string;
  mentions: Mention[];
}

// ---- stance -----------------------------------------------------------------

export type StanceLabel = 'cooperation' | 'distrust' | 'mixed' | 'neutral';

export interface StanceCue extends Span {
  polarity: 'cooperation' | 'distrust';
  /** Signed contribution after composition (negation, contrast, intensifiers). */
  weight: number;
  /** Lexicon weight before composition. */
  base: number;
  /** What changed it: negated, contrast-subordinate, intensified, hedged, ... */
  modifiers: string[];
  rule: string;
  /**
   * Set when the cue concerns only some actors, sorted: the holder and target of a
   * third-party cue ("Western sanctions on Iran", "U.S. pressure"), or the actors
   * of the cue's clause in a sentence naming three or more countries. The dyads
   * stage credits the cue to those actors instead of every pair of the sentence.
   */
  about?: string[];
}

export interface SentenceStance {
  label: StanceLabel;
  score: number;
  confidence: number;
  cues: StanceCue[];
  /** Actor codes the sentence is about (sorted). */
  about: string[];
  hedged: boolean;
  historical: boolean;
}

export interface Sentence extends Span {
  stance: SentenceStance;
}

// ---- events -----------------------------------------------------------------

export type PloverCategory =
  | 'AGREE' | 'CONSULT' | 'SUPPORT' | 'CONCEDE' | 'COOPERATE' | 'AID' | 'RETREAT' | 'REQUEST'
  | 'ACCUSE' | 'REJECT' | 'SANCTION' | 'THREATEN' | 'PROTEST' | 'MOBILIZE' | 'COERCE' | 'ASSAULT';

export type QuadClass =
  | 'VERBAL_COOPERATION' | 'MATERIAL_COOPERATION' | 'VERBAL_CONFLICT' | 'MATERIAL_CONFLICT';

/** The quad classes in the order every per-class count is written. */
export const QUAD_CLASSES: readonly QuadClass[] = ['VERBAL_COOPERATION', 'MATERIAL_COOPERATION', 'VERBAL_CONFLICT', 'MATERIAL_CONFLICT'];

export type EventMode = 'asserted' | 'negated' | 'hypothetical' | 'future';

export interface EventActor extends Span {
  actor: string;
  name: string;
}

export interface EventRecord {
  id: string;
  articleId: string;
  published: string | null;
  date: {
    value: string;
    text: string | null;
    start?: number;
    end?: number;
    basis: 'sentence' | 'publication' | 'unknown';
  };
  source: EventActor | null;
  target: EventActor | null;
  type: PloverCategory;
  quadClass: QuadClass;
  intensity: number;
  stance: number;
  mode: EventMode;
  historical: boolean;
  trigger: Span;
  evidence: Span & { sentence: number };
  confidence: number;
  rule: string;
}

// ---- dyads ------------------------------------------------------------------

export interface Dyad {
  /** Two actor codes, sorted. */
  actors: [string, string];
  /** Sum of cooperation evidence (>= 0). */
  cooperation: number;
  /** Sum of distrust evidence (>= 0). */
  distrust: number;
  /** (cooperation - distrust) / (cooperation + distrust), 0 when both are 0. */
  stance: number;
  /** Indexes of the sentences that contributed. */
  sentences: number[];
  /** Events between the two actors, by quad class. */
  events: Record<QuadClass, number>;
}

// ---- the carrier ------------------------------------------------------------

/** What the stages add, one layer each. */
export interface Layers {
  segments: Segmentation;
  dates: DateMention[];
  entities: Entity[];
  stance: SentenceStance[];
  events: EventRecord[];
  dyads: Dyad[];
}

export type LayerName = keyof Layers;

export interface ArticleDoc extends ArticleMeta {
  text: string;
  layers: Partial<Layers>;
  diagnostics: Diagnostic[];
}

/** The article JSON contract (output/articles/<id>.json and `extract`). */
export interface ArticleJson extends ArticleMeta {
  schemaVersion: number;
  text: string;
  sentences: Sentence[];
  dates: DateMention[];
  entities: Entity[];
  events: EventRecord[];
  dyads: Dyad[];
  diagnostics: Diagnostic[];
}

/** The layer a stage produced, or throw: the pipeline turns a missing layer into a clear error. */
export function layer<K extends LayerName>(doc: ArticleDoc, name: K): Layers[K] {
  const value = doc.layers[name];
  if (value === undefined) throw new Error(`layer "${name}" is needed but has not been produced`);
  return value;
}
