// The examples of the README's "Symbolic oracle" section, run through the public API.
import {
  crossEntropySymbolic,
  isGradcheckError,
  reluSymbolic,
  sigmoidSymbolic,
  softmaxSymbolic,
  symbolicOracle,
} from 'gradcheck';
import { expect, test } from 'vitest';

test('README: your own formulas as an oracle', () => {
  const oracle = symbolicOracle({
    expressions: ['x * tanh(y)', 'exp(-x) * y'],
    variables: ['x', 'y'],
  });
  const { rows, cols, values, error } = oracle.jacobian([0.5, 2]);
  expect([rows, cols]).toEqual([2, 2]);
  expect(values[0]).toBeCloseTo(Math.tanh(2), 15); // ∂(x·tanh y)/∂x
  expect(Math.max(...error)).toBeLessThan(1e-15);
  expect(oracle.derivative(1, 0)).toBe('y * -1 * exp(-x)');
  const golden = oracle.precise(60).decimals([0.5, 2]);
  expect(golden[0]).toMatch(/^0\.96402758007581688394641372410092315025502997624093/);
});

test('README: built-in oracles for the reference kernels', () => {
  const x = [1000, -1000, 0.5, 2, 2, 2]; // two rows of three logits; exp(1000) would overflow
  const softmax = softmaxSymbolic(3).jacobian(x); // 6×6, block diagonal
  expect(softmax.rows * softmax.cols).toBe(36);
  expect(Number.isFinite(Math.max(...softmax.values))).toBe(true);
  const ce = crossEntropySymbolic([0, 2], 3).jacobian(x); // 1×6 gradient of the mean loss
  expect(ce.values[0]).toBeCloseTo(0, 15); // s₀ − 1 with s₀ ≈ 1
  expect(sigmoidSymbolic().blocks([0]).values[0]).toBe(0.25);
  expect([...reluSymbolic().blocks([-1, 0, 1]).values]).toEqual([0, 0, 1]); // relu′(0) = 0, as the kernels
  expect(reluSymbolic({ atZero: 'subgradient' }).blocks([0]).error[0]).toBe(0.5); // [0, 1] at the kink
});

test('README: mathjs cannot differentiate sum, so the oracle says how to write it', () => {
  try {
    symbolicOracle({ expressions: 'log(sum(exp(a), exp(b)))', variables: ['a', 'b'] });
    expect.unreachable();
  } catch (e) {
    expect(isGradcheckError(e, 'GC_INVALID_ARGUMENT')).toBe(true);
    expect((e as Error).message).toContain('write sums out with +');
  }
});
