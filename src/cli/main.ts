/**
 * `gradcheck` entry point: `main(argv, io?)` parses the command line, runs the command and returns
 * the exit code — 0 every check held, 1 a discrepancy was found, 2 a usage or input error (unknown
 * option, missing file, a spec module that does not load, a pattern matching nothing, a bad report).
 * It never calls `process.exit`; `bin/gradcheck.js` sets `process.exitCode` from the result.
 */
import { isGradcheckError } from '../errors.js';
import { colorEnabled, palette } from './color.js';
import type { RunContext } from './context.js';
import { type CliIo, loadModule, processIo } from './io.js';
import type { Command } from './options.js';
import { parseArgs } from './parseArgs.js';
import { USAGE } from './usage.js';
import { packageVersion } from './version.js';

// The commands (and through them the whole library) are imported only when a command runs, so that
// --help, --version and usage errors answer at once.
async function run(command: Command, ctx: RunContext): Promise<number> {
  switch (command.kind) {
    case 'help':
      ctx.io.stdout(USAGE);
      return 0;
    case 'version':
      ctx.io.stdout(`${ctx.version}\n`);
      return 0;
    case 'gate': {
      const [{ loadBuiltinSpecs }, { runChecks }] = await Promise.all([
        import('./builtin.js'),
        import('./runChecks.js'),
      ]);
      return runChecks(await loadBuiltinSpecs(ctx.load), command.options, ctx);
    }
    case 'check': {
      const { expandPatterns } = await import('./expandPatterns.js');
      const files = await expandPatterns(command.patterns, ctx.io.cwd);
      const [{ loadSpecFile }, { runChecks }] = await Promise.all([
        import('./loadSpecs.js'),
        import('./runChecks.js'),
      ]);
      const specs = [];
      for (const file of files) specs.push(...(await loadSpecFile(file, ctx.io.cwd, ctx.load)));
      return runChecks(specs, command.options, ctx);
    }
    case 'replay':
      return (await import('./replayReport.js')).replayReport(command.report, command.options, ctx);
    case 'merge':
      return (await import('./mergeCommand.js')).mergeCommand(command.reports, command.options, ctx);
  }
}

/**
 * Runs the CLI and resolves to its exit code.
 *
 * @example
 * const code = await main(['check', 'specs/*.spec.ts', '--runs', '50']); // 0, 1 or 2
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const colors = palette(colorEnabled(io.isTTY, io.env));
  const ctx: RunContext = {
    io,
    argv,
    colors,
    version: packageVersion(),
    now: io.now ?? (() => new Date()),
    load: io.importModule ?? loadModule,
  };
  try {
    return await run(parseArgs(argv), ctx);
  } catch (e) {
    if (isGradcheckError(e)) {
      io.stderr(`${colors.red('error:')} ${e.message}\n`);
      if (e.code === 'GC_USAGE') io.stderr('Run gradcheck --help for usage.\n');
      return 2;
    }
    io.stderr(`${colors.red('error:')} ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 2;
  }
}
