// False positives: month names that are other words ("May" the modal, "March"
// the verb, "April" the first name). A bare month needs a capital and some
// evidence it is a month: a temporal word before it ("in May", "since March",
// "early June", "last August").
import { alternation, AMBIGUOUS_MONTHS, MONTHS } from '../lexicon.js';
import { lastWords } from '../parsers/pattern.js';
import type { Refiner } from '../types.js';

const BARE_MONTH = new RegExp(`^(?:(?:last|next|this)\\s+)?(?<month>${alternation(MONTHS.keys())})\\.?$`, 'iu');

/** Words after which a month name is a month. */
const TEMPORAL_BEFORE =
  /(?:^|[^\p{L}])(?:in|since|by|until|till|from|through|throughout|during|before|after|of|early|late|mid|last|next|this|each|every|between|and|or|to|end|start|beginning|middle|around|on|for|as of|late|until|circa)[\s-]*$/iu;

function isAsciiLetter(c: number): boolean {
  return (c | 0x20) >= 97 && (c | 0x20) <= 122;
}

export const monthWordFilter: Refiner = {
  name: 'month-word',
  refine(candidates, ctx) {
    return candidates.filter((c) => {
      // A bare month starts with a letter ("May", "last June"); most candidates are years and numbers.
      if (!isAsciiLetter(ctx.text.charCodeAt(c.start))) return true;
      const text = ctx.text.slice(c.start, c.end);
      const bare = BARE_MONTH.exec(text);
      if (!bare) return true;
      const word = bare.groups!.month;
      if (!/^\p{Lu}/u.test(word)) return false;
      if (/^(?:last|next|this)\s/i.test(text)) return true;
      const before = lastWords(ctx.text, ctx.sentence.start, c.start, 24);
      const evidence = TEMPORAL_BEFORE.test(before);
      if (AMBIGUOUS_MONTHS.has(word.toLowerCase().replace(/\.$/, ''))) return evidence;
      // "June Carter", "April Ryan said": a capitalised word after a bare month makes it a name.
      const after = ctx.text.slice(c.end, ctx.sentence.end);
      if (!evidence && /^\s+\p{Lu}\p{Ll}/u.test(after) && !/^\s+(?:\d|of\b)/u.test(after)) return false;
      return true;
    });
  },
};
