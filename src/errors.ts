/** Bad usage: a missing file, an invalid flag value. Exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const EXIT = { ok: 0, articleFailed: 1, usage: 2 } as const;
