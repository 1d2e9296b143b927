/**
 * Small reference functions for the checker tests (kept here so the tests do not depend on the kernel
 * work in progress): row-wise softmax / log-softmax with their Jacobians, VJPs and JVPs, cross-entropy,
 * a tiny MLP with a hand-written backward pass, a seeded PRNG, and buggy twins of each derivative.
 */

/** Deterministic uniforms in [0, 1) (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n uniform values in [-r, r]. */
export function uniform(rand: () => number, n: number, r: number): Float64Array {
  return Float64Array.from({ length: n }, () => (2 * rand() - 1) * r);
}

/** Row-wise softmax with the max shift; returns the input's array type. */
export function softmax<T extends Float64Array | Float32Array>(x: T, cols: number): T {
  const out = new (x.constructor as new (n: number) => T)(x.length);
  for (let r = 0; r < x.length / cols; r++) {
    let m = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < cols; j++) m = Math.max(m, x[r * cols + j]!);
    let s = 0;
    const e = new Float64Array(cols);
    for (let j = 0; j < cols; j++) {
      e[j] = Math.exp(x[r * cols + j]! - m);
      s += e[j]!;
    }
    for (let j = 0; j < cols; j++) out[r * cols + j] = e[j]! / s;
  }
  return out;
}

/** Row-wise log-softmax: x − m − log1p(Σ_{j≠argmax} exp(x − m)), accurate at the dominant entry. */
export function logSoftmax<T extends Float64Array | Float32Array>(x: T, cols: number): T {
  const out = new (x.constructor as new (n: number) => T)(x.length);
  for (let r = 0; r < x.length / cols; r++) {
    let a = 0;
    for (let j = 1; j < cols; j++) if (x[r * cols + j]! > x[r * cols + a]!) a = j;
    const m = x[r * cols + a]!;
    let s = 0;
    for (let j = 0; j < cols; j++) if (j !== a) s += Math.exp(x[r * cols + j]! - m);
    const l = Math.log1p(s);
    for (let j = 0; j < cols; j++) out[r * cols + j] = x[r * cols + j]! - m - l;
  }
  return out;
}

/** The textbook log-softmax x − m − log Σ exp(x − m): no correct digits at the dominant entry near 0. */
export function naiveLogSoftmax(x: Float64Array, cols: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let r = 0; r < x.length / cols; r++) {
    let m = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < cols; j++) m = Math.max(m, x[r * cols + j]!);
    let s = 0;
    for (let j = 0; j < cols; j++) s += Math.exp(x[r * cols + j]! - m);
    const l = Math.log(s);
    for (let j = 0; j < cols; j++) out[r * cols + j] = x[r * cols + j]! - m - l;
  }
  return out;
}

/** Block-diagonal softmax Jacobian of a batch: (rows·cols)² row-major, diag(s) − s sᵀ per row. */
export function softmaxJacobian(x: Float64Array | Float32Array, cols: number): Float64Array | Float32Array {
  const s = softmax(x, cols);
  const n = x.length;
  const J = new (x.constructor as new (k: number) => Float64Array | Float32Array)(n * n);
  for (let r = 0; r < n / cols; r++) {
    for (let i = 0; i < cols; i++) {
      for (let j = 0; j < cols; j++) {
        const si = s[r * cols + i]!;
        J[(r * cols + i) * n + r * cols + j] = si * ((i === j ? 1 : 0) - s[r * cols + j]!);
      }
    }
  }
  return J;
}

/** Log-softmax Jacobian: I − 1 sᵀ per row block. */
export function logSoftmaxJacobian(x: Float64Array, cols: number): Float64Array {
  const s = softmax(x, cols);
  const n = x.length;
  const J = new Float64Array(n * n);
  for (let r = 0; r < n / cols; r++) {
    for (let i = 0; i < cols; i++) {
      for (let j = 0; j < cols; j++)
        J[(r * cols + i) * n + r * cols + j] = (i === j ? 1 : 0) - s[r * cols + j]!;
    }
  }
  return J;
}

