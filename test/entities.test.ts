import { describe, expect, it } from 'vitest';
import type { Entity } from '../src/article.js';
import { analyseEnglish } from '../src/pipeline.js';
import { actorsInRange, mainDyad } from '../src/stages/entities/index.js';
import { offsetOf, seedDoc, SEED_TEXT } from './helpers.js';

const seed = seedDoc('entities').layers.entities!;

function byName(entities: Entity[], name: string): Entity {
  const e = entities.find((x) => x.name === name);
  if (!e) throw new Error(`no entity ${name}: ${entities.map((x) => x.name).join(', ')}`);
  return e;
}

/** Entities of a short text published on `published`. */
function entitiesOf(text: string, published: string | null = '2025-01-17'): Entity[] {
  return analyseEnglish(text, 'entities', published).layers.entities!;
}

describe('entities on the seed article', () => {
  it('finds Russia, Iran and Syria as countries coded by ISO alpha-3', () => {
    for (const [name, code] of [['Russia', 'RUS'], ['Iran', 'IRN'], ['Syria', 'SYR']] as const) {
      const e = byName(seed, name);
      expect([e.type, e.kind, e.actor, e.country]).toEqual(['LOCATION', 'country', code, code]);
    }
    const russia = byName(seed, 'Russia');
    expect(russia.mentions[0]).toMatchObject({ start: offsetOf(SEED_TEXT, 'Russia'), end: offsetOf(SEED_TEXT, 'Russia') + 6, text: 'Russia' });
    // "Russia’s intentions": the mention stops before the possessive.
    expect(russia.mentions.every((m) => m.text === 'Russia')).toBe(true);
  });

  it('codes Tehran as a place in Iran, and as Iran’s government where it is the subject of a verb', () => {
    const tehran = byName(seed, 'Tehran');
    expect([tehran.type, tehran.kind, tehran.country]).toEqual(['LOCATION', 'capital', 'IRN']);
    const at = offsetOf(SEED_TEXT, 'Tehran aspires');
    expect(tehran.mentions).toEqual([{ start: at, end: at + 6, text: 'Tehran', sentence: expect.any(Number), actor: 'IRNGOV', rule: 'gazetteer:capital+government-subject' }]);
  });

  it('codes Putin as RUSGOV in both his mentions, the possessive one without ’s', () => {
    const putin = byName(seed, 'Vladimir Putin');
    expect([putin.type, putin.actor, putin.country]).toEqual(['PERSON', 'RUSGOV', 'RUS']);
    const first = offsetOf(SEED_TEXT, 'Putin and');
    const second = offsetOf(SEED_TEXT, 'Putin’s');
    expect(putin.mentions.map((m) => [m.start, m.end, m.text, m.actor])).toEqual([
      [first, first + 5, 'Putin', 'RUSGOV'],
      [second, second + 5, 'Putin', 'RUSGOV'],
    ]);
  });

  it('codes Pezeshkian IRNGOV through the plural title "leaders Putin and Pezeshkian"', () => {
    const p = byName(seed, 'Masoud Pezeshkian');
    const at = offsetOf(SEED_TEXT, 'Pezeshkian');
    expect(p.actor).toBe('IRNGOV');
    expect(p.mentions.map((m) => [m.start, m.end, m.actor])).toEqual([[at, at + 10, 'IRNGOV']]);
  });

  it('codes "President Assad" SYRGOV although Assad left office before publication', () => {
    const assad = byName(seed, 'Bashar al-Assad');
    const at = offsetOf(SEED_TEXT, 'Assad');
    expect(assad.actor).toBe('SYRGOV');
    expect(assad.mentions).toEqual([{ start: at, end: at + 5, text: 'Assad', sentence: expect.any(Number), actor: 'SYRGOV', rule: 'gazetteer:leader+titled' }]);
  });

  it('codes "President Trump’s administration" USAGOV with the mention "Trump"', () => {
    const trump = byName(seed, 'Donald Trump');
    const at = offsetOf(SEED_TEXT, 'Trump’s');
    expect(trump.actor).toBe('USAGOV');
    expect(trump.mentions.map((m) => [m.start, m.end, m.text])).toEqual([[at, at + 5, 'Trump']]);
  });

  it('finds the three mentions of U.S., including the one in "U.S.-Iran"', () => {
    const us = byName(seed, 'United States');
    expect([us.actor, us.country, us.kind]).toEqual(['USA', 'USA', 'country']);
    expect(us.mentions.map((m) => m.start)).toEqual([offsetOf(SEED_TEXT, 'U.S.'), offsetOf(SEED_TEXT, 'U.S.', 1), offsetOf(SEED_TEXT, 'U.S.', 2)]);
    expect(us.mentions.every((m) => m.text === 'U.S.')).toBe(true);
    const iran = byName(seed, 'Iran');
    expect(iran.mentions.some((m) => m.start === offsetOf(SEED_TEXT, 'U.S.-Iran') + 5)).toBe(true);
  });

  it('codes the Revolutionary Guard IRNMIL as an organisation', () => {
    const irgc = seed.find((e) => e.actor === 'IRNMIL')!;
    const at = offsetOf(SEED_TEXT, 'Revolutionary Guard');
    expect([irgc.type, irgc.kind, irgc.country]).toEqual(['ORGANIZATION', 'military', 'IRN']);
    expect(irgc.mentions.map((m) => [m.start, m.end, m.text])).toEqual([[at, at + 19, 'Revolutionary Guard']]);
  });

  it('finds the Soviet Union (also in "post-Soviet Union") and the Russian Empire as historical states of Russia', () => {
    const ussr = byName(seed, 'Soviet Union');
    expect([ussr.type, ussr.kind, ussr.actor, ussr.country]).toEqual(['LOCATION', 'historical-state', 'RUS', 'RUS']);
    const post = offsetOf(SEED_TEXT, 'post-Soviet Union') + 5;
    expect(ussr.mentions.map((m) => m.start)).toContain(post);
    expect(ussr.mentions.every((m) => m.text === 'Soviet Union')).toBe(true);
    const empire = byName(seed, 'Russian Empire');
    expect([empire.kind, empire.actor]).toEqual(['historical-state', 'RUS']);
    expect(empire.mentions[0].start).toBe(offsetOf(SEED_TEXT, 'Russian Empire'));
  });

  it('reads Iranian and Russian as NORP of their countries, both halves of "Russian-Iranian" included', () => {
    const iranian = byName(seed, 'Iranian');
    const russian = byName(seed, 'Russian');
    expect([iranian.type, iranian.country, russian.type, russian.country]).toEqual(['NORP', 'IRN', 'NORP', 'RUS']);
    const compound = offsetOf(SEED_TEXT, 'Russian-Iranian');
    expect(russian.mentions.map((m) => [m.start, m.end])).toEqual([[compound, compound + 7]]);
    expect(iranian.mentions.map((m) => m.start)).toContain(compound + 8);
    // "Iranian officials" are Iran's government; "Iranian circles" just Iran.
    const officials = iranian.mentions.find((m) => m.start === offsetOf(SEED_TEXT, 'Iranian officials'))!;
    expect(officials.actor).toBe('IRNGOV');
    expect(iranian.mentions.find((m) => m.start === offsetOf(SEED_TEXT, 'Iranian circles'))!.actor).toBe('IRN');
  });

  it('makes no entity of headline words, sentence-initial words, "Western" or the source line', () => {
    const texts = new Set(seed.flatMap((e) => e.mentions.map((m) => m.text)));
    for (const bad of ['Complex Alliance', 'Complex', 'Alliance', 'Historical Perspective', 'Historical', 'Perspective', 'Presently', 'Historically', 'However', 'Tensions', 'Relations', 'Amidst', 'Western', 'Original Source', 'Original', 'Source', 'apnews.com', 'apnews', 'The']) {
      expect(texts.has(bad), bad).toBe(false);
    }
    expect(seed.map((e) => e.name)).toEqual([
      'Russia', 'Iran', 'Syria', 'Iranian', 'Soviet Union', 'Vladimir Putin', 'Masoud Pezeshkian', 'Russian',
      'United States', 'Bashar al-Assad', 'Donald Trump', 'Tehran', 'Islamic Revolutionary Guard Corps', 'Russian Empire',
    ]);
  });

  it('numbers entities in order of first mention and keeps every span exact', () => {
    seed.forEach((e, i) => expect(e.id).toBe(`e${i + 1}`));
    for (const e of seed) for (const m of e.mentions) expect(SEED_TEXT.slice(m.start, m.end)).toBe(m.text);
  });
});

