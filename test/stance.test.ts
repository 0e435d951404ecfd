import { describe, expect, it } from 'vitest';
import type { ArticleDoc, DateMention, Entity, SentenceStance } from '../src/article.js';
import { its, nlp } from '../src/nlp.js';
import { judge, stanceStage } from '../src/stages/stance/index.js';
import { docFromText, offsetOf } from './helpers.js';

// ---- helpers: an article with a hand-made entity layer (and dates), so these
// tests check stance alone, whatever the entities and dates stages do.

type ActorSpec = [surface: string, actor: string];

function docWith(text: string, actors: ActorSpec[] = [], options: { published?: string | null; dates?: Omit<DateMention, 'sentence'>[] } = {}): ArticleDoc {
  const doc = docFromText(text, { until: 'dates', published: options.published === undefined ? '2025-01-17' : options.published });
  const { sentences } = doc.layers.segments!;
  const sentenceOf = (at: number) => sentences.findIndex((s) => s.start <= at && at < s.end);
  doc.layers.entities = actors.map(([surface, actor], i): Entity => {
    const escaped = surface.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const mentions = [...text.matchAll(new RegExp(`(?<!\\p{L})${escaped}(?!\\p{L})`, 'gu'))].map((m) => ({
      start: m.index!,
      end: m.index! + surface.length,
      text: surface,
      sentence: sentenceOf(m.index!),
      actor,
      rule: 'test:hand',
    }));
    return { id: `e${i}`, name: surface, type: 'LOCATION', actor, country: actor.slice(0, 3), kind: 'country', mentions };
  });
  if (options.dates) doc.layers.dates = options.dates.map((d) => ({ ...d, sentence: sentenceOf(d.start) }));
  return doc;
}

function stanceOf(text: string, actors: ActorSpec[] = [], options?: Parameters<typeof docWith>[2]): SentenceStance[] {
  return stanceStage.run(docWith(text, actors, options)).layer;
}

const one = (text: string, actors: ActorSpec[] = [], options?: Parameters<typeof docWith>[2]) => stanceOf(text, actors, options)[0];

const PAIR: ActorSpec[] = [
  ['Russia', 'RUS'],
  ['Iran', 'IRN'],
  ['Moscow', 'RUSGOV'],
  ['Tehran', 'IRNGOV'],
];

function date(text: string, full: string, value: string, type: DateMention['type'] = 'DATE'): Omit<DateMention, 'sentence'> {
  const start = offsetOf(full, text);
  return { start, end: start + text.length, text, type, value, anchor: null, certainty: 'stated', rule: 'test:hand' };
}

describe('stance cues', () => {
  it('matches cues on lemmas, so inflections count, with exact spans', () => {
    const s = one('Russia and Iran collaborated closely.', PAIR);
    expect(s.cues).toEqual([
      { start: 16, end: 28, text: 'collaborated', polarity: 'cooperation', weight: 0.75, base: 0.75, modifiers: [], rule: 'cue:cooperate' },
    ]);
    expect(s.label).toBe('cooperation');
  });

  it('finds a capitalised inflected cue wink tags as a name ("Tensions rose")', () => {
    const s = one('Tensions rose between India and China.', [['India', 'IND'], ['China', 'CHN']]);
    expect(s.cues.map((c) => [c.text, c.start, c.end, c.polarity, c.modifiers])).toEqual([['Tensions', 0, 8, 'distrust', ['intensified']]]);
    expect(s.label).toBe('distrust');
    expect(s.about).toEqual(['CHN', 'IND']);
  });

  it('scores "deepened their cooperation" as cooperation where general sentiment says 0', () => {
    const text = 'Russia and Iran deepened their cooperation.';
    expect(nlp.readDoc(text).out(its.sentiment)).toBe(0);
    const s = one(text, PAIR);
    expect(s.label).toBe('cooperation');
    expect(s.cues[0]).toMatchObject({ text: 'cooperation', weight: 0.9, base: 0.75, modifiers: ['intensified'] });
  });

  it('prefers a phrase over its words: "war games" are exercises, "common adversaries" shared-adversary cooperation', () => {
    const games = one('French and Egyptian warships launched war games.');
    expect(games.cues.map((c) => [c.text, c.polarity, c.rule])).toEqual([['war games', 'cooperation', 'cue:cooperate']]);
    const shared = one('Iran and Russia face common adversaries.', PAIR);
    expect(shared.cues.map((c) => [c.text, c.polarity, c.rule])).toEqual([['common adversaries', 'cooperation', 'cue:shared-adversary']]);
    expect(shared.label).toBe('cooperation');
  });

  it('does not read a verb as a noun cue or a name as a cue', () => {
    expect(one('Moscow will deal with the problem.', PAIR).label).toBe('neutral');
    const apec = one('The Asia-Pacific Economic Cooperation forum agreed to set up a research center.');
    expect(apec.cues.map((c) => c.text)).toEqual(['agreed']);
    expect(one('Iraq must account for its weapons of mass destruction.').cues).toEqual([]);
  });

  it('reads cues in a title-case headline, an ambivalent adjective in front of a noun only qualifying it', () => {
    const s = one('The Complex Alliance of Russia and Iran', PAIR);
    expect(s.cues.map((c) => [c.text, c.start, c.end, c.polarity])).toEqual([['Alliance', 12, 20, 'cooperation']]);
    expect(s.label).toBe('cooperation');
  });
});

