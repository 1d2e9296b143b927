/**
 * The softmax VJP/JVP of one finite row, s ⊙ (v − ⟨v, s⟩), computed around the row's argmax a with
 * the identity v_j − ⟨v, s⟩ = (v_j − v_a) − Σ_k s_k (v_k − v_a) (Σ s = 1), so that a peaked row
 * (s_a within an ulp of 1) keeps its relative accuracy: with e_j = exp(x_j − m), S = Σ e_j and
 * D = Σ_j e_j (v_j − v_a), the result is (e_j/S)((v_j − v_a) − D/S). Short passes over the
 * workspace (workspace.ts): the exponentials and S (rowExp.ts), the argmax, D (while v is staged),
 * and the result.
 */
import type { FloatArray } from '../types.js';
import { reciprocal } from './reciprocal.js';
import { FINITE_ROW, indexOfMax, restage, rowExp, rowState } from './rowExp.js';
import { stageVector, stageVector32, WORK_CAP, WORK_E, WORK_V, WORK_X } from './workspace.js';

const X = WORK_X;
const E = WORK_E;
const V = WORK_V;

/**
 * Writes the projection of v[vo .. vo+n) for the logits x[xo .. xo+n) to out[oo .. oo+n) and returns
 * true, or returns false without writing anything when the row is not finite (NaN, masked or
 * +Infinity: the caller falls back to the general formula). Any float arrays (float32 read exactly,
 * a float32 result rounded once, from float32-grade exponentials: rowExp.ts); `out` may be x or v.
 */
export function projectionRow(
  x: FloatArray,
  xo: number,
  v: FloatArray,
  vo: number,
  n: number,
  out: FloatArray,
  oo: number,
): boolean {
  if (rowExp(x, xo, n, out instanceof Float32Array) !== FINITE_ROW) return false;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: for n ≤ WORK_CAP, WORK_X holds x[xo ..] exactly (float32 widened exactly), so both searches return the same first index
  const a = n <= WORK_CAP ? indexOfStagedMax(n, rowState.max) : indexOfMax(x, xo, n, rowState.max);
  const va = v[vo + a]!;
  const inv = reciprocal(rowState.sHi, rowState.sLo);
  let dot = 0;
  // Stryker disable next-line EqualityOperator: `c <= n` adds an empty chunk (len 0) when n is a multiple of WORK_CAP: nothing staged or written, dot += 0 (dot is never −0)
  for (let c = 0; c < n; c += WORK_CAP) {
    const len = Math.min(WORK_CAP, n - c);
    restage(x, xo, n, c, len);
    dot += v instanceof Float64Array ? stageDot64(v, vo + c, len, va) : stageDot32(v, vo + c, len, va);
  }
  const d = dot * inv; // D/S
  // Stryker disable next-line EqualityOperator: `c <= n` adds an empty chunk (len 0) when n is a multiple of WORK_CAP: nothing staged or written, dot += 0 (dot is never −0)
  for (let c = 0; c < n; c += WORK_CAP) {
    const len = Math.min(WORK_CAP, n - c);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: on a row within WORK_CAP restage does nothing and stageV re-stages the v that stageDot staged
    if (n > WORK_CAP) {
      restage(x, xo, n, c, len);
      stageV(v, vo + c, len);
    }
    // Stryker disable next-line ConditionalExpression: both loops are the same code (only V8's type feedback differs); a store rounds to the array's own type
    if (out instanceof Float64Array) project64(out, oo + c, len, inv, va, d);
    else project32(out, oo + c, len, inv, va, d);
  }
  return true;
}

function stageV(v: FloatArray, vo: number, n: number): void {
  // Stryker disable next-line ConditionalExpression: both loops are the same code; float32 is widened exactly either way
  if (v instanceof Float64Array) stageVector(v, vo, n);
  else stageVector32(v, vo, n);
}

/** The first j < n with WORK_X[j] === m. */
function indexOfStagedMax(n: number, m: number): number {
  // Stryker disable next-line EqualityOperator: m is one of WORK_X[0 .. n), so the search returns before j = n
  for (let j = 0; j < n; j++) if (X[j] === m) return j;
  // Stryker disable next-line UnaryOperator: unreachable (m is one of WORK_X[0 .. n))
  return -1;
}

