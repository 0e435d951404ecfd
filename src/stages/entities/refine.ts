// Refiners: each takes the candidates so far and merges, filters or codes them.
// Their order is the configuration in REFINERS at the bottom of this file.
import { codeLeader, normalizeOffice, type Leader } from './leaders.js';
import type { PhraseHit } from '../../lexicon/phrases.js';
import type { Title } from './lexicon.js';
import { titleUseBefore } from './recognize.js';
import { isAcronym, isCapitalised, isLowerCaseWord, isPossessive, startsLowerCase } from './tokens.js';
import { makeCandidate, spanText, type Candidate, type Context, type TitleUse } from './context.js';

export interface Refiner {
  name: string;
  refine(ctx: Context, candidates: Candidate[]): Candidate[];
}

const COUNTRY_CODE = /^[A-Z]{3}$/;

/** Known names swallowed by longer ones, and names inside date spans ("May", "March"). */
export const dropAbsorbedAndDates: Refiner = {
  name: 'drop-absorbed-and-dates',
  refine(ctx, candidates) {
    return candidates.filter((c) => {
      if (c.dropped) return false;
      let dated = 0;
      for (let i = c.first; i < c.last; i++) dated += ctx.inDate[i];
      // A one-word name inside a date is the date's; "Theresa May" keeps its name.
      return dated === 0 || (c.last - c.first > 1 && dated < c.last - c.first);
    });
  },
};

function surname(c: Candidate): string | null {
  const words = c.name.split(' ').filter((w) => isCapitalised(w));
  return words.length >= 2 ? words[words.length - 1] : null;
}

/**
 * "the Church", "the Ministry", "the University": a body's head word alone, after
 * "the", is the body of that head the article named last ("the Church of
 * Scientology"); with none it is a common noun and is dropped.
 */
export const bareHeads: Refiner = {
  name: 'bare-heads',
  refine(ctx, candidates) {
    if (!candidates.some((c) => c.rule === 'name:bare-head')) return candidates;
    const out: Candidate[] = [];
    for (let k = 0; k < candidates.length; k++) {
      const c = candidates[k];
      if (c.rule !== 'name:bare-head') {
        out.push(c);
        continue;
      }
      const head = c.name;
      let body: Candidate | undefined;
      for (let m = k - 1; m >= 0 && !body; m--) {
        const o = candidates[m];
        if (o.type === 'ORGANIZATION' && o.rule !== 'name:bare-head' && o.last - o.first > 1 && o.name.split(/\s+/).includes(head)) body = o;
      }
      if (!body) continue;
      adopt(c, body, 'coref:head');
      c.mentionActor = body.mentionActor;
      out.push(c);
    }
    return out;
  },
};

/**
 * Name variants of one entity: "Abbas Araghchi" … "Araghchi" … "Araghchi's" share
 * one key, and a capitalised word that proved nothing where it stood (a headline,
 * a sentence start) stands if the article names it elsewhere. Known leaders'
 * surnames are in the gazetteer already.
 */
const TOWN_KINDS = new Set(['capital', 'city', 'place']);

export const corefNames: Refiner = {
  name: 'coref-names',
  refine(ctx, candidates) {
    const byText = new Map<string, Candidate>();
    const bySurname = new Map<string, Candidate | null>();
    // "Warhol Polaroids" after "Andy Warhol" is a thing of his, not a person surnamed Polaroids.
    const surnames = new Map<string, string>();
    // Each candidate's text and a person's surname, read once (before any candidate changes).
    const n = candidates.length;
    const texts: string[] = new Array(n);
    const lastNames: (string | null)[] = new Array(n);
    for (let k = 0; k < n; k++) {
      const c = candidates[k];
      texts[k] = spanText(ctx, c.first, c.last);
      const last = c.type === 'PERSON' && c.evidence !== 'unconfirmed' ? surname(c) : null;
      lastNames[k] = last;
      if (last && c.rule !== 'name:unknown-words') surnames.set(last, c.key);
    }
    const thingOfPerson = (c: Candidate) => {
      if (c.rule !== 'name:unknown-words' || c.type !== 'PERSON') return false;
      const owner = surnames.get(c.name.split(' ')[0]);
      return owner !== undefined && owner !== c.key;
    };
    const things: boolean[] = new Array(n);
    for (let k = 0; k < n; k++) {
      const c = candidates[k];
      things[k] = thingOfPerson(c);
      if (c.evidence === 'unconfirmed' || things[k]) continue;
      const text = texts[k];
      if (!byText.has(text) || (byText.get(text)!.evidence === 'weak' && c.evidence !== 'weak')) byText.set(text, c);
      if (c.type === 'PERSON' && c.evidence !== 'weak') {
        const last = lastNames[k];
        if (last) {
          // Two persons sharing a surname make the bare surname ambiguous (null).
          const prev = bySurname.get(last);
          bySurname.set(last, prev === undefined ? c : prev !== null && (prev.key === c.key || sameGivenName(prev.name, c.name)) ? prev : null);
        }
      }
    }
    // A leader's bare surname is the article's own person of that surname when the
    // leader's full name never appears ("Lyndon Johnson … Johnson" is not Boris Johnson).
    const fullLeaders = new Set(candidates.filter((c) => c.entry?.leader && c.last - c.first > 1).map((c) => c.key));
    const names: ArticleNames = { texts, things, byText, bySurname, surnames, fullLeaders };
    const out: Candidate[] = [];
    for (let k = 0; k < n; k++) {
      const c = candidates[k];
      // Most known names keep their own key: only one-word towns and leaders' surnames may be someone else's.
      if ((c.evidence === 'known' && !c.entry?.leader && (c.last - c.first !== 1 || !TOWN_KINDS.has(c.kind))) || resolveName(ctx, names, c, k)) out.push(c);
    }
    return out;
  },
};

