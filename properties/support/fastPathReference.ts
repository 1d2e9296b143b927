/**
 * Plain transcriptions of the formulas that the kernels' fast paths document, one entry at a time
 * with no staging, unrolling or chunking, for the fast-path properties (suites/fastPaths.ts) to
 * compare with bit for bit. Only the public API is used. For float64 results e_j = exp(x_j − m) is
 * `expPlus` of the TwoSum-split difference (what the kernels' exponential pass computes, bit for bit,
 * for x_j ≤ m), and 1/S is softmax's largest entry (s_a = e_a·(1/S) with e_a = 1 exactly). For
 * float32 results the kernels take float32-grade exponentials, `expForFloat32` of
 * the plain difference, and 1/S is here the exact 1/Σ e_j rounded once (decimal.js): the kernels'
 * double-double sum and reciprocal (reciprocal.ts) land within about 2⁻⁵⁰ ulp of it, so the two
 * round alike unless 1/S lies that close to a midpoint.
 */
import {
  type Decimal,
  type DType,
  exactDecimal,
  expForFloat32,
  expPlus,
  type FloatArray,
  softmax,
} from 'gradcheck';

/** exp(x − m) for x ≤ m, with the rounding error of x − m carried (TwoSum), as the kernels do. */
export function shiftedExp(x: number, m: number): number {
  const negM = -m;
  const d = x + negM;
  const bv = d - x;
  const dLo = x - (d - bv) + (negM - bv);
  return expPlus(d, dLo);
}

/** One finite row's e_j, its argmax a (the first maximum) and 1/S, as the kernels compute them. */
function rowParts(x: ArrayLike<number>, o: number, cols: number, float32: boolean) {
  const row = Float64Array.from({ length: cols }, (_, j) => x[o + j]!);
  const m = Math.max(...row);
  const a = row.indexOf(m);
  if (!float32) return { a, e: row.map((xj) => shiftedExp(xj, m)), inv: softmax(row, cols)[a]! };
  const e = row.map((xj) => expForFloat32(xj - m));
  const sum = e.reduce((acc: Decimal, ej) => acc.plus(exactDecimal(ej)), exactDecimal(0));
  return { a, e, inv: exactDecimal(1).div(sum).toNumber() };
}

/**
 * The softmax VJP/JVP of finite rows as projectionRow.ts documents it: with e_j = exp(x_j − m), the
 * argmax a, D = Σ_j e_j (v_j − v_a) summed in order and 1/S, out_j = e_j·(1/S)·((v_j − v_a) − D·(1/S)),
 * evaluated in float64 and rounded once to float32 for a float32 result.
 */
export function plainProjection(x: FloatArray, v: FloatArray, cols: number, dtype: DType): number[] {
  const round = dtype === 'float32' ? Math.fround : (y: number) => y;
  const out: number[] = [];
  for (let o = 0; o < x.length; o += cols) {
    const { a, e, inv } = rowParts(x, o, cols, dtype === 'float32');
    const va = v[o + a]!;
    let dot = 0;
    for (let j = 0; j < cols; j++) dot += e[j]! * (v[o + j]! - va);
    const d = dot * inv;
    for (let j = 0; j < cols; j++) out.push(round(e[j]! * inv * (v[o + j]! - va - d)));
  }
  return out;
}
