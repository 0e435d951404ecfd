import { describe, expect, it } from 'vitest';
import { isLexiconCompiled } from '../src/stages/stance/lexicon.js';
import { stanceStage } from '../src/stages/stance/index.js';
import { docFromText } from './helpers.js';

describe('stance start-up', () => {
  it('compiles its cue lexicon on the stage\'s first run, not when the pipeline is imported or the earlier stages run', () => {
    expect(isLexiconCompiled()).toBe(false);
    const doc = docFromText('Russia and Iran signed a comprehensive strategic partnership treaty.', { until: 'entities' });
    expect(isLexiconCompiled()).toBe(false);
    const sentences = stanceStage.run(doc).layer;
    expect(isLexiconCompiled()).toBe(true);
    expect(sentences[0].label).toBe('cooperation');
    expect(sentences[0].cues.map((c) => c.text)).toEqual(['comprehensive strategic partnership', 'treaty']);
  });
});