/** What corefNames reads of the article's names. */
interface ArticleNames {
  /** Per candidate: its text, and whether it names a thing of a person ("Warhol Polaroids"). */
  texts: string[];
  things: boolean[];
  byText: Map<string, Candidate>;
  /** A surname's one person (null: several). */
  bySurname: Map<string, Candidate | null>;
  /** A person's surname, and the person's key. */
  surnames: Map<string, string>;
  /** Leaders named in full somewhere in the article. */
  fullLeaders: Set<string>;
}

/** corefNames for one candidate: it may take another name's key; false drops it. */
function resolveName(ctx: Context, names: ArticleNames, c: Candidate, k: number): boolean {
  const { texts, things, byText, bySurname, surnames, fullLeaders } = names;
  const text = texts[k];
  // "Valeska Paris … Paris claims": a one-word place that is the surname of the article's person is that person.
  // Countries are left alone: "Jordan's King Abdullah" is the country even beside "Michael Jordan".
  if (c.evidence === 'known' && c.type !== 'PERSON' && c.last - c.first === 1 && TOWN_KINDS.has(c.kind) && !isPossessive(ctx.tokens[c.last]?.text ?? '')) {
    const local = bySurname.get(text);
    if (local && !local.entry) {
      adopt(c, local, 'coref:surname');
      return true;
    }
  }
  // "Warhol Polaroids" after "Andy Warhol": a person's surname opening a run of unknown words names a
  // thing of theirs; the surname is kept as a namesake mention of the person (namesakes).
  if (things[k]) {
    c.last = c.first + 1;
    c.end = ctx.tokens[c.first].end;
    c.name = ctx.tokens[c.first].text;
    c.key = surnames.get(c.name)!;
    c.rule = 'name:namesake-owner';
    return true;
  }
  if (c.entry?.leader && c.last - c.first === 1 && !fullLeaders.has(c.key)) {
    const local = bySurname.get(text);
    if (local && !local.entry) {
      adopt(c, local, 'coref:surname');
      return true;
    }
  }
  const unknownName = c.evidence !== 'known' && !c.title;
  const person = unknownName && c.last - c.first === 1 ? bySurname.get(text) : undefined;
  const same = byText.get(text);
  if (person) {
    adopt(c, person, 'coref:surname');
  } else if (c.evidence === 'unconfirmed' || c.evidence === 'weak') {
    if (same && same !== c && same.evidence !== 'weak' && same.evidence !== 'unconfirmed') adopt(c, same, 'coref:same-name');
    else if (c.evidence === 'unconfirmed') return false;
  }
  return true;
}

/** "Kristin Wilkins" and "Kristen Wilkins": a given name spelt two ways, or written as an initial, is one person. */
function sameGivenName(a: string, b: string): boolean {
  const x = a.split(' ')[0];
  const y = b.split(' ')[0];
  if (x === y || (/^\p{Lu}\.$/u.test(x) && y.startsWith(x[0])) || (/^\p{Lu}\.$/u.test(y) && x.startsWith(y[0]))) return true;
  if (Math.abs(x.length - y.length) > 1 || x.length < 4) return false;
  let i = 0;
  while (i < x.length && x[i] === y[i]) i++;
  // One substitution, insertion or deletion.
  return x.slice(i + 1) === y.slice(i + 1) || x.slice(i) === y.slice(i + 1) || x.slice(i + 1) === y.slice(i);
}

function adopt(c: Candidate, from: Candidate, rule: string): void {
  c.key = from.key;
  c.name = from.name;
  c.type = from.type;
  c.kind = from.kind;
  c.actor = from.actor;
  c.country = from.country;
  c.entry = from.entry;
  c.evidence = 'signal';
  c.rule = rule;
}

/**
 * Acronyms: "Korean Central News Agency (KCNA)" defines KCNA for the article, and
 * an acronym made of an organisation's initials is that organisation.
 */
export const linkAcronyms: Refiner = {
  name: 'link-acronyms',
  refine(ctx, candidates) {
    let acronyms: Candidate[] | undefined;
    for (const c of candidates) if (c.last - c.first === 1 && isAcronym(c.name)) (acronyms ??= []).push(c);
    return acronyms === undefined ? candidates : linkAcronymsIn(ctx, candidates, acronyms);
  },
};

