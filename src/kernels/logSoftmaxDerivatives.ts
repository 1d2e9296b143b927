/**
 * Analytic derivatives of log-softmax, per row: Jacobian J = I − 1 sᵀ (J_ij = δ_ij − s_j, not
 * symmetric), VJP gᵀJ = g − s·Σ_i g_i, JVP J t = t − ⟨s, t⟩. The diagonal entry 1 − s_a of the
 * largest probability is computed as Σ_{k≠a} s_k, and ⟨s, t⟩ around t_a, as in softmaxDerivatives.ts.
 */
import { allocLike, type KernelOutput, resultArray } from './arrays.js';
import { argmaxOf, complementOf, probabilitiesOfRow } from './probabilities.js';
import { floatArray, type KernelInput, lengthIs, rowsOf } from './validate.js';

/**
 * The per-row Jacobians of log-softmax: n×n blocks J = I − 1 sᵀ, row-major, one after another
 * (length rows·cols·cols). Masked entries (s_j = 0) give columns of the identity, and a fully masked
 * row (s = 0) the identity itself, as do its VJP (g) and JVP (t).
 *
 * @example logSoftmaxJacobian(new Float64Array([0, 0]), 2) // Float64Array [0.5, -0.5, -0.5, 0.5]
 */
export function logSoftmaxJacobian<T extends KernelInput>(x: T, cols: number): KernelOutput<T> {
  const xs = floatArray('logSoftmaxJacobian', 'x', x);
  const rows = rowsOf('logSoftmaxJacobian', xs.length, cols);
  const out = allocLike(xs, rows * cols * cols);
  for (let r = 0; r < rows; r++) {
    const s = probabilitiesOfRow(xs, r, cols);
    const a = argmaxOf(s, cols);
    const ca = complementOf(s, cols, a);
    const base = r * cols * cols;
    for (let i = 0; i < cols; i++) {
      const o = base + i * cols;
      for (let j = 0; j < cols; j++) out[o + j] = -s[j]!;
      out[o + i] = i === a ? ca : 1 - s[i]!;
    }
  }
  return out as KernelOutput<T>;
}

/**
 * Vector-Jacobian product of log-softmax per row: gᵀJ = g − s·Σ_i g_i. Correct for any cotangent,
 * not only those summing to 1. The entry of the largest probability s_a is computed as
 * g_a·(1 − s_a) − s_a·Σ_{k≠a} g_k (1 − s_a as Σ_{k≠a} s_k), which keeps its relative accuracy when
 * s_a is within a few ulps of 1 (g_a − s_a·Σg would cancel). `out`, if given, receives the result
 * (x's type and length).
 *
 * @example logSoftmaxVjp(new Float64Array([0, 0]), new Float64Array([1, 0]), 2) // [0.5, -0.5]
 */
export function logSoftmaxVjp<T extends KernelInput>(
  x: T,
  g: KernelInput,
  cols: number,
  out?: KernelOutput<T>,
): KernelOutput<T> {
  const xs = floatArray('logSoftmaxVjp', 'x', x);
  const gs = floatArray('logSoftmaxVjp', 'g', g);
  const rows = rowsOf('logSoftmaxVjp', xs.length, cols);
  lengthIs('logSoftmaxVjp', 'g', gs.length, xs.length, 'the length of x');
  const result = resultArray('logSoftmaxVjp', xs, xs.length, out);
  for (let r = 0; r < rows; r++) {
    const s = probabilitiesOfRow(xs, r, cols);
    const a = argmaxOf(s, cols);
    const o = r * cols;
    let rest = 0; // Σ_{k≠a} g_k
    for (let j = 0; j < cols; j++) if (j !== a) rest += gs[o + j]!;
    const ga = gs[o + a]!;
    const sum = ga + rest;
    for (let j = 0; j < cols; j++) result[o + j] = gs[o + j]! - s[j]! * sum;
    // g_a − s_a·Σg cancels when s_a is near 1; g_a·(1 − s_a) − s_a·Σ_{k≠a} g_k does not.
    result[o + a] = ga * complementOf(s, cols, a) - s[a]! * rest;
  }
  return result as KernelOutput<T>;
}

/**
 * Jacobian-vector product of log-softmax per row: J t = t − ⟨s, t⟩. `out` as for logSoftmaxVjp.
 *
 * @example logSoftmaxJvp(new Float64Array([0, 0]), new Float64Array([1, 0]), 2) // [0.5, -0.5]
 */
export function logSoftmaxJvp<T extends KernelInput>(
  x: T,
  t: KernelInput,
  cols: number,
  out?: KernelOutput<T>,
): KernelOutput<T> {
  const xs = floatArray('logSoftmaxJvp', 'x', x);
  const ts = floatArray('logSoftmaxJvp', 't', t);
  const rows = rowsOf('logSoftmaxJvp', xs.length, cols);
  lengthIs('logSoftmaxJvp', 't', ts.length, xs.length, 'the length of x');
  const result = resultArray('logSoftmaxJvp', xs, xs.length, out);
  for (let r = 0; r < rows; r++) {
    const s = probabilitiesOfRow(xs, r, cols);
    const a = argmaxOf(s, cols);
    const o = r * cols;
    // Around t_a (t_j − ⟨s, t⟩ = (t_j − t_a) − Σ s_k (t_k − t_a), as Σ s = 1), except on a fully
    // masked row, where s = 0 and J t = t.
    const ta = s[a]! > 0 ? ts[o + a]! : 0;
    let c = 0;
    for (let k = 0; k < cols; k++) c += s[k]! * (ts[o + k]! - ta); // the k = a term is 0
    for (let j = 0; j < cols; j++) result[o + j] = ts[o + j]! - ta - c;
  }
  return result as KernelOutput<T>;
}
