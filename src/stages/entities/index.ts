// entities: names in the article (countries, capitals, places, demonyms,
// organisations, historical states, office holders, unknown names found by
// capitalisation), grouped into entities with CAMEO-style actor codes.
// Parsers find candidates (recognize.ts), refiners merge, filter and code them
// (refine.ts), and this file assembles the entities. Also exported for the
// stance and events stages: mainDyad() and actorsInRange().
import { layer, type Entity, type Mention } from '../../article.js';
import { defineStage } from '../../stage.js';
import { buildContext, type Candidate, type Context } from './context.js';
import { PARSERS } from './recognize.js';
import { REFINERS } from './refine.js';
import { STAGE_VERSIONS } from '../../versions.js';

export const ENTITIES_VERSION = STAGE_VERSIONS.entities; // bump it in src/versions.ts

export function extractEntities(ctx: Context): Entity[] {
  let candidates: Candidate[] = [];
  for (const parser of PARSERS) for (const c of parser.extract(ctx)) candidates.push(c);
  candidates.sort(bySpan);
  for (const refiner of REFINERS) candidates = refiner.refine(ctx, candidates);
  return assemble(ctx, candidates);
}

/** Text order; of two mentions starting together, the longer first. */
function bySpan(a: Candidate, b: Candidate): number {
  return a.start - b.start || b.end - a.end;
}

const EVIDENCE_RANK = { known: 3, signal: 2, weak: 1, unconfirmed: 0 } as const;

function mentionOf(ctx: Context, c: Candidate): Mention {
  return {
    start: c.start,
    end: c.end,
    text: ctx.text.slice(c.start, c.end),
    sentence: ctx.tokens[c.first].sentence,
    actor: c.mentionActor !== undefined ? c.mentionActor : c.actor,
    rule: c.rule,
  };
}

/**
 * The entity's own code. A person: the code of its first titled mention (the text
 * dates the role), else of its first mention. A capital: the reading most of its
 * mentions have, the government on a tie (capitals are named in political news
 * for the government they house). Anything else: its own code.
 */
function entityActor(group: Candidate[], mentions: Mention[]): string | null {
  const head = group[0];
  if (head.type === 'PERSON') {
    let at = -1;
    for (let k = 0; k < group.length && at < 0; k++) if (group[k].title && !group[k].nominal) at = k;
    for (let k = 0; k < group.length && at < 0; k++) if (group[k].title) at = k;
    if (at >= 0) return mentions[at].actor;
    for (const m of mentions) if (m.actor !== null) return m.actor ?? null;
    return null;
  }
  if (head.kind === 'capital' && head.country) {
    const government = head.country + 'GOV';
    let gov = 0;
    for (const m of mentions) if (m.actor === government) gov++;
    return gov * 2 >= mentions.length ? government : head.country;
  }
  for (const c of group) if (c.actor !== null) return c.actor ?? null;
  return null;
}

/** Groups the candidates by key (one mention per span) into entities, in order of first mention. */
export function assemble(ctx: Context, candidates: Candidate[]): Entity[] {
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates.slice().sort(bySpan)) {
    const g = groups.get(c.key);
    if (!g) {
      groups.set(c.key, [c]);
      continue;
    }
    let seen = false;
    for (const o of g) if (o.start === c.start && o.end === c.end) seen = true;
    if (!seen) g.push(c);
  }
  const entities: Entity[] = [];
  for (const group of groups.values()) {
    let best = group[0];
    let country: string | null = null;
    const mentions: Mention[] = [];
    for (const c of group) {
      if (EVIDENCE_RANK[c.evidence] > EVIDENCE_RANK[best.evidence]) best = c;
      if (country === null && c.country) country = c.country;
      mentions.push(mentionOf(ctx, c));
    }
    const actor = entityActor(group, mentions);
    // Later mentions of a person the text coded once ("Araghchi said") stand for the same office holder.
    // A namesake ("the Andy Warhol Foundation") stands for no actor.
    if (best.type === 'PERSON' && !best.entry?.leader) for (const m of mentions) if (m.actor === null && m.rule !== 'coref:namesake') m.actor = actor;
    const name = best.type === 'PERSON' && !best.entry ? longestName(group) : best.name;
    entities.push({ id: '', name, type: best.type, actor, country, kind: best.kind, mentions });
  }
  entities.sort(byFirstMention);
  for (let i = 0; i < entities.length; i++) entities[i].id = `e${i + 1}`;
  return entities;
}

function byFirstMention(a: Entity, b: Entity): number {
  return a.mentions[0].start - b.mentions[0].start || a.mentions[0].end - b.mentions[0].end || a.name.localeCompare(b.name);
}

function longestName(group: Candidate[]): string {
  let name = group[0].name;
  let words = wordCount(name);
  for (const c of group) {
    if (c.nominal) continue;
    const n = wordCount(c.name);
    if (n > words) {
      name = c.name;
      words = n;
    }
  }
  return name;
}

/** Words of a name written with single spaces (as name.split(' ').length counts them). */
function wordCount(name: string): number {
  let n = 1;
  for (let i = name.indexOf(' '); i >= 0; i = name.indexOf(' ', i + 1)) n++;
  return n;
}

export const entitiesStage = defineStage({
  name: 'entities',
  version: ENTITIES_VERSION,
  needs: ['segments', 'dates'],
  provides: 'entities',
  run(doc) {
    const ctx = buildContext(doc.text, doc.published, layer(doc, 'segments'), layer(doc, 'dates'));
    return { layer: extractEntities(ctx) };
  },
});

// ---- helpers for the stance and events stages -----------------------------------------

const ISO3 = /^[A-Z]{3}$/;

/**
 * The article's main pair of countries: the two countries with the most
 * mentions (every mention of an entity of that country counts: "Putin" counts
 * for RUS), sorted; ties go to the country named first. Null with fewer than two.
 */
export function mainDyad(entities: readonly Entity[]): [string, string] | null {
  const count = new Map<string, { n: number; first: number }>();
  for (const e of entities) {
    if (!e.country || !ISO3.test(e.country)) continue;
    const c = count.get(e.country) ?? { n: 0, first: Infinity };
    c.n += e.mentions.length;
    c.first = Math.min(c.first, e.mentions[0]?.start ?? Infinity);
    count.set(e.country, c);
  }
  const ranked = [...count.entries()].sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first || a[0].localeCompare(b[0]));
  if (ranked.length < 2) return null;
  const pair = [ranked[0][0], ranked[1][0]].sort() as [string, string];
  return pair;
}

export interface MentionInRange {
  entity: Entity;
  mention: Mention;
}

/** Every mention lying inside [start, end) (a sentence, a clause), in text order. */
export function actorsInRange(entities: readonly Entity[], start: number, end: number): MentionInRange[] {
  const out: MentionInRange[] = [];
  for (const entity of entities) {
    for (const mention of entity.mentions) if (mention.start >= start && mention.end <= end) out.push({ entity, mention });
  }
  return out.sort((a, b) => a.mention.start - b.mention.start || a.mention.end - b.mention.end || a.entity.id.localeCompare(b.entity.id));
}
