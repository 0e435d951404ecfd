// Actor references in a sentence: the entities layer's mentions that carry an
// actor code, plus the anaphors the events stage resolves itself. Anaphors never
// reach into another sentence except through the article's main dyad:
//   - pair anaphors ("both nations", "the two countries", "the two leaders") are
//     the main dyad, always;
//   - plural pronouns ("they", "their") are a plural antecedent in the same
//     sentence, else the main dyad when it is in focus (both named, or referred
//     to as a pair, in this or the previous sentence);
//   - singular pronouns ("it", "its", "he") are the nearest earlier singular
//     actor of the same sentence, or nothing.
import type { Entity, SentenceSpan, Token } from '../../article.js';
import { mainDyad as entitiesMainDyad } from '../entities/index.js';
import { CLAUSE_OPENERS, GATE_BITS, PAIR_ANAPHORS, PAIR_ANAPHORS_GATE, PLURAL_PRONOUNS, REPORTING_VERBS, ROLE_NOUNS, SINGULAR_PRONOUNS } from './dictionary.js';

export type RefKind = 'mention' | 'pair' | 'pronoun';

/** One actor standing at a place in the text. A pair anaphor gives two refs on the same span. */
export interface ActorRef {
  actor: string;
  name: string;
  start: number;
  end: number;
  text: string;
  /** Token range [first, last] (inclusive). */
  first: number;
  last: number;
  kind: RefKind;
  /** ISO alpha-3 country of the actor, when known: decides the main dyad and focus. */
  country: string | null;
  /** The written words denote several actors ("officials", "rebels"), for plural pronouns. */
  plural: boolean;
  /** How the ref was found, for provenance: mention rule, `pair:both nations`, `pronoun:their->dyad`. */
  how: string;
  /** A place (a LOCATION entity): where an act happens, which gives unnamed groups their country. */
  place?: boolean;
  /** The entities stage's finer kind (country, city, capital, leader, ...). */
  entityKind?: string;
  /** A person: "he", "his", "she" refer to persons, "it" and "its" to anything else. */
  person?: boolean;
}

/** Every ref is made here: one object shape, whoever makes it (the loops that read refs stay monomorphic). */
export function makeRef(
  actor: string,
  name: string,
  start: number,
  end: number,
  text: string,
  first: number,
  last: number,
  kind: RefKind,
  country: string | null,
  plural: boolean,
  how: string,
  place?: boolean,
  entityKind?: string,
  person?: boolean,
): ActorRef {
  return { actor, name, start, end, text, first, last, kind, country, plural, how, place, entityKind, person };
}

/** Refs that stand together: coordinated mentions ("Putin and Pezeshkian") or one anaphor for a pair. */
export interface Party {
  members: ActorRef[];
  first: number;
  last: number;
  /** "Russia's" / "their": the party owns the noun that follows. */
  possessive: boolean;
  /** "each other" / "one another": not an actor, it makes the event mutual. */
  reciprocal: boolean;
}

export interface Dyad {
  codes: [string, string];
  names: [string, string];
}

const COUNTRY_CODE = /^[A-Z]{3}/;

function countryOf(actor: string, entity: Entity | undefined): string | null {
  if (entity?.country) return entity.country;
  return COUNTRY_CODE.test(actor) ? actor.slice(0, 3) : null;
}

/**
 * The article's main dyad as the entities stage defines it (the two countries
 * most mentioned), with a display name for each: the country's own
 * most-mentioned entity ("Russia", not "Putin").
 */
export function mainDyad(entities: readonly Entity[]): Dyad | null {
  const codes = entitiesMainDyad(entities);
  if (!codes) return null;
  const names = codes.map((code) => {
    let best: Entity | null = null;
    for (const e of entities) if (e.actor === code && (!best || e.mentions.length > best.mentions.length)) best = e;
    return best?.name ?? code;
  });
  return { codes, names: [names[0], names[1]] };
}

