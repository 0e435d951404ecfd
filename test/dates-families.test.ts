// One sentence per expression family, each mention pinned by exact span, type,
// value, mod, anchor, certainty and rule. Published on Friday 2025-01-17 unless said.
import { describe, expect, it } from 'vitest';
import { expectDates, type ExpectedDate } from './dates-expect.js';
import { docFromText, offsetOf } from './helpers.js';

function datesOf(text: string, published: string | null = '2025-01-17') {
  const doc = docFromText(text, { published, until: 'dates' });
  return { mentions: doc.layers.dates!, diagnostics: doc.diagnostics.filter((d) => d.stage === 'dates') };
}

/** Exactly these mentions (see expectDates); every mention without an explicit mod has none. */
function expectFamily(text: string, expected: ExpectedDate[], published: string | null = '2025-01-17') {
  const mentions = expectDates(text, expected, published);
  mentions.forEach((m, i) => {
    if (!('mod' in expected[i][1])) expect(m.mod).toBeUndefined();
  });
}

const stated = { anchor: null, certainty: 'stated' } as const;
const implied = { anchor: '2025-01-17', certainty: 'implied' } as const;

describe('full and partial calendar dates', () => {
  it('reads "January 17, 2025" and "5 March 2025" as stated days', () => {
    expectFamily('The deal was signed on January 17, 2025, and talks resume on 5 March 2025.', [
      ['January 17, 2025', { type: 'DATE', value: '2025-01-17', rule: 'parser:date', ...stated }],
      ['5 March 2025', { type: 'DATE', value: '2025-03-05', rule: 'parser:date', ...stated }],
    ]);
  });

  it('gives "Tuesday, March 11" the year in which March 11 is a Tuesday', () => {
    expectFamily('The next round opens on Tuesday, March 11.', [['Tuesday, March 11', { type: 'DATE', value: '2025-03-11', rule: 'parser:date', ...implied }]]);
    // In 2025 October 26 is a Sunday; in 2024 a Saturday; "Monday, Oct. 26" is 2026.
    expectFamily('The summit is on Monday, Oct. 26.', [['Monday, Oct. 26', { type: 'DATE', value: '2026-10-26', ...implied }]]);
  });

  it('reads "March 2023" at month precision and "Feb. 3" in the year the tense points to', () => {
    expectFamily('The accord of March 2023 lapsed.', [['March 2023', { type: 'DATE', value: '2023-03', rule: 'parser:month-year', ...stated }]]);
    expectFamily('The vote is set for Feb. 3.', [['Feb. 3', { type: 'DATE', value: '2025-02-03', ...implied }]]);
    expectFamily('The vote was held on Dec. 3.', [['Dec. 3', { type: 'DATE', value: '2024-12-03', ...implied }]]);
  });

  it('reads ISO and US slash dates', () => {
    expectFamily('It was filed on 2024-12-30 and amended on 12/31/2024.', [
      ['2024-12-30', { type: 'DATE', value: '2024-12-30', rule: 'parser:numeric-date', ...stated }],
      ['12/31/2024', { type: 'DATE', value: '2024-12-31', rule: 'parser:numeric-date', ...stated }],
    ]);
  });

  it('reads a bare month after "the end of" with its mod', () => {
    expectFamily('The troops left by the end of May.', [['the end of May', { type: 'DATE', value: '2025-05', mod: 'END', rule: 'parser:month-name+refiner:modifier' }]]);
  });
});

