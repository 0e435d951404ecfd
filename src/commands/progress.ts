// Progress for long runs: a bar redrawn in place on a terminal, a plain line every
// few seconds on a pipe (logs stay readable), nothing with --quiet.

export interface ProgressUpdate {
  done: number;
  total: number;
  failed: number;
}

export interface Progress {
  update(p: ProgressUpdate): void;
  finish(): void;
}

const formatDuration = (seconds: number): string => {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

export function describeProgress({ done, total, failed }: ProgressUpdate, elapsedMs: number): string {
  const rate = done / Math.max(elapsedMs / 1000, 1e-3);
  const eta = rate > 0 ? (total - done) / rate : Infinity;
  return `${done}/${total} articles, ${rate.toFixed(1)}/s, ETA ${formatDuration(eta)}, ${failed} failed`;
}

export function createProgress(stream: NodeJS.WriteStream, options: { quiet: boolean; intervalMs?: number; now?: () => number }): Progress {
  if (options.quiet) return { update: () => {}, finish: () => {} };
  const now = options.now ?? (() => performance.now());
  const started = now();
  let last: ProgressUpdate = { done: 0, total: 0, failed: 0 };
  if (stream.isTTY) {
    const width = 24;
    return {
      update(p) {
        last = p;
        const filled = p.total === 0 ? width : Math.round((p.done / p.total) * width);
        stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${describeProgress(p, now() - started)}\x1b[K`);
      },
      finish() {
        if (last.total > 0) stream.write('\n');
      },
    };
  }
  const interval = options.intervalMs ?? 3000;
  let printed = -Infinity;
  return {
    update(p) {
      last = p;
      const t = now();
      if (t - printed >= interval && p.done < p.total) {
        printed = t;
        stream.write(`progress: ${describeProgress(p, t - started)}\n`);
      }
    },
    finish() {},
  };
}