/** Token index of the first token ending after `offset` (binary search). */
function tokenAt(tokens: readonly Token[], offset: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Entity mentions with an actor, by sentence, mapped onto tokens; nested mentions give way to the longest. */
export function mentionsBySentence(entities: readonly Entity[], tokens: readonly Token[], sentences: readonly SentenceSpan[]): ActorRef[][] {
  const out: ActorRef[][] = sentences.map(() => []);
  for (const e of entities) {
    for (const m of e.mentions) {
      const actor = m.actor ?? e.actor;
      if (!actor) continue;
      const s = sentences[m.sentence];
      if (!s) continue;
      const first = tokenAt(tokens, m.start, s.firstToken, s.endToken);
      let last = tokenAt(tokens, m.end - 1, first, s.endToken);
      if (first >= s.endToken) continue;
      if (last >= s.endToken) last = s.endToken - 1;
      const head = tokens[last];
      const plural = e.type === 'NORP' || (head.normal.endsWith('s') && head.pos === 'NOUN');
      out[m.sentence].push(makeRef(actor, e.name, m.start, m.end, m.text, first, last, 'mention', countryOf(actor, e), plural, m.rule, e.type === 'LOCATION', e.kind, e.type === 'PERSON'));
    }
  }
  for (const refs of out) {
    if (!inOrder(refs, byStart)) refs.sort(byStart);
    // Drop a mention nested in a longer one ("Iran" inside "Iran's Revolutionary Guard").
    for (let i = refs.length - 1; i > 0; i--) {
      const inner = refs[i];
      for (let k = 0; k < i; k++) {
        if (refs[k].start <= inner.start && refs[k].end >= inner.end) {
          refs.splice(i, 1);
          break;
        }
      }
    }
    // "the Iran-aligned Houthi movement", "a US-brokered deal between ...": a name inside a hyphenated
    // modifier qualifies the phrase's head, it is not the phrase (unless the phrase has no other name: "a Saudi-led coalition").
    for (let i = refs.length - 2; i >= 0; i--) {
      const dash = tokens[refs[i].last + 1];
      const participle = tokens[refs[i].last + 2];
      if (!dash || !isHyphen(dash.text) || !participle || (participle.pos !== 'VERB' && participle.pos !== 'ADJ')) continue;
      const head = refs[i + 1];
      if (head.first > refs[i].last + 2 && head.first - refs[i].last <= 5 && allPos(tokens, refs[i].last + 3, head.first, MODIFIER_POS)) refs.splice(i, 1);
    }
    // "Chinese President Xi Jinping": the demonym only qualifies the name that heads the phrase.
    for (let i = refs.length - 2; i >= 0; i--) {
      const head = refs[i + 1];
      const titles = head.first - (refs[i].last + 1) <= 3 && allPos(tokens, refs[i].last + 1, head.first, TITLE_WORD_POS);
      if (titles && refs[i].country !== null && refs[i].country === head.country && !possessiveAfter(tokens, refs[i].last)) refs.splice(i, 1);
    }
  }
  return out;
}

const MODIFIER_POS: ReadonlySet<string> = new Set(['ADJ', 'NOUN', 'PROPN']);
const TITLE_WORD_POS: ReadonlySet<string> = new Set(['PROPN', 'NOUN']);

/** Every token of [from, to) has one of the tags (true when the range is empty). */
function allPos(tokens: readonly Token[], from: number, to: number, tags: ReadonlySet<string>): boolean {
  for (let j = from; j < to; j++) if (!tags.has(tokens[j].pos)) return false;
  return true;
}

export interface UncodedPerson {
  first: number;
  last: number;
  name: string;
  entity: string;
}

/** Token spans, by sentence, of PERSON mentions the entities stage left without a code (titled persons may be coded here). */
export function uncodedPersons(entities: readonly Entity[], tokens: readonly Token[], sentences: readonly SentenceSpan[]): UncodedPerson[][] {
  const out: UncodedPerson[][] = sentences.map(() => []);
  for (const e of entities) {
    if (e.type !== 'PERSON' || e.actor) continue;
    for (const m of e.mentions) {
      const s = sentences[m.sentence];
      if (!s || m.actor) continue;
      const first = tokenAt(tokens, m.start, s.firstToken, s.endToken);
      const last = Math.min(tokenAt(tokens, m.end - 1, first, s.endToken), s.endToken - 1);
      if (first < s.endToken) out[m.sentence].push({ first, last, name: e.name, entity: e.id });
    }
  }
  return out;
}

const POSSESSIVE = new Set(["'s", '’s', "'", '’']);
const POSSESSIVE_PRONOUNS = new Set(['their', 'its', 'his', 'her', 'theirs']);
const JOINERS = new Set(['and', ',', '&', 'or']);

/** Groups refs that stand together: coordinated names and the two refs of a pair anaphor. */
export function partiesOf(refs: readonly ActorRef[], tokens: readonly Token[]): Party[] {
  const parties: Party[] = [];
  for (const r of refs) {
    const last = parties[parties.length - 1];
    // "... and his Azerbaijani counterpart": the name after a possessive pronoun is the party's member, not "his".
    const held = last?.members[last.members.length - 1];
    if (held && held.kind === 'pronoun' && held.last === r.first - 1 && POSSESSIVE_PRONOUNS.has(tokens[held.first].normal) && last!.members.length > 1) {
      last!.members[last!.members.length - 1] = r;
      last!.last = r.last;
      last!.possessive = possessiveAfter(tokens, r.last);
      continue;
    }
    // The same span (a pair anaphor's two refs), coordinated names, or a comma list ("Iran, Libya and Cuba": a comma
    // joins names only; the list is checked for its "and" below). The cheap tests first: the coordination is a scan.
    if (last !== undefined && (sameSpan(last, r) || (!last.possessive && (listed(last, r, tokens) || joined(last, r, tokens))))) {
      last.members.push(r);
      last.last = Math.max(last.last, r.last);
      last.possessive = possessiveAfter(tokens, last.last) || (r.kind !== 'mention' && POSSESSIVE_PRONOUNS.has(tokens[r.first].normal));
      continue;
    }
    parties.push({
      members: [r],
      first: r.first,
      last: r.last,
      possessive: possessiveAfter(tokens, r.last) || (r.kind !== 'mention' && POSSESSIVE_PRONOUNS.has(tokens[r.first].normal)),
      reciprocal: false,
    });
  }
  // A comma list without a final "and"/"or" is not a coordination ("In Syria, both nations").
  let split = false;
  for (const p of parties) if (p.members.length > 1 && commaOnly(p, tokens)) split = true;
  return split ? parties.flatMap((p) => (p.members.length > 1 && commaOnly(p, tokens) ? splitParty(p, tokens) : [p])) : parties;
}

function sameSpan(party: Party, r: ActorRef): boolean {
  for (const m of party.members) if (m.start === r.start && m.end === r.end) return true;
  return false;
}

function listed(party: Party, r: ActorRef, tokens: readonly Token[]): boolean {
  if (r.kind !== 'mention' || r.first !== party.last + 2 || tokens[party.last + 1].text !== ',') return false;
  for (const m of party.members) if (m.kind !== 'mention') return false;
  return true;
}

function joined(party: Party, r: ActorRef, tokens: readonly Token[]): boolean {
  return r.first > party.last && coordinated(tokens, party.last + 1, r.first) && !clauseSubjectAfterComma(tokens, party.last + 1, r);
}

/**
 * The tokens between two actors coordinate them: "Russia and Iran", "Putin,
 * Xi and Modi", "Libyan leader Muammar Gaddafi and Bulgarian President": the
 * first phrase may run on over its head words before the conjunction, the second
 * may open with a determiner.
 */
function coordinated(tokens: readonly Token[], from: number, to: number): boolean {
  let i = from;
  while (i < to && (tokens[i].pos === 'PROPN' || tokens[i].pos === 'NOUN') && i - from < 4) i++;
  let conjunction = false;
  while (i < to && JOINERS.has(tokens[i].normal)) {
    if (tokens[i].normal !== ',') conjunction = true;
    i++;
  }
  // "... and Greek Prime Minister Kyriakos Mitsotakis", "... and his Chinese counterpart": the second phrase may open with a title.
  if (i < to && POSSESSIVE_PRONOUNS.has(tokens[i].normal)) i++;
  const opening = i;
  while (i < to && TITLE_POS.has(tokens[i].pos) && i - opening < 4) i++;
  return conjunction && i === to;
}

const TITLE_POS = new Set(['DET', 'ADJ', 'PROPN', 'NOUN']);

/** "..., Japan and Australia, and Chinese officials have accused ...": after ", and" a phrase followed by its verb opens a new clause. */
function clauseSubjectAfterComma(tokens: readonly Token[], from: number, r: ActorRef): boolean {
  let comma = false;
  for (let j = from; j < r.first; j++) if (tokens[j].text === ',') comma = true;
  if (!comma) return false;
  let k = r.last + 1;
  while (tokens[k] && (tokens[k].pos === 'NOUN' || tokens[k].pos === 'ADV') && k - r.last <= 3) k++;
  return tokens[k] !== undefined && (tokens[k].pos === 'VERB' || tokens[k].pos === 'AUX');
}

function commaOnly(p: Party, tokens: readonly Token[]): boolean {
  if (p.members.every((m) => m.start === p.members[0].start)) return false;
  for (let i = p.first; i <= p.last; i++) if (tokens[i].normal === 'and' || tokens[i].normal === 'or' || tokens[i].normal === '&') return false;
  return true;
}

function splitParty(p: Party, tokens: readonly Token[]): Party[] {
  const out: Party[] = [];
  for (const m of p.members) {
    const last = out[out.length - 1];
    if (last && last.members[0].start === m.start) {
      last.members.push(m);
      continue;
    }
    const possessive = possessiveAfter(tokens, m.last) || (m.kind !== 'mention' && POSSESSIVE_PRONOUNS.has(tokens[m.first].normal));
    out.push({ members: [m], first: m.first, last: m.last, possessive, reciprocal: false });
  }
  return out;
}

function possessiveAfter(tokens: readonly Token[], last: number): boolean {
  const next = tokens[last + 1];
  return next !== undefined && next.pos === 'PART' && POSSESSIVE.has(next.text);
}


// ---- anaphors ---------------------------------------------------------------

export interface AnaphorContext {
  dyad: Dyad | null;
  /** The dyad was named or referred to as a pair in the previous sentence. */
  focusBefore: boolean;
  /** The previous sentence's subject when it was one actor: "He held talks ..." after "Raisi flew to Riyadh". */
  previousSubject?: ActorRef | null;
  /** The article's gate masks (tokens.ts), when computed: else the pair gate is asked token by token. */
  gates?: Uint16Array;
}

function pushDyadRefs(refs: ActorRef[], dyad: Dyad, span: { start: number; end: number; text: string; first: number; last: number }, kind: RefKind, how: string, role = ''): void {
  for (let i = 0; i < 2; i++) {
    const code = dyad.codes[i];
    refs.push(makeRef(code + role, dyad.names[i], span.start, span.end, span.text, span.first, span.last, kind, code, true, how));
  }
}

/**
 * "each accused the other", "each blamed the other side": a reciprocal split
 * between a subject "each" and "the other" after its verb (not "the other
 * countries", which names others).
 */
function eachOther(tokens: readonly Token[], sentence: SentenceSpan, reciprocals: { first: number; last: number }[]): void {
  for (let i = sentence.firstToken; i + 1 < sentence.endToken; i++) {
    if (tokens[i].normal !== 'each' || (tokens[i + 1].pos !== 'VERB' && tokens[i + 1].pos !== 'AUX')) continue;
    for (let j = i + 2; j + 1 < sentence.endToken && j <= i + 8; j++) {
      if (tokens[j].normal !== 'the' || tokens[j + 1].normal !== 'other') continue;
      const next = j + 2 < sentence.endToken ? tokens[j + 2] : undefined;
      const side = next !== undefined && (next.normal === 'side' || next.normal === 'party');
      if (next !== undefined && !side && (next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADJ')) break;
      reciprocals.push({ first: j, last: side ? j + 2 : j + 1 });
      break;
    }
  }
}

/**
 * Adds the sentence's anaphors to its mentions. Returns the refs sorted by
 * position, the reciprocal spans ("each other") and whether the dyad is in
 * focus at the end of the sentence (for the next one).
 */
export function resolveAnaphors(
  mentions: readonly ActorRef[],
  tokens: readonly Token[],
  sentence: SentenceSpan,
  ctx: AnaphorContext,
): { refs: ActorRef[]; reciprocals: { first: number; last: number }[]; focus: boolean } {
  const refs: ActorRef[] = mentions.slice();
  const reciprocals: { first: number; last: number }[] = [];
  const { dyad, gates } = ctx;

  // Pair anaphors first: "both nations" is never a pronoun's antecedent problem.
  for (let i = sentence.firstToken; i < sentence.endToken; i++) {
    if (gates ? (gates[i] & GATE_BITS.pairAnaphors) === 0 : !PAIR_ANAPHORS_GATE.opens(tokens[i])) continue;
    const hit = PAIR_ANAPHORS.matchAt(tokens, i, sentence.endToken)[0];
    if (!hit) continue;
    const last = hit.end - 1;
    const anaphor = hit.value;
    if (!covered(refs, i)) {
      if (anaphor.reciprocal) reciprocals.push({ first: i, last });
      else if (dyad) pushDyadRefs(refs, dyad, spanOf(tokens, i, last), 'pair', `pair:${anaphor.phrase}`, anaphor.role ?? '');
    }
    i = last;
  }

  eachOther(tokens, sentence, reciprocals);

  let antecedents: Antecedents | null = null;
  for (let i = sentence.firstToken; i < sentence.endToken; i++) {
    if (gates && (gates[i] & GATE_BITS.pronoun) === 0) continue;
    const t = tokens[i];
    if (t.pos !== 'PRON' && t.pos !== 'DET') continue;
    const plural = PLURAL_PRONOUNS.has(t.normal);
    if (!plural && !SINGULAR_PRONOUNS.has(t.normal)) continue;
    if (covered(refs, i)) continue;
    // Antecedents: earlier actors of the sentence, those outside prepositional phrases first ("invited their
    // leaders" after "bowed to the protesters" may still reach into one); never the subject of the pronoun's own
    // clause unless the pronoun is possessive ("troops would be deployed against them" is not about the troops).
    antecedents ??= new Antecedents(tokens, sentence, refs);
    const earlier = antecedents.earlier(i, POSSESSIVE_PRONOUNS.has(t.normal));
    const candidates = antecedents.outsideFirst(earlier);
    if (plural) resolvePlural(refs, t, i, spanOf(tokens, i, i), candidates, antecedents.prep, ctx);
    else resolveSingular(refs, t, i, spanOf(tokens, i, i), earlier, candidates, antecedents.prep, tokens, sentence, ctx);
  }

  if (!inOrder(refs, byPosition)) refs.sort(byPosition);
  let focus = dyad !== null && namesBoth(refs, dyad, sentence.endToken);
  for (let k = 0; k < refs.length && !focus; k++) if (refs[k].kind === 'pair' || refs[k].how.endsWith('->dyad')) focus = true;
  return { refs, reciprocals, focus };
}

// Helpers of resolveAnaphors' token loop: no closure over a loop variable there (each would cost an allocation per token).
function endingBefore(refs: readonly ActorRef[], i: number): ActorRef[] {
  const out: ActorRef[] = [];
  for (const r of refs) if (r.last < i) out.push(r);
  return out;
}

function notLocalSubjects(parties: readonly Party[], tokens: readonly Token[], i: number): Party[] {
  const out: Party[] = [];
  for (const p of parties) if (!localSubject(tokens, p, i)) out.push(p);
  return out;
}

function pairBefore(refs: readonly ActorRef[], i: number): boolean {
  for (const r of refs) if (r.kind === 'pair' && r.last < i) return true;
  return false;
}

function mentionsInOrder(refs: readonly ActorRef[]): ActorRef[] {
  const named = refs.filter((r) => r.kind === 'mention');
  return inOrder(named, byFirst) ? named : named.sort(byFirst);
}

const byFirst = (a: ActorRef, b: ActorRef): number => a.first - b.first;
const byStart = (a: ActorRef, b: ActorRef): number => a.start - b.start || b.end - a.end || (a.actor < b.actor ? -1 : a.actor > b.actor ? 1 : 0);

/**
 * The sentence's named actors as antecedents of its pronouns, worked out at
 * the first pronoun: the named actors in order (pronoun and pair refs never
 * are antecedents), the parties of those ending before the pronoun (the set
 * only grows left to right, so its size names it), and which parties sit in a
 * prepositional phrase.
 */
class Antecedents {
  private named: ActorRef[] | null = null;
  private before: Party[] = [];
  private beforeCount = -1;
  readonly prep: PrepCache;
  constructor(
    private readonly tokens: readonly Token[],
    sentence: SentenceSpan,
    private readonly refs: readonly ActorRef[],
  ) {
    this.prep = new PrepCache(tokens, sentence.firstToken);
  }
  /** The parties ending before token `i`, but the subject of the pronoun's own clause unless it is possessive. */
  earlier(i: number, possessive: boolean): Party[] {
    const named = (this.named ??= mentionsInOrder(this.refs));
    let count = 0;
    for (const r of named) if (r.last < i) count++;
    if (count !== this.beforeCount) {
      this.before = count === 0 ? [] : partiesOf(count === named.length ? named : endingBefore(named, i), this.tokens);
      this.beforeCount = count;
    }
    return possessive ? this.before : notLocalSubjects(this.before, this.tokens, i);
  }
  /** Nearest first, those outside prepositional phrases before those inside. */
  outsideFirst(earlier: readonly Party[]): Party[] {
    const candidates: Party[] = [];
    for (let k = earlier.length - 1; k >= 0; k--) if (!this.prep.inPrep(earlier[k])) candidates.push(earlier[k]);
    for (let k = earlier.length - 1; k >= 0; k--) if (this.prep.inPrep(earlier[k])) candidates.push(earlier[k]);
    return candidates;
  }
}

type Span = { start: number; end: number; text: string; first: number; last: number };

/** "they", "their": a coordinated pair or a plural noun earlier in the sentence ("rebel leaders said they ..."), else the pair in focus. */
function resolvePlural(refs: ActorRef[], t: Token, i: number, span: Span, candidates: readonly Party[], prep: PrepCache, ctx: AnaphorContext): void {
  const { dyad } = ctx;
  let nearest: Party | undefined;
  for (const p of candidates) {
    if (p.members.length >= 2 || p.members[0].plural) {
      nearest = p;
      break;
    }
  }
  const outside = nearest && !prep.inPrep(nearest);
  if (nearest && (outside || !dyad || !(ctx.focusBefore || namesBoth(refs, dyad, i)))) {
    for (const m of nearest.members) refs.push(makeRef(m.actor, m.name, span.start, span.end, span.text, i, i, 'pronoun', m.country, m.plural, `pronoun:${t.normal}->${m.text}`, m.place, m.entityKind, m.person));
    return;
  }
  if (dyad && (ctx.focusBefore || namesBoth(refs, dyad, i) || pairBefore(refs, i))) {
    pushDyadRefs(refs, dyad, span, 'pronoun', `pronoun:${t.normal}->dyad`);
  }
}

/**
 * "he"/"his" refer to persons, "it"/"its" to countries and bodies; the
 * sentence's subject first ("Erdogan said ... that he would raise it", "the
 * United States condemned ... and reaffirmed its commitment"); a sentence that
 * opens with "He" or "It" continues with the previous sentence's subject.
 */
function resolveSingular(refs: ActorRef[], t: Token, i: number, span: Span, earlier: readonly Party[], candidates: readonly Party[], prep: PrepCache, tokens: readonly Token[], sentence: SentenceSpan, ctx: AnaphorContext): void {
  const personal = PERSONAL_PRONOUNS.has(t.normal);
  const first = firstParty(tokens, earlier, sentence, prep);
  let subject: Party | undefined;
  if (first) for (const p of candidates) if (!prep.inPrep(p) && p.first === first.first) {
    subject = p;
    break;
  }
  let agreeing = subject && agrees(subject, personal) ? subject : undefined;
  if (!agreeing) for (const p of candidates) if (agrees(p, personal)) {
    agreeing = p;
    break;
  }
  const antecedent = agreeing?.members[0];
  if (antecedent) refs.push(makeRef(antecedent.actor, antecedent.name, span.start, span.end, span.text, i, i, 'pronoun', antecedent.country, antecedent.plural, `pronoun:${t.normal}->${antecedent.text}`, antecedent.place, antecedent.entityKind, antecedent.person));
  else if (ctx.previousSubject && i === firstWord(tokens, sentence) && t.pos === 'PRON') {
    const p = ctx.previousSubject;
    refs.push(makeRef(p.actor, p.name, span.start, span.end, span.text, i, i, 'pronoun', p.country, p.plural, `pronoun:${t.normal}->${p.text}@previous-sentence`, false, p.entityKind, p.person));
  }
}

const byPosition = (a: ActorRef, b: ActorRef): number => a.first - b.first || a.start - b.start || (a.actor < b.actor ? -1 : a.actor > b.actor ? 1 : 0);

/** The array is already in the comparator's order (a stable sort would leave it as it is). */
export function inOrder<T>(items: readonly T[], order: (a: T, b: T) => number): boolean {
  for (let k = 1; k < items.length; k++) if (order(items[k - 1], items[k]) > 0) return false;
  return true;
}

function covered(refs: readonly ActorRef[], i: number): boolean {
  for (const r of refs) if (r.first <= i && i <= r.last) return true;
  return false;
}

/** Refs before token `upTo` name both countries of the dyad. */
function namesBoth(refs: readonly ActorRef[], dyad: Dyad, upTo: number): boolean {
  let first = false;
  let second = false;
  for (const r of refs) {
    if (r.last >= upTo) continue;
    if (r.country === dyad.codes[0]) first = true;
    if (r.country === dyad.codes[1]) second = true;
  }
  return first && second;
}

/** A pronoun agrees with a one-member party: number, and person ("he") or not ("it"). */
function agrees(p: Party, personal: boolean): boolean {
  return p.members.length === 1 && !p.members[0].plural && (p.members[0].person === true) === personal;
}

/** Whether a party of the sentence sits in a prepositional phrase, worked out once per party start. */
class PrepCache {
  private known: Map<number, boolean> | null = null;
  constructor(
    private readonly tokens: readonly Token[],
    private readonly floor: number,
  ) {}
  inPrep(p: Party): boolean {
    const known = (this.known ??= new Map());
    let inside = known.get(p.first);
    if (inside === undefined) known.set(p.first, (inside = inPrepPhrase(this.tokens, p.first, this.floor)));
    return inside;
  }
}

const PERSONAL_PRONOUNS = new Set(['he', 'his', 'him', 'she', 'her']);

/** The party is the subject of the clause the pronoun at `i` sits in: a verb follows it, nothing opens a new clause before `i`. */
function localSubject(tokens: readonly Token[], p: Party, i: number): boolean {
  let verb = false;
  for (let j = p.last + 1; j < i; j++) {
    const t = tokens[j];
    if (t.pos === 'PUNCT' || t.pos === 'CCONJ' || t.pos === 'SCONJ' || (t.pos === 'PART' && t.normal === 'to') || CLAUSE_OPENERS.has(t.normal)) return false;
    // "Syria says it is ready": a reporting verb opens the clause the pronoun is in.
    if (t.pos === 'VERB' && REPORTING_VERBS.has(t.lemma.toLowerCase())) return false;
    if (t.pos === 'VERB' || t.pos === 'AUX') verb = true;
  }
  return verb;
}

/** The first party of the sentence standing before its first verb outside any prepositional phrase: its subject. */
function firstParty(tokens: readonly Token[], parties: readonly Party[], sentence: SentenceSpan, prepCache: PrepCache): Party | undefined {
  let verb = sentence.endToken;
  for (let k = sentence.firstToken; k < sentence.endToken; k++) {
    if (tokens[k].pos === 'VERB' || tokens[k].pos === 'AUX') {
      verb = k;
      break;
    }
  }
  for (const p of parties) if (p.last < verb && !prepCache.inPrep(p)) return p;
  return undefined;
}

function firstWord(tokens: readonly Token[], sentence: SentenceSpan): number {
  let i = sentence.firstToken;
  while (i < sentence.endToken && (tokens[i].pos === 'PUNCT' || tokens[i].pos === 'SPACE')) i++;
  return i;
}

/** Kinds of place that stand for their country as actors ("Beijing said", "Iran"), unlike a city where something happens. */
export const ACTOR_PLACES: ReadonlySet<string> = new Set(['country', 'capital', 'historical-state']);

/** A place that is only where something happens (a city, a region), not an actor. */
export function mereplace(r: ActorRef): boolean {
  return r.place === true && !ACTOR_PLACES.has(r.entityKind ?? '');
}

/**
 * The sentence's subject when it is one actor standing before the first verb,
 * outside any prepositional phrase ("Iranian President Ebrahim Raisi flew ..."),
 * for a "He"/"It" opening the next sentence.
 */
export function sentenceSubject(refs: readonly ActorRef[], tokens: readonly Token[], sentence: SentenceSpan): ActorRef | null {
  let verb = sentence.endToken;
  for (let i = sentence.firstToken; i < sentence.endToken; i++) {
    if (tokens[i].pos === 'VERB' || tokens[i].pos === 'AUX') {
      verb = i;
      break;
    }
  }
  const before = refs.filter((r) => r.kind === 'mention' && r.last < verb && !mereplace(r));
  if (before.length === 0) return null;
  // The last party outside prepositional phrases.
  const parties = partiesOf(before, tokens);
  let subject: Party | undefined;
  for (let k = parties.length - 1; k >= 0 && !subject; k--) if (!inPrepPhrase(tokens, parties[k].first, sentence.firstToken)) subject = parties[k];
  return subject && subject.members.length === 1 && !subject.possessive && !subject.members[0].plural ? subject.members[0] : null;
}

export function spanOf(tokens: readonly Token[], first: number, last: number): { start: number; end: number; text: string; first: number; last: number } {
  const start = tokens[first].start;
  const end = tokens[last].end;
  // Tokens are verbatim slices of the text, so the span text is rebuilt from the tokens and gaps.
  let text = '';
  for (let i = first; i <= last; i++) {
    if (i > first) text += ' '.repeat(tokens[i].start - tokens[i - 1].end);
    text += tokens[i].text;
  }
  return { start, end, text, first, last };
}

const NP_INNER = new Set(['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN']);
/** Quotes and dashes a noun phrase may hold. */
const INNER_QUOTES: ReadonlySet<string> = new Set(['"', '“', '”', '‘', '’', "'", '«', '»', '-']);

/** A hyphen joining a compound ("Iran-aligned"): "-", "‐" or "‑". */
export function isHyphen(text: string): boolean {
  return text === '-' || text === '‐' || text === '‑';
}
const SUBJECT_PRONOUNS = new Set(['they', 'he', 'she', 'it', 'we', 'them', 'him', 'her']);
/** Prepositions a role noun's actor is seen through ("the president of Armenia", "rebels in the Ivory Coast"). */
export const SEE_THROUGH: ReadonlySet<string> = new Set(['of', 'in', 'from', 'throughout', 'across']);
/** After a verb only "of" is: "withdrew its troops from Syria" names where from, not whose troops. */
export const SEE_THROUGH_OF: ReadonlySet<string> = new Set(['of']);
/** Heads of quantities whose "of" phrase is what counts ("a range of imports", "dozens of protesters"). */
const PARTITIVES: ReadonlySet<string> = new Set(['range', 'series', 'number', 'lot', 'lots', 'host', 'variety', 'array', 'handful', 'dozen', 'dozens', 'hundreds', 'thousands', 'tens', 'millions', 'billions', 'scores', 'some', 'many', 'most', 'all', 'several', 'one', 'two', 'three', 'group', 'crowd', 'crowds', 'batch', 'wave', 'worth', 'dollars', 'tons', 'tonnes', 'barrels', 'part', 'half', 'third', 'members']);
const CONJUNCTIONS = new Set(['and', 'or', '&']);

function conjunctJoin(tokens: readonly Token[], j: number, floor: number): boolean {
  const t = tokens[j];
  const before = tokens[j - 1];
  if (!before || j - 1 < floor || !(before.pos === 'NOUN' || before.pos === 'PROPN' || before.pos === 'NUM')) return false;
  // Not across a comma: "In Syria, both nations ..." is no conjunct of Syria.
  return t.pos === 'CCONJ' && CONJUNCTIONS.has(t.normal);
}

const QUANTIFIERS = new Set(['about', 'around', 'over', 'under', 'nearly', 'almost', 'some', 'than', 'approximately']);

/** What governs the noun phrase starting at a token: a preposition, nothing up to the floor (direct), or something else. */
export interface Governor {
  /** The governing preposition, lower-cased, or null. */
  prep: string | null;
  /** Only the phrase's own words lie between the floor and the phrase: a subject or a direct object. */
  direct: boolean;
  /** Token index of the preposition, or -1. */
  at: number;
}

/**
 * The preposition governing the noun phrase that starts at token `first`
 * ("in Syria" → in), walking left over the phrase's determiners and modifiers
 * down to `floor`. "of", "in", "from" (and "throughout", "across") after a role noun are see-through: in
 * "talks with the president of Armenia" Armenia is governed by "with", and
 * "rebels in the Ivory Coast" as a subject is the Ivory Coast's rebels acting.
 * Quantities ("up to 16 Russian advisers") are not prepositions.
 */
export function governorOf(tokens: readonly Token[], first: number, floor: number, seeThrough: ReadonlySet<string> = SEE_THROUGH): Governor {
  // "in the early 2000s they co-hosted": a personal pronoun is its own phrase; only the word before it governs it.
  const pronoun = tokens[first].pos === 'PRON' && SUBJECT_PRONOUNS.has(tokens[first].normal);
  for (let j = first - 1; j >= floor; j--) {
    if (pronoun && j < first - 1) return { prep: null, direct: false, at: -1 };
    const t = tokens[j];
    const isPrep = t.pos === 'ADP' || (t.pos === 'SCONJ' && (t.normal === 'for' || t.normal === 'as'));
    if (isPrep) {
      const head = tokens[j - 1];
      if (seeThrough.has(t.normal) && head && j - 1 >= floor && ROLE_NOUNS.has(head.normal)) continue;
      // "a range of Chinese imports", "thousands of demonstrators": a quantity's "of" is no preposition of the phrase.
      if (t.normal === 'of' && head && j - 1 >= floor && PARTITIVES.has(head.normal)) continue;
      // "Secretary of State Antony Blinken", "Minister of Foreign Affairs X": an "of" inside a capitalised title.
      if (t.normal === 'of' && head && /^\p{Lu}/u.test(head.text) && j + 1 < first && tokens.slice(j + 1, first).every((x) => /^\p{Lu}/u.test(x.text))) continue;
      // "up to 16 Russian advisers", "more than 100 Palestinians", "about 70 million": a quantity, not a preposition.
      if (tokens[j + 1]?.pos === 'NUM' && (QUANTIFIERS.has(t.normal) || (t.normal === 'to' && head?.normal === 'up') || (t.normal === 'than' && head && /^(more|less|fewer)$/.test(head.normal)))) {
        if (t.normal === 'to' || t.normal === 'than') j--;
        continue;
      }
      return { prep: t.normal, direct: false, at: j };
    }
    if (NP_INNER.has(t.pos) || (t.pos === 'PART' && POSSESSIVE.has(t.text)) || (t.pos === 'PUNCT' && INNER_QUOTES.has(t.text))) continue;
    // "with his Saudi counterpart": a possessive pronoun before a demonym and its noun is the phrase's
    // determiner ("on its Black Sea Fleet", a name after it, still ends the search).
    if (j === first - 1 && t.pos === 'PRON' && POSSESSIVE_PRONOUNS.has(t.normal) && tokens[first + 1]?.pos === 'NOUN') continue;
    // "the Iran-aligned Houthi movement": a participle glued by a hyphen is a modifier of the phrase.
    if (t.pos === 'VERB' && isHyphen(tokens[j - 1]?.text ?? '')) continue;
    // "with Turkey and the UN": the second conjunct shares the first one's preposition.
    if (conjunctJoin(tokens, j, floor)) continue;
    return { prep: null, direct: false, at: -1 };
  }
  return { prep: null, direct: true, at: -1 };
}

/** The phrase sits in a prepositional phrase ("in Syria", "of the Soviet Union"): it is neither subject nor object. */
export function inPrepPhrase(tokens: readonly Token[], first: number, floor: number): boolean {
  return governorOf(tokens, first, floor).prep !== null;
}
