/**
 * Running the selected specs one after another through `runProperty`, reporting progress, and
 * labelling each result with the file its spec came from (for reports and replay).
 */

import type { CheckMode } from '../checks/result.js';
import type { PropertyResult } from '../property/result.js';
import { type GradSpec, runProperty } from './engine.js';
import type { Progress } from './progress.js';
import type { LoadedSpec } from './selectSpecs.js';

/** Per-run settings from the command line; absent fields keep each spec's own values. */
export interface RunOverrides {
  readonly numRuns?: number;
  readonly seed?: number;
  readonly path?: string;
  readonly mode?: CheckMode;
}

function defined(overrides: RunOverrides): RunOverrides {
  return Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) as RunOverrides;
}

/**
 * Runs `specs` in order; `overridesFor` gives each spec's overrides.
 *
 * @example
 * const results = await runSpecs(selected, () => ({ numRuns: 50 }), progress);
 */
export async function runSpecs(
  specs: readonly LoadedSpec<GradSpec>[],
  overridesFor: (spec: LoadedSpec<GradSpec>) => RunOverrides,
  progress: Progress,
): Promise<PropertyResult[]> {
  const results: PropertyResult[] = [];
  for (const [k, loaded] of specs.entries()) {
    progress.begin(loaded.name, k, specs.length);
    const result: PropertyResult = {
      ...(await runProperty(loaded.spec, defined(overridesFor(loaded)))),
      source: loaded.source,
    };
    results.push(result);
    progress.done(result, k, specs.length);
  }
  progress.finish();
  return results;
}
