// The tense around a time expression, from the verb group nearest to it. wink
// gives universal POS tags only (no VBD), so a past form is a verb whose
// surface differs from its lemma and is not an -ing or third-person -s form;
// auxiliaries before a verb decide its group's tense ("will meet" is future,
// "has met" past, "is expected" present).
import type { Token } from '../../article.js';
import { loadData } from '../../data.js';
import { Scanner } from './parsers/pattern.js';

export type Tense = 'past' | 'present' | 'future';

interface TenseData {
  future: string[];
  futurePhrases: string[];
  pastAuxiliaries: string[];
  presentAuxiliaries: string[];
  perfectAuxiliaries: string[];
  pastPerfectAuxiliaries: string[];
  irregularPast: string[];
  deadlineCues: string[];
  boundCues: string[];
}

const data = loadData<TenseData>('dates/tense.json');
const FUTURE = new Set(data.future);
/** Future phrases by their first word: most tokens start none. */
const FUTURE_PHRASES = new Map<string, string[][]>();
for (const p of data.futurePhrases) {
  const words = p.split(' ');
  const list = FUTURE_PHRASES.get(words[0]);
  if (list) list.push(words);
  else FUTURE_PHRASES.set(words[0], [words]);
}
const PAST_AUX = new Set(data.pastAuxiliaries);
const PRESENT_AUX = new Set(data.presentAuxiliaries);
const PERFECT_AUX = new Set(data.perfectAuxiliaries);
const IRREGULAR_PAST = new Set(data.irregularPast);
const PAST_PERFECT_AUX = new Set(data.pastPerfectAuxiliaries);

const norm = (t: Token): string => (t.normal.includes('’') ? t.normal.replace(/’/g, "'") : t.normal);
const isVerb = (t: Token): boolean => t.pos === 'VERB' || t.pos === 'AUX';

/** The length of the longest future phrase ("going to", "plans to", "is scheduled to") starting at token i, or 0. */
function futurePhraseAt(tokens: readonly Token[], i: number): number {
  const phrases = FUTURE_PHRASES.get(norm(tokens[i]));
  if (phrases === undefined) return 0;
  let longest = 0;
  for (const phrase of phrases) {
    if (phrase.length <= longest) continue;
    let k = 1;
    while (k < phrase.length && i + k < tokens.length && norm(tokens[i + k]) === phrase[k]) k++;
    if (k === phrase.length) longest = k;
  }
  return longest;
}

/** The tense a finite form shows by itself, or null for untensed forms (infinitives, -ing, modals like "would"). */
function formTense(t: Token): Tense | null {
  const w = norm(t);
  if (FUTURE.has(w)) return 'future';
  if (PAST_AUX.has(w)) return 'past';
  if (PERFECT_AUX.has(w)) return 'past';
  if (PRESENT_AUX.has(w)) return 'present';
  if (t.pos === 'AUX') return null;
  if (w.endsWith('ing')) return null;
  if (IRREGULAR_PAST.has(w) || (w.endsWith('ed') && w !== t.lemma)) return 'past';
  if (w !== t.lemma) return w.endsWith('s') ? 'present' : 'past';
  return 'present';
}

/**
 * The tense of the verb group ending at token i (a main verb), from the
 * auxiliaries before it: the first finite auxiliary decides, except that
 * "has/have" + participle is a past event and "is/are" + participle a present one.
 */
function groupTense(tokens: readonly Token[], i: number): Tense | null {
  let j = i - 1;
  let tense: Tense | null = null;
  while (j >= 0 && (tokens[j].pos === 'AUX' || tokens[j].pos === 'ADV' || tokens[j].pos === 'PART')) {
    if (norm(tokens[j]) === 'to') return null; // infinitive: "scheduled to close"
    if (tokens[j].pos === 'AUX') {
      const w = norm(tokens[j]);
      if (FUTURE.has(w)) return 'future';
      if (PERFECT_AUX.has(w) || PAST_AUX.has(w)) tense = 'past';
      else if (PRESENT_AUX.has(w)) tense ??= 'present';
      else if (w === 'could' || w === 'might' || w === 'should' || w === 'may' || w === 'can' || w === 'must') return null;
    }
    j--;
  }
  if (tense) return tense;
  return formTense(tokens[i]);
}

/**
 * Whether the verb at token i tells a past event by itself: a past form ("became",
 * "released") not after an auxiliary that puts it in the present or future
 * ("is expected", "will be"). "was soon released", "soon became".
 */
