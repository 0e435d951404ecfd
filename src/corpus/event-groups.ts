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
// Memory: a group is a row of int32 fields, its first member's stem codes and
// its filings under its dates (about 100 bytes); an event that joins a group is
// a row of three integers. Groups are bucketed by country pair, category and
// year, so an event is compared with the few groups of its bucket. The aggregation adds events by their sketches,
// made in the worker with the article.
import type { EventRecord, PloverCategory, QuadClass } from '../article.js';
import { countryOf } from '../stages/stance/actors.js';
import { Interned } from './interned.js';

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

/**
 * The code of the crude stem of the word text[start, end) (enough to match
 * "talks"/"talk", "signed"/"signing", "sanctions"/"sanction", "tried"/"try"): a
 * 16-bit FNV-1a hash, one UTF-16 code unit, so that a group keeps its stems as
 * one short string; or -1 for a stop word. One pass over the word where it
 * stands: the stem's hash is the word's hash part way (FNV-1a reads in order),
 * and the whole word's hash finds it among the stop words.
 */
function contentCode(text: string, start: number, end: number): number {
  const n = end - start;
  const c1 = text.charCodeAt(end - 1);
  const c2 = text.charCodeAt(end - 2);
  const c3 = text.charCodeAt(end - 3);
  let keep = n;
  let y = false; // the stem ends in "y" instead of what it drops
  if (n > 5 && c1 === 103 && c2 === 110 && c3 === 105) keep = n - 3; // -ing
  else if (n > 4 && c1 === 100 && c2 === 101 && c3 === 105) (keep = n - 3), (y = true); // -ied
  else if (n > 4 && c1 === 100 && c2 === 101) keep = n - 2; // -ed
  else if (n > 4 && c1 === 115 && c2 === 101 && c3 === 105) (keep = n - 3), (y = true); // -ies
  else if (n > 3 && c1 === 115 && c2 !== 115) keep = n - 1; // -s, not -ss
  const stemEnd = start + keep;
  let h = FNV_START;
  let stem = 0;
  for (let i = start; i < end; i++) {
    if (i === stemEnd) stem = h;
    h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME) >>> 0;
  }
  if (stemEnd === end) stem = h;
  if (isStop(h, text, start, end)) return -1;
  if (y) stem = Math.imul(stem ^ 121, FNV_PRIME) >>> 0;
  return (stem ^ (stem >>> 16)) & 0xffff;
}

const FNV_START = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * The stop words in an open-addressed table by their FNV-1a hash (slot: its
 * low bits), as indices + 1 into stopList: a word is looked up where it
 * stands, by the hash its stem code needs anyway.
 */
let stopSlots: Int16Array | null = null;
let stopList: string[] = [];
let longestStop = 0;
const STOP_SLOTS = 512; // a power of two, some three times the stop words

function isStop(hash: number, text: string, start: number, end: number): boolean {
  if (!stopSlots) {
    stopSlots = new Int16Array(STOP_SLOTS);
    stopList = [...STOP];
    for (let k = 0; k < stopList.length; k++) {
      const w = stopList[k];
      let h = FNV_START;
      for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), FNV_PRIME) >>> 0;
      let slot = h & (STOP_SLOTS - 1);
      while (stopSlots[slot] !== 0) slot = (slot + 1) & (STOP_SLOTS - 1);
      stopSlots[slot] = k + 1;
      longestStop = Math.max(longestStop, w.length);
    }
  }
  if (end - start > longestStop) return false;
  for (let slot = hash & (STOP_SLOTS - 1); stopSlots[slot] !== 0; slot = (slot + 1) & (STOP_SLOTS - 1)) {
    const w = stopList[stopSlots[slot] - 1];
    if (w.length === end - start && text.startsWith(w, start)) return true;
  }
  return false;
}

/** Whether text[start, end) is one of `words`. */
function isOneOf(words: string[], text: string, start: number, end: number): boolean {
  for (const w of words) if (w.length === end - start && text.startsWith(w, start)) return true;
  return false;
}

const MAX_STEMS = 12;

// ---- words -------------------------------------------------------------------
// A hand-written scanner instead of Unicode-property regexes: ASCII is tested
// by range, other characters once each against \p{L} and \p{N}.