/** linkAcronyms, once the one-word acronyms among the candidates are known. */
function linkAcronymsIn(ctx: Context, candidates: Candidate[], acronyms: readonly Candidate[]): Candidate[] {
  const defined = new Map<string, Candidate>();
  // "Worldwide Developers Conference (WWDC)": the acronym of an event names no body.
  const events = new Set<string>();
  for (const c of acronyms) {
    const open = ctx.tokens[c.first - 1];
    if (open?.text === '(' && ctx.lex.EVENT_HEADS.has(ctx.tokens[c.first - 2]?.text ?? '')) events.add(c.name);
    // "Korean Central News Agency (KCNA)", "Kennedy Space Center (KSC)": a body or a place.
    const before = candidates.find((o) => o !== c && o.last === c.first - 1 && (o.type === 'ORGANIZATION' || o.type === 'LOCATION'));
    if (open?.text === '(' && before) defined.set(c.name, before);
  }
  let orgs: Candidate[] | undefined;
  for (const c of acronyms) {
    if (c.evidence === 'known') continue;
    orgs ??= candidates.filter((o) => (o.type === 'ORGANIZATION' || (o.type === 'LOCATION' && o.evidence !== 'known')) && o.last - o.first > 1);
    const org = defined.get(c.name) ?? orgs.find((o) => initials(o.name) === c.name.replace(/\./g, ''));
    if (org) adopt(c, org, 'coref:acronym');
  }
  return events.size === 0 ? candidates : candidates.filter((c) => c.evidence === 'known' || !events.has(c.name));
}

function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => isCapitalised(w))
    .map((w) => w[0])
    .join('');
}

/** The first candidate ending, and the first starting, at each token: built when a person's title or apposition needs them. */
class Spans {
  private last: Map<number, Candidate> | undefined;
  private first: Map<number, Candidate> | undefined;

  constructor(private readonly candidates: readonly Candidate[]) {}

  byLast(): Map<number, Candidate> {
    if (!this.last) this.build();
    return this.last!;
  }

  byFirst(): Map<number, Candidate> {
    if (!this.first) this.build();
    return this.first!;
  }

  private build(): void {
    const byLast = new Map<number, Candidate>();
    const byFirst = new Map<number, Candidate>();
    for (const c of this.candidates) {
      if (!byLast.has(c.last)) byLast.set(c.last, c);
      if (!byFirst.has(c.first)) byFirst.set(c.first, c);
    }
    this.last = byLast;
    this.first = byFirst;
  }
}

/** The country or organisation a title is written with: "Iranian", "Iran's", "NATO", "Kremlin". */
function titleModifier(ctx: Context, byLast: Map<number, Candidate>, title: TitleUse): Candidate | undefined {
  let j = title.first;
  if (title.former) j--;
  // "the European Union's foreign policy chief": a few lower-case words may qualify the title.
  for (let hop = 0; hop < 3 && j - 1 >= 0 && isLowerCaseWord(ctx.tokens[j - 1].text) && (ctx.tokens[j - 1].pos === 'NOUN' || ctx.tokens[j - 1].pos === 'ADJ'); hop++) j--;
  // "Saudi Foreign Minister Prince Faisal": titles in a row share the country before the first.
  const outer = ctx.titles.find((t) => t.end === j);
  if (outer) j = outer.first;
  if (j - 1 >= 0 && isPossessive(ctx.tokens[j - 1].text)) j--;
  const mod = byLast.get(j);
  if (!mod || mod.type === 'PERSON') return undefined;
  return mod;
}

/** "Abbas Araghchi, Iran's foreign minister": a title in apposition after the name. */
function appositiveTitle(ctx: Context, spans: Spans, c: Candidate): { title: TitleUse; modifier: Candidate } | undefined {
  let j = c.last;
  if (ctx.tokens[j]?.text !== ',') return undefined;
  const byFirst = spans.byFirst();
  j++;
  // "Ali Shamkhani, then secretary of …": "then" dates the office to the event; "former" ends it.
  let former = false;
  if (ctx.tokens[j] && /^(then|former|now|currently)$/i.test(ctx.tokens[j].text)) {
    former = ctx.tokens[j].normal === 'former';
    j++;
  }
  if (ctx.tokens[j] && /^(the|a|an)$/i.test(ctx.tokens[j].text)) j++;
  const mod = byFirst.get(j);
  if (mod && mod.type !== 'PERSON') {
    j = mod.last;
    if (ctx.tokens[j] && isPossessive(ctx.tokens[j].text)) j++;
    const hit = ctx.titles.find((t) => t.first === j);
    if (!hit || hit.value.office === null) return undefined;
    return { title: { title: hit.value, first: hit.first, last: hit.end, former }, modifier: mod };
  }
  // "Hossein Salami, the commander of the Revolutionary Guards".
  const hit = ctx.titles.find((t) => t.first === j);
  if (!hit || hit.value.office === null || ctx.tokens[hit.end]?.text !== 'of') return undefined;
  let k = hit.end + 1;
  if (ctx.tokens[k] && /^(the|The)$/.test(ctx.tokens[k].text)) k++;
  const of = byFirst.get(k);
  if (!of || of.type === 'PERSON') return undefined;
  return { title: { title: hit.value, first: hit.first, last: hit.end, former }, modifier: of };
}

/** "The foreign minister of Russia, Sergei Lavrov": a title with its country before the name. */
function titleOfBefore(ctx: Context, spans: Spans, c: Candidate): { title: TitleUse; modifier: Candidate } | undefined {
  if (ctx.tokens[c.first - 1]?.text !== ',') return undefined;
  const mod = spans.byLast().get(c.first - 1);
  if (!mod || mod.type === 'PERSON' || ctx.tokens[mod.first - 1]?.text !== 'of') return undefined;
  const hit = ctx.titles.find((t) => t.end === mod.first - 1);
  if (!hit || hit.value.office === null) return undefined;
  return { title: { title: hit.value, first: hit.first, last: hit.end, former: false }, modifier: mod };
}