export function pastVerbAt(tokens: readonly Token[], i: number, before: number): boolean {
  const t = tokens[i];
  if (!t || !isVerb(t) || formTense(t) !== 'past' || PAST_AUX.has(norm(t)) || PERFECT_AUX.has(norm(t))) return false;
  const b = before >= 0 ? norm(tokens[before]) : '';
  return !FUTURE.has(b) && !PRESENT_AUX.has(b) && !MODALS.has(b);
}

const MODALS = new Set(['can', 'could', 'may', 'might', 'must', 'should', 'be', 'to']);

/**
 * A capitalised "verb" inside a sentence, after a word, is a name the tagger
 * misread ("Roe vs. Wade", "Will Rogers"): it has no tense. A sentence's first
 * word, or one after punctuation (a quote opening), may be a verb.
 */
function isNameInside(tokens: readonly Token[], i: number): boolean {
  const c = tokens[i].text.charCodeAt(0);
  return c >= 65 && c <= 90 && i > 0 && tokens[i - 1].pos !== 'PUNCT';
}

/** A verb group: its token, its tense, and the aside it sits in (token indexes of the commas around it), if any. */
interface VerbGroup {
  at: number;
  tense: Tense;
  aside: [number, number] | null;
}

/** Verb groups per sentence token array: several expressions of a sentence share them. */
const groupsOf = new WeakMap<readonly Token[], VerbGroup[]>();

function verbGroups(tokens: readonly Token[]): VerbGroup[] {
  let groups = groupsOf.get(tokens);
  if (!groups) groupsOf.set(tokens, (groups = findVerbGroups(tokens)));
  return groups;
}

/** Token indexes and tenses of the verb groups of a sentence. */
function findVerbGroups(tokens: readonly Token[]): VerbGroup[] {
  const groups: VerbGroup[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const phrase = futurePhraseAt(tokens, i);
    if (phrase > 0) {
      // "had been scheduled to": a plan told in the past perfect was overtaken, its time is behind. "was
      // expected to", "were planning to" report a plan still standing when written, whose time is ahead.
      let j = i - 1;
      while (j >= 0 && (tokens[j].pos === 'ADV' || norm(tokens[j]) === 'been')) j--;
      const tense = j >= 0 && PAST_PERFECT_AUX.has(norm(tokens[j])) ? 'past' : 'future';
      // The phrase is one group, placed at its last word ("is set for", "is expected"): its verbs make no other.
      groups.push({ at: i + phrase - 1, tense, aside: asideAround(tokens, i + phrase - 1) });
      i += phrase - 1;
      continue;
    }
    if (!isVerb(tokens[i]) || isNameInside(tokens, i)) continue;
    // An auxiliary followed by its verb belongs to that verb's group.
    let k = i + 1;
    while (k < tokens.length && (tokens[k].pos === 'ADV' || tokens[k].pos === 'PART')) k++;
    if (tokens[i].pos === 'AUX' && k < tokens.length && isVerb(tokens[k])) continue;
    // An auxiliary chain without a verb ("will be payable", "has been") takes its tense from its first auxiliary.
    const tense = groupTense(tokens, i);
    if (tense) groups.push({ at: i, tense, aside: asideAround(tokens, i) });
  }
  return groups;
}

/** The tense of the verb group nearest to token range [first, end) of a sentence ("present" when there is none). */
export function tenseAround(tokens: readonly Token[], first: number, end: number): Tense {
  let best: Tense = 'present';
  let distance = Infinity;
  // A quotation mark between an expression and a verb puts them in different clauses ("will leave at 4 a.m.
  // Thursday,'' Castro said"): a verb on the same side of every quote mark wins over a nearer one across.
  const left = quoteBefore(tokens, first);
  const right = quoteAfter(tokens, end);
  let across = true;
  for (const g of verbGroups(tokens)) {
    if (g.at >= first && g.at < end) continue;
    // A verb in an aside tells the aside's time, unless the expression is in the same aside.
    if (g.aside && !(first > g.aside[0] && first < g.aside[1])) continue;
    // Left neighbours win ties: "said Friday" is read from "said".
    const d = g.at < first ? first - g.at : g.at - end + 1.5;
    const crosses = g.at < first ? g.at < left : g.at > right;
    if ((across && !crosses) || (across === crosses && d < distance)) [best, distance, across] = [g.tense, d, crosses];
  }
  return best;
}

