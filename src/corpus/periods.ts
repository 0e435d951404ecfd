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

/** A period as a reader names it: "18" → "19th century", "199" → "1990s", "BC0500" → "500 BC". */
export function periodLabel(period: string): string {
  if (/^\d{2}$/.test(period)) {
    const n = Number(period) + 1;
    const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
    return `${n}${suffix} century`;
  }
  if (/^\d{3}$/.test(period)) return `${period}0s`;
  const bc = /^BC0*(\d+)$/.exec(period);
  if (bc) return `${bc[1]} BC`;
  return period;
}
