// Parsers: each finds one kind of name and returns candidates. The gazetteer
// parser runs first (known names); the name-run parser then reads the
// capitalised runs around and between them, types unknown names from titles,
// head words and compromise's name lexicon, and absorbs known names that turn
// out to be parts of longer ones ("Iranian Foreign Ministry").
import { datedActor, gazetteer, type GazetteerEntry } from './gazetteer.js';
import { isGivenName, isCommonWord, nameHints } from './lexicon.js';
import { keysOf } from './matching.js';
import { NAME_WORD, ORG_HEAD_START, ORG_PREFIX_START, SHOUTED, STOPPED, isAcronym, isShouted, type NameToken } from './tokens.js';
import { isSentenceInitial, makeCandidate, spanText, type Candidate, type Context, type Evidence, type TitleUse } from './context.js';
import type { EntityType } from '../../article.js';

export interface Parser {
  name: string;
  extract(ctx: Context): Candidate[];
}

// ---- known names ----------------------------------------------------------------


const gazetteerRules = new Map<string, string>();

/** "gazetteer:country": the rule of a known name, one string per source. */
function gazetteerRule(source: string): string {
  let rule = gazetteerRules.get(source);
  if (rule === undefined) gazetteerRules.set(source, (rule = `gazetteer:${source}`));
  return rule;
}

/** A gazetteer entry found over tokens [first, last), ending at offset `end`; `source` names the rule. */
function knownCandidate(ctx: Context, entry: GazetteerEntry, first: number, last: number, end: number, source: string): Candidate {
  return makeCandidate({
    first,
    last,
    start: ctx.tokens[first].start,
    end,
    key: entry.key,
    name: entry.name,
    type: entry.type,
    kind: entry.kind,
    actor: datedActor(entry, ctx.published),
    country: entry.country,
    rule: gazetteerRule(source),
    evidence: 'known',
    entry,
  });
}

export const gazetteerParser: Parser = {
  name: 'gazetteer',
  extract(ctx) {
    const out: Candidate[] = [];
    gazetteer().findEach(ctx.tokens, ctx.gazetteerStarts, ctx.gazetteerWords, ctx.sentences, (hits, last) => {
      // Every entry of the longest phrase at a position is a hit; one phrase, one entry:
      // the highest-priority one (the first listed on ties).
      let entry: GazetteerEntry = hits[0].value;
      for (let h = 1; h < hits.length && hits[h].end === last; h++) if (hits[h].value.priority > entry.priority) entry = hits[h].value;
      let first = hits[0].first;
      // "the Kremlin": the article is matched but is no part of the name.
      if (last - first > 1 && (ctx.tokens[first].text === 'the' || ctx.tokens[first].text === 'The')) first++;
      out.push(knownCandidate(ctx, entry, first, last, ctx.tokens[last - 1].end, entry.source));
    });
    if (ctx.anyFlags & SHOUTED) out.push(...shoutedNames(ctx, out));
    if (ctx.anyFlags & STOPPED) out.push(...namesBeforeFullStop(ctx, out));
    out.sort((a, b) => a.start - b.start);
    out.forEach((c, k) => {
      for (let i = c.first; i < c.last; i++) ctx.knownAt[i] = k;
    });
    ctx.known = out;
    return out;
  },
};

/**
 * Headlines and datelines in capitals ("IRAN WARNS ISRAEL", "KYIV, Ukraine (AP)"):
 * words of four or more capitals are looked up again as "Iran", "Kyiv". Shorter
 * ones stay as written: "US", "UN" and "NATO" are matched as they are.
 */
function shoutedNames(ctx: Context, found: readonly Candidate[]): Candidate[] {
  const shouted = (i: number) => (ctx.flags[i] & SHOUTED) !== 0;
  return lookUpAgain(ctx, found, shouted, shoutedAsWritten, () => true, (first, end) => {
    for (let i = first; i < end; i++) if (shouted(i)) return '+capitals';
    return null;
  });
}

function shoutedAsWritten(t: NameToken): NameToken {
  return { ...t, text: t.text[0] + t.text.slice(1).toLowerCase() };
}

/**
 * "in LA.": wink keeps a full stop on a short capitalised word it takes for an
 * abbreviation ("La."). A known name ending there is looked up without the stop,
 * and its mention ends before it.
 */
