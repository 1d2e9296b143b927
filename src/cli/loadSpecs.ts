/**
 * Loading spec modules and collecting their specs: every export that `isGradSpec` accepts, and every
 * element of an exported array of specs (e.g. `export const builtinSpecs: GradSpec[]`), in export
 * order, each spec once (a CommonJS module's `module.exports` entries count as its exports). Load failures (a TypeScript syntax error, a throwing module, a missing
 * import) and modules without specs are `GC_SPEC_LOAD` errors carrying the reason.
 */
import { relative, sep } from 'node:path';
import { GradcheckError } from '../errors.js';
import { type GradSpec, isGradSpec } from './engine.js';
import type { LoadedSpec } from './selectSpecs.js';

/** Loads one module by absolute path (see `CliIo.importModule`). */
export type ModuleLoader = (file: string) => Promise<Record<string, unknown>>;

function reasonOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

/**
 * A module's exports: its namespace, or for a CommonJS module (a `.ts` spec in a package without
 * `"type": "module"`), whose namespace holds `module.exports` as `default` only, that object's entries.
 */
function exportsOf(module: Record<string, unknown>): Record<string, unknown> {
  const names = Object.keys(module).filter((k) => k !== 'module.exports');
  const only = module['default'];
  const commonJs =
    names.length === 1 &&
    names[0] === 'default' &&
    typeof only === 'object' &&
    only !== null &&
    !Array.isArray(only) &&
    !isGradSpec(only);
  return commonJs ? (only as Record<string, unknown>) : module;
}

/**
 * The specs exported by a loaded module, labelled with `source`. Throws `GC_SPEC_LOAD` when there
 * are none, or when two different specs of the module share a name (replay and JUnit history key on
 * source and name).
 */
export function collectSpecs(module: Record<string, unknown>, source: string): LoadedSpec<GradSpec>[] {
  const seen = new Set<unknown>();
  const specs: LoadedSpec<GradSpec>[] = [];
  const add = (value: unknown) => {
    if (!isGradSpec(value) || seen.has(value)) return;
    seen.add(value);
    if (specs.some((s) => s.name === value.name)) {
      throw new GradcheckError(
        'GC_SPEC_LOAD',
        'gradcheck',
        `spec names in ${source} must be unique ("${value.name}" twice)`,
        {
          arg: source,
          details: { source, name: value.name },
        },
      );
    }
    specs.push({ name: value.name, source, spec: value });
  };
  const exported = exportsOf(module);
  for (const value of Object.values(exported)) {
    if (Array.isArray(value)) value.forEach(add);
    else add(value);
  }
  if (specs.length === 0) {
    const names = Object.keys(exported);
    throw new GradcheckError(
      'GC_SPEC_LOAD',
      'gradcheck',
      `${source} must export specs made with defineCheck or defineProperty (its exports: ${names.length === 0 ? 'none' : names.join(', ')})`,
      { arg: source, details: { source, exports: names } },
    );
  }
  return specs;
}

/** `file` relative to `cwd` with `/` separators: how sources appear in reports and replay commands. */
export function sourceName(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return (rel === '' ? file : rel).split(sep).join('/');
}

/**
 * Imports `file` and collects its specs. Throws `GC_SPEC_LOAD` with the loader's reason on failure.
 *
 * @example
 * await loadSpecFile('/repo/specs/softmax.spec.ts', '/repo', loadModule);
 * // [{ name: 'softmax vjp', source: 'specs/softmax.spec.ts', spec }]
 */
export async function loadSpecFile(
  file: string,
  cwd: string,
  load: ModuleLoader,
): Promise<LoadedSpec<GradSpec>[]> {
  const source = sourceName(file, cwd);
  let module: Record<string, unknown>;
  try {
    module = await load(file);
  } catch (e) {
    throw new GradcheckError('GC_SPEC_LOAD', 'gradcheck', `${source} must load (${reasonOf(e)})`, {
      arg: source,
      details: { source },
      cause: e,
    });
  }
  return collectSpecs(module, source);
}
