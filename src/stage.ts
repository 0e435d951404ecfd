import type { ArticleDoc, Diagnostic, LayerName, Layers } from './article.js';

/** What a stage returns: its one layer, plus any problems it found. */
export interface StageResult<K extends LayerName> {
  layer: Layers[K];
  diagnostics?: Diagnostic[];
}

/**
 * A pipeline stage: a pure, deterministic function from the article (with the
 * layers it needs) to one new layer. `version` is part of the corpus manifest:
 * bump it whenever the stage's output can change, so incremental runs redo it.
 */
export interface Stage<K extends LayerName = LayerName> {
  name: string;
  version: string;
  needs: readonly LayerName[];
  provides: K;
  run(doc: ArticleDoc): StageResult<K>;
}

/** Helper to declare a stage with its layer type checked. */
export function defineStage<K extends LayerName>(stage: Stage<K>): Stage<K> {
  return stage;
}
