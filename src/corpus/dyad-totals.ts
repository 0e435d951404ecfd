// dyads.json while the corpus is read: each dyad's share of every article it
// appears in, kept so that a later run can drop the shares of the articles that
// changed (the aggregation ledger holds them between runs). A 50,000-article
// corpus has over half a million shares, so each is a record of integers in
// one growing Int32Array per dyad, cooperation and distrust in thousandths
// (the digest rounds them to three decimals): some 60 bytes instead of 300.
import { QUAD_CLASSES } from '../article.js';
import { noEvents, round3, stanceOf, type DyadPeriod, type DyadRow } from './digest.js';
import { Interned } from './interned.js';

/** Integers before a share's periods: article, cooperation, distrust, number of periods. */
const HEAD = 4;
/** Integers per period: period, cooperation, distrust, sentences, then events by quad class. */
const PERIOD = 4 + QUAD_CLASSES.length;

const thousandths = (x: number): number => Math.round(x * 1000);

/** A dyad's totals, summed from its shares in article order. */
export interface DyadTotal {
  actors: [string, string];
  cooperation: number;
  distrust: number;
  /** Article numbers, in order. */
  articles: number[];
  periods: Map<string, DyadPeriod>;
}

/** One dyad's shares, back to back. */
class Shares {
  data: Int32Array;
  length: number;

  constructor(data?: Int32Array) {
    this.data = data ?? new Int32Array(64);
    this.length = data ? data.length : 0;
  }

  private reserve(n: number): void {
    if (this.length + n <= this.data.length) return;
    const grown = new Int32Array(Math.max(Math.ceil(this.data.length * 1.5), this.length + n));
    grown.set(this.data.subarray(0, this.length));
    this.data = grown;
  }

  push(values: number[]): void {
    this.reserve(values.length);
    this.data.set(values, this.length);
    this.length += values.length;
  }

  /** Where each share starts. */
  starts(): number[] {
    const starts: number[] = [];
    for (let at = 0; at < this.length; at += HEAD + this.data[at + 3] * PERIOD) starts.push(at);
    return starts;
  }

  /** Renumbers the articles (`numbers[old]`, -1: gone), then puts the shares in article order (one article's in the order they came). */
  renumber(numbers: Int32Array): void {
    const kept: number[] = [];
    let sorted = true;
    const starts = this.starts();
    for (const at of starts) {
      const article = numbers[this.data[at]];
      if (article === -1) continue;
      this.data[at] = article;
      if (kept.length && this.data[kept[kept.length - 1]] > article) sorted = false;
      kept.push(at);
    }
    // Most dyads lose nothing and stay in order: renumbered where they are. Room to
    // grow is kept rather than copied away (see References.renumber in entity-totals.ts).
    if (sorted && kept.length === starts.length) return;
    if (!sorted) kept.sort((a, b) => this.data[a] - this.data[b] || a - b);
    const data = new Int32Array(this.length);
    let to = 0;
    for (const at of kept) {
      const size = HEAD + this.data[at + 3] * PERIOD;
      data.set(this.data.subarray(at, at + size), to);
      to += size;
    }
    this.data = data;
    this.length = to;
  }
}

export class DyadTotals {
  private readonly byKey = new Map<string, Shares>();
  /** Period names ("2024", "199", "18"), interned. */
  private readonly periods = new Interned();

  static fromLedger(periods: string[], dyads: [key: string, shares: Int32Array][]): DyadTotals {
    const totals = new DyadTotals();
    periods.forEach((p) => totals.periods.add(p));
    for (const [key, shares] of dyads) totals.byKey.set(key, new Shares(shares));
    return totals;
  }

  toLedger(): { periods: string[]; dyads: [string, Int32Array][] } {
    const dyads: [string, Int32Array][] = [...this.byKey.keys()].sort().map((key) => {
      const shares = this.byKey.get(key)!;
      return [key, shares.data.subarray(0, shares.length)];
    });
    return { periods: this.periods.values, dyads };
  }

  /** Adds an article's dyads (as its digest has them). */
  add(rows: DyadRow[], article: number): void {
    for (const [a, b, cooperation, distrust, periods] of rows) {
      const key = `${a}|${b}`;
      let shares = this.byKey.get(key);
      if (!shares) this.byKey.set(key, (shares = new Shares()));
      const values = [article, thousandths(cooperation), thousandths(distrust), periods.length];
      for (const p of periods) values.push(this.periods.add(p[0]), thousandths(p[1]), thousandths(p[2]), ...(p.slice(3) as number[]));
      shares.push(values);
    }
  }

  /** Renumbers the articles (`numbers[old]`, -1 for an article gone or redone); dyads left without articles go. */
  renumber(numbers: Int32Array): void {
    for (const [key, shares] of this.byKey) {
      shares.renumber(numbers);
      if (shares.length === 0) this.byKey.delete(key);
    }
  }

  /** Every dyad's totals, by key: sums in article order, as three-decimal numbers. */
  totals(): DyadTotal[] {
    return [...this.byKey.keys()].sort().map((key) => {
      const [a, b] = key.split('|');
      const total: DyadTotal = { actors: [a, b], cooperation: 0, distrust: 0, articles: [], periods: new Map() };
      const data = this.byKey.get(key)!.data;
      for (const at of this.byKey.get(key)!.starts()) {
        total.cooperation = round3(total.cooperation + data[at + 1] / 1000);
        total.distrust = round3(total.distrust + data[at + 2] / 1000);
        total.articles.push(data[at]);
        for (let p = at + HEAD, end = at + HEAD + data[at + 3] * PERIOD; p < end; p += PERIOD) {
          const name = this.periods.values[data[p]];
          let period = total.periods.get(name);
          if (!period) total.periods.set(name, (period = { period: name, cooperation: 0, distrust: 0, stance: 0, sentences: 0, events: noEvents() }));
          period.cooperation = round3(period.cooperation + data[p + 1] / 1000);
          period.distrust = round3(period.distrust + data[p + 2] / 1000);
          period.sentences += data[p + 3];
          for (let q = 0; q < QUAD_CLASSES.length; q++) period.events[QUAD_CLASSES[q]] += data[p + 4 + q];
          period.stance = stanceOf(period.cooperation, period.distrust);
        }
      }
      return total;
    });
  }
}
