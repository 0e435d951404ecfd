// The one ordered configuration of the dates stage. Parser order breaks ties
// between candidates with the same span (earlier wins); refiner order is a
// pipeline, each step's reason beside it.
import { calendarDateParser, clockParser, dayRangeParser, monthYearParser, numericDateParser, weekdayParser } from './parsers/written.js';
import { eraRangeParser, eraYearParser, shortYearParser, yearParser, yearRangeParser } from './parsers/years.js';
import { centuriesParser, centuryParser, decadeParser, shortDecadeParser } from './parsers/periods.js';
import {
  agoParser,
  anaphoraParser,
  clockWordParser,
  dayWordParser,
  daypartParser,
  deicticNameParser,
  midDaypartParser,
  deicticUnitParser,
  periodReferenceParser,
  thePeriodParser,
  weekdayPartParser,
  weekendParser,
  yearAgoParser,
} from './parsers/relative.js';
import { vagueParser } from './parsers/vague.js';
import { holidayParser, spokenYearParser } from './parsers/named.js';
import { monthNameParser, quarterCodeParser, quarterParser, seasonParser, seasonYearParser } from './parsers/calendar.js';
import {
  durationParser,
  everyNameParser,
  everyUnitParser,
  rateParser,
  setAdverbParser,
  spanParser,
  vagueDurationParser,
  aheadParser,
  longParser,
} from './parsers/amounts.js';
import { combineRefiner } from './refiners/combine.js';
import { monthWordFilter } from './refiners/filter.js';
import { overlapRefiner } from './refiners/merge.js';
import { modifierRefiner } from './refiners/modifiers.js';
import { resolveRefiner } from './refiners/resolve.js';
import type { Parser, Refiner } from './types.js';

export const PARSERS: readonly Parser[] = [
  // Specific shapes first: they win ties against the general ones below.
  eraRangeParser, // "499-493 BC": both years before Christ
  eraYearParser, // "500 BC" before the bare year takes "500"… (it never would: bare years have four digits)
  centuriesParser, // "the 18th and 19th centuries"
  centuryParser,
  decadeParser,
  shortDecadeParser,
  quarterCodeParser,
  quarterParser,
  seasonYearParser,
  seasonParser,
  holidayParser, // "May Day" over the weekday or month alone "May"
  spokenYearParser,
  clockWordParser, // "noon Thursday" over the weekday or month alone "Thursday"
  dayWordParser,
  daypartParser,
  midDaypartParser, // "mid-afternoon yesterday" over "yesterday" alone
  weekdayPartParser,
  deicticNameParser, // "last March" over the weekday or month alone "March"
  deicticUnitParser,
  agoParser,
  yearAgoParser,
  periodReferenceParser,
  thePeriodParser, // "the end of the year", "year-end", "earlier in the week": after "the current year", "the year-ago"
  weekendParser,
  anaphoraParser, // "the next day" over the span parser's "the next day" (a stretch only after "over", "during")
  everyNameParser, // "every Tuesday" over the weekday or month alone "Tuesday"
  everyUnitParser,
  setAdverbParser,
  rateParser, // "a year" in "$5 million a year" is a rate, not a duration
  spanParser,
  aheadParser,
  longParser,
  durationParser,
  vagueDurationParser,
  dayRangeParser, // "6-9 January 1916": two days, before the dates each would take
  calendarDateParser, // "Tuesday, Jan. 5, 2024 at 3 p.m.", "5 January"
  monthYearParser, // "March 2023"
  numericDateParser, // "2023-03-10", "3/10/2023"
  weekdayParser, // "Tuesday", "9 a.m. EST Tuesday"
  clockParser, // "10:35 a.m." 
  monthNameParser, // a bare month ("by the end of May")
  yearRangeParser,
  yearParser,
  shortYearParser,
  vagueParser, // "the past", "now": shortest and vaguest, lose every tie
];

/** The refiners that settle each expression's span and shape, sentence by sentence. */
export const SHAPE_REFINERS: readonly Refiner[] = [
  monthWordFilter, // before merging: a false "May" must not hide a real date around it
  overlapRefiner, // one expression per stretch of text, the longest
  combineRefiner, // after merging: "July" + "last year" are whole expressions by now
  modifierRefiner, // after merging: the modifier joins the winning span
];

/**
 * Then each expression gets its value, once every sentence is shaped: values need the final
 * spans (tense is read around them), and an undated story's year may need the years written further on.
 */
export const VALUE_REFINER: Refiner = resolveRefiner;
