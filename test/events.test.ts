import { describe, expect, it } from 'vitest';
import type { ArticleDoc, DateMention, Entity, EventRecord } from '../src/article.js';
import { extractEvents, eventsStage } from '../src/stages/events/index.js';
import { PATTERNS, TRIGGERS, CATEGORIES } from '../src/stages/events/dictionary.js';
import { extentOf, isHistorical } from '../src/stages/events/timing.js';
import { SEED_TEXT, docFromText, offsetOf, seedDoc } from './helpers.js';

// ---- hand-built layers: the events stage alone, whatever the other stages do ----

type ActorSpec = [surface: string, actor: string, country: string | null, name?: string];
type DateSpec = [surface: string, value: string, mod?: string];

/** A carrier for `text` with segments from the pipeline and dates, entities and stance built by hand. */
function handDoc(text: string, actors: ActorSpec[], dates: DateSpec[] = [], published: string | null = '2025-01-17'): ArticleDoc {
  const doc = docFromText(text, { published, until: 'segments' });
  const sentences = doc.layers.segments!.sentences;
  const sentenceOf = (offset: number) => sentences.find((s) => s.start <= offset && offset < s.end)!.index;
  const entities: Entity[] = [];
  for (const [surface, actor, country, name] of actors) {
    const mentions = [];
    for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) {
      mentions.push({ start: at, end: at + surface.length, text: surface, sentence: sentenceOf(at), actor, rule: 'hand' });
    }
    entities.push({ id: `${actor}:${surface}`, name: name ?? surface, type: 'LOCATION', actor, country, kind: 'country', mentions });
  }
  const dateLayer: DateMention[] = dates.map(([surface, value, mod]) => {
    const start = text.indexOf(surface);
    return { start, end: start + surface.length, text: surface, type: 'DATE', value, ...(mod ? { mod } : {}), anchor: null, certainty: 'stated', rule: 'hand', sentence: sentenceOf(start) };
  });
  doc.layers.dates = dateLayer;
  doc.layers.entities = entities;
  doc.layers.stance = sentences.map(() => ({ label: 'neutral', score: 0, confidence: 0, cues: [], about: [], hedged: false, historical: false }));
  return doc;
}

const eventsOf = (doc: ArticleDoc): EventRecord[] => extractEvents(doc).events;
const brief = (e: EventRecord) => [e.type, e.source?.actor ?? null, e.target?.actor ?? null, e.trigger.text, e.mode];

describe('events: the pattern dictionary', () => {
  it('holds a few hundred patterns across all 16 PLOVER categories, each with a known quad class', () => {
    expect(PATTERNS.length).toBeGreaterThan(300);
    const categories = new Set(PATTERNS.map((p) => p.type));
    expect([...categories].sort()).toEqual(Object.keys(CATEGORIES).sort());
    expect(categories.size).toBe(16);
    for (const p of PATTERNS) expect(p.intensity).toBeGreaterThanOrEqual(-10), expect(p.intensity).toBeLessThanOrEqual(10);
  });

  it('matches inflected triggers and -ing nouns by lemma', () => {
    const doc = docFromText('They collaborated after the killings and the shelling of the town.', { until: 'segments' });
    const { tokens } = doc.layers.segments!;
    const phrases = TRIGGERS.findAll(tokens).map((h) => `${h.value.type}:${doc.text.slice(h.start, h.endOffset)}`);
    expect(phrases).toContain('COOPERATE:collaborated');
    expect(phrases).toContain('ASSAULT:killings');
    expect(phrases).toContain('ASSAULT:shelling');
  });
});

