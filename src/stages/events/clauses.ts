// Clauses inside a sentence, from wink's POS tags alone (there is no dependency
// parser): a trigger takes its subject, its mode cues and, first, its date from
// its own clause. A clause starts at a subordinator ("while", "when", "as"), a
// relative pronoun ("which", "who"), a coordinated verb phrase (", and Tehran
// aspires", "and killed"), a participle after a comma (", showcasing"), an
// absolute "with" (", with wars fought"), a semicolon, or a trailing attribution
// (", police said").
import type { Token } from '../../article.js';
import { CLAIM_NOUNS, CLAUSE_OPENERS, GATE_BITS, REPORTING_VERBS } from './dictionary.js';

export type ClauseKind = 'main' | 'subordinate' | 'relative' | 'coordinate' | 'participial' | 'absolute' | 'attribution';

export interface Clause {
  /** Token range [first, end) in the article's token array. */
  first: number;
  /** First token after the clause's opener ("as", "which", ", with", "and"): where its own words start. */
  body: number;
  end: number;
  kind: ClauseKind;
  /** The clause has no subject of its own and shares the previous clause's (participles, coordinated verbs). */
  inherits: boolean;
}

const RELATIVE_PRONOUNS: ReadonlySet<string> = new Set(['which', 'who', 'whom', 'whose', 'where']);

/** Quotes, brackets and dashes: punctuation inside a phrase, not between clauses. */
const QUOTE_CHARS: ReadonlySet<string> = new Set(['"', '“', '”', '‘', '’', "'", '`', '(', ')', '[', ']', '«', '»', '-']);
const FINITE_VERB = (t: Token): boolean => t.pos === 'VERB' || t.pos === 'AUX';

/** The token is punctuation made only of quotes, brackets and dashes. */
export function isQuote(t: Token): boolean {
  if (t.pos !== 'PUNCT') return false;
  const text = t.text;
  if (text.length === 0) return false;
  for (let k = 0; k < text.length; k++) if (!QUOTE_CHARS.has(text[k])) return false;
  return true;
}

/** A verb in -ing, or a past participle: not its lemma, ending -ed, -en, -wn, -ung or -t ("signed", "taken", "shown", "sung", "sought"). */
export function isParticiple(t: Token): boolean {
  if (t.pos !== 'VERB') return false;
  const w = t.normal;
  if (w.endsWith('ing')) return true;
  if (w === t.lemma.toLowerCase()) return false;
  return w.endsWith('t') || w.endsWith('ed') || w.endsWith('en') || w.endsWith('wn') || w.endsWith('ung');
}

/** A verb follows within the next few tokens, before any punctuation: what follows is a clause, not a phrase. */
function verbAhead(tokens: readonly Token[], from: number, end: number, span = 8): boolean {
  for (let j = from; j < end && j < from + span; j++) {
    const t = tokens[j];
    if (t.pos === 'PUNCT' && !isQuote(t)) return false;
    if (FINITE_VERB(t)) return true;
  }
  return false;
}

function nextWord(tokens: readonly Token[], from: number, end: number): Token | undefined {
  const at = nextWordAt(tokens, from, end);
  return at < end ? tokens[at] : undefined;
}

/** Where the next word that is no adverb or quote is, from `from`; `end` when there is none. */
function nextWordAt(tokens: readonly Token[], from: number, end: number): number {
  for (let j = from; j < end; j++) if (tokens[j].pos !== 'ADV' && !isQuote(tokens[j])) return j;
  return end;
}

/**
 * A trailing attribution: ", police said." / ", a human rights group protested
 * here Wednesday.": a short subject, one verb, then only time and place words
 * to the end of the sentence.
 */
