// Actors the entities stage leaves uncoded but an event coder would code:
// unnamed groups of a known kind ("police opened fire", "protesters stormed",
// "the army withdrew") and titled persons without a code ("President Abdelaziz
// Bouteflika" in an undated text, "Secretary of State Antony Blinken"). Data:
// data/events/groups.json (roles), data/entities/titles.json (titles),
// data/actors/leaders.json (a leader's country, whatever the date).
//
// The country of such an actor, first that applies:
//   possessor   "Niger's military rulers", "Trump's administration";
//   attached    "police in Yerevan", "the army of Mali";
//   place       a place the sentence puts the act in ("In Niamey, thousands of
//               demonstrators ...", "a curfew in Algiers");
//   article     the country that dominates the article;
//   sentence    the one country the sentence names;
// (the last two for groups only, not persons: "Secretary of State Antony
// Blinken" in an article about Niger is not Niger's);
// else the role alone ("COP"), a CAMEO code without a country.
import type { Entity, SentenceSpan, Token } from '../../article.js';
import { loadData } from '../../data.js';
import { PhraseMatcher } from '../../lexicon/phrases.js';
import { makeRef, type ActorRef, type UncodedPerson } from './actors.js';
import { GATE_BITS, GROUPS_GATE } from './dictionary.js';

interface GroupsFile {
  titleCountries: Record<string, string>;
  groups: Record<string, string>;
  facilities: string[];
  pairGroups: string[];
}

interface TitlesFile {
  titles: { phrases: string[]; role: string | null }[];
}

interface LeadersFile {
  leaders: { name: string; aliases: string[]; country: string }[];
}

interface Compiled {
  groups: PhraseMatcher<string>;
  pairGroups: PhraseMatcher<true>;
  facilities: ReadonlySet<string>;
  titles: PhraseMatcher<string>;
  /** Titles only one country's government uses ("Secretary of State", "House Speaker") → that country. */
  titleCountries: PhraseMatcher<string>;
  /** Leader name or alias, lower-cased → ISO alpha-3 country. */
  leaderCountry: Map<string, string>;
}

let compiled: Compiled | null = null;

/** Compiled on the stage's first run, not at import (worker start-up stays cheap). */
function data(): Compiled {
  if (compiled) return compiled;
  const file = loadData<GroupsFile>('events/groups.json');
  const titles = loadData<TitlesFile>('entities/titles.json').titles.filter((t) => t.role !== null);
  const leaderCountry = new Map<string, string>();
  for (const l of loadData<LeadersFile>('actors/leaders.json').leaders ?? []) {
    for (const n of [l.name, ...l.aliases]) if (!leaderCountry.has(n.toLowerCase())) leaderCountry.set(n.toLowerCase(), l.country);
  }
  compiled = {
    groups: new PhraseMatcher(Object.entries(file.groups).map(([phrase, role]) => ({ phrase, value: role })), 'lemma'),
    pairGroups: new PhraseMatcher(file.pairGroups.map((phrase) => ({ phrase, value: true as const })), 'lemma'),
    facilities: new Set(file.facilities),
    titles: new PhraseMatcher(titles.flatMap((t) => t.phrases.map((phrase) => ({ phrase, value: t.role! }))), 'normal'),
    titleCountries: new PhraseMatcher(Object.entries(file.titleCountries).map(([phrase, country]) => ({ phrase, value: country })), 'normal'),
    leaderCountry,
  };
  return compiled;
}