describe('clock times and time zones', () => {
  it('reads "10:35 a.m." on the publication day and "3 p.m. EST Thursday" on that Thursday', () => {
    expectFamily('Officials met at 10:35 a.m. (0735 GMT) and again at 3 p.m. EST Thursday.', [
      ['10:35 a.m.', { type: 'TIME', value: '2025-01-17T10:35', rule: 'parser:clock', ...implied }],
      ['3 p.m. EST Thursday', { type: 'TIME', value: '2025-01-16T15:00', rule: 'parser:weekday', ...implied }],
    ]);
  });

  it('reads a clock before a date: "5 p.m. EST, Jan. 24"; and a date before a clock: "Jan. 5, 2024 at 3 p.m."', () => {
    expectFamily('The offer expires at 5 p.m. EST, Jan. 24.', [['5 p.m. EST, Jan. 24', { type: 'TIME', value: '2025-01-24T17:00', rule: 'parser:date', ...implied }]]);
    expectFamily('They met on Jan. 5, 2024 at 3 p.m.', [['Jan. 5, 2024 at 3 p.m.', { type: 'TIME', value: '2024-01-05T15:00', ...stated }]]);
  });

  it('reads 24-hour times ("05:30hrs", "14:00 GMT") and "midnight Friday"', () => {
    expectFamily('The attack began at 05:30hrs and ended at 14:00 GMT.', [
      ['05:30hrs', { type: 'TIME', value: '2025-01-17T05:30' }],
      ['14:00 GMT', { type: 'TIME', value: '2025-01-17T14:00' }],
    ]);
    expectFamily('The offer expires at midnight Friday.', [['midnight Friday', { type: 'TIME', value: '2025-01-17T24:00', rule: 'parser:clock-word' }]]);
  });
});

describe('weekdays and relative days, by tense', () => {
  it('reads a weekday back in a past sentence and ahead in a future one', () => {
    expectFamily('The ministers met Tuesday and will meet again Monday.', [
      ['Tuesday', { type: 'DATE', value: '2025-01-14', rule: 'parser:weekday', ...implied }],
      ['Monday', { type: 'DATE', value: '2025-01-20', ...implied }],
    ]);
  });

  it('reads "is expected Thursday" ahead, "until Tuesday" ahead even in a past sentence, "Thursday\'s closing price" back', () => {
    expectFamily('The ruling is expected Thursday.', [['Thursday', { value: '2025-01-23' }]]);
    expectFamily('The court gave them until Tuesday to reply.', [['Tuesday', { value: '2025-01-21' }]]);
    expectFamily('The price is a premium over Thursday\'s closing price.', [['Thursday', { value: '2025-01-16' }]]);
  });

  it('reads "starting Monday" ahead unless the sentence is past ("an ultimatum starting at noon Saturday")', () => {
    // Published Friday 2025-01-17.
    expectFamily('Fares will rise starting Monday.', [['Monday', { value: '2025-01-20' }]]);
    expectFamily('Bush issued an ultimatum starting at noon Saturday.', [['noon Saturday', { type: 'TIME', value: '2025-01-11T12:00' }]]);
  });

  it('reads "last Friday" and "the previous Monday" strictly before, joining the direction word', () => {
    expectFamily('They spoke last Friday and the previous Monday.', [
      ['last Friday', { value: '2025-01-10', rule: 'parser:weekday' }],
      ['the previous Monday', { value: '2025-01-13' }],
    ]);
  });

  it('reads parts of days as TIME: "Tuesday night", "yesterday afternoon", "tonight"', () => {
    expectFamily('They met on Tuesday night and yesterday afternoon, and will talk again tonight.', [
      ['Tuesday night', { type: 'TIME', value: '2025-01-14TNI', rule: 'parser:weekday-daypart' }],
      ['yesterday afternoon', { type: 'TIME', value: '2025-01-16TAF', rule: 'parser:day-word' }],
      ['tonight', { type: 'TIME', value: '2025-01-17TNI' }],
    ]);
  });

  it('reads "the night of April 18, 1775" as a part of that day, "early in the morning of" as its start', () => {
    expectFamily('On the night of April 18, 1775, Gage sent 700 men; early in the morning of April 19 they reached Lexington.', [
      ['the night of April 18, 1775', { type: 'TIME', value: '1775-04-18TNI', rule: 'parser:date+refiner:combine' }],
      ['early in the morning of April 19', { type: 'TIME', value: '1775-04-19TMO', mod: 'START', rule: 'parser:date+refiner:combine' }],
    ]);
    expectFamily('They met on the evening of Tuesday.', [['the evening of Tuesday', { type: 'TIME', value: '2025-01-14TEV' }]]);
  });

  it('reads "over the weekend" as the last weekend in a past sentence', () => {
    expectFamily('The talks were held over the weekend.', [['the weekend', { type: 'DATE', value: '2025-W02-WE', rule: 'parser:weekend', ...implied }]]);
  });
});

