// The extraction report: static HTML that works offline from the file system.
// Article text is untrusted: everything passes through escapeHtml, and pages
// carry a Content-Security-Policy that forbids scripts from anywhere.
import type { ArticleJson, StanceLabel } from '../article.js';
import type { CorpusDyad, CorpusEntity } from '../corpus/aggregate.js';
import type { ManifestArticle } from '../corpus/manifest.js';
import type { ArticleDigest } from '../corpus/digest.js';

export interface ArticleSummary {
  entry: ManifestArticle;
  article: Pick<ArticleDigest, 'id' | 'title' | 'publisher' | 'published' | 'counts'> | null;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`]/g, (c) => ESCAPES[c]);
}

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f4f4}.num{text-align:right}.error{color:#a00}.warning{color:#a60}
.s-cooperation{background:#e6f4ea}.s-distrust{background:#fde8e8}.s-mixed{background:#fff6d6}.s-neutral{}
.sentence{display:inline;padding:1px 0}.sentence:target{outline:2px solid #36c}
mark{background:none;border-bottom:2px solid}mark.date{border-color:#36c}mark.entity{border-color:#777}
mark.cue-cooperation{border-color:#1a7f37}mark.cue-distrust{border-color:#c62828}
.bar{display:inline-block;height:.8rem}.bar.coop{background:#1a7f37}.bar.dist{background:#c62828}
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>${body}</body></html>
`;
}

export function renderIndexPage(articles: ArticleSummary[], dyads: CorpusDyad[], entities: CorpusEntity[]): string {
  const rows = articles
    .map(({ entry, article }) => {
      const problems = entry.diagnostics
        .map((d) => `<div class="${escapeHtml(d.severity)}">${escapeHtml(d.stage)}:${escapeHtml(d.rule)} ${escapeHtml(d.message)}</div>`)
        .join('');
      const title = article ? `<a href="articles/${encodeURIComponent(entry.id)}.html">${escapeHtml(article.title ?? entry.id)}</a>` : escapeHtml(entry.path);
      const c = entry.counts;
      return `<tr><td>${title}</td><td>${escapeHtml(article?.publisher ?? '')}</td><td>${escapeHtml(article?.published ?? '')}</td><td>${escapeHtml(entry.status)}</td><td class="num">${c.sentences}</td><td class="num">${c.dates}</td><td class="num">${c.entities}</td><td class="num">${c.events}</td><td>${problems}</td></tr>`;
    })
    .join('\n');
  const dyadRows = dyads
    .map((d) => {
      const periods = d.periods
        .map((p) => `<div>${escapeHtml(p.period)} <span class="bar coop" style="width:${Math.round(p.cooperation * 20)}px"></span><span class="bar dist" style="width:${Math.round(p.distrust * 20)}px"></span> ${p.stance}</div>`)
        .join('');
      return `<tr><td>${escapeHtml(d.actors.join(' – '))}</td><td class="num">${d.cooperation}</td><td class="num">${d.distrust}</td><td class="num">${d.stance}</td><td>${periods}</td></tr>`;
    })
    .join('\n');
  const top = [...entities].sort((a, b) => b.mentions - a.mentions || (a.name < b.name ? -1 : 1)).slice(0, 30);
  const entityRows = top.map((e) => `<tr><td>${escapeHtml(e.name)}</td><td>${escapeHtml(e.type)}</td><td>${escapeHtml(e.actor ?? '')}</td><td class="num">${e.mentions}</td><td class="num">${e.articles.length}</td></tr>`).join('\n');
  return page(
    'newsevents report',
    `<h1>newsevents report</h1>
<h2>Articles</h2>
<table><thead><tr><th>Title</th><th>Publisher</th><th>Published</th><th>Status</th><th>Sentences</th><th>Dates</th><th>Entities</th><th>Events</th><th>Diagnostics</th></tr></thead><tbody>
${rows}
</tbody></table>
<h2>Dyads</h2>
<table><thead><tr><th>Actors</th><th>Cooperation</th><th>Distrust</th><th>Stance</th><th>By period</th></tr></thead><tbody>
${dyadRows}
</tbody></table>
<h2>Most mentioned actors</h2>
<table><thead><tr><th>Name</th><th>Type</th><th>Actor</th><th>Mentions</th><th>Articles</th></tr></thead><tbody>
${entityRows}
</tbody></table>`,
  );
}

