import { describe, expect, it } from 'vitest';
import { createProgress, describeProgress } from '../src/commands/progress.js';

function fakeStream(isTTY: boolean): NodeJS.WriteStream & { text: string } {
  const s = { isTTY, text: '', write(chunk: string) { s.text += chunk; return true; } };
  return s as unknown as NodeJS.WriteStream & { text: string };
}

describe('progress', () => {
  it('describes done/total, rate, ETA and failures', () => {
    expect(describeProgress({ done: 50, total: 150, failed: 2 }, 10_000)).toBe('50/150 articles, 5.0/s, ETA 0:20, 2 failed');
  });

  it('redraws one bar in place on a terminal', () => {
    let t = 0;
    const stream = fakeStream(true);
    const p = createProgress(stream, { quiet: false, now: () => t });
    t = 1000;
    p.update({ done: 1, total: 4, failed: 0 });
    t = 2000;
    p.update({ done: 2, total: 4, failed: 1 });
    p.finish();
    expect(stream.text).toBe(
      '\r[######------------------] 1/4 articles, 1.0/s, ETA 0:03, 0 failed\x1b[K' +
        '\r[############------------] 2/4 articles, 1.0/s, ETA 0:02, 1 failed\x1b[K\n',
    );
  });

  it('prints a plain line every few seconds on a pipe, and nothing when quiet', () => {
    let t = 0;
    const stream = fakeStream(false);
    const p = createProgress(stream, { quiet: false, intervalMs: 3000, now: () => t });
    for (let done = 1; done <= 9; done++) {
      t = done * 1000;
      p.update({ done, total: 10, failed: 0 });
    }
    expect(stream.text.trim().split('\n')).toEqual([
      'progress: 1/10 articles, 1.0/s, ETA 0:09, 0 failed',
      'progress: 4/10 articles, 1.0/s, ETA 0:06, 0 failed',
      'progress: 7/10 articles, 1.0/s, ETA 0:03, 0 failed',
    ]);
    const quiet = fakeStream(true);
    createProgress(quiet, { quiet: true }).update({ done: 1, total: 2, failed: 0 });
    expect(quiet.text).toBe('');
  });
});
