// Scores entity recognition on public gold data (../shared/eval/, read in place):
//   MEANTIME (CAT XML; only the first ~6 sentences of each article are annotated,
//   so only that region is scored) and GUM news (CoNLL-U with entity brackets).
// Gold: proper-name mentions of persons, organisations and places (MEANTIME
// syntactic_type NAM or PRE.NAM with ent_type PER/ORG/LOC; GUM person/
// organization/place mentions whose minimal span ends in a proper noun and skips only function words).
// A system mention matches a gold mention when the spans overlap and the coarse
// types agree (PERSON=PER, ORGANIZATION=ORG, LOCATION=LOC), one to one, the
// largest overlaps first. NORP mentions have no gold type and are not scored;
// nominal mentions ("the Russian president") are not names and are left out.
// Precision, recall and F1 are pooled over all documents, per type and overall.
import { readFileSync } from 'node:fs';
import type { Entity } from '../article.js';
import { analyseEnglish } from '../pipeline.js';
import { goldFilesUnder } from './gold-files.js';

export type GoldType = 'PER' | 'ORG' | 'LOC';
export const GOLD_TYPES: readonly GoldType[] = ['PER', 'ORG', 'LOC'];

export interface GoldMention {
  start: number;
  end: number;
  type: GoldType;
  text: string;
}

export interface GoldDoc {
  id: string;
  text: string;
  gold: GoldMention[];
  /** Character range that was annotated; system mentions outside it are not scored. */
  scoredEnd: number;
}

export interface SystemMention {
  start: number;
  end: number;
  type: GoldType;
  text: string;
  rule: string;
}

export interface Prf {
  tp: number;
  system: number;
  gold: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface EntityScores {
  corpus: string;
  documents: number;
  overall: Prf;
  perType: Record<GoldType, Prf>;
}

export interface EntityError {
  doc: string;
  kind: 'missed' | 'spurious';
  type: GoldType;
  text: string;
  rule?: string;
}

// ---- MEANTIME ------------------------------------------------------------------

const NO_SPACE_BEFORE = /^([.,;:!?%)\]}]|'s|'|n't|'re|'ve|'ll|'d|'m)$/i;
const NO_SPACE_AFTER = /^[($[{“]$/;

function decodeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** One MEANTIME article: text rebuilt from its tokens (a sentence a line), gold name mentions. */
export function parseMeantime(xml: string, id = ''): GoldDoc {
  const tokens = new Map<string, { start: number; end: number; sentence: number }>();
  let text = '';
  let sentence = -1;
  let prev = '';
  for (const m of xml.matchAll(/<token\b([^>]*)>([^<]*)<\/token>/g)) {
    const attrs = m[1];
    const value = decodeXml(m[2]);
    const s = Number(/sentence="(\d+)"/.exec(attrs)![1]);
    const tid = /t_id="([^"]+)"/.exec(attrs)![1];
    if (s !== sentence) {
      if (text.length > 0) text += '\n';
      sentence = s;
    } else if (!NO_SPACE_BEFORE.test(value) && !NO_SPACE_AFTER.test(prev)) text += ' ';
    const start = text.length;
    text += value;
    tokens.set(tid, { start, end: text.length, sentence: s });
    prev = value;
  }
  const types = new Map<string, string>();
  for (const m of xml.matchAll(/<ENTITY\b([^>]*)\/?>/g)) {
    const mid = /m_id="([^"]+)"/.exec(m[1])?.[1];
    const type = /ent_type="([^"]+)"/.exec(m[1])?.[1];
    if (mid && type) types.set(mid, type);
  }
  const refersTo = new Map<string, string>();
  for (const m of xml.matchAll(/<REFERS_TO\b[^>]*>([\s\S]*?)<\/REFERS_TO>/g)) {
    const target = /<target m_id="([^"]+)"/.exec(m[1])?.[1];
    if (!target) continue;
    for (const s of m[1].matchAll(/<source m_id="([^"]+)"/g)) refersTo.set(s[1], target);
  }
  const gold: GoldMention[] = [];
  let lastSentence = 0;
  for (const m of xml.matchAll(/<(ENTITY_MENTION|EVENT_MENTION|TIMEX3|VALUE|SIGNAL|C-SIGNAL)\b([^>]*)>([\s\S]*?)<\/\1>/g)) {
    const anchors = [...m[3].matchAll(/t_id="([^"]+)"/g)].map((a) => tokens.get(a[1])).filter((t) => t !== undefined);
    if (anchors.length === 0) continue;
    for (const a of anchors) lastSentence = Math.max(lastSentence, a.sentence);
    if (m[1] !== 'ENTITY_MENTION') continue;
    const syntactic = /syntactic_type="([^"]*)"/.exec(m[2])?.[1] ?? '';
    if (syntactic !== 'NAM' && syntactic !== 'PRE.NAM') continue;
    const mid = /m_id="([^"]+)"/.exec(m[2])![1];
    const type = types.get(refersTo.get(mid) ?? '');
    if (type !== 'PER' && type !== 'ORG' && type !== 'LOC') continue;
    const start = Math.min(...anchors.map((a) => a.start));
    const end = Math.max(...anchors.map((a) => a.end));
    gold.push({ start, end, type, text: text.slice(start, end) });
  }
  let scoredEnd = 0;
  for (const t of tokens.values()) if (t.sentence <= lastSentence) scoredEnd = Math.max(scoredEnd, t.end);
  return { id, text, gold, scoredEnd };
}

