import { expect, test } from 'vitest';
import { blockDiagonal, dense, denseBackward, isGradcheckError, mulberry32 } from './support/api.js';
import { maxAbsDiff } from './support/numeric.js';

const u = mulberry32(4);
const random = (n: number) => Float64Array.from({ length: n }, () => u() * 2 - 1);

/** y = xW + b by the textbook triple loop (the reference the blocked kernel must agree with). */
function reference(
  x: Float64Array,
  W: Float64Array,
  b: Float64Array,
  rows: number,
  inDim: number,
  outDim: number,
) {
  const y = new Float64Array(rows * outDim);
  for (let r = 0; r < rows; r++)
    for (let j = 0; j < outDim; j++) {
      let s = b[j]!;
      for (let k = 0; k < inDim; k++) s += x[r * inDim + k]! * W[k * outDim + j]!;
      y[r * outDim + j] = s;
    }
  return y;
}

test('dense computes y = xW + b (W stored inDim × outDim) and dW = xᵀdy, for every batch shape', () => {
  // Batches of 1 to 9 rows and odd/even inputs cover the 4-row × 2-column register blocks and their remainders.
  for (const rows of [1, 2, 4, 5, 9]) {
    for (const inDim of [7, 8]) {
      const x = random(rows * inDim);
      const W = random(inDim * 3);
      const b = random(3);
      expect(maxAbsDiff(dense(x, W, b, rows, inDim, 3), reference(x, W, b, rows, inDim, 3))).toBeLessThan(
        1e-14,
      );
      const dy = random(rows * 3);
      const dW = denseBackward(x, W, dy, rows, inDim, 3).dW;
      for (let k = 0; k < inDim; k++)
        for (let j = 0; j < 3; j++) {
          let s = 0;
          for (let r = 0; r < rows; r++) s += x[r * inDim + k]! * dy[r * 3 + j]!;
          expect(Math.abs(dW[k * 3 + j]! - s)).toBeLessThan(1e-14);
        }
    }
  }
});

test('denseBackward gives dx = dy Wᵀ, dW = xᵀ dy, db = Σ dy: checked through ⟨dy, y(x + h)⟩ differences', () => {
  const rows = 3;
  const x = random(rows * 4);
  const W = random(4 * 5);
  const b = random(5);
  const dy = random(rows * 5);
  const { dx, dW, db } = denseBackward(x, W, dy, rows, 4, 5);
  // The layer is linear in each argument, so ⟨dy, y(p + e_i) − y(p)⟩ is the exact partial derivative.
  const loss = (xx: Float64Array, WW: Float64Array, bb: Float64Array) =>
    dense(xx, WW, bb, rows, 4, 5).reduce((acc, v, i) => acc + v * dy[i]!, 0);
  const base = loss(x, W, b);
  const bump = (a: Float64Array, i: number) => {
    const c = Float64Array.from(a);
    c[i]! += 1;
    return c;
  };
  for (let i = 0; i < x.length; i++)
    expect(Math.abs(loss(bump(x, i), W, b) - base - dx[i]!)).toBeLessThan(1e-13);
  for (let i = 0; i < W.length; i++)
    expect(Math.abs(loss(x, bump(W, i), b) - base - dW[i]!)).toBeLessThan(1e-13);
  for (let i = 0; i < b.length; i++)
    expect(Math.abs(loss(x, W, bump(b, i)) - base - db[i]!)).toBeLessThan(1e-13);
});

test('float32 inputs give float32 outputs', () => {
  const x = Float32Array.from(random(4));
  const y = dense(x, random(4), random(2), 2, 2, 2);
  expect(y).toBeInstanceOf(Float32Array);
  expect(denseBackward(x, random(4), random(4), 2, 2, 2).dW).toBeInstanceOf(Float32Array);
});

test('shape errors name the argument and the expected length', () => {
  expect(() => dense(random(6), random(6), random(3), 2, 3, 2)).toThrow(
    'dense: b.length must be 2, outDim (given b.length=3)',
  );
  expect(() => denseBackward(random(6), random(6), random(3), 2, 3, 2)).toThrow(/dy.length must be 4/);
  try {
    dense(random(6), random(6), random(2), 2, 0, 2);
  } catch (e) {
    expect(isGradcheckError(e, 'GC_OUT_OF_RANGE')).toBe(true);
  }
});

test('blockDiagonal places each block on the diagonal and zeros elsewhere', () => {
  const blocks = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
  expect(Array.from(blockDiagonal(blocks, 2))).toEqual([1, 2, 0, 0, 3, 4, 0, 0, 0, 0, 5, 6, 0, 0, 7, 8]);
  expect(() => blockDiagonal(Float64Array.from([1, 2, 3]), 2)).toThrow(/multiple of cols²/);
  expect(blockDiagonal(Float32Array.from([1]), 1)).toBeInstanceOf(Float32Array);
});
