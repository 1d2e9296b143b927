import { expect, test } from 'vitest';
import { expForFloat32, expNonPositive, expShifted } from '../../src/kernels/exp.js';
import { expRow, expRowFloat32 } from '../../src/kernels/expRow.js';
import { mulberry32 } from '../../src/kernels/random.js';
import { stageRow, stageRow32, WORK_E, WORK_X } from '../../src/kernels/workspace.js';

/** What expRow must give, element by element: TwoSum of x − m, then the scalar exponential. */
function reference(x: Float64Array, m: number): Float64Array {
  return x.map((v) => expShifted(v, m));
}

/** expRow over x staged into the workspace: a copy of WORK_E[0 .. x.length). */
function staged(x: Float64Array, m: number): Float64Array {
  stageRow(x, 0, x.length);
  expRow(x.length, m);
  return WORK_E.slice(0, x.length);
}

/** Index of the first element where a and b differ as bits (Object.is), or -1. */
function firstMismatch(a: Float64Array, b: Float64Array): number {
  return a.findIndex((v, i) => !Object.is(v, b[i]));
}

/** Rows of every magnitude: moderate, ±700 spreads (x − m rounds), the subnormal range, shifts, masks. */
function rows(): { x: Float64Array; m: number }[] {
  const u = mulberry32(21);
  const full = () => u() + u() * 2 ** -32; // 53 random bits (one draw has 32)
  const out: { x: Float64Array; m: number }[] = [];
  const draws: ((j: number) => number)[] = [
    () => (full() - 0.5) * 20,
    () => (full() - 0.5) * 1400,
    () => -700 - full() * 50, // e_j from normal to subnormal to 0 (m = 0 below)
    () => 1e6 + (u() - 0.5) * 100, // a large common shift
    () => -1e300 * u(),
    (j) => (j % 5 === 0 ? Number.NEGATIVE_INFINITY : u() * 3),
  ];
  for (const draw of draws) {
    for (const n of [1, 2, 3, 7, 64, 1001]) {
      const x = Float64Array.from({ length: n }, (_, j) => draw(j));
      const max = x.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);
      out.push({ x, m: max });
      out.push({ x, m: Math.max(max, 0) });
    }
  }
  return out;
}

test('expRow gives exactly the bits of expNonPositive on the TwoSum of x − m, for rows of every kind', () => {
  for (const { x, m } of rows()) {
    expect(firstMismatch(staged(x, m), reference(x, m))).toBe(-1);
  }
});

test('expRowFloat32 gives exactly the bits of expForFloat32 on the rounded x − m, for rows of every kind', () => {
  for (const { x, m } of rows()) {
    stageRow(x, 0, x.length);
    expRowFloat32(x.length, m);
    const got = WORK_E.slice(0, x.length);
    expect(
      firstMismatch(
        got,
        x.map((v) => expForFloat32(v - m)),
      ),
    ).toBe(-1);
    // and the float64 pass differs from it (the two grades are two computations)
    if (x.filter((v) => v - m > -700 && v - m < -1e-3).length > 10)
      expect(firstMismatch(got, reference(x, m))).not.toBe(-1);
  }
});

test('staging copies a row from any offset, widens float32 exactly and returns its maximum', () => {
  const u = mulberry32(22);
  const x = Float64Array.from({ length: 50 }, () => (u() - 0.5) * 40);
  const row = x.subarray(10, 40);
  const max = row.reduce((a, b) => Math.max(a, b));
  expect(stageRow(x, 10, 30)).toBe(max);
  expect(firstMismatch(WORK_X.slice(0, 30), row)).toBe(-1);
  const x32 = Float32Array.from(x);
  expect(stageRow32(x32, 10, 30)).toBe(Math.fround(max));
  expect(firstMismatch(WORK_X.slice(0, 30), Float64Array.from(x32.subarray(10, 40)))).toBe(-1);
  for (const n of [1, 2, 3, 5, 8]) {
    const nan = Float64Array.from({ length: n }, (_, j) => (j === n - 1 ? Number.NaN : j));
    expect(stageRow(nan, 0, n)).toBeNaN(); // NaN in any position of the 4-wide steps or the tail
    expect(stageRow(nan.reverse(), 0, n)).toBeNaN();
  }
});

test('the comparison catches an exponential that drops the low part of x − m', () => {
  // A buggy twin: exp(fl(x − m)) without the TwoSum correction, which is off by up to hundreds of
  // ulps where x − m has rounded (logits spread over ±700: x and m are in different binades).
  const u = mulberry32(23);
  const x = Float64Array.from({ length: 100 }, () => (u() + u() * 2 ** -32 - 0.5) * 1400);
  const m = x.reduce((a, b) => Math.max(a, b));
  const buggy = x.map((v) => expNonPositive(v - m, 0));
  expect(firstMismatch(buggy, reference(x, m))).not.toBe(-1);
  expect(firstMismatch(staged(x, m), reference(x, m))).toBe(-1);
});
