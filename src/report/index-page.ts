// The corpus at a glance: articles with their counts and diagnostics, a chart
// per main dyad of cooperation and distrust over time, the most frequent actors,
// event categories and quad classes, and every diagnostic linked to its article.
import type { Diagnostic } from '../article.js';
import type { CorpusDyad, CorpusEntity } from '../corpus/aggregate.js';
import type { ArticleDigest } from '../corpus/digest.js';
import type { ManifestArticle } from '../corpus/manifest.js';
import { periodLabel } from '../corpus/periods.js';
import { escapeHtml, page, table } from './html.js';

export interface ArticleSummary {
  entry: ManifestArticle;
  article: Pick<ArticleDigest, 'id' | 'title' | 'publisher' | 'published' | 'counts'> | null;
}

export interface IndexData {
  articles: ArticleSummary[];
  /** Corpus dyads with the number of articles they appear in. */
  dyads: (Omit<CorpusDyad, 'articles'> & { articleCount: number })[];
  /** The most mentioned corpus entities (ACTOR_ROWS of them), with the number of articles they appear in. */
  entities: (Pick<CorpusEntity, 'name' | 'type' | 'actor' | 'mentions'> & { articleCount: number })[];
  eventTypes: Record<string, number>;
  quadClasses: Record<string, number>;
}

/** How many of the most mentioned actors the index lists. */
export const ACTOR_ROWS = 50;

/** How many dyads get a chart: the ones with the most evidence. */
const CHARTED_DYADS = 8;

export function articleLink(id: string): string {
  return `articles/${encodeURIComponent(id)}.html`;
}

function diagnosticLine(d: Diagnostic): string {
  const at = d.start !== undefined ? ` @${d.start}` : '';
  return `<span class="${escapeHtml(d.severity)}">${escapeHtml(d.severity)} ${escapeHtml(d.stage)}:${escapeHtml(d.rule)}${at}</span> ${escapeHtml(d.message)}`;
}

function countsTable(id: string, label: string, counts: Record<string, number>): string {
  const rows = Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([k, n]) => `<tr><td>${escapeHtml(k)}</td><td class="num">${n}</td></tr>`);
  return table(id, [{ label, sort: 'text' }, { label: 'Events', sort: 'number', num: true }], rows);
}

/** One row of the articles table. */
function articleRow({ entry, article }: ArticleSummary): string {
  const title = article && entry.status === 'ok' ? `<a href="${articleLink(entry.id)}">${escapeHtml(article.title ?? entry.id)}</a>` : escapeHtml(entry.path);
  const c = entry.counts;
  const problems = entry.diagnostics.filter((d) => d.severity !== 'info').length;
  return `<tr><td>${title}</td><td>${escapeHtml(article?.publisher ?? '')}</td><td>${escapeHtml(article?.published ?? '')}</td><td>${escapeHtml(entry.status)}</td><td class="num">${c.sentences}</td><td class="num">${c.dates}</td><td class="num">${c.entities}</td><td class="num">${c.events}</td><td class="num">${problems}</td></tr>`;
}

/** Stands for the article rows in the page until they are written. */
const ARTICLE_ROWS = '<!--article-rows-->';

/**
 * The index page in pieces: the page around the articles table, and one row
 * per article in between, so that a corpus of 50,000 articles is written
 * without its page ever being one string.
 */
export function* indexPageChunks(data: IndexData): Generator<string> {
  const [before, after] = indexPageFrame(data).split(ARTICLE_ROWS);
  yield before;
  for (let i = 0; i < data.articles.length; i++) yield (i > 0 ? '\n' : '') + articleRow(data.articles[i]);
  yield after;
}

