/**
 * The plain `number[]` implementations the kernels are measured against: what a careful programmer
 * writes without typed arrays or numerical tricks — max-shifted loops with Math.exp, plain sums,
 * a dense layer in the cache-friendly i-k-j loop order (so the comparison is not about loop order).
 * Results go to a caller's preallocated array when given (the benchmark does so), else to a new one.
 */

const ZERO: number[] = [];

/**
 * A fresh zeroed number[] of length n, as a packed-double array: a slice of a zero template, the
 * fastest way V8 offers (push or new Array(n).fill(0) cost several times more on large arrays).
 */
function zeros(n: number): number[] {
  if (ZERO.length < n) {
    while (ZERO.length < n) ZERO.push(0.5); // 0.5 makes the template a packed-double array
    ZERO.fill(0);
  }
  return ZERO.slice(0, n);
}

export function softmaxPlain(x: number[], cols: number, out = zeros(x.length)): number[] {
  for (let o = 0; o < x.length; o += cols) {
    let m = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < cols; j++) if (x[o + j]! > m) m = x[o + j]!;
    let s = 0;
    for (let j = 0; j < cols; j++) {
      const e = Math.exp(x[o + j]! - m);
      out[o + j] = e;
      s += e;
    }
    for (let j = 0; j < cols; j++) out[o + j] = out[o + j]! / s;
  }
  return out;
}

export function logSoftmaxPlain(x: number[], cols: number, out = zeros(x.length)): number[] {
  for (let o = 0; o < x.length; o += cols) {
    let m = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < cols; j++) if (x[o + j]! > m) m = x[o + j]!;
    let s = 0;
    for (let j = 0; j < cols; j++) s += Math.exp(x[o + j]! - m);
    const l = m + Math.log(s);
    for (let j = 0; j < cols; j++) out[o + j] = x[o + j]! - l;
  }
  return out;
}

export function softmaxVjpPlain(x: number[], g: number[], cols: number, out = zeros(x.length)): number[] {
  const s = softmaxPlain(x, cols, out);
  for (let o = 0; o < x.length; o += cols) {
    let dot = 0;
    for (let j = 0; j < cols; j++) dot += g[o + j]! * s[o + j]!;
    for (let j = 0; j < cols; j++) s[o + j] = s[o + j]! * (g[o + j]! - dot);
  }
  return s;
}

export function crossEntropyPlain(x: number[], labels: number[], cols: number): number {
  const rows = x.length / cols;
  let loss = 0;
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    let m = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < cols; j++) if (x[o + j]! > m) m = x[o + j]!;
    let s = 0;
    for (let j = 0; j < cols; j++) s += Math.exp(x[o + j]! - m);
    loss += m + Math.log(s) - x[o + labels[r]!]!;
  }
  return loss / rows;
}

export function crossEntropyGradPlain(
  x: number[],
  labels: number[],
  cols: number,
  out = zeros(x.length),
): number[] {
  const rows = x.length / cols;
  const g = softmaxPlain(x, cols, out);
  for (let i = 0; i < g.length; i++) g[i] = g[i]! / rows;
  for (let r = 0; r < rows; r++) g[r * cols + labels[r]!] = g[r * cols + labels[r]!]! - 1 / rows;
  return g;
}

/** A relu MLP as nested layers of number[] weights (inDim × outDim, row-major) and biases. */
export interface PlainLayer {
  readonly W: number[];
  readonly b: number[];
  readonly inDim: number;
  readonly outDim: number;
}

function affine(a: number[], layer: PlainLayer, rows: number): number[] {
  const { W, b, inDim, outDim } = layer;
  const z = zeros(rows * outDim);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < outDim; j++) z[r * outDim + j] = b[j]!;
    for (let k = 0; k < inDim; k++) {
      const v = a[r * inDim + k]!;
      for (let j = 0; j < outDim; j++) z[r * outDim + j] = z[r * outDim + j]! + v * W[k * outDim + j]!;
    }
  }
  return z;
}

/** Loss and gradients (per layer dW, db) of a relu MLP with softmax cross-entropy, batch of rows. */
export function mlpPlain(layers: PlainLayer[], x: number[], labels: number[], rows: number) {
  const acts: number[][] = [x];
  const zs: number[][] = [];
  for (let l = 0; l < layers.length; l++) {
    const z = affine(acts[l]!, layers[l]!, rows);
    zs.push(z);
    if (l < layers.length - 1) acts.push(z.map((v) => Math.max(v, 0)));
  }
  const classes = layers[layers.length - 1]!.outDim;
  const logits = zs[zs.length - 1]!;
  const loss = crossEntropyPlain(logits, labels, classes);
  let delta = crossEntropyGradPlain(logits, labels, classes);
  const grads: { dW: number[]; db: number[] }[] = [];
  for (let l = layers.length - 1; l >= 0; l--) {
    const { W, inDim, outDim } = layers[l]!;
    const a = acts[l]!;
    const dW = zeros(inDim * outDim);
    const db = zeros(outDim);
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < outDim; j++) db[j] = db[j]! + delta[r * outDim + j]!;
      for (let k = 0; k < inDim; k++) {
        const v = a[r * inDim + k]!;
        for (let j = 0; j < outDim; j++)
          dW[k * outDim + j] = dW[k * outDim + j]! + v * delta[r * outDim + j]!;
      }
    }
    grads[l] = { dW, db };
    if (l === 0) break;
    const z = zs[l - 1]!;
    const next = zeros(rows * inDim);
    for (let r = 0; r < rows; r++)
      for (let k = 0; k < inDim; k++) {
        let s = 0;
        for (let j = 0; j < outDim; j++) s += delta[r * outDim + j]! * W[k * outDim + j]!;
        next[r * inDim + k] = z[r * inDim + k]! > 0 ? s : 0;
      }
    delta = next;
  }
  return { loss, grads };
}
