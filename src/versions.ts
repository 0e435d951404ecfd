// Every stage's version, in one small module: the corpus runner's main thread
// compares them with the manifest without loading the stages (their models and
// dictionaries), and each stage reads its own from here. Bump a stage's version
// whenever its output can change, so that incremental runs redo the articles.
export const STAGE_VERSIONS = {
  ingest: '4',
  segment: '3',
  dates: '17',
  entities: '8',
  stance: '2',
  events: '19',
  dyads: '1',
} as const;
