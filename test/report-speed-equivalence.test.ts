// The output side was made cheaper without changing a byte: these tests hold
// the fast code to the plain rules it replaced (Unicode-property regexes for
// evidence words, a recursive rendering of nested marks).
import { describe, expect, it } from 'vitest';
import type { ArticleJson, EventRecord } from '../src/article.js';
import { coarseDate, evidenceStems, type EvidenceCache } from '../src/corpus/event-groups.js';
import { renderArticlePage } from '../src/report/article-page.js';

// ---- evidence stems ----------------------------------------------------------

/** The stop words these sentences use (the rest of the list never occurs in them). */
const STOP_USED = new Set(['the', 'and', 'in', 'on', 'friday', 'they', 'with']);

function plainStem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ied')) return word.slice(0, -3) + 'y';
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

function plainCode(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return (h ^ (h >>> 16)) & 0xffff;
}

/** The rule as first written: Unicode-property regexes over the lower-cased texts. */
function plainStems(event: EventRecord): string {
  const actorWords = new Set(`${event.source?.text ?? ''} ${event.target?.text ?? ''}`.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const out = new Set<number>();
  for (const w of event.trigger.text.toLowerCase().match(/[\p{L}]+/gu) ?? []) {
    if (w.length < 3 || STOP_USED.has(w) || actorWords.has(w)) continue;
    out.add(plainCode(plainStem(w)));
    if (out.size >= 12) break;
  }
  for (const match of out.size < 12 ? (event.evidence.text.toLowerCase().match(/[\p{L}][\p{L}\p{N}'-]*/gu) ?? []) : []) {
    const word = match.replace(/['’-]s?$/, '');
    if (word.length < 3 || STOP_USED.has(word) || actorWords.has(word)) continue;
    out.add(plainCode(plainStem(word)));
    if (out.size >= 12) break;
  }
  return String.fromCharCode(...[...out].sort((a, b) => a - b));
}

function event(sentence: number, text: string, trigger: string, source: string, target: string): EventRecord {
  const span = (t: string) => ({ start: 0, end: t.length, text: t });
  return {
    id: `a:${sentence}`,
    articleId: 'a',
    published: '2024-06-07',
    date: { value: '2024-06-07', text: null, basis: 'publication' },
    source: { actor: 'RUS', name: source, ...span(source) },
    target: { actor: 'IRN', name: target, ...span(target) },
    type: 'CONSULT',
    quadClass: 'VERBAL_COOPERATION',
    trigger: span(trigger),
    evidence: { ...span(text), sentence },
    rule: 'test',
  } as unknown as EventRecord;
}

const SENTENCES = [
  "Iran's foreign-minister met Russia's envoy in Moscow on Friday, and they signed 12 agreements.",
  'İstanbul talks: naïve ΣΟΦΟΣ diplomats’ 𝐀𝐁𝐂d visits — co-op- deals, rock-n-roll’s tries, x-s ab-\' a\'s.',
  'Tehran and Moscow studied pipelines, tariffs, railways, satellites, drones, wheat, fertilisers, banks, ports, refineries, reactors and vaccines with partners.',
  'The ministers denied, replied, carried, tried, kissed, glasses, buses and the 2024 accords in ١٢٣ rounds.',
];

describe('evidence stems read fast', () => {
  it('are the codes the Unicode-regex reading gives, for apostrophes, hyphens, letters beyond ASCII and long sentences', () => {
    for (const text of SENTENCES) {
      for (const [trigger, source, target] of [
        ['met', 'Iran', 'Russia'],
        ['signed talks', 'Moscow', 'Tehran'],
        ['studied', 'ministers', 'İstanbul'],
        ['denied in', 'Iran’s', 'co-op'],
      ]) {
        const e = event(0, text, trigger, source, target);
        expect(evidenceStems(e)).toBe(plainStems(e));
      }
    }
  });

  it('are the same when events share their sentence through the cache, whatever each needs of it', () => {
    const cache: EvidenceCache = new Map();
    const events = [
      event(2, SENTENCES[2], 'studied', 'Tehran', 'Moscow'),
      event(2, SENTENCES[2], 'pipelines tariffs railways satellites drones', 'partners', 'Moscow'),
      event(0, SENTENCES[0], 'met', 'Iran', 'Russia'),
      event(2, SENTENCES[2], 'met', 'vaccines', 'reactors'),
      event(0, SENTENCES[1], 'visits', 'naïve', 'deals'), // another text under a known index: read afresh
    ];
    expect(events.map((e) => evidenceStems(e, cache))).toEqual(events.map(plainStems));
    expect(evidenceStems(events[0], cache).length).toBe(12);
  });
});

describe('coarse dates from the calendar cache', () => {
  it('are the same on every asking, across a year boundary', () => {
    const first = ['2020-12-31', '2021-01-03', '2024-12-30'].map((v) => [coarseDate(v, 'sentence'), coarseDate(v, 'publication')]);
    expect(first).toEqual([
      [
        { granularity: 0, value: '2020-12-31', week: '2020-W53', month: '2020-12' },
        { granularity: 1, value: '2020-W53', week: '2020-W53', month: '2020-12' },
      ],
      [
        { granularity: 0, value: '2021-01-03', week: '2020-W53', month: '2021-01' },
        { granularity: 1, value: '2020-W53', week: '2020-W53', month: '2020-12' },
      ],
      [
        { granularity: 0, value: '2024-12-30', week: '2025-W01', month: '2024-12' },
        { granularity: 1, value: '2025-W01', week: '2025-W01', month: '2025-01' },
      ],
    ]);
    expect(['2020-12-31', '2021-01-03', '2024-12-30'].map((v) => [coarseDate(v, 'sentence'), coarseDate(v, 'publication')])).toEqual(first);
  });
});

// ---- the article page --------------------------------------------------------

const stance = (label: string, cues: unknown[] = []) => ({ label, score: 0, confidence: 0, cues, about: [], hedged: false, historical: false });

/** A hand-made article: nested marks, a mark that crosses another's end, text to escape, a line break between sentences. */
function article(): ArticleJson {
  const text = 'Alpha & Beta met <Gamma>.\nDelta left.';
  const at = (s: string, from = 0) => ({ start: text.indexOf(s, from), end: text.indexOf(s, from) + s.length, text: s });
  return {
    schemaVersion: 1,
    id: 'a',
    source: { path: 'a.txt', format: 'text', extraction: 'plain' },
    title: 'A & B',
    publisher: null,
    url: null,
    published: '2024-06-07',
    language: 'en',
    text,
    sentences: [
      { ...at('Alpha & Beta met <Gamma>.'), stance: stance('cooperation', [{ ...at('met'), polarity: 'cooperation', weight: 1, base: 1, modifiers: [], rule: 'cue:"met"' }]) },
      { ...at('Delta left.'), stance: stance('neutral') },
    ],
    dates: [{ ...at('ta met'), type: 'DATE', value: 'X', anchor: null, certainty: 'stated', rule: 'crossing', sentence: 0 }],
    entities: [
      { id: 'e1', name: 'Alpha & Beta', type: 'ORGANIZATION', actor: null, country: null, kind: 'igo', mentions: [{ ...at('Alpha & Beta'), sentence: 0, actor: null, rule: 'outer' }] },
      { id: 'e2', name: 'Beta', type: 'COUNTRY', actor: 'BET', country: 'BET', kind: 'country', mentions: [{ ...at('Beta'), sentence: 0, actor: 'BETGOV', rule: 'inner' }] },
    ],
    events: [],
    dyads: [],
    diagnostics: [],
  } as unknown as ArticleJson;
}

describe('the article page written piece by piece', () => {
  it('nests marks inside marks, leaves out a mark that crosses another\'s end, escapes text and tips, and breaks lines between sentences', () => {
    const html = renderArticlePage(article());
    const body = html.slice(html.indexOf('<article class="text">'), html.indexOf('</article>') + '</article>'.length);
    expect(body).toBe(
      '<article class="text">' +
        '<span class="sentence s-cooperation" id="s0" title="cooperation 0">' +
        '<mark class="entity" data-tip="ORGANIZATION Alpha &amp; Beta\nactor none\nrule outer" tabindex="0">Alpha &amp; ' +
        '<mark class="entity" data-tip="COUNTRY Beta\nactor BETGOV · BET\nrule inner" tabindex="0">Beta</mark></mark> ' +
        '<mark class="cue-cooperation" data-tip="cooperation 1\nrule cue:&quot;met&quot;" tabindex="0">met</mark> &lt;Gamma&gt;.</span>' +
        '<br>' +
        '<span class="sentence s-neutral" id="s1" title="neutral 0">Delta left.</span>' +
        '</article>',
    );
    expect(html).toContain('<title>A &amp; B</title>');
  });
});
