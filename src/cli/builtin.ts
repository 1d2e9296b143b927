/**
 * The built-in gate: the specs exported by `properties/index.ts`. The file is found relative to the
 * CLI itself: `dist/src/cli/*.js` → `dist/properties/index.js` in the package, and `src/cli/*.ts` →
 * `properties/index.ts` when the sources run directly (tests, tsx).
 */
import { access } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { GradcheckError } from '../errors.js';
import type { GradSpec } from './engine.js';
import { collectSpecs, type ModuleLoader } from './loadSpecs.js';
import type { LoadedSpec } from './selectSpecs.js';

/** The `source` recorded for built-in specs (replay commands then omit `check <file>`). */
export const BUILTIN_SOURCE = 'builtin';

/** Absolute path of the gate's entry module, or undefined when the package holds none. */
export async function builtinEntry(): Promise<string | undefined> {
  for (const candidate of ['../../properties/index.js', '../../properties/index.ts']) {
    const file = fileURLToPath(new URL(candidate, import.meta.url));
    if (
      await access(file).then(
        () => true,
        () => false,
      )
    )
      return file;
  }
  return undefined;
}

/**
 * Loads the built-in specs.
 *
 * @example
 * const specs = await loadBuiltinSpecs(loadModule); // [{ name: 'softmax jacobian (float64)', source: 'builtin', spec }, …]
 */
export async function loadBuiltinSpecs(load: ModuleLoader): Promise<LoadedSpec<GradSpec>[]> {
  const file = await builtinEntry();
  if (file === undefined) {
    throw new GradcheckError(
      'GC_SPEC_LOAD',
      'gradcheck',
      'the built-in gate must be built (properties/index.js not found: run npm run build)',
    );
  }
  let module: Record<string, unknown>;
  try {
    module = await load(file);
  } catch (e) {
    throw new GradcheckError(
      'GC_SPEC_LOAD',
      'gradcheck',
      `the built-in gate must load (${e instanceof Error ? e.message : String(e)})`,
      {
        cause: e,
      },
    );
  }
  return collectSpecs(module, BUILTIN_SOURCE);
}
