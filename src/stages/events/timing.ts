// When an event happened: the date mention that governs its trigger (nearest
// in the trigger's clause, else nearest in its sentence), else the publication
// date (basis publication), else unknown. Durations and sets ("for three
// years", "every week") never date an event.
//
// Choices, documented:
//   - Coordinated dates ("the 18th and 19th centuries", "between 1990 and
//     1995") date the event by the whole span: text and offsets cover both, the
//     value is the earliest (TIMEX3 "17" for the 18th century), since an event
//     that spans a period began at its start.
//   - "Presently"/"now" (PRESENT_REF) resolve to the publication date, with
//     basis sentence: the sentence said when; the article said which day that is.
//   - historical: the date's whole span ends more than HISTORICAL_YEARS before
//     publication (so with publication 2025-01-17: 2014 is historical, 2015 is
//     not; centuries and decades count by their last year). Without a sentence
//     date, the stance stage's historical flag for the sentence decides.
import type { DateMention, Token } from '../../article.js';
import { isParticiple } from './clauses.js';

export const HISTORICAL_YEARS = 10;

export interface EventDate {
  value: string;
  text: string | null;
  start?: number;
  end?: number;
  basis: 'sentence' | 'publication' | 'unknown';
}

const DATED_TYPES = new Set(['DATE', 'TIME']);
const JOIN = new Set(['and', 'to', '-', '–', '—', 'through', 'or', 'until', 'till']);

const extents = new Map<string, Readonly<{ from: string; to: string }> | null>();

/** First and last day of a TIMEX3 value, as YYYY-MM-DD strings, or null when it has no calendar extent. Remembered per value. */
export function extentOf(value: string): Readonly<{ from: string; to: string }> | null {
  let extent = extents.get(value);
  if (extent === undefined) {
    if (extents.size > 10000) extents.clear();
    extents.set(value, (extent = computeExtent(value)));
  }
  return extent;
}

function computeExtent(value: string): { from: string; to: string } | null {
  let m: RegExpMatchArray | null;
  const pad = (n: number, w = 4): string => String(n).padStart(w, '0');
  if ((m = value.match(/^(\d{4})-(\d{2})-(\d{2})/))) return { from: `${m[1]}-${m[2]}-${m[3]}`, to: `${m[1]}-${m[2]}-${m[3]}` };
  if ((m = value.match(/^(\d{4})-W(\d{2})/))) {
    // ISO week: its Monday is within 3 days of 4 January's week.
    const jan4 = Date.UTC(Number(m[1]), 0, 4);
    const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86400000 + (Number(m[2]) - 1) * 7 * 86400000;
    const iso = (t: number): string => new Date(t).toISOString().slice(0, 10);
    return { from: iso(monday), to: iso(monday + 6 * 86400000) };
  }
  if ((m = value.match(/^(\d{4})-(\d{2})$/))) {
    const days = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
    return { from: `${m[1]}-${m[2]}-01`, to: `${m[1]}-${m[2]}-${pad(days, 2)}` };
  }
  if ((m = value.match(/^(\d{4})(-(Q\d|H\d|SP|SU|FA|WI))?$/))) return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  if ((m = value.match(/^(\d{3})$/))) return { from: `${m[1]}0-01-01`, to: `${m[1]}9-12-31` };
  if ((m = value.match(/^(\d{2})$/))) return { from: `${m[1]}00-01-01`, to: `${m[1]}99-12-31` };
  if ((m = value.match(/^(\d)$/))) return { from: `${m[1]}000-01-01`, to: `${m[1]}999-12-31` };
  if ((m = value.match(/^BC(\d+)/))) return { from: '0000-01-01', to: '0000-01-01' };
  return null;
}

function minusYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) - years;
  return `${String(y).padStart(4, '0')}${date.slice(4)}`;
}

let lastPublished = '';
let lastThreshold = '';

export function isHistorical(value: string, published: string | null): boolean {
  if (!published) return false;
  const extent = extentOf(value);
  if (!extent) return false;
  // One article asks with one publication date: its threshold is worked out once.
  if (published !== lastPublished) {
    lastThreshold = minusYears(published, HISTORICAL_YEARS);
    lastPublished = published;
  }
  return extent.to < lastThreshold;
}

export function isAfterPublication(value: string, published: string | null): boolean {
  if (value === 'FUTURE_REF') return true;
  if (!published) return false;
  const extent = extentOf(value);
  return extent !== null && extent.from > published;
}

/** Token index of the token holding `offset` (linear is fine: a sentence has few dates). */
function tokenIndex(tokens: readonly Token[], offset: number, first: number, end: number): number {
  for (let i = first; i < end; i++) if (tokens[i].end > offset) return i;
  return end - 1;
}