describe('actors', () => {
  it('codes a known office holder by the publication date when no title dates the mention', () => {
    const [assad] = entitiesOf('Assad fled to Moscow.', '2025-01-17').filter((e) => e.type === 'PERSON');
    expect(assad.actor).toBe('SYRELI');
    const [before] = entitiesOf('Assad met his generals.', '2020-05-01').filter((e) => e.type === 'PERSON');
    expect(before.actor).toBe('SYRGOV');
  });

  it('codes "former President Trump" as an elite, not the government', () => {
    const [trump] = entitiesOf('Former President Trump spoke in Ohio.', '2023-03-01').filter((e) => e.type === 'PERSON');
    expect(trump.actor).toBe('USAELI');
    expect(trump.mentions[0].rule).toBe('gazetteer:leader+former');
  });

  it('codes an unknown official from the country and title written before the name', () => {
    const text = 'Iranian Foreign Minister Abbas Araghchi met reporters. Araghchi said talks would go on.';
    const es = entitiesOf(text);
    const araghchi = byName(es, 'Abbas Araghchi');
    expect([araghchi.type, araghchi.actor, araghchi.country]).toEqual(['PERSON', 'IRNGOV', 'IRN']);
    expect(araghchi.mentions.map((m) => [m.start, m.end, m.text, m.actor])).toEqual([
      [25, 39, 'Abbas Araghchi', 'IRNGOV'],
      [55, 63, 'Araghchi', 'IRNGOV'],
    ]);
    expect(byName(es, 'Iranian').mentions[0]).toMatchObject({ start: 0, end: 7 });
  });

  it('codes an officer of a body by that body: "Kremlin spokesman Dmitry Peskov", "NATO Secretary General Mark Rutte"', () => {
    const es = entitiesOf('Kremlin spokesman Dmitry Peskov denied it. NATO Secretary General Mark Rutte disagreed.');
    expect(byName(es, 'Dmitry Peskov').actor).toBe('RUSGOV');
    expect(byName(es, 'Mark Rutte').actor).toBe('NATO');
    expect(byName(es, 'Kremlin').actor).toBe('RUSGOV');
    expect(byName(es, 'North Atlantic Treaty Organization').actor).toBe('NATO');
  });

  it('reads a capital after a preposition as a place, as a subject as the government', () => {
    const es = entitiesOf('Talks in Beijing ended. Beijing said it would respond.');
    const beijing = byName(es, 'Beijing');
    expect(beijing.mentions.map((m) => [m.start, m.actor])).toEqual([[9, 'CHN'], [24, 'CHNGOV']]);
  });

  it('codes role nouns after country words: "Russian troops", "Iran’s military", "Chinese officials"', () => {
    const text = 'Russian troops advanced while Iran’s military watched and Chinese officials waited.';
    const es = entitiesOf(text);
    expect(byName(es, 'Russian').mentions[0].actor).toBe('RUSMIL');
    expect(byName(es, 'Iran').mentions[0].actor).toBe('IRNMIL');
    expect(byName(es, 'Chinese').mentions[0].actor).toBe('CHNGOV');
  });

  it('resolves "the Russian president" to Putin when Putin is in the article', () => {
    const text = 'Vladimir Putin arrived on Monday. The Russian president then met the press.';
    const putin = byName(entitiesOf(text), 'Vladimir Putin');
    const at = offsetOf(text, 'Russian president');
    expect(putin.mentions.map((m) => [m.start, m.end, m.text, m.rule])).toEqual([
      [0, 14, 'Vladimir Putin', 'gazetteer:leader'],
      [at, at + 17, 'Russian president', 'coref:nominal'],
    ]);
  });
});

