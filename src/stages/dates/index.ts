// dates: a rule-based temporal tagger (TIMEX3). Per sentence, every parser in
// config.ts proposes candidates; the refiners filter, merge, attach modifiers
// and resolve relative values against the publication date.
import type { ArticleDoc, DateMention, Diagnostic, Segmentation } from '../../article.js';
import { layer } from '../../article.js';
import { defineStage } from '../../stage.js';
import { PARSERS, REFINERS } from './config.js';
import { passesAll, sentenceGates } from './parsers/pattern.js';
import { isPrimary, opensSentence, startsStretch } from './refiners/resolve.js';
import type { Candidate, Mentioned, Parser, SentenceContext } from './types.js';
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
  const runnable: Parser[] = [];
  for (const sentence of segments.sentences) {
    // Most sentences pass no parser's gates, or a few: only those run, and only then is the sentence set up.
    const gates = sentenceGates(segments.tokens, sentence.text, sentence.start, sentence.firstToken, sentence.endToken);
    runnable.length = 0;
    for (const parser of PARSERS) if (passesAll(gates.mask, parser.gates)) runnable.push(parser);
    if (runnable.length === 0) continue;
    const tokens = segments.tokens.slice(sentence.firstToken, sentence.endToken);
    const ctx: SentenceContext = { history, text, sentence, tokens, published, diagnostics, mask: gates.mask, tokenGates: gates.tokens };
    let candidates: Candidate[] = [];
    for (const parser of runnable) parser.scan(ctx, candidates);
    if (candidates.length === 0) continue;
    for (const refiner of REFINERS) candidates = refiner.refine(candidates, ctx);
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
