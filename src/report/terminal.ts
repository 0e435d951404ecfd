// `newsevents inspect`: one article in the terminal. The same information as
// the article page: sentences labelled and coloured by stance, dates, entities
// and cues coloured in the text, then the values, actors, events and problems.
// Colour only when asked (a terminal, and NO_COLOR unset).
import type { ArticleJson } from '../article.js';
import { marksOf } from './article-page.js';

const CODES = {
  reset: '\x1b[0m',
  bold: '\x1b[1m',
  dim: '\x1b[2m',
  date: '\x1b[34m',
  entity: '\x1b[35m',
  'cue-cooperation': '\x1b[32m',
  'cue-distrust': '\x1b[31m',
  cooperation: '\x1b[42;30m',
  distrust: '\x1b[41;30m',
  mixed: '\x1b[43;30m',
  neutral: '\x1b[47;30m',
} as const;
type Style = keyof typeof CODES;

/** Whether to colour a stream: a terminal, unless NO_COLOR is set (any value); FORCE_COLOR forces it. */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

export function renderInspect(article: ArticleJson, color: boolean): string {
  const paint = (style: Style, s: string): string => (color ? `${CODES[style]}${s}${CODES.reset}` : s);
  const out: string[] = [];
  out.push(paint('bold', article.title ?? article.id));
  out.push(paint('dim', `${article.publisher ?? 'unknown publisher'} · ${article.published ?? 'undated'} · ${article.source.path} (${article.source.format})`));
  out.push('');

  // Outermost marks only in the text (the lists below give every value).
  const marks = marksOf(article);
  article.sentences.forEach((s, i) => {
    let text = '';
    let cursor = s.start;
    for (const m of marks) {
      if (m.start < cursor || m.start < s.start || m.end > s.end) continue;
      text += article.text.slice(cursor, m.start) + (color ? paint(m.cls as Style, article.text.slice(m.start, m.end)) : `[${article.text.slice(m.start, m.end)}]`);
      cursor = m.end;
    }
    text += article.text.slice(cursor, s.end);
    const st = s.stance;
    const flags = [st.hedged ? 'hedged' : '', st.historical ? 'historical' : '', st.about.length ? `about ${st.about.join(',')}` : ''].filter(Boolean).join(' ');
    out.push(`${String(i).padStart(3)} ${paint(st.label as Style, ` ${st.label.padEnd(11)}`)} ${st.score.toFixed(2).padStart(5)}  ${text.replace(/\s*\n\s*/g, ' ')}${flags ? paint('dim', `  (${flags})`) : ''}`);
  });

  out.push('', paint('bold', `Dates (${article.dates.length})`));
  for (const d of article.dates) out.push(`  ${paint('date', d.text)} → ${d.type} ${d.value}${d.mod ? ` ${d.mod}` : ''}  ${paint('dim', `${d.certainty}, ${d.rule}`)}`);
  out.push('', paint('bold', `Entities (${article.entities.length})`));
  for (const e of article.entities) out.push(`  ${paint('entity', e.name)} ${e.type} ${e.actor ?? '-'}${e.country ? ` (${e.country})` : ''}  ${paint('dim', `${e.mentions.length} mention(s): ${[...new Set(e.mentions.map((m) => m.text))].join(', ')}`)}`);
  out.push('', paint('bold', `Events (${article.events.length})`));
  for (const e of article.events) {
    out.push(`  s${e.evidence.sentence} ${e.source?.actor ?? '-'} → ${e.target?.actor ?? '-'}  ${e.type} ${e.quadClass} ${e.intensity}  "${e.trigger.text}"  ${e.mode}${e.historical ? ' historical' : ''}  ${paint('dim', `date ${e.date.value} (${e.date.basis})`)}`);
  }
  out.push('', paint('bold', `Dyads (${article.dyads.length})`));
  for (const d of article.dyads) out.push(`  ${d.actors.join(' – ')}  cooperation ${d.cooperation}  distrust ${d.distrust}  stance ${d.stance}`);
  if (article.diagnostics.length > 0) {
    out.push('', paint('bold', `Diagnostics (${article.diagnostics.length})`));
    for (const d of article.diagnostics) out.push(`  ${d.severity} ${d.stage}:${d.rule}${d.start !== undefined ? ` @${d.start}` : ''} ${d.message}`);
  }
  return out.join('\n') + '\n';
}