describe('recognition', () => {
  it('tells "US" the country from "us" the pronoun', () => {
    const es = entitiesOf('The US told us to wait.');
    expect(es.map((e) => [e.name, e.mentions.map((m) => m.text)])).toEqual([['United States', ['US']]]);
  });

  it('splits "U.S.-Iran" and "Russian-Iranian" compounds into their names', () => {
    const es = entitiesOf('U.S.-Iran talks and Russian-Iranian ties resumed.');
    expect(es.map((e) => [e.name, e.mentions[0].start, e.mentions[0].end])).toEqual([
      ['United States', 0, 4],
      ['Iran', 5, 9],
      ['Russian', 20, 27],
      ['Iranian', 28, 35],
    ]);
  });

  it('finds unknown organisations by their head word and gives them their country', () => {
    const es = entitiesOf('The Iranian Foreign Ministry summoned the envoy.');
    const ministry = byName(es, 'Iranian Foreign Ministry');
    expect([ministry.type, ministry.actor, ministry.country]).toEqual(['ORGANIZATION', 'IRNGOV', 'IRN']);
    expect(ministry.mentions[0]).toMatchObject({ start: 4, end: 28 });
  });

  it('links an acronym defined in brackets to its organisation', () => {
    const text = 'The Korean Central News Agency (KCNA) reported it. KCNA added more.';
    const kcna = entitiesOf(text).find((e) => e.actor === 'PRKMED')!;
    expect(kcna.mentions.map((m) => m.text)).toEqual(['Korean Central News Agency', 'KCNA', 'KCNA']);
  });

  it('does not take months or weekdays for names', () => {
    expect(entitiesOf('In May, ministers met on Tuesday in March.').map((e) => e.name)).toEqual([]);
  });

  it('finds persons by given name and links the surname later', () => {
    const text = 'Opposition leader Maria Corina Machado left. Later, Machado spoke in Caracas.';
    const es = entitiesOf(text);
    const machado = byName(es, 'Maria Corina Machado');
    expect(machado.type).toBe('PERSON');
    expect(machado.mentions.map((m) => m.text)).toEqual(['Maria Corina Machado', 'Machado']);
    expect(byName(es, 'Caracas').country).toBe('VEN');
  });
});

