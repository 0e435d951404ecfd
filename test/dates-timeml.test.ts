import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareDoc, formatTimemlScores, parseTimeml, scoreTimeml } from '../src/eval/timeml.js';
import { formatWikiwarsScores, parseWikiwars, scoreWikiwars } from '../src/eval/timex2-inline.js';
import { VALUE_ERROR_KINDS, valueErrorKind, valueErrorSummary } from '../src/eval/value-errors.js';

// A TimeML document of our own (the gold corpora are read in place, never copied).
const TML = `<?xml version="1.0" ?>
<TimeML>
<DOCID>demo</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-01-17" functionInDocument="CREATION_TIME">2025-01-17</TIMEX3></DCT>
<TEXT>
Ministers <EVENT eid="e1">met</EVENT> <TIMEX3 tid="t1" type="DATE" value="2025-W02">last week</TIMEX3> in Tehran &amp; Moscow.
Trade grew in <TIMEX3 tid="t2" type="DATE" value="2024">2024</TIMEX3> and has doubled over <TIMEX3 tid="t3" type="DURATION" value="P2Y">two years</TIMEX3>.
</TEXT>
</TimeML>`;

describe('TimeML scorer', () => {
  it('strips tags, decodes entities and positions the gold TIMEX3s in the plain text, DCT apart', () => {
    const doc = parseTimeml(TML, 'demo');
    expect(doc.dct).toBe('2025-01-17');
    expect(doc.text).toContain('in Tehran & Moscow.');
    expect(doc.timexes.map((t) => [doc.text.slice(t.start, t.end), t.type, t.value])).toEqual([
      ['last week', 'DATE', '2025-W02'],
      ['2024', 'DATE', '2024'],
      ['two years', 'DURATION', 'P2Y'],
    ]);
  });

  it('counts strict, relaxed, value and type matches of the dates stage on a document', () => {
    const errors: unknown[] = [];
    expect(compareDoc(parseTimeml(TML, 'demo'), errors as never)).toEqual({ gold: 3, system: 3, strict: 3, relaxed: 3, values: 3, types: 3 });
    expect(errors).toEqual([]);
  });
});

// Opt-in: TIMEML_EVAL=/work/shared/eval/tempeval3-train npx vitest run test/dates-timeml.test.ts
const dir = process.env.TIMEML_EVAL;
describe.skipIf(!dir || !existsSync(dir))('dates on TimeML gold (TIMEML_EVAL)', () => {
  it('prints strict and relaxed P/R/F1, value and type F1 over the TimeBank and AQUAINT folders', () => {
    const folders = ['TimeBank', 'AQUAINT'].map((f) => join(dir!, f)).filter((f) => existsSync(f));
    const scores = scoreTimeml(folders.length > 0 ? folders : [dir!]);
    console.log(formatTimemlScores(scores));
    // Regression floor (TBAQ train at the time of writing: strict 87.7, relaxed 94.0, value 80.4, type 89.5).
    expect(scores.relaxed.f1).toBeGreaterThan(0.93);
    expect(scores.strict.f1).toBeGreaterThan(0.86);
    expect(scores.valueF1).toBeGreaterThan(0.79);
    expect(scores.typeF1).toBeGreaterThan(0.88);
  });
});

// A WikiWars-style document of our own: inline TIMEX2 with `val`, nested tags scored by the outer one.
const WW = `<DOC><TEXT>The war began in <TIMEX2 val="1914">1914</TIMEX2> and ended on <TIMEX2 val="1918-11-11"><TIMEX2 val="1918-11-11">11 November 1918</TIMEX2></TIMEX2>, after <TIMEX2 val="P4Y">four years</TIMEX2> &amp; more.</TEXT></DOC>`;

