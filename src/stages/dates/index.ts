// dates: a rule-based temporal tagger (TIMEX3). Per sentence, every parser in
// config.ts proposes candidates and the shape refiners filter, merge and attach
// modifiers; then, sentence by sentence again, relative values are resolved
// against the publication date or the story the text tells.
import type { ArticleDoc, DateMention, Diagnostic, Segmentation } from '../../article.js';
import { layer } from '../../article.js';
import { defineStage } from '../../stage.js';
import { PARSERS, SHAPE_REFINERS, VALUE_REFINER } from './config.js';
import { passesAll, sentenceGates } from './parsers/pattern.js';
import { isPrimary, opensSentence, startsStretch } from './refiners/resolve.js';
import { parseValue, RANK } from './timex.js';
import type { Candidate, Mentioned, Parser, SentenceContext, StatedYear } from './types.js';
import { STAGE_VERSIONS } from '../../versions.js';

export const DATES_VERSION = STAGE_VERSIONS.dates; // bump it in src/versions.ts

/** Every time expression of a segmented text, in text order. */
export function tagDates(
  text: string,
  segments: Segmentation,
  published: string | null,
): { mentions: DateMention[]; diagnostics: Diagnostic[] } {
  const mentions: DateMention[] = [];
  const diagnostics: Diagnostic[] = [];
  const history: Mentioned[] = [];
  const statedYears: StatedYear[] = [];
  const runnable: Parser[] = [];
  // Two passes: every sentence's expressions are found first, so that resolving one in an undated
  // text can look at the years the text writes out further on; then they are resolved in order.
  const found: { ctx: SentenceContext; candidates: Candidate[] }[] = [];
  for (const sentence of segments.sentences) {
    // Most sentences pass no parser's gates, or a few: only those run, and only then is the sentence set up.
    const gates = sentenceGates(segments.tokens, sentence.text, sentence.start, sentence.firstToken, sentence.endToken);
    runnable.length = 0;
    for (const parser of PARSERS) if (passesAll(gates.mask, parser.gates)) runnable.push(parser);
    if (runnable.length === 0) continue;
    const tokens = segments.tokens.slice(sentence.firstToken, sentence.endToken);
    const ctx: SentenceContext = { history, statedYears, text, sentence, tokens, published, diagnostics, mask: gates.mask, tokenGates: gates.tokens };
    let candidates: Candidate[] = [];
    for (const parser of runnable) parser.scan(ctx, candidates);
    if (candidates.length === 0) continue;
    for (const refiner of SHAPE_REFINERS) candidates = refiner.refine(candidates, ctx);
    if (published === null) for (const c of candidates) if (!c.relative && c.value) addStatedYear(statedYears, sentence.index, c.value);
    found.push({ ctx, candidates });
  }
  for (const { ctx, candidates: shaped } of found) {
    const sentence = ctx.sentence;
    const candidates = VALUE_REFINER.refine(shaped, ctx);
    for (const c of candidates) {
      mentions.push(mentionOf(c, text, sentence.index));
      history.push({
        value: c.value ?? '',
        sentence: sentence.index,
        anchor: isPrimary(c) && !startsStretch(text, sentence.start, c.start),
        stated: c.anchor === null || c.anchor === undefined,
        lead: opensSentence(text, sentence.start, c.start),
      });
    }
  }
  return { mentions, diagnostics };
}

/** A written-out value's year, when it is a year or finer ("1918", "1918-08-08", "BC0490"). */
function addStatedYear(years: StatedYear[], sentence: number, value: string): void {
  const point = parseValue(value);
  if (point && RANK[point.granularity] <= RANK.year) years.push({ sentence, year: point.date.y });
}

function mentionOf(c: Candidate, text: string, sentence: number): DateMention {
  const mention = text.slice(c.start, c.end);
  const value = c.value ?? '';
  const anchor = c.anchor ?? null;
  const certainty = c.relative ? 'implied' : 'stated';
  // Two literals rather than a spread: `mod` sits in the same place when there is one.
  return c.mod
    ? { start: c.start, end: c.end, text: mention, type: c.type, value, mod: c.mod, anchor, certainty, rule: c.rule, sentence }
    : { start: c.start, end: c.end, text: mention, type: c.type, value, anchor, certainty, rule: c.rule, sentence };
}

export const datesStage = defineStage({
  name: 'dates',
  version: DATES_VERSION,
  needs: ['segments'],
  provides: 'dates',
  run: (doc: ArticleDoc) => {
    const { mentions, diagnostics } = tagDates(doc.text, layer(doc, 'segments'), doc.published);
    return { layer: mentions, diagnostics };
  },
});