describe('stance composition', () => {
  it('flips a negated cue, weaker: no longer distrust, did not agree, never trusted, lack of trust', () => {
    const noLonger = one('Iran no longer distrusts Russia.', PAIR);
    expect(noLonger.cues[0]).toMatchObject({ text: 'distrusts', polarity: 'cooperation', weight: 0.425, base: -0.85, modifiers: ['negated'] });
    expect(noLonger.label).toBe('cooperation');
    const didNot = one('Tehran did not agree to the deal.', PAIR);
    expect(didNot.cues.map((c) => [c.text, c.polarity, c.modifiers])).toEqual([
      ['agree', 'distrust', ['negated']],
      ['deal', 'distrust', ['negated']],
    ]);
    expect(one('They never trusted Moscow.', PAIR).label).toBe('distrust');
    const lack = one('There is a lack of trust between Russia and Iran.', PAIR);
    expect(lack.cues[0]).toMatchObject({ text: 'trust', polarity: 'distrust', modifiers: ['negated'] });
    expect(lack.label).toBe('distrust');
  });

  it('flips only the negated predicate when its object has the other polarity ("would not meet the demands")', () => {
    const s = one("The U.S. would not meet the hostage-takers' demands.");
    expect(s.cues.map((c) => [c.text, c.polarity])).toEqual([
      ['meet', 'distrust'],
      ['hostage', 'distrust'],
      ['demands', 'distrust'],
    ]);
    expect(s.cues[2].modifiers).not.toContain('negated');
  });

  it('reverses the object of "lift", "suspend", "hinder", active or passive, and chains "refused to lift"', () => {
    expect(one('Washington lifted sanctions on Tehran.').cues[0]).toMatchObject({ text: 'sanctions', polarity: 'cooperation', modifiers: ['reversed'] });
    expect(one('Sanctions on Iran were lifted.').label).toBe('cooperation');
    expect(one('Japan suspended aid to Serbia.').cues[0]).toMatchObject({ text: 'aid', polarity: 'distrust', modifiers: ['reversed'] });
    const refused = one('Israel refused to lift the curfew.');
    expect(refused.cues.map((c) => [c.text, c.polarity, c.modifiers])).toEqual([
      ['refused', 'distrust', []],
      ['curfew', 'distrust', ['reversed', 'reversed']],
    ]);
    const hinder = one('Old suspicions could hinder the depth of their cooperation.', PAIR);
    expect(hinder.cues.find((c) => c.text === 'cooperation')).toMatchObject({ polarity: 'distrust', modifiers: ['reversed', 'hedged'] });
    expect(hinder.label).toBe('distrust');
  });

  it('undoes the subject of "collapsed", "expired"', () => {
    expect(one('Reunification talks collapsed in 2017.').cues[0]).toMatchObject({ text: 'talks', polarity: 'distrust', modifiers: ['reversed'] });
    expect(one('The truce has expired.').label).toBe('distrust');
  });

  it('reads a cue noun in front of another as its topic ("a trade rift"), and phrasal verbs as a whole ("hit back")', () => {
    expect(one('The tariffs deepen a trade rift.').cues.map((c) => c.text)).toEqual(['tariffs', 'rift']);
    expect(one('China hit back with duties.').cues[0]).toMatchObject({ text: 'hit back', polarity: 'distrust' });
    expect(one('The roots of the dispute go back decades.').cues.map((c) => c.text)).toEqual(['dispute']);
  });

  it('keeps a reversal to its object: a new predicate or a preposition ends its reach', () => {
    const s = one('The collapse of the Soviet Union opened a path for improved relations.');
    expect(s.cues[0]).toMatchObject({ text: 'improved relations', polarity: 'cooperation', modifiers: [] });
    const strike = one('Workers stopped work on the first day of an open-ended strike.');
    expect(strike.cues[0]).toMatchObject({ text: 'strike', polarity: 'distrust' });
  });

  it('weighs a concessive part less than the main clause, and marks it', () => {
    const s = one('Relations between Russia and Iran remain complex despite a burgeoning alliance.', PAIR);
    expect(s.cues.map((c) => [c.text, c.weight, c.modifiers])).toEqual([
      ['complex', -0.2, []],
      ['alliance', 0.27, ['intensified', 'concessive']],
    ]);
    expect(s.label).toBe('mixed');
    const whileClause = one('While talks continue, deep distrust remains between Russia and Iran.', PAIR);
    expect(whileClause.cues.map((c) => [c.text, c.modifiers])).toEqual([
      ['talks', ['concessive']],
      ['distrust', ['intensified']],
    ]);
    expect(whileClause.label).toBe('distrust');
    // A concession alone does not tell what the main clause asserts.
    expect(one('Despite the friction, both governments held elections in March.').label).toBe('neutral');
  });

  it('counts both sides of "but", the first less', () => {
    const s = one('Ties were strained, but trade grew.');
    expect(s.cues.map((c) => [c.text, c.weight, c.modifiers])).toEqual([
      ['strained', -0.36, ['contrast-subordinate']],
      ['trade', 0.48, ['intensified']],
    ]);
  });

  it('sets background clauses (time, place, circumstance) below the main event', () => {
    const s = one('Serbia lifted a night curfew in Montenegro where people were killed in riots.');
    expect(s.cues.map((c) => [c.text, c.modifiers])).toEqual([
      ['curfew', ['reversed']],
      ['killed', ['background']],
      ['riots', ['background']],
    ]);
  });

  it('lowers hedged cues and marks the sentence hedged: may, appears, aspires to', () => {
    const may = one('The partnership may face scrutiny.');
    expect(may.cues.map((c) => [c.text, c.weight, c.modifiers])).toEqual([
      ['partnership', 0.75, []],
      ['scrutiny', -0.28, ['hedged']],
    ]);
    expect(may.hedged).toBe(true);
    const appears = one('The alliance appears strong.');
    expect(appears.cues[0].modifiers).toEqual(['hedged']);
    const aspires = one('Tehran aspires to procure weapons from Russia.', PAIR);
    expect(aspires.cues[0]).toMatchObject({ text: 'procure', modifiers: ['intended'] });
    expect(aspires.hedged).toBe(true);
    expect(one('Russia and Iran signed a treaty.', PAIR).hedged).toBe(false);
  });

  it('scales cues by intensifiers and diminishers', () => {
    expect(one('Lingering distrust remains.').cues[0]).toMatchObject({ weight: -1, base: -0.85, modifiers: ['intensified'] });
    expect(one('A fragile truce held.').cues[0]).toMatchObject({ text: 'truce', weight: 0.49, modifiers: ['diminished'] });
  });
});

