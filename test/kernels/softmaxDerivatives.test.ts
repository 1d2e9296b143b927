import { describe, expect, test } from 'vitest';
import {
  blockDiagonal,
  decimalContext,
  exactDecimal,
  isGradcheckError,
  logSoftmax,
  logSoftmaxJacobian,
  logSoftmaxJvp,
  logSoftmaxVjp,
  mulberry32,
  softmax,
  softmaxJacobian,
  softmaxJvp,
  softmaxVjp,
} from './support/api.js';
import { centralJacobian, maxAbsDiff } from './support/numeric.js';

const u = mulberry32(5);
const random = (n: number, scale: number) => Float64Array.from({ length: n }, () => (u() - 0.5) * 2 * scale);

/** Jᵀv for a rows × cols batch of n × n blocks. */
function blocksTransposeTimes(
  J: ArrayLike<number>,
  v: ArrayLike<number>,
  rows: number,
  n: number,
): Float64Array {
  const out = new Float64Array(rows * n);
  for (let r = 0; r < rows; r++)
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) out[r * n + j]! += J[r * n * n + i * n + j]! * v[r * n + i]!;
  return out;
}

/** J v for a rows × cols batch of n × n blocks. */
function blocksTimes(J: ArrayLike<number>, v: ArrayLike<number>, rows: number, n: number): Float64Array {
  const out = new Float64Array(rows * n);
  for (let r = 0; r < rows; r++)
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) out[r * n + i]! += J[r * n * n + i * n + j]! * v[r * n + j]!;
  return out;
}

describe.each([
  ['softmax', softmax, softmaxJacobian, softmaxVjp, softmaxJvp],
  ['logSoftmax', logSoftmax, logSoftmaxJacobian, logSoftmaxVjp, logSoftmaxJvp],
] as const)('%s derivatives', (_name, f, jacobian, vjp, jvp) => {
  test('the Jacobian matches central differences at moderate logits', () => {
    for (const n of [2, 3, 7]) {
      const x = random(n, 3);
      const fd = centralJacobian((z) => f(z, n), x);
      expect(maxAbsDiff(jacobian(x, n), fd)).toBeLessThan(1e-8);
    }
  });

  test('batched Jacobians are the blocks of the full Jacobian of the flattened batch', () => {
    const x = random(12, 4);
    const full = blockDiagonal(jacobian(x, 4), 4);
    expect(
      maxAbsDiff(
        full,
        centralJacobian((z) => f(z, 4), x),
      ),
    ).toBeLessThan(1e-8);
  });

  test('VJP is gᵀJ and JVP is J t, for cotangents that do not sum to 1', () => {
    const x = random(15, 5);
    const g = random(15, 2);
    const t = random(15, 2);
    const J = jacobian(x, 5);
    expect(maxAbsDiff(vjp(x, g, 5), blocksTransposeTimes(J, g, 3, 5))).toBeLessThan(1e-14);
    expect(maxAbsDiff(jvp(x, t, 5), blocksTimes(J, t, 3, 5))).toBeLessThan(1e-14);
  });

  test('derivatives stay finite and correct at huge logits (shift invariance)', () => {
    const x = random(6, 3);
    const huge = x.map((v) => v + 1e300);
    const near = Float64Array.from([0, -1, -2]).map((v) => v + 1e6);
    expect(Array.from(jacobian(huge, 3)).every(Number.isFinite)).toBe(true);
    expect(maxAbsDiff(jacobian(near, 3), jacobian(Float64Array.from([0, -1, -2]), 3))).toBeLessThan(1e-15);
    expect(Array.from(vjp(huge, random(6, 1), 3)).every(Number.isFinite)).toBe(true);
  });

  test('float32 logits give float32 derivatives rounded from float64 ones', () => {
    const x = Float32Array.from(random(6, 3));
    const x64 = Float64Array.from(x);
    const g = random(6, 1);
    expect(jacobian(x, 3)).toEqual(Float32Array.from(jacobian(x64, 3)));
    expect(vjp(x, g, 3)).toEqual(Float32Array.from(vjp(x64, g, 3)));
    expect(jvp(x, g, 3)).toEqual(Float32Array.from(jvp(x64, g, 3)));
  });

  test('VJP and JVP write into a preallocated result, which may be the cotangent itself', () => {
    const x = random(6, 3);
    const g = random(6, 1);
    const expected = vjp(x, g, 3);
    const out = new Float64Array(6);
    expect(vjp(x, g, 3, out)).toBe(out);
    expect(out).toEqual(expected);
    const inPlace = Float64Array.from(g);
    expect(vjp(x, inPlace, 3, inPlace)).toEqual(expected);
    expect(jvp(x, g, 3, new Float64Array(6))).toEqual(jvp(x, g, 3));
    expect(() => jvp(x, g, 3, new Float64Array(5))).toThrow(/out.length must be 6/);
  });

  test('mismatched cotangent/tangent lengths and bad types are typed errors', () => {
    const x = random(6, 1);
    for (const call of [() => vjp(x, random(5, 1), 3), () => jvp(x, random(9, 1), 3)]) {
      try {
        call();
        expect.unreachable();
      } catch (e) {
        expect(isGradcheckError(e, 'GC_SHAPE_MISMATCH')).toBe(true);
      }
    }
    expect(() => vjp(x, 'g' as unknown as number[], 3)).toThrow(/g must be a Float64Array/);
    expect(() => jacobian(x, 4)).toThrow(/cols must divide x.length/);
  });
});

