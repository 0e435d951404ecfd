// What the entities parsers and refiners share: the token view, the spans other
// stages claimed (dates), and the candidate mentions being built.
import type { DateMention, EntityType, Segmentation } from '../../article.js';
import type { PhraseHit } from '../../lexicon/phrases.js';
import type { GazetteerEntry } from './gazetteer.js';
import { TITLES, type Title } from './lexicon.js';
import { isCapitalised, tokenView, type NameToken, type SentenceRange } from './tokens.js';

/**
 * How much stands behind a candidate: a known name (gazetteer), a typed signal
 * (title, head word, name lexicon), capitalisation alone (weak), or capitalisation
 * where it proves nothing (headline, sentence start) until the same name is
 * confirmed elsewhere in the article.
 */
export type Evidence = 'known' | 'signal' | 'weak' | 'unconfirmed';

export interface TitleUse {
  title: Title;
  /** Token range of the title words. */
  first: number;
  last: number;
  former: boolean;
}

export interface Candidate {
  /** Token range [first, last) in the view, and the character span. */
  first: number;
  last: number;
  start: number;
  end: number;
  key: string;
  name: string;
  type: EntityType;
  kind: string;
  /** The entity's own code (a country, an organisation); persons are coded by refiners. */
  actor: string | null;
  country: string | null;
  /** What this mention stands for here, once refiners have decided. */
  mentionActor?: string | null;
  rule: string;
  evidence: Evidence;
  entry?: GazetteerEntry;
  title?: TitleUse;
  /** A nominal mention ("the Russian president") resolved to a named entity. */
  nominal?: boolean;
  /** CAMEO role a body named by its head word plays ("Defense Ministry" → GOV), for a country found later. */
  role?: string | null;
  /** Set when a refiner removes the candidate, with the reason. */
  dropped?: string;
}

export interface Context {
  text: string;
  published: string | null;
  tokens: NameToken[];
  sentences: SentenceRange[];
  /** 1 where a token lies inside a date span: "May" and "March" are months. */
  inDate: Uint8Array;
  /** Per sentence: written in title case (a headline), where capitals prove nothing. */
  headline: boolean[];
  /** Title phrases found anywhere, by token range. */
  titles: PhraseHit<Title>[];
  /** Title ending right before token i. */
  titleBefore: Map<number, PhraseHit<Title>>;
  /** 1 where a token is part of a title phrase. */
  inTitle: Uint8Array;
  /** Gazetteer candidate covering token i (index into `known`), or -1. */
  knownAt: Int32Array;
  known: Candidate[];
}

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'ADJ', 'VERB', 'ADV', 'NUM']);

/**
 * A headline: no closing punctuation and most content words capitalised
 * ("The Complex Alliance of Russia and Iran: A Historical Perspective").
 */
export function isHeadline(tokens: NameToken[], s: SentenceRange): boolean {
  const last = tokens[s.last - 1];
  if (!last || /^[.!?]$/.test(last.text)) return false;
  let content = 0;
  let capital = 0;
  for (let i = s.first; i < s.last; i++) {
    const t = tokens[i];
    if (!CONTENT_POS.has(t.pos) || !/\p{L}/u.test(t.text)) continue;
    content++;
    if (isCapitalised(t.text)) capital++;
  }
  return content >= 2 && capital / content >= 0.6;
}

export function buildContext(text: string, published: string | null, seg: Segmentation, dates: readonly DateMention[]): Context {
  const { tokens, sentences } = tokenView(seg);
  const inDate = new Uint8Array(tokens.length);
  if (dates.length > 0) {
    let d = 0;
    const sorted = [...dates].sort((a, b) => a.start - b.start);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      while (d < sorted.length && sorted[d].end <= t.start) d++;
      for (let k = d; k < sorted.length && sorted[k].start < t.end; k++) {
        if (sorted[k].end > t.start) {
          inDate[i] = 1;
          break;
        }
      }
    }
  }
  const titles: PhraseHit<Title>[] = [];
  const titleBefore = new Map<number, PhraseHit<Title>>();
  const inTitle = new Uint8Array(tokens.length);
  for (const s of sentences) {
    for (const hit of TITLES.findAll(tokens, s.first, s.last)) {
      titles.push(hit);
      titleBefore.set(hit.end, hit);
      inTitle.fill(1, hit.first, hit.end);
    }
  }
  return {
    text,
    published,
    tokens,
    sentences,
    inDate,
    headline: sentences.map((s) => isHeadline(tokens, s)),
    titles,
    titleBefore,
    inTitle,
    knownAt: new Int32Array(tokens.length).fill(-1),
    known: [],
  };
}

/** A candidate over tokens [first, last). */
export function span(ctx: Context, first: number, last: number): { first: number; last: number; start: number; end: number } {
  return { first, last, start: ctx.tokens[first].start, end: ctx.tokens[last - 1].end };
}

/** The text of tokens [first, last) as written. */
export function spanText(ctx: Context, first: number, last: number): string {
  return ctx.text.slice(ctx.tokens[first].start, ctx.tokens[last - 1].end);
}

/** First token of its sentence, or right after an opening quote, bracket, colon or dash. */
export function isSentenceInitial(ctx: Context, i: number): boolean {
  const s = ctx.sentences[ctx.tokens[i].sentence];
  let j = i - 1;
  while (j >= s.first && /^[“"‘'(\[]$/.test(ctx.tokens[j].text)) j--;
  if (j < s.first) return true;
  return /^[:;—–-]$/.test(ctx.tokens[j].text) && ctx.tokens[j].end !== ctx.tokens[i].start;
}
