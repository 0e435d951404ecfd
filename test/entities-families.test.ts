// The entities stage family by family, on short sentences of our own: persons,
// organisations, places and NORP with exact spans; abbreviations and hyphenated
// compounds; coreference; actor codes by role and by the article's date.
import { describe, expect, it } from 'vitest';
import type { Entity, Mention } from '../src/article.js';
import { analyseEnglish } from '../src/pipeline.js';

/** Entities of a short text published on `published`. */
function entitiesOf(text: string, published: string | null = '2025-01-17'): Entity[] {
  return analyseEnglish(text, 'entities', published).layers.entities!;
}

function named(entities: Entity[], name: string): Entity {
  const e = entities.find((x) => x.name === name);
  if (!e) throw new Error(`no entity ${name}: ${entities.map((x) => x.name).join(', ')}`);
  return e;
}

/** The span of the n-th occurrence of `needle` in `text`, as a mention records it. */
function at(text: string, needle: string, occurrence = 0): { start: number; end: number; text: string } {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(needle, start + 1);
  if (start < 0) throw new Error(`"${needle}" not found`);
  return { start, end: start + needle.length, text: needle };
}

const spans = (e: Entity) => e.mentions.map((m: Mention) => ({ start: m.start, end: m.end, text: m.text }));
const actors = (e: Entity) => e.mentions.map((m) => m.actor);

