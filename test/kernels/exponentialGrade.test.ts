/**
 * Which exponential each kernel takes (rowExp.ts): float32-grade (expForFloat32) exactly when every
 * result of the row is rounded to float32, float64-accurate (expNonPositive's formula) otherwise —
 * in particular for the cross-entropy loss, a float64 number even for float32 logits. The two
 * differ by up to 3e-13 relative, which float32 results cannot show, so this is checked on the
 * workspace the kernels leave behind (WORK_E holds the last row's exponentials).
 */
import { expect, test } from 'vitest';
import { expForFloat32, expShifted } from '../../src/kernels/exp.js';
import { rowState } from '../../src/kernels/rowExp.js';
import { WORK_CAP, WORK_E } from '../../src/kernels/workspace.js';
import {
  createMlp,
  crossEntropy,
  crossEntropyGrad,
  logSoftmax,
  mlpForward,
  mulberry32,
  softmax,
  softmaxJvp,
  softmaxVjp,
} from './support/api.js';

const COLS = 40;
const u = mulberry32(31);
const row = Float32Array.from({ length: COLS }, () => (u() - 0.5) * 30);
const x32 = Float32Array.from([...row, ...row]); // two rows: the workspace holds the second
const x64 = Float64Array.from(x32);
const v32 = Float32Array.from(x32, () => u() - 0.5);
const m = Math.max(...row);

/** The bits expected in WORK_E after a kernel's last row, for each grade. */
const grade32 = Float64Array.from(row, (v) => expForFloat32(v - m));
const grade64 = Float64Array.from(row, (v) => expShifted(v, m));

function gradeAfter(run: () => unknown): 'float32' | 'float64' | 'neither' {
  WORK_E.fill(Number.NaN);
  run();
  const e = WORK_E.slice(0, COLS);
  const same = (ref: Float64Array) => ref.every((r, j) => Object.is(r, e[j]));
  if (same(grade32) && rowState.float32) return 'float32';
  if (same(grade64) && !rowState.float32) return 'float64';
  return 'neither';
}

test('the two grades differ on this row, so the check below can tell them apart', () => {
  expect(grade32.some((r, j) => r !== grade64[j])).toBe(true);
});

test('float32 results take the float32-grade exponential', () => {
  expect(gradeAfter(() => softmax(x32, COLS))).toBe('float32');
  expect(gradeAfter(() => logSoftmax(x32, COLS))).toBe('float32');
  expect(gradeAfter(() => softmaxVjp(x32, v32, COLS))).toBe('float32');
  expect(gradeAfter(() => softmaxJvp(x32, Float64Array.from(v32), COLS))).toBe('float32');
  expect(gradeAfter(() => crossEntropyGrad(x32, [3, 7], COLS))).toBe('float32');
});

test('float64 results, and the loss of float32 logits, take the float64 exponential', () => {
  expect(gradeAfter(() => softmax(x64, COLS))).toBe('float64');
  expect(gradeAfter(() => logSoftmax(x64, COLS))).toBe('float64');
  expect(gradeAfter(() => softmaxVjp(x64, v32, COLS))).toBe('float64');
  expect(gradeAfter(() => crossEntropyGrad(x64, [3, 7], COLS))).toBe('float64');
  expect(gradeAfter(() => crossEntropy(x32, [3, 7], COLS))).toBe('float64');
  expect(gradeAfter(() => crossEntropy(x64, [3, 7], COLS))).toBe('float64');
});

test('an MLP computes its output probabilities in float64 whatever its parameters (then rounds them)', () => {
  // A one-layer network whose logits are the input: identity weights, zero bias.
  for (const dtype of ['float32', 'float64'] as const) {
    const mlp = createMlp({ sizes: [COLS, COLS], seed: 1, dtype });
    mlp.params.fill(0);
    for (let i = 0; i < COLS; i++) mlp.params[i * COLS + i] = 1;
    expect(gradeAfter(() => mlpForward(mlp, mlp.params, x64, 2))).toBe('float64');
  }
});

test('a row wider than the workspace keeps its grade when its chunks are staged again', () => {
  // WORK_CAP + 40 entries: the output pass re-stages each chunk (restage), the last one being `row`.
  const wide = Float32Array.from({ length: WORK_CAP + COLS }, (_, j) =>
    j < WORK_CAP ? -40 : row[j - WORK_CAP]!,
  );
  expect(gradeAfter(() => softmax(wide, wide.length))).toBe('float32');
  expect(gradeAfter(() => logSoftmax(Float64Array.from(wide), wide.length))).toBe('float64');
});