/** What a character is to the word scanner: a letter, a digit (\p{L}, \p{N}), or "'" or "-" inside a word. */
const LETTER = 1;
const DIGIT = 2;
const JOINER = 4;

/** Classes of ASCII characters. */
const ASCII_CLASSES = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_CLASSES[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? LETTER : c >= 48 && c <= 57 ? DIGIT : c === 39 || c === 45 ? JOINER : 0;

/** Classes of BMP characters beyond ASCII, found on first sight (0: not yet, else class + 8). */
let bmpClasses: Uint8Array | null = null;

function classify(codePoint: number): number {
  const c = String.fromCodePoint(codePoint);
  return /\p{L}/u.test(c) ? LETTER : /\p{N}/u.test(c) ? DIGIT : 0;
}

/** The class of a character beyond ASCII. */
function classBeyondAscii(codePoint: number): number {
  if (codePoint > 0xffff) return classify(codePoint);
  bmpClasses ??= new Uint8Array(0x10000);
  let k = bmpClasses[codePoint];
  if (k === 0) bmpClasses[codePoint] = k = classify(codePoint) + 8;
  return k - 8;
}

/** Where the word found by the last nextWord call starts. */
let wordStart = 0;

/**
 * The end of the first word at or after `from`, or -1: a character of class
 * `first`, then any of class `inner`, read by code point (a letter outside the
 * BMP is one character, a lone surrogate is none). Its start is left in wordStart.
 */
function nextWord(text: string, from: number, first: number, inner: number): number {
  const length = text.length;
  let i = from;
  let start = -1;
  while (i < length) {
    let cp = text.charCodeAt(i);
    let k: number;
    let width = 1;
    if (cp < 128) k = ASCII_CLASSES[cp];
    else {
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < length) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
          width = 2;
        }
      }
      k = classBeyondAscii(cp);
    }
    if (start === -1) {
      if (k & first) start = i;
    } else if (!(k & inner)) break;
    i += width;
  }
  wordStart = start;
  return start === -1 ? -1 : i;
}

/** Content words of an evidence sentence (three letters or more, stop words aside): spans of its lower-cased text and their stems' codes. */
interface EvidenceWords {
  /** The sentence's text, as read (the cache's check that the sentence is the same). */
  text: string;
  lower: string;
  /** start, end and stem code of each word read so far, back to back. */
  words: number[];
  /** Where reading goes on, or -1 at the sentence's end. */
  next: number;
}

/** Several events of an article often share their evidence sentence: its words are read once (by sentence index, so that the text is not hashed). */
export type EvidenceCache = Map<number, EvidenceWords>;

/** An evidence sentence, its words read as events ask for them: a sketch needs a dozen stems, most often from the sentence's first half. */
function evidenceWords(text: string, sentence: number, cache?: EvidenceCache): EvidenceWords {
  const known = cache?.get(sentence);
  if (known && known.text === text) return known;
  const found: EvidenceWords = { text, lower: text.toLowerCase(), words: [], next: 0 };
  cache?.set(sentence, found);
  return found;
}

/**
 * Whether the sentence has a `k`th word (from 0), reading on as far as that:
 * a letter, then letters, digits, "'" and "-", a final "'s", "-s", "'" or "-"
 * dropped; three characters or more, stop words aside.
 */
function hasWord(evidence: EvidenceWords, k: number): boolean {
  const { lower, words } = evidence;
  while (words.length <= 3 * k && evidence.next !== -1) {
    const end = nextWord(lower, evidence.next, LETTER, LETTER | DIGIT | JOINER);
    evidence.next = end;
    if (end === -1) break;
    const start = wordStart;
    let last = end;
    const c = lower.charCodeAt(last - 1);
    if (c === 39 || c === 45) last--;
    else if (c === 115 && last - 2 > start && (lower.charCodeAt(last - 2) === 39 || lower.charCodeAt(last - 2) === 45)) last -= 2;
    if (last - start < 3) continue;
    const code = contentCode(lower, start, last);
    if (code !== -1) words.push(start, last, code);
  }
  return words.length > 3 * k;
}