function attributionAhead(tokens: readonly Token[], comma: number, end: number): boolean {
  // ", after soldiers detained ...", ", which denied any role": a clause opened by a preposition, a
  // subordinator or a relative pronoun is no attribution.
  const opener = tokens[comma + 1];
  if (opener && (opener.pos === 'ADP' || opener.pos === 'SCONJ' || opener.pos === 'CCONJ' || RELATIVE_PRONOUNS.has(opener.normal))) return false;
  for (let j = comma + 1; j < end && j < comma + 9; j++) {
    const t = tokens[j];
    if (t.pos === 'VERB' || t.pos === 'AUX') {
      if (j === comma + 1 || (t.pos === 'AUX' && !REPORTING_VERBS.has(t.lemma.toLowerCase()))) return false;
      // Only a time, place or the end may follow the reporting verb.
      for (let k = j + 1; k < end; k++) {
        const u = tokens[k];
        if (u.pos === 'VERB' || u.pos === 'AUX' || u.normal === 'that') return false;
      }
      return true;
    }
    if (t.pos === 'PUNCT' && !isQuote(t)) return false;
  }
  return false;
}

/**
 * ", a charge Moscow denied", ", an accusation Beijing rejects": a claim noun
 * with a subject and its verb after it, the noun their object: a relative
 * clause without its pronoun.
 */
function claimRelativeAhead(tokens: readonly Token[], comma: number, end: number): boolean {
  let j = comma + 1;
  if (j < end && tokens[j].pos === 'DET') j++;
  if (j + 2 >= end || !CLAIM_NOUNS.has(tokens[j].normal)) return false;
  const subject = tokens[j + 1];
  if (subject.pos !== 'PROPN' && subject.pos !== 'PRON' && subject.pos !== 'NOUN') return false;
  for (let k = j + 2; k < end && k <= j + 4; k++) if (FINITE_VERB(tokens[k])) return true;
  return false;
}

/** "such as", "as well as", "so as": no subordinate "as" after these; nor before these ("as well", "as part of", "as a"). */
const NOT_AFTER_AS: ReadonlySet<string> = new Set(['such', 'well', 'as', 'so', 'same']);
const NOT_BEFORE_AS: ReadonlySet<string> = new Set(['well', 'part', 'of', 'a', 'an', 'to', 'much', 'many', 'long', 'soon']);

/** Token `i` follows a comma (",” and": a closing quote after the comma does not hide it). */
function afterComma(tokens: readonly Token[], i: number, first: number): boolean {
  const prev = i > first ? tokens[i - 1] : undefined;
  return prev?.text === ',' || (prev !== undefined && isQuote(prev) && i - 2 >= first && tokens[i - 2].text === ',');
}

