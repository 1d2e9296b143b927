import { describe, expect, test } from 'vitest';
import {
  crossEntropy,
  crossEntropyGrad,
  crossEntropyWithTargets,
  crossEntropyWithTargetsGrad,
  decimalContext,
  exactDecimal,
  isGradcheckError,
  logSoftmax,
  mulberry32,
  softmax,
  ulpError,
} from './support/api.js';
import { centralColumn, maxAbsDiff } from './support/numeric.js';

const NEG = Number.NEGATIVE_INFINITY;
const u = mulberry32(9);
const random = (n: number, scale: number) => Float64Array.from({ length: n }, () => (u() - 0.5) * 2 * scale);

function code(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return isGradcheckError(e) ? e.code : 'not a GradcheckError';
  }
  return undefined;
}

describe('crossEntropy with labels', () => {
  test('is the mean of −logSoftmax at the labels', () => {
    const x = random(12, 5);
    const labels = [3, 0, 2];
    const ls = logSoftmax(x, 4);
    const expected = -(ls[3]! + ls[4]! + ls[10]!) / 3;
    expect(Math.abs(crossEntropy(x, labels, 4) - expected)).toBeLessThan(4e-16 * Math.abs(expected));
    expect(crossEntropy(x, Int32Array.from(labels), 4)).toBe(crossEntropy(x, labels, 4));
  });

  test('the gradient matches central differences and its rows sum to 0', () => {
    const x = random(12, 3);
    const labels = [1, 3, 0];
    const g = crossEntropyGrad(x, labels, 4);
    for (let i = 0; i < x.length; i++) {
      const [fd] = centralColumn((z) => [crossEntropy(z, labels, 4)], x, i);
      expect(Math.abs(g[i]! - fd!)).toBeLessThan(1e-9);
    }
    for (let r = 0; r < 3; r++)
      expect(Math.abs(g[4 * r]! + g[4 * r + 1]! + g[4 * r + 2]! + g[4 * r + 3]!)).toBeLessThan(1e-16);
  });

  test('the gradient is (softmax − onehot)/rows and keeps the digits of s − 1 when s ≈ 1', () => {
    const x = Float64Array.from([50, 0, -10, 1, 2, 3]);
    const s = softmax(x, 3);
    const g = crossEntropyGrad(x, [0, 2], 3);
    expect(g[1]).toBe(s[1]! / 2);
    // 1 − s_0 = (e^−50 + e^−60)/(1 + e^−50 + e^−60): 1 − s[0] in float64 would keep one digit.
    const rest = (Math.exp(-50) + Math.exp(-60)) / (1 + Math.exp(-50) + Math.exp(-60));
    expect(Math.abs(g[0]! + rest / 2)).toBeLessThanOrEqual(4 * 2 ** -53 * (rest / 2));
  });

  test('the mean does not overflow when row losses near the largest double add up past it', () => {
    const x = Float64Array.from([1e308, 0, 0, 0, 1e308, 0]);
    // Row losses 1e308, log 2, 1e308 (e^−1e308 vanishes): the exact mean is (2e308 + log 2)/3.
    const D = decimalContext(40);
    const exact = exactDecimal(1e308).times(2).plus(D.ln(2)).div(3);
    expect(ulpError(crossEntropy(x, [1, 0, 1], 2), exact)).toBeLessThanOrEqual(1);
    expect(
      ulpError(crossEntropyWithTargets(x, Float64Array.from([0, 1, 1, 0, 0, 1]), 2), exact),
    ).toBeLessThanOrEqual(1);
  });

  test('a row loss beyond the largest double still averages to a finite mean (labels, targets, MLP rows)', () => {
    const D = decimalContext(40);
    // Row 0 loses m − x_1 = 2e308 (> 1.8e308), row 1 log 2: the exact mean, 1e308 + log(2)/2, is finite.
    const x = Float64Array.from([1e308, -1e308, 0, 0]);
    const exact = exactDecimal(1e308).plus(D.ln(2).div(2));
    expect(ulpError(crossEntropy(x, [1, 0], 2), exact)).toBeLessThanOrEqual(1);
    expect(
      ulpError(crossEntropyWithTargets(x, Float64Array.from([0, 1, 1, 0]), 2), exact),
    ).toBeLessThanOrEqual(1);
    // One row, targets [0.95, 0.05]: the loss is 0.05·2e308 = 1e307, although log s_1 = −2e308 overflows.
    const y = Float64Array.from([0.95, 0.05]);
    const one = exactDecimal(0.05).times(exactDecimal(1e308).times(2)).plus(exactDecimal(0.95).times(0));
    expect(ulpError(crossEntropyWithTargets(x.subarray(0, 2), y, 2), one)).toBeLessThanOrEqual(1);
    // The largest doubles: 2·1.8e308 over two rows is 1.8e308, finite; over one row it rounds to +Infinity.
    const max = Number.MAX_VALUE;
    const wide = Float64Array.from([max, -max, max, -max]);
    expect(ulpError(crossEntropy(wide, [1, 0], 2), exactDecimal(max))).toBeLessThanOrEqual(1);
    expect(crossEntropy(wide.subarray(0, 2), [1], 2)).toBe(Number.POSITIVE_INFINITY);
    // A masked label still costs +Infinity, and a masked target logit too.
    expect(crossEntropy(Float64Array.from([1e308, -1e308, 0, NEG]), [1, 1], 2)).toBe(
      Number.POSITIVE_INFINITY,
    );
    expect(crossEntropyWithTargets(Float64Array.from([1e308, NEG]), Float64Array.from([0.5, 0.5]), 2)).toBe(
      Number.POSITIVE_INFINITY,
    );
  });

  test('large logits stay finite; a masked label costs +Infinity; NaN rows give NaN', () => {
    expect(crossEntropy(Float64Array.from([1e308, -1e308]), [0], 2)).toBe(0);
    expect(crossEntropy(Float64Array.from([1e308, -1e308]), [1], 2)).toBe(Number.POSITIVE_INFINITY);
    expect(crossEntropy(Float64Array.from([0, 1000]), [0], 2)).toBe(1000);
    expect(crossEntropy(Float64Array.from([0, NEG]), [1], 2)).toBe(Number.POSITIVE_INFINITY);
    expect(crossEntropy(Float64Array.from([0, Number.NaN, 0, 0]), [0, 0], 2)).toBeNaN();
    const g = crossEntropyGrad(Float64Array.from([0, Number.NaN, 0, 0]), [0, 0], 2);
    expect(Number.isNaN(g[0]!)).toBe(true);
    expect(Array.from(g.subarray(2))).toEqual([-0.25, 0.25]);
    expect(Array.from(crossEntropyGrad(Float64Array.from([1, NEG]), [0], 2))).toEqual([0, 0]);
  });

  test('float32 logits: a float64 loss, a float32 gradient rounded once', () => {
    const x = Float32Array.from(random(6, 3));
    expect(crossEntropy(x, [0, 1], 3)).toBe(crossEntropy(Float64Array.from(x), [0, 1], 3));
    const g = crossEntropyGrad(x, [0, 1], 3);
    expect(g).toBeInstanceOf(Float32Array);
    expect(g).toEqual(Float32Array.from(crossEntropyGrad(Float64Array.from(x), [0, 1], 3)));
  });

  test('the gradient can be written into a preallocated result, in place on the logits', () => {
    const x = random(6, 3);
    const expected = crossEntropyGrad(x, [2, 0], 3);
    const inPlace = Float64Array.from(x);
    expect(crossEntropyGrad(inPlace, [2, 0], 3, inPlace)).toBe(inPlace);
    expect(inPlace).toEqual(expected);
    const x32 = Float32Array.from(x);
    expect(crossEntropyGrad(x32, [2, 0], 3, new Float32Array(6))).toEqual(crossEntropyGrad(x32, [2, 0], 3));
  });

  test('bad labels are typed errors naming the argument', () => {
    const x = random(6, 1);
    expect(code(() => crossEntropy(x, [0, 3], 3))).toBe('GC_OUT_OF_RANGE');
    expect(code(() => crossEntropy(x, [0, -1], 3))).toBe('GC_OUT_OF_RANGE');
    expect(code(() => crossEntropy(x, [0, 1.5], 3))).toBe('GC_OUT_OF_RANGE');
    expect(code(() => crossEntropy(x, [0], 3))).toBe('GC_SHAPE_MISMATCH');
    expect(code(() => crossEntropy(x, new Float64Array([0, 1]) as unknown as number[], 3))).toBe(
      'GC_INVALID_ARGUMENT',
    );
    expect(code(() => crossEntropy(new Float64Array(0), [], 3))).toBe('GC_EMPTY_INPUT');
    expect(() => crossEntropyGrad(x, [0, 7], 3)).toThrow(
      'crossEntropyGrad: labels must be integers in [0, 3) (labels[1] is 7)',
    );
  });
});