function namesBeforeFullStop(ctx: Context, found: readonly Candidate[]): Candidate[] {
  const stopped = (i: number) => (ctx.flags[i] & STOPPED) !== 0;
  // A known name must end on the word without its stop: "Oct." ends none.
  const endsName = (i: number) => gazetteer().mayEnd(keysOf(withoutStop(ctx.tokens[i])).text);
  return lookUpAgain(ctx, found, stopped, withoutStop, endsName, (_first, end) => (stopped(end - 1) ? '' : null));
}

function withoutStop(t: NameToken): NameToken {
  return { ...t, text: t.text.slice(0, -1), end: t.end - 1 };
}

/**
 * Runs the gazetteer again over the sentences holding odd tokens, each odd token
 * rewritten; keeps the hits on tokens no known name covers that `accept` allows
 * (it returns the rule's suffix, or null to refuse). Every accepted hit holds an
 * odd token that no known name covers and that `matters`, so only sentences
 * with such a token are read again.
 */
function lookUpAgain(
  ctx: Context,
  found: readonly Candidate[],
  odd: (i: number) => boolean,
  rewrite: (t: NameToken) => NameToken,
  matters: (i: number) => boolean,
  accept: (first: number, end: number) => string | null,
): Candidate[] {
  const covered = new Uint8Array(ctx.tokens.length);
  for (const c of found) covered.fill(1, c.first, c.last);
  const out: Candidate[] = [];
  let done = -1;
  for (const w of ctx.oddWords) {
    const s = ctx.sentences[ctx.tokens[w].sentence];
    if (s.index <= done || !odd(w) || covered[w] === 1 || !matters(w)) continue;
    done = s.index;
    const view: NameToken[] = [];
    const keys: string[] = [];
    for (let i = s.first; i < s.last; i++) {
      if (odd(i)) {
        const t = rewrite(ctx.tokens[i]);
        view.push(t);
        keys.push(keysOf(t).text);
      } else {
        view.push(ctx.tokens[i]);
        keys.push(keysOf(ctx.tokens[i]).text);
      }
    }
    for (const hit of gazetteer().findAll(view, keys)) {
      const first = hit.first + s.first;
      const end = hit.end + s.first;
      if (covered.subarray(first, end).some((x) => x === 1)) continue;
      const suffix = accept(first, end);
      if (suffix === null || (out.length > 0 && out[out.length - 1].first === first)) continue;
      const entry = hit.value;
      out.push(knownCandidate(ctx, entry, first, end, view[hit.end - 1].end, entry.source + suffix));
    }
  }
  return out;
}

// ---- capitalised runs ---------------------------------------------------------------

/** Particles inside personal names: "Bashar al-Assad", "Ursula von der Leyen", "Mohammed bin Salman". */
const NAME_PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'abu', 'de', 'del', 'da', 'di', 'du', 'des', 'la', 'le', 'van', 'von', 'der', 'den', 'ter', 'dos']);
/** Words that join a head to its complement: "Ministry of Foreign Affairs", "Gulf of Aden". */
const HEAD_CONNECTORS = new Set(['of', 'for', 'on', 'and', 'the', '&']);
/** The kind of a body from the role its head word gives it. */
const KIND_OF_ROLE: Record<string, string> = {
  GOV: 'government', MIL: 'military', LEG: 'legislature', JUD: 'judiciary', PTY: 'party', OPP: 'party', COP: 'agency', SPY: 'agency',
  REB: 'militant', MED: 'media', BUS: 'company', NGO: 'ngo', EDU: 'education', REL: 'religious', HLH: 'health',
};
const SPEECH_VERBS = new Set(['said', 'says', 'told', 'added', 'stated', 'wrote', 'announced', 'tweeted', 'posted', 'argued', 'warned', 'insisted', 'declared', 'noted', 'explained', 'asked', 'replied']);
const LOCATIVE = new Set(['in', 'at', 'near', 'outside', 'across', 'throughout', 'inside', 'around']);

/** Token i can be (part of) a name (tokens.ts: isNameWord, computed once per article). */
function isNameWord(ctx: Context, i: number): boolean {
  return (ctx.flags[i] & NAME_WORD) !== 0;
}

function isHeadWord(ctx: Context, i: number): boolean {
  const t = ctx.tokens[i];
  return ctx.lex.LOCATION_HEADS.has(t.text) || ctx.lex.ORG_HEADS.matchAtFlagged(ctx.tokens, ctx.flags, ORG_HEAD_START, i, i + 1).length > 0;
}

