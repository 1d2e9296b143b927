import {
  directionalDerivative,
  FINITE_DIFFERENCE_DEFAULTS,
  finiteDifferenceJacobian,
  isGradcheckError,
} from 'gradcheck';
import { expect, test } from 'vitest';

test('finiteDifferenceJacobian returns every entry with an error bound and counts its evaluations', () => {
  const J = finiteDifferenceJacobian((x) => Float64Array.of(x[0]! * x[1]!, Math.exp(x[0]!)), [0.5, 2]);
  const exact = [2, 0.5, Math.exp(0.5), 0];
  expect(J.rows).toBe(2);
  expect(J.cols).toBe(2);
  J.values.forEach((v, e) => {
    expect(Math.abs(v - exact[e]!)).toBeLessThanOrEqual(J.error[e]! + 1e-15);
  });
  expect(J.evaluations).toBeGreaterThan(10);
  expect(Array.from(J.status)).toEqual([0, 0, 0, 0]);
});

test('directionalDerivative gives J·v', () => {
  const d = directionalDerivative((x) => [x[0]! * x[1]!], [2, 3], [1, 1]);
  expect(Math.abs(d.value[0]! - 5)).toBeLessThanOrEqual(d.error[0]! + 1e-15);
});

test('float32 inputs use the float32 ladder and grid', () => {
  expect(FINITE_DIFFERENCE_DEFAULTS.float32.initialStep).toBe(0.5);
  const J = finiteDifferenceJacobian((x) => Float32Array.from(x, (t) => t * t), Float32Array.of(1000.5));
  expect(Math.abs(J.values[0]! - 2001)).toBeLessThan(1e-2);
});

test('bad inputs are typed errors', () => {
  const f = (x: Float64Array) => x;
  expect(() => finiteDifferenceJacobian(f, [])).toThrow(
    expect.objectContaining({ code: 'GC_INVALID_ARGUMENT' }),
  );
  expect(() => finiteDifferenceJacobian(f, [Number.NaN])).toThrow(
    expect.objectContaining({ code: 'GC_NON_FINITE_INPUT' }),
  );
  try {
    directionalDerivative(f, [1, 2], [1]);
    expect.unreachable();
  } catch (e) {
    expect(isGradcheckError(e, 'GC_SHAPE_MISMATCH')).toBe(true);
  }
});
