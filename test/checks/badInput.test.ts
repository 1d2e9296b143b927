import { expect, test } from 'vitest';
import { checkGradient } from '../../src/checks/checkGradient.js';
import { checkJacobian } from '../../src/checks/checkJacobian.js';
import { checkJvp } from '../../src/checks/checkJvp.js';
import { checkVjp } from '../../src/checks/checkVjp.js';
import { type GradcheckError, isGradcheckError } from '../../src/errors.js';

const sq = (x: Float64Array) => x.map((v) => v * v);
const sqJ = (x: Float64Array) => Array.from(x, (v, i) => Array.from(x, (_, j) => (i === j ? 2 * v : 0)));

function error(run: () => unknown): GradcheckError {
  try {
    run();
  } catch (e) {
    if (isGradcheckError(e)) return e;
    throw e;
  }
  throw new Error('expected a GradcheckError');
}

test('x must be a non-empty array of finite numbers', () => {
  expect(error(() => checkJacobian(sq, sqJ, [])).code).toBe('GC_EMPTY_INPUT');
  expect(error(() => checkJacobian(sq, sqJ, [1, Number.NaN])).code).toBe('GC_NON_FINITE_INPUT');
  expect(error(() => checkJacobian(sq, sqJ, [Number.POSITIVE_INFINITY])).code).toBe('GC_NON_FINITE_INPUT');
  expect(error(() => checkJacobian(sq, sqJ, 'abc' as never)).code).toBe('GC_INVALID_ARGUMENT');
  expect(error(() => checkJacobian(sq, sqJ, [1, '2'] as never)).code).toBe('GC_INVALID_ARGUMENT');
  expect(error(() => checkJacobian(sq, sqJ, [1, Number.NaN])).message).toBe(
    'checkJacobian: x[1] must be finite (given NaN)',
  );
});

test('f and the derivative must be functions', () => {
  expect(error(() => checkJacobian(1 as never, sqJ, [1])).arg).toBe('f');
  expect(error(() => checkVjp(sq, null as never, [1])).arg).toBe('vjp');
});

test('length mismatches between x, f(x) and the derivative are shape errors that say what was expected', () => {
  const e = error(() => checkJacobian(sq, () => [1, 2, 3], [1, 2]));
  expect(e.code).toBe('GC_SHAPE_MISMATCH');
  expect(e.message).toContain('m·n = 2·2 = 4');
  expect(error(() => checkJacobian(sq, () => [[1, 2], [3]], [1, 2])).code).toBe('GC_SHAPE_MISMATCH');
  expect(error(() => checkJacobian(sq, () => [[1, 2]], [1, 2])).code).toBe('GC_SHAPE_MISMATCH');
  expect(error(() => checkVjp(sq, () => [1], [1, 2])).message).toContain(
    'vjp(x, w) must return 2 values (returned 1)',
  );
  expect(error(() => checkJvp(sq, () => [1, 2, 3], [1, 2])).code).toBe('GC_SHAPE_MISMATCH');
  expect(
    error(() =>
      checkGradient(
        (x) => x[0]! * x[1]!,
        () => [1],
        [1, 2],
      ),
    ).code,
  ).toBe('GC_SHAPE_MISMATCH');
  // f changing its output length between points.
  const unstable = (x: Float64Array) => (x[0] === 1 ? [1, 2] : [1]);
  expect(error(() => checkJacobian(unstable, () => [[1], [0]], [1])).code).toBe('GC_SHAPE_MISMATCH');
});

test('f and derivatives must return arrays of numbers (or a number, for a gradient)', () => {
  expect(error(() => checkJacobian(() => 'x' as never, sqJ, [1])).code).toBe('GC_INVALID_ARGUMENT');
  expect(error(() => checkJacobian(() => [], sqJ, [1])).code).toBe('GC_EMPTY_INPUT');
  expect(
    error(() =>
      checkGradient(
        () => [1, 2],
        () => [1],
        [1],
      ),
    ).code,
  ).toBe('GC_SHAPE_MISMATCH');
  expect(
    error(() =>
      checkGradient(
        () => ({}) as never,
        () => [1],
        [1],
      ),
    ).code,
  ).toBe('GC_INVALID_ARGUMENT');
  expect(error(() => checkJacobian(() => Promise.resolve([1]) as never, sqJ, [1])).code).toBe(
    'GC_INVALID_ARGUMENT',
  );
});

test('a function that throws is wrapped with the input that made it throw and the original cause', () => {
  const boom = new RangeError('bad row');
  const f = (x: Float64Array) => {
    if (x[0]! > 1.1) throw boom;
    return sq(x);
  };
  const e = error(() => checkJacobian(f, sqJ, [1]));
  expect(e.code).toBe('GC_FUNCTION_THREW');
  expect(e.cause).toBe(boom);
  expect((e.details!['x'] as number[])[0]).toBeGreaterThan(1.1);
  expect(e.message).toContain('RangeError: bad row');
  const d = error(() =>
    checkVjp(sq, () => {
      throw new Error('no');
    }, [1]),
  );
  expect(d.code).toBe('GC_FUNCTION_THREW');
  expect(d.details?.['callable']).toBe('vjp');
});

test('full mode refuses a Jacobian too large for memory and suggests fast mode', () => {
  const big = new Float64Array(3000);
  const e = error(() =>
    checkJacobian(
      (x) => x,
      () => new Float64Array(0),
      big,
      { maxJacobianEntries: 1_000_000 },
    ),
  );
  expect(e.code).toBe('GC_TOO_LARGE');
  expect(e.message).toContain("mode: 'fast'");
  // The same function is fine in fast mode.
  const r = checkJvp(
    (x: Float64Array) => x,
    (_x, t: Float64Array) => t,
    big,
    { mode: 'fast', maxJacobianEntries: 1_000_000 },
  );
  expect(r.ok).toBe(true);
});
