// The dates stage's shortcuts (scanners without their leading lookbehind, word
// gates, anchored scans) must find exactly what the plain patterns find.
import { describe, expect, it } from 'vitest';
import type { DateMention } from '../src/article.js';
import { PARSERS } from '../src/stages/dates/config.js';
import { Scanner, sentenceGates, passesAll } from '../src/stages/dates/parsers/pattern.js';
import { segmentText } from '../src/stages/segment/index.js';
import { docFromText, offsetOf } from './helpers.js';

function datesOf(text: string, published: string | null = '2025-01-17'): DateMention[] {
  return docFromText(text, { published, until: 'dates' }).layers.dates!;
}

/** Every match of a global regex, as [index, text]. */
function allMatches(scan: (from: number) => RegExpExecArray | null): [number, string][] {
  const out: [number, string][] = [];
  for (let m = scan(0); m; m = scan(m.index + Math.max(1, m[0].length))) out.push([m.index, m[0]]);
  return out;
}

describe('a scanner without its leading lookbehind', () => {
  const sources = [
    '(?<![\\p{L}\\p{N}_])(?:\\d{4}|the\\s+\\d{4}s)(?![\\p{L}\\p{N}_])',
    '(?<=(?<![\\p{L}\\p{N}_])(?:for|over)\\s+)(?<unit>years?|days?)(?![\\p{L}\\p{N}_])',
    '(?<![\\p{L}])(?:until|by)\\s+(?:the\\s+)*$',
  ];
  const texts = [
    'x1990 1991, ab1992-1993 in the 1990s and the1980s',
    'overyears for years, for  days and forever days; over day',
    'until the ',
    'stayed until ',
    'nearby the ',
    'Öuntil ',
  ];

  it('finds the same matches as the whole regex, also where a match fails the lookbehind and a later one passes', () => {
    // "x1990" and "ab1992" fail the lookbehind (a letter before), "1991" and "-1993" pass.
    expect(allMatches((from) => new Scanner(sources[0], 'iu').exec(texts[0], from)).map(([, t]) => t)).toEqual(['1991', '1993', 'the 1990s']);
    for (const source of sources) {
      const whole = new RegExp(source, 'giu');
      const scanner = new Scanner(source, 'iu');
      for (const text of texts) {
        const expected = allMatches((from) => {
          whole.lastIndex = from;
          return whole.exec(text);
        });
        expect(allMatches((from) => scanner.exec(text, from))).toEqual(expected);
        expect(scanner.test(text)).toBe(expected.length > 0);
      }
    }
  });
});

describe('word gates', () => {
  const gatesOf = (text: string) => {
    const seg = segmentText(text);
    const s = seg.sentences[0];
    const gates = sentenceGates(seg.tokens, s.text, s.start, s.firstToken, s.endToken);
    return new Set(PARSERS.filter((p) => passesAll(gates.mask, p.gates)).map((p) => p.name));
  };

  it('let a calendar date through when a capitalised month stands next to a day number', () => {
    expect(gatesOf('They met on Jan. 5 in Geneva.').has('date')).toBe(true);
    expect(gatesOf('They met on 5 January in Geneva.').has('date')).toBe(true);
    expect(gatesOf('They may meet in Geneva.').has('date')).toBe(false);
  });

  it('let a duration through only where an amount stands before a unit', () => {
    expect(gatesOf('The talks lasted three years.').has('duration')).toBe(true);
    expect(gatesOf('The talks lasted a three-year stretch.').has('duration')).toBe(true);
    expect(gatesOf('The year was hard.').has('duration')).toBe(false);
  });

  it('read digits written together with other tokens ("1990\'s", "$5")', () => {
    expect(gatesOf("Prices of the 1990's returned.").has('decade')).toBe(true);
    expect(gatesOf('No numbers here.').has('year')).toBe(false);
  });
});

describe('scans that start near the words a pattern needs', () => {
  const filler = 'officials from both governments said repeatedly, and at considerable length, that the negotiations would continue ';

  it('find a date far into a long sentence as they find it in a short one', () => {
    const text = `The ${filler.repeat(6)}until Jan. 5, 2024, and then for three more years.`;
    const mentions = datesOf(text);
    expect(mentions.map((m) => [m.text, m.value])).toEqual([
      ['Jan. 5, 2024', '2024-01-05'],
      ['three more years', 'P3Y'],
    ]);
    const at = offsetOf(text, 'Jan. 5, 2024');
    expect(mentions[0]).toMatchObject({ start: at, end: at + 'Jan. 5, 2024'.length });
  });

  it('find every date of a sentence that names several, each with its own span', () => {
    const text = 'The ceasefire of 6 January 1916 held until March 2, 1917, and the talks of 1918 lasted two weeks.';
    expect(datesOf(text).map((m) => [m.text, m.type, m.value])).toEqual([
      ['6 January 1916', 'DATE', '1916-01-06'],
      ['March 2, 1917', 'DATE', '1917-03-02'],
      ['1918', 'DATE', '1918'],
      ['two weeks', 'DURATION', 'P2W'],
    ]);
  });
});