describe('relative periods', () => {
  it('reads "last week", "this month", "next year" at their unit’s granularity', () => {
    expectFamily('Prices fell last week, rose this month and will rise next year.', [
      ['last week', { type: 'DATE', value: '2025-W02', rule: 'parser:deictic-unit', ...implied }],
      ['this month', { type: 'DATE', value: '2025-01', ...implied }],
      ['next year', { type: 'DATE', value: '2026', ...implied }],
    ]);
  });

  it('reads "earlier in the week", "by year-end" and "the end of the year" as the publication’s week and year', () => {
    expectFamily('The envoy arrived earlier in the week, and results are due by year-end.', [
      ['earlier in the week', { type: 'DATE', value: '2025-W03', mod: 'START', rule: 'parser:the-period', ...implied }],
      ['year-end', { type: 'DATE', value: '2025', mod: 'END', ...implied }],
    ]);
    expectFamily('The deal will close around the end of the year.', [['the end of the year', { value: '2025', mod: 'END' }]]);
  });

  it('reads "three years ago" as a year, "two decades ago" as a decade, "a decade ago" as ten years back', () => {
    expectFamily('Two decades ago the ties were cool; three years ago they warmed; a decade ago they froze.', [
      ['Two decades ago', { type: 'DATE', value: '200', rule: 'parser:ago', ...implied }],
      ['three years ago', { type: 'DATE', value: '2022', ...implied }],
      ['a decade ago', { type: 'DATE', value: '2015', ...implied }],
    ]);
  });

  it('anchors "a year earlier" and "the following year" on the year the text named', () => {
    expectFamily('Trade grew in 2024. A year earlier it had shrunk, and the following year it recovered.', [
      ['2024', { value: '2024', ...stated }],
      ['A year earlier', { value: '2023', anchor: '2024', certainty: 'implied' }],
      ['the following year', { value: '2025', anchor: '2024', certainty: 'implied', rule: 'parser:anaphora' }],
    ]);
  });
});

describe('anaphora', () => {
  it('reads "October of that year" in the year last mentioned, and "the following day" from the last day told', () => {
    expectFamily('The truce began in April 2022 and expired in October of that year.', [
      ['April 2022', { value: '2022-04', ...stated }],
      ['October of that year', { value: '2022-10', anchor: '2022-04', rule: 'parser:month-year' }],
    ]);
    expectFamily('The ministers met on Monday. The standoff had lasted since 2020. China said the following day that it agreed.', [
      ['Monday', { value: '2025-01-13' }],
      ['2020', { value: '2020' }],
      ['the following day', { value: '2025-01-14', anchor: '2025-01-13', rule: 'parser:anaphora' }],
    ]);
  });
});

