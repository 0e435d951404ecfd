// Weekdays, months and clock times read by the tense and cues of their
// sentence: each family pinned by exact span, type, value and rule.
import { describe, it } from 'vitest';
import { expectDates } from './dates-expect.js';

describe('scheduling verbs point ahead', () => {
  it('reads "has scheduled a news conference Thursday" as the coming Thursday', () => {
    // Published Wednesday 2025-01-15: the present perfect is about the scheduling, the conference is ahead.
    expectDates('The prosecutor has scheduled a news conference Thursday to announce a development.', [
      ['Thursday', { type: 'DATE', value: '2025-01-16', anchor: '2025-01-15', certainty: 'implied', rule: 'parser:weekday' }],
    ], '2025-01-15');
  });

  it('reads a plan reported in the past ("were planning to") as ahead, one in the past perfect as behind', () => {
    // Published Friday 2025-01-17: the plan still stands when the article is written.
    expectDates('Protesters were planning to drive around the airport on Monday.', [
      ['Monday', { type: 'DATE', value: '2025-01-20', rule: 'parser:weekday' }],
    ], '2025-01-17');
    // "had been scheduled to": the plan was overtaken, its day is the one before publication.
    expectDates('The offer had been scheduled to expire on Monday.', [
      ['Monday', { type: 'DATE', value: '2025-01-13', rule: 'parser:weekday' }],
    ], '2025-01-17');
  });

  it('still reads "has met Thursday" as the past Thursday', () => {
    expectDates('The committee has met Thursday and rejected the bid.', [
      ['Thursday', { type: 'DATE', value: '2025-01-09', rule: 'parser:weekday' }],
    ], '2025-01-15');
  });
});

describe('names the tagger reads as verbs have no tense', () => {
  it('reads "In January" by "killed", not by "Wade" in "Roe vs. Wade"', () => {
    // Published 2025-10-25: the nearest January is ahead, but the sentence is past.
    expectDates('In January, a week after the anniversary of Roe vs. Wade, a bombing in Birmingham killed a guard.', [
      ['January', { type: 'DATE', value: '2025-01', anchor: '2025-10-25', rule: 'parser:month-name' }],
      ['a week', { type: 'DURATION', value: 'P1W', rule: 'parser:duration' }],
    ], '2025-10-25');
  });
});

describe('a quotation mark separates clauses', () => {
  it('reads a weekday inside a quote by the quote\'s verb, not by "said" after it', () => {
    // Published Wednesday 2025-01-15: "will leave" is the nearer verb on the same side of the quotes.
    expectDates("''This father will leave at dawn (4 a.m. EDT Thursday),'' Castro said.", [
      ['4 a.m. EDT Thursday', { type: 'TIME', value: '2025-01-16T04:00', anchor: '2025-01-15', rule: 'parser:weekday' }],
    ], '2025-01-15');
  });

  it('reads a weekday outside the quote by the verb outside it', () => {
    expectDates('"We will not give up," Castro said Thursday.', [
      ['Thursday', { type: 'DATE', value: '2025-01-09', rule: 'parser:weekday' }],
    ], '2025-01-15');
  });
});

describe('an aside has its own time', () => {
  it('reads a fronted date by the main verb, not by a verb inside a participle aside', () => {
    // Published 2025-05-05: "would be seen" is inside ", wondering ..., "; "searched" is the clause's verb.
    expectDates('But on April 8, investigators, wondering how he could have fled without fearing he would be seen, searched the site again.', [
      ['April 8', { type: 'DATE', value: '2025-04-08', rule: 'parser:date' }],
    ], '2025-05-05');
  });

  it('does not take a list\'s commas for an aside', () => {
    expectDates('He succeeds Taylor, who stepped down as chairman, president and chief executive in March.', [
      ['March', { type: 'DATE', value: '2025-03', rule: 'parser:month-name' }],
    ], '2025-11-05');
  });
});

describe('titles are not time expressions', () => {
  it('leaves the programme "This Week" untagged but reads "this week" and a sentence-initial "This week"', () => {
    expectDates('Baker said on ABC\'s "This Week" that talks would resume this week.', [
      ['this week', { type: 'DATE', value: '2025-W03', rule: 'parser:deictic-unit' }],
    ], '2025-01-15');
    expectDates('This week the talks resume.', [['This week', { type: 'DATE', value: '2025-W03', rule: 'parser:deictic-unit' }]], '2025-01-15');
  });
});
