// Cross-article grouping: events from several articles that report the same
// happening ("Biden and Xi met in San Francisco" in one paper, "talks between
// the U.S. and Chinese presidents" in another). Pure and incremental: the
// corpus aggregation calls add() once per event, in article-id then event
// order, and groups() once at the end.
//
// Two events report the same happening when
//   - their actors agree at country level (RUSGOV ~ RUS): source with source and
//     target with target, or either way round when one of them is mutual (a
//     meeting, a war, "between A and B") or of a category whose direction news
//     reports arbitrarily (CONSULT, COOPERATE);
//   - their PLOVER category is the same;
//   - their dates agree at the coarser granularity of the two (2024-10-23 and
//     2024-W43 agree; 2024-10 and 2024 agree; a date taken from the publication
//     date only bounds the event and counts at the granularity of its week);
//   - their evidence overlaps: the content words of the evidence sentences
//     (lower-cased, crudely stemmed, stop words and the actors' own words
//     aside) share at least two stems and a quarter of the smaller set.
// Events with one side only are not grouped. An event joins the first group
// whose first member it matches (single link to the representative: cheap and
// order-stable); else it starts a group. Only groups with two or more members
// from two or more articles are returned.
//
// Memory: per event, its id, an interned article index and (for a group's
// first member only) a few stem hashes; groups are bucketed by country pair,
// category and year, so an event is compared with the few groups of its bucket.
import type { EventRecord, PloverCategory, QuadClass } from '../article.js';
import { countryOf } from '../stages/stance/actors.js';

export interface EventGroup {
  /** Stable: `group:` and the first report's event id. */
  id: string;
  /** Event ids, in the order they were added. */
  members: string[];
  /** Distinct articles. */
  articles: number;
  /** Distinct publishers, or articles when the publisher is not known. */
  sources: number;
  /** The earliest published report (ties: the first added). */
  first: { eventId: string; articleId: string; published: string | null };
  type: PloverCategory;
  quadClass: QuadClass;
  /** Country-level actors: [source, target], or sorted for a mutual happening. */
  actors: [string, string];
  /** The members' date at the coarsest granularity among them (TIMEX3). */
  date: string;
}

/** Categories whose direction news reports arbitrarily ("A met B", "B hosted A"). */
const UNDIRECTED: ReadonlySet<string> = new Set(['CONSULT', 'COOPERATE']);

const STOP = new Set(
  'a an the and or but of in on at to for from with by as is are was were be been being has have had do does did will would could should may might must can this that these those it its their they them he his she her we our you your i not no than then there here also after before over under about into out up down more most other such only own same so very just into amid while when where which who whom whose what said says say told according mr ms mrs monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december year years week weeks month months day days last next first second new'.split(
    ' ',
  ),
);

/** A crude stem, enough to match "talks"/"talk", "signed"/"signing", "sanctions"/"sanction". */
function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ied')) return word.slice(0, -3) + 'y';
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** A 16-bit hash of a stem, as one UTF-16 code unit: a group keeps its stems as one short string. */
function hash16(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h ^ (h >>> 16)) & 0xffff;
}

const MAX_STEMS = 12;

