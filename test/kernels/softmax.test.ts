import { describe, expect, test } from 'vitest';
import { type GradcheckError, isGradcheckError, logSoftmax, softmax } from './support/api.js';

const NEG = Number.NEGATIVE_INFINITY;
const POS = Number.POSITIVE_INFINITY;

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (isGradcheckError(e)) return e.code;
    throw e;
  }
  return undefined;
}

describe.each([
  ['softmax', softmax],
  ['logSoftmax', logSoftmax],
] as const)('%s shapes and types', (name, kernel) => {
  test('keeps the input array type and length', () => {
    expect(kernel(new Float64Array([1, 2, 3, 4]), 2)).toBeInstanceOf(Float64Array);
    const f32 = kernel(new Float32Array([1, 2, 3, 4]), 2);
    expect(f32).toBeInstanceOf(Float32Array);
    expect(f32.length).toBe(4);
  });

  test('accepts a plain number[] as float64 and does not modify its input', () => {
    const x = [1, 2, 3, 4];
    const typed = Float64Array.from(x);
    expect(kernel(x, 2)).toEqual(kernel(typed, 2));
    expect(x).toEqual([1, 2, 3, 4]);
    expect(typed).toEqual(Float64Array.from([1, 2, 3, 4]));
  });

  test('an empty batch gives an empty result', () => {
    expect(kernel(new Float64Array(0), 3).length).toBe(0);
  });

  test('rejects cols that are not positive integers, with the function and argument named', () => {
    expect(codeOf(() => kernel(new Float64Array(6), 0))).toBe('GC_OUT_OF_RANGE');
    expect(codeOf(() => kernel(new Float64Array(6), 1.5))).toBe('GC_OUT_OF_RANGE');
    expect(codeOf(() => kernel(new Float64Array(6), '3' as unknown as number))).toBe('GC_INVALID_ARGUMENT');
    try {
      kernel(new Float64Array(6), -2);
    } catch (e) {
      expect((e as GradcheckError).message).toBe(`${name}: cols must be a positive integer (given -2)`);
      expect((e as GradcheckError).arg).toBe('cols');
    }
  });

  test('rejects cols that do not divide the length (nothing is truncated)', () => {
    expect(() => kernel(new Float64Array(10), 3)).toThrow(
      `${name}: cols must divide x.length (x.length=10, cols=3)`,
    );
    expect(codeOf(() => kernel(new Float64Array(10), 3))).toBe('GC_SHAPE_MISMATCH');
  });

  test('rejects arrays that are not float arrays of numbers', () => {
    expect(codeOf(() => kernel(new Int32Array(4) as unknown as Float64Array, 2))).toBe('GC_INVALID_ARGUMENT');
    expect(codeOf(() => kernel([1, '2', 3, 4] as unknown as number[], 2))).toBe('GC_INVALID_ARGUMENT');
    expect(codeOf(() => kernel(null as unknown as number[], 2))).toBe('GC_INVALID_ARGUMENT');
    expect(() => kernel(new Int32Array(4) as unknown as Float64Array, 2)).toThrow(/given Int32Array\(4\)/);
  });
});

describe('softmax values', () => {
  test('rows are probability vectors: in [0, 1], summing to 1 within a few ulps', () => {
    const x = Float64Array.from({ length: 300 }, (_, i) => Math.sin(i * 1.7) * 40);
    const s = softmax(x, 30);
    for (let r = 0; r < 10; r++) {
      let sum = 0;
      for (let j = 0; j < 30; j++) {
        const v = s[r * 30 + j]!;
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
        sum += v;
      }
      expect(Math.abs(sum - 1)).toBeLessThan(30 * 2 ** -52);
    }
  });

  test('is invariant under exact common shifts', () => {
    const x = new Float64Array([0.5, -1.25, 2, 0.75]);
    const shifted = x.map((v) => v + 1024);
    expect(softmax(shifted, 4)).toEqual(softmax(x, 4));
  });

  test('a −Infinity logit is a mask: probability 0, the others as if it were absent', () => {
    const s = softmax(new Float64Array([1, NEG, 2, NEG]), 4);
    const t = softmax(new Float64Array([1, 2]), 2);
    expect(Array.from(s)).toEqual([t[0], 0, t[1], 0]);
  });

  test('a fully masked row gives zeros; +Infinity logits share the mass', () => {
    expect(Array.from(softmax(new Float64Array([NEG, NEG, NEG]), 3))).toEqual([0, 0, 0]);
    expect(Array.from(softmax(new Float64Array([POS, 0, POS, NEG]), 4))).toEqual([0.5, 0, 0.5, 0]);
    expect(Array.from(softmax(new Float32Array([POS, 1, 2]), 3))).toEqual([1, 0, 0]);
  });

  test('NaN spoils its own row only', () => {
    const s = softmax(new Float64Array([1, Number.NaN, 2, 1, 2, 3]), 3);
    expect(Array.from(s.subarray(0, 3)).every(Number.isNaN)).toBe(true);
    expect(Array.from(s.subarray(3))).toEqual(Array.from(softmax(new Float64Array([1, 2, 3]), 3)));
  });

  test('finite for every finite input, ±1e308 and the largest doubles included', () => {
    const x = new Float64Array([1e308, -1e308, Number.MAX_VALUE, -Number.MAX_VALUE, 0, 5e-324]);
    const s = softmax(x, 3);
    expect(Array.from(s).every(Number.isFinite)).toBe(true);
    expect(Array.from(s)).toEqual([0, 0, 1, 0, 0.5, 0.5]);
    const f32 = softmax(new Float32Array([3e38, -3e38, 88.8, -104]), 2);
    expect(Array.from(f32)).toEqual([1, 0, 1, 0]);
  });

  test('ties split the mass exactly', () => {
    expect(Array.from(softmax(new Float64Array([7, 7, 7, 7]), 4))).toEqual([0.25, 0.25, 0.25, 0.25]);
  });
});