/** Content-word stems of the event's evidence, without the actors' own words, as sorted 16-bit codes in a string. */
export function evidenceStems(event: EventRecord, cache?: EvidenceCache): string {
  // The actors' words: runs of letters and digits.
  const actors = `${event.source?.text ?? ''} ${event.target?.text ?? ''}`.toLowerCase();
  const actorWords: string[] = [];
  for (let end = nextWord(actors, 0, LETTER | DIGIT, LETTER | DIGIT); end !== -1; end = nextWord(actors, end, LETTER | DIGIT, LETTER | DIGIT)) actorWords.push(actors.slice(wordStart, end));
  const out: number[] = [];
  // The trigger's words (runs of letters) first: they are the happening itself.
  const trigger = event.trigger.text.toLowerCase();
  for (let end = nextWord(trigger, 0, LETTER, LETTER); end !== -1 && out.length < MAX_STEMS; end = nextWord(trigger, end, LETTER, LETTER)) {
    const start = wordStart;
    if (end - start < 3 || isOneOf(actorWords, trigger, start, end)) continue;
    const code = contentCode(trigger, start, end);
    if (code !== -1) addCode(out, code);
  }
  if (out.length < MAX_STEMS) {
    const evidence = evidenceWords(event.evidence.text, event.evidence.sentence, cache);
    const { lower, words } = evidence;
    for (let k = 0; hasWord(evidence, k); k++) {
      const i = 3 * k;
      if (isOneOf(actorWords, lower, words[i], words[i + 1])) continue;
      addCode(out, words[i + 2]);
      if (out.length >= MAX_STEMS) break;
    }
  }
  return String.fromCharCode.apply(null, out);
}

/** Adds a code to a short sorted list of distinct codes, in its place. */
function addCode(codes: number[], code: number): void {
  let at = codes.length;
  while (at > 0 && codes[at - 1] > code) at--;
  if (at > 0 && codes[at - 1] === code) return;
  codes.push(code);
  for (let j = codes.length - 1; j > at; j--) codes[j] = codes[j - 1];
  codes[at] = code;
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

/** The ISO week of a day, "2023-W46". */
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

/**
 * Calendar answers already worked out (day → week, week → month): an article's
 * events share a few dates and a corpus has few distinct ones. A pure cache,
 * emptied when it grows large.
 */
const weeksOfDays = new Map<string, string>();
const monthsOfWeeks = new Map<string, string>();

function remember(cache: Map<string, string>, key: string, value: string): string {
  if (cache.size >= 10_000) cache.clear();
  cache.set(key, value);
  return value;
}

const weekOfDay = (day: string, y: string, m: string, d: string): string => weeksOfDays.get(day) ?? remember(weeksOfDays, day, isoWeek(Number(y), Number(m), Number(d)));
const monthOfWeek = (week: string): string => monthsOfWeeks.get(week) ?? remember(monthsOfWeeks, week, weekMonth(week));

/** A TIMEX3 value (and its basis) placed at its granularity, or null when it has none on the calendar. */
export function coarseDate(value: string, basis: string): CoarseDate | null {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value))) {
    const day = value.length === 10 ? value : value.slice(0, 10);
    const week = weekOfDay(day, m[1], m[2], m[3]);
    // A publication date only bounds the event: it counts as its week.
    if (basis === 'publication') return { granularity: 1, value: week, week, month: monthOfWeek(week) };
    return { granularity: 0, value: day, week, month: day.slice(0, 7) };
  }
  if ((m = /^(\d{4})-W(\d{2})$/.exec(value))) return { granularity: 1, value, week: value, month: monthOfWeek(value) };
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
  /** The event id, or for the usual `<article id>:<offset>` only the offset. */
  local: number | string;
  article: number;
  /** Publisher index, or -1 - article index when the publisher is not known (the article counts as the source). */
  publisher: number;
  published: string | null;
}

/**
 * A group is a row of int32 fields (most groups stay single: a large corpus has
 * hundreds of thousands), its first member in the row too; interned strings
 * are held by number, stems in a shared pool. An event that joins a group is a
 * row of MEMBER fields, linked from the group's row. What is the same for all
 * of an article's events (its publisher, its date) is held once per article.
 */
