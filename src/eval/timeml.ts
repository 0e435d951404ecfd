// Scores the dates stage on TimeML gold (TempEval-3 conventions): the TEXT of
// each .tml file is stripped of its tags, tagged with the DCT as publication
// date, and compared with the gold TIMEX3s. A system span identical to a gold
// span is a strict match, an overlapping one a relaxed match (one-to-one);
// precision, recall and F1 are pooled over all files; type and value are exact
// comparisons on relaxed matches, and value F1 = value accuracy × relaxed F1.
import { readFileSync } from 'node:fs';
import type { DateMention } from '../article.js';
import { segmentText } from '../stages/segment/index.js';
import { tagDates } from '../stages/dates/index.js';
import { goldFilesUnder } from './gold-files.js';

export interface GoldTimex {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
  mod?: string;
}

export interface TimemlDoc {
  id: string;
  /** The DCT's date (YYYY-MM-DD), or null. */
  dct: string | null;
  /** The TEXT element with every tag removed and entities decoded. */
  text: string;
  timexes: GoldTimex[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntity(name: string): string {
  if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
  if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
  return ENTITIES[name] ?? `&${name};`;
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}

/** Reads one TimeML document: its DCT, its plain text and the gold TIMEX3s positioned in it. */
export function parseTimeml(xml: string, id = ''): TimemlDoc {
  const dctTag = /<DCT>\s*<TIMEX3\b([^>]*)>/.exec(xml);
  const dctValue = dctTag ? attributes(dctTag[1]).value : undefined;
  const dct = dctValue && /^\d{4}-\d{2}-\d{2}/.test(dctValue) ? dctValue.slice(0, 10) : null;
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';
  let text = '';
  const timexes: GoldTimex[] = [];
  const open: { start: number; attrs: Record<string, string> }[] = [];
  for (let i = 0; i < body.length; ) {
    const c = body[i];
    if (c === '<') {
      const close = body.indexOf('>', i);
      const tag = body.slice(i + 1, close);
      if (/^TIMEX3\b/.test(tag)) {
        if (tag.endsWith('/')) {
          /* empty timex: nothing to score */
        } else open.push({ start: text.length, attrs: attributes(tag) });
      } else if (/^\/TIMEX3/.test(tag)) {
        const o = open.pop();
        if (o) {
          timexes.push({
            start: o.start,
            end: text.length,
            text: text.slice(o.start, text.length),
            type: o.attrs.type ?? '',
            value: o.attrs.value ?? '',
            ...(o.attrs.mod ? { mod: o.attrs.mod } : {}),
          });
        }
      }
      i = close + 1;
    } else if (c === '&') {
      const semi = body.indexOf(';', i);
      if (semi > i && semi - i < 10) {
        text += decodeEntity(body.slice(i + 1, semi));
        i = semi + 1;
      } else {
        text += c;
        i++;
      }
    } else {
      text += c;
      i++;
    }
  }
  return { id, dct, text, timexes };
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export interface TimemlScores {
  files: number;
  gold: number;
  system: number;
  strict: Prf & { matches: number };
  relaxed: Prf & { matches: number };
  /** Correct values (types) among relaxed matches. */
  valueAccuracy: number;
  typeAccuracy: number;
  valueF1: number;
  typeF1: number;
  /** Milliseconds spent in segment + dates over all files. */
  milliseconds: number;
}

export interface TimemlError {
  doc: string;
  kind: 'missed' | 'spurious' | 'value' | 'type' | 'span';
  gold?: GoldTimex;
  system?: DateMention;
  context: string;
}

function prf(matchedSystem: number, system: number, matchedGold: number, gold: number): Prf {
  const precision = system === 0 ? 0 : matchedSystem / system;
  const recall = gold === 0 ? 0 : matchedGold / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** One document: gold against what the dates stage finds in its text. */
export function compareDoc(doc: TimemlDoc, errors?: TimemlError[]) {
  const { mentions } = tagDates(doc.text, segmentText(doc.text), doc.dct);
  const context = (start: number, end: number): string =>
    `${doc.text.slice(Math.max(0, start - 60), start)}[[${doc.text.slice(start, end)}]]${doc.text.slice(end, end + 60)}`.replace(/\s+/g, ' ');
  let strict = 0;
  let relaxed = 0;
  let values = 0;
  let types = 0;
  const used = new Set<number>();
  for (const g of doc.timexes) {
    // Prefer the identical span, then the first overlapping one not yet matched.
    let k = mentions.findIndex((m, i) => !used.has(i) && m.start === g.start && m.end === g.end);
    if (k < 0) k = mentions.findIndex((m, i) => !used.has(i) && m.start < g.end && g.start < m.end);
    if (k < 0) {
      errors?.push({ doc: doc.id, kind: 'missed', gold: g, context: context(g.start, g.end) });
      continue;
    }
    used.add(k);
    const m = mentions[k];
    relaxed++;
    if (m.start === g.start && m.end === g.end) strict++;
    else errors?.push({ doc: doc.id, kind: 'span', gold: g, system: m, context: context(g.start, g.end) });
    if (m.value === g.value) values++;
    else errors?.push({ doc: doc.id, kind: 'value', gold: g, system: m, context: context(g.start, g.end) });
    if (m.type === g.type) types++;
    // TIMEX2 gold (WikiWars) has no type to be wrong about.
    else if (g.type !== '') errors?.push({ doc: doc.id, kind: 'type', gold: g, system: m, context: context(g.start, g.end) });
  }
  mentions.forEach((m, i) => {
    if (!used.has(i)) errors?.push({ doc: doc.id, kind: 'spurious', system: m, context: context(m.start, m.end) });
  });
  return { gold: doc.timexes.length, system: mentions.length, strict, relaxed, values, types };
}

/** The .tml files under a directory (recursively), sorted for a stable order. */
export const timemlFiles = (dir: string): string[] => goldFilesUnder(dir, '.tml', 'TempEval-3 TimeML documents');

/** Scores every .tml file under the given directories, pooled. */
export function scoreTimeml(dirs: string | string[], errors?: TimemlError[]): TimemlScores {
  const files = (Array.isArray(dirs) ? dirs : [dirs]).flatMap(timemlFiles);
  return scoreTimexDocs(files.map((file) => () => parseTimeml(readFileSync(file, 'utf8'), file.replace(/^.*[\\/]/, '').replace(/\.tml$/, ''))), errors);
}

/** Pooled scores over documents read one at a time (TimeML, WikiWars: any gold in TimemlDoc form). */
export function scoreTimexDocs(docs: readonly (() => TimemlDoc)[], errors?: TimemlError[]): TimemlScores {
  let gold = 0;
  let system = 0;
  let strict = 0;
  let relaxed = 0;
  let values = 0;
  let types = 0;
  let milliseconds = 0;
  for (const read of docs) {
    const doc = read();
    const t0 = performance.now();
    const r = compareDoc(doc, errors);
    milliseconds += performance.now() - t0;
    gold += r.gold;
    system += r.system;
    strict += r.strict;
    relaxed += r.relaxed;
    values += r.values;
    types += r.types;
  }
  const relaxedPrf = prf(relaxed, system, relaxed, gold);
  const valueAccuracy = relaxed === 0 ? 0 : values / relaxed;
  const typeAccuracy = relaxed === 0 ? 0 : types / relaxed;
  return {
    files: docs.length,
    gold,
    system,
    strict: { ...prf(strict, system, strict, gold), matches: strict },
    relaxed: { ...relaxedPrf, matches: relaxed },
    valueAccuracy,
    typeAccuracy,
    valueF1: valueAccuracy * relaxedPrf.f1,
    typeF1: typeAccuracy * relaxedPrf.f1,
    milliseconds,
  };
}

const pct = (x: number): string => (100 * x).toFixed(2);

/** "P 88.00  R 90.00  F1 89.00": a precision/recall/F1 triple as the score reports print it. */
export const scoreLine = (s: { precision: number; recall: number; f1: number }): string => `P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}`;

/** "accuracy 86.79  F1 81.83": how the score reports print an attribute (value, type). */
export const attribute = (accuracy: number, f1: number): string => `accuracy ${pct(accuracy)}  F1 ${pct(f1)}`;

/** A short plain-text report of the scores. */
export function formatTimemlScores(s: TimemlScores): string {
  return [
    `files ${s.files}, gold TIMEX3 ${s.gold}, system ${s.system}`,
    `strict   ${scoreLine(s.strict)}`,
    `relaxed  ${scoreLine(s.relaxed)}`,
    `value    ${attribute(s.valueAccuracy, s.valueF1)}`,
    `type     ${attribute(s.typeAccuracy, s.typeF1)}`,
    `time     ${s.milliseconds.toFixed(0)} ms (segment + dates)`,
  ].join('\n');
}
