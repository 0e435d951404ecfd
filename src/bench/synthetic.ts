// A synthetic corpus for benchmarks: the demo articles recombined (paragraphs
// from two articles), with countries, leaders and capitals swapped, years
// shifted and lengths varied. Seeded, so the same N gives the same corpus.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Mulberry32: a small seeded generator, so runs are comparable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Country, demonym, capital, leader: swapped together so a text stays coherent. */
const ROLES: [string, string, string, string][] = [
  ['Russia', 'Russian', 'Moscow', 'Putin'],
  ['Iran', 'Iranian', 'Tehran', 'Pezeshkian'],
  ['China', 'Chinese', 'Beijing', 'Xi'],
  ['India', 'Indian', 'New Delhi', 'Modi'],
  ['Turkey', 'Turkish', 'Ankara', 'Erdogan'],
  ['Greece', 'Greek', 'Athens', 'Mitsotakis'],
  ['Japan', 'Japanese', 'Tokyo', 'Kishida'],
  ['France', 'French', 'Paris', 'Macron'],
  ['Germany', 'German', 'Berlin', 'Scholz'],
  ['Brazil', 'Brazilian', 'Brasilia', 'Lula'],
  ['Egypt', 'Egyptian', 'Cairo', 'Sisi'],
  ['Pakistan', 'Pakistani', 'Islamabad', 'Sharif'],
];

interface Source {
  headline: string;
  paragraphs: string[];
  publisher: string;
}

function loadSources(corpus: string): Source[] {
  return readdirSync(corpus)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const lines = readFileSync(join(corpus, f), 'utf8').split('\n');
      const last = lines.at(-1) ?? '';
      const publisher = /^Original Source: (.+)$/.exec(last)?.[1] ?? 'example.org';
      const body = lines.slice(2, /^Original Source:/.test(last) ? -1 : undefined).filter((l) => l.trim() !== '');
      return { headline: lines[0], paragraphs: body, publisher };
    });
}

function swapRoles(text: string, from: (typeof ROLES)[number], to: (typeof ROLES)[number]): string {
  let out = text;
  // Through a placeholder, so swapping A→B and B→A in one text does not collide.
  from.forEach((word, i) => (out = out.split(word).join(`\u0001${i}\u0001`)));
  to.forEach((word, i) => (out = out.split(`\u0001${i}\u0001`).join(word)));
  return out;
}

export interface SyntheticCorpus {
  dir: string;
  articles: number;
  bytes: number;
}

/** Writes `count` articles (and sidecars) under `dir`, 1,000 to a folder. */
export function writeSyntheticCorpus(corpus: string, dir: string, count: number, seed = 1): SyntheticCorpus {
  const sources = loadSources(corpus);
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  let bytes = 0;
  for (let n = 0; n < count; n++) {
    const base = pick(sources);
    const other = pick(sources);
    // Lengths vary from a third of an article to about twice one.
    const length = Math.max(1, Math.round(base.paragraphs.length * (0.3 + random() * 1.7)));
    const paragraphs: string[] = [];
    for (let i = 0; i < length; i++) paragraphs.push(pick(random() < 0.7 ? base.paragraphs : other.paragraphs));
    const shift = Math.floor(random() * 11) - 5;
    let text = `${base.headline}\n\n${paragraphs.join('\n')}\nOriginal Source: ${base.publisher}`;
    text = text.replace(/\b(19[5-9]\d|20[0-2]\d)\b/g, (y) => String(Number(y) + shift));
    text = swapRoles(text, pick(ROLES), pick(ROLES));
    const year = 2015 + Math.floor(random() * 10);
    const published = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    const folder = join(dir, `part${String(Math.floor(n / 1000)).padStart(3, '0')}`);
    if (n % 1000 === 0) mkdirSync(folder, { recursive: true });
    const name = `article${String(n).padStart(6, '0')}`;
    writeFileSync(join(folder, `${name}.txt`), text);
    writeFileSync(join(folder, `${name}.meta.json`), JSON.stringify({ published }));
    bytes += Buffer.byteLength(text);
  }
  return { dir, articles: count, bytes };
}
