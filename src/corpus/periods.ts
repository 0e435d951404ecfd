// The period a date value is charted in: years keep their year, coarser values
// (decades "199", centuries "18") keep their granularity, vague references and
// undated sentences fall back to the publication year.

/** Period key for a TIMEX3 value, or the publication year when the value is vague or missing. */
export function periodOf(value: string | null, published: string | null): string {
  const fallback = published ? published.slice(0, 4) : 'undated';
  if (!value) return fallback;
  const year = /^(\d{4})/.exec(value);
  if (year) return year[1];
  if (/^\d{2,3}$/.test(value)) return value; // century or decade
  const bc = /^BC\d+/.exec(value);
  if (bc) return bc[0];
  return fallback; // PRESENT_REF, PAST_REF, FUTURE_REF, durations, unresolved
}