/** An organisation head ending the run at `last` (exclusive): its role and where it starts. */
function orgHeadAt(ctx: Context, first: number, last: number): { role: string | null; from: number } | null {
  for (let from = Math.max(first, last - 3); from < last; from++) {
    const hit = ctx.lex.ORG_HEADS.matchAtFlagged(ctx.tokens, ctx.flags, ORG_HEAD_START, from, last).find((h) => h.end === last);
    if (hit) return { role: hit.value, from };
  }
  return null;
}

/** Inside a run: a name word, or a particle or connector with a name word after it. */
function continuesRun(ctx: Context, i: number, last: number): boolean {
  const t = ctx.tokens[i];
  if (ctx.inDate[i]) return false;
  if (isNameWord(ctx, i) && !titleCovers(ctx, i)) return true;
  const next = i + 1 < last ? ctx.tokens[i + 1] : undefined;
  if (!next) return false;
  const prev = ctx.tokens[i - 1];
  // "Jean-Yves", "al-Assad": a hyphen glued on both sides; not between two known names ("U.S.-Iran").
  if (t.text === '-' && prev && prev.end === t.start && t.end === next.start) {
    const knownBoth = ctx.knownAt[i - 1] >= 0 || ctx.knownAt[i + 1] >= 0;
    return !knownBoth && (isNameWord(ctx, i + 1) || NAME_PARTICLES.has(prev.text));
  }
  // "bin Salman", "von der Leyen": particles, one or two, then a name word.
  if (NAME_PARTICLES.has(t.text)) {
    const after = NAME_PARTICLES.has(next.text) && i + 2 < last ? i + 2 : i + 1;
    if (isNameWord(ctx, after) || ctx.tokens[after].text === '-') return true;
  }
  if (HEAD_CONNECTORS.has(t.text) && ctx.lex.CONNECTORS.has(t.text.toLowerCase()) || t.text === '&') {
    // Only after a head word: "Bank of England", never "Russia and Iran".
    let j = i - 1;
    while (j >= 0 && (ctx.tokens[j].text === 'the' || ctx.tokens[j].text === 'of' || ctx.tokens[j].text === 'for')) j--;
    if (t.text === '&') return isNameWord(ctx, i - 1) && isNameWord(ctx, i + 1);
    return j >= 0 && j < i && isHeadWord(ctx, j) && (isNameWord(ctx, i + 1) || (next.text === 'the' && i + 2 < last && isNameWord(ctx, i + 2)));
  }
  return false;
}

function titleCovers(ctx: Context, i: number): boolean {
  if (ctx.knownAt[i] >= 0) return false; // a known name wins over a title word ("General Dynamics")
  return ctx.inTitle[i] === 1;
}

/** The title written right before token `i`, with "former" and plural coordination handled. */
export function titleUseBefore(ctx: Context, i: number, previous: Map<number, TitleUse>): TitleUse | undefined {
  const hit = ctx.titleBefore.get(i);
  if (hit) {
    let j = hit.first - 1;
    if (j >= 0 && ctx.tokens[j].text === '-') j--; // "ex-President"
    const former = j >= 0 && /^(former|ex|late|then|outgoing|ousted|deposed|toppled|exiled|erstwhile)$/i.test(ctx.tokens[j].text);
    return { title: hit.value, first: hit.first, last: hit.end, former };
  }
  // "leaders Putin and Pezeshkian": a plural title covers the names coordinated after it.
  const t = ctx.tokens[i - 1];
  if (t && (t.text === 'and' || t.text === ',')) {
    const before = previous.get(i - 1);
    if (before && /s$/i.test(spanText(ctx, before.first, before.last))) return before;
  }
  return undefined;
}

interface Typing {
  type: EntityType;
  kind: string;
  evidence: Evidence;
  rule: string;
  actor?: string | null;
  country?: string | null;
  role?: string | null;
}

/** Country of the first known country, demonym, capital or place inside a run. */
function countryInside(ctx: Context, first: number, last: number): string | null {
  for (let i = first; i < last; i++) {
    const k = ctx.knownAt[i];
    if (k >= 0 && ctx.known[k].country) return ctx.known[k].country;
  }
  return null;
}

/** A person's initials: "K.C.", "J.R.R." */
const INITIALS = /^(\p{Lu}\.){1,3}$/u;

