// `run --watch`: stay running and redo the corpus run whenever files under it
// change. Changes are debounced (an editor saving, a sync dropping many files)
// and runs never overlap: changes during a run schedule one more run after it.
import { watch, type FSWatcher } from 'node:fs';
import { runCorpus, type RunOptions, type RunSummary } from './runner.js';

export interface WatchOptions extends RunOptions {
  debounceMs?: number;
  onRun: (summary: RunSummary) => void;
  onError: (error: Error) => void;
}

export interface Watcher {
  /** Resolves when the first run is done. */
  ready: Promise<void>;
  close(): void;
}

export function watchCorpus(options: WatchOptions): Watcher {
  const debounce = options.debounceMs ?? 300;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let closed = false;

  const runOnce = async (): Promise<void> => {
    try {
      options.onRun(await runCorpus(options));
    } catch (e) {
      options.onError(e as Error);
    }
  };
  const trigger = (): void => {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = runOnce().finally(() => {
      running = null;
      if (again && !closed) {
        again = false;
        trigger();
      }
    });
  };

  const ready = runOnce();
  let watcher: FSWatcher | null = null;
  void ready.then(() => {
    if (closed) return;
    watcher = watch(options.corpus, { recursive: true }, () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(trigger, debounce);
    });
  });
  return {
    ready,
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      watcher?.close();
    },
  };
}
