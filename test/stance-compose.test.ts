import { describe, expect, it } from 'vitest';
import type { Entity, SentenceStance } from '../src/article.js';
import { stanceStage } from '../src/stages/stance/index.js';
import { docFromText } from './helpers.js';

// Short sentences of our own with hand-coded actors (the codes an analyst would
// give), so these check the stance stage's composition alone.
const ACTORS: [string, string][] = [
  ['Tokyo', 'JPNGOV'], ['Japan', 'JPN'], ['Seoul', 'KORGOV'], ['Korea', 'KOR'], ['Armenia', 'ARM'], ['Turkey', 'TUR'],
  ['Ankara', 'TURGOV'], ['Baku', 'AZEGOV'], ['Russia', 'RUS'], ['Egypt', 'EGY'], ['Ethiopia', 'ETH'], ['Algeria', 'DZA'],
  ['Morocco', 'MAR'], ['Chirac', 'FRAGOV'], ['Iraq', 'IRQ'], ['Arafat', 'PSEGOV'], ['US', 'USA'], ['Qatar', 'QAT'],
  ['UAE', 'ARE'], ['Serbia', 'SRB'], ['Montenegro', 'MNE'], ['India', 'IND'], ['China', 'CHN'], ['France', 'FRA'],
  ['United States', 'USA'], ['Beijing', 'CHNGOV'], ['Philippines', 'PHL'], ['Brazil', 'BRA'], ['Argentina', 'ARG'],
  ['Venezuela', 'VEN'], ['Iran', 'IRN'], ['Washington', 'USAGOV'], ['Tehran', 'IRNGOV'], ['Poland', 'POL'],
  ['Warsaw', 'POLGOV'], ['Berlin', 'DEUGOV'], ['Moscow', 'RUSGOV'], ['Peru', 'PER'], ['Chile', 'CHL'],
  ['Azerbaijan', 'AZE'], ['Pyongyang', 'PRKGOV'], ['EU', 'EU'], ['Georgia', 'GEO'],
];

function one(text: string): SentenceStance {
  const doc = docFromText(text, { until: 'dates', published: '2025-01-17' });
  const { sentences } = doc.layers.segments!;
  doc.layers.entities = ACTORS.map(([surface, actor], i): Entity => ({
    id: `e${i}`,
    name: surface,
    type: 'LOCATION',
    actor,
    country: actor.slice(0, 3),
    kind: 'country',
    mentions: [...text.matchAll(new RegExp(`(?<!\\p{L})${surface}(?!\\p{L})`, 'gu'))].map((m) => ({
      start: m.index!,
      end: m.index! + surface.length,
      text: surface,
      sentence: sentences.findIndex((s) => s.start <= m.index! && m.index! < s.end),
      actor,
      rule: 'test:hand',
    })),
  }));
  return stanceStage.run(doc).layer[0];
}

const cues = (s: SentenceStance) => s.cues.map((c) => ({ text: c.text, start: c.start, end: c.end, weight: c.weight, modifiers: c.modifiers, rule: c.rule }));

describe('relation frames', () => {
  it('reads a relation noun through the verb it is the subject of, across its prepositional phrase', () => {
    const s = one('Relations between Tokyo and Seoul have improved markedly.');
    expect(cues(s)).toEqual([{ text: 'improved', start: 39, end: 47, weight: 0.65, modifiers: [], rule: 'cue:relation-subject' }]);
    expect(s.label).toBe('cooperation');
    expect(one('The border between Armenia and Turkey remains closed.').cues).toMatchObject([{ text: 'closed', start: 46, end: 52, polarity: 'distrust' }]);
  });

  it('reads it through the verb whose object it is, and an adjective of the same tenor strengthens the verb', () => {
    expect(cues(one('Japan and Korea cut all diplomatic ties in 1905.'))).toEqual([
      { text: 'cut all diplomatic ties', start: 16, end: 39, weight: -0.8, modifiers: [], rule: 'cue:relation-object' },
    ]);
    expect(one('Ankara kept close political ties with Baku.').cues).toMatchObject([{ text: 'kept close political ties', weight: 0.7, polarity: 'cooperation' }]);
    // The verb says what happened to the relation: damaging close ties is no cooperation.
    expect(one('The sanctions damaged close ties between Japan and Korea.').cues.find((c) => c.rule === 'cue:relation-object')).toMatchObject({
      text: 'damaged close ties',
      polarity: 'distrust',
    });
  });

  it('steps over an interjection and a phase verb between the relation and its verb', () => {
    const s = one('Relations between Russia and Iran, strained since the war, have begun to improve.');
    expect(s.cues.map((c) => [c.text, c.rule, c.modifiers])).toEqual([
      ['strained', 'cue:tension', ['background']],
      ['war', 'cue:assault', ['background']],
      ['improve', 'cue:relation-subject', []],
    ]);
    expect(s.label).toBe('cooperation');
    const expired = one('The agreement between Russia and Iran, signed amid tensions in 2001, expired in 2021.');
    expect(expired.cues[0]).toMatchObject({ text: 'agreement', polarity: 'distrust', modifiers: ['reversed'] });
  });

  it('reads a relation adjective in front of its noun', () => {
    expect(one('Russia and Iran have strained relations.').cues).toMatchObject([{ text: 'strained relations', start: 21, end: 39, rule: 'cue:relation-adjective', polarity: 'distrust' }]);
  });
});