describe('events: who did what to whom', () => {
  it('takes the subject as source and the direct object as target', () => {
    const doc = handDoc('Russia supported Iran against U.S. pressure.', [['Russia', 'RUS', 'RUS'], ['Iran', 'IRN', 'IRN'], ['U.S.', 'USA', 'USA']]);
    const [e] = eventsOf(doc);
    expect(brief(e)).toEqual(['SUPPORT', 'RUS', 'IRN', 'supported', 'asserted']);
    expect(e.trigger).toEqual({ start: 7, end: 16, text: 'supported' });
    expect(e.source).toMatchObject({ start: 0, end: 6, text: 'Russia', name: 'Russia' });
    expect(e.target).toMatchObject({ start: 17, end: 21, text: 'Iran' });
    expect(e.quadClass).toBe('VERBAL_COOPERATION');
  });

  it('reads the passive: the subject is the target, the by-phrase the source', () => {
    const doc = handDoc('Israel was attacked by Hezbollah on Monday.', [['Israel', 'ISR', 'ISR'], ['Hezbollah', 'LBNREB', 'LBN']]);
    expect(eventsOf(doc).map(brief)).toEqual([['ASSAULT', 'LBNREB', 'ISR', 'attacked', 'asserted']]);
  });

  it('reaches the target through the pattern prepositions and sees through role nouns', () => {
    const doc = handDoc('Putin agreed to negotiate with the president of Armenia.', [['Putin', 'RUSGOV', 'RUS'], ['Armenia', 'ARM', 'ARM']]);
    const negotiate = eventsOf(doc).find((e) => e.trigger.text === 'negotiate')!;
    expect([negotiate.source?.actor, negotiate.target?.actor]).toEqual(['ARM', 'RUSGOV']);
  });

  it('codes a mutual act once, source and target sorted by actor code', () => {
    const doc = handDoc('Talks between Russia and Iran resumed on Monday.', [['Russia', 'RUS', 'RUS'], ['Iran', 'IRN', 'IRN']]);
    const events = eventsOf(doc);
    expect(events.map(brief)).toEqual([['CONSULT', 'IRN', 'RUS', 'Talks', 'asserted']]);
    expect(events[0].rule).toContain('mutual');
  });

  it('gives a directed act of a compound subject one record per member', () => {
    const doc = handDoc('Russia and Iran sent weapons to Syria.', [['Russia', 'RUS', 'RUS'], ['Iran', 'IRN', 'IRN'], ['Syria', 'SYR', 'SYR']]);
    expect(eventsOf(doc).map(brief)).toEqual([
      ['AID', 'IRN', 'SYR', 'sent', 'asserted'],
      ['AID', 'RUS', 'SYR', 'sent', 'asserted'],
    ]);
  });

  it('takes a noun trigger source from its possessor and its target through a preposition', () => {
    const doc = handDoc('Analysts recalled Russia’s invasion of Ukraine.', [['Russia', 'RUS', 'RUS'], ['Ukraine', 'UKR', 'UKR']]);
    expect(eventsOf(doc).map(brief)).toEqual([['ASSAULT', 'RUS', 'UKR', 'invasion', 'asserted']]);
  });

  it('takes a light verb subject for its noun ("launched an offensive against")', () => {
    const doc = handDoc('Ukraine launched an offensive against Russia.', [['Ukraine', 'UKR', 'UKR'], ['Russia', 'RUS', 'RUS']]);
    const [e] = eventsOf(doc);
    expect(brief(e)).toEqual(['ASSAULT', 'UKR', 'RUS', 'offensive', 'asserted']);
    expect(e.rule).toContain('source:light-verb-subject');
  });

  it('takes the partners of a mutual act from an attached "between" phrase only, and no location as a partner', () => {
    const actors: ActorSpec[] = [['Iran', 'IRN', 'IRN'], ['Saudi Arabia', 'SAU', 'SAU'], ['Israel', 'ISR', 'ISR'], ['Gaza', 'PSE', 'PSE']];
    const talks = handDoc('Iran watched talks on normalising relations between Saudi Arabia and Israel.', actors);
    expect(eventsOf(talks).map(brief)).toEqual([['SUPPORT', 'ISR', 'SAU', 'normalising', 'asserted']]);
    expect(eventsOf(handDoc('Iran condemned the war in Gaza.', actors)).map(brief)).toEqual([['ACCUSE', 'IRN', null, 'condemned', 'asserted']]);
  });

  it('reads a relative clause subject from its antecedent, or from the subject a copula equates it with', () => {
    const actors: ActorSpec[] = [['Turkey', 'TUR', 'TUR'], ['Cyprus', 'CYP', 'CYP'], ['Hezbollah', 'LBNREB', 'LBN'], ['Israel', 'ISR', 'ISR']];
    expect(eventsOf(handDoc('Turkey is the only country that recognises the government of Cyprus.', actors)).map(brief)).toEqual([['SUPPORT', 'TUR', 'CYPGOV', 'recognises', 'asserted']]);
    expect(eventsOf(handDoc('Hezbollah, which attacked Israel, was silent.', actors)).map(brief)).toEqual([['ASSAULT', 'LBNREB', 'ISR', 'attacked', 'asserted']]);
  });

  it('does not read names as events ("the Shanghai Cooperation Organisation", "World War II")', () => {
    const actors: ActorSpec[] = [['China', 'CHN', 'CHN'], ['India', 'IND', 'IND']];
    expect(eventsOf(handDoc('China and India sit in the Shanghai Cooperation Organisation.', actors))).toEqual([]);
    expect(eventsOf(handDoc('China and India remember World War II.', actors))).toEqual([]);
  });

  it('drops events without actors and cooperation without a partner', () => {
    expect(eventsOf(handDoc('The talks collapsed after the attack.', []))).toEqual([]);
    expect(eventsOf(handDoc('Iran cooperated.', [['Iran', 'IRN', 'IRN']]))).toEqual([]);
  });

  it('resolves "it" within its sentence, and a sentence-opening "It" to the previous sentence\'s subject only', () => {
    const doc = handDoc('Syria says it is ready to attack Lebanon. It attacked.', [['Syria', 'SYR', 'SYR'], ['Lebanon', 'LBN', 'LBN']]);
    const events = eventsOf(doc);
    expect(events.map((e) => [e.evidence.sentence, e.source?.actor, e.source?.text])).toEqual([[0, 'SYR', 'it'], [1, 'SYR', 'It']]);
    const later = handDoc('Syria says Lebanon is ready. Yesterday it attacked.', [['Syria', 'SYR', 'SYR'], ['Lebanon', 'LBN', 'LBN']]);
    expect(eventsOf(later)).toEqual([]);
  });
});

describe('events: the main dyad behind "both nations", "the two leaders" and "their"', () => {
  const actors: ActorSpec[] = [['Russia', 'RUS', 'RUS'], ['Iran', 'IRN', 'IRN'], ['Syria', 'SYR', 'SYR']];

  it('resolves a pair anaphor to the two most mentioned countries', () => {
    const doc = handDoc('Russia and Iran are close. Russia and Iran trade. In Syria, both nations fought together.', actors);
    const fought = eventsOf(doc).find((e) => e.trigger.text === 'fought')!;
    expect([fought.source?.actor, fought.target?.actor, fought.source?.text]).toEqual(['IRN', 'RUS', 'both nations']);
  });

  it('adds the role of "the two leaders"', () => {
    const doc = handDoc('Russia and Iran are allies. Russia and Iran trade. The two leaders met in Moscow.', actors);
    const met = eventsOf(doc).find((e) => e.trigger.text === 'met')!;
    expect([met.source?.actor, met.target?.actor]).toEqual(['IRNGOV', 'RUSGOV']);
  });

  it('resolves "they" to the dyad only when the pair is in focus', () => {
    const inFocus = handDoc('Russia and Iran are allies. They have collaborated on drones.', actors);
    expect(eventsOf(inFocus).map(brief)).toEqual([['COOPERATE', 'IRN', 'RUS', 'collaborated', 'asserted']]);
    const outOfFocus = handDoc('Russia and Iran are allies. Syria is not. Iran is. Russia is. They have collaborated on drones.', actors);
    expect(eventsOf(outOfFocus)).toEqual([]);
  });
});