export interface DatedSentence {
  mentions: DateMention[];
  /** Token index of each mention's first token. */
  at: number[];
}

const byStart = (a: DateMention, b: DateMention): number => a.start - b.start;

export function datesOfSentence(all: readonly DateMention[], sentence: number, tokens: readonly Token[], first: number, end: number): DatedSentence {
  const mentions: DateMention[] = [];
  let ordered = true;
  for (const d of all) {
    if (d.sentence !== sentence || !DATED_TYPES.has(d.type)) continue;
    if (mentions.length > 0 && mentions[mentions.length - 1].start > d.start) ordered = false;
    mentions.push(d);
  }
  if (!ordered) mentions.sort(byStart);
  const at: number[] = [];
  for (const d of mentions) at.push(tokenIndex(tokens, d.start, first, end));
  return { mentions, at };
}

/**
 * The governing date of a trigger, or null: same clause first, then the
 * sentence's main clauses (a date inside another relative or subordinate clause
 * dates that clause's own event: "which Beijing had cut off after Pelosi
 * visited Taiwan in August 2022"); nearest wins, then the earlier.
 */
export function governingDate(
  dated: DatedSentence,
  tokens: readonly Token[],
  text: string,
  trigger: { first: number; end: number },
  clause: { first: number; end: number },
  inMainClause: (token: number) => boolean = () => true,
): { mention: EventDate; inClause: boolean; historicalValue: string } | null {
  if (dated.mentions.length === 0) return null;
  const distance = (k: number): number => (dated.at[k] >= trigger.end ? dated.at[k] - trigger.end : trigger.first - dated.at[k]);
  const pick = (inClause: boolean): number => {
    let best = -1;
    for (let k = 0; k < dated.mentions.length; k++) {
      const inside = dated.at[k] >= clause.first && dated.at[k] < clause.end;
      if (inClause && !inside) continue;
      // "agreed to meet again next month": a date past another verb dates that verb, not the trigger.
      if (dated.at[k] >= trigger.end && verbBetween(tokens, trigger.end, dated.at[k])) continue;
      if (!inClause && !inMainClause(dated.at[k])) continue;
      if (best < 0 || distance(k) < distance(best)) best = k;
    }
    return best;
  };
  let k = pick(true);
  const inClause = k >= 0;
  if (k < 0) k = pick(false);
  if (k < 0) return null;

  // Widen to a coordinated neighbour ("18th and 19th centuries"): before or after, joined by one word.
  let lo = k;
  let hi = k;
  const joined = (a: number, b: number): boolean => {
    const between = text.slice(dated.mentions[a].end, dated.mentions[b].start).trim().toLowerCase();
    return dated.mentions[a].type === dated.mentions[b].type && (JOIN.has(between) || between === ',');
  };
  while (lo > 0 && joined(lo - 1, lo)) lo--;
  while (hi + 1 < dated.mentions.length && joined(hi, hi + 1)) hi++;
  const span = dated.mentions.slice(lo, hi + 1);
  const earliest = span.reduce((a, b) => (earlier(b.value, a.value) ? b : a));
  const start = span[0].start;
  const end = span[span.length - 1].end;
  return {
    mention: { value: earliest.value, text: text.slice(start, end), start, end, basis: 'sentence' },
    inClause,
    // Historical is judged by the latest part of the span: an event is historical only if all of it is.
    historicalValue: span.reduce((a, b) => (earlier(a.value, b.value) ? b : a)).value,
  };
}

/** A verb (or infinitive marker) lies in tokens [from, to): what follows belongs to another predicate. */
export function verbBetween(tokens: readonly Token[], from: number, to: number): boolean {
  for (let j = from; j < to; j++) {
    const t = tokens[j];
    if (t.pos === 'AUX' || (t.pos === 'PART' && t.normal === 'to' && tokens[j + 1]?.pos === 'VERB')) return true;
    // "conflicts occurring during ...", "agreements signed in ...": a participle modifying the noun before it is no new predicate.
    if (t.pos === 'VERB' && !(isParticiple(t) && (j === from || tokens[j - 1]?.pos === 'NOUN'))) return true;
  }
  return false;
}

function earlier(a: string, b: string): boolean {
  const ea = extentOf(a);
  const eb = extentOf(b);
  if (!ea || !eb) return false;
  return ea.from < eb.from;
}

/** The event's date record: a sentence date (PRESENT_REF resolved), else the publication date, else unknown. */
export function eventDate(governing: EventDate | null, published: string | null): EventDate {
  if (governing) {
    if (governing.value === 'PRESENT_REF' && published) return { ...governing, value: published };
    return governing;
  }
  if (published) return { value: published, text: null, basis: 'publication' };
  return { value: 'XXXX-XX-XX', text: null, basis: 'unknown' };
}
