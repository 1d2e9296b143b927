/**
 * A project's own softmax kernel, the code under test in the walk-through: row-wise over a row-major
 * `rows × cols` batch, max-shifted so that large logits do not overflow (`exp(x − max)`), with a
 * hand-written vector-Jacobian product `s ⊙ (g − ⟨g, s⟩)` per row (the Jacobian is diag(s) − s sᵀ).
 */

/** Softmax of each row of `x` (length rows·cols). */
export function mySoftmax(x: ArrayLike<number>, cols: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let start = 0; start < x.length; start += cols) {
    let max = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < cols; j++) max = Math.max(max, x[start + j]!);
    let sum = 0;
    for (let j = 0; j < cols; j++) {
      out[start + j] = Math.exp(x[start + j]! - max);
      sum += out[start + j]!;
    }
    for (let j = 0; j < cols; j++) out[start + j] = out[start + j]! / sum;
  }
  return out;
}

/** The VJP gᵀJ of softmax at x, row by row: s ⊙ (g − ⟨g, s⟩). */
export function mySoftmaxVjp(x: ArrayLike<number>, g: ArrayLike<number>, cols: number): Float64Array {
  const s = mySoftmax(x, cols);
  const out = new Float64Array(x.length);
  for (let start = 0; start < x.length; start += cols) {
    let dot = 0;
    for (let j = 0; j < cols; j++) dot += g[start + j]! * s[start + j]!;
    for (let j = 0; j < cols; j++) out[start + j] = s[start + j]! * (g[start + j]! - dot);
  }
  return out;
}