describe('events: mode', () => {
  const actors: ActorSpec[] = [['Russia', 'RUS', 'RUS'], ['Iran', 'IRN', 'IRN'], ['Ukraine', 'UKR', 'UKR'], ['Syria', 'SYR', 'SYR'], ['United States', 'USA', 'USA']];

  it('marks negation', () => {
    const [e] = eventsOf(handDoc('Iran did not attack Russia.', actors));
    expect(brief(e)).toEqual(['ASSAULT', 'IRN', 'RUS', 'attack', 'negated']);
  });

  it('marks hedges as hypothetical', () => {
    const [e] = eventsOf(handDoc('Russia could attack Ukraine.', actors));
    expect(brief(e)).toEqual(['ASSAULT', 'RUS', 'UKR', 'attack', 'hypothetical']);
    expect(e.rule).toContain('mode:could');
  });

  it('recodes an announced cooperative act as AGREE, keeping the future mode and the original type in the rule', () => {
    const [e] = eventsOf(handDoc('Russia will send aid to Syria.', actors));
    expect(brief(e)).toEqual(['AGREE', 'RUS', 'SYR', 'send', 'future']);
    expect(e.quadClass).toBe('VERBAL_COOPERATION');
    expect(e.rule).toContain('intent:AID->AGREE');
  });

  it('recodes an announced attack as THREATEN, and a conditional announcement as an ultimatum', () => {
    expect(brief(eventsOf(handDoc('Russia will attack Ukraine.', actors))[0])).toEqual(['THREATEN', 'RUS', 'UKR', 'attack', 'future']);
    expect(brief(eventsOf(handDoc('Russia will withdraw its troops from Syria unless Iran pays.', actors))[0])).toEqual(['THREATEN', 'RUS', 'SYR', 'withdraw', 'future']);
  });

  it('codes a refused cooperative act as an asserted REJECT of its partner', () => {
    const events = eventsOf(handDoc('Iran refused to negotiate with the United States.', actors));
    expect(events.map(brief)).toEqual([['REJECT', 'IRN', 'USA', 'negotiate', 'asserted']]);
    expect(events[0].rule).toContain('intent:CONSULT->REJECT');
    expect(events[0].rule).toContain('mode:refuse to');
  });

  it('reads a reported "must" as a REQUEST from the reporter to the one who must act, the demanded act being its content', () => {
    const doc = handDoc('Egypt said that the United States must mediate with Iran.', [['Egypt', 'EGY', 'EGY'], ['United States', 'USA', 'USA'], ['Iran', 'IRN', 'IRN']]);
    expect(eventsOf(doc).map(brief)).toEqual([['REQUEST', 'EGY', 'USA', 'mediate', 'asserted']]);
    const urged = handDoc('Armenia urged Azerbaijan to withdraw its troops from Armenian territory.', [['Armenia', 'ARM', 'ARM'], ['Azerbaijan', 'AZE', 'AZE']]);
    expect(eventsOf(urged).map(brief)).toEqual([['REQUEST', 'ARM', 'AZE', 'urged', 'asserted']]);
  });

  it('makes an event dated after publication future', () => {
    const [e] = eventsOf(handDoc('Russia attacks Ukraine in March 2026.', actors, [['March 2026', '2026-03']]));
    expect(e.mode).toBe('future');
    expect(e.type).toBe('THREATEN');
  });
});