describe('persons', () => {
  const text = 'Iranian Foreign Minister Abbas Araghchi met Russian Foreign Minister Sergei Lavrov in Moscow on Tuesday. Araghchi said the talks went well.';
  const entities = entitiesOf(text);

  it('finds a titled person with the exact span of the name, coded by the country before the title', () => {
    const araghchi = named(entities, 'Abbas Araghchi');
    expect([araghchi.type, araghchi.actor, araghchi.country]).toEqual(['PERSON', 'IRNGOV', 'IRN']);
    expect(spans(araghchi)).toEqual([at(text, 'Abbas Araghchi'), at(text, 'Araghchi', 1)]);
    expect(actors(araghchi)).toEqual(['IRNGOV', 'IRNGOV']);
    expect(named(entities, 'Sergei Lavrov').actor).toBe('RUSGOV');
  });

  it('reads multi-word names with particles: "Ursula von der Leyen", "Bashar al-Assad"', () => {
    const t = 'European Commission President Ursula von der Leyen spoke about Bashar al-Assad.';
    const es = entitiesOf(t);
    const leyen = named(es, 'Ursula von der Leyen');
    expect(spans(leyen)).toEqual([at(t, 'Ursula von der Leyen')]);
    expect(leyen.actor).toBe('EU');
    expect(spans(named(es, 'Bashar al-Assad'))).toEqual([at(t, 'Bashar al-Assad')]);
  });

  it('takes an ordinary word after an honorific for a surname: "Mr Key", "Professor Burrows"', () => {
    const t = 'Mr Key said it. Professor Burrows agreed.';
    const es = entitiesOf(t);
    expect(spans(named(es, 'Key'))).toEqual([at(t, 'Key')]);
    expect(named(es, 'Burrows').type).toBe('PERSON');
  });

  it('reads "the West Bank" as the place, not "the West" and an organisation "Bank"', () => {
    const t = 'Israel raided the West Bank city of Jenin.';
    const bank = named(entitiesOf(t), 'West Bank');
    expect([bank.type, bank.actor]).toEqual(['LOCATION', 'PSE']);
    expect(spans(bank)).toEqual([at(t, 'West Bank')]);
  });

  it('reads "the West African bloc" as West Africa, not "the West"', () => {
    const es = entitiesOf('The West African bloc met in Abuja.');
    expect(es.map((e) => [e.name, e.actor])).toEqual([['West Africa', 'WAF'], ['Abuja', 'NGA']]);
  });

  it('reads "the Gulf of Aden" whole, not "the Gulf" (the Persian Gulf) and Aden', () => {
    const t = 'Pirates attacked a ship in the Gulf of Aden, far from the Gulf.';
    const es = entitiesOf(t);
    expect(spans(named(es, 'Gulf of Aden'))).toEqual([at(t, 'Gulf of Aden')]);
    expect(named(es, 'Gulf of Aden').actor).toBeNull();
    expect(spans(named(es, 'Persian Gulf'))).toEqual([at(t, 'Gulf', 1)]);
    expect(es).toHaveLength(2);
  });

  it('codes the European Community, the EU\'s earlier name, as the EU', () => {
    const t = 'The European Community gave the Ivory Coast aid, and the EEC sent observers.';
    const ec = named(entitiesOf(t), 'European Union');
    expect(spans(ec)).toEqual([at(t, 'European Community'), at(t, 'EEC')]);
    expect(ec.actor).toBe('EU');
  });

  it('reads a sports title before a name opening the sentence: "Coach Mark Weatherspoon", not "Coach operators"', () => {
    const t = 'Coach Mark Weatherspoon praised the team. Coach operators said fares would rise.';
    const es = entitiesOf(t);
    expect(spans(named(es, 'Mark Weatherspoon'))).toEqual([at(t, 'Mark Weatherspoon')]);
    expect(named(es, 'Mark Weatherspoon').type).toBe('PERSON');
    expect(es).toHaveLength(1);
  });

  it('stops a possessive mention before ’s: "Putin’s government"', () => {
    const t = 'Putin’s government rejected the plan.';
    const putin = named(entitiesOf(t), 'Vladimir Putin');
    expect(spans(putin)).toEqual([at(t, 'Putin')]);
    expect(putin.actor).toBe('RUSGOV');
  });

  it('keeps Mahmoud Abbas and Abbas Araghchi apart and links the bare surname to the full name', () => {
    const t = 'Mahmoud Abbas met Abbas Araghchi in Ramallah. Abbas said the talks went well.';
    const es = entitiesOf(t);
    expect(spans(named(es, 'Mahmoud Abbas'))).toEqual([at(t, 'Mahmoud Abbas'), at(t, 'Abbas', 2)]);
    expect(named(es, 'Mahmoud Abbas').actor).toBe('PSEGOV');
    expect(spans(named(es, 'Abbas Araghchi'))).toEqual([at(t, 'Abbas Araghchi')]);
  });

  it('takes a given name spelt two ways for one person, and the bare surname for that person', () => {
    const t = 'Kristin Wilkins curated it, according to Kristen Wilkins, a professor. Wilkins said so.';
    const es = entitiesOf(t).filter((e) => e.type === 'PERSON');
    const wilkins = es.find((e) => e.mentions.some((m) => m.start === at(t, 'Wilkins', 2).start))!;
    expect(wilkins.name).toBe('Kristin Wilkins');
  });

  it('does not take a brand with an acronym or inner capitals for a person: "PlayStation VR"', () => {
    const es = entitiesOf('Fans tried the PlayStation VR headset at the show.');
    expect(es.filter((e) => e.type === 'PERSON')).toEqual([]);
  });

  it('does not let a known body grow over a title and a name: "NASA Administrator Charles Bolden"', () => {
    const t = 'NASA Administrator Charles Bolden spoke.';
    const es = entitiesOf(t);
    expect(spans(named(es, 'NASA'))).toEqual([at(t, 'NASA')]);
    const bolden = named(es, 'Charles Bolden');
    expect(spans(bolden)).toEqual([at(t, 'Charles Bolden')]);
    expect(bolden.actor).toBe('USAGOV');
  });
});

