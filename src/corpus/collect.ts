// A full garbage collection of the calling thread, asked for at the runner's
// quiet moments. During a run the coordinator's work is small per file (read
// it, hand it to a thread, note the result), but V8 lets its heap grow to about
// three times what is live before it collects: over 50,000 articles with two
// jobs the coordinator's heap crept from ~40 to ~110 MB, which is where the
// run's peak RSS came from (447 MB). Collecting once the run is planned and then
// every few thousand files keeps it at ~35 MB and costs ~25 ms a time; a large
// aggregation collects between its steps too.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null = null;

/**
 * V8's `gc` function, as `--expose-gc` gives it: the flag is set now and a new
 * context, which V8 gives the function, hands it over (the flag alone changes
 * nothing for contexts made before). The flag is the process's: threads started
 * later have `gc` too, and nothing there calls it. Where this fails, collecting
 * does nothing.
 */
function exposedGc(): () => void {
  const own = (globalThis as { gc?: unknown }).gc;
  if (typeof own === 'function') return own as () => void;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    if (typeof gc === 'function') return gc as () => void;
  } catch {
    // A V8 that refuses the flag: the run goes on with V8's own schedule.
  }
  return () => {};
}

export function collectGarbage(): void {
  (collect ??= exposedGc())();
}