/**
 * Persons get their codes. A known office holder is coded by the title written
 * before the mention when there is one, by the article's date otherwise. A
 * person the leaders list does not know takes the title's role and the country
 * or organisation written with it ("Iranian Foreign Minister Abbas Araghchi" →
 * IRNGOV, "NATO Secretary General Mark Rutte" → NATO).
 */
export const codePersons: Refiner = {
  name: 'code-persons',
  refine(ctx, candidates) {
    const spans = new Spans(candidates);
    const titled = new Map<number, TitleUse>();
    for (const c of candidates) if (c.type === 'PERSON' && !c.nominal) codePerson(ctx, spans, titled, c);
    return candidates;
  },
};

/** A person's code from the title before the name, an apposition after it, and the leaders list. */
function codePerson(ctx: Context, spans: Spans, titled: Map<number, TitleUse>, c: Candidate): void {
  const title = titleUseBefore(ctx, c.first, titled);
  let modifier: Candidate | undefined;
  if (title) {
    titled.set(c.last, title);
    c.title = title;
    modifier = titleModifier(ctx, spans.byLast(), title);
    // "Gen. Qassem Soleimani, the Quds Force commander": the appositive names the body.
    if (!modifier) {
      const app = appositiveTitle(ctx, spans, c);
      if (app) {
        modifier = app.modifier;
        if (app.title.title.role) c.title = app.title;
      }
    }
  } else {
    const app = appositiveTitle(ctx, spans, c) ?? titleOfBefore(ctx, spans, c);
    if (app) {
      c.title = app.title;
      modifier = app.modifier;
    }
  }
  const leader = c.entry?.leader;
  if (leader) {
    const coding = codeLeader(leader, ctx.published, c.title ? c.title.title.offices : null, c.title?.former ?? false);
    c.mentionActor = coding.actor;
    if (coding.basis !== 'date') c.rule += coding.basis === 'title' ? '+titled' : '+former';
    // A title the leaders list does not record ("NATO Secretary General Mark Rutte") codes like any title.
    if (coding.basis !== 'date' || !c.title || !modifier) return;
  }
  if (!c.title) return;
  const role = c.title.former ? 'ELI' : c.title.title.role;
  if (modifier && modifier.actor) {
    const base = modifier.mentionActor ?? modifier.actor;
    // A body's officer stands for the body ("Kremlin spokesman" → RUSGOV, "NATO
    // Secretary General" → NATO); a country's officer takes the title's role.
    c.mentionActor = modifier.type !== 'ORGANIZATION' && COUNTRY_CODE.test(base) && role ? base + role : base;
    c.country = modifier.country ?? c.country;
    c.actor = c.mentionActor;
    c.rule += '+titled';
  }
}


/**
 * "the Andy Warhol Foundation", "the Udvar-Hazy Center", "Warhol Polaroids": a
 * person of the article named inside the name of a body, a place or a thing is
 * mentioned there too. The mention stands for no actor: the foundation acts,
 * not the man.
 */
export const namesakes: Refiner = {
  name: 'namesakes',
  refine(ctx, candidates) {
    const persons = new Map<string, Candidate>();
    for (const c of candidates) if (c.type === 'PERSON' && !c.nominal && c.rule !== 'name:namesake-owner' && !persons.has(c.key)) persons.set(c.key, c);
    if (persons.size === 0) return candidates;
    // Names as written (full name and surname), longest first.
    const forms: { words: string[]; person: Candidate }[] = [];
    for (const p of persons.values()) {
      const words = p.name.split(' ');
      forms.push({ words, person: p });
      if (words.length > 1) forms.push({ words: words.slice(-1), person: p });
    }
    forms.sort((a, b) => b.words.length - a.words.length);
    const added: Candidate[] = [];
    for (const c of candidates) {
      if (c.rule === 'name:namesake-owner') ownedBy(c, persons);
      else if ((c.type === 'ORGANIZATION' || c.type === 'LOCATION') && c.evidence !== 'known' && c.last - c.first >= 2) namesakeIn(ctx, c, forms, added);
    }
    return added.length === 0 ? candidates : [...candidates, ...added].sort(bySpan);
  },
};

/** "Warhol Polaroids": the surname kept by coreference is a mention of its person, standing for no actor. */
function ownedBy(c: Candidate, persons: Map<string, Candidate>): void {
  const owner = persons.get(c.key);
  if (owner) {
    adopt(c, owner, 'coref:namesake');
    c.mentionActor = null;
  }
}

/** "the Andy Warhol Foundation": a person's name opening a longer name is a mention of the person (added to `added`). */
function namesakeIn(ctx: Context, c: Candidate, forms: readonly { words: string[]; person: Candidate }[], added: Candidate[]): void {
  for (const { words, person } of forms) {
    if (words.length >= c.last - c.first) continue;
    let k = 0;
    while (k < words.length && ctx.tokens[c.first + k].text === words[k]) k++;
    if (k < words.length) continue;
    added.push(
      makeCandidate({
        first: c.first,
        last: c.first + k,
        start: c.start,
        end: ctx.tokens[c.first + k - 1].end,
        key: person.key,
        name: person.name,
        type: 'PERSON',
        kind: person.kind,
        actor: person.actor,
        country: person.country,
        mentionActor: null,
        rule: 'coref:namesake',
        evidence: 'signal',
        entry: person.entry,
      }),
    );
    return;
  }
}

