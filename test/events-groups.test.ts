import { describe, expect, it } from 'vitest';
import type { EventRecord, PloverCategory } from '../src/article.js';
import { EventGrouper, coarseDate, evidenceStems, groupKeyOf, sameDate } from '../src/corpus/event-groups.js';

const QUAD: Record<string, EventRecord['quadClass']> = { CONSULT: 'VERBAL_COOPERATION', SANCTION: 'VERBAL_CONFLICT', ASSAULT: 'MATERIAL_CONFLICT', ACCUSE: 'VERBAL_CONFLICT' };

/** A hand-built event: `sentence` holds the source and target words, `trigger` a word of it. */
function event(o: {
  article: string;
  n?: number;
  published: string;
  sentence: string;
  trigger: string;
  source: [string, string];
  target: [string, string];
  type?: PloverCategory;
  date?: string;
  basis?: EventRecord['date']['basis'];
  mutual?: boolean;
}): EventRecord {
  const at = (text: string) => ({ start: o.sentence.indexOf(text), end: o.sentence.indexOf(text) + text.length, text });
  const type = o.type ?? 'CONSULT';
  return {
    id: `${o.article}:${o.n ?? 0}`,
    articleId: o.article,
    published: o.published,
    date: { value: o.date ?? o.published, text: null, basis: o.basis ?? 'sentence' },
    source: { actor: o.source[0], name: o.source[1], ...at(o.source[1]) },
    target: { actor: o.target[0], name: o.target[1], ...at(o.target[1]) },
    type,
    quadClass: QUAD[type],
    intensity: 0,
    stance: 0,
    mode: 'asserted',
    historical: false,
    trigger: at(o.trigger),
    evidence: { sentence: 0, start: 0, end: o.sentence.length, text: o.sentence },
    confidence: 0.7,
    rule: `pattern:${type}:x${o.mutual ? '|mutual' : ''}`,
  };
}

const biden: [string, string] = ['USAGOV', 'Biden'];
const xi: [string, string] = ['CHNGOV', 'Xi'];

/** The San Francisco meeting, as three papers told it. */
const meeting = [
  event({ article: 'ap', published: '2023-11-16', date: '2023-11-15', sentence: 'Biden and Xi met for four hours at an estate outside San Francisco on Wednesday, their first talks in a year.', trigger: 'met', source: biden, target: xi, mutual: true }),
  event({ article: 'bbc', published: '2023-11-16', date: '2023-W46', sentence: 'This week Xi held talks with Biden at an estate near San Francisco, agreeing to restore military communications.', trigger: 'held talks', source: xi, target: biden, mutual: true }),
  event({ article: 'xinhua', published: '2023-11-17', date: '2023-11', sentence: 'In November Xi met Biden in San Francisco, the first face-to-face talks between the two presidents in a year.', trigger: 'met', source: xi, target: biden }),
];

describe('event groups: the same happening across articles', () => {
  it('groups one meeting reported by three articles in different words and dates of different grain', () => {
    const grouper = new EventGrouper();
    for (const e of meeting) grouper.add(e, e.articleId === 'ap' ? 'AP' : e.articleId === 'bbc' ? 'BBC' : 'Xinhua');
    expect(grouper.groups()).toEqual([
      {
        id: 'group:ap:0',
        members: ['ap:0', 'bbc:0', 'xinhua:0'],
        articles: 3,
        sources: 3,
        first: { eventId: 'ap:0', articleId: 'ap', published: '2023-11-16' },
        type: 'CONSULT',
        quadClass: 'VERBAL_COOPERATION',
        actors: ['CHN', 'USA'],
        date: '2023-11',
      },
    ]);
  });

  it('lists no singletons and no group whose members all come from one article', () => {
    const grouper = new EventGrouper();
    grouper.add(meeting[0]);
    grouper.add({ ...meeting[0], id: 'ap:1' });
    expect(grouper.groups()).toEqual([]);
  });

  it('counts articles as sources when the publisher is not known, and names the earliest report first', () => {
    const grouper = new EventGrouper();
    for (const e of [meeting[2], meeting[0]]) grouper.add(e);
    const [g] = grouper.groups();
    expect([g.id, g.sources, g.first.eventId, g.members]).toEqual(['group:ap:0', 2, 'ap:0', ['xinhua:0', 'ap:0']]);
  });
});