describe('years, decades and centuries', () => {
  it('reads years, decades with early/mid/late, and apostrophe decades', () => {
    expectFamily('Oil boomed in the 1970s and the early 1980s, slumped in the mid-1990s and recovered in the \'00s and 2015.', [
      ['the 1970s', { value: '197', rule: 'parser:decade', ...stated }],
      ['the early 1980s', { value: '198', mod: 'START' }],
      ['the mid-1990s', { value: '199', mod: 'MID' }],
      ["the '00s", { value: '200', rule: 'parser:short-decade' }],
      ['2015', { value: '2015', rule: 'parser:year' }],
    ]);
  });

  it('reads coordinated centuries as two mentions, each with its own modifier', () => {
    expectFamily('Russia and Iran fought in the 18th and 19th centuries.', [
      ['the 18th', { value: '17', rule: 'parser:centuries', ...stated }],
      ['19th centuries', { value: '18', rule: 'parser:centuries' }],
    ]);
    expectFamily('They fought in the early 18th and late 19th centuries and into the late 20th century.', [
      ['the early 18th', { value: '17', mod: 'START' }],
      ['late 19th centuries', { value: '18', mod: 'END' }],
      ['the late 20th century', { value: '19', mod: 'END', rule: 'parser:century+refiner:modifier' }],
    ]);
  });

  it('writes years and centuries before Christ with the BC prefix, and AD years in four digits', () => {
    expectFamily('Rome fell in AD 476, long after Carthage was razed in 146 BC and the 5th century BCE had ended.', [
      ['AD 476', { value: '0476', rule: 'parser:era-year' }],
      ['146 BC', { value: 'BC0146' }],
      ['the 5th century BCE', { value: 'BC04', rule: 'parser:century' }],
    ]);
  });

  it('gives the first year of a BC range its era, and BC decades their written digits', () => {
    expectFamily('The Ionian Revolt lasted from 499 to 493 BC; the League fought throughout the 470s BC.', [
      ['499', { value: 'BC0499', rule: 'parser:era-range' }],
      ['493 BC', { value: 'BC0493', rule: 'parser:era-range' }],
      ['the 470s BC', { value: 'BC047', rule: 'parser:decade' }],
    ]);
  });

  it('anchors relative expressions on years before Christ', () => {
    expectFamily('In 490 BC the Persians landed. A decade earlier the revolt had begun; the following year Athens won.', [
      ['490 BC', { value: 'BC0490' }],
      ['A decade earlier', { value: 'BC0500', anchor: 'BC0490' }],
      ['the following year', { value: 'BC0489', anchor: 'BC0490' }],
    ], null);
  });
});

describe('seasons, quarters, halves and fiscal years', () => {
  it('reads seasons with a year, and deictic ones from the publication date; a winter is named by its January', () => {
    // In January 2025 the current winter is winter 2025 (December 2024 to February 2025); the last one is winter 2024.
    expectFamily('It snowed last winter; the summer of 2019 was hot, and winter 2023-24 was mild.', [
      ['last winter', { value: '2024-WI', rule: 'parser:deictic-name', ...implied }],
      ['the summer of 2019', { value: '2019-SU', rule: 'parser:season-year', ...stated }],
      ['winter 2023-24', { value: '2024-WI', ...stated }],
    ]);
  });

  it('reads a season framed by "passed" or "the onset of" ("passed the winter", "before the onset of winter")', () => {
    expectFamily('In 1777 the army marched north. It passed the winter at Valley Forge. In 1919 the Allies pulled their troops out before the onset of winter.', [
      ['1777', { value: '1777' }],
      ['the winter', { value: '1778-WI', rule: 'parser:season', anchor: '1778' }],
      ['1919', { value: '1919' }],
      ['winter', { value: '1920-WI', rule: 'parser:season', anchor: '1920' }, 1],
    ], null);
  });

  it('reads "the spring of next year" as one expression, "the fall of last year\'s election" as no season', () => {
    expectFamily('The withdrawal will be completed in the spring of next year.', [
      ['the spring of next year', { value: '2026-SP', rule: 'parser:season+refiner:combine', ...implied }],
    ]);
    expectFamily('In the fall of last year\'s election, turnout fell.', [['last year', { value: '2024' }]]);
  });

  it('gives a month or season the year of the one it is coordinated with ("the spring and early summer of 1943")', () => {
    expectFamily('The front was quiet in 1944, but both sides spent the spring and early summer of 1943 preparing, and fought in January and late February 1945.', [
      ['1944', { value: '1944' }],
      ['the spring', { value: '1943-SP', rule: 'parser:season+refiner:combine' }],
      ['early summer of 1943', { value: '1943-SU', mod: 'START' }],
      ['January', { value: '1945-01', rule: 'parser:month-name+refiner:combine' }],
      ['late February 1945', { value: '1945-02', mod: 'END' }],
    ], null);
    expectFamily('They rested in the winter and spring of 1943.', [
      ['the winter', { value: '1943-WI' }],
      ['spring of 1943', { value: '1943-SP' }],
    ], null);
  });

  it('reads "the winter" after a year told as the winter that follows it', () => {
    expectFamily('The army reached the river in 1777. Over the winter, many died.', [
      ['1777', { value: '1777' }],
      ['the winter', { value: '1778-WI', anchor: '1778' }],
    ], null);
  });

  it('reads quarters and halves, written or by tense', () => {
    expectFamily('Sales rose in the third quarter of 2024 and in Q4 2024, will fall in the first half and fell in the last half of 1989.', [
      ['the third quarter of 2024', { value: '2024-Q3', rule: 'parser:quarter', ...stated }],
      ['Q4 2024', { value: '2024-Q4', rule: 'parser:quarter-code' }],
      ['the first half', { value: '2025-H1', ...implied }],
      ['the last half of 1989', { value: '1989-H2' }],
    ]);
  });

  it('joins "fiscal" and "fiscal year" to the year without a mod', () => {
    expectFamily('It expects a loss in fiscal 2025 and a profit in fiscal year 2026.', [
      ['fiscal 2025', { value: '2025', rule: 'parser:year+refiner:modifier' }],
      ['fiscal year 2026', { value: '2026' }],
    ]);
  });

  it('reads results comparisons: "a year ago" and "the year-earlier quarter" are the reported quarter a year before', () => {
    expectFamily('Earnings in the quarter ended Sept. 30 rose from a year ago, and the year-earlier quarter was weak.', [
      ['the quarter', { value: '2024-Q3', rule: 'parser:period-reference' }],
      ['Sept. 30', { value: '2024-09-30' }],
      ['a year ago', { value: '2023-Q3', anchor: '2024-Q3' }],
      ['the year-earlier quarter', { value: '2023-Q3', anchor: '2024-Q3', rule: 'parser:year-ago' }],
    ]);
  });
});