const GROUP = { article: 0, granularity: 1, value: 2, week: 3, month: 4, type: 5, quadClass: 6, source: 7, target: 8, directed: 9, stemsAt: 10, stemsLength: 11, local: 12, firstJoined: 13, lastJoined: 14 } as const;
const MEMBER = { local: 0, article: 1, next: 2 } as const;
/** A group filed under a date key of its bucket, linked to the one filed there before it. */
const FILING = { group: 0, next: 1 } as const;

/** Rows per block of a Rows table: 4,096 rows of a group are 240 KB. */
const BLOCK_BITS = 12;
const BLOCK_MASK = (1 << BLOCK_BITS) - 1;

/**
 * Rows of int32 fields in blocks of a fixed size. Growing never copies: a
 * table that doubled left each old copy's memory with the allocator, ~30 MB
 * of a 50,000-article corpus's aggregation.
 */
class Rows {
  private readonly blocks: Int32Array[] = [];
  count = 0;

  constructor(private readonly width: number) {}

  add(): number {
    if ((this.count & BLOCK_MASK) === 0) this.blocks.push(new Int32Array(this.width << BLOCK_BITS));
    return this.count++;
  }

  get(row: number, field: number): number {
    return this.blocks[row >>> BLOCK_BITS][(row & BLOCK_MASK) * this.width + field];
  }

  set(row: number, field: number, value: number): void {
    this.blocks[row >>> BLOCK_BITS][(row & BLOCK_MASK) * this.width + field] = value;
  }
}

/** Groups' stem codes, back to back. */
class StemPool {
  private codes = new Uint16Array(8 * 1024);
  private used = 0;

  add(stems: string): number {
    while (this.used + stems.length > this.codes.length) this.codes = grow(this.codes);
    const at = this.used;
    for (let i = 0; i < stems.length; i++) this.codes[at + i] = stems.charCodeAt(i);
    this.used += stems.length;
    return at;
  }

  /** Codes of codes[at, at + length) that `stems` shares (both sorted). */
  shared(at: number, length: number, stems: string): number {
    let i = at;
    const end = at + length;
    let j = 0;
    let n = 0;
    while (i < end && j < stems.length) {
      const x = this.codes[i];
      const y = stems.charCodeAt(j);
      if (x === y) {
        n++;
        i++;
        j++;
      } else if (x < y) i++;
      else j++;
    }
    return n;
  }
}

function grow<T extends Int32Array | Uint16Array>(array: T): T {
  const grown = new (array.constructor as new (n: number) => T)(array.length * 2);
  grown.set(array);
  return grown;
}

/**
 * Groups of one bucket (country pair, category, year), filed by date so that an
 * event meets only groups dated like it: by each group's own value (the formats
 * of days, weeks, months and years never collide), and the finer ones also by
 * the week and month they fall in; an event dated by a year or coarser meets
 * the whole bucket (`all`). Each list is a chain of FILING rows, newest first;
 * `heads` holds where each chain starts, by dateKey.
 */
interface Bucket {
  heads: Map<number, number>;
  all: number;
}

/** A bucket's key for an interned date string as a group's own value (0), the week (1) or the month (2) groups fall in. */
const dateKey = (date: number, as: 0 | 1 | 2): number => date * 3 + as;

/** The bucket an event is compared in (country pair unordered, category, year or coarser), or null when it cannot group. */
export function groupKeyOf(event: EventRecord): string | null {
  if (!event.source || !event.target) return null;
  const date = coarseDate(event.date.value, event.date.basis);
  return date ? bucketOf(countryOf(event.source.actor), countryOf(event.target.actor), event.type, date) : null;
}

/** The bucket a sketch is compared in (null when it cannot group). */
export function bucketOfSketch(sketch: EventSketch): string | null {
  return bucketOf(sketch.source, sketch.target, sketch.type, sketch.date);
}

/** The bucket a group was formed in: its members share it, and its date (the coarsest of theirs) still falls in it. */
export function bucketOfGroup(group: EventGroup): string {
  return bucketOf(group.actors[0], group.actors[1], group.type, coarseDate(group.date, '')!)!;
}