describe('event groups: near misses stay apart', () => {
  const base = { published: '2024-05-15', date: '2024-05-14', trigger: 'raised tariffs' };
  const tariffs = (article: string, sentence: string, over: Partial<Parameters<typeof event>[0]> = {}) =>
    event({ ...base, article, sentence, source: ['USAGOV', 'Biden'], target: ['CHN', 'Chinese'], type: 'SANCTION', ...over });
  const first = tariffs('a', 'Biden raised tariffs on Chinese electric vehicles to 100% on Tuesday, quadrupling the duty.');

  it('keeps event ids of any form, not only <article id>:<offset>', () => {
    const grouper = new EventGrouper();
    grouper.add({ ...first, id: 'wire-7' });
    grouper.add(tariffs('b', 'On Tuesday Biden quadrupled the duty on Chinese electric vehicles, which raised tariffs to 100%.'));
    grouper.add({ ...tariffs('c', 'Biden quadrupled the duty on Chinese electric vehicles on Tuesday, raising tariffs to 100%.'), id: 'c:x' });
    const [group] = grouper.groups();
    expect(group.members).toEqual(['wire-7', 'b:0', 'c:x']);
    expect(group.first).toEqual({ eventId: 'wire-7', articleId: 'a', published: first.published });
  });

  it('groups the same tariff hike told twice, as a control', () => {
    const grouper = new EventGrouper();
    grouper.add(first);
    grouper.add(tariffs('b', 'On Tuesday Biden quadrupled the duty on Chinese electric vehicles, which raised tariffs to 100%.'));
    expect(grouper.groups().map((g) => g.members)).toEqual([['a:0', 'b:0']]);
  });

  it('keeps apart another dyad, another category, the other direction, dates far apart and unrelated evidence', () => {
    const grouper = new EventGrouper();
    grouper.add(first);
    // Another dyad: the same words about Mexico.
    grouper.add(tariffs('b', 'Biden raised tariffs on Mexican electric vehicles to 100% on Tuesday, quadrupling the duty.', { target: ['MEX', 'Mexican'] }));
    // Another category: an accusation in the same words.
    grouper.add(tariffs('c', 'Biden raised tariffs on Chinese electric vehicles to 100% on Tuesday, quadrupling the duty.', { type: 'ACCUSE' }));
    // The other direction: China's duty on American goods.
    grouper.add(tariffs('d', 'China raised tariffs on American electric vehicles to 100% on Tuesday, quadrupling the duty.', { source: ['CHN', 'China'], target: ['USA', 'American'] }));
    // Dates far apart: the 2018 tariffs.
    grouper.add(tariffs('e', 'Trump raised tariffs on Chinese electric vehicles to 100% in 2018, quadrupling the duty.', { date: '2018', published: '2018-07-01', source: ['USAGOV', 'Trump'] }));
    // Same dyad, category and week, but evidence about something else.
    grouper.add(tariffs('f', 'Biden restricted exports of advanced chipmaking equipment to Chinese firms.', { trigger: 'restricted' }));
    expect(grouper.groups()).toEqual([]);
  });
});

describe('event groups: keys and dates', () => {
  it('keys an event by its unordered country pair, category and year, and skips one-sided or domestic events', () => {
    expect(groupKeyOf(meeting[0])).toBe('CHN|USA|CONSULT|2023');
    expect(groupKeyOf({ ...meeting[0], target: null })).toBeNull();
    expect(groupKeyOf({ ...meeting[0], target: { ...meeting[0].target!, actor: 'USAMIL' } })).toBeNull();
    expect(groupKeyOf({ ...meeting[0], date: { value: '18', text: null, basis: 'sentence' } })).toBe('CHN|USA|CONSULT|18xx');
    expect(groupKeyOf({ ...meeting[0], date: { value: 'PRESENT_REF', text: null, basis: 'sentence' } })).toBeNull();
  });

  it('compares dates at the coarser grain, a publication date counting as its week', () => {
    expect(coarseDate('2023-11-15', 'sentence')).toEqual({ granularity: 0, value: '2023-11-15', week: '2023-W46', month: '2023-11' });
    expect(coarseDate('2023-11-15', 'publication')).toEqual({ granularity: 1, value: '2023-W46', week: '2023-W46', month: '2023-11' });
    expect(coarseDate('2024-W01', 'sentence')!.month).toBe('2024-01');
    expect(coarseDate('199', 'sentence')).toEqual({ granularity: 4, value: '199', week: '', month: '' });
    expect(coarseDate('XXXX-XX-XX', 'unknown')).toBeNull();
    const d = (v: string) => coarseDate(v, 'sentence')!;
    expect([sameDate(d('2023-11-15'), d('2023-W46')), sameDate(d('2023-11-15'), d('2023')), sameDate(d('2023-11-15'), d('2023-11-16')), sameDate(d('1995'), d('199'))]).toEqual([true, true, false, true]);
  });

  it('keeps a few 16-bit stem codes per event, the trigger\'s first, the actors\' own words aside', () => {
    const stems = evidenceStems(meeting[0]);
    expect(stems.length).toBeGreaterThan(3);
    expect(stems.length).toBeLessThanOrEqual(12);
    const codes = [...stems].map((c) => c.charCodeAt(0));
    expect(codes).toEqual([...codes].sort((a, b) => a - b));
    // Only the trigger "met" is left of "Biden and Xi met.".
    expect(evidenceStems({ ...meeting[0], evidence: { ...meeting[0].evidence, text: 'Biden and Xi met.' } }).length).toBe(1);
  });
});