describe('events: dates and the historical flag', () => {
  const actors: ActorSpec[] = [['Russia', 'RUS', 'RUS'], ['Iran', 'IRN', 'IRN']];

  it('dates by the clause date first, then the sentence date, then the publication date', () => {
    const doc = handDoc('The 2015 deal held as Russia supported Iran. Russia attacked Iran in 1911.', actors, [['2015', '2015'], ['1911', '1911']]);
    const [supported, attacked] = eventsOf(doc);
    expect(supported.date).toEqual({ value: '2015', text: '2015', start: 4, end: 8, basis: 'sentence' });
    expect(supported.historical).toBe(false);
    expect(attacked.date).toMatchObject({ value: '1911', basis: 'sentence' });
    expect(attacked.historical).toBe(true);
    const undated = eventsOf(handDoc('Russia attacked Iran.', actors))[0];
    expect(undated.date).toEqual({ value: '2025-01-17', text: null, basis: 'publication' });
    const unknown = eventsOf(handDoc('Russia attacked Iran.', actors, [], null))[0];
    expect(unknown.date).toEqual({ value: 'XXXX-XX-XX', text: null, basis: 'unknown' });
  });

  it('spans coordinated centuries and keeps the earliest value', () => {
    const text = 'Russia fought Iran in the 18th and 19th centuries.';
    const doc = handDoc(text, actors, [['the 18th', '17'], ['19th centuries', '18']]);
    const [e] = eventsOf(doc);
    expect(e.date).toEqual({ value: '17', text: 'the 18th and 19th centuries', start: offsetOf(text, 'the 18th'), end: offsetOf(text, '.'), basis: 'sentence' });
    expect(e.historical).toBe(true);
  });

  it('dates a "when" clause by the date it follows, but not by a date inside another subordinate clause', () => {
    const actors: ActorSpec[] = [['Russia', 'RUS', 'RUS'], ['Iran', 'IRN', 'IRN'], ['China', 'CHN', 'CHN']];
    const when = handDoc('Tensions grew during the 19th century when Russia attacked Iran.', actors, [['the 19th century', '18']]);
    expect(eventsOf(when)[0].date).toMatchObject({ value: '18', text: 'the 19th century', basis: 'sentence' });
    const other = handDoc('Russia and Iran agreed to work together, which China opposed after it met Iran in 2022.', actors, [['2022', '2022']]);
    const together = eventsOf(other).find((e) => e.trigger.text === 'agreed')!;
    expect(together.date).toEqual({ value: '2025-01-17', text: null, basis: 'publication' });
  });

  it('does not date a present-tense act by a past date of another clause', () => {
    const doc = handDoc('Turkey recognises the government of Cyprus, and talks collapsed in 2017.', [['Turkey', 'TUR', 'TUR'], ['Cyprus', 'CYP', 'CYP']], [['2017', '2017']]);
    expect(eventsOf(doc)[0].date).toEqual({ value: '2025-01-17', text: null, basis: 'publication' });
  });

  it('resolves "presently" to the publication date, with basis sentence', () => {
    const [e] = eventsOf(handDoc('Presently, Russia and Iran are signing a treaty.', actors, [['Presently', 'PRESENT_REF']]));
    expect(e.date).toEqual({ value: '2025-01-17', text: 'Presently', start: 0, end: 9, basis: 'sentence' });
  });

  it('calls a date historical when its whole span ends more than ten years before publication', () => {
    expect(isHistorical('2014', '2025-01-17')).toBe(true);
    expect(isHistorical('2015', '2025-01-17')).toBe(false);
    expect(isHistorical('18', '2025-01-17')).toBe(true);
    expect(isHistorical('201', '2025-01-17')).toBe(false);
    expect(extentOf('199')).toEqual({ from: '1990-01-01', to: '1999-12-31' });
    expect(extentOf('2025-W03')).toEqual({ from: '2025-01-13', to: '2025-01-19' });
  });
});

describe('events: the seed article', () => {
  const doc = seedDoc();
  const events = doc.layers.events!;
  const find = (trigger: string, source?: string) => events.find((e) => e.trigger.text === trigger && (!source || e.source?.actor === source));

  it('codes "They have collaborated" as mutual material cooperation of the pair', () => {
    const e = find('collaborated')!;
    expect(e).toMatchObject({ type: 'COOPERATE', quadClass: 'MATERIAL_COOPERATION', mode: 'asserted', historical: false });
    expect(e.trigger).toEqual({ start: offsetOf(SEED_TEXT, 'collaborated'), end: offsetOf(SEED_TEXT, 'collaborated') + 12, text: 'collaborated' });
    expect([e.source?.actor, e.target?.actor, e.source?.text]).toEqual(['IRN', 'RUS', 'They']);
    expect(e.date).toEqual({ value: '2025-01-17', text: null, basis: 'publication' });
  });

  it('codes the leaders formalizing a partnership as AGREE between IRNGOV and RUSGOV, dated "Presently"', () => {
    const e = find('formalizing')!;
    expect(e).toMatchObject({ type: 'AGREE', quadClass: 'VERBAL_COOPERATION', mode: 'asserted' });
    expect(e.trigger.start).toBe(offsetOf(SEED_TEXT, 'formalizing'));
    expect(e.source).toMatchObject({ actor: 'IRNGOV', text: 'Pezeshkian', start: offsetOf(SEED_TEXT, 'Pezeshkian') });
    expect(e.target).toMatchObject({ actor: 'RUSGOV', text: 'Putin', start: offsetOf(SEED_TEXT, 'Putin') });
    expect(e.date).toEqual({ value: '2025-01-17', text: 'Presently', start: offsetOf(SEED_TEXT, 'Presently'), end: offsetOf(SEED_TEXT, 'Presently') + 9, basis: 'sentence' });
    expect(find('enhancing')).toMatchObject({ type: 'COOPERATE', mode: 'hypothetical' });
  });

  it('codes the wars of the 18th and 19th centuries as historical ASSAULT dated 17', () => {
    const wars = find('wars fought')!;
    expect(wars).toMatchObject({ type: 'ASSAULT', quadClass: 'MATERIAL_CONFLICT', historical: true });
    expect(wars.trigger.start).toBe(offsetOf(SEED_TEXT, 'wars fought'));
    expect([wars.source?.actor, wars.target?.actor]).toEqual(['IRN', 'RUS']);
    expect(wars.date).toMatchObject({ value: '17', basis: 'sentence' });
    expect(wars.date.text).toMatch(/18th and 19th centuries$/);
    const conflicts = find('conflicts')!;
    expect(conflicts.trigger.start).toBe(offsetOf(SEED_TEXT, 'conflicts occurring'));
    expect(conflicts).toMatchObject({ type: 'ASSAULT', historical: true });
    expect([conflicts.source?.actor, conflicts.target?.actor, conflicts.date.value]).toEqual(['IRN', 'RUS', '17']);
  });

  it("codes Russia's military interventions in Iran as ASSAULT RUS→IRN dated the early 20th century", () => {
    const e = find('military interventions')!;
    expect(e.trigger.start).toBe(offsetOf(SEED_TEXT, 'military interventions'));
    expect([e.type, e.source?.actor, e.target?.actor, e.historical]).toEqual(['ASSAULT', 'RUS', 'IRN', true]);
    expect(e.date).toEqual({ value: '19', text: 'the early 20th century', start: offsetOf(SEED_TEXT, 'the early 20th century'), end: offsetOf(SEED_TEXT, 'the early 20th century') + 22, basis: 'sentence' });
  });

  it('codes "Russia supported Iran against U.S. pressure" as SUPPORT dated by the 2015 agreement', () => {
    const e = find('supported')!;
    expect([e.type, e.quadClass, e.source?.actor, e.target?.actor, e.historical]).toEqual(['SUPPORT', 'VERBAL_COOPERATION', 'RUS', 'IRN', false]);
    expect(e.trigger.start).toBe(offsetOf(SEED_TEXT, 'supported'));
    expect(e.date).toMatchObject({ value: '2015', text: '2015', start: offsetOf(SEED_TEXT, '2015'), basis: 'sentence' });
  });

  it('codes "both nations united to prop up President Assad" as their cooperation and material aid to Assad by each', () => {
    const united = find('united')!;
    expect([united.type, united.source?.actor, united.target?.actor, united.source?.text]).toEqual(['COOPERATE', 'IRN', 'RUS', 'both nations']);
    const propUp = events.filter((e) => e.trigger.text === 'prop up');
    expect(propUp.map((e) => [e.type, e.source?.actor, e.target?.actor])).toEqual([
      ['AID', 'IRN', 'SYRGOV'],
      ['AID', 'RUS', 'SYRGOV'],
    ]);
    expect(propUp[0].trigger.start).toBe(offsetOf(SEED_TEXT, 'prop up'));
  });

  it('keeps the hedged ones hypothetical, and codes no mere wish ("Tehran aspires to procure")', () => {
    expect(find('procure')).toBeUndefined();
    const cooperation = events.find((e) => e.trigger.text === 'cooperation' && e.evidence.sentence === 21);
    expect(cooperation).toMatchObject({ type: 'COOPERATE', mode: 'hypothetical' });
  });

  it('points every span into the text, orders by sentence and trigger, and gives unique ids', () => {
    for (const e of events) {
      for (const span of [e.trigger, e.evidence, e.source, e.target]) if (span) expect(SEED_TEXT.slice(span.start, span.end)).toBe(span.text);
      if (e.date.start !== undefined) expect(SEED_TEXT.slice(e.date.start, e.date.end)).toBe(e.date.text);
      expect(e.articleId).toBe(doc.id);
      expect(e.id.startsWith(`${doc.id}:`)).toBe(true);
      expect(e.intensity).toBeGreaterThanOrEqual(-10);
      expect(e.intensity).toBeLessThanOrEqual(10);
      expect(e.confidence).toBeGreaterThan(0);
      expect(e.confidence).toBeLessThanOrEqual(1);
    }
    const keys = events.map((e) => e.evidence.sentence * 1e6 + e.trigger.start);
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });

  it('is deterministic: the same article gives the same events', () => {
    expect(JSON.stringify(eventsStage.run(seedDoc('stance')).layer)).toBe(JSON.stringify(events));
  });
});

