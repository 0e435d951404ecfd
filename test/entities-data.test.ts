import { describe, expect, it } from 'vitest';
import worldCountries from 'world-countries';
import type { Country } from 'world-countries';
import { loadData } from '../src/data.js';
import { loadLeaders } from '../src/stages/entities/leaders.js';
import { buildGazetteerPhrases, gazetteer } from '../src/stages/entities/gazetteer.js';
import { formatNameLexicon, namesFromCompromise } from '../src/stages/entities/name-lexicon-source.js';
import { plainPhraseWords } from '../src/lexicon/phrases.js';
import { tokenize } from '../src/nlp.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/data.js';

const COUNTRIES: Country[] = ((worldCountries as unknown as { default?: Country[] }).default ?? worldCountries) as unknown as Country[];
const ISO3 = new Set(COUNTRIES.map((c) => c.cca3));
const ROLES = ['GOV', 'MIL', 'SPY', 'COP', 'LEG', 'JUD', 'PTY', 'OPP', 'REB', 'UAF', 'CRM', 'MED', 'BUS', 'NGO', 'IGO', 'ELI', 'CVL', 'REL', 'EDU'];
const NATIONAL = new RegExp(`^[A-Z]{3}(${ROLES.join('|')})?$`);
const SHORT_CODE = /^[A-Z][A-Z0-9+]{1,11}$/;

interface Named {
  name: string;
  aliases: string[];
  actor: string | null;
  country: string | null;
  kind: string;
  actors?: { from: string | null; to: string | null; actor: string }[];
}

function checkNamed(entries: Named[], kinds: string[]): void {
  const owners = new Map<string, string>();
  for (const e of entries) {
    expect(typeof e.name === 'string' && e.name.trim() === e.name && e.name.length > 0, JSON.stringify(e)).toBe(true);
    expect(Array.isArray(e.aliases), e.name).toBe(true);
    for (const a of e.aliases) expect(typeof a === 'string' && a.trim() === a && a.length > 0, `${e.name}: "${a}"`).toBe(true);
    expect(kinds, e.name).toContain(e.kind);
    if (e.country !== null) expect(ISO3.has(e.country), `${e.name}: country ${e.country}`).toBe(true);
    if (e.actor !== null) {
      expect(NATIONAL.test(e.actor) || SHORT_CODE.test(e.actor), `${e.name}: actor ${e.actor}`).toBe(true);
      // A national code starts with the entry's own country.
      if (e.country && NATIONAL.test(e.actor) && ISO3.has(e.actor.slice(0, 3))) expect(e.actor.slice(0, 3), e.name).toBe(e.country);
    }
    for (const a of e.actors ?? []) {
      expect(NATIONAL.test(a.actor), `${e.name}: ${a.actor}`).toBe(true);
      for (const d of [a.from, a.to]) if (d !== null) expect(d, e.name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    for (const form of [e.name, ...e.aliases]) {
      const owner = owners.get(form);
      expect(owner === undefined || owner === e.name, `"${form}" belongs to ${owner} and ${e.name}`).toBe(true);
      owners.set(form, e.name);
    }
  }
}

describe('entities data', () => {
  it('has a few hundred well-formed organisations with CAMEO-style codes', () => {
    const orgs = loadData<{ organizations: Named[] }>('actors/organizations.json').organizations;
    expect(orgs.length).toBeGreaterThan(300);
    checkNamed(orgs, ['igo', 'ngo', 'government', 'military', 'agency', 'legislature', 'judiciary', 'party', 'militant', 'criminal', 'media', 'company']);
    const irgc = orgs.find((o) => o.aliases.includes('Revolutionary Guard'))!;
    expect([irgc.actor, irgc.country, irgc.kind]).toEqual(['IRNMIL', 'IRN', 'military']);
  });

  it('has well-formed places', () => {
    checkNamed(loadData<{ places: Named[] }>('entities/places.json').places, ['region', 'city']);
  });

  it('codes every historical state as a present-day country', () => {
    const states = loadData<{ states: (Named & { demonyms: string[] })[] }>('actors/historical-states.json').states;
    checkNamed(states.map((s) => ({ ...s, kind: 'historical-state' })), ['historical-state']);
    for (const s of states) {
      expect(s.actor, s.name).toBe(s.country);
      expect(Array.isArray(s.demonyms), s.name).toBe(true);
    }
    expect(states.find((s) => s.name === 'Soviet Union')!.actor).toBe('RUS');
  });

  it('keys country extras by ISO alpha-3 codes the package knows', () => {
    const extras = loadData<{ aliases: Record<string, string[]>; demonyms: Record<string, string[]>; capitals: Record<string, string[]>; preferred: Record<string, string> }>('entities/countries.json');
    for (const table of [extras.aliases, extras.demonyms, extras.capitals]) for (const iso of Object.keys(table)) expect(ISO3.has(iso), iso).toBe(true);
    for (const iso of Object.values(extras.preferred)) expect(ISO3.has(iso), iso).toBe(true);
  });

  it('loads the leaders file: names, countries and positions in the documented schema', () => {
    const leaders = loadLeaders();
    expect(leaders.length).toBeGreaterThan(3);
    for (const l of leaders) {
      expect(ISO3.has(l.country), `${l.name}: ${l.country}`).toBe(true);
      for (const p of l.positions) {
        expect(p.from, l.name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (p.to !== null) expect(p.to >= p.from, `${l.name}: ${p.from}..${p.to}`).toBe(true);
      }
    }
  });

  it('compiles every name into one case-sensitive matcher', () => {
    expect(gazetteer().size).toBeGreaterThan(2000);
  });

  it('splits plain gazetteer names at spaces exactly where wink would', () => {
    const heads = loadData<{ organization: Record<string, unknown>; organizationPrefixes: Record<string, unknown> }>('entities/name-heads.json');
    const phrases = [...buildGazetteerPhrases().map((p) => p.phrase), ...Object.keys(heads.organization), ...Object.keys(heads.organizationPrefixes)];
    let plain = 0;
    for (const phrase of phrases) {
      const fast = plainPhraseWords(phrase);
      if (!fast) continue;
      plain++;
      expect(fast, phrase).toEqual(tokenize(phrase).tokens.filter((t) => t.text.trim() !== '').map((t) => t.text));
    }
    expect(plain).toBeGreaterThan(5000);
  });

  it('ships the name words of the installed compromise lexicon', () => {
    const shipped = readFileSync(join(PACKAGE_ROOT, 'data', 'entities', 'name-lexicon.json'), 'utf8');
    expect(shipped).toBe(formatNameLexicon(namesFromCompromise()));
  });
});
