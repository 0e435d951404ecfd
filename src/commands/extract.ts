import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { isCalendarDate } from '../stages/ingest/sidecar.js';
import { extractArticles } from '../pipeline.js';
import { EXIT, UsageError } from '../errors.js';

export interface ExtractCommandOptions {
  files: string[];
  published?: string;
  pretty: boolean;
}

/** One article JSON per file on stdout, one per line (indented with --pretty for a single file). */
export async function extractCommand(options: ExtractCommandOptions): Promise<number> {
  if (options.published !== undefined && !isCalendarDate(options.published)) {
    throw new UsageError(`--published must be a calendar date YYYY-MM-DD, got "${options.published}"`);
  }
  if (options.pretty && options.files.length > 1) throw new UsageError('--pretty takes a single file');
  let status: number = EXIT.ok;
  for (const file of options.files) {
    const bytes = await readFile(file).catch((e: Error) => {
      throw new UsageError(`cannot read ${file}: ${e.message}`);
    });
    const sidecarPath = file.replace(/\.[^./\\]+$/, '') + '.meta.json';
    const sidecarText = sidecarPath !== file ? await readFile(sidecarPath, 'utf8').catch(() => undefined) : undefined;
    const results = extractArticles({
      path: basename(file),
      bytes,
      published: options.published,
      sidecar: sidecarText !== undefined ? { path: basename(sidecarPath), text: sidecarText } : undefined,
    });
    for (const result of results) {
      if (!result.ok) {
        if (!result.skipped) status = EXIT.articleFailed;
        for (const d of result.diagnostics) process.stderr.write(`${d.severity} ${file}${d.start !== undefined ? `:${d.start}` : ''} ${d.stage}:${d.rule} ${d.message}\n`);
        continue;
      }
      process.stdout.write(JSON.stringify(result.article, null, options.pretty ? 2 : undefined) + '\n');
    }
  }
  return status;
}
