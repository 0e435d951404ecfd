// Scores the dates stage on WikiWars (16 Wikipedia war histories, inline TIMEX2)
// by the same matching as TempEval-3. History is read as narrative: there is no
// publication date (the DATETIME is the crawl date), so relative expressions are
// anchored on the dates the text itself gives. TIMEX2 has no types; values are
// compared as written (centuries "17", decades "187", "BC0500" share TIMEX3's
// forms in this pipeline). Nested TIMEX2s are scored by their outermost span.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { goldFilesUnder } from './gold-files.js';
import { attribute, scoreLine, scoreTimexDocs, type GoldTimex, type TimemlDoc, type TimemlError, type TimemlScores } from './timeml.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function parseWikiwars(xml: string, id = ''): TimemlDoc {
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';
  let text = '';
  const timexes: GoldTimex[] = [];
  const open: { start: number; value: string; mod?: string }[] = [];
  for (let i = 0; i < body.length; ) {
    const c = body[i];
    if (c === '<') {
      const close = body.indexOf('>', i);
      const tag = body.slice(i + 1, close);
      if (/^TIMEX2\b/.test(tag) && !tag.endsWith('/')) {
        open.push({ start: text.length, value: /\bval="([^"]*)"/.exec(tag)?.[1] ?? '', mod: /\bmod="([^"]*)"/.exec(tag)?.[1] });
      } else if (/^\/TIMEX2/.test(tag)) {
        const o = open.pop();
        if (o && open.length === 0) timexes.push({ start: o.start, end: text.length, text: text.slice(o.start), type: '', value: o.value, ...(o.mod ? { mod: o.mod } : {}) });
      }
      i = close + 1;
    } else if (c === '&') {
      const semi = body.indexOf(';', i);
      const name = body.slice(i + 1, semi);
      text += ENTITIES[name] ?? '';
      i = semi + 1;
    } else {
      text += c;
      i++;
    }
  }
  return { id, dct: null, text, timexes };
}

export function scoreWikiwars(dir: string, errors?: TimemlError[]): TimemlScores {
  const files = goldFilesUnder(dir, '.xml', 'WikiWars inline TIMEX2 documents');
  return scoreTimexDocs(files.map((f) => () => parseWikiwars(readFileSync(f, 'utf8'), basename(f).replace(/\.key\.xml$/, ''))), errors);
}

export function formatWikiwarsScores(s: TimemlScores): string {
  return [
    `files ${s.files}, gold TIMEX2 ${s.gold}, system ${s.system}`,
    `strict          ${scoreLine(s.strict)}`,
    `relaxed         ${scoreLine(s.relaxed)}`,
    `relaxed+value   ${attribute(s.valueAccuracy, s.valueF1)}`,
    `time            ${s.milliseconds.toFixed(0)} ms (segment + dates)`,
  ].join('\n');
}
