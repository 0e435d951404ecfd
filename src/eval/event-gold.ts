// Scores the events stage on the project's own gold events (fixtures/events: one
// JSONL file per article under gold/, coding rules and format in the README
// beside them). Each article runs through the whole pipeline with its sidecar's
// publication date; its system events are compared with the gold ones.
//
// Scope: dyadic events, both sides coded; the headline (an article's first line
// when it is its title) is not coded. System events with one side only are
// counted apart and not scored.
//
// Matching, one to one, per article:
//   same sentence   the system event's evidence sentence holds the gold trigger
//                   (located as the trigger's first occurrence from the gold
//                   sentence's opening words);
//   same actors     compared at country level (RUSGOV ~ RUS; NATO, UN, EU as
//                   they are), ordered source→target, unordered when either side
//                   marks the event mutual;
//   same category.
// Among several candidates, pairs whose triggers overlap are made first, then
// the nearest ones (ties in text order).
//
// Reported: precision, recall and F1 of the matches; the same with full codes
// (RUSGOV must be RUSGOV) as `strict`; over aligned events (same sentence and
// actors, any category) category and quad-class accuracy; over matches, mode,
// date value and historical-flag accuracy.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ArticleDoc, EventMode, EventRecord, PloverCategory, QuadClass } from '../article.js';
import { runStages } from '../pipeline.js';
import { ingest } from '../stages/ingest/index.js';
import { GoldDataError } from '../errors.js';
import { countryOf } from '../stages/stance/actors.js';

export interface GoldEvent {
  /** Opening words of the evidence sentence (unique in the article). */
  sentence: string;
  trigger: string;
  source: string;
  target: string;
  mutual: boolean;
  type: PloverCategory;
  quad: QuadClass;
  mode: EventMode;
  historical: boolean;
  date: string;
  note?: string;
}

export interface GoldArticle {
  /** Gold file name without .jsonl. */
  name: string;
  /** Article path, relative to the fixtures folder. */
  article: string;
  published: string;
  events: GoldEvent[];
}

/** A gold event placed in the processed article. */
interface PlacedGold {
  gold: GoldEvent;
  article: string;
  /** Offset of the gold trigger in the article text. */
  at: number;
  /** Index of the system sentence that holds it. */
  sentence: number;
}

export interface EventGoldMatch {
  gold: PlacedGold;
  system: EventRecord;
}

export interface EventGoldReport {
  articles: number;
  gold: number;
  /** System events in scope (both sides coded, not in the headline). */
  system: number;
  /** System events with one side only, not scored. */
  oneSided: number;
  matches: EventGoldMatch[];
  strictMatches: number;
  /** Same sentence and actors, category not compared (includes the matches). */
  aligned: { gold: PlacedGold; system: EventRecord }[];
  missed: PlacedGold[];
  spurious: EventRecord[];
  perArticle: { name: string; gold: number; system: number; matched: number }[];
  perCategory: Record<string, { gold: number; system: number; matched: number }>;
}