describe('titles and bodies written around names', () => {
  it('reads "the foreign minister of Russia, Sergei Lavrov" and links the later surname', () => {
    const text = 'The foreign minister of Russia, Sergei Lavrov, arrived in the capital. Lavrov said nothing.';
    const lavrov = byName(entitiesOf(text), 'Sergei Lavrov');
    const at = offsetOf(text, 'Sergei Lavrov');
    expect(lavrov.mentions.map((m) => [m.start, m.end, m.actor])).toEqual([
      [at, at + 13, 'RUSGOV'],
      [offsetOf(text, 'Lavrov said'), offsetOf(text, 'Lavrov said') + 6, 'RUSGOV'],
    ]);
  });

  it('reads an appositive title after the name: "Abbas Araghchi, Iran’s foreign minister"', () => {
    const text = 'Abbas Araghchi, Iran’s foreign minister, told reporters that the talks would go on.';
    const araghchi = byName(entitiesOf(text), 'Abbas Araghchi');
    expect([araghchi.actor, araghchi.country]).toEqual(['IRNGOV', 'IRN']);
  });

  it('gives a ministry named after a possessive its country: "Russia’s Defense Ministry" → RUSGOV', () => {
    const text = 'Russia’s Defense Ministry and Ukraine’s Defense Ministry both issued statements.';
    const ministries = entitiesOf(text).filter((e) => e.type === 'ORGANIZATION');
    expect(ministries.map((e) => [e.name, e.actor, e.mentions[0].start])).toEqual([
      ['Defense Ministry', 'RUSGOV', 9],
      ['Defense Ministry', 'UKRGOV', offsetOf(text, 'Defense Ministry both')],
    ]);
  });

  it('reads airline names opened by "Air" as companies of their country, and drops company + model number', () => {
    const es = entitiesOf('Air France ordered ten Airbus A350 jets, and Boeing 737 deliveries resumed.');
    expect(es.map((e) => [e.name, e.actor])).toEqual([['Air France', 'FRABUS']]);
  });

  it('keeps a place name that is a person’s surname with that person: "Valeska Paris … Paris claims"', () => {
    const text = 'Valeska Paris, an Australian woman, has claimed that she was held on a ship. Paris claims she left in 2007.';
    const es = entitiesOf(text);
    const paris = es.find((e) => e.type === 'PERSON')!;
    expect(paris.name).toBe('Valeska Paris');
    expect(paris.mentions.map((m) => m.start)).toEqual([0, offsetOf(text, 'Paris claims')]);
    expect(es.some((e) => e.kind === 'capital')).toBe(false);
  });

  it('does not take a leader’s surname for another person of that name', () => {
    const text = 'Lyndon Johnson signed the act in 1964. Johnson later spoke to the nation about the war.';
    const johnson = entitiesOf(text, '1964-07-03').find((e) => e.type === 'PERSON')!;
    expect(johnson.name).toBe('Lyndon Johnson');
    expect(johnson.mentions.map((m) => m.text)).toEqual(['Lyndon Johnson', 'Johnson']);
  });
});

