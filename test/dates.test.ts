import { describe, expect, it } from 'vitest';
import type { DateMention } from '../src/article.js';
import { docFromText, offsetOf, seedDoc, SEED_TEXT } from './helpers.js';

function datesOf(text: string, published: string | null = '2025-01-17') {
  const doc = docFromText(text, { published, until: 'dates' });
  return { mentions: doc.layers.dates!, diagnostics: doc.diagnostics.filter((d) => d.stage === 'dates') };
}

/** The expected mention for the n-th occurrence of `needle` in `text`. */
function at(text: string, needle: string, fields: Partial<DateMention>, occurrence = 0): Partial<DateMention> {
  const start = offsetOf(text, needle, occurrence);
  return { start, end: start + needle.length, text: needle, ...fields };
}

/** Tags one sentence and expects exactly one mention, `needle`, with these fields. */
function expectOnly(text: string, needle: string, fields: Partial<DateMention>, published: string | null = '2025-01-17') {
  const { mentions } = datesOf(text, published);
  expect(mentions).toHaveLength(1);
  expect(mentions[0]).toMatchObject(at(text, needle, fields));
}

describe('dates on the seed article (published 2025-01-17)', () => {
  const mentions = seedDoc('dates').layers.dates!;

  it('finds exactly the seed’s time expressions, in text order, and nothing else', () => {
    expect(mentions.map((m) => [m.text, m.type, m.value, m.mod ?? null])).toEqual([
      ['recent years', 'DATE', 'PAST_REF', null],
      ['the 18th', 'DATE', '17', null],
      ['19th centuries', 'DATE', '18', null],
      ['1991', 'DATE', '1991', null],
      ['Presently', 'DATE', 'PRESENT_REF', null],
      ['2015', 'DATE', '2015', null],
      ['the 18th', 'DATE', '17', null],
      ['19th centuries', 'DATE', '18', null],
      ['the early 20th century', 'DATE', '19', 'START'],
    ]);
    for (const m of mentions) expect(SEED_TEXT.slice(m.start, m.end)).toBe(m.text);
  });

  it('reads "the 18th and 19th centuries" as two centuries, 17 and 18, both times', () => {
    for (const occurrence of [0, 1]) {
      const phrase = offsetOf(SEED_TEXT, 'the 18th and 19th centuries', occurrence);
      const inPhrase = mentions.filter((m) => m.start >= phrase && m.end <= phrase + 'the 18th and 19th centuries'.length);
      expect(inPhrase).toMatchObject([
        { start: phrase, end: phrase + 8, text: 'the 18th', value: '17', type: 'DATE' },
        { start: phrase + 13, end: phrase + 27, text: '19th centuries', value: '18', type: 'DATE' },
      ]);
    }
  });

  it('dates the dissolution of the Soviet Union to 1991 and the nuclear agreement to 2015, as stated', () => {
    expect(mentions).toContainEqual(
      expect.objectContaining(at(SEED_TEXT, '1991', { type: 'DATE', value: '1991', anchor: null, certainty: 'stated', rule: 'parser:year' })),
    );
    expect(mentions).toContainEqual(expect.objectContaining(at(SEED_TEXT, '2015', { type: 'DATE', value: '2015', anchor: null })));
  });

  it('marks "the early 20th century" as century 19 with mod START', () => {
    expect(mentions).toContainEqual(
      expect.objectContaining(at(SEED_TEXT, 'the early 20th century', { type: 'DATE', value: '19', mod: 'START' })),
    );
  });

  it('reads "recent years" as PAST_REF and "Presently" as PRESENT_REF', () => {
    expect(mentions).toContainEqual(expect.objectContaining(at(SEED_TEXT, 'recent years', { type: 'DATE', value: 'PAST_REF' })));
    expect(mentions).toContainEqual(expect.objectContaining(at(SEED_TEXT, 'Presently', { type: 'DATE', value: 'PRESENT_REF' })));
  });

  it('leaves "Western", "post-Soviet", "may also face" and other look-alikes alone', () => {
    const texts = mentions.map((m) => m.text.toLowerCase());
    for (const word of ['western', 'post-soviet', 'may', 'historically', 'recent events', 'current']) {
      expect(texts.some((t) => t.includes(word))).toBe(false);
    }
  });

  it('records its sentence and keeps spans in the text', () => {
    const seed = seedDoc('dates');
    const sentences = seed.layers.segments!.sentences;
    for (const m of mentions) {
      const s = sentences[m.sentence];
      expect(m.start).toBeGreaterThanOrEqual(s.start);
      expect(m.end).toBeLessThanOrEqual(s.end);
    }
  });
});