describe('what a cue is about inside its sentence', () => {
  it('reads a cue noun after a cue noun and "over" as its topic', () => {
    expect(cues(one('Egypt and Ethiopia are locked in a dispute over trade.')).map((c) => c.text)).toEqual(['dispute']);
  });

  it('drops cooperation alleged or feared: "accused Morocco of supporting", "wary of the partnership"', () => {
    expect(one('Algeria accused Morocco of supporting separatists.').cues.map((c) => c.text)).toEqual(['accused']);
    expect(one('Officials in Seoul remain wary of the partnership with Tokyo.').cues.map((c) => c.text)).toEqual(['wary']);
  });

  it('drops cooperation denied: "denied reports that it had agreed to hand over the suspects"', () => {
    const s = one('The ministry in Seoul denied reports that it had agreed to hand over the suspects.');
    expect(s.cues.map((c) => c.text)).toEqual(['denied']);
    expect(s.label).toBe('distrust');
  });

  it('takes a word that names a kind in front of a noun for no cue ("trade volume")', () => {
    expect(one('Trade volume between Peru and Chile was reported on Monday.').label).toBe('neutral');
  });

  it('gives no cue to "declined to comment"', () => {
    expect(one('Officials in Ankara declined to comment on Tuesday.').cues).toEqual([]);
  });
});

describe('negation, reversal and demands', () => {
  it('negates a cue noun whose predicate is negated ("trust has not been restored")', () => {
    const s = one('Trust has not been fully restored between Qatar and the UAE.');
    expect(cues(s)).toEqual([{ text: 'Trust', start: 0, end: 5, weight: -0.3, modifiers: ['negated'], rule: 'cue:trust' }]);
    expect(s.label).toBe('distrust');
  });

  it('keeps a negation out of a relative clause: "never recognised the regions that Russia occupied"', () => {
    const s = one('Georgia has never recognised the regions that Russia occupied after the war.');
    expect(s.cues.map((c) => [c.text, c.polarity, c.modifiers])).toEqual([
      ['occupied', 'distrust', []],
      ['war', 'distrust', ['background']],
    ]);
  });

  it('undoes the subject of "collapsed" across its prepositional phrase', () => {
    const s = one('Talks between Japan and Russia over the islands collapsed.');
    expect(s.cues).toMatchObject([{ text: 'Talks', polarity: 'distrust', modifiers: ['reversed'] }]);
  });

  it('lets a refusal reach the whole object: an offer to host a summit', () => {
    const s = one('Arafat rejected a US offer to host a summit.');
    expect(s.cues.map((c) => [c.text, c.polarity, c.modifiers])).toEqual([
      ['rejected', 'distrust', []],
      ['offer', 'distrust', ['reversed']],
      ['host', 'distrust', ['reversed', 'intended']],
      ['summit', 'distrust', ['reversed', 'intended']],
    ]);
    expect(s.label).toBe('distrust');
  });

  it('reads "never ruled out the use of force" as distrust', () => {
    const s = one('China has never ruled out the use of force against Korea.');
    expect(s.cues).toMatchObject([{ text: 'use of force', polarity: 'distrust', modifiers: ['negated', 'reversed'] }]);
  });

  it('counts a demanded cooperation as pressure: "Iraq must cooperate fully"', () => {
    const s = one('Chirac said that Iraq must cooperate fully with the inspectors.');
    expect(cues(s)).toEqual([{ text: 'cooperate', start: 27, end: 36, weight: -0.375, modifiers: ['demanded'], rule: 'cue:cooperate' }]);
    expect(s.label).toBe('distrust');
  });

  it('negates the first cue of a doubted clause: "unlikely that", "few ... believe that"', () => {
    expect(one('It is unlikely that Azerbaijan and Iran will soon overcome their suspicion.').cues).toMatchObject([
      { text: 'suspicion', polarity: 'distrust', modifiers: ['negated', 'reversed'] },
    ]);
    const few = one('Few in Seoul believe that Pyongyang will honour any pledge.');
    expect(few.cues).toMatchObject([{ text: 'pledge', polarity: 'distrust', modifiers: ['negated'] }]);
    expect(few.label).toBe('distrust');
  });

  it('undoes a cue in the passive across its prepositional phrase: "talks on joining the EU have been frozen"', () => {
    expect(one('Turkey\'s talks on joining the EU have been frozen for years.').cues).toMatchObject([{ text: 'talks', polarity: 'distrust', modifiers: ['reversed'] }]);
  });

  it('reads "must" as a demand in reported speech only; an analyst\'s "must" is a request', () => {
    expect(one('To succeed, both Russia and Iran must deepen their cooperation.').cues).toMatchObject([
      { text: 'cooperation', polarity: 'cooperation', modifiers: ['requested', 'intensified'] },
    ]);
    expect(one('There is little evidence that Russia and Iran trust each other.').cues).toMatchObject([{ text: 'trust', polarity: 'distrust', modifiers: ['negated'] }]);
  });

  it('reads a concession asked of someone as pressure, talks asked for as a request', () => {
    expect(one('Algeria called on the president of Morocco to resign immediately.').cues).toMatchObject([{ text: 'resign', polarity: 'distrust', modifiers: ['requested'] }]);
    expect(one('France called on Algeria and Morocco to resume talks.').cues).toMatchObject([{ text: 'talks', polarity: 'cooperation', modifiers: ['requested'] }]);
  });

  it('undoes what a release is of: "the release of the detained leader"', () => {
    const s = one('A court in Ankara ordered the release of the detained opposition leader.');
    expect(s.cues).toMatchObject([{ text: 'detained', polarity: 'cooperation', modifiers: ['reversed'] }]);
  });

  it('reads an uncertain clause as asserting nothing', () => {
    const s = one('Whether Brazil and Venezuela will restore full relations remains unclear.');
    expect(s.cues[0].modifiers).toContain('uncertain');
    expect(s.label).toBe('neutral');
  });
});