/** Collective nouns a plural pronoun may refer to. */
const COLLECTIVE = new Set(['police', 'people', 'military', 'army', 'crowd', 'militia', 'clergy', 'government', 'authorities', 'junta']);
const HEAD_POS = new Set(['NOUN', 'PROPN']);
/** The possessive marks a tokeniser gives ("'s", "’", ...): /^['’]s?$/ as a set. */
const POSSESSIVE_MARKS: ReadonlySet<string> = new Set(["'", '’', "'s", '’s']);
const OWNER_PRONOUNS = new Set(['its', 'their', 'his', 'her', 'our']);
const PLACE_PREPS = new Set(['in', 'at', 'near', 'across', 'throughout', 'inside']);
/** Not "from": "withdraw its troops from Syria" says where from, not whose troops. */
const ATTACHED_PREPS = new Set(['in', 'of']);
const NP_INNER = new Set(['DET', 'ADJ', 'NUM', 'PROPN', 'NOUN']);

export interface GroupContext {
  /** The article's dominant country (alpha-3), or null when none dominates. */
  dominant: string | null;
  /** The article's main dyad, for "officials on both sides". */
  dyad: { codes: [string, string]; names: [string, string] } | null;
  /** Codes found for titled persons, by entity id: "Bazoum" later in the article is "President Mohamed Bazoum". */
  persons: Map<string, { actor: string; country: string | null; rule: string }>;
}

export interface GroupRefs {
  refs: readonly ActorRef[];
  /** Places folded into a group's code ("police in Yerevan"): no actors of their own there. */
  absorbed: ReadonlySet<ActorRef>;
}

/**
 * The country that dominates an article: two or more mentions, and half of all
 * country-coded mentions or two fifths and twice the runner-up's; else null.
 */
