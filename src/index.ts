// The library entry point, for programs that consume the pipeline directly.
export { extractArticle, runStages, toArticleJson, STAGES, STAGE_VERSIONS, type ExtractResult } from './pipeline.js';
export { runCorpus, type RunOptions, type RunSummary } from './corpus/runner.js';
export { ingest, articleId, type IngestInput } from './stages/ingest/index.js';
export type * from './article.js';
