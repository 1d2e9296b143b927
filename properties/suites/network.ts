/**
 * The MLP forward pass as a user sees it, beyond derivatives: the composition of its layers (z_l = a_l W_l
 * + b_l through `dense`, a_{l+1} = f(z_l) through the activation kernels, probabilities = softmax of
 * the logits), with mlpLoss, mlpBackward's loss and the loss from any layer's pre-activations equal to
 * the cross-entropy of those logits. Bounds: a float64 dot product of n terms n·u·Σ|terms|; the same
 * formula through two code paths differs by at most twice that, plus SAFETY for the second order.
 */
import fc from 'fast-check';
import {
  type CheckResult,
  checkInvariant,
  createMlp,
  crossEntropy,
  crossEntropyWithTargets,
  type DType,
  defineProperty,
  dense,
  type FloatArray,
  type GradSpec,
  type MlpCase,
  mlpBackward,
  mlpCases,
  mlpForward,
  mlpLoss,
  mlpLossFromPreActivations,
  relu,
  sigmoid,
  softmax,
  tanh,
  UNIT_ROUNDOFF,
  ulp,
} from 'gradcheck';
import { KERNEL_ULPS, SAFETY, U64 } from '../support/bounds.js';
import { allOf } from '../support/rows.js';
import { RUNS } from '../support/settings.js';

const activationKernel = { sigmoid, tanh, relu } as const;

/** |a − b| ≤ allowed per entry, for two computations of the same values. */
function close(
  name: string,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  allowed: ArrayLike<number>,
  dtype: DType,
) {
  return checkInvariant(Array.from(a), Array.from(b), Array.from(allowed), { name, dtype });
}

/**
 * Every result has the parameters' array type, and is a new array: activations[0] holds x's values
 * but is not the caller's x (writing into a result never changes an argument).
 */
function resultTypes(results: FloatArray[], dtype: DType, a0?: FloatArray, x?: FloatArray): CheckResult {
  const type = dtype === 'float32' ? Float32Array : Float64Array;
  const facts = results.map((r) => (r instanceof type ? 1 : 0));
  if (a0 !== undefined && x !== undefined) {
    facts.push(a0 !== x && a0.length === x.length && a0.every((v, i) => Object.is(v, x[i])) ? 1 : 0);
  }
  return checkInvariant(facts, 1, 0, {
    name: `results are new ${type.name}s (last: activations[0] a copy of x)`,
    dtype,
  });
}

/** The forward pass layer by layer, and every loss the kernels offer, against one another. */
function forwardChecks(c: MlpCase, dtype: DType): (() => CheckResult)[] {
  const mlp = createMlp({ sizes: c.sizes, activations: c.activations, dtype });
  const f = mlpForward(mlp, c.params, c.x, c.rows);
  const back = mlpBackward(mlp, c.params, c.x, c.targets);
  const u = UNIT_ROUNDOFF[dtype];
  const checks: (() => CheckResult)[] = [];
  const results = [...f.preActivations, ...f.activations, f.logits, back.gradient, ...back.deltas];
  checks.push(() => resultTypes(results, dtype, f.activations[0]!, c.x));
  mlp.layers.forEach((layer, l) => {
    const a = f.activations[l]!;
    const W = mlp.weights(l, c.params);
    const b = mlp.bias(l, c.params);
    const z = dense(a, W, b, c.rows, layer.inDim, layer.outDim);
    checks.push(() => resultTypes([z], dtype));
    // Σ|terms| of each z entry: the dot product's rounding scales with it (twice: two code paths).
    const magnitude = Array.from({ length: c.rows * layer.outDim }, (_, k) => {
      const r = Math.floor(k / layer.outDim);
      const j = k % layer.outDim;
      let m = Math.abs(b[j]!);
      for (let i = 0; i < layer.inDim; i++) m += Math.abs(a[r * layer.inDim + i]! * W[i * layer.outDim + j]!);
      return m;
    });
    // float32 results are the float64 ones rounded: the rounded inputs a move z by up to u·Σ|a W|.
    const carried = dtype === 'float32' ? u : 0;
    const zBound = magnitude.map(
      (m, k) => SAFETY * ((2 * (layer.inDim + 1) * U64 + carried) * m + 2 * ulp(z[k]!, dtype)),
    );
    checks.push(() => close(`z${l} = a${l} W${l} + b${l}`, f.preActivations[l]!, z, zBound, dtype));
    const next = f.activations[l + 1]!;
    const zl = f.preActivations[l]!;
    if (layer.activation === 'softmax') {
      const s = softmax(zl, layer.outDim);
      // Rounded logits move each sᵢ by at most sᵢ·(e^(2u·max|z|) − 1) ≈ sᵢ·2u·max|z|.
      const spread = 2 * carried * Math.max(...Array.from(zl, Math.abs));
      const sBound = Array.from(s, (v) => SAFETY * (KERNEL_ULPS * ulp(v, dtype) + v * spread));
      checks.push(() => close('probabilities = softmax(logits)', next, s, sBound, dtype));
    } else {
      const g = activationKernel[layer.activation](zl);
      // |f′| ≤ 1 for sigmoid, tanh and relu: a rounded z moves f(z) by at most u·|z|.
      const gBound = Array.from(g, (v, k) => SAFETY * (2 * ulp(v, dtype) + carried * Math.abs(zl[k]!)));
      checks.push(() => close(`a${l + 1} = ${layer.activation}(z${l})`, next, g, gBound, dtype));
    }
  });
  const logits = f.logits;
  const classes = c.sizes[c.sizes.length - 1]!;
  const ce =
    c.targets instanceof Int32Array
      ? crossEntropy(logits, c.targets, classes)
      : crossEntropyWithTargets(logits, c.targets as FloatArray, classes);
  // Float32 logits are rounded once more than mlpLoss's own float64 logits: |Δloss| ≤ Σ|∂loss/∂z|·|Δz|
  // ≤ 2·max|Δz| per row (|s − y| sums to at most 2), and |Δz| ≤ u·|z|.
  const maxLogit = Math.max(...Array.from(logits, Math.abs));
  const lossBound =
    SAFETY * (KERNEL_ULPS * ulp(ce, 'float64') + (dtype === 'float32' ? 2 * u * maxLogit : 0));
  const loss = mlpLoss(mlp, c.params, c.x, c.targets);
  checks.push(() => close('mlpLoss = cross-entropy(logits)', [loss], [ce], [lossBound], 'float64'));
  checks.push(() => close('mlpBackward loss = mlpLoss', [back.loss], [loss], [0], 'float64'));
  mlp.layers.forEach((_, l) => {
    checks.push(() =>
      close(
        `loss from z${l} = mlpLoss`,
        [mlpLossFromPreActivations(mlp, c.params, c.x, c.targets, l, f.preActivations[l]!)],
        [loss],
        [lossBound + SAFETY * 2 * u * maxLogit * (dtype === 'float32' ? 1 : 0)],
        'float64',
      ),
    );
  });
  return checks;
}

/** The forward pass composes dense layers and activations; every loss agrees. */
export function forwardSpec(dtype: DType): GradSpec {
  return defineProperty({
    name: `mlp forward pass composes its layers, losses agree (${dtype})`,
    input: fc.oneof(
      mlpCases({ minHidden: 0, maxHidden: 3, maxRows: 3, dtype }),
      mlpCases({ minHidden: 0, maxHidden: 2, maxRows: 3, targets: 'probabilities', dtype }),
    ),
    dtype,
    options: { numRuns: RUNS },
    check: (c) => allOf(...forwardChecks(c, dtype)),
  });
}