describe('stance about and third parties', () => {
  it('is about the actors mentioned, roles kept, sorted', () => {
    expect(one('Moscow and Tehran signed a treaty.', PAIR).about).toEqual(['IRNGOV', 'RUSGOV']);
  });

  it('adds the main pair for "both nations" and for "they" right after a sentence about the pair', () => {
    const stances = stanceOf(
      'Russia and Iran signed a pact. They have collaborated in Syria. Russia praised Iran. Both nations trade oil. Syria is far away. They met.',
      [...PAIR, ['Syria', 'SYR']],
    );
    // "They met" follows a sentence about Syria alone: no pair to continue.
    expect(stances.map((s) => s.about)).toEqual([['IRN', 'RUS'], ['IRN', 'RUS'], ['IRN', 'RUS'], ['IRN', 'RUS'], ['SYR'], []]);
  });

  it('treats a third country after "in" as a place when the pair is there', () => {
    const s = stanceOf('Russia and Iran signed a pact. Iran and Russia collaborated in Syria.', [...PAIR, ['Syria', 'SYR']]);
    expect(s[1].about).toEqual(['IRN', 'RUS']);
  });

  it('discounts a cue held by a third party ("Western sanctions", "U.S. pressure") and names it', () => {
    const s = stanceOf(
      'Russia and Iran signed a pact. They collaborated, responding to Western sanctions. Russia supported Iran against U.S. pressure. Russia and Iran talk often.',
      [...PAIR, ['U.S.', 'USA']],
    );
    expect(s[1].cues[1]).toEqual({
      start: offsetOf('Russia and Iran signed a pact. They collaborated, responding to Western sanctions.', 'sanctions'),
      end: offsetOf('Russia and Iran signed a pact. They collaborated, responding to Western sanctions.', 'sanctions') + 9,
      text: 'sanctions',
      polarity: 'distrust',
      weight: -0.195,
      base: -0.65,
      modifiers: ['third-party'],
      rule: 'cue:sanction',
      about: ['WST'],
    });
    expect(s[1].label).toBe('cooperation');
    expect(s[2].cues.find((c) => c.text === 'pressure')).toMatchObject({ modifiers: ['third-party'], about: ['USA'] });
    expect(s[2].about).toEqual(['IRN', 'RUS']);
    expect(s[2].label).toBe('cooperation');
  });
});

