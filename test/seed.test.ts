// The acceptance test of the whole pipeline on the seed article, published 2025-01-17:
// exact spans and values for each stage's headline results.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ArticleJson } from '../src/article.js';
import { extractArticle } from '../src/pipeline.js';
import { SEED_TEXT, offsetOf } from './helpers.js';
import { schemaErrors } from './schemas.js';

let article: ArticleJson;
beforeAll(() => {
  const result = extractArticle({ path: 'russia-iran-alliance.txt', bytes: Buffer.from(SEED_TEXT, 'utf8'), published: '2025-01-17' });
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('; '));
  article = result.article;
});

const span = (needle: string, occurrence = 0) => {
  const start = offsetOf(SEED_TEXT, needle, occurrence);
  return { start, end: start + needle.length, text: needle };
};
const sentenceOf = (prefix: string) => {
  const index = article.sentences.findIndex((s) => s.text.startsWith(prefix));
  if (index < 0) throw new Error(`no sentence starts with "${prefix}"`);
  return { index, ...article.sentences[index] };
};
const entityAt = (needle: string, occurrence = 0) => {
  const { start } = span(needle, occurrence);
  const entity = article.entities.find((e) => e.mentions.some((m) => m.start === start && m.text === needle));
  if (!entity) throw new Error(`no entity mention "${needle}" at ${start}`);
  return entity;
};

