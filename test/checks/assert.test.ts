import { expect, test } from 'vitest';
import {
  assertBackprop,
  assertGradient,
  assertJacobian,
  assertJvp,
  assertVjp,
  CheckFailedError,
} from '../../src/checks/assert.js';
import { isGradcheckError } from '../../src/errors.js';

const f = (x: Float64Array) => x.map(Math.sin);
const jvp = (x: Float64Array, t: Float64Array) => x.map((v, i) => Math.cos(v) * t[i]!);
const wrongJvp = (x: Float64Array, t: Float64Array) => x.map((v, i) => Math.cos(v) * t[i]! * 1.001);

test('assert* return the passing result and throw CheckFailedError (GC_CHECK_FAILED) carrying the result otherwise', () => {
  expect(assertJvp(f, jvp, [0.1, 0.2]).ok).toBe(true);
  expect(assertVjp(f, jvp, [0.1, 0.2]).ok).toBe(true);
  expect(
    assertJacobian(
      f,
      (x: Float64Array) => [
        [Math.cos(x[0]!), 0],
        [0, Math.cos(x[1]!)],
      ],
      [0.1, 0.2],
    ).ok,
  ).toBe(true);
  expect(
    assertGradient(
      (x: Float64Array) => x[0]! * x[1]!,
      (x: Float64Array) => [x[1]!, x[0]!],
      [2, 3],
    ).ok,
  ).toBe(true);
  expect(
    assertBackprop({
      preActivations: [[1, 2]],
      deltas: [[2, 4]],
      lossFrom: (_l, z: number[]) => z[0]! ** 2 + z[1]! ** 2,
    }).ok,
  ).toBe(true);
  try {
    assertJvp(f, wrongJvp, [0.1, 0.2]);
    expect.unreachable();
  } catch (e) {
    expect(e).toBeInstanceOf(CheckFailedError);
    expect(isGradcheckError(e, 'GC_CHECK_FAILED')).toBe(true);
    const err = e as CheckFailedError;
    expect(err.result.verdict).toBe('mismatch');
    expect(err.fn).toBe('assertJvp');
    expect(err.message).toContain(err.result.message);
  }
});

test('assert* also throw on verdicts other than mismatch', () => {
  expect(() =>
    assertGradient(
      (x: Float64Array) => Math.abs(x[0]!),
      () => [0],
      [0],
    ),
  ).toThrow(/oracle-unreliable/);
  expect(() =>
    assertGradient(
      (x: Float64Array) => x[0]!,
      () => [Number.NaN],
      [0],
    ),
  ).toThrow(/non-finite/);
});