describe('events: actors the entities stage leaves uncoded', () => {
  it('codes unnamed groups by their role and the place the sentence puts them in ("police in Yerevan")', () => {
    const text = 'On Sunday, police in Yerevan detained dozens of protesters.';
    const [e] = eventsOf(docFromText(text, { published: '2024-05-13' }));
    expect(brief(e)).toEqual(['COERCE', 'ARMCOP', 'ARMOPP', 'detained', 'asserted']);
    expect(e.source).toMatchObject({ start: offsetOf(text, 'police'), end: offsetOf(text, 'police') + 6, text: 'police' });
    expect(e.target).toMatchObject({ start: offsetOf(text, 'protesters'), text: 'protesters' });
    expect(e.rule).toContain('source:subject');
    expect(e.date.value).toBe('2024-05-12');
  });

  it('takes a group\'s country from a possessive, else leaves the role alone ("Police arrested students": COP, EDU)', () => {
    const [expelled] = eventsOf(docFromText("Niger's military rulers expelled the French ambassador.", { published: '2023-08-11' }));
    expect(brief(expelled)).toEqual(['SANCTION', 'NERMIL', 'FRAGOV', 'expelled', 'asserted']);
    expect(expelled.source?.text).toBe('military rulers');
    const [arrested] = eventsOf(docFromText('Police arrested dozens of students.', { published: '2023-08-11' }));
    expect(brief(arrested)).toEqual(['COERCE', 'COP', 'EDU', 'arrested', 'asserted']);
  });

  it('codes a titled person the entities stage left uncoded by the title\'s role and country ("Secretary of State")', () => {
    const text = 'Secretary of State Antony Blinken visited Niger.';
    const [e] = eventsOf(docFromText(text, { published: '2023-08-11' }));
    expect(brief(e)).toEqual(['CONSULT', 'USAGOV', 'NER', 'visited', 'asserted']);
    expect(e.source).toMatchObject({ text: 'Antony Blinken', start: offsetOf(text, 'Antony Blinken') });
  });
});