/** The bucket of country-level actors (either order), a category and a date; null for one country. */
function bucketOf(source: string, target: string, type: string, date: CoarseDate): string | null {
  if (source === target) return null;
  const [a, b] = source < target ? [source, target] : [target, source];
  const period = date.granularity <= 3 ? date.value.slice(0, 4) : date.granularity === 4 ? `${date.value}x` : `${date.value}xx`;
  return `${a}|${b}|${type}|${period}`;
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

/** Mutual: of an undirected category, or "mutual" one of the rule's "|"-separated parts (looked for without splitting the rule). */
function isMutual(event: EventRecord): boolean {
  if (UNDIRECTED.has(event.type)) return true;
  const rule = event.rule;
  for (let at = rule.indexOf('mutual'); at !== -1; at = rule.indexOf('mutual', at + 1)) {
    if ((at === 0 || rule.charCodeAt(at - 1) === 124) && (at + 6 === rule.length || rule.charCodeAt(at + 6) === 124)) return true;
  }
  return false;
}

/**
 * What grouping needs of an event, made with the article (in the worker, where
 * the stems cost nothing to the single-threaded aggregation) and kept in its
 * digest: the aggregation never parses the event records themselves.
 */
export interface EventSketch {
  /** The event id, or its offset when the id is the usual `<article id>:<offset>`. */
  local: number | string;
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
export function sketchEvent(event: EventRecord, cache?: EvidenceCache): EventSketch | null {
  if (!event.source || !event.target) return null;
  const date = coarseDate(event.date.value, event.date.basis);
  const source = countryOf(event.source.actor);
  const target = countryOf(event.target.actor);
  if (!date || source === target) return null;
  return {
    local: localId(event),
    date,
    type: event.type,
    quadClass: event.quadClass,
    source,
    target,
    directed: !isMutual(event),
    stems: evidenceStems(event, cache),
  };
}

export class EventGrouper {
  /** Buckets by key (a decade or a century is a bucket of its own). */
  private readonly buckets = new Map<string, Bucket>();
  private readonly articles = new Interned();
  private readonly publishers = new Interned();
  /** By article number: its publisher's index (-1 - the article's when not known), its date's string number (-1: none). */
  private readonly articlePublisher: number[] = [];
  private readonly articlePublished: number[] = [];
  private readonly table = new Rows(Object.keys(GROUP).length);
  private readonly stemPool = new StemPool();
  /** Members after the first, linked from their group's row. */
  private readonly joined = new Rows(Object.keys(MEMBER).length);
  private readonly filings = new Rows(Object.keys(FILING).length);
  /** Event ids that are not `<article id>:<offset>` (rare), by the negative number a row holds instead. */
  private readonly odd: string[] = [];
  /** Interned strings (dates, countries, categories), numbered; -1 stands for null. */
  private readonly strings = new Interned();

  private id(s: string): number {
    return this.strings.add(s);
  }

  private str(group: number, field: number): string {
    return this.strings.values[this.table.get(group, field)];
  }

  /** The group's date at granularity `g`, at or above its own (like `at` for a CoarseDate). */
  private dateAt(group: number, g: Granularity): string {
    const own = this.table.get(group, GROUP.granularity);
    if (g === own) return this.str(group, GROUP.value);
    if (g === 1) return this.str(group, GROUP.week);
    if (g === 2) return this.str(group, GROUP.month);
    return this.str(group, GROUP.value).slice(0, 7 - g);
  }

  private sameDate(group: number, date: CoarseDate): boolean {
    const g = Math.max(this.table.get(group, GROUP.granularity), date.granularity) as Granularity;
    return this.dateAt(group, g) === at(date, g);
  }

  /**
   * The oldest group (lowest row) of the bucket that an event dated `date`
   * joins, or -1: among the groups dated like it at the coarser grain of the two,
   * one it agrees with in direction and shares enough evidence stems with.
   */
  private oldestMatch(bucket: Bucket, date: CoarseDate, source: number, target: number, directed: boolean, stems: string): number {
    let best = -1;
    const meet = (head: number | undefined): void => {
      for (let f = head ?? -1; f !== -1; f = this.filings.get(f, FILING.next)) {
        const g = this.filings.get(f, FILING.group);
        if (best === -1 || g < best) if (this.joins(g, date, source, target, directed, stems)) best = g;
      }
    };
    if (date.granularity >= 3) {
      meet(bucket.all);
      return best;
    }
    const own = (key: string): void => {
      const id = this.strings.numberOf(key);
      if (id !== undefined) meet(bucket.heads.get(dateKey(id, 0)));
    };
    // As coarse or coarser: the group's own value is the event's at the group's grain.
    own(date.value);
    if (date.granularity < 1) own(date.week);
    if (date.granularity < 2) own(date.month);
    own(date.value.slice(0, 4));
    // Finer: groups inside the event's week or month.
    const finer = date.granularity === 1 ? this.strings.numberOf(date.week) : date.granularity === 2 ? this.strings.numberOf(date.month) : undefined;
    if (finer !== undefined) meet(bucket.heads.get(dateKey(finer, date.granularity as 1 | 2)));
    return best;
  }

  /** Whether an event joins group g: dated alike (a group made coarser by a member stays filed where it was), same direction, shared stems. */
  private joins(g: number, date: CoarseDate, source: number, target: number, directed: boolean, stems: string): boolean {
    const table = this.table;
    if (!this.sameDate(g, date)) return false;
    // Direction: both directed must agree; a mutual report fits either way round.
    if (table.get(g, GROUP.directed) && directed && (table.get(g, GROUP.source) !== source || table.get(g, GROUP.target) !== target)) return false;
    const n = this.stemPool.shared(table.get(g, GROUP.stemsAt), table.get(g, GROUP.stemsLength), stems);
    return n >= 2 && n * 4 >= Math.min(table.get(g, GROUP.stemsLength), stems.length);
  }

  private file(bucket: Bucket, key: number, group: number): void {
    const f = this.filings.add();
    this.filings.set(f, FILING.group, group);
    this.filings.set(f, FILING.next, bucket.heads.get(key) ?? -1);
    bucket.heads.set(key, f);
  }

  private fileGroup(bucket: Bucket, group: number): void {
    const granularity = this.table.get(group, GROUP.granularity);
    this.file(bucket, dateKey(this.table.get(group, GROUP.value), 0), group);
    if (granularity === 0) this.file(bucket, dateKey(this.table.get(group, GROUP.week), 1), group);
    if (granularity <= 1) this.file(bucket, dateKey(this.table.get(group, GROUP.month), 2), group);
    const f = this.filings.add();
    this.filings.set(f, FILING.group, group);
    this.filings.set(f, FILING.next, bucket.all);
    bucket.all = f;
  }

  /** Adds one event; `publisher` (the article's, when known) makes `sources` count publishers. */
  add(event: EventRecord, publisher?: string | null): void {
    const sketch = sketchEvent(event);
    if (sketch) this.addSketch(sketch, event.articleId, publisher ?? null, event.published);
  }

  /**
   * Adds one event by its sketch (made with the article, in the worker) and its
   * article's id, publisher and date (all of an article's events share them).
   */
  addSketch(sketch: EventSketch, articleId: string, publisher: string | null, published: string | null): void {
    const { stems, directed, date } = sketch;
    const key = bucketOf(sketch.source, sketch.target, sketch.type, date)!;
    const table = this.table;
    const source = this.id(sketch.source);
    const target = this.id(sketch.target);
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = { heads: new Map(), all: -1 }));
    // Among several matching groups the oldest (first row) takes the event.
    const joined = this.oldestMatch(bucket, date, source, target, directed, stems);
    const article = this.articles.add(articleId);
    if (article === this.articlePublisher.length) {
      this.articlePublisher.push(publisher ? this.publishers.add(publisher) : -1 - article);
      this.articlePublished.push(published === null ? -1 : this.id(published));
    }
    if (joined !== -1) {
      const m = this.joined.add();
      this.joined.set(m, MEMBER.local, this.localNumber(sketch.local));
      this.joined.set(m, MEMBER.article, article);
      this.joined.set(m, MEMBER.next, -1);
      const last = table.get(joined, GROUP.lastJoined);
      if (last === -1) table.set(joined, GROUP.firstJoined, m);
      else this.joined.set(last, MEMBER.next, m);
      table.set(joined, GROUP.lastJoined, m);
      // The group's date is the coarsest of its members' (filed again under it).
      if (date.granularity > table.get(joined, GROUP.granularity)) {
        table.set(joined, GROUP.granularity, date.granularity);
        table.set(joined, GROUP.value, this.id(date.value));
        table.set(joined, GROUP.week, this.id(date.week));
        table.set(joined, GROUP.month, this.id(date.month));
        this.fileGroup(bucket, joined);
      }
      return;
    }
    const g = table.add();
    table.set(g, GROUP.article, article);
    table.set(g, GROUP.granularity, date.granularity);
    table.set(g, GROUP.value, this.id(date.value));
    table.set(g, GROUP.week, this.id(date.week));
    table.set(g, GROUP.month, this.id(date.month));
    table.set(g, GROUP.type, this.id(sketch.type));
    table.set(g, GROUP.quadClass, this.id(sketch.quadClass));
    table.set(g, GROUP.source, source);
    table.set(g, GROUP.target, target);
    table.set(g, GROUP.directed, directed ? 1 : 0);
    table.set(g, GROUP.stemsAt, this.stemPool.add(stems));
    table.set(g, GROUP.stemsLength, stems.length);
    table.set(g, GROUP.local, this.localNumber(sketch.local));
    table.set(g, GROUP.firstJoined, -1);
    table.set(g, GROUP.lastJoined, -1);
    this.fileGroup(bucket, g);
  }

  /** An event's id as a row holds it: its offset, or a negative number for an id kept aside. */
  private localNumber(local: number | string): number {
    return typeof local === 'number' ? local : -this.odd.push(local);
  }

  private member(rows: Rows, row: number, fields: { local: number; article: number }): Member {
    const local = rows.get(row, fields.local);
    const article = rows.get(row, fields.article);
    const published = this.articlePublished[article];
    return {
      local: local >= 0 ? local : this.odd[-1 - local],
      article,
      publisher: this.articlePublisher[article],
      published: published === -1 ? null : this.strings.values[published],
    };
  }

  /** A group's members: the first from its row, then those that joined, in order. */
  private membersOf(g: number): Member[] {
    const members = [this.member(this.table, g, GROUP)];
    for (let m = this.table.get(g, GROUP.firstJoined); m !== -1; m = this.joined.get(m, MEMBER.next)) members.push(this.member(this.joined, m, MEMBER));
    return members;
  }

  /** Groups of two or more members from two or more articles, the earliest first report first (ties: id). */
  groups(): EventGroup[] {
    return [...this.eachGroup()];
  }

  /** groups(), one at a time: only the order is held, each group's record is made as it is written. */
  *eachGroup(): Generator<EventGroup> {
    const articleIds = this.articles.values;
    const idOf = (m: Member): string => (typeof m.local === 'number' ? `${articleIds[m.article]}:${m.local}` : m.local);
    const order: { group: number; first: Member; id: string }[] = [];
    for (let g = 0; g < this.table.count; g++) {
      if (this.table.get(g, GROUP.firstJoined) === -1) continue;
      const members = this.membersOf(g);
      if (!members.some((m) => m.article !== members[0].article)) continue;
      let first = members[0];
      for (const m of members) if (m.published !== null && (first.published === null || m.published < first.published)) first = m;
      order.push({ group: g, first, id: `group:${idOf(first)}` });
    }
    const published = (o: { first: Member }): string => o.first.published ?? '\uffff';
    order.sort((a, b) => (published(a) < published(b) ? -1 : published(a) > published(b) ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const { group: g, first, id } of order) {
      const members = this.membersOf(g);
      const source = this.str(g, GROUP.source);
      const target = this.str(g, GROUP.target);
      yield {
        id,
        members: members.map(idOf),
        articles: new Set(members.map((m) => m.article)).size,
        sources: new Set(members.map((m) => m.publisher)).size,
        first: { eventId: idOf(first), articleId: articleIds[first.article], published: first.published },
        type: this.str(g, GROUP.type) as PloverCategory,
        quadClass: this.str(g, GROUP.quadClass) as QuadClass,
        actors: this.table.get(g, GROUP.directed) || source < target ? [source, target] : [target, source],
        date: this.str(g, GROUP.value),
      };
    }
  }
}