export function dominantCountry(entities: readonly Entity[]): string | null {
  const counts = new Map<string, number>();
  let total = 0;
  for (const e of entities) {
    if (!e.country) continue;
    counts.set(e.country, (counts.get(e.country) ?? 0) + e.mentions.length);
    total += e.mentions.length;
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const [best, second] = ranked;
  if (!best || best[1] < 2) return null;
  // Half of the mentions, or twice the runner-up's with at least two fifths.
  return best[1] * 2 >= total || (best[1] * 5 >= total * 2 && best[1] >= 2 * (second?.[1] ?? 0)) ? best[0] : null;
}

function covered(refs: readonly ActorRef[], first: number, last: number): boolean {
  return refs.some((r) => r.first <= last && first <= r.last);
}

/** The country a group or person at tokens [first, last] belongs to, with the rule that decided. */
function countryFor(
  tokens: readonly Token[],
  s: SentenceSpan,
  refs: readonly ActorRef[],
  first: number,
  last: number,
  dominant: string | null,
  groupsOnly = true,
  bilateral = false,
): { country: string; rule: string; place?: ActorRef } | null {
  // "Niger's military rulers": a possessive actor right before the phrase (over adjectives).
  let j = first - 1;
  while (j > s.firstToken && tokens[j].pos === 'ADJ') j--;
  if (j > s.firstToken && tokens[j].pos === 'PART' && POSSESSIVE_MARKS.has(tokens[j].text)) {
    const owner = refs.find((r) => r.last === j - 1 && r.country);
    if (owner) return { country: owner.country!, rule: 'possessor' };
  }
  // "police in Yerevan", "the army of Mali".
  const next = tokens[last + 1];
  if (next && next.sentence === s.index && ATTACHED_PREPS.has(next.normal)) {
    let k = last + 2;
    while (k < s.endToken && NP_INNER.has(tokens[k].pos) && !refs.some((r) => r.first === k)) k++;
    const place = refs.find((r) => r.first === k && r.country);
    if (place) return { country: place.country!, rule: 'attached', place };
  }
  // A place the sentence puts the act in.
  for (const r of refs) {
    if (!r.place || !r.country || r.first <= s.firstToken) continue;
    let p = r.first - 1;
    while (p > s.firstToken && NP_INNER.has(tokens[p].pos) && !PLACE_PREPS.has(tokens[p].normal)) p--;
    if (PLACE_PREPS.has(tokens[p].normal)) return { country: r.country, rule: 'place' };
  }
  // A person takes the article's country only when the sentence names none: "when soldiers stormed the palace and
  // arrested President Mamadou Tandja" in an article about Niger.
  if (!groupsOnly) return dominant && !refs.some((r) => r.country) ? { country: dominant, rule: 'article' } : null;
  // The article's dominant country before the sentence's one: "ECOWAS would keep negotiating with the junta" in an
  // article about Niger is Niger's junta even when the sentence names only Nigeria.
  if (dominant) return { country: dominant, rule: 'article' };
  // In an article between two countries, the one country a sentence names is as likely the other party
  // ("the surviving victims ... demanded that the Japanese companies apologize").
  const countries = new Set(refs.filter((r) => r.country).map((r) => r.country));
  if (countries.size === 1 && !bilateral) return { country: [...countries][0]!, rule: 'sentence' };
  return null;
}

function ref(tokens: readonly Token[], first: number, last: number, actor: string, country: string | null, plural: boolean, how: string, person?: boolean, name?: string): ActorRef {
  let text = '';
  for (let i = first; i <= last; i++) {
    if (i > first) text += ' '.repeat(tokens[i].start - tokens[i - 1].end);
    text += tokens[i].text;
  }
  return makeRef(actor, name ?? text, tokens[first].start, tokens[last].end, text, first, last, 'mention', country, plural, how, undefined, undefined, person);
}

/**
 * Refs for the sentence's uncoded groups and titled persons. `mentions` are the
 * coded mentions already found (never overlapped); `uncoded` the spans of
 * PERSON mentions the entities stage left without a code.
 */
export function groupRefs(tokens: readonly Token[], s: SentenceSpan, mentions: readonly ActorRef[], uncoded: readonly UncodedPerson[], ctx: GroupContext, gates?: Uint16Array): GroupRefs {
  const { groups, pairGroups, facilities, titles, titleCountries, leaderCountry } = data();
  const out: ActorRef[] = [];
  let absorbed: Set<ActorRef> | null = null;

  for (const person of uncoded) {
    if (covered(mentions, person.first, person.last)) continue;
    // The title ends right before the name: "President Abdelaziz Bouteflika", "Secretary of State Antony Blinken".
    let role: string | null = null;
    let titleCountry: string | undefined;
    for (let from = Math.max(s.firstToken, person.first - 5); from < person.first && !role; from++) {
      const hit = endingAt(titles.matchAt(tokens, from, person.first), person.first);
      if (hit) {
        role = hit.value;
        titleCountry = endingAt(titleCountries.matchAt(tokens, from, person.first), person.first)?.value;
      }
    }
    if (!role) {
      const earlier = ctx.persons.get(person.entity);
      if (earlier) out.push(ref(tokens, person.first, person.last, earlier.actor, earlier.country, false, `titled-person:${earlier.rule}@earlier-mention`, true));
      continue;
    }
    const known = leaderCountry.get(person.name.toLowerCase()) ?? titleCountry;
    // A titled person takes no country from the sentence at large: "Defense Secretary Lloyd Austin and Chinese
    // Defense Minister Dong Jun" names China for Dong only.
    const found = known ? { country: known, rule: 'leaders-list' } : countryFor(tokens, s, mentions, person.first, person.last, ctx.dominant, false);
    const actor = found ? found.country + role : role;
    const rule = `${role}${found ? `@${found.rule}` : ''}`;
    if (!ctx.persons.has(person.entity)) ctx.persons.set(person.entity, { actor, country: found?.country ?? null, rule });
    out.push(ref(tokens, person.first, person.last, actor, found?.country ?? null, false, `titled-person:${rule}`, true));
  }

  for (let i = s.firstToken; i < s.endToken; i++) {
    if (gates ? (gates[i] & GATE_BITS.groups) === 0 : !GROUPS_GATE.opens(tokens[i])) continue;
    const hit = groups.matchAt(tokens, i, s.endToken)[0];
    if (!hit) continue;
    let last = hit.end - 1;
    const head = tokens[last];
    const after = tokens[hit.end];
    // "set fire to a police station": a facility stands for the group that holds it.
    if (after && after.sentence === s.index && facilities.has(after.normal)) last = hit.end;
    // "police chief", "army spokesman": a modifier of another noun codes nothing; "official" as an adjective neither.
    const modifier = last === hit.end - 1 && HEAD_POS.has(after?.pos ?? '') && after.sentence === s.index;
    // "Saudi officials", "Iran's army": the entities stage coded the demonym or country with this role already.
    let before = hit.first - 1;
    // Over adjectives ("Russia's top diplomats"), but not over a demonym tagged ADJ ("the French ambassador").
    while (before > s.firstToken && tokens[before].pos === 'ADJ' && !lastAt(mentions, before)) before--;
    if (tokens[before]?.pos === 'PART' && POSSESSIVE_MARKS.has(tokens[before].text)) before--;
    // "its troops", "their leaders": the possessive pronoun stands for the owner, who the anaphor resolver finds.
    if (before >= s.firstToken && tokens[before].pos === 'PRON' && OWNER_PRONOUNS.has(tokens[before].normal)) {
      i = last;
      continue;
    }
    const qualifier = before >= s.firstToken ? countryEndingAt(mentions, before) : undefined;
    // ... unless it left the bare country ("Niger's military rulers": NER), which the group's role refines.
    const coded = qualifier !== undefined && qualifier.actor !== qualifier.country;
    if (!HEAD_POS.has(head.pos) || modifier || coded || covered(mentions, hit.first, last) || covered(out, hit.first, last)) {
      i = last;
      continue;
    }
    const role = hit.value;
    const plural = head.normal.endsWith('s') || COLLECTIVE.has(head.normal);
    // "officials on both sides": the article's pair, with the group's role.
    const pair = pairGroups.matchAt(tokens, hit.end, s.endToken)[0];
    if (pair && ctx.dyad) {
      for (let k = 0; k < 2; k++) {
        const code = ctx.dyad.codes[k];
        out.push(ref(tokens, hit.first, pair.end - 1, code + role, code, true, `group:${head.normal}@pair`, undefined, ctx.dyad.names[k]));
      }
      i = pair.end - 1;
      continue;
    }
    const found = qualifier ? { country: qualifier.country!, rule: 'qualifier' } : countryFor(tokens, s, out.length === 0 ? mentions : [...mentions, ...out], hit.first, last, ctx.dominant, true, ctx.dyad !== null);
    // "the French ambassador": the demonym is folded into the group's code, not a party of its own.
    if (qualifier && tokens[qualifier.last + 1]?.pos !== 'PART') (absorbed ??= new Set()).add(qualifier);
    if (found && 'place' in found && found.place) (absorbed ??= new Set()).add(found.place);
    out.push(ref(tokens, hit.first, last, found ? found.country + role : role, found?.country ?? null, plural, `group:${head.normal}${found ? `@${found.rule}` : ''}`));
    i = last;
  }
  return out.length === 0 && absorbed === null ? NO_GROUPS : { refs: out, absorbed: absorbed ?? NO_REFS };
}

// Helpers of groupRefs' loops: no closure over a loop variable there (each would cost an allocation per token).
function endingAt<T extends { end: number }>(hits: readonly T[], end: number): T | undefined {
  for (const h of hits) if (h.end === end) return h;
  return undefined;
}

function lastAt(refs: readonly ActorRef[], last: number): boolean {
  for (const r of refs) if (r.last === last) return true;
  return false;
}

function countryEndingAt(refs: readonly ActorRef[], last: number): ActorRef | undefined {
  for (const r of refs) if (r.last === last && r.country) return r;
  return undefined;
}

const NO_REFS: ReadonlySet<ActorRef> = new Set();
/** A sentence without groups or titled persons (the common case) shares one empty answer. */
const NO_GROUPS: GroupRefs = { refs: [], absorbed: NO_REFS };