describe('organisations and abbreviations', () => {
  it('codes "IRGC", "U.N.", "NATO" and "UN Security Council" by their bodies', () => {
    const t = 'The IRGC said the U.N. and NATO had no say. The UN Security Council met.';
    const es = entitiesOf(t);
    const irgc = named(es, 'Islamic Revolutionary Guard Corps');
    expect([irgc.type, irgc.actor, irgc.kind]).toEqual(['ORGANIZATION', 'IRNMIL', 'military']);
    expect(spans(irgc)).toEqual([at(t, 'IRGC')]);
    expect(spans(named(es, 'United Nations'))).toEqual([at(t, 'U.N.')]);
    expect(named(es, 'United Nations').actor).toBe('UN');
    expect(named(es, 'North Atlantic Treaty Organization').actor).toBe('NATO');
    expect(spans(named(es, 'United Nations Security Council'))).toEqual([at(t, 'UN Security Council')]);
  });

  it('codes international bodies by their short codes', () => {
    const es = entitiesOf('The World Health Organization and the European Union warned.');
    expect([named(es, 'World Health Organization').actor, named(es, 'European Union').actor]).toEqual(['WHO', 'EU']);
    expect(named(es, 'European Union').kind).toBe('igo');
  });

  it('reads a national body named by its head word with the country word inside it', () => {
    const t = 'The Iranian Foreign Ministry said so.';
    const ministry = named(entitiesOf(t), 'Iranian Foreign Ministry');
    expect(spans(ministry)).toEqual([at(t, 'Iranian Foreign Ministry')]);
    expect([ministry.type, ministry.actor]).toEqual(['ORGANIZATION', 'IRNGOV']);
  });

  it('takes "the Church" after "the Church of Scientology" for that body', () => {
    const t = 'The Church of Scientology denied it. The Church said the claims were false.';
    const church = named(entitiesOf(t), 'Church of Scientology');
    expect(spans(church)).toEqual([at(t, 'Church of Scientology'), at(t, 'Church', 1)]);
  });

  it('reads an unknown plural name after "the" as a group: "the Beatles"', () => {
    const t = 'Apple settled its dispute with the Beatles on Monday.';
    const beatles = named(entitiesOf(t), 'Beatles');
    expect([beatles.type, beatles.mentions[0].rule]).toEqual(['ORGANIZATION', 'name:group']);
    expect(spans(beatles)).toEqual([at(t, 'Beatles')]);
  });

  it('makes no entity of an event, a prize or a law, nor of the acronym of an event', () => {
    const es = entitiesOf('Jobs spoke at the Worldwide Developers Conference (WWDC) after the Clean Air Act passed. WWDC ended.');
    expect(es.filter((e) => e.type !== 'PERSON').map((e) => e.name)).toEqual([]);
  });

  it('makes no entity of a flight or a product named with a number: "Adam Air Flight 574", "Rolls-Royce Trent 900"', () => {
    const es = entitiesOf('Adam Air Flight 574 crashed. The plane used Rolls-Royce Trent 900 engines.');
    expect(es).toEqual([]);
  });

  it('makes no body of a head word alone that names nothing in the article: "the Ministry"', () => {
    expect(entitiesOf('Officials at the Ministry said so.')).toEqual([]);
  });

  it('reads countries in a sports report as teams, not states', () => {
    const t = 'Sweden defeated South Korea 1 – 0 in the World Cup match, and Belgium beat Panama 3 – 0. Sweden’s captain scored the penalty.';
    const es = entitiesOf(t, '2018-06-19');
    const sweden = named(es, 'Sweden');
    expect([sweden.type, sweden.kind, sweden.actor, sweden.country]).toEqual(['ORGANIZATION', 'team', null, 'SWE']);
    expect(spans(sweden)).toEqual([at(t, 'Sweden'), at(t, 'Sweden', 1)]);
    expect(named(es, 'South Korea').kind).toBe('team');
  });

  it('keeps countries states in political news with a vote count', () => {
    const es = entitiesOf('Russia and China voted against the resolution, which passed 13-2 in the council.');
    expect(named(es, 'Russia')).toMatchObject({ type: 'LOCATION', kind: 'country', actor: 'RUS' });
  });
});