describe('dates relative to the publication date (2025-01-17, a Friday)', () => {
  it('resolves "last week" to the ISO week before: 2025-W02, implied by the publication date', () => {
    expectOnly('They met last week.', 'last week', {
      type: 'DATE',
      value: '2025-W02',
      anchor: '2025-01-17',
      certainty: 'implied',
      rule: 'parser:deictic-unit',
    });
  });

  it('resolves "earlier this month" to 2025-01 with mod START', () => {
    expectOnly('Earlier this month, officials spoke.', 'Earlier this month', { type: 'DATE', value: '2025-01', mod: 'START' });
  });

  it('resolves "next year" to 2026 and "this year" to 2025', () => {
    expectOnly('Talks resume next year.', 'next year', { type: 'DATE', value: '2026' });
    expectOnly('Growth slowed this year.', 'this year', { type: 'DATE', value: '2025' });
  });

  it('resolves "two decades ago" to the decade 200 (2005), keeping the unit’s granularity, and "a decade ago" to the year 2015', () => {
    expectOnly('It happened two decades ago.', 'two decades ago', { type: 'DATE', value: '200', anchor: '2025-01-17' });
    expectOnly('It happened a decade ago.', 'a decade ago', { type: 'DATE', value: '2015', anchor: '2025-01-17' });
  });

  it('resolves "three years ago" to 2022 and "two weeks ago" to 2025-W01', () => {
    expectOnly('It opened three years ago.', 'three years ago', { value: '2022' });
    expectOnly('It opened two weeks ago.', 'two weeks ago', { value: '2025-W01' });
  });

  it('resolves "on Tuesday" by tense: 2025-01-14 in a past sentence, 2025-01-21 in a future one', () => {
    expectOnly('The ministers met on Tuesday.', 'Tuesday', { type: 'DATE', value: '2025-01-14', certainty: 'implied' });
    expectOnly('The ministers will meet on Tuesday.', 'Tuesday', { type: 'DATE', value: '2025-01-21' });
  });

  it('reads "last Tuesday" and "next Friday" strictly before and after', () => {
    expectOnly('She came last Tuesday.', 'last Tuesday', { value: '2025-01-14' });
    expectOnly('She will travel next Friday.', 'next Friday', { value: '2025-01-24' });
  });

  it('resolves "yesterday" to 2025-01-16 and "today" to the publication date', () => {
    expectOnly('Yesterday he said so.', 'Yesterday', { type: 'DATE', value: '2025-01-16' });
    expectOnly('The index fell today.', 'today', { type: 'DATE', value: '2025-01-17' });
  });

  it('gives parts of the day as TIME: "this morning" → 2025-01-17TMO, "last night" → 2025-01-16TNI', () => {
    const text = 'He spoke this morning and last night.';
    expect(datesOf(text).mentions).toMatchObject([
      at(text, 'this morning', { type: 'TIME', value: '2025-01-17TMO' }),
      at(text, 'last night', { type: 'TIME', value: '2025-01-16TNI' }),
    ]);
  });

  it('reads "Jan. 5" as 2025-01-05, the year implied by the publication date', () => {
    expectOnly('It was signed Jan. 5 in Moscow.', 'Jan. 5', { type: 'DATE', value: '2025-01-05', certainty: 'implied', rule: 'parser:date' });
  });

  it('gives a clock time the publication day: "3 p.m. Tuesday" → 2025-01-14T15:00', () => {
    expectOnly('At 3 p.m. Tuesday the talks ended.', '3 p.m. Tuesday', { type: 'TIME', value: '2025-01-14T15:00' });
  });

  it('reads seasons by direction: "last summer" → 2024-SU, "this spring" → 2025-SP', () => {
    expectOnly('Prices rose last summer.', 'last summer', { value: '2024-SU' });
    expectOnly('Prices will rise this spring.', 'this spring', { value: '2025-SP' });
  });

  it('reads a quarter without a year by tense: "the third quarter" past → 2024-Q3', () => {
    expectOnly('Sales rose in the third quarter.', 'the third quarter', { type: 'DATE', value: '2024-Q3' });
  });
});

