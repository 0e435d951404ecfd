// PLACEHOLDER until the stance stage lands: every sentence neutral.
import { defineStage } from '../../stage.js';
import { layer } from '../../article.js';
export const stanceStage = defineStage({
  name: 'stance', version: '0', needs: ['segments', 'dates', 'entities'], provides: 'stance',
  run: (doc) => ({ layer: layer(doc, 'segments').sentences.map(() => ({ label: 'neutral' as const, score: 0, confidence: 0, cues: [], about: [], hedged: false, historical: false })) }),
});