describe('places', () => {
  it('splits "U.S.-Iran" into two countries with exact spans', () => {
    const t = 'U.S.-Iran talks resumed.';
    const es = entitiesOf(t);
    expect(spans(named(es, 'United States'))).toEqual([at(t, 'U.S.')]);
    expect(spans(named(es, 'Iran'))).toEqual([at(t, 'Iran')]);
  });

  it('reads a capital after a preposition as a place and as a subject as its government', () => {
    const t = 'Officials met in Tehran. Tehran said it would respond.';
    const tehran = named(entitiesOf(t), 'Tehran');
    expect(spans(tehran)).toEqual([at(t, 'Tehran'), at(t, 'Tehran', 1)]);
    expect(actors(tehran)).toEqual(['IRN', 'IRNGOV']);
  });

  it('reads "Irving, Texas" as a town in the United States although Irving is a given name', () => {
    const t = 'A boy from Irving, Texas, was arrested.';
    const irving = named(entitiesOf(t), 'Irving');
    expect([irving.type, irving.country]).toEqual(['LOCATION', 'USA']);
    expect(spans(irving)).toEqual([at(t, 'Irving')]);
  });

  it('knows "LA" for Los Angeles and "us" is no country', () => {
    const t = 'Tell us about the fires in LA.';
    const es = entitiesOf(t);
    expect(es.map((e) => e.name)).toEqual(['Los Angeles']);
    expect(spans(es[0])).toEqual([at(t, 'LA')]);
  });
});

describe('NORP', () => {
  it('codes demonyms before role nouns by the role: "Iranian officials", "Russian troops"', () => {
    const t = 'Iranian officials and Russian troops met.';
    const es = entitiesOf(t);
    const iranian = named(es, 'Iranian');
    expect([iranian.type, iranian.country]).toEqual(['NORP', 'IRN']);
    expect(spans(iranian)).toEqual([at(t, 'Iranian')]);
    expect(actors(iranian)).toEqual(['IRNGOV']);
    expect(actors(named(es, 'Russian'))).toEqual(['RUSMIL']);
  });

  it('codes a minister\'s foreign counterpart as that country\'s government: "his Saudi counterpart"', () => {
    const t = 'Iran\'s foreign minister held talks with his Saudi counterpart.';
    expect(actors(named(entitiesOf(t), 'Saudi Arabian'))).toEqual(['SAUGOV']);
  });
});

describe('religions', () => {
  it('reads religions and their followers as NORP with CAMEO religion codes, never a given name', () => {
    const t = 'Muslims and Shia clerics met. Islam was respected, Christian Lindner said.';
    const es = entitiesOf(t);
    const islam = named(es, 'Islam');
    expect([islam.type, islam.kind, islam.actor, islam.country]).toEqual(['NORP', 'religion', 'MOS', null]);
    expect(spans(islam)).toEqual([at(t, 'Muslims'), at(t, 'Islam')]);
    expect(named(es, 'Shia Islam').actor).toBe('SHI');
    expect(named(es, 'Christian Lindner').type).toBe('PERSON');
  });
});

describe('namesakes', () => {
  it('mentions a person named inside a body or a thing, standing for no actor', () => {
    const t = 'The Andy Warhol Foundation donated the Warhol Polaroids to the school. Andy Warhol died in 1987.';
    const es = entitiesOf(t);
    const warhol = named(es, 'Andy Warhol');
    expect(spans(warhol)).toEqual([at(t, 'Andy Warhol'), at(t, 'Warhol', 1), at(t, 'Andy Warhol', 1)]);
    expect(warhol.mentions.map((m) => [m.rule, m.actor])).toEqual([
      ['coref:namesake', null],
      ['coref:namesake', null],
      ['name:first-name', null],
    ]);
    expect(spans(named(es, 'Andy Warhol Foundation'))).toEqual([at(t, 'Andy Warhol Foundation')]);
  });
});