describe('logSoftmax values', () => {
  test('exp(logSoftmax) matches softmax', () => {
    const x = Float64Array.from({ length: 60 }, (_, i) => Math.cos(i * 0.37) * 30);
    const s = softmax(x, 12);
    const ls = logSoftmax(x, 12);
    // exp turns an absolute error δ of ls into a relative error δ: allow a few ulps of |ls| plus a few of s.
    for (let i = 0; i < x.length; i++) {
      const allowed = 4 * 2 ** -53 * (Math.abs(ls[i]!) + 4) * s[i]!;
      expect(Math.abs(Math.exp(ls[i]!) - s[i]!)).toBeLessThanOrEqual(allowed);
    }
  });

  test('the dominant entry keeps its digits near 0', () => {
    const ls = logSoftmax(new Float64Array([0, -700]), 2);
    // log s_0 = −log1p(e^−700): e^−700 = 9.859676543759770…e-305, and log1p(t) = t(1 − t/2 + …).
    expect(ls[0]).toBe(-Math.exp(-700));
    expect(ls[1]).toBe(-700);
  });

  test('masks give −Infinity and never NaN elsewhere', () => {
    const ls = logSoftmax(new Float64Array([0, NEG, 0, NEG]), 4);
    expect(Array.from(ls)).toEqual([-Math.LN2, NEG, -Math.LN2, NEG]);
  });

  test('special rows: all masked, +Infinity shares, NaN isolated', () => {
    expect(Array.from(logSoftmax(new Float64Array([NEG, NEG]), 2))).toEqual([NEG, NEG]);
    const inf = logSoftmax(new Float64Array([POS, 1, POS, POS]), 4);
    expect(Array.from(inf)).toEqual([-Math.log(3), NEG, -Math.log(3), -Math.log(3)]);
    const nan = logSoftmax(new Float64Array([Number.NaN, 0, 0, 0]), 2);
    expect(Number.isNaN(nan[0]!) && Number.isNaN(nan[1]!)).toBe(true);
    expect(Array.from(nan.subarray(2))).toEqual([-Math.LN2, -Math.LN2]);
  });

  test('finite for ±1e308 unless the exact value is beyond the largest double (then −Infinity)', () => {
    const ls = logSoftmax(new Float64Array([1e308, 9e307, -1e308, -9e307]), 2);
    expect(Array.from(ls.subarray(0, 2))).toEqual([0, 9e307 - 1e308]);
    expect(Array.from(ls.subarray(2))).toEqual([-1e308 + 9e307, 0]);
    // Exact value −2e308: not representable, IEEE rounding gives −Infinity.
    expect(Array.from(logSoftmax(new Float64Array([1e308, -1e308]), 2))).toEqual([0, NEG]);
  });
});

describe.each([
  ['softmax', softmax],
  ['logSoftmax', logSoftmax],
] as const)('%s into a preallocated result', (name, kernel) => {
  test('writes and returns out, in place on x too, with the same values as a fresh result', () => {
    const x = Float64Array.from([1, 2, 3, -700, 0, 700]);
    const expected = kernel(x, 3);
    const out = new Float64Array(6);
    expect(kernel(x, 3, out)).toBe(out);
    expect(out).toEqual(expected);
    const inPlace = Float64Array.from(x);
    expect(kernel(inPlace, 3, inPlace)).toEqual(expected);
    const x32 = Float32Array.from(x);
    const out32 = new Float32Array(6);
    expect(kernel(x32, 3, out32)).toBe(out32);
    expect(out32).toEqual(kernel(x32, 3));
  });

  test('out of the wrong type or length is a typed error', () => {
    const x = Float64Array.from([1, 2, 3, 4]);
    expect(codeOf(() => kernel(x, 2, new Float32Array(4) as unknown as Float64Array))).toBe(
      'GC_INVALID_ARGUMENT',
    );
    expect(() => kernel(x, 2, new Float64Array(3))).toThrow(
      `${name}: out.length must be 4, the length of the result (given out.length=3)`,
    );
  });
});
