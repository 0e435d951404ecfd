// Historical framing: a sentence that says "historically", or whose dates all lie
// long before publication (centuries, or a year more than CONFIG.historicalYears
// earlier), speaks of the past. It still counts as cooperation or distrust; the
// flag lets an analyst weigh it.
import type { DateMention } from '../../article.js';
import { stanceLexicon, type SentenceWords } from './lexicon.js';

/** The last year a TIMEX3 DATE value covers: 1991 → 1991, 199 (the 1990s) → 1999, 18 (the 1800s) → 1899, BC → -Infinity. */
export function lastYearOf(value: string): number | null {
  if (/^BC/.test(value)) return -Infinity;
  let m = /^(\d{4})/.exec(value);
  if (m) return Number(m[1]);
  m = /^(\d{3})$/.exec(value);
  if (m) return Number(m[1]) * 10 + 9;
  m = /^(\d{2})$/.exec(value);
  if (m) return Number(m[1]) * 100 + 99;
  return null;
}

/** The year "now" is for an article: its publication year, else the latest year it mentions. */
export function referenceYear(published: string | null, dates: readonly DateMention[]): number | null {
  if (published && /^\d{4}/.test(published)) return Number(published.slice(0, 4));
  let latest: number | null = null;
  for (let i = 0; i < dates.length; i++) {
    const d = dates[i];
    if (d.type !== 'DATE' || !/^\d{4}/.test(d.value)) continue;
    const y = Number(d.value.slice(0, 4));
    if (latest === null || y > latest) latest = y;
  }
  return latest;
}

export interface HistoricalVerdict {
  historical: boolean;
  rule: 'marker' | 'dates' | null;
}

export function judgeHistorical(words: SentenceWords, dates: readonly DateMention[], nowYear: number | null): HistoricalVerdict {
  const { matchers, config } = stanceLexicon();
  if (matchers.historicalSentence.findAll(words).length > 0) return { historical: true, rule: 'marker' };
  if (matchers.presentSentence.findAll(words).length > 0) return { historical: false, rule: null };
  let old = false;
  for (let i = 0; i < dates.length; i++) {
    const d = dates[i];
    if (d.value === 'PRESENT_REF' || d.value === 'FUTURE_REF') return { historical: false, rule: null };
    if (d.type !== 'DATE') continue;
    const last = lastYearOf(d.value);
    if (last === null) continue;
    // Without a publication year only centuries and BC dates are surely old.
    const isOld = nowYear === null ? last < 1900 : last < nowYear - config.historicalYears;
    if (!isOld) return { historical: false, rule: null }; // a recent date anchors the sentence now
    old = true;
  }
  return old ? { historical: true, rule: 'dates' } : { historical: false, rule: null };
}