describe('coreference', () => {
  it('takes "the Russian president" for Putin and leaves "both nations" to the stages that read pairs', () => {
    const t = 'Putin met Pezeshkian in Moscow. The Russian president said both nations would cooperate.';
    const es = entitiesOf(t);
    const putin = named(es, 'Vladimir Putin');
    expect(putin.mentions.map((m) => [m.text, m.rule])).toEqual([
      ['Putin', 'gazetteer:leader'],
      ['Russian president', 'coref:nominal'],
    ]);
    expect(es.some((e) => e.mentions.some((m) => /nations/.test(m.text)))).toBe(false);
  });
});

describe('leaders change with the date', () => {
  const text = 'President Trump said on Monday that he would visit.';
  const trump = (published: string) => named(entitiesOf(text, published), 'Donald Trump');

  it('codes "President Trump" USAELI before his first term, USAGOV in it and in the second', () => {
    expect(trump('2015-06-01').actor).toBe('USAELI');
    expect(trump('2018-03-01').actor).toBe('USAGOV');
    expect(trump('2025-03-01').actor).toBe('USAGOV');
    expect(spans(trump('2018-03-01'))).toEqual([at(text, 'Trump')]);
  });

  it('codes "former President Trump" USAELI even during a term', () => {
    expect(named(entitiesOf('Former President Trump spoke.', '2018-03-01'), 'Donald Trump').actor).toBe('USAELI');
  });

  it('codes "Prime Minister Keir Starmer" GBRELI in opposition and GBRGOV in office', () => {
    const t = 'Prime Minister Keir Starmer agreed.';
    expect(named(entitiesOf(t, '2023-06-01'), 'Keir Starmer').actor).toBe('GBRELI');
    expect(named(entitiesOf(t, '2025-03-01'), 'Keir Starmer').actor).toBe('GBRGOV');
  });

  it('codes foreign ministers from the leaders list: "Secretary of State Antony Blinken" in office and after, "Lavrov" by surname', () => {
    const t = 'Secretary of State Antony Blinken met Sergei Lavrov. Blinken said Lavrov was wrong.';
    const in2023 = entitiesOf(t, '2023-05-01');
    expect(actors(named(in2023, 'Antony Blinken'))).toEqual(['USAGOV', 'USAGOV']);
    expect(spans(named(in2023, 'Sergei Lavrov'))).toEqual([at(t, 'Sergei Lavrov'), at(t, 'Lavrov', 1)]);
    expect(actors(named(in2023, 'Sergei Lavrov'))).toEqual(['RUSGOV', 'RUSGOV']);
    // After his term the bare surname is an elite; the title still names the office he held.
    expect(actors(named(entitiesOf(t, '2026-05-01'), 'Antony Blinken'))).toEqual(['USAGOV', 'USAELI']);
  });

  it('codes a bare leader name by the office held on the date: Putin as prime minister in 2010 is still RUSGOV, Medvedev out of office RUSELI', () => {
    const t = 'Putin and Medvedev met.';
    expect(named(entitiesOf(t, '2010-05-01'), 'Vladimir Putin').actor).toBe('RUSGOV');
    expect(named(entitiesOf(t, '2010-05-01'), 'Dmitry Medvedev').actor).toBe('RUSGOV');
    expect(named(entitiesOf(t, '2021-05-01'), 'Dmitry Medvedev').actor).toBe('RUSELI');
  });
});

describe('headlines', () => {
  it('makes no entity of capitalised headline words, but finds known names in capitals', () => {
    const es = entitiesOf('IRAN WARNS ISRAEL OVER STRIKES\n\nThe talks failed.');
    expect(es.map((e) => [e.name, e.mentions[0].text])).toEqual([
      ['Iran', 'IRAN'],
      ['Israel', 'ISRAEL'],
    ]);
  });
});
