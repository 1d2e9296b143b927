import { expect, test } from 'vitest';
import {
  decimalContext,
  isGradcheckError,
  preciseLogSoftmax,
  preciseSoftmax,
} from '../kernels/support/api.js';

const D = decimalContext(60);
const NEG = Number.NEGATIVE_INFINITY;

test('preciseSoftmax is exp(x)/Σexp(x) at 60 digits and rows sum to 1', () => {
  const s = preciseSoftmax([0, Math.LN2, 5, 5], 2);
  // x = [0, ln2 rounded]: s_0 = 1/(1 + e^{fl(ln 2)}), computed here from first principles.
  const e = D.exp(new D(Math.LN2.toPrecision(100)));
  expect(
    s[0]!
      .minus(new D(1).div(e.plus(1)))
      .abs()
      .toNumber(),
  ).toBeLessThan(1e-59);
  expect(s[0]!.plus(s[1]!).minus(1).abs().toNumber()).toBeLessThan(1e-59);
  expect(s[2]!.toString()).toBe('0.5');
});

test('preciseLogSoftmax keeps all digits of a dominant entry near 0 (log1p series)', () => {
  const ls = preciseLogSoftmax([0, -700], 2);
  // log s_0 = −log1p(t), t = e^−700: −t + t²/2 is −t to 300 digits.
  const t = D.exp(-700);
  expect(ls[0]!.plus(t).abs().div(t).toNumber()).toBeLessThan(1e-58);
  expect(ls[1]!.plus(700).plus(t).abs().toNumber()).toBeLessThan(1e-50);
});

test('special rows follow the kernels’ conventions', () => {
  const s = preciseSoftmax([NEG, NEG, Number.POSITIVE_INFINITY, 0, Number.NaN, 1, 1, NEG], 2);
  expect(s.map((v) => v.toString())).toEqual(['0', '0', '1', '0', 'NaN', 'NaN', '1', '0']);
  const ls = preciseLogSoftmax([NEG, NEG, 1, NEG], 2);
  expect(ls.map((v) => v.toString())).toEqual(['-Infinity', '-Infinity', '0', '-Infinity']);
});

test('bad arguments are typed errors', () => {
  for (const call of [
    () => preciseSoftmax([1, 2, 3], 2),
    () => preciseSoftmax([1, 2], 0),
    () => preciseSoftmax(['1'] as unknown as number[], 1),
    () => preciseLogSoftmax([1, 2], 2, { digits: 5 }),
  ]) {
    expect(call).toThrow();
    try {
      call();
    } catch (e) {
      expect(isGradcheckError(e)).toBe(true);
    }
  }
});
