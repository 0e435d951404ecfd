// The name gazetteer: every known name compiled once, on the stage's first run,
// into one case-sensitive PhraseMatcher ("US" the country, never "us"). Countries,
// alternative spellings, demonyms and capitals come from the world-countries
// package, completed by data/entities/countries.json; places, organisations,
// historical states, religions and office holders come from data/.
import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import type { EntityType } from '../../article.js';
import { loadData } from '../../data.js';
import type { Phrase } from '../../lexicon/phrases.js';
import { once } from './lazy.js';
import { loadLeaders, type Leader } from './leaders.js';
import { GAZETTEER_GATE, GatedMatcher } from './matching.js';
import { splitPhraseHyphens } from './tokens.js';

/** A dated actor code: the entry whose range holds the publication date wins. */
export interface DatedActor {
  from: string | null;
  to: string | null;
  actor: string;
}

export interface GazetteerEntry {
  /** Groups mentions into one entity: "country:IRN", "org:Hezbollah", "leader:Vladimir Putin". */
  key: string;
  name: string;
  type: EntityType;
  kind: string;
  actor: string | null;
  country: string | null;
  /** Breaks ties when one phrase names several entries (a country beats its capital "Djibouti"). */
  priority: number;
  /** Where the entry comes from, for the mention's rule. */
  source: string;
  leader?: Leader;
  actors?: DatedActor[];
  /** A name many countries use ("Democratic Party"): its country is only a default. */
  generic?: boolean;
}

interface CountryExtras {
  aliases: Record<string, string[]>;
  demonyms: Record<string, string[]>;
  capitals: Record<string, string[]>;
  blockedNames: string[];
  preferred: Record<string, string>;
  extraCapitalsOf: string[];
}

interface NamedEntry {
  name: string;
  aliases: string[];
  actor: string | null;
  country: string | null;
  kind: string;
  actors?: DatedActor[];
  generic?: boolean;
}

interface HistoricalState {
  name: string;
  aliases: string[];
  demonyms: string[];
  actor: string;
  country: string;
}

const PRIORITY = { leader: 7, organization: 6, country: 5, historical: 4, place: 3, capital: 2, demonym: 1 } as const;

// world-countries (1.4 MB of JSON, ~50 ms to load) is read when the gazetteer is built, not at import.
const require = createRequire(import.meta.url);
const countries = once((): Country[] => require('world-countries') as Country[]);