function indexPageFrame(data: IndexData): string {
  const { articles } = data;
  const ok = articles.filter((a) => a.entry.status === 'ok').length;
  const failed = articles.filter((a) => a.entry.status === 'failed').length;
  const articleRows = [ARTICLE_ROWS];

  const charted = [...data.dyads].sort((a, b) => b.cooperation + b.distrust - (a.cooperation + a.distrust) || (a.actors.join() < b.actors.join() ? -1 : 1)).slice(0, CHARTED_DYADS);
  const cards = charted
    .map(
      (d, i) => `<div class="card dyad"><h3>${escapeHtml(d.actors.join(' – '))}</h3>
<p class="meta">cooperation ${d.cooperation} · distrust ${d.distrust} · stance ${d.stance} · ${d.articleCount} article(s)</p>
<div class="chart"><canvas id="dyad-${i}" role="img" aria-label="${escapeHtml(`cooperation and distrust over time between ${d.actors.join(' and ')}`)}"></canvas></div></div>`,
    )
    .join('\n');
  const chartData = {
    dyads: charted.map((d, i) => ({
      canvas: `dyad-${i}`,
      actors: d.actors,
      periods: d.periods.map((p) => ({ label: periodLabel(p.period), cooperation: p.cooperation, distrust: p.distrust })),
    })),
  };

  const actorRows = [...data.entities]
    .sort((a, b) => b.mentions - a.mentions || (a.name < b.name ? -1 : 1))
    .slice(0, ACTOR_ROWS)
    .map((e) => `<tr><td>${escapeHtml(e.name)}</td><td>${escapeHtml(e.type)}</td><td>${escapeHtml(e.actor ?? '')}</td><td class="num">${e.mentions}</td><td class="num">${e.articleCount}</td></tr>`);

  const diagnosticRows = articles.flatMap(({ entry }) =>
    entry.diagnostics.map((d) => {
      const where = entry.status === 'ok' ? `<a href="${articleLink(entry.id)}">${escapeHtml(entry.path)}</a>` : escapeHtml(entry.path);
      return `<tr><td>${where}</td><td>${escapeHtml(d.severity)}</td><td>${diagnosticLine(d)}</td></tr>`;
    }),
  );

  const body = `<h1>newsevents report</h1>
<p class="meta">${articles.length} articles: ${ok} processed, ${failed} failed, ${articles.length - ok - failed} excluded</p>
<h2>Articles</h2>
<input class="filter" type="search" placeholder="Filter articles" data-table="articles" aria-label="Filter articles">
${table('articles', [{ label: 'Title', sort: 'text' }, { label: 'Publisher', sort: 'text' }, { label: 'Published', sort: 'text' }, { label: 'Status', sort: 'text' }, { label: 'Sentences', sort: 'number', num: true }, { label: 'Dates', sort: 'number', num: true }, { label: 'Entities', sort: 'number', num: true }, { label: 'Events', sort: 'number', num: true }, { label: 'Problems', sort: 'number', num: true }], articleRows)}
<h2>Dyads over time</h2>
<p class="meta legend"><span class="key-coop">■ cooperation</span><span class="key-dist">■ distrust</span> by the period the sentences refer to (else the publication year)</p>
<div class="cards">
${cards}
</div>
<h2>Most frequent actors</h2>
<input class="filter" type="search" placeholder="Filter actors" data-table="actors" aria-label="Filter actors">
${table('actors', [{ label: 'Name', sort: 'text' }, { label: 'Type', sort: 'text' }, { label: 'Actor', sort: 'text' }, { label: 'Mentions', sort: 'number', num: true }, { label: 'Articles', sort: 'number', num: true }], actorRows)}
<div class="counts">
<div><h2>Event categories</h2>${countsTable('event-types', 'PLOVER category', data.eventTypes)}</div>
<div><h2>Quad classes</h2>${countsTable('quad-classes', 'Quad class', data.quadClasses)}</div>
</div>
<h2>Diagnostics</h2>
<input class="filter" type="search" placeholder="Filter diagnostics" data-table="diagnostics" aria-label="Filter diagnostics">
${table('diagnostics', [{ label: 'Article', sort: 'text' }, { label: 'Severity', sort: 'text' }, { label: 'Message', sort: 'text' }], diagnosticRows)}`;
  return page('newsevents report', body, '', { scripts: true, data: chartData });
}
