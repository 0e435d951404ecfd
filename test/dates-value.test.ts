// Value rules that follow TimeML annotation conventions on news text, each
// pinned by exact span and value on sentences written for these tests.
import { describe, it } from 'vitest';
import { expectDates } from './dates-expect.js';

describe('business reports: the period a report is about', () => {
  it('compares with the latest quarter reported, not with an earlier quarter named since', () => {
    // Published in late October 2024: the third quarter has ended, the second is mentioned in passing.
    expectDates(
      'Acme posted a 12% gain in third-quarter profit. After a weak second quarter, sales recovered. ' +
        'Costs were lower than a year ago. In the 2024 period, margins widened.',
      [
        ['third-quarter', { type: 'DATE', value: '2024-Q3' }],
        ['second quarter', { type: 'DATE', value: '2024-Q2' }],
        ['a year ago', { type: 'DATE', value: '2023-Q3', anchor: '2024-Q3' }],
        ['the 2024 period', { type: 'DATE', value: '2024-Q3' }],
      ],
      '2024-10-28',
    );
  });

  it('reads "the year-earlier third quarter" as one expression, a year before, and "the year-ago nine months" as a stretch', () => {
    expectDates(
      'Net income fell in the third quarter. In the year-earlier third quarter, the bank earned $3 million. ' +
        'Sales for the year-ago nine months were flat.',
      [
        ['the third quarter', { type: 'DATE', value: '2024-Q3' }],
        ['the year-earlier third quarter', { type: 'DATE', value: '2023-Q3', rule: 'parser:year-ago+refiner:combine' }],
        ['the year-ago nine months', { type: 'DURATION', value: 'P9M', rule: 'parser:year-ago+refiner:combine' }],
      ],
      '2024-10-28',
    );
  });

  it('reads "the corresponding period last year" and "last year\'s quarter" as the reported quarter a year before', () => {
    expectDates(
      'Widget Co. lost $2 million in the third quarter, against a profit of $1 million for the corresponding period last year. ' +
        'Exports for last year\'s quarter were $4 million.',
      [
        ['the third quarter', { type: 'DATE', value: '2024-Q3' }],
        ['the corresponding period last year', { type: 'DATE', value: '2023-Q3', rule: 'parser:year-ago' }],
        ["last year's quarter", { type: 'DATE', value: '2023-Q3', rule: 'parser:year-ago' }],
      ],
      '2024-10-28',
    );
  });
});

describe('clock times', () => {
  it('takes the day of a weekday written after an aside: "at 9:20 a.m. (1320 GMT) Tuesday"', () => {
    expectDates('The quake struck at 9:20 a.m. (1320 GMT) Tuesday, officials said.', [
      ['9:20 a.m.', { type: 'TIME', value: '2025-01-14T09:20', rule: 'parser:clock' }],
      ['Tuesday', { type: 'DATE', value: '2025-01-14' }],
    ]);
  });

  it('reads an hour spoken with its part of the day: "7 in the evening", "11 at night"', () => {
    expectDates('The polls open at 7 in the morning and close at 11 at night.', [
      ['7 in the morning', { type: 'TIME', value: '2025-01-17T07:00', rule: 'parser:clock' }],
      ['11 at night', { type: 'TIME', value: '2025-01-17T23:00', rule: 'parser:clock' }],
    ]);
    expectDates('The team scored 3 in the final and 2 at home.', []);
  });
});

describe('anaphora', () => {
  it('reads "the following year", "the previous year" after a month as whole years', () => {
    expectDates('The siege began in March 1942. The following year the city fell; the previous year had been calm.', [
      ['March 1942', { type: 'DATE', value: '1942-03' }],
      ['The following year', { type: 'DATE', value: '1943', anchor: '1942-03', rule: 'parser:anaphora' }],
      ['the previous year', { type: 'DATE', value: '1941', anchor: '1942-03' }],
    ]);
  });

  it('reads "later that year" after a month as the year, not the month', () => {
    expectDates('She left for Spain in March 2019 and came back later that year.', [
      ['March 2019', { type: 'DATE', value: '2019-03' }],
      ['later that year', { type: 'DATE', value: '2019', mod: 'END', anchor: '2019-03' }],
    ]);
  });
});

