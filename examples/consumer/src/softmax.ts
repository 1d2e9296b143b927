/**
 * The consumer project's own softmax kernel: row-wise over a row-major `rows × cols` batch, shifted by
 * the row maximum so that large logits do not overflow, with its hand-written derivatives
 * (Jacobian diag(s) − s sᵀ per row, VJP s ⊙ (g − ⟨g, s⟩)).
 */

/** Softmax of each row of `x`. */
export function softmax(x: ArrayLike<number>, cols: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let start = 0; start < x.length; start += cols) {
    let max = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < cols; j++) max = Math.max(max, x[start + j]!);
    let sum = 0;
    for (let j = 0; j < cols; j++) {
      const e = Math.exp(x[start + j]! - max);
      out[start + j] = e;
      sum += e;
    }
    for (let j = 0; j < cols; j++) out[start + j] = out[start + j]! / sum;
  }
  return out;
}

/** The Jacobian of one row (x.length = cols): diag(s) − s sᵀ, n×n row-major. */
export function softmaxJacobian(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const s = softmax(x, n);
  const J = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) J[i * n + j] = (i === j ? s[i]! : 0) - s[i]! * s[j]!;
  }
  return J;
}

/** gᵀJ for every row: s ⊙ (g − ⟨g, s⟩). */
export function softmaxVjp(x: ArrayLike<number>, g: ArrayLike<number>, cols: number): Float64Array {
  const s = softmax(x, cols);
  const out = new Float64Array(x.length);
  for (let start = 0; start < x.length; start += cols) {
    let dot = 0;
    for (let j = 0; j < cols; j++) dot += g[start + j]! * s[start + j]!;
    for (let j = 0; j < cols; j++) out[start + j] = s[start + j]! * (g[start + j]! - dot);
  }
  return out;
}