const CATEGORIES = new Set(['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'SANCTION', 'THREATEN', 'PROTEST', 'MOBILIZE', 'COERCE', 'ASSAULT']);
const MODES = new Set(['asserted', 'negated', 'hypothetical', 'future']);

/** Reads every gold/*.jsonl of the fixtures folder; a malformed line is an error naming its place. */
export function readEventGold(dir: string): GoldArticle[] {
  const goldDir = join(dir, 'gold');
  if (!existsSync(goldDir)) throw new GoldDataError(`${dir}: no gold/ folder (one .jsonl file of gold events per article)`);
  const files = readdirSync(goldDir).filter((f) => f.endsWith('.jsonl')).sort();
  if (files.length === 0) throw new GoldDataError(`${goldDir}: no .jsonl files (one file of gold events per article)`);
  return files.map((file) => {
    // Blank lines are skipped; every line keeps its number in the file for the messages.
    const lines = readFileSync(join(goldDir, file), 'utf8')
      .split(/\r?\n/)
      .map((text, n) => ({ text, where: `${join(goldDir, file)}:${n + 1}` }))
      .filter((l) => l.text.trim() !== '');
    if (lines.length === 0) throw new GoldDataError(`${join(goldDir, file)}: empty`);
    const parse = <T>(line: { text: string; where: string }): T => {
      try {
        return JSON.parse(line.text) as T;
      } catch (e) {
        throw new GoldDataError(`${line.where}: not JSON (${(e as Error).message})`);
      }
    };
    const header = parse<{ article?: string; published?: string }>(lines[0]);
    if (!header.article || !header.published) throw new GoldDataError(`${lines[0].where}: the first line must give "article" and "published"`);
    const events = lines.slice(1).map((line) => {
      const e = parse<GoldEvent>(line);
      if (!e.sentence || !e.trigger || !e.source || !e.target || !CATEGORIES.has(e.type) || !MODES.has(e.mode) || typeof e.mutual !== 'boolean' || !e.date) {
        throw new GoldDataError(`${line.where}: expected sentence, trigger, source, target, mutual, type, quad, mode, historical, date`);
      }
      return e;
    });
    return { name: file.replace(/\.jsonl$/, ''), article: header.article, published: header.published, events };
  });
}

/** Runs the pipeline on one fixture article (with its sidecar, if any). */
export function processArticle(dir: string, articlePath: string): ArticleDoc {
  const path = resolve(dir, articlePath);
  const sidecarPath = path.replace(/\.[^./]+$/, '') + '.meta.json';
  const result = ingest({
    path: articlePath.replace(/^(\.\.\/)+/, ''),
    bytes: readFileSync(path),
    sidecar: existsSync(sidecarPath) ? { path: sidecarPath, text: readFileSync(sidecarPath, 'utf8') } : undefined,
  });
  if (!result.ok) throw new Error(`${articlePath}: ${result.diagnostics.map((d) => d.message).join('; ')}`);
  runStages(result.doc);
  return result.doc;
}

const isMutual = (e: EventRecord): boolean => e.rule.split('|').includes('mutual');

function sameActors(gold: GoldEvent, e: EventRecord, level: (code: string) => string): boolean {
  const [gs, gt, ss, st] = [gold.source, gold.target, e.source!.actor, e.target!.actor].map(level);
  if (gs === ss && gt === st) return true;
  return (gold.mutual || isMutual(e)) && gs === st && gt === ss;
}

const identity = (code: string): string => code;

/** The end of the headline: the first line, when it is the article's title; else 0. */
function headlineEnd(doc: ArticleDoc): number {
  const newline = doc.text.indexOf('\n');
  const first = (newline < 0 ? doc.text : doc.text.slice(0, newline)).trim();
  return doc.title && first === doc.title.trim() ? Math.max(newline, 0) : 0;
}

/**
 * Picks, one to one, a system event for each gold event: all fitting pairs,
 * nearest triggers first (overlapping ones at distance 0), ties in text order.
 */
function pair(
  golds: PlacedGold[],
  system: EventRecord[],
  fits: (g: PlacedGold, e: EventRecord) => boolean,
  taken: Set<EventRecord>,
): { gold: PlacedGold; system: EventRecord }[] {
  const candidates: { g: number; e: number; distance: number }[] = [];
  golds.forEach((g, gi) => {
    const goldEnd = g.at + g.gold.trigger.length;
    system.forEach((e, ei) => {
      if (taken.has(e) || !fits(g, e)) return;
      const distance = e.trigger.end > g.at && e.trigger.start < goldEnd ? 0 : Math.min(Math.abs(e.trigger.start - g.at), Math.abs(e.trigger.end - goldEnd)) + 1;
      candidates.push({ g: gi, e: ei, distance });
    });
  });
  candidates.sort((a, b) => a.distance - b.distance || a.g - b.g || a.e - b.e);
  const usedGold = new Set<number>();
  const out: { gold: PlacedGold; system: EventRecord }[] = [];
  for (const c of candidates) {
    const e = system[c.e];
    if (usedGold.has(c.g) || taken.has(e)) continue;
    usedGold.add(c.g);
    taken.add(e);
    out.push({ gold: golds[c.g], system: e });
  }
  return out.sort((a, b) => a.gold.at - b.gold.at);
}

export function scoreEventGold(dir: string): EventGoldReport {
  const articles = readEventGold(dir);
  const report: EventGoldReport = {
    articles: articles.length,
    gold: 0,
    system: 0,
    oneSided: 0,
    matches: [],
    strictMatches: 0,
    aligned: [],
    missed: [],
    spurious: [],
    perArticle: [],
    perCategory: {},
  };
  const category = (c: string) => (report.perCategory[c] ??= { gold: 0, system: 0, matched: 0 });
  for (const a of articles) {
    const doc = processArticle(dir, a.article);
    if (doc.published !== a.published) throw new Error(`${a.name}: the article is published ${doc.published}, the gold says ${a.published}`);
    const { sentences } = doc.layers.segments!;
    const sentenceAt = (offset: number) => sentences.findIndex((s) => s.start <= offset && offset < s.end);
    const golds: PlacedGold[] = a.events.map((g) => {
      const opening = doc.text.indexOf(g.sentence);
      if (opening < 0) throw new Error(`${a.name}: sentence not found: "${g.sentence}"`);
      const at = doc.text.indexOf(g.trigger, opening);
      if (at < 0) throw new Error(`${a.name}: trigger "${g.trigger}" not found after "${g.sentence}"`);
      return { gold: g, article: a.name, at, sentence: sentenceAt(at) };
    });
    const skip = headlineEnd(doc);
    const events = (doc.layers.events ?? []).filter((e) => e.evidence.start >= skip);
    const system = events.filter((e) => e.source && e.target);
    report.oneSided += events.length - system.length;

    const sameSentence = (g: PlacedGold, e: EventRecord) => e.evidence.sentence === g.sentence;
    const matches = pair(golds, system, (g, e) => sameSentence(g, e) && e.type === g.gold.type && sameActors(g.gold, e, countryOf), new Set());
    const strict = pair(golds, system, (g, e) => sameSentence(g, e) && e.type === g.gold.type && sameActors(g.gold, e, identity), new Set());
    const matchedGold = new Set(matches.map((m) => m.gold));
    const taken = new Set(matches.map((m) => m.system));
    const confused = pair(golds.filter((g) => !matchedGold.has(g)), system, (g, e) => sameSentence(g, e) && sameActors(g.gold, e, countryOf), taken);

    report.gold += golds.length;
    report.system += system.length;
    report.matches.push(...matches);
    report.strictMatches += strict.length;
    report.aligned.push(...matches, ...confused);
    report.missed.push(...golds.filter((g) => !matchedGold.has(g)));
    report.spurious.push(...system.filter((e) => !matches.some((m) => m.system === e)));
    report.perArticle.push({ name: a.name, gold: golds.length, system: system.length, matched: matches.length });
    for (const g of golds) category(g.gold.type).gold++;
    for (const e of system) category(e.type).system++;
    for (const m of matches) category(m.gold.gold.type).matched++;
  }
  return report;
}

const pct = (num: number, den: number): string => (den === 0 ? '  -  ' : ((100 * num) / den).toFixed(1).padStart(5));
const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

export function eventGoldFigures(r: EventGoldReport) {
  const precision = r.system === 0 ? 0 : r.matches.length / r.system;
  const recall = r.gold === 0 ? 0 : r.matches.length / r.gold;
  const strictP = r.system === 0 ? 0 : r.strictMatches / r.system;
  const strictR = r.gold === 0 ? 0 : r.strictMatches / r.gold;
  const count = (pred: (m: EventGoldMatch) => boolean) => r.matches.filter(pred).length;
  return {
    precision,
    recall,
    f1: f1(precision, recall),
    strictF1: f1(strictP, strictR),
    categoryAccuracy: r.aligned.length === 0 ? 0 : r.aligned.filter((a) => a.system.type === a.gold.gold.type).length / r.aligned.length,
    quadAccuracy: r.aligned.length === 0 ? 0 : r.aligned.filter((a) => a.system.quadClass === a.gold.gold.quad).length / r.aligned.length,
    modeAccuracy: r.matches.length === 0 ? 0 : count((m) => m.system.mode === m.gold.gold.mode) / r.matches.length,
    dateAccuracy: r.matches.length === 0 ? 0 : count((m) => m.system.date.value === m.gold.gold.date) / r.matches.length,
    historicalAccuracy: r.matches.length === 0 ? 0 : count((m) => m.system.historical === m.gold.gold.historical) / r.matches.length,
  };
}

export function formatEventGoldScores(r: EventGoldReport): string {
  const f = eventGoldFigures(r);
  const n = r.matches.length;
  const x = (v: number) => (100 * v).toFixed(1);
  const lines = [
    `Event gold: ${r.articles} articles, ${r.gold} gold events, ${r.system} system events in scope (${r.oneSided} one-sided, not scored)`,
    `events (country-level actors)   P ${x(f.precision)}  R ${x(f.recall)}  F1 ${x(f.f1)}   (${n} matched)`,
    `events (full actor codes)       F1 ${x(f.strictF1)}   (${r.strictMatches} matched)`,
    `over ${r.aligned.length} aligned (same sentence and actors): category ${x(f.categoryAccuracy)}  quad class ${x(f.quadAccuracy)}`,
    `over ${n} matches: mode ${x(f.modeAccuracy)}  date ${x(f.dateAccuracy)}  historical ${x(f.historicalAccuracy)}`,
    'per article: gold system matched',
    ...r.perArticle.map((a) => `  ${a.name.padEnd(28)} ${String(a.gold).padStart(4)} ${String(a.system).padStart(6)} ${String(a.matched).padStart(7)}`),
    'per category: gold system matched  recall precision',
    ...Object.entries(r.perCategory)
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([c, s]) => `  ${c.padEnd(10)} ${String(s.gold).padStart(4)} ${String(s.system).padStart(6)} ${String(s.matched).padStart(7)}  ${pct(s.matched, s.gold)}  ${pct(s.matched, s.system)}`),
  ];
  return lines.join('\n');
}

const describe = (e: EventRecord): string =>
  `${e.type} ${e.source?.actor ?? '-'}${e.rule.includes('|mutual') ? '~' : '->'}${e.target?.actor ?? '-'} "${e.trigger.text}" ${e.mode} ${e.date.value}`;

/** One line per miss, spurious event, and mode/date disagreement, for reading. */
export function eventGoldErrors(r: EventGoldReport): string[] {
  const out: string[] = [];
  const aligned = new Map(r.aligned.map((a) => [a.gold, a.system] as const));
  for (const g of r.missed) {
    const e = aligned.get(g);
    const gold = `${g.gold.type} ${g.gold.source}${g.gold.mutual ? '~' : '->'}${g.gold.target} "${g.gold.trigger}"`;
    out.push(`missed\t${g.article}#${g.sentence}\t${gold}\t${e ? `system has ${describe(e)}` : 'no event with these actors'}`);
  }
  for (const e of r.spurious) out.push(`spurious\t${e.articleId}#${e.evidence.sentence}\t${describe(e)}\t${e.rule}`);
  for (const m of r.matches) {
    const g = m.gold.gold;
    if (m.system.mode !== g.mode) out.push(`mode\t${m.gold.article}#${m.gold.sentence}\t${describe(m.system)}\tgold ${g.mode}`);
    if (m.system.date.value !== g.date) out.push(`date\t${m.gold.article}#${m.gold.sentence}\t${describe(m.system)}\tgold ${g.date}`);
  }
  return out;
}
