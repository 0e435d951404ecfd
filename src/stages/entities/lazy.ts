// Compiled dictionaries wait for the stage's first run: the corpus runner's main
// thread imports the pipeline for stage versions but never runs it, and every
// worker thread pays its module imports.

/** A value built on its first use and kept for the life of the process. */
export function once<T>(build: () => T): () => T {
  let value: T | undefined;
  let built = false;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value as T;
  };
}