describe('dates written in full', () => {
  it('reads "5 January 2024", "March 2023" (month precision only) and "2023-03-10" as stated', () => {
    expectOnly('It was signed on 5 January 2024.', '5 January 2024', { type: 'DATE', value: '2024-01-05', anchor: null, certainty: 'stated' });
    expectOnly('In March 2023 they met.', 'March 2023', { type: 'DATE', value: '2023-03' });
    expectOnly('The deal was signed on 2023-03-10.', '2023-03-10', { type: 'DATE', value: '2023-03-10' });
  });

  it('reads decades and centuries: "the 1990s" → 199, "the 19th century" → 18, "the early 1990s" → 199 START', () => {
    expectOnly('In the 1990s, prices rose.', 'the 1990s', { type: 'DATE', value: '199' });
    expectOnly('In the 19th century, wars raged.', 'the 19th century', { type: 'DATE', value: '18' });
    expectOnly('In the early 1990s, it grew.', 'the early 1990s', { type: 'DATE', value: '199', mod: 'START' });
  });

  it('reads "Q3 2024" → 2024-Q3 and "the summer of 2019" → 2019-SU', () => {
    expectOnly('Revenue rose in Q3 2024.', 'Q3 2024', { type: 'DATE', value: '2024-Q3' });
    expectOnly('During the summer of 2019 it rained.', 'the summer of 2019', { type: 'DATE', value: '2019-SU' });
  });

  it('splits a year range "1991–1994" into two dates', () => {
    const text = 'The war lasted 1991–1994.';
    expect(datesOf(text).mentions).toMatchObject([
      at(text, '1991', { type: 'DATE', value: '1991' }),
      at(text, '1994', { type: 'DATE', value: '1994' }),
    ]);
  });

  it('writes years before Christ with TimeML’s BC prefix: "500 BC" → BC0500', () => {
    expectOnly('Rome was founded before 500 BC.', '500 BC', { type: 'DATE', value: 'BC0500' });
    expectOnly('Athens fought in the 4th century BC.', 'the 4th century BC', { type: 'DATE', value: 'BC03' });
  });

  it('attaches END to "the end of 1990" and MID to "mid-2024"', () => {
    const text = 'By the end of 1990 and in mid-2024 it changed.';
    expect(datesOf(text).mentions).toMatchObject([
      at(text, 'the end of 1990', { value: '1990', mod: 'END' }),
      at(text, 'mid-2024', { value: '2024', mod: 'MID' }),
    ]);
  });
});

describe('vague references', () => {
  it('reads "now", "currently" as PRESENT_REF and "recently", "the past" as PAST_REF', () => {
    const text = 'Prices are now high and currently rising; they recently fell, as in the past.';
    expect(datesOf(text).mentions).toMatchObject([
      at(text, 'now', { value: 'PRESENT_REF', type: 'DATE' }),
      at(text, 'currently', { value: 'PRESENT_REF' }),
      at(text, 'recently', { value: 'PAST_REF' }),
      at(text, 'the past', { value: 'PAST_REF' }),
    ]);
  });

  it('reads "in the future" and "soon" as FUTURE_REF', () => {
    const text = 'In the future, it will soon change.';
    expect(datesOf(text).mentions).toMatchObject([
      at(text, 'the future', { value: 'FUTURE_REF' }),
      at(text, 'soon', { value: 'FUTURE_REF' }),
    ]);
  });
});