/** A capital after a lower-case letter, other than in Mc/Mac/O' surnames and "-" compounds. */
const INNER_CAPITAL = /^(?!Mc|Mac|O['’])\p{Lu}?[\p{Ll}]+\p{Lu}/u;

function isPersonalName(word: string): boolean {
  const hints = nameHints(word);
  return isGivenName(word) || hints.includes('last-name');
}

/** Types an unknown name from what the text and the lexicons say about it; null: not a name. */
function typeName(ctx: Context, first: number, last: number, title: TitleUse | undefined): Typing | null {
  const firstToken = ctx.tokens[first];
  const lastToken = ctx.tokens[last - 1];
  const words: NameToken[] = [];
  for (let i = first; i < last; i++) if (isNameWord(ctx, i)) words.push(ctx.tokens[i]);
  if (words.length === 0) return null;
  const { NON_NAMES, LOCATION_HEADS } = ctx.lex;
  const text = spanText(ctx, first, last);
  if (NON_NAMES.has(text) || words.every((w) => NON_NAMES.has(w.text))) return null;
  const single = last - first === 1;
  // "Worldwide Developers Conference", "World Cup", "Clean Air Act": an event, a prize, a law.
  if (!single && ctx.lex.EVENT_HEADS.has(lastToken.text)) return null;
  // "Adam Air Flight 574", "Windows 10", "Apollo 11": a name with a number after it is a flight, a product or a mission.
  const after = ctx.tokens[last];
  if (after && after.sentence === firstToken.sentence && after.start === lastToken.end + 1 && /^\d+$/.test(after.text) && !ctx.inDate[last] && !title) return null;
  const head = orgHeadAt(ctx, first, last) ?? headOfConstruction(ctx, first, last);
  // A head on its own is a common noun ("Parliament", "the Ministry"), unless it names a body the
  // article has named in full: "the Church" after "the Church of Scientology" (refine.ts: bareHeads).
  if (head && head.from === first && (single || last - first <= 2) && !isAcronym(text)) {
    if (!countryInside(ctx, first, last)) {
      const before = ctx.tokens[first - 1];
      if (single && before && before.normal === 'the' && before.sentence === ctx.tokens[first].sentence) {
        return { type: 'ORGANIZATION', kind: 'organization', evidence: 'unconfirmed', rule: 'name:bare-head', role: head.role };
      }
      return null;
    }
  }
  if (title) {
    // "Chief Operating Officer": one ordinary word after a title is no name unless it is a known given or family name.
    // An honorific always takes a surname: "Mr Key", "Professor Burrows".
    if (single && title.title.office !== null && isCommonWord(text) && nameHints(text).length === 0) return null;
    return { type: 'PERSON', kind: 'person', evidence: 'signal', rule: title.title.office === null ? 'name:honorific' : 'name:title' };
  }
  if (head) {
    const country = countryInside(ctx, first, last);
    return {
      type: 'ORGANIZATION',
      kind: (head.role && KIND_OF_ROLE[head.role]) || 'organization',
      evidence: 'signal',
      rule: 'name:org-head',
      country,
      actor: country && head.role ? country + head.role : null,
      role: head.role,
    };
  }
  const lastWord = lastToken.text;
  if (!single && (LOCATION_HEADS.has(lastWord) || locationHeadOf(ctx, first, last))) {
    const country = countryInside(ctx, first, last);
    return { type: 'LOCATION', kind: 'place', evidence: 'signal', rule: 'name:location-head', country, actor: country };
  }
  const whole = nameHints(text.replace(/\s+/g, ' '));
  if (whole.includes('person')) return { type: 'PERSON', kind: 'person', evidence: 'signal', rule: 'name:person-lexicon' };
  if (whole.includes('city') || whole.includes('place')) return { type: 'LOCATION', kind: whole.includes('city') ? 'city' : 'place', evidence: 'signal', rule: 'name:place-lexicon' };
  if (whole.includes('organization')) return { type: 'ORGANIZATION', kind: 'organization', evidence: 'signal', rule: 'name:org-lexicon' };
  if (!single) {
    const lastHints = nameHints(words[words.length - 1].text);
    if (isGivenName(words[0].text) || /^\p{Lu}\.$/u.test(words[1]?.text ?? '')) return { type: 'PERSON', kind: 'person', evidence: 'signal', rule: 'name:first-name' };
    if (lastHints.includes('last-name') && words.length <= 3) return { type: 'PERSON', kind: 'person', evidence: 'signal', rule: 'name:last-name' };
  }
  if (single && isAcronym(text)) {
    // "GB", "OS", "UNLESS", "US$": two letters, symbols or a shouted word are no organisation.
    const letters = text.replace(/[^\p{L}]/gu, '');
    if (letters.length < 3 || /[^\p{L}.&]/u.test(text) || isShouted(text)) return null;
    return { type: 'ORGANIZATION', kind: 'organization', evidence: 'signal', rule: 'name:acronym' };
  }
  const next = ctx.tokens[last];
  if (next && SPEECH_VERBS.has(next.normal) && next.sentence === firstToken.sentence) {
    return { type: single ? 'PERSON' : 'PERSON', kind: 'person', evidence: single ? 'weak' : 'signal', rule: 'name:speaker' };
  }
  const prev = ctx.tokens[first - 1];
  if (prev && LOCATIVE.has(prev.normal) && prev.sentence === firstToken.sentence) return { type: 'LOCATION', kind: 'place', evidence: 'weak', rule: 'name:locative' };
  if (single) {
    const hints = nameHints(text);
    if (hints.includes('city') || hints.includes('place')) return { type: 'LOCATION', kind: 'place', evidence: 'weak', rule: 'name:place-lexicon' };
    if (hints.includes('organization')) return { type: 'ORGANIZATION', kind: 'organization', evidence: 'weak', rule: 'name:org-lexicon' };
    if (hints.includes('last-name') || hints.includes('first-name')) return { type: 'PERSON', kind: 'person', evidence: 'signal', rule: 'name:name-lexicon' };
    // "the Beatles", "the Sandinistas": an unknown plural name after "the" is a group.
    const before = ctx.tokens[first - 1];
    if (before && before.normal === 'the' && /\p{Ll}s$/u.test(text) && !isCommonWord(text) && !isCommonWord(text.slice(0, -1))) {
      return { type: 'ORGANIZATION', kind: 'organization', evidence: 'weak', rule: 'name:group' };
    }
    // A lone capitalised word with no other evidence (a product, a ship, a team: "Polaroid",
    // "Freewinds") is kept only if the article confirms it elsewhere.
    return { type: 'ORGANIZATION', kind: 'organization', evidence: 'unconfirmed', rule: 'name:capitalised' };
  }
  // An acronym or a word with capitals inside ("PlayStation VR", "UNC Greensboro", "YouTube Live")
  // is no part of a person's name ("McDonnell", "MacArthur" and "O'Brien" are).
  if (words.some((w) => (isAcronym(w.text) && !INITIALS.test(w.text)) || INNER_CAPITAL.test(w.text))) return { type: 'ORGANIZATION', kind: 'organization', evidence: 'unconfirmed', rule: 'name:brand' };
  // Words English does not know ("Cheuk-ting", "Devocht") are most often a person's name, and so
  // is a run of such words and known given or family names ("Manju Sam");
  // a run of ordinary words ("Space Shuttle", "Music Store") names a thing or an event.
  const unknown = words.filter((w) => !isCommonWord(w.text.replace(/['’]s$/, '')));
  if (unknown.length === words.length) return { type: 'PERSON', kind: 'person', evidence: 'signal', rule: 'name:unknown-words' };
  if (unknown.length > 0 && words.every((w) => unknown.includes(w) || isPersonalName(w.text))) return { type: 'PERSON', kind: 'person', evidence: 'signal', rule: 'name:unknown-words' };
  return { type: 'PERSON', kind: 'person', evidence: 'unconfirmed', rule: 'name:capitalised' };
}

/** "Ministry of Foreign Affairs", "University of Tehran": a head before "of"/"for". */
function headOfConstruction(ctx: Context, first: number, last: number): { role: string | null; from: number } | null {
  for (let i = first + 1; i < last - 1; i++) {
    if (ctx.tokens[i].text !== 'of' && ctx.tokens[i].text !== 'for') continue;
    const head = orgHeadAt(ctx, first, i);
    if (head) return head;
  }
  return null;
}

function locationHeadOf(ctx: Context, first: number, last: number): boolean {
  for (let i = first + 1; i < last - 1; i++) {
    if (ctx.tokens[i].text === 'of' && ctx.lex.LOCATION_HEADS.has(ctx.tokens[i - 1].text)) return true;
  }
  return false;
}

/** A key for an unknown name: the same written name is the same entity. */
function nameKey(type: EntityType, text: string): string {
  return `${type.toLowerCase()}:${text.replace(/\s+/g, ' ').replace(/['’]s$/, '')}`;
}

export const nameRunParser: Parser = {
  name: 'name-run',
  extract(ctx) {
    const out: Candidate[] = [];
    const titled = new Map<number, TitleUse>();
    // A run starts at a name word (no date, no title word) and continues while continuesRun() says so.
    const starts = ctx.nameWords;
    let p = 0;
    for (const s of ctx.sentences) {
      const headline = ctx.headline[s.index];
      let next = s.first;
      for (; p < starts.length && starts[p] < s.last; p++) {
        const i = starts[p];
        if (i < next || ctx.inDate[i] || titleCovers(ctx, i)) continue;
        let j = i + 1;
        while (j < s.last && continuesRun(ctx, j, s.last)) j++;
        // A run never ends on a connector or particle.
        while (j > i + 1 && !isNameWord(ctx, j - 1)) j--;
        for (const c of readRun(ctx, i, j, headline, titled)) out.push(c);
        next = j;
      }
    }
    return out;
  },
};

const NONE: readonly Candidate[] = Object.freeze([]);

/**
 * One capitalised run: entirely known names stay as the gazetteer found them; a
 * run with a head word is one organisation or place; a known leader with extra
 * given names grows to cover them; a known country or demonym before an unknown
 * name stays a mention of its own and the rest is typed as a new name.
 */
function readRun(ctx: Context, first: number, last: number, headline: boolean, titled: Map<number, TitleUse>): readonly Candidate[] {
  // Known names in the run, in text order (knownAt grows along the tokens), and the name words they leave.
  let uncovered = 0;
  let knownCount = 0;
  let previousKnown = -1;
  for (let i = first; i < last; i++) {
    const k = ctx.knownAt[i];
    if (k >= 0) {
      if (k !== previousKnown) knownCount++;
      previousKnown = k;
    } else if (isNameWord(ctx, i)) uncovered++;
  }
  if (uncovered === 0) {
    // A known person: remember a plural title for the names coordinated after it.
    const only = knownCount === 1 ? ctx.known[previousKnown] : undefined;
    if (only && only.type === 'PERSON') {
      const title = titleUseBefore(ctx, only.first, titled);
      if (title) titled.set(only.last, title);
    }
    return NONE;
  }
  return readNewName(ctx, first, last, headline, titled);
}

/** readRun for a run with name words no known name covers. */
function readNewName(ctx: Context, first: number, last: number, headline: boolean, titled: Map<number, TitleUse>): readonly Candidate[] {
  const known: Candidate[] = [];
  for (let i = first; i < last; i++) {
    const k = ctx.knownAt[i];
    if (k >= 0 && (known.length === 0 || known[known.length - 1] !== ctx.known[k])) known.push(ctx.known[k]);
  }

  const head = orgHeadAt(ctx, first, last) ?? headOfConstruction(ctx, first, last);
  const whole = known.length > 0 && head && !(known.length === 1 && known[0].first === first && known[0].last === last);
  if (whole) {
    // "Iranian Foreign Ministry", "Bank of Russia", "Trump Administration": one organisation.
    const typing = typeName(ctx, first, last, undefined);
    if (typing && typing.type === 'ORGANIZATION') {
      const country = typing.country ?? known.find((k) => k.country)?.country ?? null;
      for (const k of known) k.dropped = 'absorbed';
      const c = candidate(ctx, first, last, typing, country, typing.actor ?? null);
      if (headline) {
        // Title case proves nothing: "The Complex Alliance of Russia and Iran" keeps its known names.
        for (const k of known) k.dropped = undefined;
        return NONE;
      }
      return [c];
    }
  }
  // "Washington Monument", "Nizhny Novgorod Stadium", "Tehran Province": a known name and a place head make one place.
  const lastText = ctx.tokens[last - 1].text;
  if (!headline && known.length > 0 && !head && (ctx.lex.LOCATION_HEADS.has(lastText) || locationHeadOf(ctx, first, last)) && ctx.knownAt[last - 1] < 0 && !startsWithTitle(ctx, first)) {
    const typing = typeName(ctx, first, last, undefined);
    if (typing && typing.type === 'LOCATION') {
      const country = typing.country ?? known.find((k) => k.country)?.country ?? null;
      for (const k of known) k.dropped = 'absorbed';
      return [candidate(ctx, first, last, typing, country, country)];
    }
  }

  // A known leader with given names before it: "Vladimir V. Putin" grows to cover them;
  // other names around a leader's surname make another person ("Abbas Araghchi", "Lyndon Johnson").
  const leaderHit = known.find((k) => k.entry?.leader);
  if (leaderHit && known.length === 1) {
    const leaderWords = new Set([leaderHit.entry!.leader!.name, ...leaderHit.entry!.leader!.aliases].flatMap((n) => n.split(/[\s-]+/)));
    let compatible = leaderHit.last === last;
    for (let i = first; i < leaderHit.first && compatible; i++) {
      const t = ctx.tokens[i].text;
      compatible = leaderWords.has(t) || /^\p{Lu}\.$/u.test(t) || !isNameWord(ctx, i);
    }
    if (compatible) {
      leaderHit.first = first;
      leaderHit.start = ctx.tokens[first].start;
      return NONE;
    }
    leaderHit.dropped = 'absorbed';
    const title = titleUseBefore(ctx, first, titled);
    const typing = typeName(ctx, first, last, title) ?? { type: 'PERSON' as const, kind: 'person', evidence: 'weak' as const, rule: 'name:capitalised' };
    const c = candidate(ctx, first, last, { ...typing, type: 'PERSON', kind: 'person' }, null, null);
    if (title) {
      c.title = title;
      titled.set(last, title);
    }
    if (headline && typing.rule !== 'name:title') c.evidence = 'unconfirmed';
    return [c];
  }
  const lastKnown = known[known.length - 1];
  const runText = spanText(ctx, first, last);

  // The whole run is a name compromise knows ("New Mexico"): the known part inside is absorbed.
  const wholeHints = nameHints(runText.replace(/\s+/g, ' '));
  if (wholeHints.length > 0 && !startsWithTitle(ctx, first)) {
    const typing = typeName(ctx, first, last, undefined);
    if (typing && typing.evidence === 'signal' && typing.rule.endsWith('lexicon')) {
      for (const k of known) k.dropped = 'absorbed';
      return [withHeadline(candidate(ctx, first, last, typing, typing.country ?? lastKnown?.country ?? null, typing.actor ?? null), typing, headline)];
    }
  }

  // A name opened by an organisation prefix: "Air France" (FRABUS), "Bank of Japan" (JPNGOV).
  const prefix = ctx.lex.ORG_PREFIXES.matchAtFlagged(ctx.tokens, ctx.flags, ORG_PREFIX_START, first, last)[0];
  if (prefix && prefix.end < last && ctx.knownAt[first] < 0) {
    const country = countryInside(ctx, prefix.end, last);
    for (const k of known) k.dropped = 'absorbed';
    const typing: Typing = { type: 'ORGANIZATION', kind: 'organization', evidence: 'signal', rule: 'name:org-prefix' };
    return [withHeadline(candidate(ctx, first, last, typing, country, country && prefix.value ? country + prefix.value : null), typing, headline)];
  }

  // A known body followed by more name words is that body: "Apple Computer", "Boeing Commercial Airplanes".
  // A company and a region: its branch there, "EADS North America", "Google India".
  if (known.length === 2 && (known[0].kind === 'company' || known[0].kind === 'media') && known[0].first === first && known[1].type === 'LOCATION' && known[1].first === known[0].last && known[1].last === last && !headline) {
    known[0].last = last;
    known[0].end = ctx.tokens[last - 1].end;
    known[1].dropped = 'absorbed';
    return NONE;
  }
  // Not over a title or a given name: "NASA Administrator Charles Bolden", "NASA Bill Ingalls".
  if (known.length === 1 && known[0].type === 'ORGANIZATION' && known[0].first === first && extendsBody(ctx, known[0].last, last)) {
    known[0].last = last;
    known[0].end = ctx.tokens[last - 1].end;
    return NONE;
  }

  // Unknown words before a known place make one name with it: "Valeska Paris", "Michael Jordan".
  if (known.length === 1 && lastKnown.last === last && ['country', 'capital', 'city', 'place'].includes(lastKnown.kind)) {
    const before: NameToken[] = [];
    for (let i = first; i < lastKnown.first; i++) if (isNameWord(ctx, i)) before.push(ctx.tokens[i]);
    if (before.length > 0 && before.every((t) => isGivenName(t.text) || !isCommonWord(t.text)) && !startsWithTitle(ctx, first)) {
      lastKnown.dropped = 'absorbed';
      const t = titleUseBefore(ctx, first, titled);
      const typing = typeName(ctx, first, last, t);
      if (typing) {
        const c = candidate(ctx, first, last, typing, typing.country ?? null, typing.actor ?? null);
        if (t) {
          c.title = t;
          titled.set(last, t);
        }
        return [withHeadline(c, typing, headline)];
      }
      lastKnown.dropped = undefined;
    }
  }

  // Known names at the edges stand alone; the unknown stretch between them is typed on its own.
  let a = first;
  let b = last;
  while (a < b && ctx.knownAt[a] >= 0) a = ctx.known[ctx.knownAt[a]].last;
  while (b > a && ctx.knownAt[b - 1] >= 0) b = ctx.known[ctx.knownAt[b - 1]].first;
  while (a < b && !isNameWord(ctx, a)) a++;
  while (b > a && !isNameWord(ctx, b - 1)) b--;
  if (a >= b) return NONE;
  const inside = known.filter((k) => k.first >= a && k.last <= b);

  const title = titleUseBefore(ctx, a, titled);
  const typing = isByline(ctx, a) ? ({ type: 'PERSON', kind: 'person', evidence: 'signal', rule: 'name:byline' } as Typing) : typeName(ctx, a, b, title);
  if (!typing) return NONE;
  if (inside.length > 0) {
    // A known name inside a longer unknown one is absorbed only when the longer name has evidence of its own;
    // "IRAN WARNS ISRAEL" is no name around Israel.
    if (typing.evidence !== 'signal' || headline) return NONE;
    for (const k of inside) k.dropped = 'absorbed';
  }
  if (title) titled.set(b, title);
  const c = candidate(ctx, a, b, typing, typing.country ?? null, typing.actor ?? null);
  if (title) c.title = title;
  // Capitals prove nothing in a headline or at the start of a sentence: such a name
  // stands only if it is known or the article confirms it elsewhere.
  if ((headline && typing.rule !== 'name:title' && typing.rule !== 'name:byline') || (isSentenceInitial(ctx, a) && typing.evidence === 'weak')) c.evidence = 'unconfirmed';
  return [c];
}

/** Words [from, to) after a known body that belong to its name: ordinary words, no title, no given name. */
function extendsBody(ctx: Context, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = ctx.tokens[i];
    if (ctx.inTitle[i] || (isNameWord(ctx, i) && isGivenName(t.text) && !isHeadWord(ctx, i))) return false;
    if (i === to - 1 && ctx.lex.EVENT_HEADS.has(t.text)) return false; // "FIFA World Cup": the body and its event
  }
  return true;
}

/** A byline: "By Jon Gambrell and Nasser Karimi" — names after a sentence-initial "By" and their coordinates. */
function isByline(ctx: Context, i: number): boolean {
  const s = ctx.sentences[ctx.tokens[i].sentence];
  if (ctx.tokens[s.first].text !== 'By' || !ctx.headline[s.index]) return false;
  for (let j = s.first + 1; j < i; j++) {
    const t = ctx.tokens[j];
    if (!(isNameWord(ctx, j) || t.text === 'and' || t.text === ',' || NAME_PARTICLES.has(t.text) || t.text === '-')) return false;
  }
  return true;
}

/** In a headline only titles prove a name; the rest waits for confirmation elsewhere in the article. */
function withHeadline(c: Candidate, typing: Typing, headline: boolean): Candidate {
  if (headline && typing.rule !== 'name:title') c.evidence = 'unconfirmed';
  return c;
}

/** A title word right at `i` (the run starts with a title the title matcher found). */
function startsWithTitle(ctx: Context, i: number): boolean {
  return ctx.inTitle[i] === 1;
}

function candidate(ctx: Context, first: number, last: number, typing: Typing, country: string | null, actor: string | null): Candidate {
  const text = spanText(ctx, first, last);
  return makeCandidate({
    first,
    last,
    start: ctx.tokens[first].start,
    end: ctx.tokens[last - 1].end,
    key: nameKey(typing.type, text),
    name: text.replace(/\s+/g, ' '),
    type: typing.type,
    kind: typing.kind,
    actor,
    country,
    rule: typing.rule,
    evidence: typing.evidence,
    role: typing.role,
  });
}

export const PARSERS: readonly Parser[] = [
  gazetteerParser, // known names first: the name-run parser reads around them
  nameRunParser,
];