describe('durations, with modifiers', () => {
  it('reads amounts of units, fractions, and words between amount and unit', () => {
    expectFamily('The plan takes three years, not a decade; she stayed a year and a half, 2 1/2 years and two more weeks.', [
      ['three years', { type: 'DURATION', value: 'P3Y', rule: 'parser:duration', ...stated }],
      ['a decade', { type: 'DURATION', value: 'P10Y' }],
      ['a year and a half', { type: 'DURATION', value: 'P1Y6M' }],
      ['2 1/2 years', { type: 'DURATION', value: 'P2Y6M' }],
      ['two more weeks', { type: 'DURATION', value: 'P2W' }],
    ]);
  });

  it('attaches about, more than, less than, nearly, at least', () => {
    expectFamily('It lasted more than four years, about two decades, less than a week, nearly three months and at least 20 years.', [
      ['more than four years', { value: 'P4Y', mod: 'MORE_THAN' }],
      ['about two decades', { value: 'P20Y', mod: 'APPROX' }],
      ['less than a week', { value: 'P1W', mod: 'LESS_THAN' }],
      ['nearly three months', { value: 'P3M', mod: 'LESS_THAN' }],
      ['at least 20 years', { value: 'P20Y', mod: 'EQUAL_OR_MORE' }],
    ]);
  });

  it('reads stretches and vague amounts: "the past two weeks", "the coming months", "recent weeks", "for years", "decades-long"', () => {
    expectFamily('Over the past two weeks, in recent weeks and in the coming months, after a decades-long feud that lasted for years.', [
      ['the past two weeks', { type: 'DURATION', value: 'P2W', rule: 'parser:span' }],
      ['recent weeks', { type: 'DURATION', value: 'PXW' }],
      ['the coming months', { type: 'DURATION', value: 'PXM' }],
      ['decades-long', { type: 'DURATION', value: 'PXY', rule: 'parser:long' }],
      ['years', { type: 'DURATION', value: 'PXY', rule: 'parser:vague-duration' }],
    ]);
  });
});