/** Content-word stems of the event's evidence, without the actors' own words, as sorted 16-bit codes in a string. */
export function evidenceStems(event: EventRecord): string {
  const actorWords = new Set(`${event.source?.text ?? ''} ${event.target?.text ?? ''}`.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const out = new Set<number>();
  const words = (event.evidence.text.toLowerCase().match(/[\p{L}][\p{L}\p{N}'-]*/gu) ?? []).map((w) => w.replace(/['’-]s?$/, ''));
  // The trigger's words first: they are the happening itself.
  for (const w of [...(event.trigger.text.toLowerCase().match(/[\p{L}]+/gu) ?? []), ...words]) {
    if (w.length < 3 || STOP.has(w) || actorWords.has(w)) continue;
    out.add(hash16(stem(w)));
    if (out.size >= MAX_STEMS) break;
  }
  return String.fromCharCode(...[...out].sort((a, b) => a - b));
}

function shared(a: string, b: string): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(j);
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

// ---- dates -------------------------------------------------------------------

/** 0 day, 1 week, 2 month, 3 year, 4 decade, 5 century. */
type Granularity = 0 | 1 | 2 | 3 | 4 | 5;

/** A date placed on the calendar at its granularity, with the week and month it falls in (as far as known). */
export interface CoarseDate {
  granularity: Granularity;
  /** The value at its own granularity: 2023-11-15, 2023-W46, 2023-11, 2023, 202, 20. */
  value: string;
  /** Its ISO week, for a day or a week; else ''. */
  week: string;
  /** Its month (a week's is its Thursday's), for a day, a week or a month; else ''. */
  month: string;
}

function isoWeek(y: number, m: number, d: number): string {
  const t = Date.UTC(y, m - 1, d);
  const day = (new Date(t).getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(t - day * 86400000 + 3 * 86400000);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86400000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The month of a week: the month of its Thursday. */
function weekMonth(week: string): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(week)!;
  const jan4 = Date.UTC(Number(m[1]), 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86400000 + (Number(m[2]) - 1) * 7 * 86400000;
  return new Date(monday + 3 * 86400000).toISOString().slice(0, 7);
}

/** A TIMEX3 value (and its basis) placed at its granularity, or null when it has none on the calendar. */
export function coarseDate(value: string, basis: string): CoarseDate | null {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value))) {
    const day = `${m[1]}-${m[2]}-${m[3]}`;
    const week = isoWeek(Number(m[1]), Number(m[2]), Number(m[3]));
    // A publication date only bounds the event: it counts as its week.
    if (basis === 'publication') return { granularity: 1, value: week, week, month: weekMonth(week) };
    return { granularity: 0, value: day, week, month: day.slice(0, 7) };
  }
  if ((m = /^(\d{4})-W(\d{2})$/.exec(value))) return { granularity: 1, value, week: value, month: weekMonth(value) };
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) return { granularity: 2, value, week: '', month: value };
  if ((m = /^(\d{4})(-(Q\d|H\d|SP|SU|FA|WI))?$/.exec(value))) return { granularity: 3, value: m[1], week: '', month: '' };
  if (/^\d{3}$/.test(value)) return { granularity: 4, value, week: '', month: '' };
  if (/^\d{2}$/.test(value)) return { granularity: 5, value, week: '', month: '' };
  return null;
}

/** The date's value at a granularity at or above its own. */
function at(d: CoarseDate, g: Granularity): string {
  if (g === d.granularity) return d.value;
  if (g === 1) return d.week;
  if (g === 2) return d.month;
  return d.value.slice(0, 7 - g); // year 4, decade 3, century 2 characters
}

/** Same date at the coarser granularity of the two. */
export function sameDate(a: CoarseDate, b: CoarseDate): boolean {
  const g = Math.max(a.granularity, b.granularity) as Granularity;
  return at(a, g) === at(b, g);
}

// ---- the grouper ---------------------------------------------------------------

interface Member {
  /** The event id, or for the usual `<article id>:<offset>` only the offset (a number costs no memory of its own). */
  local: number | string;
  article: number;
  /** Publisher index, or -1 - article index when the publisher is not known (the article counts as the source). */
  publisher: number;
  published: string | null;
}

/** A group is its first member too (most groups stay single: no member object for them). */
interface Group extends Member, CoarseDate {
  type: PloverCategory;
  quadClass: QuadClass;
  /** Country-level source and target of the first member. */
  source: string;
  target: string;
  directed: boolean;
  stems: string;
  /** Creation order: among several matching groups the oldest takes the event. */
  order: number;
  /** Members after the first, created when a second one joins. */
  more: Member[] | null;
}

/**
 * Groups of one bucket (country pair, category, year), filed by date so that an
 * event meets only groups dated like it: `own` by each group's own value (the
 * formats of days, weeks, months and years never collide), `byWeek` and
 * `byMonth` the finer ones by the week and month they fall in; an event dated
 * by a year or coarser meets the whole bucket (`all`).
 */
interface Bucket {
  own: Map<string, Group[]>;
  byWeek: Map<string, Group[]>;
  byMonth: Map<string, Group[]>;
  all: Group[];
}