/**
 * "the Russian president", "Iran's supreme leader": a title after a country and
 * before no name is a mention of the one person of that country in the article
 * who holds or held that office.
 */
export const nominalLeaders: Refiner = {
  name: 'nominal-leaders',
  refine(ctx, candidates) {
    let added: Candidate[] | undefined;
    let persons: PersonIndex | null | undefined;
    for (const t of ctx.titles) {
      // "President Assad" is a title, not a noun phrase: only a lower-case office ("the Russian president") stands alone.
      if (t.value.office === null || !startsLowerCase(ctx.tokens[t.first].text)) continue;
      if (persons === undefined) persons = personIndex(candidates);
      if (persons === null) break;
      const mention = nominalMention(ctx, persons, t);
      if (mention) (added ??= []).push(mention);
    }
    return added === undefined ? candidates : [...candidates, ...added].sort(bySpan);
  },
};

/** What a nominal mention is resolved against: the persons with a country, and where names end and start. */
interface PersonIndex {
  persons: Candidate[];
  byLast: Map<number, Candidate>;
  startsAt: Set<number>;
}

/** Null when the article names no person with a country. */
function personIndex(candidates: readonly Candidate[]): PersonIndex | null {
  const persons: Candidate[] = [];
  const byLast = new Map<number, Candidate>();
  const startsAt = new Set<number>();
  for (const c of candidates) {
    if (c.type === 'PERSON') {
      if (c.country) persons.push(c);
    } else byLast.set(c.last, c);
    startsAt.add(c.first);
  }
  return persons.length === 0 ? null : { persons, byLast, startsAt };
}

/** The mention "the Russian president" makes of the one person of that country holding that office, if there is one. */
function nominalMention(ctx: Context, index: PersonIndex, t: PhraseHit<Title>): Candidate | undefined {
  if (index.startsAt.has(t.end)) return undefined;
  let j = t.first;
  if (j - 1 >= 0 && isPossessive(ctx.tokens[j - 1].text)) j--;
  const mod = index.byLast.get(j);
  if (!mod || !mod.country || (mod.kind !== 'demonym' && mod.kind !== 'country')) return undefined;
  const offices = t.value.offices;
  const matches = new Map<string, Candidate>();
  for (const p of index.persons) {
    if (p.country !== mod.country) continue;
    const leader = p.entry?.leader;
    const held = leader ? holdsOffice(leader, offices) : p.title !== undefined && p.title.title.office === t.value.office;
    if (held) matches.set(p.key, p);
  }
  if (matches.size !== 1) return undefined;
  const p = [...matches.values()][0];
  const mention = makeCandidate({
    first: mod.first,
    last: t.end,
    start: mod.start,
    end: ctx.tokens[t.end - 1].end,
    key: p.key,
    name: p.name,
    type: 'PERSON',
    kind: p.kind,
    actor: p.actor,
    country: p.country,
    rule: 'coref:nominal',
    evidence: 'signal',
    entry: p.entry,
    nominal: true,
  });
  const title: TitleUse = { title: t.value, first: t.first, last: t.end, former: false };
  mention.title = title;
  if (p.entry?.leader) mention.mentionActor = codeLeader(p.entry.leader, ctx.published, t.value.offices).actor;
  else mention.mentionActor = p.mentionActor ?? p.actor;
  return mention;
}

/** A leader held one of these offices ('*': any) at some time. */
function holdsOffice(leader: Leader, offices: readonly string[]): boolean {
  for (const pos of leader.positions) if (offices.includes('*') || offices.includes(normalizeOffice(pos.office))) return true;
  return false;
}

/** Text order; of two mentions starting together, the longer first. */
function bySpan(a: Candidate, b: Candidate): number {
  return a.start - b.start || b.end - a.end;
}

/**
 * "Tehran aspires to", "Beijing said": a capital as the subject of a verb is its
 * country's government; "in Beijing" stays a place.
 */
export const capitalsAsGovernments: Refiner = {
  name: 'capitals-as-governments',
  refine(ctx, candidates) {
    for (const c of candidates) if (c.kind === 'capital' && c.country) governmentSubject(ctx, candidates, c);
    return candidates;
  },
};

// The refiners' loops over all candidates stay small; what they do for the few candidates
// concerned sits in helpers like this one (small loops are cheap to run and to compile).
function governmentSubject(ctx: Context, candidates: readonly Candidate[], c: Candidate): void {
  const prev = ctx.tokens[c.first - 1];
  if (prev && prev.sentence === ctx.tokens[c.first].sentence && (prev.pos === 'ADP' || prev.pos === 'DET')) return;
  let j = c.last;
  // "Moscow and Tehran have agreed": step over coordinated names to the verb.
  while (ctx.tokens[j] && (ctx.tokens[j].text === 'and' || ctx.tokens[j].text === ',')) {
    const next = candidates.find((o) => o.first === j + 1);
    if (!next) break;
    j = next.last;
  }
  while (ctx.tokens[j] && ctx.tokens[j].pos === 'ADV') j++;
  const verb = ctx.tokens[j];
  if (verb && verb.sentence === ctx.tokens[c.first].sentence && (verb.pos === 'VERB' || verb.pos === 'AUX')) {
    c.mentionActor = c.country + 'GOV';
    c.rule += '+government-subject';
  }
}