describe('parts of the day', () => {
  it('reads "mid-afternoon yesterday" and "mid-morning Friday" as times of day, "by mid afternoon" on the day told', () => {
    expectDates('Shares rallied at mid-afternoon yesterday. The talks resume mid-morning Friday. By mid afternoon the rally had faded.', [
      ['mid-afternoon yesterday', { type: 'TIME', value: '2025-01-16TAF', rule: 'parser:mid-daypart' }],
      ['mid-morning Friday', { type: 'TIME', value: '2025-01-17TMO', rule: 'parser:mid-daypart' }],
      ['mid afternoon', { type: 'TIME', value: '2025-01-17TAF', rule: 'parser:mid-daypart' }],
    ]);
  });
});

describe('seasons', () => {
  it('joins a season to a year written in words after "of", but "the fall of" a city stays no season', () => {
    expectDates('Oil sold at that price in the winter of nineteen ninety-four.', [
      ['the winter of nineteen ninety-four', { type: 'DATE', value: '1994-WI', anchor: null, rule: 'parser:season+refiner:combine' }],
    ]);
    expectDates('After the fall of Kabul the envoys left.', []);
  });
});

describe('a step from a day', () => {
  it('reads "the day before last Tuesday" as the Monday, "the week of March 3" as that week', () => {
    expectDates("The day before last Tuesday's vote, the mayor resigned.", [
      ['The day before last Tuesday', { type: 'DATE', value: '2025-01-13', rule: 'parser:weekday+refiner:combine' }],
    ]);
    expectDates('The trial opens the week of March 3.', [['the week of March 3', { type: 'DATE', value: '2025-W10', rule: 'parser:date+refiner:combine' }]]);
    expectDates('He left the day after Oct. 3, 1970.', [['the day after Oct. 3, 1970', { type: 'DATE', value: '1970-10-04' }]]);
  });
});

describe('weekdays after "until"', () => {
  it('looks back when the clause is in the past perfect, ahead otherwise', () => {
    // Friday 2025-01-17: the Wednesday before is the 15th, the next one the 22nd.
    expectDates('Until Wednesday, the police had not named a suspect.', [['Wednesday', { type: 'DATE', value: '2025-01-15' }]]);
    expectDates('The buyers have until Wednesday to decide.', [['Wednesday', { type: 'DATE', value: '2025-01-22' }]]);
  });
});

describe('holidays', () => {
  it('reads "<holiday> week" as the week of the holiday', () => {
    expectDates("Shops rang up records in Thanksgiving week, and Christmas week's sales were flat.", [
      ['Thanksgiving week', { type: 'DATE', value: '2024-W48', rule: 'parser:holiday+refiner:combine' }],
      ['Christmas week', { type: 'DATE', value: '2024-W52', rule: 'parser:holiday+refiner:combine' }],
    ]);
  });
});

describe('"soon"', () => {
  it('is the future ahead of the present, but nothing in a past clause ("was soon released", "Soon, the rebels crossed")', () => {
    expectDates('The council will soon vote on the plan.', [['soon', { type: 'DATE', value: 'FUTURE_REF', rule: 'parser:vague' }]]);
    expectDates('The hostage was soon released, and the talks soon collapsed.', []);
    expectDates('Soon, the rebels crossed the river.', []);
    expectDates('Officials said they may soon file charges.', [['soon', { type: 'DATE', value: 'FUTURE_REF' }]]);
  });
});

describe('an amount modifier on a point counted back or ahead', () => {
  it('joins "more than", "almost" to "… ago" and "… later" with a point mod', () => {
    expectDates('The plant closed more than two years ago and reopened almost three months later.', [
      ['more than two years ago', { type: 'DATE', value: '2023', mod: 'BEFORE', rule: 'parser:ago+refiner:modifier' }],
      ['almost three months later', { type: 'DATE', value: '2023', mod: 'BEFORE', rule: 'parser:ago+refiner:modifier' }],
    ]);
    expectDates('The war ended nearly four decades ago.', [['nearly four decades ago', { type: 'DATE', value: '198', mod: 'AFTER' }]]);
  });
});

describe('an open end after a point', () => {
  it('joins "or later", "and beyond" that close the clause, not "and later" opening another', () => {
    expectDates('Profits may not return until 2027 or later, and the plan runs for 2026 and beyond.', [
      ['2027 or later', { type: 'DATE', value: '2027', mod: 'ON_OR_AFTER', rule: 'parser:year+refiner:modifier' }],
      ['2026 and beyond', { type: 'DATE', value: '2026', mod: 'ON_OR_AFTER' }],
    ]);
    expectDates('She flew in March 2020 and later ran the agency.', [['March 2020', { type: 'DATE', value: '2020-03' }]]);
  });
});