describe('WikiWars scorer', () => {
  it('positions the outermost TIMEX2s in the plain text, without a publication date', () => {
    const doc = parseWikiwars(WW, 'demo');
    expect(doc.dct).toBeNull();
    expect(doc.text).toBe('The war began in 1914 and ended on 11 November 1918, after four years & more.');
    expect(doc.timexes.map((t) => [t.text, t.value])).toEqual([
      ['1914', '1914'],
      ['11 November 1918', '1918-11-11'],
      ['four years', 'P4Y'],
    ]);
  });

  it('matches the dates stage on it by TempEval-3 rules', () => {
    const errors: unknown[] = [];
    expect(compareDoc(parseWikiwars(WW, 'demo'), errors as never)).toEqual({ gold: 3, system: 3, strict: 3, relaxed: 3, values: 3, types: 0 });
    // TIMEX2 has no types: none is listed as a type error.
    expect(errors).toEqual([]);
  });
});

describe('value errors by kind', () => {
  const kind = (gold: string, system: string, types: [string, string] = ['DATE', 'DATE']): string =>
    valueErrorKind({ type: types[0], value: gold }, { type: types[1], value: system });

  it('tells a gold that leaves part unspecified or writes the same value otherwise from a wrong value', () => {
    expect(kind('1998-WXX', '1998-W42')).toBe('gold leaves part unspecified');
    expect(kind('1952-XX-XX', '1952')).toBe('gold leaves part unspecified');
    expect(kind('199X', '199')).toBe('gold leaves part unspecified');
    expect(kind('1989-QX', '1988-Q3')).toBe('quarter against year');
    expect(kind('2000-W7', '2000-W07')).toBe('same value, other notation');
    expect(kind('1989-11-06T17', '1989-11-06T17:00', ['TIME', 'TIME'])).toBe('same value, other notation');
  });

  it('names precision, part of day, quarter, week and year differences, and other types', () => {
    expect(kind('1989-09', '1989-09-30')).toBe('coarser or finer');
    expect(kind('1999-02-04', '1999-02-04TNI', ['DATE', 'TIME'])).toBe('part of day or not');
    expect(kind('1988', '1988-Q3')).toBe('quarter against year');
    expect(kind('2000-01-05', '2000-01-12')).toBe('days a week apart');
    expect(kind('1988-12', '1989-12')).toBe('a year apart');
    expect(kind('P1M', '1998-08', ['DURATION', 'DATE'])).toBe('other type');
    expect(kind('1998-10-13T06:00', '1999-04-19T06:00', ['TIME', 'TIME'])).toBe('other');
    // WikiWars gold has no type: a TIMEX2 value is compared alone.
    expect(kind('1941', '1942', ['', 'DATE'])).toBe('a year apart');
  });

  it('sums the value errors of a listing, most frequent kind first', () => {
    const error = (gold: string, system: string) =>
      ({ doc: 'd', kind: 'value', gold: { start: 0, end: 1, text: 'x', type: 'DATE', value: gold }, system: { type: 'DATE', value: system }, context: '' }) as never;
    expect(valueErrorSummary([error('1998-WXX', '1998-W42'), error('1998-WXX', '1998-W43'), error('1988-12', '1989-12')])).toEqual([
      '3 value errors by kind',
      `    2  gold leaves part unspecified: ${VALUE_ERROR_KINDS['gold leaves part unspecified']}`,
      `    1  a year apart: ${VALUE_ERROR_KINDS['a year apart']}`,
    ]);
  });
});

// Opt-in: WIKIWARS_EVAL=/work/shared/eval/wikiwars-train/keyinline npx vitest run test/dates-timeml.test.ts
const wikiwars = process.env.WIKIWARS_EVAL;
describe.skipIf(!wikiwars || !existsSync(wikiwars))('dates on WikiWars gold (WIKIWARS_EVAL)', () => {
  it('prints strict, relaxed and relaxed+value scores over the training documents', () => {
    const scores = scoreWikiwars(wikiwars!);
    console.log(formatWikiwarsScores(scores));
    // Regression floor (16 training documents at the time of writing: relaxed 92.0, value 84.9).
    expect(scores.relaxed.f1).toBeGreaterThan(0.91);
    expect(scores.valueF1).toBeGreaterThan(0.83);
  });
});