describe('sets', () => {
  it('reads every/each + unit or name, plural weekdays, adverbs and rates', () => {
    expectFamily('Inspectors visit every year and every Tuesday, meet on Mondays, report weekly and travel twice a month.', [
      ['every year', { type: 'SET', value: 'P1Y', rule: 'parser:every-unit' }],
      ['every Tuesday', { type: 'SET', value: 'XXXX-WXX-2', rule: 'parser:every-name' }],
      ['Mondays', { type: 'SET', value: 'XXXX-WXX-1' }],
      ['weekly', { type: 'SET', value: 'P1W', rule: 'parser:set-adverb' }],
      ['twice a month', { type: 'SET', value: 'P1M', rule: 'parser:rate' }],
    ]);
  });

  it('reads "a daily briefing" as a recurrence but not "quarterly results"', () => {
    expectFamily('A daily briefing preceded the quarterly results.', [['daily', { type: 'SET', value: 'P1D' }]]);
  });
});

describe('vague references', () => {
  it('reads the present, the past and the future', () => {
    expectFamily('Presently the ties are close; recently they were not, and in the future they may be.', [
      ['Presently', { type: 'DATE', value: 'PRESENT_REF', rule: 'parser:vague', ...stated }],
      ['recently', { value: 'PAST_REF' }],
      ['the future', { value: 'FUTURE_REF' }],
    ]);
  });

  it('reads "today\'s world", "today\'s personal computers" as the present, "today\'s vote" as the day', () => {
    expectFamily('In today\'s world, many of today\'s personal computers are old, officials said before today\'s vote.', [
      ['today', { type: 'DATE', value: 'PRESENT_REF', rule: 'parser:day-word' }],
      ['today', { value: 'PRESENT_REF' }, 1],
      ['today', { value: '2025-01-17', ...implied }, 2],
    ]);
  });

  it('reads a bare "weeks ago" or "months ago" as the past, like "years ago"', () => {
    expectFamily('The talks collapsed weeks ago; months ago they had seemed close.', [
      ['weeks ago', { type: 'DATE', value: 'PAST_REF', rule: 'parser:vague' }],
      ['months ago', { value: 'PAST_REF' }],
    ]);
  });

  it('reads "the near term", "the long term" and "a later date" as the future, not the adjective "short-term"', () => {
    expectFamily('Short-term gains matter less than the long term; the board will decide in the near term or at a later date.', [
      ['the long term', { type: 'DATE', value: 'FUTURE_REF', rule: 'parser:vague' }],
      ['the near term', { value: 'FUTURE_REF' }],
      ['a later date', { value: 'FUTURE_REF' }],
    ]);
  });
});

describe('"one day"', () => {
  it('is the future after a modal, a length of time after "for"', () => {
    expectFamily('Islam will one day be the second religion; the strike lasted for one day.', [
      ['one day', { type: 'DATE', value: 'FUTURE_REF', rule: 'parser:duration' }],
      ['one day', { type: 'DURATION', value: 'P1D' }, 1],
    ]);
  });
});

describe('ranges are two expressions', () => {
  it('splits "1991–1994", "from March to May" (the second month in the first one’s year) and "6-9 January 1916"', () => {
    expectFamily('The project ran 1991–1994.', [
      ['1991', { value: '1991', rule: 'parser:year-range' }],
      ['1994', { value: '1994', rule: 'parser:year-range' }],
    ]);
    expectFamily('The season runs from November to February.', [
      ['November', { value: '2024-11', anchor: '2025-01-17' }],
      ['February', { value: '2025-02', anchor: '2024-11' }],
    ]);
    expectFamily('The battle lasted 6-9 January 1916.', [
      ['6', { value: '1916-01-06', rule: 'parser:day-range' }],
      ['9 January 1916', { value: '1916-01-09', rule: 'parser:day-range' }],
    ]);
  });
});

