import nlp from 'compromise';
import countries from 'world-countries';
import { describe, expect, it } from 'vitest';
import { loadData } from '../src/data.js';

interface Position {
  office: string;
  from: string;
  to: string | null;
  role?: string;
}
interface Leader {
  name: string;
  aliases: string[];
  country: string;
  positions: Position[];
}

const { leaders } = loadData<{ leaders: Leader[] }>('actors/leaders.json');
const ISO3 = new Set(countries.map((c) => c.cca3));
const CAMEO_ROLES = new Set(['GOV', 'MIL', 'OPP', 'REB', 'ELI', 'LEG', 'JUD', 'SPY', 'PTY']);

/** Offices a head of state or of government holds (the coverage checks count only these). */
const HEAD_OFFICE =
  /^(Acting |Interim )?(President|Prime Minister|Premier|Chancellor|King|Queen|Emperor|Emir|Sultan|Supreme Leader|Head of State|Chief Adviser|State Counsellor|De facto Leader|Leader|Chairman|General Secretary|First Secretary)\b/;

/** Words compromise's lexicon knows as something other than a person's name are common words. */
const NAME_TAGS = new Set(['Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName']);
const LEXICON = nlp.model().one.lexicon as Record<string, string | string[] | undefined>;
/** Common words that are also leaders' surnames and that the lexicon happens to lack. */
const MORE_COMMON_WORDS = new Set(['bush', 'fox', 'moon', 'horn', 'borne', 'hijab', 'hope', 'rice', 'sharon', 'will']);

function isCommonWord(alias: string): boolean {
  const word = alias.toLowerCase();
  if (MORE_COMMON_WORDS.has(word)) return true;
  const tags = LEXICON[word];
  if (tags === undefined) return false;
  return (Array.isArray(tags) ? tags : [tags]).some((t) => !NAME_TAGS.has(t));
}

function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

const inOffice = (p: Position, day: string) => p.from <= day && (p.to === null || day <= p.to);
/** A head-of-state or head-of-government position, coded as the government (not a rebel or army leader). */
const isHead = (p: Position) => HEAD_OFFICE.test(p.office) && (p.role ?? 'GOV') === 'GOV';
const END = '9999-12-31';

/**
 * The last word of a full name, with a particle kept ("bin Mubarak", "de Klerk") and Arabic
 * compound names whole ("Abdul Ghani" is one name, not a surname "Ghani").
 */
function surname(fullName: string): string {
  const words = fullName.split(/\s+/);
  const last = words.at(-1)!;
  const before = words.at(-2);
  const joins = before && (/^(bin|ibn|bint|de|van|von|da|di|del|la|le|al|el)$/.test(before) || /^(abdul|abdel|abd|abu|abou)$/i.test(before));
  return joins ? `${before} ${last}` : last;
}