describe('durations and sets', () => {
  it('reads durations: "three years" → P3Y, "a decade" → P10Y, "the past two weeks" → P2W, "the next five years" → P5Y', () => {
    expectOnly('It lasted three years.', 'three years', { type: 'DURATION', value: 'P3Y', anchor: null });
    expectOnly('It took a decade.', 'a decade', { type: 'DURATION', value: 'P10Y' });
    expectOnly('Over the past two weeks, prices fell.', 'the past two weeks', { type: 'DURATION', value: 'P2W' });
    expectOnly('Over the next five years, it grows.', 'the next five years', { type: 'DURATION', value: 'P5Y' });
  });

  it('attaches amount modifiers to bare durations: "more than four hours" → PT4H MORE_THAN', () => {
    expectOnly('It took more than four hours.', 'more than four hours', { type: 'DURATION', value: 'PT4H', mod: 'MORE_THAN' });
  });

  it('reads recurrences: "every year" and "annually" → P1Y, "weekly" → P1W, "every Tuesday" → XXXX-WXX-2', () => {
    expectOnly('The meeting is held every year.', 'every year', { type: 'SET', value: 'P1Y' });
    expectOnly('It is held annually.', 'annually', { type: 'SET', value: 'P1Y' });
    expectOnly('The paper appears weekly.', 'weekly', { type: 'SET', value: 'P1W' });
    expectOnly('They meet every Tuesday.', 'every Tuesday', { type: 'SET', value: 'XXXX-WXX-2' });
  });

  it('reads a rate after an amount: "$5 million a year" → SET P1Y', () => {
    expectOnly('It costs $5 million a year.', 'a year', { type: 'SET', value: 'P1Y' });
  });
});

describe('false positives', () => {
  it('does not read modal "may", verb "March" or a question "May I" as months', () => {
    for (const text of ['They may also face scrutiny.', 'Troops will March on the capital.', 'May I ask a question?']) {
      expect(datesOf(text).mentions).toEqual([]);
    }
  });

  it('reads "May" as a month after a temporal preposition', () => {
    expectOnly('In May, the talks failed.', 'May', { type: 'DATE', value: '2024-05' });
  });

  it('does not read counts as years: "about 2000 people", "1,991 votes", "$2015"', () => {
    expect(datesOf('About 2000 people came, 1,991 votes were cast and it cost $2015.').mentions).toEqual([]);
  });

  it('does not read "the fall of Kabul" as a season', () => {
    expect(datesOf('After the fall of Kabul, they left.').mentions).toEqual([]);
  });
});

describe('dates without a publication date', () => {
  it('still writes absolute values, and keeps relative ones unresolved with a positioned warning', () => {
    const text = 'In 1991 they met; last week they met again on Tuesday.';
    const { mentions, diagnostics } = datesOf(text, null);
    expect(mentions).toMatchObject([
      at(text, '1991', { value: '1991', anchor: null, certainty: 'stated' }),
      at(text, 'last week', { value: 'XXXX-WXX', anchor: null, certainty: 'implied' }),
      at(text, 'Tuesday', { value: 'XXXX-WXX-2', anchor: null }),
    ]);
    expect(diagnostics).toMatchObject([
      { severity: 'warning', stage: 'dates', rule: 'unresolved-relative', start: offsetOf(text, 'last week'), end: offsetOf(text, 'last week') + 9 },
      { severity: 'warning', stage: 'dates', rule: 'unresolved-relative', start: offsetOf(text, 'Tuesday') },
    ]);
  });
});

describe('dates anchored on what the text said before', () => {
  it('reads "a year earlier" after a quarter as that quarter a year before', () => {
    const text = 'Profit rose in the third quarter of 2024. It had fallen a year earlier.';
    expect(datesOf(text).mentions).toMatchObject([
      at(text, 'the third quarter of 2024', { value: '2024-Q3', certainty: 'stated' }),
      at(text, 'a year earlier', { type: 'DATE', value: '2023-Q3', anchor: '2024-Q3', certainty: 'implied' }),
    ]);
  });

  it('reads "two years later" and "the following year" from the last year mentioned', () => {
    const text = 'The treaty was signed in 1991. Two years later it lapsed, and the following year it was renewed.';
    expect(datesOf(text).mentions).toMatchObject([
      at(text, '1991', { value: '1991' }),
      at(text, 'Two years later', { type: 'DATE', value: '1993', anchor: '1991' }),
      at(text, 'the following year', { type: 'DATE', value: '1992', anchor: '1991' }),
    ]);
  });

  it('gives a lone clock time the day just mentioned: "Jan. 5 … at 3 p.m." → 2025-01-05T15:00', () => {
    const text = 'The talks opened on Jan. 5 and ended at 3 p.m.';
    expect(datesOf(text).mentions).toMatchObject([
      at(text, 'Jan. 5', { value: '2025-01-05' }),
      at(text, '3 p.m.', { type: 'TIME', value: '2025-01-05T15:00' }),
    ]);
  });

  it('joins a month and its year: "July last year" → 2024-07, "this year\'s third quarter" → 2025-Q3', () => {
    expectOnly('In July last year the talks began.', 'July last year', { type: 'DATE', value: '2024-07', rule: 'parser:month-name+refiner:combine' });
    expectOnly('Sales fell in this year’s third quarter.', 'this year’s third quarter', { value: '2025-Q3' });
  });

  it('places a bare month in the year its own sentence names when that year is historical', () => {
    const text = 'In 1991, the Soviet Union dissolved in December.';
    expect(datesOf(text).mentions).toMatchObject([at(text, '1991', { value: '1991' }), at(text, 'December', { value: '1991-12' })]);
  });

  it('keeps news months near publication after a sentence about the past', () => {
    const text = 'Profits have doubled since 1980. In September, it announced a merger.';
    expect(datesOf(text, '1989-11-02').mentions).toMatchObject([
      at(text, '1980', { value: '1980' }),
      at(text, 'September', { value: '1989-09' }),
    ]);
  });

  it('follows the narrative in an undated text: months take the last year, and move on past December', () => {
    const text = 'Japan attacked on December 7, 1941. In January, the Allies regrouped.';
    const { mentions, diagnostics } = datesOf(text, null);
    expect(mentions).toMatchObject([
      at(text, 'December 7, 1941', { value: '1941-12-07' }),
      at(text, 'January', { value: '1942-01', anchor: '1942' }),
    ]);
    expect(diagnostics).toEqual([]);
  });
});

