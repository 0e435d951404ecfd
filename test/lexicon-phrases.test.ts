import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../src/data.js';
import { phraseWords, PhraseMatcher, PhraseReader, tokenizeEach } from '../src/lexicon/phrases.js';
import { tokenize } from '../src/nlp.js';
import { buildGazetteerPhrases } from '../src/stages/entities/gazetteer.js';

/** Every short string in the shipped data files (keys and values): a superset of the phrases matchers are built from. */
function dataStrings(): string[] {
  const found = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (v.length < 80) found.add(v);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (k.length < 80 && !k.startsWith('$')) found.add(k);
        walk(x);
      }
  };
  const folder = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) folder(path);
      else if (entry.name.endsWith('.json')) walk(JSON.parse(readFileSync(path, 'utf8')));
    }
  };
  folder(join(PACKAGE_ROOT, 'data'));
  for (const p of buildGazetteerPhrases()) found.add(p.phrase);
  return [...found];
}

const alone = (phrase: string) => tokenize(phrase).tokens.filter((t) => t.text.trim() !== '');
const forms = (ts: readonly { text: string; normal: string; lemma: string; pos?: string }[]) => ts.map((t) => `${t.text}/${t.normal}/${t.lemma}/${t.pos ?? ''}`).join(' ');

describe('phrases read by wink all at once', () => {
  it('are split, lower-cased, tagged and lemmatised as each phrase read alone: every string of the shipped data', () => {
    const phrases = dataStrings();
    expect(phrases.length).toBeGreaterThan(10_000);
    const together = tokenizeEach(phrases);
    phrases.forEach((phrase, k) => expect(forms(together[k]), phrase).toBe(forms(alone(phrase))));
  });

  it('keep each phrase to its own words, also an empty one and one that ends in a full stop', () => {
    const words = tokenizeEach(['the U.S.', '', 'talks ended.', 'Côte d’Ivoire']);
    expect(words.map((w) => w.map((t) => t.text))).toEqual([['the', 'U.S.'], [], ['talks', 'ended', '.'], ['Côte', 'd’Ivoire']]);
    expect(words[2].map((t) => t.lemma)).toEqual(['talk', 'end', '.']);
  });

  it('split plain names at spaces for the written form, and send the rest to wink', () => {
    const words = phraseWords(['Bank of England', 'U.S.-Iran'], 'text');
    expect(words.map((w) => w.map((t) => t.text))).toEqual([['Bank', 'of', 'England'], ['U.S.', '-', 'Iran']]);
    expect(phraseWords(['Bank of England'], 'normal')[0].map((t) => t.normal)).toEqual(['bank', 'of', 'england']);
  });

  it('build a matcher that finds what one built phrase by phrase finds', () => {
    const entries = ['hold talks', 'talk', 'U.S.-Iran', 'sign'].map((phrase, value) => ({ phrase, value }));
    const tokens = alone('The U.S.-Iran envoys held talks and signed a deal.');
    const byPhrase = new PhraseMatcher(entries, 'lemma', entries.map((e) => alone(e.phrase)));
    const together = new PhraseMatcher(entries, 'lemma');
    expect(together.findAll(tokens)).toEqual(byPhrase.findAll(tokens));
    expect(together.findAll(tokens).map((h) => h.value)).toEqual([2, 0, 3]);
  });

  it('are read once per reader, whichever dictionary asks, with the words read alone', () => {
    const reader = new PhraseReader();
    const [held, talks] = reader.words(['held talks', 'talks']);
    const again = reader.words(['talks', 'sanctions', 'held talks']);
    expect(again[0]).toBe(talks);
    expect(again[2]).toBe(held);
    expect(forms(again[1])).toBe(forms(alone('sanctions')));
    expect(forms(held)).toBe(forms(alone('held talks')));
  });
});
