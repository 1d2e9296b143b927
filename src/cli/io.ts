/**
 * The CLI's window on the outside world. `main(argv, io)` reads and writes only through this object,
 * so that tests can run the whole CLI in-process with fake streams, a temporary cwd and a fixed env.
 */
import { pathToFileURL } from 'node:url';

/** Where the CLI writes, which directory it works in, and how it loads spec modules. */
export interface CliIo {
  /** Writes text to standard output (no newline added). */
  readonly stdout: (text: string) => void;
  /** Writes text to standard error (no newline added). */
  readonly stderr: (text: string) => void;
  /** Working directory: relative spec paths, globs and `reports/` are resolved against it. */
  readonly cwd: string;
  /** Environment (`NO_COLOR`, `FORCE_COLOR`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** True when stdout is a terminal: enables the one-line progress display and colours. */
  readonly isTTY: boolean;
  /** Terminal width for the progress line (default 80). */
  readonly columns?: number;
  /** Loads an ES module by absolute file path (default: `loadModule`, TypeScript through tsx). */
  readonly importModule?: (file: string) => Promise<Record<string, unknown>>;
  /** Clock for run ids and report timestamps (default: `() => new Date()`). */
  readonly now?: () => Date;
}

/** The real process: `process.stdout/stderr`, `process.cwd()`, `process.env`. */
export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    isTTY: process.stdout.isTTY === true,
    columns: process.stdout.columns || 80,
  };
}

let tsxRegistered: Promise<void> | undefined;

/**
 * Loads a spec module. TypeScript (`.ts`, `.mts`, `.cts`, `.tsx`) needs no build step: the first such
 * file registers tsx's ESM and CommonJS hooks for the whole process (`register` from `tsx/esm/api`
 * and `tsx/cjs/api`; a `.ts` file in a package without `"type": "module"` is CommonJS and goes through
 * `require`), then every file is loaded with a plain `import()`. A process-wide (not namespaced, as
 * `tsImport` would be) registration keeps one instance of each module: the spec's `import
 * 'gradcheck'` and the CLI share the same copy of gradcheck and fast-check.
 */
export async function loadModule(file: string): Promise<Record<string, unknown>> {
  if (/\.(c|m)?tsx?$/.test(file)) {
    tsxRegistered ??= Promise.all([import('tsx/esm/api'), import('tsx/cjs/api')]).then(([esm, cjs]) => {
      esm.register();
      cjs.register();
    });
    await tsxRegistered;
  }
  return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
}
