// The small word lists the recognisers consult, compiled once: titles, name
// heads, role nouns, capitalised non-names, and compromise's name lexicon
// (compiled into data/entities/name-lexicon.json).
import { loadData } from '../../data.js';
import { nlp as wink } from '../../nlp.js';
import { PhraseMatcher } from '../../lexicon/phrases.js';
import { loadLeaders, normalizeOffice } from './leaders.js';

// ---- titles -------------------------------------------------------------------

export interface Title {
  /** Normalised office the title names ('*': any office), null for honorifics. */
  office: string | null;
  /** Normalised forms a leaders.json office may take for this title ("king" for a Monarch title). */
  offices: string[];
  /** CAMEO role for a person the leaders list does not know; null when the title says none. */
  role: string | null;
}

interface TitlesFile {
  formerWords: string[];
  titles: { phrases: string[]; office: string | null; role: string | null }[];
}

const titlesFile = loadData<TitlesFile>('entities/titles.json');

export const TITLES = new PhraseMatcher<Title>(
  titlesFile.titles.flatMap((t) => {
    const office = t.office === null ? null : t.office === '*' ? '*' : normalizeOffice(t.office);
    const offices = office === null ? [] : office === '*' ? ['*'] : [office, ...t.phrases.map(normalizeOffice)];
    const value: Title = { office, offices, role: t.role };
    return t.phrases.map((phrase) => ({ phrase, value }));
  }),
  'normal',
);

export const FORMER_WORDS = new Set(titlesFile.formerWords.map((w) => w.toLowerCase()));

// ---- heads and roles ---------------------------------------------------------

interface HeadsFile {
  organization: Record<string, string | null>;
  organizationPrefixes: Record<string, string | null>;
  location: string[];
  event: string[];
  connectors: string[];
}

const heads = loadData<HeadsFile>('entities/name-heads.json');

/** Last words that make a name an organisation, with the role such a body plays. */
export const ORG_HEADS = new PhraseMatcher<string | null>(
  Object.entries(heads.organization).map(([phrase, role]) => ({ phrase, value: role })),
  'text',
);
/** First words that open an organisation's name: "Air France", "Bank of Japan". */
export const ORG_PREFIXES = new PhraseMatcher<string | null>(
  Object.entries(heads.organizationPrefixes).map(([phrase, role]) => ({ phrase, value: role })),
  'text',
);
export const LOCATION_HEADS = new Set(heads.location);
/** Last words of names of events, prizes, treaties and wars: no person, body or place. */
export const EVENT_HEADS = new Set(heads.event);
export const CONNECTORS = new Set(heads.connectors);

export const ROLE_NOUNS = new Map(Object.entries(loadData<{ roles: Record<string, string> }>('entities/role-nouns.json').roles));

const sports = loadData<{ words: string[]; matchVerbs: string[] }>('entities/sports.json');
/** Words of a sports report, and verbs and prepositions that set two sides against each other. */
export const SPORTS_WORDS = new Set(sports.words);
export const MATCH_VERBS = new Set(sports.matchVerbs);

export const NON_NAMES = new Set(loadData<{ words: string[] }>('entities/non-names.json').words);

// ---- compromise's name lexicon -------------------------------------------------

export type NameHint = 'first-name' | 'last-name' | 'person' | 'city' | 'place' | 'organization';

/**
 * compromise knows ~3,000 first names, ~900 surnames, cities, regions and
 * organisations. Its tagger costs ~0.7 ms a call and loading it ~0.3 s, so only
 * its name words are read, from data compiled out of it
 * (name-lexicon-source.ts), and looked up word by word on candidate names.
 */
function compromiseHints(): Map<string, NameHint[]> {
  const file = loadData<{ hints: Record<NameHint, string[]> }>('entities/name-lexicon.json');
  const hints = new Map<string, NameHint[]>();
  for (const [hint, words] of Object.entries(file.hints) as [NameHint, string[]][]) {
    for (const word of words) {
      const list = hints.get(word);
      if (list) list.push(hint);
      else hints.set(word, [hint]);
    }
  }
  return hints;
}

const HINTS = compromiseHints();

// Office holders' given names ("Abbas", "Masoud", "Recep") complete compromise's mostly English ones,
// and so do given names that are also English words ("Dean", "Bill"). They count only inside a
// longer name ("Dean Kamen"): alone, "Bill" is as likely a bill.
const EXTRA_GIVEN_NAMES = new Set(
  [...loadLeaders().map((l) => l.name.split(' ')[0]).filter((g) => g.length > 2), ...loadData<{ names: string[] }>('entities/given-names.json').names].map((n) =>
    n.toLowerCase(),
  ),
);

/** A given name opening or inside a longer name: compromise's, office holders', or an English word used as one. */
export function isGivenName(word: string): boolean {
  const lower = word.toLowerCase();
  return EXTRA_GIVEN_NAMES.has(lower) || (HINTS.get(lower)?.includes('first-name') ?? false);
}

/** compromise's name classes for a word or a whole name (lower-cased lookup). */
export function nameHints(text: string): readonly NameHint[] {
  return HINTS.get(text.toLowerCase()) ?? [];
}

// ---- wink's own vocabulary ------------------------------------------------------------

/**
 * wink's lexicon holds ~87,600 English words. A capitalised word outside it
 * ("Araghchi", "Cheuk-ting") is more likely a name than one inside it ("Shuttle",
 * "Store", "Unless"). A document's isOOV() looks the word up without adding it.
 */
const VOCABULARY = wink.readDoc('');

export function isCommonWord(word: string): boolean {
  return !VOCABULARY.isOOV(word.toLowerCase());
}