describe('the seed article, end to end', () => {
  it('is a valid article JSON whose annotations all point into the text', () => {
    expect(schemaErrors('article', article)).toEqual([]);
    const spans = [
      ...article.sentences,
      ...article.dates,
      ...article.entities.flatMap((e) => e.mentions),
      ...article.sentences.flatMap((s) => s.stance.cues),
      ...article.events.flatMap((e) => [e.trigger, e.evidence, ...(e.source ? [e.source] : []), ...(e.target ? [e.target] : [])]),
    ];
    for (const s of spans) expect(SEED_TEXT.slice(s.start, s.end)).toBe(s.text);
    expect(article.title).toBe('The Complex Alliance of Russia and Iran: A Historical Perspective');
    expect(article.publisher).toBe('apnews.com');
  });

  it('normalises the dates it mentions against the publication date', () => {
    const date = (needle: string, occurrence = 0) => {
      const { start, end } = span(needle, occurrence);
      const found = article.dates.find((d) => d.start === start && d.end === end);
      if (!found) throw new Error(`no date "${needle}" at ${start}`);
      return [found.type, found.value, found.mod ?? null];
    };
    expect(date('1991')).toEqual(['DATE', '1991', null]);
    expect(date('2015')).toEqual(['DATE', '2015', null]);
    for (const occurrence of [0, 1]) {
      expect(date('the 18th', occurrence)).toEqual(['DATE', '17', null]);
      expect(date('19th centuries', occurrence)).toEqual(['DATE', '18', null]);
    }
    expect(date('the early 20th century')).toEqual(['DATE', '19', 'START']);
    expect(date('recent years')).toEqual(['DATE', 'PAST_REF', null]);
    expect(date('Presently')).toEqual(['DATE', 'PRESENT_REF', null]);
  });

  it('codes the actors, resolving leaders by the publication date', () => {
    const coded = (needle: string, occurrence = 0) => {
      const e = entityAt(needle, occurrence);
      return [e.type, e.actor, e.country];
    };
    expect(coded('Russia')).toEqual(['LOCATION', 'RUS', 'RUS']);
    expect(coded('Iran')).toEqual(['LOCATION', 'IRN', 'IRN']);
    expect(coded('Syria')).toEqual(['LOCATION', 'SYR', 'SYR']);
    expect(entityAt('Tehran')).toMatchObject({ type: 'LOCATION', country: 'IRN' });
    expect(coded('Putin')).toEqual(['PERSON', 'RUSGOV', 'RUS']);
    expect(entityAt('Putin', 1).id).toBe(entityAt('Putin').id); // "Putin’s" is the same person
    expect(coded('Pezeshkian')).toEqual(['PERSON', 'IRNGOV', 'IRN']);
    expect(coded('Assad')).toEqual(['PERSON', 'SYRGOV', 'SYR']);
    expect(coded('Trump')).toEqual(['PERSON', 'USAGOV', 'USA']);
    expect(coded('U.S.')).toEqual(['LOCATION', 'USA', 'USA']);
    expect(entityAt('U.S.', 1).id).toBe(entityAt('U.S.').id); // inside "U.S.-Iran"
    expect(coded('Revolutionary Guard')).toEqual(['ORGANIZATION', 'IRNMIL', 'IRN']);
    expect(entityAt('Soviet Union')).toMatchObject({ country: 'RUS', kind: 'historical-state' });
    expect(coded('Iranian')).toEqual(['NORP', 'IRN', 'IRN']);
    expect(coded('Russian')).toEqual(['NORP', 'RUS', 'RUS']); // in "Russian-Iranian"
    expect(coded('Iranian', 1)).toEqual(['NORP', 'IRN', 'IRN']);
    const names = article.entities.flatMap((e) => e.mentions.map((m) => m.text));
    for (const notAnEntity of ['Complex Alliance', 'Historical Perspective', 'Presently', 'Historically', 'Western', 'Original Source']) {
      expect(names.some((n) => n.includes(notAnEntity))).toBe(false);
    }
  });

  it('labels stance toward cooperation or distrust, sentence by sentence', () => {
    expect(sentenceOf('However, lingering distrust remains among Iranian officials').stance.label).toBe('distrust');
    expect(sentenceOf('They have collaborated on military efforts in Syria').stance.label).toBe('cooperation');
    expect(sentenceOf('Relations between Russia and Iran remain complex despite a burgeoning alliance.').stance.label).toBe('mixed');
    const distrust = sentenceOf('However, lingering distrust remains').stance.cues.find((c) => c.text === 'distrust');
    expect(distrust).toMatchObject({ ...span('distrust'), polarity: 'distrust' });
    expect(distrust!.weight).toBeLessThan(0);
    expect(sentenceOf('They have collaborated').stance.about).toEqual(['IRN', 'RUS']);
  });

  it('codes the dyadic events: cooperation, the partnership, the historical wars, support against U.S. pressure', () => {
    const event = (trigger: string, occurrence = 0) => {
      const { start } = span(trigger, occurrence);
      const found = article.events.find((e) => e.trigger.start === start);
      if (!found) throw new Error(`no event triggered by "${trigger}" at ${start}`);
      return found;
    };
    const pair = (e: ReturnType<typeof event>) => [e.source?.actor, e.target?.actor].sort();

    const collaborated = event('collaborated');
    expect([collaborated.type, collaborated.quadClass, collaborated.mode, collaborated.historical]).toEqual(['COOPERATE', 'MATERIAL_COOPERATION', 'asserted', false]);
    expect(pair(collaborated)).toEqual(['IRN', 'RUS']);

    const partnership = event('formalizing');
    expect([partnership.type, partnership.quadClass]).toEqual(['AGREE', 'VERBAL_COOPERATION']);
    expect(pair(partnership)).toEqual(['IRNGOV', 'RUSGOV']);
    expect(partnership.date.value).toBe('2025-01-17');

    const wars = event('wars fought');
    expect([wars.type, wars.quadClass, wars.historical, wars.date.value, wars.date.basis]).toEqual(['ASSAULT', 'MATERIAL_CONFLICT', true, '17', 'sentence']);
    expect(pair(wars)).toEqual(['IRN', 'RUS']);

    const interventions = event('military interventions');
    expect([interventions.source?.actor, interventions.target?.actor, interventions.quadClass, interventions.historical, interventions.date.value]).toEqual(['RUS', 'IRN', 'MATERIAL_CONFLICT', true, '19']);

    const supported = event('supported');
    expect([supported.type, supported.source?.actor, supported.target?.actor, supported.date.value]).toEqual(['SUPPORT', 'RUS', 'IRN', '2015']);
    for (const e of article.events) expect(schemaErrors('event', e)).toEqual([]);
  });

  it('aggregates a Russia–Iran dyad with both cooperation and distrust', () => {
    const dyad = article.dyads.find((d) => d.actors.join('-') === 'IRN-RUS');
    expect(dyad).toBeDefined();
    expect(dyad!.cooperation).toBeGreaterThan(0);
    expect(dyad!.distrust).toBeGreaterThan(0);
  });
});
