/**
 * checkBackprop: are the per-layer deltas δₗ = ∂loss/∂zₗ of a backward pass right? Each layer reduces
 * to a gradient check in its pre-activations zₗ: perturb zₗ, recompute the loss from there on
 * (`lossFrom`), and compare with δₗ. Fits the kernels' `mlpForward` / `mlpBackward` /
 * `mlpLossFromPreActivations` directly (see the example).
 */
import { GradcheckError } from '../errors.js';
import type { NumericArray } from '../types.js';
import { readPoint } from './argument.js';
import { gradientOutcome } from './checkGradient.js';
import { EntryCollector } from './entries.js';
import { type CheckOptions, describe, resolveCheckOptions } from './options.js';
import { readVector } from './output.js';
import type { CheckResult } from './result.js';
import { execute, type Outcome, Run } from './run.js';
import { Stop } from './stop.js';

/** A network's backward pass, seen layer by layer. */
export interface BackpropModel {
  /** zₗ for every layer at the point (any numeric array, e.g. rows × units row-major). */
  readonly preActivations: readonly NumericArray[];
  /** The claimed δₗ = ∂loss/∂zₗ (same lengths as zₗ), or a function returning them (called twice). */
  readonly deltas: readonly NumericArray[] | (() => readonly NumericArray[]);
  /** The loss with layer `layer`'s pre-activations replaced by z (a fresh copy that must not be modified). */
  lossFrom(layer: number, z: never): number;
  /** Layers to check (default: all). */
  readonly layers?: readonly number[];
}

const FN = 'checkBackprop';

/**
 * Checks per-layer deltas by finite differences in each layer's pre-activations.
 *
 * Defaults as `checkGradient`; entries are labelled `layer l δ[k]` and positions are `[l, k]`.
 * @example
 * const { preActivations } = mlpForward(mlp, params, x, rows);
 * const { deltas } = mlpBackward(mlp, params, x, labels);
 * checkBackprop({
 *   preActivations,
 *   deltas,
 *   lossFrom: (l, z) => mlpLossFromPreActivations(mlp, params, x, labels, l, z),
 * }).ok;
 */
export function checkBackprop(model: BackpropModel, options?: CheckOptions): CheckResult {
  const opts = resolveCheckOptions(FN, options);
  const zs = readModel(model);
  const layers = model.layers ?? zs.map((_, l) => l);
  const run = new Run(FN, 'backprop', opts, zs[0]!.kind);
  run.inputSize = layers.reduce((s, l) => s + zs[l]!.x.length, 0);
  run.outputSize = 1;
  return execute(run, () => {
    const deltas = readDeltas(
      run,
      model,
      zs.map((z) => z.x.length),
    );
    const collector = new EntryCollector(opts.maxEntries);
    const located: (readonly number[])[] = [];
    const unreliable: number[] = [];
    let reason: 'kink' | 'discontinuity' | 'noise' | 'step' = 'kink';
    let offset = 0;
    for (const l of layers) {
      const z = zs[l]!;
      run.calls.kind = z.kind;
      const f = (zz: never) => model.lossFrom(l, zz);
      const out: Outcome = gradientOutcome(
        run,
        f,
        deltas[l]!,
        z,
        (k) => ({ index: [l, k], label: `layer ${l} δ[${k}]` }),
        'deltas',
        (p) => ({ index: [l, p], label: `layer ${l} ⟨δ, v${p + 1}⟩ (probe ${p + 1})` }),
      );
      collector.absorb(out.collector);
      if (out.verdict === 'mismatch') located.push(...out.located);
      if (out.verdict === 'oracle-unreliable') {
        reason = out.reason === 'kink' ? reason : out.reason;
        unreliable.push(...out.coordinates.map((c) => (run.mode === 'fast' ? c : offset + c)));
      }
      offset += z.x.length;
    }
    if (collector.failed.length > 0) return { verdict: 'mismatch', collector, located, notes: [] };
    if (unreliable.length > 0)
      return { verdict: 'oracle-unreliable', collector, reason, coordinates: unreliable, notes: [] };
    return { verdict: 'pass', collector, notes: [] };
  });
}

function readModel(model: BackpropModel) {
  if (model === null || typeof model !== 'object') {
    throw new GradcheckError(
      'GC_INVALID_ARGUMENT',
      FN,
      `model must be an object { preActivations, deltas, lossFrom } (given ${describe(model)})`,
      { arg: 'model' },
    );
  }
  if (typeof model.lossFrom !== 'function') {
    throw new GradcheckError(
      'GC_INVALID_ARGUMENT',
      FN,
      `model.lossFrom must be a function (given ${describe(model.lossFrom)})`,
      { arg: 'model.lossFrom' },
    );
  }
  if (!Array.isArray(model.preActivations) || model.preActivations.length === 0) {
    throw new GradcheckError(
      'GC_EMPTY_INPUT',
      FN,
      `model.preActivations must be a non-empty array of layers (given ${describe(model.preActivations)})`,
      { arg: 'model.preActivations' },
    );
  }
  const zs = model.preActivations.map((z, l) => readPoint(FN, z, `model.preActivations[${l}]`));
  for (const l of model.layers ?? []) {
    if (!Number.isInteger(l) || l < 0 || l >= zs.length) {
      throw new GradcheckError(
        'GC_OUT_OF_RANGE',
        FN,
        `model.layers must hold layer indices in [0, ${zs.length - 1}] (given ${l})`,
        { arg: 'model.layers' },
      );
    }
  }
  return zs;
}

function readDeltas(run: Run, model: BackpropModel, sizes: number[]): Float64Array[] {
  const get = (): readonly NumericArray[] => {
    if (typeof model.deltas !== 'function') return model.deltas;
    run.calls.derivativeCalls++;
    try {
      return (model.deltas as () => readonly NumericArray[])();
    } catch (cause) {
      throw new GradcheckError('GC_FUNCTION_THREW', FN, 'model.deltas must return without throwing', {
        arg: 'model.deltas',
        cause,
      });
    }
  };
  const read = (raw: readonly NumericArray[]) => {
    if (!Array.isArray(raw) || raw.length !== sizes.length) {
      throw new GradcheckError(
        'GC_SHAPE_MISMATCH',
        FN,
        `model.deltas must hold one array per layer (${sizes.length} layers; given ${describe(raw)})`,
        { arg: 'model.deltas' },
      );
    }
    return raw.map((d, l) => readVector(FN, `model.deltas[${l}]`, d, sizes[l]).values);
  };
  const first = read(get());
  if (typeof model.deltas === 'function') {
    const again = read(get());
    first.forEach((d, l) => {
      const k = d.findIndex((v, i) => !Object.is(v, again[l]![i]));
      if (k >= 0)
        throw new Stop({
          verdict: 'nondeterministic',
          source: 'derivative',
          detail: `deltas[${l}][${k}] was ${d[k]} and then ${again[l]![k]}`,
        });
    });
  }
  return first;
}