/** Splits the sentence's tokens [first, end) into clauses. `gates`: the article's gate masks (tokens.ts), if computed. */
export function clausesOf(tokens: readonly Token[], first: number, end: number, gates?: Uint16Array): Clause[] {
  const starts: { at: number; kind: ClauseKind; inherits: boolean }[] = [{ at: first, kind: 'main', inherits: false }];
  const open = (at: number, kind: ClauseKind, inherits = false): void => {
    if (at <= first || at >= end) return;
    const last = starts[starts.length - 1];
    if (last.at === at) return;
    starts.push({ at, kind, inherits });
  };

  for (let i = first; i < end; i++) {
    // Every rule below looks at punctuation or one of the clause words: other words are passed over at once.
    const t = tokens[i];
    if (gates !== undefined && (gates[i] & GATE_BITS.clauseWord) === 0 && t.pos !== 'PUNCT') continue;
    const prev = i > first ? tokens[i - 1] : undefined;
    const normal = t.normal;

    if (t.text === ';' || t.text === ':') {
      open(i + 1, 'main');
      continue;
    }
    if (t.text === ',') {
      const next = tokens[i + 1];
      if (!next) continue;
      // "the Democratic Party, which controls the National Assembly, has called ...": the main clause resumes.
      const current = starts[starts.length - 1];
      if (current.kind === 'relative' && tokens[current.at - 1]?.text === ',' && (next.pos === 'AUX' || next.pos === 'VERB') && !isParticiple(next)) {
        open(i + 1, 'coordinate', true);
        continue;
      }
      if (claimRelativeAhead(tokens, i, end)) {
        open(i + 1, 'relative');
        continue;
      }
      if (attributionAhead(tokens, i, end)) {
        open(i + 1, 'attribution');
        continue;
      }
      // ", showcasing their ..." / ", potentially enhancing ...": the participle shares the subject of
      // the clause before, which must have a verb ("However, lingering distrust remains" is one clause).
      const word = nextWord(tokens, i + 1, end);
      const clauseStart = starts[starts.length - 1].at;
      let hasVerb = false;
      for (let j = clauseStart; j < i && !hasVerb; j++) hasVerb = FINITE_VERB(tokens[j]);
      if (word && hasVerb && isParticiple(word) && word.normal.endsWith('ing')) open(i + 1, 'participial', true);
      continue;
    }
    if (normal === 'according' && tokens[i + 1]?.normal === 'to') {
      open(i, 'attribution');
      continue;
    }
    if (t.pos === 'CCONJ' && (normal === 'and' || normal === 'or' || normal === 'but' || normal === 'yet')) {
      const at = nextWordAt(tokens, i + 1, end);
      const word = at < end ? tokens[at] : undefined;
      // "and killed", "but will": a coordinated verb phrase keeps the subject; so does "and each accused the
      // other", where "each" is one of the parties the subject named.
      if (word && (FINITE_VERB(word) || (word.normal === 'each' && at + 1 < end && FINITE_VERB(tokens[at + 1])))) {
        open(i, 'coordinate', true);
        continue;
      }
      if ((afterComma(tokens, i, first) || normal === 'but' || normal === 'yet') && verbAhead(tokens, i + 1, end)) open(i, 'coordinate');
      continue;
    }
    if (normal === 'with' && afterComma(tokens, i, first)) {
      open(i, 'absolute');
      continue;
    }
    if (normal === 'as') {
      const before = prev?.normal ?? '';
      if (t.pos === 'SCONJ' || (!NOT_AFTER_AS.has(before) && tokens[i + 1] && !NOT_BEFORE_AS.has(tokens[i + 1].normal) && verbAhead(tokens, i + 1, end))) {
        open(i, 'subordinate');
      }
      continue;
    }
    // "the 1965 treaty that normalized relations": a relative "that" after a noun, before its verb.
    if (normal === 'that' && prev && (prev.pos === 'NOUN' || prev.pos === 'PROPN') && tokens[i + 1] && FINITE_VERB(tokens[i + 1])) {
      open(i, 'relative');
      continue;
    }
    if ((gates === undefined || (gates[i] & GATE_BITS.clauseOpener) !== 0) && CLAUSE_OPENERS.has(normal)) {
      const relative = RELATIVE_PRONOUNS.has(normal);
      const temporal = normal === 'before' || normal === 'after' || normal === 'until' || normal === 'once' || normal === 'since';
      if (temporal && !(t.pos === 'SCONJ' || verbAhead(tokens, i + 1, end, 7))) continue;
      if (normal === 'but' || normal === 'yet') continue; // handled as CCONJ above
      // "before releasing the next tranche": a gerund clause has no subject of its own, it shares the main one.
      const gerund = !relative && tokens[i + 1]?.pos === 'VERB' && tokens[i + 1].normal.endsWith('ing');
      open(i, relative ? 'relative' : 'subordinate', gerund);
    }
  }

  const clauses: Clause[] = [];
  for (let k = 0; k < starts.length; k++) {
    const s = starts[k];
    const clauseEnd = k + 1 < starts.length ? starts[k + 1].at : end;
    const opener = s.kind === 'main' || s.kind === 'participial' || s.kind === 'attribution' ? 0 : 1;
    if (clauseEnd > s.at) clauses.push({ first: s.at, body: Math.min(clauseEnd, s.at + opener), end: clauseEnd, kind: s.kind, inherits: s.inherits });
  }
  return clauses;
}
