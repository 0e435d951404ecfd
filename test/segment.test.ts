import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE_TOKENS, segmentText } from '../src/stages/segment/index.js';
import { SEED_TEXT } from './helpers.js';

describe('segment', () => {
  it('splits the seed into its sentences, the headline first, and keeps apnews.com whole', () => {
    const { sentences } = segmentText(SEED_TEXT);
    expect(sentences[0].text).toBe('The Complex Alliance of Russia and Iran: A Historical Perspective');
    expect(sentences.at(-1)!.text).toBe('Original Source: apnews.com');
    for (const s of sentences) expect(SEED_TEXT.slice(s.start, s.end)).toBe(s.text);
  });

  it('splits sentences that run together without a space', () => {
    const { sentences } = segmentText(SEED_TEXT);
    const texts = sentences.map((s) => s.text);
    expect(texts).toContain('Tensions have historically marked the Russian-Iranian relationship.');
    expect(texts.some((t) => t.endsWith('amid evolving geopolitical pressures.'))).toBe(true);
    expect(texts.some((t) => t.startsWith('Iranian officials have benefitted'))).toBe(true);
  });

  it('does not split U.S. or abbreviations inside a sentence', () => {
    const { sentences } = segmentText('The U.S. and the U.K. met Gen. Jones on Jan. 5. Then they left.');
    expect(sentences.map((s) => s.text)).toEqual(['The U.S. and the U.K. met Gen. Jones on Jan. 5.', 'Then they left.']);
  });

  it('ends a headline at its line break but joins hard-wrapped lines', () => {
    expect(segmentText('Headline Here\nBody starts here. Next one.').sentences.map((s) => s.text)).toEqual([
      'Headline Here',
      'Body starts here.',
      'Next one.',
    ]);
    const wrapped = 'The minister said on\nTuesday that the talks\nwould resume in\nVienna next week. Nobody\nelse spoke at all.';
    expect(segmentText(wrapped).sentences.map((s) => s.text.replace(/\n/g, ' '))).toEqual([
      'The minister said on Tuesday that the talks would resume in Vienna next week.',
      'Nobody else spoke at all.',
    ]);
  });

  it('gives tokens exact offsets, lemmas and their sentence', () => {
    const { tokens } = segmentText('Russia’s leaders collaborated.');
    expect(tokens.map((t) => [t.text, t.start, t.end, t.sentence])).toEqual([
      ['Russia', 0, 6, 0],
      ['’s', 6, 8, 0],
      ['leaders', 9, 16, 0],
      ['collaborated', 17, 29, 0],
      ['.', 29, 30, 0],
    ]);
    expect(tokens[3].lemma).toBe('collaborate');
  });

  it('lemmatises a plural noun that opens a sentence, which wink tags as a name, and leaves names alone', () => {
    const { tokens } = segmentText('Protesters stormed parliament. “Soldiers opened fire,” he said. Reuters reported it. Iran Air flew.');
    const word = (text: string) => tokens.find((t) => t.text === text)!;
    expect([word('Protesters').pos, word('Protesters').lemma]).toEqual(['PROPN', 'protester']);
    expect(word('Soldiers').lemma).toBe('soldier');
    expect(word('Reuters').lemma).toBe('reuters');
    // Part of a longer name: not read alone.
    expect(word('Iran').lemma).toBe('Iran');
  });

  it('cuts a run with no sentence ends into bounded pieces, at commas where it can', () => {
    const clause = 'Russia and Iran signed a treaty with the U.S. on Friday, ';
    const text = clause.repeat(200);
    const { sentences, tokens } = segmentText(text);
    expect(sentences.length).toBeGreaterThan(1);
    for (const s of sentences) {
      expect(s.endToken - s.firstToken).toBeLessThanOrEqual(MAX_SENTENCE_TOKENS);
      expect(text.slice(s.start, s.end)).toBe(s.text);
    }
    expect(sentences[0].text.endsWith(',')).toBe(true);
    expect(tokens.at(-1)!.sentence).toBe(sentences.length - 1);
  });
});
