/**
 * Tiny softmax / log-softmax kernels (max-shifted) with correct and deliberately wrong derivatives,
 * for testing the spec layer before and independently of src/kernels.
 */
export function softmax(x: ArrayLike<number>, cols: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let r = 0; r < x.length / cols; r++) {
    let m = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < cols; j++) m = Math.max(m, x[r * cols + j]!);
    let z = 0;
    for (let j = 0; j < cols; j++) z += Math.exp(x[r * cols + j]! - m);
    for (let j = 0; j < cols; j++) out[r * cols + j] = Math.exp(x[r * cols + j]! - m) / z;
  }
  return out;
}

/** The full (rows·cols)² Jacobian: block diagonal, blocks diag(s) − s sᵀ. `useInput` is the seed's bug. */
export function softmaxJacobian(x: ArrayLike<number>, cols: number, useInput = false): Float64Array {
  const n = x.length;
  const s = useInput ? Float64Array.from(x) : softmax(x, cols);
  const J = new Float64Array(n * n);
  for (let r = 0; r < n / cols; r++) {
    for (let i = 0; i < cols; i++) {
      for (let j = 0; j < cols; j++) {
        const a = r * cols + i;
        const b = r * cols + j;
        J[a * n + b] = (i === j ? s[a]! : 0) - s[a]! * s[b]!;
      }
    }
  }
  return J;
}

/** s ⊙ (g − ⟨g, s⟩) per row; `sumG` reduces with Σg instead of ⟨g, s⟩ (a classic bug). */
export function softmaxVjp(
  x: ArrayLike<number>,
  g: ArrayLike<number>,
  cols: number,
  sumG = false,
): Float64Array {
  const s = softmax(x, cols);
  const out = new Float64Array(x.length);
  for (let r = 0; r < x.length / cols; r++) {
    let dot = 0;
    for (let j = 0; j < cols; j++) dot += g[r * cols + j]! * (sumG ? 1 : s[r * cols + j]!);
    for (let j = 0; j < cols; j++) out[r * cols + j] = s[r * cols + j]! * (g[r * cols + j]! - dot);
  }
  return out;
}

export function logSoftmax(x: ArrayLike<number>, cols: number): Float64Array {
  return softmax(x, cols).map(Math.log);
}

/** g − s·Σg per row; `assumeUnitSum` returns g − s (right only when Σg = 1). */
export function logSoftmaxVjp(
  x: ArrayLike<number>,
  g: ArrayLike<number>,
  cols: number,
  assumeUnitSum = false,
): Float64Array {
  const s = softmax(x, cols);
  const out = new Float64Array(x.length);
  for (let r = 0; r < x.length / cols; r++) {
    let sum = 0;
    for (let j = 0; j < cols; j++) sum += g[r * cols + j]!;
    if (assumeUnitSum) sum = 1;
    for (let j = 0; j < cols; j++) out[r * cols + j] = g[r * cols + j]! - s[r * cols + j]! * sum;
  }
  return out;
}
