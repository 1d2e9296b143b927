/**
 * Analytic derivatives of softmax, per row: Jacobian diag(s) − s sᵀ (symmetric), VJP and JVP
 * s ⊙ (v − ⟨v, s⟩). Each row is computed around its largest probability s_a, using the identity
 * v_j − ⟨v, s⟩ = (v_j − v_a) − Σ_{k≠a} s_k (v_k − v_a) (Σ s = 1), so that a peaked row (s_a within
 * an ulp of 1) keeps its relative accuracy; the Jacobian's diagonal entry s_a(1 − s_a) likewise
 * uses 1 − s_a = Σ_{k≠a} s_k.
 */
import type { FloatArray } from '../types.js';
import { allocLike, type KernelOutput, resultArray } from './arrays.js';
import { argmaxOf, complementOf, probabilitiesOfRow } from './probabilities.js';
import { projectionRow } from './projectionRow.js';
import { floatArray, type KernelInput, lengthIs, rowsOf } from './validate.js';

/**
 * The per-row Jacobians of softmax: for each row an n×n block J = diag(s) − s sᵀ, row-major,
 * blocks one after another (length rows·cols·cols; use `blockDiagonal` for the full batched matrix).
 * Stays finite and accurate for any finite logits (±1e308 included); masked entries give zero rows
 * and columns; a NaN row gives a NaN block.
 *
 * @param x Logits, rows × cols (Float64Array, Float32Array or number[]); not modified.
 * @returns x's array type; float32 results are computed in float64 and rounded once.
 * @example softmaxJacobian(new Float64Array([0, 0]), 2) // Float64Array [0.25, -0.25, -0.25, 0.25]
 */
export function softmaxJacobian<T extends KernelInput>(x: T, cols: number): KernelOutput<T> {
  const xs = floatArray('softmaxJacobian', 'x', x);
  const rows = rowsOf('softmaxJacobian', xs.length, cols);
  const out = allocLike(xs, rows * cols * cols);
  for (let r = 0; r < rows; r++) {
    const s = probabilitiesOfRow(xs, r, cols);
    const a = argmaxOf(s, cols);
    const ca = complementOf(s, cols, a);
    const base = r * cols * cols;
    for (let i = 0; i < cols; i++) {
      const si = s[i]!;
      const o = base + i * cols;
      for (let j = 0; j < cols; j++) out[o + j] = -si * s[j]!;
      out[o + i] = si * (i === a ? ca : 1 - si);
    }
  }
  return out as KernelOutput<T>;
}

/**
 * Vector-Jacobian product of softmax per row: gᵀJ = s ⊙ (g − ⟨g, s⟩) (J is symmetric, so this is
 * also J g). The cotangent g need not sum to anything in particular.
 *
 * @param x Logits, rows × cols. @param g Cotangent, same length as x (any float array type).
 * @param out Optional preallocated result (x's array type and length; may be x or g): written and
 *   returned, nothing allocated.
 * @returns x's array type (float32: computed in float64 with float32-grade exponentials, rounded once).
 * @throws GradcheckError `GC_SHAPE_MISMATCH` when g.length ≠ x.length, plus the errors of softmax.
 * @example softmaxVjp(new Float64Array([0, 0]), new Float64Array([1, 0]), 2) // [0.25, -0.25]
 */
export function softmaxVjp<T extends KernelInput>(
  x: T,
  g: KernelInput,
  cols: number,
  out?: KernelOutput<T>,
): KernelOutput<T> {
  return projection('softmaxVjp', 'g', x, g, cols, out) as KernelOutput<T>;
}

/**
 * Jacobian-vector product of softmax per row: J t = s ⊙ (t − ⟨t, s⟩).
 *
 * @param x Logits, rows × cols. @param t Tangent, same length as x. @param out As for softmaxVjp.
 * @returns x's array type.
 * @example softmaxJvp(new Float64Array([0, 0]), new Float64Array([1, 1]), 2) // [0, 0]
 */
export function softmaxJvp<T extends KernelInput>(
  x: T,
  t: KernelInput,
  cols: number,
  out?: KernelOutput<T>,
): KernelOutput<T> {
  return projection('softmaxJvp', 't', x, t, cols, out) as KernelOutput<T>;
}

/**
 * The shared body of softmaxVjp and softmaxJvp. Finite rows take the fused path of projectionRow.ts;
 * rows with NaN, masks or +Infinity use the probabilities and the same centred formula.
 */
function projection(
  fn: string,
  arg: string,
  x: KernelInput,
  v: KernelInput,
  cols: number,
  result: FloatArray | undefined,
): FloatArray {
  const xs = floatArray(fn, 'x', x);
  const vs = floatArray(fn, arg, v);
  const rows = rowsOf(fn, xs.length, cols);
  lengthIs(fn, arg, vs.length, xs.length, 'the length of x');
  const out = resultArray(fn, xs, xs.length, result);
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    if (projectionRow(xs, o, vs, o, cols, out, o)) continue;
    const s = probabilitiesOfRow(xs, r, cols);
    const a = argmaxOf(s, cols);
    const va = vs[o + a]!;
    let c = 0;
    for (let k = 0; k < cols; k++) c += s[k]! * (vs[o + k]! - va); // the k = a term is 0
    for (let j = 0; j < cols; j++) out[o + j] = s[j]! * (vs[o + j]! - va - c);
  }
  return out;
}
