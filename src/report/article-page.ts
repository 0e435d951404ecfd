// One article: its text with dates, entities and stance cues highlighted
// (hover or focus shows the normalised value, actor code and rule), each
// sentence tinted by its stance, the events with links to their evidence, and
// the diagnostics.
import type { ArticleJson } from '../article.js';
import { ENTITIES, escapeHtml, page, tableEnd, tableStart, type Column } from './html.js';

interface Mark {
  start: number;
  end: number;
  cls: string;
  tip: string;
}

/** Marks in text order, the longer first at the same start so that shorter ones nest inside (a stable sort: ties keep their order). */
const byStartLongestFirst = (a: { start: number; end: number }, b: { start: number; end: number }): number => a.start - b.start || b.end - a.end;

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
  return marks.sort(byStartLongestFirst);
}

/** A mark as the page writes it: its span and its opening tag, escaped. */
interface PageMark {
  start: number;
  end: number;
  open: string;
}

/**
 * marksOf's marks in marksOf's order, each with its tag made once. A tip is
 * escaped by its parts (escaping a concatenation is concatenating the escaped
 * parts), so that an entity's part is escaped once for all its mentions.
 */
function pageMarks(article: ArticleJson): PageMark[] {
  const marks: PageMark[] = [];
  for (const e of article.entities) {
    const head = `<mark class="entity" data-tip="${escapeHtml(e.type)} ${escapeHtml(e.name)}\nactor `;
    const country = e.country ? ` · ${escapeHtml(e.country)}` : '';
    for (const m of e.mentions) marks.push({ start: m.start, end: m.end, open: `${head}${escapeHtml(m.actor ?? e.actor ?? 'none')}${country}\nrule ${escapeHtml(m.rule)}" tabindex="0">` });
  }
  for (const d of article.dates) {
    const tip = `${escapeHtml(d.type)} ${escapeHtml(d.value)}${d.mod ? ` (${escapeHtml(d.mod)})` : ''}\n${escapeHtml(d.certainty)}${d.anchor ? ` from ${escapeHtml(d.anchor)}` : ''}\nrule ${escapeHtml(d.rule)}`;
    marks.push({ start: d.start, end: d.end, open: `<mark class="date" data-tip="${tip}" tabindex="0">` });
  }
  for (const s of article.sentences) {
    for (const c of s.stance.cues) {
      const polarity = escapeHtml(c.polarity);
      const tip = `${polarity} ${c.weight}${c.modifiers.length ? `\n${escapeHtml(c.modifiers.join(', '))}` : ''}\nrule ${escapeHtml(c.rule)}`;
      marks.push({ start: c.start, end: c.end, open: `<mark class="cue-${polarity}" data-tip="${tip}" tabindex="0">` });
    }
  }
  return marks.sort(byStartLongestFirst);
}

/**
 * The article text as the page writes it, piece by piece in text order: the
 * characters to write otherwise (entities, line breaks) are found in one regex
 * pass over the text, so that a piece without any is one slice.
 */
class TextWriter {
  private readonly specials: number[] = [];
  /** The first special character not yet behind the last piece written. */
  private next = 0;

