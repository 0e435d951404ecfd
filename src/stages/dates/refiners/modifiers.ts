// TIMEX3 mods from the words just before an expression, which join its span:
// "the early 20th century" (START), "mid-1990s" (MID), "the end of 1990" (END),
// "earlier this month" (START), "more than two years" (MORE_THAN); and the words
// just after it: "1990 or so" (APPROX), "1994 or later" (ON_OR_AFTER).
import { loadData } from '../../../data.js';
import { alternation } from '../lexicon.js';
import { lastWords, Scanner } from '../parsers/pattern.js';
import type { Candidate, Refiner } from '../types.js';

interface Prefix {
  phrase: string;
  /** null: the word joins the span without a mod ("fiscal 1989"). */
  mod: string | null;
  applies: 'point' | 'amount' | 'any';
  only?: 'deictic';
}

const prefixes = loadData<{ prefixes: Prefix[] }>('dates/modifiers.json').prefixes;
const BY_PHRASE = new Map(prefixes.map((p) => [p.phrase, p]));
/** The longest prefix phrase ending right before the expression (a space or a hyphen between: "mid-1990s"). */
const PREFIX = new Scanner(`(?<![\\p{L}\\p{N}])(?<phrase>${alternation(BY_PHRASE.keys())})(?:\\s*[-‐‑]\\s*|\\s+)$`, 'iu');
/** The last words of the prefix phrases: the word before an expression is one of them, or no prefix ends there. */
const LAST_WORDS = new Set(prefixes.map((p) => p.phrase.split(' ').pop()!.toLowerCase()));

/**
 * The word before the spaces and hyphens that end a text, lower-cased;
 * undefined when none end it (no prefix can), null when the pattern must
 * decide (other spaces or letters than ASCII).
 */
function lastWordBefore(text: string): string | null | undefined {
  let end = text.length;
  let c = 0;
  while (end > 0 && isSeparator((c = text.charCodeAt(end - 1)))) end--;
  if (end === text.length) return c > 127 ? null : undefined;
  if (end > 0 && c > 127) return null;
  let start = end;
  while (start > 0) {
    c = text.charCodeAt(start - 1) | 0x20;
    if (c < 97 || c > 122) break;
    start--;
  }
  if (start > 0 && text.charCodeAt(start - 1) > 127) return null;
  return text.slice(start, end).toLowerCase();
}

/** Space, tab, line breaks and hyphens (ASCII and U+2010, U+2011): what the pattern allows after a prefix. */
function isSeparator(c: number): boolean {
  return c === 32 || c === 45 || (c >= 9 && c <= 13) || c === 0x2010 || c === 0x2011;
}


const OR_SO = /\s+or\s+so(?![\p{L}\p{N}])/iuy;
/** "1994 or later", "1990 and beyond", "May or earlier": an open end closing a clause after a point ("in 1984 and later served" is another clause). */
const OPEN_END = /\s+(?:or|and)\s+(?<way>later|beyond|after|thereafter|earlier|before)(?=\s*(?:[.,;:!?)"'”’]|$))/iuy;

function prefixBefore(before: string): RegExpExecArray | null {
  const word = lastWordBefore(before);
  if (word === undefined || (word !== null && !LAST_WORDS.has(word))) return null;
  return PREFIX.exec(before);
}

function fits(prefix: Prefix, c: Candidate, text: string): boolean {
  if (prefix.only === 'deictic' && !/^(?:this|last|next|that)\s/i.test(text)) return false;
  // "about the future": vague references take no modifier.
  if (c.value?.endsWith('_REF')) return false;
  if (prefix.applies === 'any') return c.type !== 'SET';
  if (prefix.applies === 'point') return c.type === 'DATE' || c.type === 'TIME';
  // "more than two years ago": the amount of a point counted back or ahead.
  if (countedPoint(c, text)) return true;
  // Amounts: a bare duration ("two years"), not a stretch ("over the past two years" means during).
  return c.type === 'DURATION' && !/^(?:the|past|last|next|coming)\s/i.test(text);
}

/** "two years ago", "a decade later": a point an amount away, back (-1) or ahead (1); 0 for anything else. */
function countedPoint(c: Candidate, text: string): -1 | 0 | 1 {
  if (c.type !== 'DATE' || !c.rule.startsWith('parser:ago')) return 0;
  const last = /(\p{L}+)$/u.exec(text)?.[1].toLowerCase();
  return last === 'ago' || last === 'earlier' || last === 'before' || last === 'previously' ? -1 : 1;
}

/**
 * An amount's mod on the point it measures: "more than two years ago" is before
 * the point two years back, "almost two years ago" after it; ahead, the other way.
 */
const POINT_MODS: Record<string, [back: string, ahead: string]> = {
  MORE_THAN: ['BEFORE', 'AFTER'],
  EQUAL_OR_MORE: ['ON_OR_BEFORE', 'ON_OR_AFTER'],
  LESS_THAN: ['AFTER', 'BEFORE'],
  EQUAL_OR_LESS: ['ON_OR_AFTER', 'ON_OR_BEFORE'],
};

function modOn(prefix: Prefix, c: Candidate, text: string): string | null {
  const way = prefix.applies === 'amount' ? countedPoint(c, text) : 0;
  if (way === 0 || !prefix.mod || !(prefix.mod in POINT_MODS)) return prefix.mod;
  return POINT_MODS[prefix.mod][way < 0 ? 0 : 1];
}

export const modifierRefiner: Refiner = {
  name: 'modifier',
  refine(candidates, ctx) {
    let floor = ctx.sentence.start;
    return candidates.map((c) => {
      const text = ctx.text.slice(c.start, c.end);
      // The longest prefix phrase is short: look at the last few words only.
      const before = lastWords(ctx.text, floor, c.start, 40);
      floor = c.end;
      if (c.mod) return c;
      // "the next two years or so", "1990 or so": an approximation written after the expression.
      OR_SO.lastIndex = c.end - ctx.sentence.start;
      const or = OR_SO.exec(ctx.sentence.text);
      if (or && !c.value?.endsWith('_REF') && c.type !== 'SET') {
        return { ...c, end: c.end + or[0].length, mod: 'APPROX', rule: `${c.rule}+refiner:modifier` };
      }
      OPEN_END.lastIndex = c.end - ctx.sentence.start;
      const open = c.type === 'DATE' && !c.value?.endsWith('_REF') ? OPEN_END.exec(ctx.sentence.text) : null;
      if (open) {
        const mod = /^(?:earlier|before)$/i.test(open.groups!.way) ? 'ON_OR_BEFORE' : 'ON_OR_AFTER';
        return { ...c, end: c.end + open[0].length, mod, rule: `${c.rule}+refiner:modifier` };
      }
      const m = prefixBefore(before);
      if (!m) return c;
      const prefix = BY_PHRASE.get(m.groups!.phrase.toLowerCase().replace(/\s+/g, ' '));
      if (!prefix || !fits(prefix, c, text)) return c;
      // "around Wednesday's ruling", "about last year's talks": a preposition before a noun phrase, not an approximation.
      if (prefix.mod === 'APPROX' && /^['’]s(?![\p{L}])/u.test(ctx.text.slice(c.end, c.end + 3))) return c;
      const start = c.start - (before.length - m.index);
      const mod = modOn(prefix, c, text);
      return { ...c, start, ...(mod ? { mod } : {}), rule: `${c.rule}+refiner:modifier` };
    });
  },
};