describe('events: subjects the word order hides', () => {
  const kenya: ActorSpec[] = [['Kenya', 'KEN', 'KEN'], ['Kisumu', 'KEN', 'KEN']];

  it('takes the group after "in <place>" as the subject of the verb right after it ("while in Kisumu demonstrators set fire to …")', () => {
    const text = 'Kenya braced for protests. Students marched, while in Kisumu demonstrators set fire to a police station.';
    const fire = eventsOf(handDoc(text, kenya)).find((e) => e.trigger.text === 'set fire to')!;
    expect([fire.type, fire.source?.actor, fire.target?.actor]).toEqual(['ASSAULT', 'KENOPP', 'KENCOP']);
    expect(fire.source).toMatchObject({ text: 'demonstrators' });
  });

  it('finds the group a plural noun opening the sentence names, though wink tags it as a name ("Soldiers opened fire …")', () => {
    const events = eventsOf(handDoc('Kenya braced for unrest in Kisumu. Soldiers opened fire on demonstrators. Protesters stormed the parliament.', kenya));
    expect(events.map((e) => [e.type, e.source?.actor, e.source?.text, e.trigger.text])).toEqual([
      ['ASSAULT', 'KENMIL', 'Soldiers', 'opened fire'],
      ['ASSAULT', 'KENOPP', 'Protesters', 'stormed'],
    ]);
  });

  it('reads a past tense as the verb of its clause when a clause with its own subject follows ("clashed …, and 1,100 people were killed")', () => {
    const text = 'Kenya held an election in Kisumu. In 2007, police and opposition supporters clashed after a disputed election, and more than 1,100 people were killed.';
    const clash = eventsOf(handDoc(text, kenya, [['2007', '2007']])).find((e) => e.trigger.text === 'clashed')!;
    expect([clash.type, clash.source?.actor, clash.target?.actor, clash.mode]).toEqual(['ASSAULT', 'KENCOP', 'KENOPP', 'asserted']);
    expect(clash.rule).toContain('mutual');
    // The same for a subordinate clause with its own subject.
    const rally = eventsOf(handDoc('Niger expelled France. Thousands of demonstrators rallied outside the French embassy before they were dispersed.', [['Niger', 'NER', 'NER'], ['France', 'FRA', 'FRA'], ['French', 'FRA', 'FRA']]))
      .find((e) => e.trigger.text === 'rallied');
    expect(rally?.source).toMatchObject({ text: 'demonstrators' });
  });
});

describe('events: the article\'s main pair completes an act', () => {
  const pair: ActorSpec[] = [['Japan', 'JPN', 'JPN'], ['South Korea', 'KOR', 'KOR'], ['Seoul', 'KORGOV', 'KOR']];

  it('aims a targetless act of one of the pair at the other when the sentence names it', () => {
    const text = 'Japan tightened controls on exports to South Korea, and Seoul threatened to let a pact lapse.';
    const events = eventsOf(handDoc(text, pair));
    expect(events.map(brief)).toEqual([
      ['SANCTION', 'JPN', 'KOR', 'tightened', 'asserted'],
      ['THREATEN', 'KORGOV', 'JPN', 'threatened', 'asserted'],
    ]);
    expect(events[1].rule).toContain('target:dyad-partner');
    expect(events[1].target).toMatchObject({ text: 'Japan', start: 0, end: 5 });
  });

  it('lets the pair as subject act toward each other ("Both sides rushed soldiers to the frontier")', () => {
    const doc = handDoc('Japan and South Korea met. Both sides then rushed soldiers to the frontier.', pair);
    const rushed = eventsOf(doc).find((e) => e.trigger.text === 'rushed')!;
    expect([rushed.type, rushed.source?.actor, rushed.target?.actor]).toEqual(['MOBILIZE', 'JPN', 'KOR']);
    expect(rushed.rule).toContain('mutual:pair-subject');
  });

  it('reads "traded blame" and "exchanged fire" as one mutual act of the pair, "trade goods" as none', () => {
    const actors: ActorSpec[] = [['Israel', 'ISR', 'ISR'], ['Hezbollah', 'LBNREB', 'LBN'], ['China', 'CHN', 'CHN'], ['the US', 'USA', 'USA']];
    expect(eventsOf(handDoc('Israel and Hezbollah traded fire across the border.', actors)).map(brief)).toEqual([['ASSAULT', 'ISR', 'LBNREB', 'traded', 'asserted']]);
    expect(eventsOf(handDoc('Israel and Hezbollah traded blame for the strike.', actors)).map((e) => [e.type, e.rule.includes('mutual')])).toEqual([['ACCUSE', true]]);
    expect(eventsOf(handDoc('China and the US trade goods worth billions.', actors))).toEqual([]);
  });

  it('reads "each blamed the other" as one mutual act of the pair, also in a clause joined after theirs', () => {
    const actors: ActorSpec[] = [['Armenia', 'ARM', 'ARM'], ['Azerbaijan', 'AZE', 'AZE']];
    const same = eventsOf(handDoc('Armenia and Azerbaijan each blamed the other for the clashes.', actors));
    expect(same.map(brief)).toEqual([['ACCUSE', 'ARM', 'AZE', 'blamed', 'asserted']]);
    expect(same[0].rule).toContain('mutual');
    const joined = eventsOf(handDoc('Armenia and Azerbaijan fought a war, and each blamed the other side for the clashes.', actors));
    expect(joined.map(brief)).toEqual([
      ['ASSAULT', 'ARM', 'AZE', 'fought a war', 'asserted'],
      ['ACCUSE', 'ARM', 'AZE', 'blamed', 'asserted'],
    ]);
    expect(joined[1].rule).toContain('source:shared-subject');
    // "the other countries" names others: no reciprocal.
    expect(eventsOf(handDoc('Armenia accused the other countries of meddling.', actors)).map(brief)).toEqual([['ACCUSE', 'ARM', null, 'accused', 'asserted']]);
  });
});

