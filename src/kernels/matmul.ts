/**
 * The float64 matrix products behind dense layers and the MLP, row-major throughout, with the inner
 * loop always running along contiguous memory (the i-k-j order) and two rows of the left operand
 * processed together so that each loaded weight serves two multiply-adds (register blocking, as in
 * Goto & van de Geijn, "Anatomy of high-performance matrix multiplication", 2008, at toy scale).
 * IEEE semantics are kept: no zero skipping (0·Infinity must stay NaN).
 */

/** out (rows × outDim) = a (rows × inDim) · W (inDim × outDim) + b (outDim, or null for 0). */
export function affine(
  a: Float64Array,
  W: Float64Array,
  b: Float64Array | null,
  out: Float64Array,
  rows: number,
  inDim: number,
  outDim: number,
): void {
  let r = 0;
  for (; r + 1 < rows; r += 2) {
    const o0 = r * outDim;
    const o1 = o0 + outDim;
    for (let j = 0; j < outDim; j++) {
      const bj = b === null ? 0 : b[j]!;
      out[o0 + j] = bj;
      out[o1 + j] = bj;
    }
    const a0 = r * inDim;
    const a1 = a0 + inDim;
    for (let k = 0; k < inDim; k++) {
      const v0 = a[a0 + k]!;
      const v1 = a[a1 + k]!;
      const w = k * outDim;
      for (let j = 0; j < outDim; j++) {
        const wj = W[w + j]!;
        out[o0 + j]! += v0 * wj;
        out[o1 + j]! += v1 * wj;
      }
    }
  }
  if (r < rows) {
    const o = r * outDim;
    for (let j = 0; j < outDim; j++) out[o + j] = b === null ? 0 : b[j]!;
    const a0 = r * inDim;
    for (let k = 0; k < inDim; k++) {
      const v = a[a0 + k]!;
      const w = k * outDim;
      for (let j = 0; j < outDim; j++) out[o + j]! += v * W[w + j]!;
    }
  }
}

/** dW (inDim × outDim) = aᵀ (inDim × rows) · dy (rows × outDim), overwriting dW. */
export function transposeTimes(
  a: Float64Array,
  dy: Float64Array,
  dW: Float64Array,
  rows: number,
  inDim: number,
  outDim: number,
): void {
  dW.fill(0, 0, inDim * outDim);
  let r = 0;
  for (; r + 1 < rows; r += 2) {
    const a0 = r * inDim;
    const a1 = a0 + inDim;
    const d0 = r * outDim;
    const d1 = d0 + outDim;
    for (let k = 0; k < inDim; k++) {
      const v0 = a[a0 + k]!;
      const v1 = a[a1 + k]!;
      const w = k * outDim;
      for (let j = 0; j < outDim; j++) dW[w + j]! += v0 * dy[d0 + j]! + v1 * dy[d1 + j]!;
    }
  }
  if (r < rows) {
    const a0 = r * inDim;
    const d0 = r * outDim;
    for (let k = 0; k < inDim; k++) {
      const v = a[a0 + k]!;
      const w = k * outDim;
      for (let j = 0; j < outDim; j++) dW[w + j]! += v * dy[d0 + j]!;
    }
  }
}

/** dx (rows × inDim) = dy (rows × outDim) · Wᵀ (outDim × inDim): dot products of contiguous rows. */
export function timesTranspose(
  dy: Float64Array,
  W: Float64Array,
  dx: Float64Array,
  rows: number,
  inDim: number,
  outDim: number,
): void {
  for (let r = 0; r < rows; r++) {
    const d = r * outDim;
    const o = r * inDim;
    for (let k = 0; k < inDim; k++) {
      const w = k * outDim;
      let s = 0;
      for (let j = 0; j < outDim; j++) s += dy[d + j]! * W[w + j]!;
      dx[o + k] = s;
    }
  }
}

/** db (outDim) = Σ_r dy[r, ·], overwriting db. */
export function columnSums(dy: Float64Array, db: Float64Array, rows: number, outDim: number): void {
  db.fill(0, 0, outDim);
  for (let r = 0; r < rows; r++) {
    const d = r * outDim;
    for (let j = 0; j < outDim; j++) db[j]! += dy[d + j]!;
  }
}