interface Mark {
  start: number;
  end: number;
  cls: string;
  title: string;
}

/** The article text with its annotations as nested marks, sentence by sentence. */
export function renderArticlePage(article: ArticleJson): string {
  const marks: Mark[] = [
    ...article.dates.map((d) => ({ start: d.start, end: d.end, cls: 'date', title: `${d.type} ${d.value}${d.mod ? ` ${d.mod}` : ''} (${d.rule})` })),
    ...article.entities.flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, cls: 'entity', title: `${e.type} ${e.name} ${m.actor ?? e.actor ?? ''} (${m.rule})` }))),
    ...article.sentences.flatMap((s) => s.stance.cues.map((c) => ({ start: c.start, end: c.end, cls: `cue-${c.polarity}`, title: `${c.polarity} ${c.weight} ${c.modifiers.join(' ')} (${c.rule})` }))),
  ].sort((a, b) => a.start - b.start || b.end - a.end);

  const text = article.text;
  const parts: string[] = [];
  let cursor = 0;
  article.sentences.forEach((s, i) => {
    parts.push(escapeHtml(text.slice(cursor, s.start)).replace(/\n/g, '<br>'));
    const inside = marks.filter((m) => m.start >= s.start && m.end <= s.end);
    parts.push(`<span class="sentence s-${escapeHtml(s.stance.label as StanceLabel)}" id="s${i}" title="${escapeHtml(`${s.stance.label} ${s.stance.score}`)}">${renderMarks(text, s.start, s.end, inside)}</span>`);
    cursor = s.end;
  });
  parts.push(escapeHtml(text.slice(cursor)).replace(/\n/g, '<br>'));

  const events = article.events
    .map((e) => `<tr><td><a href="#s${e.evidence.sentence}">${escapeHtml(e.trigger.text)}</a></td><td>${escapeHtml(e.source?.actor ?? '')}</td><td>${escapeHtml(e.target?.actor ?? '')}</td><td>${escapeHtml(e.type)}</td><td>${escapeHtml(e.quadClass)}</td><td class="num">${e.intensity}</td><td>${escapeHtml(e.mode)}${e.historical ? ' historical' : ''}</td><td>${escapeHtml(e.date.value)}</td></tr>`)
    .join('\n');
  const diagnostics = article.diagnostics.map((d) => `<li class="${escapeHtml(d.severity)}">${escapeHtml(d.stage)}:${escapeHtml(d.rule)} ${escapeHtml(d.message)}</li>`).join('');
  return page(
    article.title ?? article.id,
    `<p><a href="../index.html">← corpus</a></p>
<h1>${escapeHtml(article.title ?? article.id)}</h1>
<p>${escapeHtml(article.publisher ?? '')} ${escapeHtml(article.published ?? 'undated')} · ${escapeHtml(article.source.path)}</p>
<article>${parts.join('')}</article>
<h2>Events</h2>
<table><thead><tr><th>Trigger</th><th>Source</th><th>Target</th><th>Type</th><th>Quad class</th><th>Intensity</th><th>Mode</th><th>Date</th></tr></thead><tbody>
${events}
</tbody></table>
<h2>Diagnostics</h2><ul>${diagnostics}</ul>`,
  );
}

/** Marks inside [from, to); overlapping marks are nested when they fit, else the later one is dropped. */
function renderMarks(text: string, from: number, to: number, marks: Mark[]): string {
  let out = '';
  let cursor = from;
  let i = 0;
  while (i < marks.length) {
    const m = marks[i];
    if (m.start < cursor) {
      i++;
      continue;
    }
    out += escapeHtml(text.slice(cursor, m.start));
    const nested = marks.slice(i + 1).filter((n) => n.start >= m.start && n.end <= m.end);
    out += `<mark class="${escapeHtml(m.cls)}" title="${escapeHtml(m.title)}" tabindex="0">${renderMarks(text, m.start, m.end, nested)}</mark>`;
    cursor = m.end;
    i++;
  }
  return out + escapeHtml(text.slice(cursor, to));
}
