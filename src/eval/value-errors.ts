// Sorts the value errors of a timex evaluation into kinds, so that a listing of
// hundreds of misses says what is left: wrong answers, or the same answer
// written at another precision or in another notation than the gold's.
import type { TimemlError } from './timeml.js';

export type ValueErrorKind =
  | 'gold leaves part unspecified'
  | 'same value, other notation'
  | 'coarser or finer'
  | 'part of day or not'
  | 'quarter against year'
  | 'days a week apart'
  | 'a year apart'
  | 'other type'
  | 'other';

/** What each kind means, in the order the summary prints them. */
export const VALUE_ERROR_KINDS: Record<ValueErrorKind, string> = {
  'gold leaves part unspecified': 'the gold writes X where the system names the week, year or quarter ("1998-WXX" for 1998-W42, "1952-XX" for 1952)',
  'same value, other notation': 'one point written two ways ("2000-W7" for 2000-W07, "T17" for T17:00)',
  'coarser or finer': 'one value is a prefix of the other (1989-09 against 1989-09-30)',
  'part of day or not': 'the same day, with or without a part of day (1999-02-04 against 1999-02-04TNI)',
  'quarter against year': 'a quarter against a year or another quarter: which period a results report compares with',
  'days a week apart': 'two days seven days apart: which way a weekday points',
  'a year apart': 'the same month or day in another year',
  'other type': 'a different type as well (DURATION, DATE, SET)',
  other: 'anything else',
};

const DAY = /^(\d{4})-(\d\d)-(\d\d)$/;

/** The kind of one value error, from the gold and system type and value. */
export function valueErrorKind(gold: { type: string; value: string }, system: { type: string; value: string }): ValueErrorKind {
  const g = gold.value;
  const s = system.value;
  if (g.includes('X') && !/^P/.test(g)) {
    // "1998-WXX", "1952-XX-XX", "199X", "1989-QX": what the gold does state, the system's value starts with.
    const known = g.replace(/[-]?[A-Z]*X+.*$/, '');
    if (known.length >= 2 && s.startsWith(known)) return 'gold leaves part unspecified';
  }
  if (notation(g) === notation(s)) return 'same value, other notation';
  // TIMEX2 gold has no type; a TIME against a DATE is told apart below.
  const otherType = gold.type !== '' && gold.type !== system.type;
  if (otherType && gold.type !== 'TIME' && system.type !== 'TIME') return 'other type';
  if (/^\d{4}-Q/.test(g) || /^\d{4}-Q/.test(s)) return 'quarter against year';
  if (/^\d/.test(g) && /^\d/.test(s) && (g.startsWith(s) || s.startsWith(g))) {
    return /T(MO|AF|EV|NI|DT)$/.test(g) || /T(MO|AF|EV|NI|DT)$/.test(s) ? 'part of day or not' : 'coarser or finer';
  }
  const gd = DAY.exec(g.slice(0, 10));
  const sd = DAY.exec(s.slice(0, 10));
  if (gd && sd && g.slice(10) === s.slice(10)) {
    const apart = Math.abs(Date.UTC(+gd[1], +gd[2] - 1, +gd[3]) - Date.UTC(+sd[1], +sd[2] - 1, +sd[3])) / 86_400_000;
    if (apart === 7) return 'days a week apart';
  }
  if (/^\d{4}/.test(g) && /^\d{4}/.test(s) && g.slice(4) === s.slice(4) && Math.abs(+g.slice(0, 4) - +s.slice(0, 4)) === 1) return 'a year apart';
  return otherType ? 'other type' : 'other';
}

/** A value written one way: one-digit weeks padded, ":00" minutes dropped. */
function notation(value: string): string {
  return value.replace(/-W(\d)(?!\d)/, '-W0$1').replace(/T(\d\d):00$/, 'T$1');
}

/** Counts of the value errors by kind, most frequent first, as lines for the error listing. */
export function valueErrorSummary(errors: readonly TimemlError[]): string[] {
  const counts = new Map<ValueErrorKind, number>();
  for (const e of errors) {
    if (e.kind !== 'value' || !e.gold || !e.system) continue;
    const kind = valueErrorKind(e.gold, e.system);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const lines = [`${total} value errors by kind`];
  for (const [kind, n] of [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
    lines.push(`${String(n).padStart(5)}  ${kind}: ${VALUE_ERROR_KINDS[kind]}`);
  }
  return lines;
}