/**
 * Stages v[vo .. vo+n) into WORK_V while summing D = Σ_j e_j (v_j − v_a) (the a term is 0; a plain
 * sum, whose error is relative to Σ e_j |v_j − v_a|). One function per array type.
 */
function stageDot64(v: Float64Array, vo: number, n: number, va: number): number {
  const n4 = n & ~3;
  let dot = 0;
  let j = 0;
  // Stryker disable next-line ConditionalExpression: skipping the 4-wide body leaves the scalar tail to stage and sum every entry in the same order
  for (; j < n4; j += 4) {
    const o = vo + j;
    const v0 = v[o]!;
    const v1 = v[o + 1]!;
    const v2 = v[o + 2]!;
    const v3 = v[o + 3]!;
    V[j] = v0;
    V[j + 1] = v1;
    V[j + 2] = v2;
    V[j + 3] = v3;
    dot += E[j]! * (v0 - va);
    dot += E[j + 1]! * (v1 - va);
    dot += E[j + 2]! * (v2 - va);
    dot += E[j + 3]! * (v3 - va);
  }
  for (; j < n; j++) {
    const vj = v[vo + j]!;
    V[j] = vj;
    dot += E[j]! * (vj - va);
  }
  return dot;
}

function stageDot32(v: Float32Array, vo: number, n: number, va: number): number {
  const n4 = n & ~3;
  let dot = 0;
  let j = 0;
  // Stryker disable next-line ConditionalExpression: skipping the 4-wide body leaves the scalar tail to stage and sum every entry in the same order
  for (; j < n4; j += 4) {
    const o = vo + j;
    const v0 = v[o]!;
    const v1 = v[o + 1]!;
    const v2 = v[o + 2]!;
    const v3 = v[o + 3]!;
    V[j] = v0;
    V[j + 1] = v1;
    V[j + 2] = v2;
    V[j + 3] = v3;
    dot += E[j]! * (v0 - va);
    dot += E[j + 1]! * (v1 - va);
    dot += E[j + 2]! * (v2 - va);
    dot += E[j + 3]! * (v3 - va);
  }
  for (; j < n; j++) {
    const vj = v[vo + j]!;
    V[j] = vj;
    dot += E[j]! * (vj - va);
  }
  return dot;
}

/** out[oo + j] = (e_j/S)·((v_j − v_a) − D/S), with inv = 1/S and d = D/S. */
function project64(out: Float64Array, oo: number, n: number, inv: number, va: number, d: number): void {
  const n4 = n & ~3;
  let j = 0;
  // Stryker disable next-line ConditionalExpression: skipping the 4-wide body leaves the scalar tail to write every entry with the same expression
  for (; j < n4; j += 4) {
    const o = oo + j;
    out[o] = E[j]! * inv * (V[j]! - va - d);
    out[o + 1] = E[j + 1]! * inv * (V[j + 1]! - va - d);
    out[o + 2] = E[j + 2]! * inv * (V[j + 2]! - va - d);
    out[o + 3] = E[j + 3]! * inv * (V[j + 3]! - va - d);
  }
  for (; j < n; j++) out[oo + j] = E[j]! * inv * (V[j]! - va - d);
}

function project32(out: Float32Array, oo: number, n: number, inv: number, va: number, d: number): void {
  const n4 = n & ~3;
  let j = 0;
  // Stryker disable next-line ConditionalExpression: skipping the 4-wide body leaves the scalar tail to write every entry with the same expression
  for (; j < n4; j += 4) {
    const o = oo + j;
    out[o] = E[j]! * inv * (V[j]! - va - d);
    out[o + 1] = E[j + 1]! * inv * (V[j + 1]! - va - d);
    out[o + 2] = E[j + 2]! * inv * (V[j + 2]! - va - d);
    out[o + 3] = E[j + 3]! * inv * (V[j + 3]! - va - d);
  }
  for (; j < n; j++) out[oo + j] = E[j]! * inv * (V[j]! - va - d);
}
