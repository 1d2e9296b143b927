/**
 * `runProperty`: runs a spec with fast-check's `fc.check` (which returns data; never the throwing
 * `fc.assert`) over an `asyncProperty` (so checks may be async), and returns a PropertyResult: seed,
 * path, runs, skips, shrinks, the shrunk counterexample and the checker's result on it.
 *
 * Each run draws the checker's own seed next to the input (not shrunk), so a replay from `{ seed, path }`
 * reproduces the input and the checker's random probes. A verdict `oracle-unreliable` (the oracle saw
 * a kink) is a skipped run, like `fc.pre`; any other non-pass verdict fails the run.
 */
import fc from 'fast-check';
import { GradcheckError } from '../errors.js';
import { defaultSeed } from './defaultSeed.js';
import { type RunOverrides, resolvePropertyOptions, validateOverrides } from './options.js';
import type { PropertyResult } from './result.js';
import { CheckFailure, newRunState, type Observed } from './runState.js';
import { type GradSpec, isGradSpec } from './spec.js';
import { toPropertyResult } from './toPropertyResult.js';

function isCheckResult(r: unknown): boolean {
  return r !== null && typeof r === 'object' && typeof (r as { verdict?: unknown }).verdict === 'string';
}

/**
 * Runs `spec` (numRuns default 200, seed default a hash of its name) and reports what happened.
 * `overrides` win over the spec's options; `{ seed, path }` from a result replays its counterexample.
 * Throws GC_INVALID_ARGUMENT / GC_INVALID_OPTION for a bad spec or bad overrides; everything else,
 * including exceptions thrown by the spec, is reported in the result.
 *
 * @example
 * ```ts
 * import { runProperty } from 'gradcheck';
 * import { softmaxJacobianSpec } from './softmax.spec.js';
 * const r = await runProperty(softmaxJacobianSpec, { numRuns: 50 });
 * if (!r.ok) console.log(r.counterexampleText, r.check?.message, { seed: r.seed, path: r.path });
 * ```
 */
export async function runProperty<T>(spec: GradSpec<T>, overrides?: RunOverrides): Promise<PropertyResult> {
  const fn = 'runProperty';
  if (!isGradSpec(spec)) {
    throw new GradcheckError(
      'GC_INVALID_ARGUMENT',
      fn,
      'spec must be made by defineCheck or defineProperty',
      { arg: 'spec' },
    );
  }
  const o = validateOverrides(fn, overrides);
  const opts = resolvePropertyOptions(spec.options, o, defaultSeed(spec.name));
  const state = newRunState();
  const runOne = async (input: T, seed: number): Promise<Observed> => {
    const result = await spec.run(input, { seed, mode: o.mode });
    if (!isCheckResult(result)) {
      throw new GradcheckError(
        'GC_INVALID_ARGUMENT',
        fn,
        `spec '${spec.name}' must return a CheckResult (given ${typeof result})`,
      );
    }
    return { input, result };
  };
  const property = fc.asyncProperty(spec.input, fc.noShrink(fc.nat()), async (input, seed) => {
    let observed: Observed;
    try {
      observed = await runOne(input, seed);
    } catch (error) {
      state.lastFailure = { input, error };
      throw error;
    }
    const result = observed.result!;
    state.dtypes.add(result.dtype);
    if (result.verdict === 'oracle-unreliable') {
      state.lastSkip = observed;
      fc.pre(false);
    }
    if (!result.ok) {
      state.lastFailure = observed;
      throw new CheckFailure(result);
    }
    state.last = observed;
  });
  const start = performance.now();
  const details = await fc.check(property, {
    numRuns: opts.numRuns,
    seed: opts.seed,
    ...(opts.path !== undefined ? { path: opts.path } : {}),
    endOnFailure: opts.endOnFailure,
    maxSkipsPerRun: (opts.maxSkips + 0.5) / opts.numRuns,
    verbose: opts.verbose,
    ...(opts.timeoutMs !== undefined
      ? { interruptAfterTimeLimit: opts.timeoutMs, markInterruptAsFailure: true }
      : {}),
  });
  // The last failure seen is the shrunk counterexample; should fast-check ever hand back another
  // object, check it once more so that `check` always belongs to `counterexample`.
  let rerun: Observed | undefined;
  const ce = details.counterexample;
  if (ce !== null && state.lastFailure?.input !== ce[0]) {
    rerun = await runOne(ce[0], ce[1]).catch((error: unknown) => ({ input: ce[0], error }));
  }
  const d = details as unknown as Parameters<typeof toPropertyResult>[3];
  return toPropertyResult(spec as GradSpec<unknown>, opts, o, d, state, rerun, performance.now() - start);
}
