// One article: its text with dates, entities and stance cues highlighted
// (hover or focus shows the normalised value, actor code and rule), each
// sentence tinted by its stance, the events with links to their evidence, and
// the diagnostics.
import type { ArticleJson } from '../article.js';
import { escapeHtml, page, table } from './html.js';

interface Mark {
  start: number;
  end: number;
  cls: string;
  tip: string;
}

/** Every annotation as a mark; longer marks first at the same start so shorter ones nest inside. */
export function marksOf(article: ArticleJson): Mark[] {
  const marks: Mark[] = [
    ...article.entities.flatMap((e) =>
      e.mentions.map((m) => ({ start: m.start, end: m.end, cls: 'entity', tip: `${e.type} ${e.name}\nactor ${m.actor ?? e.actor ?? 'none'}${e.country ? ` · ${e.country}` : ''}\nrule ${m.rule}` })),
    ),
    ...article.dates.map((d) => ({ start: d.start, end: d.end, cls: 'date', tip: `${d.type} ${d.value}${d.mod ? ` (${d.mod})` : ''}\n${d.certainty}${d.anchor ? ` from ${d.anchor}` : ''}\nrule ${d.rule}` })),
    ...article.sentences.flatMap((s) =>
      s.stance.cues.map((c) => ({ start: c.start, end: c.end, cls: `cue-${c.polarity}`, tip: `${c.polarity} ${c.weight}${c.modifiers.length ? `\n${c.modifiers.join(', ')}` : ''}\nrule ${c.rule}` })),
    ),
  ];
  return marks.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Marks inside [from, to) as nested elements; a mark that crosses another's end is left out. */
function renderMarks(text: string, from: number, to: number, marks: Mark[]): string {
  let out = '';
  let cursor = from;
  for (let i = 0; i < marks.length; i++) {
    const m = marks[i];
    if (m.start < cursor || m.end > to) continue;
    out += escapeHtml(text.slice(cursor, m.start));
    const inner: Mark[] = [];
    while (i + 1 < marks.length && marks[i + 1].start < m.end) {
      if (marks[i + 1].end <= m.end) inner.push(marks[i + 1]);
      i++;
    }
    out += `<mark class="${escapeHtml(m.cls)}" data-tip="${escapeHtml(m.tip)}" tabindex="0">${renderMarks(text, m.start, m.end, inner)}</mark>`;
    cursor = m.end;
  }
  return out + escapeHtml(text.slice(cursor, to));
}

function paragraphs(text: string): string {
  return escapeHtml(text).replace(/\n/g, '<br>');
}

export function renderArticlePage(article: ArticleJson): string {
  const marks = marksOf(article);
  const text = article.text;
  const parts: string[] = [];
  let cursor = 0;
  let next = 0;
  article.sentences.forEach((s, i) => {
    parts.push(paragraphs(text.slice(cursor, s.start)));
    while (next < marks.length && marks[next].start < s.start) next++;
    let last = next;
    while (last < marks.length && marks[last].start < s.end) last++;
    const st = s.stance;
    const tip = `${st.label} ${st.score}${st.hedged ? ' · hedged' : ''}${st.historical ? ' · historical' : ''}${st.about.length ? ` · about ${st.about.join(', ')}` : ''}`;
    parts.push(`<span class="sentence s-${escapeHtml(st.label)}" id="s${i}" title="${escapeHtml(tip)}">${renderMarks(text, s.start, s.end, marks.slice(next, last))}</span>`);
    cursor = s.end;
  });
  parts.push(paragraphs(text.slice(cursor)));

  const eventRows = article.events.map((e) => {
    const actor = (a: typeof e.source) => (a ? `${escapeHtml(a.actor)} <span class="meta">${escapeHtml(a.text)}</span>` : '');
    return `<tr><td><a class="evidence" href="#s${e.evidence.sentence}">${escapeHtml(e.trigger.text)}</a></td><td>${actor(e.source)}</td><td>${actor(e.target)}</td><td>${escapeHtml(e.type)}</td><td>${escapeHtml(e.quadClass)}</td><td class="num">${e.intensity}</td><td>${escapeHtml(e.mode)}${e.historical ? ', historical' : ''}</td><td>${escapeHtml(e.date.value)} <span class="meta">${escapeHtml(e.date.basis)}</span></td></tr>`;
  });
  const dyadRows = article.dyads.map(
    (d) => `<tr><td>${escapeHtml(d.actors.join(' – '))}</td><td class="num">${d.cooperation}</td><td class="num">${d.distrust}</td><td class="num">${d.stance}</td><td class="num">${d.sentences.length}</td></tr>`,
  );
  const diagnostics = article.diagnostics.map(
    (d) => `<li class="${escapeHtml(d.severity)}">${escapeHtml(d.severity)} ${escapeHtml(d.stage)}:${escapeHtml(d.rule)}${d.start !== undefined ? ` @${d.start}` : ''} ${escapeHtml(d.message)}</li>`,
  );

  const body = `<p><a href="../index.html">← corpus</a></p>
<h1>${escapeHtml(article.title ?? article.id)}</h1>
<p class="meta">${escapeHtml(article.publisher ?? 'unknown publisher')} · ${escapeHtml(article.published ?? 'undated')} · ${escapeHtml(article.source.path)} (${escapeHtml(article.source.format)}, ${escapeHtml(article.source.extraction)})</p>
<p class="meta legend"><mark class="date">date</mark> <mark class="entity">entity</mark> <mark class="cue-cooperation">cooperation cue</mark> <mark class="cue-distrust">distrust cue</mark> · sentences tinted <span class="badge cooperation">cooperation</span> <span class="badge distrust">distrust</span> <span class="badge mixed">mixed</span></p>
<article class="text">${parts.join('')}</article>
<h2>Events</h2>
${table('events', [{ label: 'Trigger', sort: 'text' }, { label: 'Source', sort: 'text' }, { label: 'Target', sort: 'text' }, { label: 'Type', sort: 'text' }, { label: 'Quad class', sort: 'text' }, { label: 'Intensity', sort: 'number', num: true }, { label: 'Mode', sort: 'text' }, { label: 'Date', sort: 'text' }], eventRows)}
<h2>Dyads</h2>
${table('dyads', [{ label: 'Actors', sort: 'text' }, { label: 'Cooperation', sort: 'number', num: true }, { label: 'Distrust', sort: 'number', num: true }, { label: 'Stance', sort: 'number', num: true }, { label: 'Sentences', sort: 'number', num: true }], dyadRows)}
<h2>Diagnostics</h2>
<ul>${diagnostics.join('') || '<li>none</li>'}</ul>`;
  return page(article.title ?? article.id, body, '../', { scripts: true });
}