/** softmax VJP per row: s ⊙ (g − ⟨g, s⟩). */
export function softmaxVjp<T extends Float64Array | Float32Array>(
  x: T,
  g: ArrayLike<number>,
  cols: number,
): T {
  const s = softmax(x, cols);
  const out = new (x.constructor as new (n: number) => T)(x.length);
  for (let r = 0; r < x.length / cols; r++) {
    let dot = 0;
    for (let j = 0; j < cols; j++) dot += g[r * cols + j]! * s[r * cols + j]!;
    for (let j = 0; j < cols; j++) out[r * cols + j] = s[r * cols + j]! * (g[r * cols + j]! - dot);
  }
  return out;
}

/** softmax JVP: the same formula with the tangent (J is symmetric). */
export const softmaxJvp = softmaxVjp;

/** log-softmax VJP per row: g − s·Σg. */
export function logSoftmaxVjp(x: Float64Array, g: ArrayLike<number>, cols: number): Float64Array {
  const s = softmax(x, cols);
  const out = new Float64Array(x.length);
  for (let r = 0; r < x.length / cols; r++) {
    let sum = 0;
    for (let j = 0; j < cols; j++) sum += g[r * cols + j]!;
    for (let j = 0; j < cols; j++) out[r * cols + j] = g[r * cols + j]! - s[r * cols + j]! * sum;
  }
  return out;
}

/** log-softmax JVP per row: t − ⟨s, t⟩. */
export function logSoftmaxJvp(x: Float64Array, t: ArrayLike<number>, cols: number): Float64Array {
  const s = softmax(x, cols);
  const out = new Float64Array(x.length);
  for (let r = 0; r < x.length / cols; r++) {
    let dot = 0;
    for (let j = 0; j < cols; j++) dot += s[r * cols + j]! * t[r * cols + j]!;
    for (let j = 0; j < cols; j++) out[r * cols + j] = t[r * cols + j]! - dot;
  }
  return out;
}

/** Mean softmax cross-entropy over rows with integer labels. */
export function crossEntropy(x: Float64Array, labels: readonly number[], cols: number): number {
  const l = logSoftmax(x, cols);
  let sum = 0;
  for (let r = 0; r < labels.length; r++) sum -= l[r * cols + labels[r]!]!;
  return sum / labels.length;
}

/**
 * Its gradient (s − onehot)/rows, with the label entry s − 1 computed as −Σ_{j≠label} s_j so that it
 * keeps its digits when s_label is within an ulp of 1 (as the reference kernels do).
 */
export function crossEntropyGrad(x: Float64Array, labels: readonly number[], cols: number): Float64Array {
  const s = softmax(x, cols);
  const rows = labels.length;
  const g = s.map((v) => v / rows);
  for (let r = 0; r < rows; r++) {
    let rest = 0;
    for (let j = 0; j < cols; j++) if (j !== labels[r]) rest += s[r * cols + j]!;
    g[r * cols + labels[r]!] = -rest / rows;
  }
  return g;
}

/** The textbook gradient (s − onehot)/rows: s − 1 = 0 when s is within an ulp of 1. */
export function textbookCrossEntropyGrad(
  x: Float64Array,
  labels: readonly number[],
  cols: number,
): Float64Array {
  const s = softmax(x, cols);
  const rows = labels.length;
  const g = s.map((v) => v / rows);
  for (let r = 0; r < rows; r++) g[r * cols + labels[r]!] = g[r * cols + labels[r]!]! - 1 / rows;
  return g;
}

/** Returns a copy of J with entry k multiplied by (1 + rel): one wrong entry. */
export function perturbEntry<T extends Float64Array | Float32Array>(J: T, k: number, rel: number): T {
  const out = J.slice() as T;
  out[k] = out[k]! * (1 + rel);
  return out;
}