/**
 * "Iranian officials", "Russia's military", "Tehran's government": a country
 * word before a role noun stands for that part of the country (IRNGOV, RUSMIL).
 */
export const roleNouns: Refiner = {
  name: 'role-nouns',
  refine: (ctx, candidates) => codeRoleNouns(ctx, candidates),
};

function codeRoleNouns(ctx: Context, candidates: Candidate[]): Candidate[] {
  for (const c of candidates) if ((c.type === 'LOCATION' || c.type === 'NORP') && c.country && c.actor) roleNoun(ctx, c);
  return candidates;
}

/** "Iranian officials", "Russia's new government": the role noun after a country word, if any, codes the mention. */
function roleNoun(ctx: Context, c: Candidate): void {
  if (!COUNTRY_CODE.test(c.actor!) || (c.mentionActor && c.mentionActor !== c.actor)) return;
  let j = c.last;
  const sentence = ctx.tokens[c.first].sentence;
  if (ctx.tokens[j] && isPossessive(ctx.tokens[j].text)) j++;
  // One adjective may stand between: "Iranian senior officials", "Russia's new government".
  for (let hop = 0; hop < 2; hop++) {
    const t = ctx.tokens[j];
    if (!t || t.sentence !== sentence || !startsLowerCase(t.text)) break;
    const role = ctx.lex.ROLE_NOUNS.get(t.normal);
    if (role) {
      // "military officials" keeps the first role; "military interventions" is an adjective: no role.
      const next = ctx.tokens[j + 1];
      const modifies = next && next.sentence === sentence && next.pos === 'NOUN' && startsLowerCase(next.text);
      if (!modifies || ctx.lex.ROLE_NOUNS.has(next.normal)) {
        c.mentionActor = c.country + role;
        c.rule += '+role-noun';
      }
      break;
    }
    if (t.pos !== 'ADJ') break;
    j++;
  }
}

/**
 * A body named with a different country's word is that country's body:
 * "Russia's Security Council" is not the UN's. Only generic names ending in a
 * head word ("Security Council", "Democratic Party") are moved.
 */
export const retypeModifiedBodies: Refiner = {
  name: 'retype-modified-bodies',
  refine(ctx, candidates) {
    let byLast: Map<number, Candidate> | undefined;
    for (const c of candidates) {
      if (c.type !== 'ORGANIZATION') continue;
      if (byLast === undefined) {
        byLast = new Map<number, Candidate>();
        for (const o of candidates) byLast.set(o.last, o);
      }
      retypeBody(ctx, byLast, c);
    }
    return candidates;
  },
};

/** An organisation written after a country word: the body of that country. */
function retypeBody(ctx: Context, byLast: Map<number, Candidate>, c: Candidate): void {
  // "Russia's Defense Ministry": a body named by its head word takes the country before it.
  if (c.type === 'ORGANIZATION' && c.evidence !== 'known' && !c.country && c.role !== undefined) {
    let j = c.first;
    if (j - 1 >= 0 && isPossessive(ctx.tokens[j - 1].text)) j--;
    const mod = byLast.get(j);
    if (mod && mod.country && (mod.kind === 'country' || mod.kind === 'demonym' || mod.kind === 'capital')) {
      c.country = mod.country;
      c.actor = c.role ? mod.country + c.role : null;
      c.key = `organization:${mod.country}:${c.name}`;
      c.rule += '+national';
    }
    return;
  }
  if (c.type !== 'ORGANIZATION' || c.evidence !== 'known') return;
  const text = spanText(ctx, c.first, c.last);
  if (/\p{Lu}{2}/u.test(text) || !/(Council|Assembly|Party|Court|Office|Service|Ministry|Committee|Commission|Congress|Senate|Parliament|Guard|Army|Forces)$/.test(text)) return;
  let j = c.first;
  if (j - 1 >= 0 && isPossessive(ctx.tokens[j - 1].text)) j--;
  const mod = byLast.get(j);
  if (!mod || !mod.country || (mod.kind !== 'country' && mod.kind !== 'demonym') || mod.country === c.country) return;
  const role = /Party$/.test(text) ? 'PTY' : /(Court)$/.test(text) ? 'JUD' : /(Congress|Senate|Parliament|Assembly)$/.test(text) ? 'LEG' : /(Guard|Army|Forces)$/.test(text) ? 'MIL' : 'GOV';
  c.key = `organization:${mod.country}:${text}`;
  c.name = text;
  c.country = mod.country;
  c.actor = mod.country + role;
  c.kind = role === 'PTY' ? 'party' : role === 'MIL' ? 'military' : 'government';
  c.entry = undefined;
  c.rule += '+national';
}


/**
 * "Boeing 737", "Airbus A380", "Rolls-Royce Trent 900": a company followed by a
 * model number (or a product line and a model number) names a product, not the
 * company acting.
 */
export const dropProducts: Refiner = {
  name: 'drop-products',
  refine(ctx, candidates) {
    let products: Set<Candidate> | undefined;
    for (const c of candidates) if (c.kind === 'company') products = productsOf(ctx, candidates, c, products);
    return products === undefined || products.size === 0 ? candidates : candidates.filter((c) => !products.has(c));
  },
};

