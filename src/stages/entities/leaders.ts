// Office holders (data/actors/leaders.json) and how a mention of one is coded.
// The publication date decides by default: inside a position (inclusive) the
// person is COUNTRY + the position's role (GOV unless the file says otherwise),
// outside every position COUNTRY + ELI. A title in the text dates the role
// itself: "prop up President Assad" talks about his presidency even in an
// article written after it ended.
import { loadData } from '../../data.js';

export interface Position {
  office: string;
  from: string;
  /** Last day in office; null while in office. */
  to: string | null;
  role?: string;
}

export interface Leader {
  name: string;
  aliases: string[];
  country: string;
  positions: Position[];
}

interface LeadersFile {
  leaders: Leader[];
}

export function loadLeaders(): Leader[] {
  return loadData<LeadersFile>('actors/leaders.json').leaders ?? [];
}

const normalizedOffices = new Map<string, string>();

/** "Acting President", "President-elect", "interim Prime Minister" hold the office they name. Offices are few: each is normalised once. */
export function normalizeOffice(office: string): string {
  let normal = normalizedOffices.get(office);
  if (normal === undefined) {
    normal = office
      .toLowerCase()
      .replace(/[-‐‑–—]/g, ' ')
      .replace(/\b(acting|interim|caretaker|elect|designate)\b/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    normalizedOffices.set(office, normal);
  }
  return normal;
}

function inPosition(p: Position, date: string): boolean {
  return p.from <= date && (p.to === null || date <= p.to);
}

export interface LeaderCoding {
  actor: string;
  /** How the code was decided: by the article's date, by a title in the text, or as a former office holder. */
  basis: 'date' | 'title' | 'former';
}

/**
 * The actor code of a leader's mention. `offices` are the normalised offices a
 * title before the mention names ('*' for any office: "leaders Putin and ...");
 * `former` marks "former President X".
 */
export function codeLeader(leader: Leader, published: string | null, offices: readonly string[] | null = null, former = false): LeaderCoding {
  const country = leader.country;
  if (former) return { actor: `${country}ELI`, basis: 'former' };
  if (offices && offices.length > 0) {
    const any = offices.includes('*');
    // Only a position taken by the publication date: "President Trump" in a 2015 article names no presidency yet.
    const held = leader.positions.filter((p) => (any || offices.includes(normalizeOffice(p.office))) && (!published || p.from <= published));
    if (held.length > 0) {
      // Prefer the position held on the publication date, then the latest one.
      const current = published ? held.find((p) => inPosition(p, published)) : undefined;
      const chosen = current ?? held[held.length - 1];
      if (!any || current) return { actor: country + (chosen.role ?? 'GOV'), basis: 'title' };
    }
  }
  const now = published
    ? leader.positions.find((p) => inPosition(p, published))
    : leader.positions.find((p) => p.to === null);
  return { actor: country + (now ? now.role ?? 'GOV' : 'ELI'), basis: 'date' };
}