/** The bucket an event is compared in (country pair unordered, category, year or coarser), or null when it cannot group. */
export function groupKeyOf(event: EventRecord): string | null {
  if (!event.source || !event.target) return null;
  const date = coarseDate(event.date.value, event.date.basis);
  if (!date) return null;
  const [a, b] = [countryOf(event.source.actor), countryOf(event.target.actor)].sort();
  if (a === b) return null;
  const period = date.granularity <= 3 ? date.value.slice(0, 4) : date.granularity === 4 ? `${date.value}x` : `${date.value}xx`;
  return `${a}|${b}|${event.type}|${period}`;
}

function file(index: Map<string, Group[]>, key: string, group: Group): void {
  const list = index.get(key);
  if (list) list.push(group);
  else index.set(key, [group]);
}

/** An event id kept as its offset when it is the usual `<article id>:<offset>`. */
function localId(event: EventRecord): number | string {
  const prefix = event.articleId.length + 1;
  if (event.id.length > prefix && event.id.length <= prefix + 9 && event.id.startsWith(event.articleId) && event.id[prefix - 1] === ':') {
    const offset = Number(event.id.slice(prefix));
    if (Number.isInteger(offset) && offset >= 0 && String(offset) === event.id.slice(prefix)) return offset;
  }
  return event.id;
}

const isMutual = (event: EventRecord): boolean => UNDIRECTED.has(event.type) || event.rule.split('|').includes('mutual');

/**
 * What grouping needs of an event, made with the article (in the worker, where
 * the stems cost nothing to the single-threaded aggregation) and kept in its
 * digest: the aggregation never parses the event records themselves.
 */
export interface EventSketch {
  /** The event id, or its offset when the id is the usual `<article id>:<offset>`. */
  local: number | string;
  /** The bucket: country pair, category, year or coarser (groupKeyOf). */
  key: string;
  date: CoarseDate;
  type: PloverCategory;
  quadClass: QuadClass;
  /** Country-level source and target. */
  source: string;
  target: string;
  directed: boolean;
  stems: string;
}

/** The event's sketch, or null when it cannot group (one side only, one country, no calendar date). */
export function sketchEvent(event: EventRecord): EventSketch | null {
  const key = groupKeyOf(event);
  if (!key) return null;
  return {
    local: localId(event),
    key,
    date: coarseDate(event.date.value, event.date.basis)!,
    type: event.type,
    quadClass: event.quadClass,
    source: countryOf(event.source!.actor),
    target: countryOf(event.target!.actor),
    directed: !isMutual(event),
    stems: evidenceStems(event),
  };
}

export class EventGrouper {
  /** Buckets by key (a decade or a century is a bucket of its own). */
  private readonly buckets = new Map<string, Bucket>();
  private readonly articles = new Map<string, number>();
  private readonly publishers = new Map<string, number>();
  /** Every group, in creation order: the output's tie order. */
  private readonly all: Group[] = [];
  /** Interned country codes and dates, so that each group holds references, not copies. */
  private readonly strings = new Map<string, string>();

  private intern(map: Map<string, number>, key: string): number {
    let n = map.get(key);
    if (n === undefined) map.set(key, (n = map.size));
    return n;
  }

  private str(s: string): string {
    const held = this.strings.get(s);
    if (held !== undefined) return held;
    this.strings.set(s, s);
    return s;
  }

  /** Groups of the bucket an event dated `date` may join: dated like it at the coarser grain of the two. */
  private candidates(bucket: Bucket, date: CoarseDate): Group[] {
    if (date.granularity >= 3) return bucket.all;
    const out: Group[] = [];
    const add = (list: Group[] | undefined): void => {
      if (list) for (const g of list) out.push(g);
    };
    // As coarse or coarser: the group's own value is the event's at the group's grain.
    add(bucket.own.get(date.value));
    if (date.granularity < 1) add(bucket.own.get(date.week));
    if (date.granularity < 2) add(bucket.own.get(date.month));
    add(bucket.own.get(date.value.slice(0, 4)));
    // Finer: groups inside the event's week or month.
    if (date.granularity === 1) add(bucket.byWeek.get(date.week));
    if (date.granularity === 2) add(bucket.byMonth.get(date.month));
    return out;
  }

  private fileGroup(bucket: Bucket, group: Group): void {
    const d = group;
    file(bucket.own, d.value, group);
    if (d.granularity === 0) file(bucket.byWeek, d.week, group);
    if (d.granularity <= 1) file(bucket.byMonth, d.month, group);
    bucket.all.push(group);
  }