describe('leaders data', () => {
  it('gives every entry a name, a known ISO alpha-3 country and at least one position', () => {
    expect(leaders.length).toBeGreaterThan(0);
    for (const l of leaders) {
      expect(l.name.trim(), JSON.stringify(l)).not.toBe('');
      expect(ISO3.has(l.country), `${l.name}: country ${l.country}`).toBe(true);
      expect(l.positions.length, l.name).toBeGreaterThan(0);
    }
  });

  it('keeps aliases distinct within an entry, different from the name, and not common English words', () => {
    for (const l of leaders) {
      const seen = new Set([l.name.toLowerCase()]);
      for (const a of l.aliases) {
        expect(a.trim(), `${l.name}: blank alias`).toBe(a);
        expect(a, `${l.name}: empty alias`).not.toBe('');
        expect(seen.has(a.toLowerCase()), `${l.name}: repeated alias ${a}`).toBe(false);
        seen.add(a.toLowerCase());
        expect(isCommonWord(a), `${l.name}: alias "${a}" is a common English word`).toBe(false);
      }
    }
  });

  it('never lets one surface form (name or alias) point at two entries', () => {
    const owner = new Map<string, string>();
    for (const l of leaders) {
      for (const form of [l.name, ...l.aliases]) {
        const key = form.toLowerCase();
        const other = owner.get(key);
        expect(other === undefined || other === l.name, `"${form}" is shared by ${other} and ${l.name}`).toBe(true);
        owner.set(key, l.name);
      }
    }
  });

  it('gives a bare surname to no leader when another listed leader has that surname', () => {
    // Kept from the schema's first entries: since 2000, news means Bashar by a bare "Assad";
    // his father Hafez is named in full.
    const allowed = new Set(['Bashar al-Assad:Assad', 'Bashar al-Assad:al-Assad']);
    const surnames = new Map<string, Set<string>>();
    for (const l of leaders) {
      for (const form of [l.name, ...l.aliases].filter((f) => /\s/.test(f))) {
        const s = surname(form).toLowerCase();
        if (!surnames.has(s)) surnames.set(s, new Set());
        surnames.get(s)!.add(l.name);
      }
    }
    for (const l of leaders) {
      for (const a of l.aliases.filter((f) => !/\s/.test(f))) {
        const others = [...(surnames.get(a.toLowerCase()) ?? [])].filter((n) => n !== l.name);
        if (allowed.has(`${l.name}:${a}`)) continue;
        expect(others, `bare "${a}" of ${l.name} is also the surname of ${others.join(', ')}`).toEqual([]);
      }
    }
  });

  it('has valid calendar dates, from <= to, positions sorted by start, and no overlap within one office', () => {
    for (const l of leaders) {
      let previousFrom = '';
      const lastEndByOffice = new Map<string, string>();
      for (const p of l.positions) {
        expect(p.office.trim(), l.name).not.toBe('');
        expect(isCalendarDate(p.from), `${l.name}: from ${p.from}`).toBe(true);
        if (p.to !== null) {
          expect(isCalendarDate(p.to), `${l.name}: to ${p.to}`).toBe(true);
          expect(p.from <= p.to, `${l.name}: ${p.from} > ${p.to}`).toBe(true);
        }
        expect(p.from >= previousFrom, `${l.name}: positions not sorted`).toBe(true);
        previousFrom = p.from;
        const lastEnd = lastEndByOffice.get(p.office);
        expect(lastEnd === undefined || lastEnd < p.from, `${l.name}: overlapping ${p.office} terms`).toBe(true);
        lastEndByOffice.set(p.office, p.to ?? END);
        if (p.role !== undefined) expect(CAMEO_ROLES.has(p.role), `${l.name}: role ${p.role}`).toBe(true);
      }
    }
  });

  it('dates nothing after 2026-11-28, the day the data describes', () => {
    for (const l of leaders) for (const p of l.positions) {
      expect(p.from <= '2026-11-28', `${l.name}: from ${p.from}`).toBe(true);
      if (p.to !== null) expect(p.to <= '2026-11-28', `${l.name}: to ${p.to}`).toBe(true);
    }
  });

  it('has one holder at a time per office and country, successors starting on the handover day at the earliest', () => {
    const terms = new Map<string, { name: string; from: string; to: string }[]>();
    for (const l of leaders) for (const p of l.positions) {
      const key = `${l.country} ${p.office}`;
      if (!terms.has(key)) terms.set(key, []);
      terms.get(key)!.push({ name: l.name, from: p.from, to: p.to ?? END });
    }
    for (const [key, list] of terms) {
      list.sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
      for (let i = 1; i < list.length; i++) {
        const [a, b] = [list[i - 1], list[i]];
        expect(a.to <= b.from, `${key}: ${a.name} (to ${a.to}) overlaps ${b.name} (from ${b.from})`).toBe(true);
      }
    }
  });

  it('orders entries by country code, then by the start of their first position', () => {
    for (let i = 1; i < leaders.length; i++) {
      const [a, b] = [leaders[i - 1], leaders[i]];
      const ordered = a.country < b.country || (a.country === b.country && a.positions[0].from <= b.positions[0].from);
      expect(ordered, `${a.name} (${a.country}) before ${b.name} (${b.country})`).toBe(true);
    }
  });

  it('covers at least 60 countries with a head of state or government', () => {
    const covered = new Set(leaders.filter((l) => l.positions.some(isHead)).map((l) => l.country));
    expect(covered.size).toBeGreaterThanOrEqual(60);
  });

  it('has someone in a head office in every listed country on 2025-01-17, the seed article date', () => {
    const countriesListed = new Set(leaders.map((l) => l.country));
    for (const c of countriesListed) {
      const holders = leaders.filter((l) => l.country === c && l.positions.some((p) => isHead(p) && inOffice(p, '2025-01-17')));
      expect(holders.length, `${c}: nobody in office on 2025-01-17`).toBeGreaterThan(0);
    }
  });

  it('lists the leaders of the seed article in office on its date', () => {
    const byName = (n: string) => leaders.find((l) => l.name === n)!;
    expect(byName('Vladimir Putin').positions.some((p) => p.office === 'President' && inOffice(p, '2025-01-17'))).toBe(true);
    expect(byName('Masoud Pezeshkian').positions.some((p) => p.office === 'President' && inOffice(p, '2025-01-17'))).toBe(true);
    expect(byName('Ali Khamenei').positions.some((p) => p.office === 'Supreme Leader' && inOffice(p, '2025-01-17'))).toBe(true);
    expect(byName('Joe Biden').positions.some((p) => p.office === 'President' && inOffice(p, '2025-01-17'))).toBe(true);
    expect(byName('Donald Trump').positions.some((p) => p.office === 'President-elect' && inOffice(p, '2025-01-17'))).toBe(true);
  });
});