describe('stance about for dyads', () => {
  it('narrows a cue to its clause\'s actors in a sentence naming three or more countries', () => {
    const s = one("Beijing views with suspicion India's membership of the Quad, a grouping with the United States, Japan and Australia.", [
      ['Beijing', 'CHNGOV'],
      ['India', 'IND'],
      ['Quad', 'QUAD'],
      ['United States', 'USA'],
      ['Japan', 'JPN'],
      ['Australia', 'AUS'],
    ]);
    expect(s.about).toEqual(['AUS', 'CHNGOV', 'IND', 'JPN', 'QUAD', 'USA']);
    expect(s.cues).toHaveLength(1);
    expect(s.cues[0]).toMatchObject({ text: 'suspicion', about: ['CHNGOV', 'IND', 'QUAD'] });
  });
});

describe('stance historical flag', () => {
  it('marks a sentence that says "historically" or whose dates are long before publication', () => {
    expect(one('Historically, the two countries were rivals.').historical).toBe(true);
    const text = 'Wars were fought in the 18th century. The 2015 agreement helped. In 1991 trade resumed.';
    const s = stanceOf(text, [], { dates: [date('the 18th century', text, '17'), date('2015', text, '2015'), date('1991', text, '1991')] });
    expect(s.map((x) => x.historical)).toEqual([true, false, true]);
  });

  it('without a publication date only centuries count as long ago', () => {
    const text = 'Wars were fought in the 18th century. In 1991 trade resumed.';
    const s = stanceOf(text, [], { published: null, dates: [date('the 18th century', text, '17'), date('1991', text, '1991')] });
    expect(s.map((x) => x.historical)).toEqual([true, false]);
  });

  it('lowers a cue placed in the past ("historical mistrust") without flagging the sentence', () => {
    const s = one('Their alliance rests on historical mistrust.');
    expect(s.cues[1]).toMatchObject({ text: 'mistrust', weight: -0.68, modifiers: ['historical'] });
    expect(s.historical).toBe(false);
  });
});

describe('stance label rule', () => {
  it('is neutral below the floor, mixed when the weaker side is a third of the stronger, else the stronger', () => {
    expect(judge([], false)).toMatchObject({ label: 'neutral', score: 0, confidence: 0.6 });
    expect(judge([{ weight: 0.1 }], false).label).toBe('neutral');
    expect(judge([{ weight: 0.6 }, { weight: -0.3 }], false).label).toBe('mixed');
    expect(judge([{ weight: 0.6 }, { weight: -0.15 }], false).label).toBe('cooperation');
    expect(judge([{ weight: -0.8 }], false)).toMatchObject({ label: 'distrust', score: -0.8 });
  });

  it('combines cues of one side with diminishing returns and lowers confidence when hedged', () => {
    expect(judge([{ weight: 0.5 }, { weight: 0.5 }], false).cooperation).toBe(0.75);
    expect(judge([{ weight: 0.8 }], true).confidence).toBeLessThan(judge([{ weight: 0.8 }], false).confidence);
  });
});
