// The small word lists the recognisers consult: titles, name heads, role nouns,
// capitalised non-names, and compromise's name lexicon (compiled into
// data/entities/name-lexicon.json). Read and compiled once, on the stage's first
// run (lexicon()), not at import.
import { loadData } from '../../data.js';
import { getNlp } from '../../nlp.js';
import { once } from './lazy.js';
import { loadLeaders, normalizeOffice } from './leaders.js';
import { GatedMatcher, ORG_HEAD_GATE, ORG_PREFIX_GATE, TITLE_GATE } from './matching.js';

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

function compileTitles(file: TitlesFile): GatedMatcher<Title> {
  return new GatedMatcher<Title>(
    file.titles.flatMap((t) => {
      const office = t.office === null ? null : t.office === '*' ? '*' : normalizeOffice(t.office);
      const offices = office === null ? [] : office === '*' ? ['*'] : [office, ...t.phrases.map(normalizeOffice)];
      const value: Title = { office, offices, role: t.role };
      return t.phrases.map((phrase) => ({ phrase, value }));
    }),
    'normal',
    TITLE_GATE,
  );
}

// ---- heads and roles ---------------------------------------------------------

interface HeadsFile {
  organization: Record<string, string | null>;
  organizationPrefixes: Record<string, string | null>;
  location: string[];
  event: string[];
  connectors: string[];
}

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

export interface Lexicon {
  TITLES: GatedMatcher<Title>;
  FORMER_WORDS: Set<string>;
  /** Last words that make a name an organisation, with the role such a body plays. */
  ORG_HEADS: GatedMatcher<string | null>;
  /** First words that open an organisation's name: "Air France", "Bank of Japan". */
  ORG_PREFIXES: GatedMatcher<string | null>;
  LOCATION_HEADS: Set<string>;
  /** Last words of names of events, prizes, treaties and wars: no person, body or place. */
  EVENT_HEADS: Set<string>;
  CONNECTORS: Set<string>;
  ROLE_NOUNS: Map<string, string>;
  /** Words of a sports report, and verbs and prepositions that set two sides against each other. */
  SPORTS_WORDS: Set<string>;
  MATCH_VERBS: Set<string>;
  NON_NAMES: Set<string>;
  HINTS: Map<string, NameHint[]>;
  /**
   * Office holders' given names ("Abbas", "Masoud", "Recep") complete compromise's mostly English ones,
   * and so do given names that are also English words ("Dean", "Bill"). They count only inside a
   * longer name ("Dean Kamen"): alone, "Bill" is as likely a bill.
   */
  EXTRA_GIVEN_NAMES: Set<string>;
}

export const lexicon = once((): Lexicon => {
  const titlesFile = loadData<TitlesFile>('entities/titles.json');
  const heads = loadData<HeadsFile>('entities/name-heads.json');
  const sports = loadData<{ words: string[]; matchVerbs: string[] }>('entities/sports.json');
  return {
    TITLES: compileTitles(titlesFile),
    FORMER_WORDS: new Set(titlesFile.formerWords.map((w) => w.toLowerCase())),
    ORG_HEADS: new GatedMatcher(Object.entries(heads.organization).map(([phrase, role]) => ({ phrase, value: role })), 'text', ORG_HEAD_GATE),
    ORG_PREFIXES: new GatedMatcher(Object.entries(heads.organizationPrefixes).map(([phrase, role]) => ({ phrase, value: role })), 'text', ORG_PREFIX_GATE),
    LOCATION_HEADS: new Set(heads.location),
    EVENT_HEADS: new Set(heads.event),
    CONNECTORS: new Set(heads.connectors),
    ROLE_NOUNS: new Map(Object.entries(loadData<{ roles: Record<string, string> }>('entities/role-nouns.json').roles)),
    SPORTS_WORDS: new Set(sports.words),
    MATCH_VERBS: new Set(sports.matchVerbs),
    NON_NAMES: new Set(loadData<{ words: string[] }>('entities/non-names.json').words),
    HINTS: compromiseHints(),
    EXTRA_GIVEN_NAMES: new Set(
      [...loadLeaders().map((l) => l.name.split(' ')[0]).filter((g) => g.length > 2), ...loadData<{ names: string[] }>('entities/given-names.json').names].map((n) =>
        n.toLowerCase(),
      ),
    ),
  };
});

/** A given name opening or inside a longer name: compromise's, office holders', or an English word used as one. */
export function isGivenName(word: string): boolean {
  const { EXTRA_GIVEN_NAMES, HINTS } = lexicon();
  const lower = word.toLowerCase();
  return EXTRA_GIVEN_NAMES.has(lower) || (HINTS.get(lower)?.includes('first-name') ?? false);
}

const NO_HINTS: readonly NameHint[] = [];

/** compromise's name classes for a word or a whole name (lower-cased lookup). */
export function nameHints(text: string): readonly NameHint[] {
  return lexicon().HINTS.get(text.toLowerCase()) ?? NO_HINTS;
}

// ---- wink's own vocabulary ------------------------------------------------------------

/**
 * wink's lexicon holds ~87,600 English words. A capitalised word outside it
 * ("Araghchi", "Cheuk-ting") is more likely a name than one inside it ("Shuttle",
 * "Store", "Unless"). A document's isOOV() looks the word up without adding it.
 */
const vocabulary = once(() => getNlp().readDoc(''));

export function isCommonWord(word: string): boolean {
  return !vocabulary().isOOV(word.toLowerCase());
}