describe('crossEntropy with probability targets', () => {
  test('equals the label version for one-hot targets', () => {
    const x = random(9, 4);
    const labels = [2, 0, 1];
    const y = new Float64Array(9);
    labels.forEach((l, r) => {
      y[3 * r + l] = 1;
    });
    expect(Math.abs(crossEntropyWithTargets(x, y, 3) - crossEntropy(x, labels, 3))).toBeLessThan(1e-15);
    expect(maxAbsDiff(crossEntropyWithTargetsGrad(x, y, 3), crossEntropyGrad(x, labels, 3))).toBeLessThan(
      1e-16,
    );
  });

  test('the gradient matches central differences, also for targets that do not sum to 1', () => {
    const x = random(8, 3);
    const y = Float64Array.from([0.1, 0.2, 0.3, 0.4, 0.5, 0, 0.25, 0.5]);
    const g = crossEntropyWithTargetsGrad(x, y, 4);
    for (let i = 0; i < x.length; i++) {
      const [fd] = centralColumn((z) => [crossEntropyWithTargets(z, y, 4)], x, i);
      expect(Math.abs(g[i]! - fd!)).toBeLessThan(1e-9);
    }
  });

  test('the gradient keeps the digits of s − 1 for a confident class (no cancellation)', () => {
    const D = decimalContext(40);
    const x = Float64Array.from([0, -8.8731689453125]);
    const e = D.exp(exactDecimal(x[1]!));
    const exact = e.div(e.plus(1)).neg(); // s_0 − 1 = −s_1
    const g = crossEntropyWithTargetsGrad(x, Float64Array.from([1, 0]), 2);
    expect(ulpError(g[0]!, exact)).toBeLessThanOrEqual(4);
    expect(ulpError(crossEntropyGrad(x, [0], 2)[0]!, exact)).toBeLessThanOrEqual(4);
  });

  test('zero targets on masked logits are harmless; positive ones cost +Infinity', () => {
    expect(crossEntropyWithTargets(Float64Array.from([0, NEG]), Float64Array.from([1, 0]), 2)).toBe(0);
    expect(crossEntropyWithTargets(Float64Array.from([0, NEG]), Float64Array.from([0.5, 0.5]), 2)).toBe(
      Number.POSITIVE_INFINITY,
    );
  });

  test('bad targets are typed errors', () => {
    const x = random(6, 1);
    expect(code(() => crossEntropyWithTargets(x, new Float64Array(5), 3))).toBe('GC_SHAPE_MISMATCH');
    expect(code(() => crossEntropyWithTargets(x, Float64Array.from([0, 0, 1, Number.NaN, 0, 1]), 3))).toBe(
      'GC_OUT_OF_RANGE',
    );
    expect(code(() => crossEntropyWithTargetsGrad(x, 'y' as unknown as number[], 3))).toBe(
      'GC_INVALID_ARGUMENT',
    );
  });
});