describe('more calendar expressions', () => {
  it('reads named days: "Thanksgiving Day" by tense, "Christmas 2024" as stated', () => {
    expectOnly('They met on Thanksgiving Day.', 'Thanksgiving Day', { type: 'DATE', value: '2024-11-28' });
    expectOnly('It opened at Christmas 2024.', 'Christmas 2024', { type: 'DATE', value: '2024-12-25', certainty: 'stated' });
  });

  it('reads years said in words: "nineteen ninety-six" → 1996, "the year two thousand" → 2000', () => {
    const text = 'It began in nineteen ninety-six and ended in the year two thousand.';
    expect(datesOf(text).mentions).toMatchObject([
      at(text, 'nineteen ninety-six', { value: '1996' }),
      at(text, 'the year two thousand', { value: '2000' }),
    ]);
  });

  it('reads "noon Thursday" and "midnight Friday" as clock times on those days', () => {
    expectOnly('Negotiations broke off at noon Thursday.', 'noon Thursday', { type: 'TIME', value: '2025-01-16T12:00' });
  });

  it('reads "the previous Friday" strictly before the publication date', () => {
    expectOnly('The index fell from the previous Friday.', 'the previous Friday', { type: 'DATE', value: '2025-01-10' });
  });

  it('tells "the next day" (a date) from "over the next year" (a stretch)', () => {
    const text = 'The vote was on Jan. 5 and the results came the next day; prices will rise over the next year.';
    expect(datesOf(text).mentions).toMatchObject([
      at(text, 'Jan. 5', { value: '2025-01-05' }),
      at(text, 'the next day', { type: 'DATE', value: '2025-01-06' }),
      at(text, 'the next year', { type: 'DURATION', value: 'P1Y' }),
    ]);
  });

  it('reads "the quarter ended Sept. 30" as the third quarter', () => {
    const text = 'Sales rose in the quarter ended Sept. 30.';
    expect(datesOf(text).mentions).toMatchObject([
      at(text, 'the quarter', { type: 'DATE', value: '2024-Q3' }),
      at(text, 'Sept. 30', { type: 'DATE', value: '2024-09-30' }),
    ]);
  });
});

describe('false positives in business and feature text', () => {
  it('does not read ages as durations: "a 6-year-old boy", "52 years old"', () => {
    expect(datesOf('A 6-year-old boy and his father, 52 years old, arrived.').mentions).toEqual([]);
  });

  it('does not read adjectival "quarterly dividend" as a recurrence, but keeps "adjusted quarterly"', () => {
    expect(datesOf('The company raised its quarterly dividend.').mentions).toEqual([]);
    expectOnly('The reserve will be adjusted quarterly.', 'quarterly', { type: 'SET', value: 'P3M' });
  });

  it('does not read "as soon as" as FUTURE_REF', () => {
    expect(datesOf('They will leave as soon as possible.').mentions).toEqual([]);
  });
});