// ---- GUM -----------------------------------------------------------------------------

const GUM_TYPES: Record<string, GoldType> = { person: 'PER', organization: 'ORG', place: 'LOC' };
const FUNCTION_UPOS = new Set(['ADP', 'DET', 'PART', 'CCONJ', 'SCONJ', 'PUNCT']);

/** One GUM document from CoNLL-U: text rebuilt with SpaceAfter, a paragraph a line; named mentions. */
export function parseGum(conllu: string, id = ''): GoldDoc {
  let text = '';
  const gold: GoldMention[] = [];
  const open = new Map<string, { start: number; type: string; minspan: number[]; tokens: { start: number; end: number; upos: string }[] }[]>();
  let newPar = false;
  let spaceAfter = false;
  for (const line of conllu.split(/\r?\n/)) {
    if (line.startsWith('# newpar')) newPar = true;
    if (line === '' || line.startsWith('#')) continue;
    const cols = line.split('\t');
    if (!/^\d+$/.test(cols[0])) continue; // multi-word token ranges and empty nodes
    const [, form, , upos, , , , , , misc] = cols;
    if (text.length > 0) text += newPar ? '\n' : spaceAfter ? ' ' : '';
    newPar = false;
    const start = text.length;
    text += form;
    const tok = { start, end: text.length, upos };
    spaceAfter = !/(^|\|)SpaceAfter=No(\||$)/.test(misc);
    for (const list of open.values()) for (const e of list) e.tokens.push(tok);
    const entity = /(?:^|\|)Entity=([^|]*)/.exec(misc)?.[1] ?? '';
    for (const m of entity.matchAll(/\((\d+)-([^()]*)(\))?|(\d+)\)/g)) {
      if (m[1] !== undefined) {
        const fields = m[2].split('-');
        const e = { start, type: fields[0], minspan: (fields[4] ?? '').split(',').map(Number), tokens: [tok] };
        if (m[3]) close(e);
        else {
          const list = open.get(m[1]) ?? [];
          list.push(e);
          open.set(m[1], list);
        }
      } else {
        const list = open.get(m[4]);
        const e = list?.pop();
        if (e) close(e);
      }
    }
  }
  function close(e: { start: number; type: string; minspan: number[]; tokens: { start: number; end: number; upos: string }[] }): void {
    const type = GUM_TYPES[e.type];
    if (!type) return;
    // A name mention: its minimal span ends in a proper noun and skips only function
    // words ("author Truman Capote", "Church of Scientology"). A coordination ("celebrity
    // guests like Stan Lee, Mark Hamill, …") skips names; those are mentions of their own.
    const min = e.minspan.filter((k) => k > 0 && k <= e.tokens.length);
    if (min.length === 0 || e.tokens[min[min.length - 1] - 1].upos !== 'PROPN') return;
    const inMin = new Set(min);
    for (let k = min[0]; k <= min[min.length - 1]; k++) if (!inMin.has(k) && !FUNCTION_UPOS.has(e.tokens[k - 1].upos)) return;
    const end = e.tokens[e.tokens.length - 1].end;
    gold.push({ start: e.start, end, type, text: text.slice(e.start, end) });
  }
  return { id, text, gold, scoredEnd: text.length };
}

// ---- scoring ----------------------------------------------------------------------------

const TYPE_MAP: Record<string, GoldType | undefined> = { PERSON: 'PER', ORGANIZATION: 'ORG', LOCATION: 'LOC' };

/** The pipeline's name mentions of a text, up to the entities stage. */
export function systemMentions(text: string, published: string | null = null): SystemMention[] {
  return namesOf(analyseEnglish(text, 'entities', published).layers.entities ?? []);
}

