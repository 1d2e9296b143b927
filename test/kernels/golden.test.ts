import { readFileSync } from 'node:fs';
import {
  crossEntropy,
  crossEntropyGrad,
  crossEntropyWithTargets,
  crossEntropyWithTargetsGrad,
  Decimal,
  type DType,
  type FloatArray,
  logSoftmax,
  logSoftmaxJacobian,
  softmax,
  softmaxJacobian,
  ulpError,
} from 'gradcheck';
import { describe, expect, test } from 'vitest';

/** Golden values are JSON: NaN and ±Infinity are stored as strings. */
function decodeNumber(v: number | string): number {
  return typeof v === 'number' ? v : Number(v);
}

function load<T>(name: string): T[] {
  const url = new URL(`../../fixtures/golden/${name}`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { cases: T[] }).cases;
}

function input(dtype: DType, x: readonly (number | string)[]): FloatArray {
  const values = x.map(decodeNumber);
  return dtype === 'float32' ? Float32Array.from(values) : Float64Array.from(values);
}

/** The worst ulp error of `actual` against decimal strings, in `dtype` ulps. */
function worstUlps(actual: ArrayLike<number>, expected: readonly string[], dtype: DType): number {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = ulpError(actual[i]!, new Decimal(expected[i]!), dtype);
    if (!(e <= worst)) worst = e;
  }
  return worst;
}

interface RowCase {
  name: string;
  dtype: DType;
  cols: number;
  x: (number | string)[];
  softmax: string[];
  logSoftmax: string[];
}

describe('softmax and logSoftmax against 60-digit golden values', () => {
  for (const c of load<RowCase>('softmax.json')) {
    test(`${c.name} (${c.dtype}) within 4 ulps`, () => {
      const x = input(c.dtype, c.x);
      const s = softmax(x, c.cols);
      const ls = logSoftmax(x, c.cols);
      expect(s).toBeInstanceOf(c.dtype === 'float32' ? Float32Array : Float64Array);
      expect(worstUlps(s, c.softmax, c.dtype)).toBeLessThanOrEqual(4);
      expect(worstUlps(ls, c.logSoftmax, c.dtype)).toBeLessThanOrEqual(4);
    });
  }
});

interface CrossEntropyCase {
  name: string;
  dtype: DType;
  cols: number;
  x: (number | string)[];
  labels: number[];
  targets: number[];
  loss: string;
  grad: string[];
  targetsLoss: string;
  targetsGrad: string[];
}

describe('cross-entropy and its gradient against golden values', () => {
  for (const c of load<CrossEntropyCase>('crossEntropy.json')) {
    test(`${c.name} (${c.dtype})`, () => {
      const x = input(c.dtype, c.x);
      const targets = c.dtype === 'float32' ? Float32Array.from(c.targets) : Float64Array.from(c.targets);
      // The loss is a float64 number whatever the logits' type: measured in float64 ulps.
      expect(ulpError(crossEntropy(x, c.labels, c.cols), new Decimal(c.loss))).toBeLessThanOrEqual(4);
      expect(
        ulpError(crossEntropyWithTargets(x, targets, c.cols), new Decimal(c.targetsLoss)),
      ).toBeLessThanOrEqual(4);
      expect(worstUlps(crossEntropyGrad(x, c.labels, c.cols), c.grad, c.dtype)).toBeLessThanOrEqual(4);
      // (s·Σy − y)/rows cancels where s ≈ y: bounded in ulps of the larger term instead.
      const g = crossEntropyWithTargetsGrad(x, targets, c.cols);
      c.targetsGrad.forEach((expected, i) => {
        const err = Math.abs(g[i]! - Number(expected));
        expect(err).toBeLessThanOrEqual(
          4 * (c.dtype === 'float32' ? 2 ** -24 : 2 ** -53) * (1 / (c.x.length / c.cols)),
        );
      });
    });
  }
});

interface JacobianCase {
  name: string;
  dtype: DType;
  cols: number;
  x: (number | string)[];
  softmaxJacobian: string[];
  logSoftmaxJacobian: string[];
}

describe('Jacobian entries against golden values', () => {
  for (const c of load<JacobianCase>('jacobian.json')) {
    test(`${c.name} (${c.dtype}) within 4 ulps per entry`, () => {
      const x = input(c.dtype, c.x);
      expect(worstUlps(softmaxJacobian(x, c.cols), c.softmaxJacobian, c.dtype)).toBeLessThanOrEqual(4);
      expect(worstUlps(logSoftmaxJacobian(x, c.cols), c.logSoftmaxJacobian, c.dtype)).toBeLessThanOrEqual(4);
    });
  }
});