describe('events: content is no event of its own', () => {
  const actors: ActorSpec[] = [['Greece', 'GRC', 'GRC'], ['Turkey', 'TUR', 'TUR'], ['Iran', 'IRN', 'IRN'], ['Russia', 'RUS', 'RUS'], ['Mali', 'MLI', 'MLI'], ['ECOWAS', 'ECOWAS', null], ['Armenia', 'ARM', 'ARM'], ['Azerbaijan', 'AZE', 'AZE']];

  it('codes the accusation, not what it alleges; the threat, not what it announces; no mere wish', () => {
    expect(eventsOf(handDoc('Greece accused Turkey of violating its airspace.', actors)).map(brief)).toEqual([['ACCUSE', 'GRC', 'TUR', 'accused', 'asserted']]);
    expect(eventsOf(handDoc('Mali warned ECOWAS that any attack on Mali would be treated as war.', actors)).map(brief)).toEqual([['THREATEN', 'MLI', 'ECOWAS', 'warned', 'asserted']]);
    expect(eventsOf(handDoc('Iran hopes to expand trade with Russia.', actors))).toEqual([]);
  });

  it('codes a denial in a relative clause as the accused answering the accuser ("Washington blamed Iran, which denied any role")', () => {
    const actors: ActorSpec[] = [['Washington', 'USAGOV', 'USA'], ['Iran', 'IRN', 'IRN']];
    const events = eventsOf(handDoc('Washington blamed Iran, which denied any role.', actors));
    expect(events.map(brief)).toEqual([
      ['ACCUSE', 'USAGOV', 'IRN', 'blamed', 'asserted'],
      ['REJECT', 'IRN', 'USAGOV', 'denied', 'asserted'],
    ]);
    expect(events[1].rule).toContain('source:relative-antecedent|target:accuser');
  });

  it('reads curbs as restrictions: "lifted export curbs on South Korea" concedes, "imposed curbs on exports to Japan" sanctions', () => {
    const actors: ActorSpec[] = [['Japan', 'JPN', 'JPN'], ['South Korea', 'KOR', 'KOR'], ['China', 'CHN', 'CHN']];
    expect(eventsOf(handDoc('Japan lifted export curbs on South Korea.', actors)).map(brief)).toEqual([['CONCEDE', 'JPN', 'KOR', 'lifted', 'asserted']]);
    expect(eventsOf(handDoc('China imposed curbs on exports to Japan.', actors)).map((e) => [e.type, e.source?.actor, e.trigger.text])).toEqual([['SANCTION', 'CHN', 'imposed']]);
  });

  it('codes blocking an aid package as a rejection, not the aid it stops; protesters blocking a road protest, without a country too', () => {
    const actors: ActorSpec[] = [['Hungary', 'HUN', 'HUN'], ['EU', 'EU', null], ['Ukraine', 'UKR', 'UKR']];
    expect(eventsOf(handDoc('Hungary blocked an EU aid package for Ukraine.', actors)).map(brief)).toEqual([['REJECT', 'HUN', 'EU', 'blocked', 'asserted']]);
    expect(eventsOf(handDoc('Hungary vetoed an EU aid package for Ukraine.', actors)).map(brief)).toEqual([['REJECT', 'HUN', 'EU', 'vetoed', 'asserted']]);
    // Demands rejected were made all the same.
    expect(eventsOf(handDoc('Hungary rejected the EU\'s demands.', actors)).map((e) => [e.type, e.source?.actor, e.trigger.text])).toEqual([
      ['REJECT', 'HUN', 'rejected'],
      ['REQUEST', 'EU', 'demands'],
    ]);
    const road = eventsOf(handDoc('Protesters blocked the road to the airport.', []));
    expect(road.map((e) => [e.type, e.source?.actor])).toEqual([['PROTEST', 'OPP']]);
  });

  it('reads ", a charge Moscow denied" as a relative clause whose denial answers the accuser', () => {
    const actors: ActorSpec[] = [['Ukraine', 'UKR', 'UKR'], ['Russia', 'RUS', 'RUS'], ['Moscow', 'RUSGOV', 'RUS']];
    const events = eventsOf(handDoc('Ukraine accused Russia of shelling the nuclear plant, a charge Moscow denied.', actors));
    expect(events.map(brief)).toEqual([
      ['ACCUSE', 'UKR', 'RUS', 'accused', 'asserted'],
      ['REJECT', 'RUSGOV', 'UKR', 'denied', 'asserted'],
    ]);
    expect(events[1].rule).toContain('object:charge|source:subject|target:accuser');
  });

  it('reads a participle after an agreement noun as its terms, not an act ("a defence pact allowing troops on each other\'s soil")', () => {
    const actors: ActorSpec[] = [['Japan', 'JPN', 'JPN'], ['the Philippines', 'PHL', 'PHL']];
    const events = eventsOf(handDoc('Japan and the Philippines signed a defence pact allowing troops on each other\'s soil.', actors));
    expect(events.map((e) => [e.type, e.source?.actor, e.target?.actor, e.trigger.text])).toEqual([['SUPPORT', 'JPN', 'PHL', 'signed']]);
    // So after a proposal: the vetoed resolution's call is no act.
    const vetoed = eventsOf(handDoc('The US vetoed a resolution calling for a ceasefire.', [['The US', 'USA', 'USA']]));
    expect(vetoed.map((e) => [e.type, e.trigger.text])).toEqual([['REJECT', 'vetoed']]);
  });

  it('reaches a foreign counterpart after a possessive pronoun ("held talks with his Saudi counterpart"), not a name after one', () => {
    const actors: ActorSpec[] = [['Iran', 'IRNGOV', 'IRN'], ['Saudi', 'SAUGOV', 'SAU'], ['Russia', 'RUS', 'RUS'], ['Black Sea Fleet', 'RUSMIL', 'RUS']];
    expect(eventsOf(handDoc('Iran held talks with his Saudi counterpart.', actors)).map(brief)).toEqual([['CONSULT', 'IRNGOV', 'SAUGOV', 'held talks', 'asserted']]);
    const fleet = eventsOf(handDoc('Russia suspended its participation after a drone attack on its Black Sea Fleet.', actors));
    expect(fleet.filter((e) => e.trigger.text === 'suspended').map((e) => e.target?.actor ?? null)).not.toContain('RUSMIL');
  });

  it('codes boarding another country\'s vessel as coercion, and passengers boarding a ship as nothing; a military operation as an assault', () => {
    const actors: ActorSpec[] = [['China', 'CHN', 'CHN'], ['Philippine', 'PHL', 'PHL'], ['Athens', 'GRC', 'GRC'], ['Azerbaijan', 'AZE', 'AZE']];
    expect(eventsOf(handDoc('China boarded a Philippine vessel.', actors)).map(brief)).toEqual([['COERCE', 'CHN', 'PHL', 'boarded', 'asserted']]);
    expect(eventsOf(handDoc('Passengers boarded the ship in Athens.', actors))).toEqual([]);
    expect(eventsOf(handDoc('Azerbaijan launched a military operation.', actors)).map((e) => [e.type, e.source?.actor, e.trigger.text])).toEqual([['ASSAULT', 'AZE', 'military operation']]);
  });

  it('codes filing a case as an accusation, and an event noun that names a case\'s topic as no event ("a genocide case")', () => {
    const actors: ActorSpec[] = [['South Africa', 'ZAF', 'ZAF'], ['Israel', 'ISR', 'ISR'], ['Poland', 'POL', 'POL']];
    expect(eventsOf(handDoc('South Africa filed a genocide case against Israel.', actors)).map(brief)).toEqual([['ACCUSE', 'ZAF', 'ISR', 'filed', 'asserted']]);
    expect(eventsOf(handDoc('The crisis raised war fears in Poland.', actors))).toEqual([]);
  });

  it('codes the warning, not what it warns against ("warned NATO against sending troops"); troops sent are no target', () => {
    const actors: ActorSpec[] = [['Kremlin', 'RUSGOV', 'RUS'], ['NATO', 'NATO', null], ['Ukraine', 'UKR', 'UKR'], ['Poland', 'POL', 'POL']];
    expect(eventsOf(handDoc('The Kremlin warned NATO against sending troops to Ukraine.', actors)).map(brief)).toEqual([['THREATEN', 'RUSGOV', 'NATO', 'warned', 'asserted']]);
    expect(eventsOf(handDoc('NATO sent troops to Poland.', actors)).map(brief)).toEqual([['AID', 'NATO', 'POL', 'sent', 'asserted']]);
  });

  it('ends a threat\'s content where a clause with a subject of its own joins ("…, and Greece accused Turkey")', () => {
    expect(eventsOf(handDoc('Turkey warned Greece that its forces may come, and Greece accused Turkey of violating its airspace.', actors)).map(brief)).toEqual([
      ['THREATEN', 'TUR', 'GRC', 'warned', 'asserted'],
      ['ACCUSE', 'GRC', 'TUR', 'accused', 'asserted'],
    ]);
    // The content goes on in a coordinated verb that shares the threat's subject ("… and would trigger …").
    expect(eventsOf(handDoc('Mali warned ECOWAS that any attack would be treated as war and would trigger an attack on ECOWAS.', actors)).map(brief)).toEqual([
      ['THREATEN', 'MLI', 'ECOWAS', 'warned', 'asserted'],
    ]);
  });

  it('folds an act announced in an agreement into the agreement, dated when it was made', () => {
    const events = eventsOf(handDoc('Armenia and Azerbaijan agreed to meet again next month.', actors, [['next month', '2025-02']]));
    expect(events.map(brief)).toEqual([['AGREE', 'ARM', 'AZE', 'agreed', 'asserted']]);
    expect(events[0].date).toEqual({ value: '2025-01-17', text: null, basis: 'publication' });
  });

  it('reads a conditional conflictual announcement as a threat, and a state\'s protest as a complaint', () => {
    const usa: ActorSpec[] = [['Trump', 'USAELI', 'USA'], ['China', 'CHN', 'CHN'], ['Philippines', 'PHL', 'PHL']];
    const [threat] = eventsOf(handDoc('Trump said he could impose tariffs on China if he wins the election.', usa));
    expect(brief(threat)).toEqual(['THREATEN', 'USAELI', 'CHN', 'impose', 'hypothetical']);
    expect(threat.rule).toContain('intent:SANCTION->THREATEN');
    expect(eventsOf(handDoc('The Philippines protested against China.', usa)).map(brief)).toEqual([['ACCUSE', 'PHL', 'CHN', 'protested', 'asserted']]);
  });

  it('takes the toll of an attack as that attack', () => {
    const events = eventsOf(docFromText('Kenyan police opened fire on protesters, killing five people.', { published: '2024-06-26' }));
    expect(events.map(brief)).toEqual([['ASSAULT', 'KENCOP', 'KENOPP', 'opened fire', 'asserted']]);
  });
});

describe('events: the seed\'s dated events', () => {
  const doc = seedDoc();
  const events = doc.layers.events!;

  it('dates the cooperation the dissolution of the Soviet Union fostered 1991, historical, between the pair in focus', () => {
    const at = offsetOf(SEED_TEXT, 'military cooperation');
    const e = events.find((x) => x.trigger.start <= at && at < x.trigger.end + 30 && x.type === 'COOPERATE' && x.evidence.text.startsWith('The dissolution'))!;
    expect([e.source?.actor, e.target?.actor, e.date.value, e.historical, e.mode]).toEqual(['IRN', 'RUS', '1991', true, 'asserted']);
    expect(e.date.text).toBe('1991');
  });

  it('codes no event for "the partnership may also face scrutiny": no actor scrutinises it', () => {
    const at = offsetOf(SEED_TEXT, 'face scrutiny');
    expect(events.filter((e) => e.trigger.start >= at - 20 && e.trigger.start <= at + 13)).toEqual([]);
  });
});