describe('names shared by places and people', () => {
  it('keeps "Jordan\'s King Abdullah" the country beside "Michael Jordan" the person', () => {
    const text = 'Jordan’s King Abdullah II met officials in Amman on Tuesday. Michael Jordan visited the city later.';
    const es = entitiesOf(text, '2019-06-01');
    expect(byName(es, 'Jordan').mentions.map((m) => [m.start, m.end])).toEqual([[0, 6]]);
    expect(byName(es, 'Michael Jordan').type).toBe('PERSON');
  });

  it('places a town named before its state or country: "Woodside, California"', () => {
    const es = entitiesOf('The two presidents met in Woodside, California, on Wednesday.', '2023-11-15');
    expect(byName(es, 'Woodside')).toMatchObject({ type: 'LOCATION', country: 'USA' });
    expect(byName(es, 'California')).toMatchObject({ country: 'USA', kind: 'region' });
  });
});

describe('bodies whose name many countries use', () => {
  it('places "the opposition Democratic Party" and "the National Assembly" in the country the article is about', () => {
    const text =
      'South Korea and Japan agreed to meet again. South Korean President Yoon Suk Yeol faces criticism at home, and the opposition Democratic Party, which controls the National Assembly, has called his approach humiliating.';
    const es = entitiesOf(text, '2023-08-22');
    expect(byName(es, 'Democratic Party')).toMatchObject({ actor: 'KORPTY', country: 'KOR', kind: 'party' });
    expect(byName(es, 'National Assembly')).toMatchObject({ actor: 'KORLEG', country: 'KOR', kind: 'legislature' });
  });

  it('keeps the default country where the article is about it', () => {
    const text = 'The United States and China traded accusations. In Washington, the Democratic Party pressed President Biden to act against China.';
    expect(byName(entitiesOf(text, '2023-08-22'), 'Democratic Party').actor).toBe('USAPTY');
  });

  it('codes titles in a row by the country before the first: "Saudi Foreign Minister Prince Faisal bin Farhan"', () => {
    const es = entitiesOf('Saudi Foreign Minister Prince Faisal bin Farhan visited Tehran in June, the first such trip in years.');
    expect(byName(es, 'Faisal bin Farhan').actor).toBe('SAUGOV');
  });
});

describe('headlines, bylines and datelines', () => {
  it('finds known names in a headline in capitals and in a dateline, and bylined authors', () => {
    const text = 'IRAN WARNS ISRAEL OVER STRIKES\nBy Jon Gambrell and Nasser Karimi\nDUBAI, United Arab Emirates (AP) — Iran on Saturday warned Israel against further attacks.';
    const es = entitiesOf(text, '2024-04-13');
    expect(byName(es, 'Iran').mentions.map((m) => [m.start, m.text])).toEqual([[0, 'IRAN'], [offsetOf(text, 'Iran on'), 'Iran']]);
    expect(byName(es, 'Israel').mentions[0]).toMatchObject({ start: 11, end: 17, text: 'ISRAEL' });
    expect(byName(es, 'Jon Gambrell').type).toBe('PERSON');
    expect(byName(es, 'Nasser Karimi').type).toBe('PERSON');
    expect(byName(es, 'Dubai')).toMatchObject({ type: 'LOCATION', country: 'ARE' });
    expect(es.some((e) => /WARNS|STRIKES/.test(e.name))).toBe(false);
  });

  it('codes a person through "the commander of" a body after the name', () => {
    const text = '“We will not stand idle,” said Hossein Salami, the commander of the Revolutionary Guards.';
    expect(byName(entitiesOf(text), 'Hossein Salami').actor).toBe('IRNMIL');
  });
});

describe('helpers for later stages', () => {
  it('mainDyad gives the two most-mentioned countries, sorted', () => {
    expect(mainDyad(seed)).toEqual(['IRN', 'RUS']);
    expect(mainDyad(entitiesOf('Iran spoke.'))).toBeNull();
  });

  it('actorsInRange lists the mentions inside a character range in text order', () => {
    const at = offsetOf(SEED_TEXT, 'Iranian officials have benefitted');
    const end = offsetOf(SEED_TEXT, 'from Russia.', 0) + 12;
    const found = actorsInRange(seed, at, end).map((x) => [x.mention.text, x.mention.actor]);
    expect(found).toEqual([['Iranian', 'IRNGOV'], ['Putin', 'RUSGOV'], ['Tehran', 'IRNGOV'], ['Russia', 'RUS']]);
  });
});