  constructor(private readonly text: string) {
    const pattern = /[&<>"'`\n]/g;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) this.specials.push(m.index);
  }

  /** text[from, to) escaped; its line breaks as <br> when `breaks`, else kept. */
  piece(from: number, to: number, breaks: boolean): string {
    const { text, specials } = this;
    let i = this.next;
    if (i > 0 && specials[i - 1] >= from) i = 0; // a piece before the last one: look again from the start
    while (i < specials.length && specials[i] < from) i++;
    let out = '';
    let run = from;
    for (; i < specials.length && specials[i] < to; i++) {
      const at = specials[i];
      const c = text[at];
      if (c === '\n') {
        if (!breaks) continue;
        out += text.slice(run, at) + '<br>';
      } else out += text.slice(run, at) + ENTITIES[c];
      run = at + 1;
    }
    this.next = i;
    return run === from ? text.slice(from, to) : out + text.slice(run, to);
  }
}

/**
 * Marks marks[first, end) inside text[from, to) as nested elements; a mark
 * that crosses another's end is left out. Ranges of the one sorted list, not
 * copies: a mark inside another is rendered by the recursive call on the marks
 * that start before the outer one ends (those that cross its end stay out
 * there too, since they end after `to`).
 */
function renderMarks(writer: TextWriter, from: number, to: number, marks: PageMark[], first: number, end: number): string {
  let out = '';
  let cursor = from;
  for (let i = first; i < end; i++) {
    const m = marks[i];
    if (m.start < cursor || m.end > to) continue;
    let inner = i + 1;
    while (inner < end && marks[inner].start < m.end) inner++;
    out += writer.piece(cursor, m.start, false) + m.open + renderMarks(writer, m.start, m.end, marks, i + 1, inner) + '</mark>';
    cursor = m.end;
    i = inner - 1;
  }
  return out + writer.piece(cursor, to, false);
}

const EVENT_COLUMNS: Column[] = [
  { label: 'Trigger', sort: 'text' },
  { label: 'Source', sort: 'text' },
  { label: 'Target', sort: 'text' },
  { label: 'Type', sort: 'text' },
  { label: 'Quad class', sort: 'text' },
  { label: 'Intensity', sort: 'number', num: true },
  { label: 'Mode', sort: 'text' },
  { label: 'Date', sort: 'text' },
];
const DYAD_COLUMNS: Column[] = [
  { label: 'Actors', sort: 'text' },
  { label: 'Cooperation', sort: 'number', num: true },
  { label: 'Distrust', sort: 'number', num: true },
  { label: 'Stance', sort: 'number', num: true },
  { label: 'Sentences', sort: 'number', num: true },
];
/** The tables' heads, made on the first page. */
let heads: { events: string; dyads: string } | null = null;

export function renderArticlePage(article: ArticleJson): string {
  const marks = pageMarks(article);
  const text = article.text;
  const writer = new TextWriter(text);
  let sentences = '';
  let cursor = 0;
  let next = 0;
  for (let i = 0; i < article.sentences.length; i++) {
    const s = article.sentences[i];
    sentences += writer.piece(cursor, s.start, true);
    while (next < marks.length && marks[next].start < s.start) next++;
    let last = next;
    while (last < marks.length && marks[last].start < s.end) last++;
    const st = s.stance;
    const tip = `${st.label} ${st.score}${st.hedged ? ' · hedged' : ''}${st.historical ? ' · historical' : ''}${st.about.length ? ` · about ${st.about.join(', ')}` : ''}`;
    sentences += `<span class="sentence s-${escapeHtml(st.label)}" id="s${i}" title="${escapeHtml(tip)}">${renderMarks(writer, s.start, s.end, marks, next, last)}</span>`;
    cursor = s.end;
  }
  sentences += writer.piece(cursor, text.length, true);

  const actor = (a: ArticleJson['events'][number]['source']) => (a ? `${escapeHtml(a.actor)} <span class="meta">${escapeHtml(a.text)}</span>` : '');
  let eventRows = '';
  for (const e of article.events) {
    eventRows += `${eventRows ? '\n' : ''}<tr><td><a class="evidence" href="#s${e.evidence.sentence}">${escapeHtml(e.trigger.text)}</a></td><td>${actor(e.source)}</td><td>${actor(e.target)}</td><td>${escapeHtml(e.type)}</td><td>${escapeHtml(e.quadClass)}</td><td class="num">${e.intensity}</td><td>${escapeHtml(e.mode)}${e.historical ? ', historical' : ''}</td><td>${escapeHtml(e.date.value)} <span class="meta">${escapeHtml(e.date.basis)}</span></td></tr>`;
  }
  let dyadRows = '';
  for (const d of article.dyads) {
    dyadRows += `${dyadRows ? '\n' : ''}<tr><td>${escapeHtml(d.actors.join(' – '))}</td><td class="num">${d.cooperation}</td><td class="num">${d.distrust}</td><td class="num">${d.stance}</td><td class="num">${d.sentences.length}</td></tr>`;
  }
  let diagnostics = '';
  for (const d of article.diagnostics) {
    diagnostics += `<li class="${escapeHtml(d.severity)}">${escapeHtml(d.severity)} ${escapeHtml(d.stage)}:${escapeHtml(d.rule)}${d.start !== undefined ? ` @${d.start}` : ''} ${escapeHtml(d.message)}</li>`;
  }
  heads ??= { events: tableStart('events', EVENT_COLUMNS), dyads: tableStart('dyads', DYAD_COLUMNS) };

  const body = `<p><a href="../index.html">← corpus</a></p>
<h1>${escapeHtml(article.title ?? article.id)}</h1>
<p class="meta">${escapeHtml(article.publisher ?? 'unknown publisher')} · ${escapeHtml(article.published ?? 'undated')} · ${escapeHtml(article.source.path)} (${escapeHtml(article.source.format)}, ${escapeHtml(article.source.extraction)})</p>
<p class="meta legend"><mark class="date">date</mark> <mark class="entity">entity</mark> <mark class="cue-cooperation">cooperation cue</mark> <mark class="cue-distrust">distrust cue</mark> · sentences tinted <span class="badge cooperation">cooperation</span> <span class="badge distrust">distrust</span> <span class="badge mixed">mixed</span></p>
<article class="text">${sentences}</article>
<h2>Events</h2>
${heads.events}${eventRows}${tableEnd}
<h2>Dyads</h2>
${heads.dyads}${dyadRows}${tableEnd}
<h2>Diagnostics</h2>
<ul>${diagnostics || '<li>none</li>'}</ul>`;
  return page(article.title ?? article.id, body, '../', { scripts: true });
}