describe('history told without a publication date', () => {
  it('places months in the story’s year and crosses into the next year after a late month', () => {
    const text = 'In 1941 the war began. In June the army advanced, and in December it stalled. In January it retreated.';
    expectFamily(text, [
      ['1941', { value: '1941', ...stated }],
      ['June', { value: '1941-06', anchor: '1941' }],
      ['December', { value: '1941-12', anchor: '1941' }],
      ['January', { value: '1942-01', anchor: '1942' }],
    ], null);
  });

  it('crosses into the next year after a December whose year is written apart ("On December 7 (December 8 in Asia), 1941")', () => {
    const text = 'By 1941 Japan planned a war. On December 7 (December 8 in Asia), 1941, Japan attacked. The attacks prompted war. Germany responded. Italy followed. In January, the Allies issued a declaration.';
    expectFamily(text, [
      ['1941', { value: '1941', ...stated }],
      ['December 7', { value: '1941-12-07', anchor: '1941' }],
      ['December 8', { value: '1941-12-08', anchor: '1941' }],
      ['1941', { value: '1941', ...stated }, 1],
      ['January', { value: '1942-01', anchor: '1942' }],
    ], null);
  });

  it('keeps the story in its year when one sentence looks ahead and the text comes back ("… until the fall of Budapest in February 1945")', () => {
    const text =
      'On October 20, 1944, Soviet troops took Belgrade. They launched an assault on Hungary that lasted until the fall of Budapest in February 1945. ' +
      'Finland signed an armistice. By the start of July, Commonwealth forces had repelled the Japanese. Japan had taken Changsha in mid-June 1944.';
    expectFamily(text, [
      ['October 20, 1944', { value: '1944-10-20', ...stated }],
      ['February 1945', { value: '1945-02', ...stated }],
      ['the start of July', { value: '1944-07', mod: 'START', anchor: '1944' }],
      ['mid-June 1944', { value: '1944-06', mod: 'MID', ...stated }],
    ], null);
  });

  it('moves the story on with a time that opens its sentence, though the text later looks back ("By the end of March 1944, … In April")', () => {
    const text =
      'In 1943 the Allies took Sicily. By the end of March 1944, the Allies had completed their objectives. The Japanese retreated. ' +
      'In April, the Allies launched an operation. The Allies had landed in Italy in September 1943.';
    expectFamily(text, [
      ['1943', { value: '1943', ...stated }],
      ['the end of March 1944', { value: '1944-03', mod: 'END', ...stated }],
      ['April', { value: '1944-04', anchor: '1944' }],
      ['September 1943', { value: '1943-09', ...stated }],
    ], null);
  });

  it('does not move the story to a year a stretch starts from ("the worst defeat since 1921")', () => {
    expectFamily('In 1941 the army marched east. It was the worst defeat since 1921. In June, the army reached Kiev.', [
      ['1941', { value: '1941', ...stated }],
      ['1921', { value: '1921', ...stated }],
      ['June', { value: '1941-06', anchor: '1941' }],
    ], null);
  });

  it('leaves relative expressions unresolved with a warning when nothing anchors them', () => {
    const text = 'Last week they met on Tuesday.';
    const { mentions, diagnostics } = datesOf(text, null);
    expect(mentions).toMatchObject([
      { text: 'Last week', value: 'XXXX-WXX', anchor: null, certainty: 'implied' },
      { text: 'Tuesday', value: 'XXXX-WXX-2', anchor: null, certainty: 'implied' },
    ]);
    expect(diagnostics.map((d) => [d.rule, d.start])).toEqual([
      ['unresolved-relative', 0],
      ['unresolved-relative', offsetOf(text, 'Tuesday')],
    ]);
  });
});

describe('the past unit', () => {
  it('dates "in the past year" in news to the year before publication, but keeps "the past two years" a stretch', () => {
    expectFamily('Exports grew in the past year and over the past two years.', [
      ['the past year', { type: 'DATE', value: '2024', rule: 'parser:span', ...implied }],
      ['the past two years', { type: 'DURATION', value: 'P2Y' }],
    ]);
  });

  it('reads an unmeasured stretch back ("the last few months") as the past', () => {
    expectFamily('Rates have fallen in the last few months.', [['the last few months', { type: 'DATE', value: 'PAST_REF', rule: 'parser:span' }]]);
  });

  it('keeps "the past year" a stretch in undated text', () => {
    expectFamily('Exports grew in the past year.', [['the past year', { type: 'DURATION', value: 'P1Y' }]], null);
  });
});
