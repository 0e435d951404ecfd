import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { rebuildReport } from '../corpus/rebuild.js';
import { EXIT, UsageError } from '../errors.js';

export async function reportCommand(options: { out: string }): Promise<number> {
  const out = resolve(options.out);
  if (!existsSync(join(out, 'manifest.json'))) throw new UsageError(`no manifest in ${options.out}: run \`newsevents run\` first`);
  const written = await rebuildReport(out);
  process.stderr.write(`report rebuilt: ${written.length} files written; open ${join(out, 'report', 'index.html')}\n`);
  return EXIT.ok;
}