export function namesOf(entities: readonly Entity[]): SystemMention[] {
  const out: SystemMention[] = [];
  for (const e of entities) {
    const type = TYPE_MAP[e.type];
    if (!type) continue;
    for (const m of e.mentions) if (!m.rule.startsWith('coref:nominal')) out.push({ start: m.start, end: m.end, type, text: m.text, rule: m.rule });
  }
  return out.sort((a, b) => a.start - b.start);
}

interface Counts {
  tp: Record<GoldType, number>;
  system: Record<GoldType, number>;
  gold: Record<GoldType, number>;
}

const zero = (): Record<GoldType, number> => ({ PER: 0, ORG: 0, LOC: 0 });

/** One-to-one matching of one document: overlapping spans, same type, largest overlaps first. */
export function matchDoc(doc: GoldDoc, system: readonly SystemMention[], counts: Counts, errors?: EntityError[]): void {
  const sys = system.filter((s) => s.start < doc.scoredEnd);
  const pairs: [number, number, number, number][] = [];
  sys.forEach((s, i) =>
    doc.gold.forEach((g, j) => {
      const overlap = Math.min(s.end, g.end) - Math.max(s.start, g.start);
      if (overlap > 0 && s.type === g.type) pairs.push([overlap, -Math.abs(g.end - g.start - (s.end - s.start)), i, j]);
    }),
  );
  pairs.sort((a, b) => b[0] - a[0] || b[1] - a[1] || a[2] - b[2] || a[3] - b[3]);
  const sysUsed = new Set<number>();
  const goldUsed = new Set<number>();
  for (const [, , i, j] of pairs) {
    if (sysUsed.has(i) || goldUsed.has(j)) continue;
    sysUsed.add(i);
    goldUsed.add(j);
    counts.tp[sys[i].type]++;
  }
  for (const s of sys) counts.system[s.type]++;
  for (const g of doc.gold) counts.gold[g.type]++;
  if (errors) {
    sys.forEach((s, i) => sysUsed.has(i) || errors.push({ doc: doc.id, kind: 'spurious', type: s.type, text: s.text, rule: s.rule }));
    doc.gold.forEach((g, j) => goldUsed.has(j) || errors.push({ doc: doc.id, kind: 'missed', type: g.type, text: g.text }));
  }
}

function prf(tp: number, system: number, gold: number): Prf {
  const precision = system === 0 ? 0 : tp / system;
  const recall = gold === 0 ? 0 : tp / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, system, gold, precision, recall, f1 };
}

export function scoreDocs(corpus: string, docs: readonly GoldDoc[], errors?: EntityError[]): EntityScores {
  const counts: Counts = { tp: zero(), system: zero(), gold: zero() };
  for (const doc of docs) matchDoc(doc, systemMentions(doc.text), counts, errors);
  const perType = Object.fromEntries(GOLD_TYPES.map((t) => [t, prf(counts.tp[t], counts.system[t], counts.gold[t])])) as Record<GoldType, Prf>;
  const sum = (r: Record<GoldType, number>) => GOLD_TYPES.reduce((n, t) => n + r[t], 0);
  return { corpus, documents: docs.length, overall: prf(sum(counts.tp), sum(counts.system), sum(counts.gold)), perType };
}

/** MEANTIME: every .xml under `dir` (e.g. ../shared/eval/meantime-dev). */
export function scoreMeantime(dir: string, errors?: EntityError[]): EntityScores {
  const docs = goldFilesUnder(dir, '.xml', 'MEANTIME CAT documents').map((f) => parseMeantime(readFileSync(f, 'utf8'), f.slice(dir.length + 1)));
  return scoreDocs('meantime', docs, errors);
}

/** GUM: every .conllu under `dir` (e.g. ../shared/eval/gum-news). */
export function scoreGum(dir: string, errors?: EntityError[]): EntityScores {
  const docs = goldFilesUnder(dir, '.conllu', 'GUM CoNLL-U documents').map((f) => parseGum(readFileSync(f, 'utf8'), f.slice(dir.length + 1)));
  return scoreDocs('gum', docs, errors);
}

export function formatEntityScores(s: EntityScores): string {
  const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
  const row = (label: string, p: Prf) => `${label.padEnd(8)} ${pct(p.precision)} ${pct(p.recall)} ${pct(p.f1)}   ${String(p.tp).padStart(4)} ${String(p.system).padStart(5)} ${String(p.gold).padStart(5)}`;
  return [
    `entities on ${s.corpus} (${s.documents} documents; overlap + type match)`,
    `type         P     R     F1     tp   sys  gold`,
    ...GOLD_TYPES.map((t) => row(t, s.perType[t])),
    row('overall', s.overall),
  ].join('\n');
}