/** The company `c` and the product line after it, when a model number follows: added to `products`. */
function productsOf(ctx: Context, candidates: readonly Candidate[], c: Candidate, found: Set<Candidate> | undefined): Set<Candidate> {
  const products = found ?? new Set<Candidate>();
  const modelNumberAt = (i: number, sentence: number, after: number) => {
    const t = ctx.tokens[i];
    return t !== undefined && t.sentence === sentence && t.start <= after + 1 && /\d/.test(t.text) && /^[\p{Lu}\d]/u.test(t.text);
  };
  const sentence = ctx.tokens[c.first].sentence;
  if (modelNumberAt(c.last, sentence, c.end)) products.add(c);
  // "Rolls-Royce Trent 900": a company, the product line's name, the model number.
  const line = ctx.tokens[c.last];
  if (line && line.sentence === sentence && /^\p{Lu}\p{Ll}/u.test(line.text) && modelNumberAt(c.last + 1, sentence, line.end)) {
    products.add(c);
    for (const o of candidates) if (o.first === c.last && o.last === c.last + 1 && o.evidence !== 'known') products.add(o);
  }
  return products;
}

const STATE_ROLES = new Set(['GOV', 'MIL', 'LEG', 'JUD', 'COP', 'SPY']);
const PLACE_KINDS = new Set(['country', 'demonym', 'capital', 'city', 'place', 'leader', 'historical-state']);

const CODE = /^[A-Z]+$/;

/** Codes in localeCompare's order; ISO codes (capitals only) are compared by code unit, the same order, without asking ICU. */
function compareCodes(a: string, b: string): number {
  if (CODE.test(a) && CODE.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}

/** Countries ranked by how many mentions name them (persons, places, demonyms). */
function countryRanking(candidates: readonly Candidate[]): string[] {
  const count = new Map<string, number>();
  for (const c of candidates) if (c.country && PLACE_KINDS.has(c.kind)) count.set(c.country, (count.get(c.country) ?? 0) + 1);
  return [...count.entries()].sort((a, b) => b[1] - a[1] || compareCodes(a[0], b[0])).map(([k]) => k);
}

/**
 * "the opposition Democratic Party" in an article about South Korea is Korea's:
 * a generic body name with no country word before it takes the country named
 * last (within two sentences) when that is one of the article's two main
 * countries and its default country is not. A state body named by its head word
 * alone ("the National Assembly", "the Defense Ministry") is placed the same way.
 */
export const localizeGenericBodies: Refiner = {
  name: 'localize-generic-bodies',
  refine(ctx, candidates) {
    for (const c of candidates) if (c.entry?.generic || isNationalBody(c)) return localizeBodies(ctx, candidates);
    return candidates;
  },
};

/** A state body named by its head word alone, with no country: "the National Assembly", "the Defense Ministry". */
function isNationalBody(c: Candidate): boolean {
  return c.type === 'ORGANIZATION' && !c.country && c.evidence === 'signal' && !!c.role && STATE_ROLES.has(c.role);
}

function localizeBodies(ctx: Context, candidates: Candidate[]): Candidate[] {
  const top = countryRanking(candidates).slice(0, 2);
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k];
    // Generic known bodies, and state bodies named by their head alone ("the National Assembly").
    const generic = c.entry?.generic && !c.rule.includes('+national') && c.country && !top.includes(c.country);
    if (!generic && !isNationalBody(c)) continue;
    const sentence = ctx.tokens[c.first].sentence;
    let near: Candidate | undefined;
    for (let m = k - 1; m >= 0; m--) {
      const o = candidates[m];
      if (ctx.tokens[o.first].sentence < sentence - 2) break;
      if (o.country && PLACE_KINDS.has(o.kind)) {
        near = o;
        break;
      }
    }
    if (!near || !near.country || !top.includes(near.country)) continue;
    const role = c.actor && /^[A-Z]{3}[A-Z]{3}$/.test(c.actor) ? c.actor.slice(3) : (c.role ?? null);
    const text = spanText(ctx, c.first, c.last);
    c.key = `organization:${near.country}:${text}`;
    c.name = text;
    c.country = near.country;
    c.actor = role ? near.country + role : near.country;
    c.entry = undefined;
    c.rule += '+localized';
  }
  return candidates;
}

const REGION_KINDS = new Set(['country', 'region']);

/**
 * "Irving, Texas", "Yeoncheon, South Korea": a place followed by a known place is in its country.
 * A one-word name the lexicons took for a person ("Irving") is that place when a state or country
 * follows it and closes the phrase.
 */
export const placesInCountries: Refiner = {
  name: 'places-in-countries',
  refine(ctx, candidates) {
    for (const c of candidates) {
      // Only a name followed by a comma is placed.
      if (c.type === 'PERSON' ? c.last - c.first !== 1 || c.entry || c.title : c.type !== 'LOCATION' || c.country || c.evidence === 'known') continue;
      if (ctx.tokens[c.last]?.text === ',') placeBeforeComma(ctx, candidates, c);
    }
    return candidates;
  },
};