/**
 * The commas around token i when it sits in an aside that opens with a participle
 * or a relative pronoun and after which the clause goes on with its verb (",
 * wondering how he could have fled, searched"; ", who will retire, said"), or null.
 */
function asideAround(tokens: readonly Token[], i: number): [number, number] | null {
  let open = i - 1;
  while (open >= 0 && tokens[open].text !== ',' && tokens[open].text !== ';') open--;
  if (open < 0 || tokens[open].text !== ',') return null;
  let close = i + 1;
  while (close < tokens.length && tokens[close].text !== ',' && tokens[close].text !== ';' && tokens[close].text !== '.') close++;
  // The clause resumes with its verb after the closing comma; a comma before anything else is a list's.
  if (close + 1 >= tokens.length || tokens[close].text !== ',' || !isVerb(tokens[close + 1])) return null;
  const opener = tokens[open + 1];
  const w = norm(opener);
  return (opener.pos === 'VERB' && w.endsWith('ing')) || w === 'who' || w === 'which' || w === 'whose' ? [open, close] : null;
}

const isQuote = (t: Token): boolean => t.pos === 'PUNCT' && /^(?:["“”'‘’`]|``|''|‘‘|’’)$/.test(t.text);

/** The index of the nearest quotation mark before token `first`, or -1. */
function quoteBefore(tokens: readonly Token[], first: number): number {
  for (let i = first - 1; i >= 0; i--) if (isQuote(tokens[i])) return i;
  return -1;
}

/** The index of the nearest quotation mark at or after token `end`, or the sentence length. */
function quoteAfter(tokens: readonly Token[], end: number): number {
  for (let i = end; i < tokens.length; i++) if (isQuote(tokens[i])) return i;
  return tokens.length;
}

/** What the words just before an expression say about its direction, whatever the tense. */
export type Cue = 'deadline' | 'bound';

const cuePattern = (phrases: string[]): Scanner =>
  new Scanner(`(?<![\\p{L}])(?:${phrases.map((p) => p.replace(/ /g, '\\s+')).join('|')})\\s+(?:(?:the|on|at|noon|midnight|\\d{1,2}(?::\\d\\d)?\\s*[ap]\\.?m\\.?(?:\\s+[A-Z]{3})?,?)\\s+)*$`, 'iu');
const DEADLINE = cuePattern(data.deadlineCues);
const BOUND = cuePattern(data.boundCues);

/** Words a cue pattern can end with before its spaces: the cues' last words and the fillers after them ("until the", "by noon"). */
const CUE_ENDS = new Set([...data.deadlineCues, ...data.boundCues].map((p) => p.split(' ').pop()!).concat(['the', 'on', 'at', 'noon', 'midnight', 'am', 'pm', 'm']));

/**
 * Whether a cue pattern may match at the end of `before`: it ends with spaces
 * after a cue word, a filler or a clock. Plain words that are none of these
 * (most words) are answered without the patterns; anything else is left to them.
 */
function mayEndWithCue(before: string): boolean {
  let end = before.length;
  let c = 0;
  while (end > 0 && ((c = before.charCodeAt(end - 1)) === 32 || (c >= 9 && c <= 13))) end--;
  if (end === before.length) return c > 127;
  let start = end;
  while (start > 0) {
    const l = before.charCodeAt(start - 1) | 0x20;
    if (l < 97 || l > 122) break;
    start--;
  }
  // Digits, dots, commas, other scripts, or a three-letter word (a time zone: "3 p.m. EST"): the patterns decide.
  if (start === end || (start > 0 && !isPlainBoundary(before.charCodeAt(start - 1))) || end - start === 3) return true;
  return CUE_ENDS.has(before.slice(start, end).toLowerCase());
}

/** A character after which an ASCII word stands alone: a space or ASCII punctuation other than a dot, comma or digit. */
function isPlainBoundary(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c < 128 && c !== 46 && c !== 44 && !(c >= 48 && c <= 57) && !((c | 0x20) >= 97 && (c | 0x20) <= 122));
}

/** "until Tuesday", "payable Jan. 3" (deadline); "by Friday", "through January" (bound); from the sentence text before the expression. */
export function cueBefore(before: string): Cue | null {
  if (!mayEndWithCue(before)) return null;
  if (DEADLINE.test(before)) return 'deadline';
  if (BOUND.test(before)) return 'bound';
  return null;
}
