// The dates tests' one assertion: exactly these mentions, in text order, each at its needle's offset.
import { expect } from 'vitest';
import type { DateMention } from '../src/article.js';
import { docFromText, offsetOf } from './helpers.js';

/** A mention expected at the `occurrence`-th (0-based) place of its needle, with these fields. */
export type ExpectedDate = [needle: string, fields: Partial<DateMention>, occurrence?: number];

/** Asserts the dates stage finds exactly `expected` in `text` published on `published`; returns the mentions. */
export function expectDates(text: string, expected: ExpectedDate[], published: string | null = '2025-01-17'): DateMention[] {
  const mentions = docFromText(text, { published, until: 'dates' }).layers.dates!;
  const wanted = expected.map(([needle, fields, occurrence]) => {
    const start = offsetOf(text, needle, occurrence ?? 0);
    return { start, end: start + needle.length, text: needle, ...fields };
  });
  expect(mentions).toHaveLength(wanted.length);
  expect(mentions).toMatchObject(wanted);
  return mentions;
}