/** "Irving, Texas": a one-word person name is a city; "Yeoncheon, South Korea": a place takes the country after it. */
function placeBeforeComma(ctx: Context, candidates: readonly Candidate[], c: Candidate): void {
  if (c.type === 'PERSON' && c.rule.startsWith('name:')) {
    const next = candidates.find((o) => o.first === c.last + 1);
    const after = next ? ctx.tokens[next.last] : undefined;
    if (next && REGION_KINDS.has(next.kind) && next.country && (!after || after.sentence !== ctx.tokens[c.first].sentence || /^[,.;)]$/.test(after.text))) {
      c.type = 'LOCATION';
      c.kind = 'city';
      c.key = `place:${c.name}`;
    }
  }
  if (c.type !== 'LOCATION' || c.country || c.evidence === 'known') return;
  const next = candidates.find((o) => o.first === c.last + 1);
  if (!next || next.type !== 'LOCATION' || !next.country) return;
  c.country = next.country;
  c.actor = next.country;
  c.rule += '+in-country';
}

/** A match score: "1 – 0", "3-2", "102-98" (one to three digits a side; years are no scores). */
function scoreAt(ctx: Context, i: number): number {
  const t = ctx.tokens[i];
  const c = t.text.charCodeAt(0);
  if (c < 48 || c > 57 || ctx.inDate[i]) return 0; // scores start with a digit
  if (/^\d{1,3}[-–—]\d{1,3}$/.test(t.text)) return 1;
  const dash = ctx.tokens[i + 1];
  const other = ctx.tokens[i + 2];
  if (!/^\d{1,3}$/.test(t.text) || !dash || !other || !/^[-–—]$/.test(dash.text) || !/^\d{1,3}$/.test(other.text)) return 0;
  return dash.sentence === t.sentence && other.sentence === t.sentence && !ctx.inDate[i + 2] ? 3 : 0;
}

const TEAM_KINDS = new Set(['country', 'region', 'place', 'city', 'capital']);
const NOT_A_TEAM_BEFORE = new Set(['in', 'at', 'near', 'from', 'inside', 'across', 'throughout', 'of']);
/** Scores and distinct sports words an article needs before its countries are read as teams. */
const MIN_SCORES = 2;
const MIN_SPORTS_WORDS = 3;

/**
 * "Sweden defeated South Korea 1 – 0": in a sports report (several scores, sports
 * words) a country or place named in a sentence with a score, or beside a match
 * verb, is a team, and so is every other mention of it. A team is an
 * organisation with no state actor code: a match is no event between states.
 */
export const sportsTeams: Refiner = {
  name: 'sports-teams',
  refine(ctx, candidates) {
    // Scores start with a digit: only those tokens are looked at.
    const scored = new Set<number>();
    let scores = 0;
    let skipTo = 0;
    for (const i of ctx.digitStarts) {
      const n = scoreAt(ctx, i);
      if (n === 0) continue;
      scores++;
      // "3 - 2" is one score; a score inside it is not another sentence's.
      if (i >= skipTo) {
        scored.add(ctx.tokens[i].sentence);
        skipTo = i + n;
      }
    }
    if (scored.size === 0 || scores < MIN_SCORES) return candidates;
    const words = new Set<string>();
    for (const t of ctx.tokens) if (ctx.lex.SPORTS_WORDS.has(t.normal)) words.add(t.normal);
    if (words.size < MIN_SPORTS_WORDS) return candidates;

    const teams = new Set<string>();
    for (const c of candidates) {
      if (!TEAM_KINDS.has(c.kind) || !c.country) continue;
      const prev = ctx.tokens[c.first - 1];
      const next = ctx.tokens[c.last];
      const sentence = ctx.tokens[c.first].sentence;
      const beside = (t: typeof prev) => t !== undefined && t.sentence === sentence && ctx.lex.MATCH_VERBS.has(t.normal);
      if (prev && prev.sentence === sentence && NOT_A_TEAM_BEFORE.has(prev.normal)) continue;
      if (scored.has(sentence) || beside(prev) || beside(next)) teams.add(c.key);
    }
    if (teams.size === 0) return candidates;
    // "the Belgians": the plural demonym of a team's country, as a noun, is the team too.
    const teamCountries = new Set(candidates.filter((c) => teams.has(c.key)).map((c) => c.country));
    for (const c of candidates) {
      const asTeam = teams.has(c.key) || (c.kind === 'demonym' && teamCountries.has(c.country) && ctx.tokens[c.first - 1]?.normal === 'the' && /s$/.test(ctx.tokens[c.last - 1].text));
      if (!asTeam) continue;
      c.key = `team:${c.country}:${c.key}`;
      c.type = 'ORGANIZATION';
      c.kind = 'team';
      c.actor = null;
      c.mentionActor = null;
      c.rule += '+team';
    }
    return candidates;
  },
};

export const REFINERS: readonly Refiner[] = [
  dropAbsorbedAndDates, // first: later refiners must not link to a swallowed or dated name
  dropProducts,
  bareHeads, // before coref: "the Church" takes the key of the body it names
  corefNames, // before acronyms and persons: variants share a key first
  linkAcronyms,
  retypeModifiedBodies, // before persons: "Russia's Security Council secretary" takes the national body
  localizeGenericBodies, // after retyping: only bodies without a country word are localized
  sportsTeams, // before persons and roles: a team's captain or coach is no state official
  codePersons, // titles and dates code persons
  namesakes, // after persons: a namesake mention copies the person's key, not a title's code
  nominalLeaders, // after persons: needs their countries and titles
  capitalsAsGovernments,
  placesInCountries,
  roleNouns, // last: does not override a code another refiner chose
];