const LATIN = /^[\p{Script=Latin}\p{M}\s.'’()-]+$/u;

/** Plural of a demonym by rule: Iranian → Iranians; Chinese, Swiss, French and British stay. */
export function pluralDemonym(d: string): string | null {
  if (/(ese|ss|sh|ch|s|x|z)$/.test(d)) return null;
  return d + 's';
}

function addPhrase(out: Phrase<GazetteerEntry>[], blocked: Set<string>, phrase: string, entry: GazetteerEntry): void {
  const p = phrase.trim();
  if (p === '' || blocked.has(p)) return;
  const split = splitPhraseHyphens(p);
  out.push({ phrase: split, value: entry });
  // "the Kremlin" also opens a sentence as "The Kremlin".
  if (/^the\s/.test(split)) out.push({ phrase: 'The' + split.slice(3), value: entry });
}

function countryPhrases(out: Phrase<GazetteerEntry>[], extras: CountryExtras, blocked: Set<string>): void {
  const COUNTRIES = countries();
  const preferred = new Map(Object.entries(extras.preferred));
  // A form the package gives to several countries goes to the preferred one, or to
  // the only independent one; when neither settles it the form is left out.
  const owners = new Map<string, Set<string>>();
  const own = (form: string, iso: string) => {
    let set = owners.get(form);
    if (!set) owners.set(form, (set = new Set()));
    set.add(iso);
  };
  for (const c of COUNTRIES) {
    for (const d of Object.values(c.demonyms?.eng ?? {})) if (d) own(d, c.cca3);
  }
  const independent = new Set(COUNTRIES.filter((c) => c.independent || c.unMember).map((c) => c.cca3));
  const demonymOwner = (form: string, iso: string): boolean => {
    const set = owners.get(form);
    if (!set || set.size === 1) return true;
    const pick = preferred.get(form);
    if (pick) return pick === iso;
    const free = [...set].filter((x) => independent.has(x));
    return free.length === 1 && free[0] === iso;
  };

  for (const c of COUNTRIES) {
    const iso = c.cca3;
    const name = c.name.common;
    const country: GazetteerEntry = { key: `country:${iso}`, name, type: 'LOCATION', kind: 'country', actor: iso, country: iso, priority: PRIORITY.country, source: 'country' };
    const forms = new Set<string>([name, c.name.official, ...(extras.aliases[iso] ?? [])]);
    const ownDemonyms = new Set(extras.demonyms[iso] ?? []);
    for (const alt of c.altSpellings) {
      // Two-letter codes ("IN", "IS") and non-Latin scripts are not how English news names a country;
      // a form listed as a demonym ("Saudi") is read as one.
      if (alt.length <= 2 || alt.includes(',') || !LATIN.test(alt) || ownDemonyms.has(alt)) continue;
      forms.add(alt);
    }
    for (const f of forms) if (LATIN.test(f) && (preferred.get(f) ?? iso) === iso) addPhrase(out, blocked, f, country);

    const demonym: GazetteerEntry = {
      key: `demonym:${iso}`,
      name: c.demonyms?.eng?.m || name,
      type: 'NORP',
      kind: 'demonym',
      actor: iso,
      country: iso,
      priority: PRIORITY.demonym,
      source: 'demonym',
    };
    const demonyms = new Set<string>();
    for (const d of Object.values(c.demonyms?.eng ?? {})) {
      if (!d || !demonymOwner(d, iso)) continue;
      demonyms.add(d);
      const plural = pluralDemonym(d);
      if (plural) demonyms.add(plural);
    }
    for (const d of extras.demonyms[iso] ?? []) demonyms.add(d);
    for (const d of demonyms) addPhrase(out, blocked, d, demonym);

    const withCapital = c.independent || c.unMember || extras.extraCapitalsOf.includes(iso);
    const capitals = [...(withCapital ? c.capital : []), ...(extras.capitals[iso] ?? [])];
    const canonical = withCapital && c.capital[0] ? c.capital[0] : capitals[0];
    for (const cap of capitals) {
      if (!cap) continue;
      const entry: GazetteerEntry = { key: `capital:${iso}`, name: canonical, type: 'LOCATION', kind: 'capital', actor: iso, country: iso, priority: PRIORITY.capital, source: 'capital' };
      addPhrase(out, blocked, cap, entry);
    }
  }
}

function namedPhrases(out: Phrase<GazetteerEntry>[], blocked: Set<string>, entries: NamedEntry[], type: EntityType, keyPrefix: string, priority: number, source: string): void {
  for (const e of entries) {
    const entry: GazetteerEntry = { key: `${keyPrefix}:${e.name}`, name: e.name, type, kind: e.kind, actor: e.actor, country: e.country, priority, source };
    if (e.actors) entry.actors = e.actors;
    if (e.generic) entry.generic = true;
    for (const p of [e.name, ...e.aliases]) addPhrase(out, blocked, p, entry);
  }
}

function historicalPhrases(out: Phrase<GazetteerEntry>[], blocked: Set<string>, states: HistoricalState[]): void {
  for (const s of states) {
    const state: GazetteerEntry = { key: `historical:${s.name}`, name: s.name, type: 'LOCATION', kind: 'historical-state', actor: s.actor, country: s.country, priority: PRIORITY.historical, source: 'historical-state' };
    for (const p of [s.name, ...s.aliases]) addPhrase(out, blocked, p, state);
    if (s.demonyms.length === 0) continue;
    const demonym: GazetteerEntry = { key: `historical-demonym:${s.name}`, name: s.demonyms[0], type: 'NORP', kind: 'historical-demonym', actor: s.actor, country: s.country, priority: PRIORITY.demonym, source: 'historical-demonym' };
    for (const d of s.demonyms) addPhrase(out, blocked, d, demonym);
  }
}

function leaderPhrases(out: Phrase<GazetteerEntry>[], leaders: Leader[]): void {
  for (const l of leaders) {
    const entry: GazetteerEntry = { key: `leader:${l.name}`, name: l.name, type: 'PERSON', kind: 'leader', actor: null, country: l.country, priority: PRIORITY.leader, source: 'leader', leader: l };
    for (const p of [l.name, ...(l.aliases ?? [])]) addPhrase(out, new Set(), p, entry);
  }
}

export function buildGazetteerPhrases(): Phrase<GazetteerEntry>[] {
  const extras = loadData<CountryExtras>('entities/countries.json');
  const blocked = new Set(extras.blockedNames);
  const out: Phrase<GazetteerEntry>[] = [];
  countryPhrases(out, extras, blocked);
  historicalPhrases(out, blocked, loadData<{ states: HistoricalState[] }>('actors/historical-states.json').states);
  namedPhrases(out, blocked, loadData<{ places: NamedEntry[] }>('entities/places.json').places, 'LOCATION', 'place', PRIORITY.place, 'place');
  namedPhrases(out, blocked, loadData<{ organizations: NamedEntry[] }>('actors/organizations.json').organizations, 'ORGANIZATION', 'org', PRIORITY.organization, 'organization');
  namedPhrases(out, blocked, loadData<{ religions: NamedEntry[] }>('entities/religions.json').religions, 'NORP', 'religion', PRIORITY.demonym, 'religion');
  leaderPhrases(out, loadLeaders());
  return out;
}

/** Every known name, matched on the written form. */
export const gazetteer = once(() => new GatedMatcher<GazetteerEntry>(buildGazetteerPhrases(), 'text', GAZETTEER_GATE));

/** The highest-priority entry among those one phrase names (the first listed on ties). */
export function bestEntry(values: readonly GazetteerEntry[]): GazetteerEntry {
  let best = values[0];
  for (const v of values) if (v.priority > best.priority) best = v;
  return best;
}

/** An organisation's code on a date ('actors' ranges are inclusive; open ends are null). */
export function datedActor(entry: GazetteerEntry, published: string | null): string | null {
  if (!entry.actors || entry.actors.length === 0) return entry.actor;
  if (published) {
    for (const a of entry.actors) if ((a.from === null || a.from <= published) && (a.to === null || published <= a.to)) return a.actor;
  }
  return entry.actors[entry.actors.length - 1].actor;
}