describe('accuracy where the textbook formulas cancel', () => {
  const D = decimalContext(60);
  // A peaked row: s_0 = 1 − 1e-300-ish, so 1 − s_0 and ⟨g, s⟩ − g_0 cancel completely in float64.
  const x = Float64Array.from([0, -690, -700]);
  const e = Array.from(x, (v) => D.exp(exactDecimal(v)));
  const sum = e.reduce((a, b) => a.plus(b));
  const s = e.map((v) => v.div(sum));
  const rest = s[1]!.plus(s[2]!); // 1 − s_0

  test('softmax Jacobian diagonal s_a(1 − s_a) keeps its digits', () => {
    const J = softmaxJacobian(x, 3);
    const exact = s[0]!.times(rest).toNumber();
    expect(Math.abs(J[0]! - exact)).toBeLessThanOrEqual(4 * 2 ** -52 * exact);
  });

  test('logSoftmax Jacobian diagonal 1 − s_a keeps its digits', () => {
    const J = logSoftmaxJacobian(x, 3);
    expect(Math.abs(J[0]! - rest.toNumber())).toBeLessThanOrEqual(4 * 2 ** -52 * rest.toNumber());
  });

  test('softmax VJP at the dominant entry keeps its digits', () => {
    const g = Float64Array.from([0.5, 2, -1]);
    // (gᵀJ)_0 = s_0 (g_0 − ⟨g, s⟩) = −s_0 (s_1 (g_1 − g_0) + s_2 (g_2 − g_0)).
    const exact = s[0]!
      .times(s[1]!.times(1.5).plus(s[2]!.times(-1.5)))
      .neg()
      .toNumber();
    const v = softmaxVjp(x, g, 3)[0]!;
    expect(Math.abs(v - exact)).toBeLessThanOrEqual(8 * 2 ** -52 * Math.abs(exact));
  });
});

test('float32 VJP/JVP keep exponentials down to exp(−745): a float64 cotangent of 1e308 shows them', () => {
  // s_1 = exp(−720)/(1 + exp(−720)) ≈ 2.2e-313 (subnormal in float64) is invisible alone, but times
  // v_1 = 1e308 it is ≈ 2.2e-5: the exact VJP is [−s_0·s_1·1e308, s_1·(1 − s_1)·1e308]. An
  // exponential flushing subnormal results to 0 would give [0, 0].
  const x = new Float32Array([0, -720]);
  const s1 = Math.exp(-720);
  const exact = [-s1 * 1e308, s1 * 1e308];
  for (const f of [softmaxVjp, softmaxJvp]) {
    const got = f(x, new Float64Array([0, 1e308]), 2);
    expect(got).toBeInstanceOf(Float32Array);
    for (let j = 0; j < 2; j++)
      expect(Math.abs(got[j]! - exact[j]!)).toBeLessThan(2 * 2 ** -23 * Math.abs(exact[j]!));
  }
  // With a float32 cotangent the exact result, ≈ [−7.7e-283, 7.7e-283], rounds to [−0, 0]: signs kept.
  expect(Array.from(softmaxVjp(x, new Float32Array([0, 3e38]), 2))).toEqual([-0, 0]);
});
