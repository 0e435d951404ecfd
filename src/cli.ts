#!/usr/bin/env node
// The bin: a command table, one async function per command, one top-level catch
// that maps errors to exit codes (0 ok, 1 an article failed, 2 bad usage).
import { Command, CommanderError, InvalidArgumentError } from 'commander';
// Commands are imported when they run: loading the pipeline (models, gazetteers)
// takes a while, and `--help` or `--version` should not wait for it.
import { EVALUATION_KINDS } from './commands/eval-kinds.js';
import { toolVersion } from './data.js';
import { EXIT, UsageError } from './errors.js';

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}

async function main(argv: string[]): Promise<number> {
  let status: number = EXIT.ok;
  const program = new Command('newsevents')
    .description('Turn a folder of news articles into dates, actors, stance and dyadic events.')
    .version(toolVersion())
    .exitOverride()
    .showHelpAfterError();

  program
    .command('run')
    .description('process every article under CORPUS into OUT, redoing only what changed')
    .argument('[corpus]', 'corpus folder', 'corpus')
    .option('-o, --out <dir>', 'output folder', 'output')
    .option('-j, --jobs <n>', 'articles processed at once (default: number of cores)', positiveInteger)
    .option('-f, --force', 'reprocess every article, even unchanged ones', false)
    .option('-q, --quiet', 'no progress lines', false)
    .option('-w, --watch', 'stay running and process new or changed files as they arrive', false)
    .option('--max-bytes <n>', 'larger files fail with a clear error (default 5 MB)', positiveInteger)
    .option('--stats', 'print the run summary as JSON on stdout', false)
    .option('--queue <url>', 'hand the work to `newsevents worker` processes through Redis (redis://HOST:PORT)')
    .action(async (corpus: string, opts: { out: string; jobs?: number; maxBytes?: number; force: boolean; quiet: boolean; watch: boolean; stats: boolean; queue?: string }) => {
      status = await (await import('./commands/run.js')).runCommand({ corpus, ...opts });
    });

  program
    .command('extract')
    .description("print each FILE's article JSON on stdout, one per line")
    .argument('<file...>', 'article files (.txt)')
    .option('-p, --published <date>', 'publication date YYYY-MM-DD (overrides a sidecar)')
    .option('--pretty', 'indented JSON (a single file)', false)
    .action(async (files: string[], opts: { published?: string; pretty: boolean }) => {
      status = await (await import('./commands/extract.js')).extractCommand({ files, ...opts });
    });

  program
    .command('worker')
    .description('process articles from a queue that `newsevents run --queue` fills, until interrupted')
    .requiredOption('--queue <url>', 'Redis holding the queue (redis://HOST:PORT)')
    .option('-j, --jobs <n>', 'articles processed at once (default: number of cores)', positiveInteger)
    .option('-q, --quiet', 'no progress lines', false)
    .action(async (opts: { queue: string; jobs?: number; quiet: boolean }) => {
      status = await (await import('./commands/worker.js')).workerCommand(opts);
    });

  program
    .command('inspect')
    .description('show one article in the terminal: a file (extracted now) or the id of an article in the output folder')
    .argument('<file-or-id>', 'an article file, or an article id')
    .option('-o, --out <dir>', 'output folder to read an id from', 'output')
    .option('-p, --published <date>', 'publication date YYYY-MM-DD for a file')
    .action(async (target: string, opts: { out: string; published?: string }) => {
      status = await (await import('./commands/inspect.js')).inspectCommand({ target, ...opts });
    });

  program
    .command('report')
    .description('rebuild output/report from the existing outputs, without running any stage')
    .option('-o, --out <dir>', 'output folder', 'output')
    .action(async (opts: { out: string }) => {
      status = await (await import('./commands/report.js')).reportCommand(opts);
    });

  program
    .command('eval')
    .description(`score a stage against gold data: ${Object.entries(EVALUATION_KINDS).map(([k, describe]) => `\n  ${k}: ${describe}`).join('')}`)
    .argument('<kind>', Object.keys(EVALUATION_KINDS).join(' | '))
    .argument('<path>', 'gold data (file or folder)')
    .option('--errors', 'list every error after the scores', false)
    .action(async (kind: string, path: string, opts: { errors: boolean }) => {
      status = await (await import('./commands/eval.js')).evalCommand({ kind, path, ...opts });
    });

  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (e instanceof UsageError) {
      process.stderr.write(`newsevents: ${e.message}\n`);
      return EXIT.usage;
    }
    throw e;
  }
  return status;
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`newsevents: unexpected failure: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 70;
  },
);
