/** Bad usage: a missing file, an invalid flag value. Exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Gold data the eval command cannot read (no gold files under the path, a malformed line): a usage error, positioned. */
export class GoldDataError extends UsageError {
  override name = 'GoldDataError';
}

export const EXIT = { ok: 0, articleFailed: 1, usage: 2 } as const;