  /** Adds one event; `publisher` (the article's, when known) makes `sources` count publishers. */
  add(event: EventRecord, publisher?: string | null): void {
    const sketch = sketchEvent(event);
    if (sketch) this.addSketch(sketch, event.articleId, publisher ?? null, event.published);
  }

  /** Adds one event by its sketch (made with the article, in the worker) and its article's id, publisher and date. */
  addSketch(sketch: EventSketch, articleId: string, publisher: string | null, published: string | null): void {
    const { key, stems, directed } = sketch;
    const date: CoarseDate = { granularity: sketch.date.granularity, value: this.str(sketch.date.value), week: this.str(sketch.date.week), month: this.str(sketch.date.month) };
    const source = this.str(sketch.source);
    const target = this.str(sketch.target);
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = { own: new Map(), byWeek: new Map(), byMonth: new Map(), all: [] }));
    const candidates = this.candidates(bucket, date);
    let joined: Group | null = null;
    for (const g of candidates) {
      // A group made coarser by a member stays filed where it was: its date is checked again.
      if (!sameDate(g, date)) continue;
      // Direction: both directed must agree; a mutual report fits either way round.
      if (g.directed && directed && (g.source !== source || g.target !== target)) continue;
      const n = shared(g.stems, stems);
      if (n < 2 || n * 4 < Math.min(g.stems.length, stems.length)) continue;
      if (!joined || g.order < joined.order) joined = g;
    }
    const article = this.intern(this.articles, articleId);
    const member: Member = {
      local: sketch.local,
      article,
      publisher: publisher ? this.intern(this.publishers, publisher) : -1 - article,
      published: published === null ? null : this.str(published),
    };
    if (joined) {
      (joined.more ??= []).push(member);
      // The group's date is the coarsest of its members' (filed again under it).
      if (date.granularity > joined.granularity) {
        joined.granularity = date.granularity;
        joined.value = date.value;
        joined.week = date.week;
        joined.month = date.month;
        this.fileGroup(bucket, joined);
      }
      return;
    }
    // Written out, not spread: one object shape for every group (fast property access, compact).
    const group: Group = {
      local: member.local,
      article: member.article,
      publisher: member.publisher,
      published: member.published,
      granularity: date.granularity,
      value: date.value,
      week: date.week,
      month: date.month,
      type: sketch.type,
      quadClass: sketch.quadClass,
      source,
      target,
      directed,
      stems,
      order: this.all.length,
      more: null,
    };
    this.fileGroup(bucket, group);
    this.all.push(group);
  }

  /** Groups of two or more members from two or more articles, the earliest first report first (ties: id). */
  groups(): EventGroup[] {
    return [...this.eachGroup()];
  }

  /** groups(), one at a time: only the order is held, each group's record is made as it is written. */
  *eachGroup(): Generator<EventGroup> {
    const articleIds: string[] = [];
    for (const [id, n] of this.articles) articleIds[n] = id;
    const idOf = (m: Member): string => (typeof m.local === 'number' ? `${articleIds[m.article]}:${m.local}` : m.local);
    const membersOf = (g: Group): Member[] => [{ local: g.local, article: g.article, publisher: g.publisher, published: g.published }, ...g.more!];
    const order: { group: Group; first: Member; id: string }[] = [];
    for (const g of this.all) {
      if (!g.more) continue;
      const members = membersOf(g);
      if (!members.some((m) => m.article !== g.article)) continue;
      let first = members[0];
      for (const m of members) if (m.published !== null && (first.published === null || m.published < first.published)) first = m;
      order.push({ group: g, first, id: `group:${idOf(first)}` });
    }
    const published = (o: { first: Member }): string => o.first.published ?? '\uffff';
    order.sort((a, b) => (published(a) < published(b) ? -1 : published(a) > published(b) ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const { group: g, first, id } of order) {
      const members = membersOf(g);
      yield {
        id,
        members: members.map(idOf),
        articles: new Set(members.map((m) => m.article)).size,
        sources: new Set(members.map((m) => m.publisher)).size,
        first: { eventId: idOf(first), articleId: articleIds[first.article], published: first.published },
        type: g.type,
        quadClass: g.quadClass,
        actors: g.directed || g.source < g.target ? [g.source, g.target] : [g.target, g.source],
        date: g.value,
      };
    }
  }
}