describe('which part of the sentence decides', () => {
  it('lets the main clause decide over a background clause: lifting a curfew where people were killed', () => {
    const s = one('Serbia lifted a curfew in Montenegro where 28 people were killed in riots.');
    expect(s.cues.map((c) => [c.text, c.modifiers])).toEqual([
      ['curfew', ['reversed']],
      ['killed', ['background']],
      ['riots', ['background']],
    ]);
    expect(s.label).toBe('cooperation');
    expect(s.score).toBeGreaterThan(0);
  });

  it('carries a background part over a date\'s comma and into a participle clause after it', () => {
    const s = one('The thaw began after the earthquakes that struck Turkey on Feb. 6, 2023, killing thousands of people there.');
    expect(s.cues.map((c) => [c.text, c.modifiers])).toEqual([
      ['thaw', []],
      ['killing', ['background']],
    ]);
    expect(s.label).toBe('cooperation');
  });

  it('weakens a cue said to remain fragile', () => {
    expect(one('Despite the momentum, the rapprochement remains fragile.').cues).toMatchObject([{ text: 'rapprochement', weight: 0.672, modifiers: ['diminished'] }]);
  });

  it('reads an apposition ("once bitter rivals") as background', () => {
    const s = one('Brazil and Argentina, once bitter rivals in a nuclear race, created a joint agency.');
    expect(s.cues.find((c) => c.text === 'rivals')!.modifiers).toEqual(['intensified', 'historical', 'background']);
    expect(s.label).toBe('cooperation');
  });

  it('is mixed when the two sides of "but" say opposite things', () => {
    const s = one('India and China trade heavily, but their troops clash along the border.');
    expect(s.cues.map((c) => [c.text, c.polarity])).toEqual([
      ['trade', 'cooperation'],
      ['clash', 'distrust'],
    ]);
    expect(s.label).toBe('mixed');
  });

  it('is mixed when the relation is described as both at once ("remain ambivalent")', () => {
    const s = one('Relations between Algeria and France remain ambivalent.');
    expect(s.cues).toMatchObject([{ text: 'ambivalent', rule: 'cue:ambivalence' }]);
    expect(s.label).toBe('mixed');
  });
});

describe('third parties in a sentence about a pair', () => {
  it('takes the coordinated pair as the sentence pair: pressure from Beijing is a third party\'s', () => {
    const s = one('Faced with pressure from Beijing, the Philippines and Japan agreed to hold joint drills.');
    expect(s.cues.find((c) => c.text === 'pressure')).toMatchObject({ modifiers: ['third-party'], about: ['CHNGOV'] });
    expect(s.cues.find((c) => c.text === 'agreed')!.modifiers).toEqual([]);
    expect(s.about).toEqual(['JPN', 'PHL']);
    expect(s.label).toBe('cooperation');
  });

  it('reads shared wariness of an outsider as no quarrel of the pair', () => {
    const s = one('India and the United States have drawn closer as both grow wary of China.');
    expect(s.cues.find((c) => c.text === 'wary')).toMatchObject({ modifiers: ['intensified', 'third-party'], about: ['CHN'] });
    expect(s.label).toBe('cooperation');
  });

  it('reads a deal between a member and an outsider as theirs: "Berlin\'s energy deals with Moscow"', () => {
    const s = one('Officials in Warsaw have long viewed Berlin\'s energy deals with Moscow with deep suspicion.');
    expect(s.cues.find((c) => c.text === 'deals')).toMatchObject({ modifiers: ['third-party'], about: ['DEUGOV', 'RUSGOV'] });
    expect(s.label).toBe('distrust');
  });

  it('keeps sanctions held by an outsider off the pair: "Washington\'s sanctions on Tehran pushed Iran and Venezuela together"', () => {
    const s = one('Washington\'s sanctions on Tehran have pushed Iran and Venezuela into closer economic cooperation.');
    expect(s.cues.find((c) => c.text === 'sanctions')).toMatchObject({ modifiers: ['third-party'], about: ['IRNGOV', 'USAGOV'] });
    expect(s.label).toBe('cooperation');
  });
});
