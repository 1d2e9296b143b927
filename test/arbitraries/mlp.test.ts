import { createMlp, isGradcheckError, mlpCases, mlpForward, mlpParameters, mlpShapes } from 'gradcheck';
import { expect, test } from 'vitest';
import { parameterCount, preActivations } from './mlpForward.js';
import { sample, shrunk } from './sample.js';

test('shapes list input, hidden widths and classes, with one activation per hidden layer', () => {
  for (const s of sample(
    mlpShapes({ minHidden: 0, maxHidden: 3, maxWidth: 5, activations: ['relu', 'tanh'] }),
    200,
  )) {
    expect(s.sizes.length).toBe(s.activations.length + 2);
    expect(s.activations.length).toBeLessThanOrEqual(3);
    expect(s.sizes.slice(1, -1).every((w) => w >= 1 && w <= 5)).toBe(true);
    expect(s.sizes[s.sizes.length - 1]).toBeGreaterThanOrEqual(2);
    expect(s.activations.every((a) => a === 'relu' || a === 'tanh')).toBe(true);
  }
});

test('shapes shrink to one hidden unit between the smallest input and class counts', () => {
  expect(shrunk(mlpShapes(), () => false)).toEqual({ sizes: [1, 1, 2], activations: ['tanh'] });
});

test('parameters follow the layout and the requested scales on a dyadic grid', () => {
  const sizes = [4, 9, 3];
  for (const p of sample(mlpParameters({ sizes }, { scale: 0.5, biasScale: 0.25 }), 100)) {
    expect(p.length).toBe(parameterCount(sizes));
    const w1 = p.subarray(0, 36);
    const b1 = p.subarray(36, 45);
    const w2 = p.subarray(45, 72);
    expect(w1.every((w) => Math.abs(w) <= (2 * Math.SQRT2 * 0.5) / Math.sqrt(4))).toBe(true);
    expect(w2.every((w) => Math.abs(w) <= (2 * Math.SQRT2 * 0.5) / Math.sqrt(9))).toBe(true);
    expect(b1.every((b) => Math.abs(b) <= 0.25 * Math.SQRT2)).toBe(true);
    expect(Array.from(p).every((v) => Number.isInteger(v * 2 ** 12))).toBe(true);
  }
  for (const p of sample(mlpParameters({ sizes }, { dtype: 'float32', biasScale: 0 }), 20)) {
    expect(p).toBeInstanceOf(Float32Array);
    expect(p.subarray(36, 45).every((b) => b === 0)).toBe(true);
  }
});

test('by default every ReLU pre-activation stays at least the margin away from 0', () => {
  for (const margin of [1 / 16, 0.25]) {
    const cases = sample(mlpCases({ activations: ['relu', 'tanh'], maxHidden: 3, margin }), 150);
    for (const c of cases) {
      const zs = preActivations(c.sizes, c.activations, c.params, c.x, c.rows);
      c.activations.forEach((a, l) => {
        if (a === 'relu')
          expect(Math.min(...zs[l]!.map(Math.abs))).toBeGreaterThanOrEqual(margin * (1 - 1e-9));
      });
    }
  }
});

test("without placement, ReLU pre-activations do come close to 0 (so 'away-from-zero' does work)", () => {
  const cases = sample(mlpCases({ activations: ['relu'], preActivations: 'any', biasScale: 0 }), 150);
  const close = cases.filter((c) => {
    const z = preActivations(c.sizes, c.activations, c.params, c.x, c.rows)[0]!;
    return z.some((v) => Math.abs(v) < 1 / 16);
  });
  expect(close.length).toBeGreaterThan(20);
});

test("'at-zero' puts the named pre-activation exactly at 0, in float64 and float32", () => {
  for (const dtype of ['float64', 'float32'] as const) {
    const round = dtype === 'float32' ? Math.fround : undefined;
    const cases = sample(mlpCases({ preActivations: 'at-zero', maxHidden: 3, dtype }), 150);
    const layers = new Set<number>();
    for (const c of cases) {
      expect(c.kink).toBeDefined();
      const { layer, row, unit } = c.kink!;
      layers.add(layer);
      expect(c.activations.slice(0, layer + 1).every((a) => a === 'relu')).toBe(true);
      const z = preActivations(c.sizes, c.activations, c.params, c.x, c.rows, round)[layer]!;
      expect(z[row * c.sizes[layer + 1]! + unit]).toBe(0);
    }
    expect(layers.size).toBeGreaterThan(1);
  }
});

test("the kernels agree: their forward pass puts the 'at-zero' pre-activation exactly at 0", () => {
  for (const dtype of ['float64', 'float32'] as const) {
    for (const c of sample(mlpCases({ preActivations: 'at-zero', maxHidden: 3, dtype }), 100)) {
      const mlp = createMlp({ sizes: c.sizes, activations: c.activations, dtype });
      expect(mlp.parameterCount).toBe(c.params.length);
      const { layer, row, unit } = c.kink!;
      const z = mlpForward(mlp, c.params, c.x, c.rows).preActivations[layer]!;
      expect(z[row * c.sizes[layer + 1]! + unit]).toBe(0);
    }
  }
});

test('cases carry labels or probability targets for the output classes', () => {
  for (const c of sample(mlpCases(), 100)) {
    const classes = c.sizes[c.sizes.length - 1]!;
    expect(c.targets).toBeInstanceOf(Int32Array);
    expect(c.targets.length).toBe(c.rows);
    expect(Array.from(c.targets).every((t) => t >= 0 && t < classes)).toBe(true);
    expect(c.x.length).toBe(c.rows * c.sizes[0]!);
    expect(c.params.length).toBe(parameterCount(c.sizes));
    expect(c.kink).toBeUndefined();
  }
  for (const c of sample(mlpCases({ targets: 'probabilities', dtype: 'float32' }), 50)) {
    expect(c.targets).toBeInstanceOf(Float32Array);
    expect(c.targets.length).toBe(c.rows * c.sizes[c.sizes.length - 1]!);
  }
});

test('fixed sizes give that network with drawn activations', () => {
  for (const c of sample(
    mlpCases({ sizes: [5, 4, 4, 3], activations: ['sigmoid'], minRows: 2, maxRows: 2 }),
    20,
  )) {
    expect(c.sizes).toEqual([5, 4, 4, 3]);
    expect(c.activations).toEqual(['sigmoid', 'sigmoid']);
    expect(c.rows).toBe(2);
  }
});

test('a failing case shrinks to a tiny network', () => {
  const c = shrunk(mlpCases(), (c) => c.rows < 2);
  expect(c.sizes).toEqual([1, 1, 2]);
  expect(c.rows).toBe(2);
});

test('bad MLP constraints are refused with the option named', () => {
  const cases: [() => unknown, RegExp][] = [
    [
      () => mlpShapes({ minWidth: 4, maxWidth: 2 }),
      /^mlpShapes: constraints\.minWidth must be ≤ constraints\.maxWidth/,
    ],
    [() => mlpShapes({ activations: ['gelu' as never] }), /^mlpShapes: constraints\.activations/],
    [
      () => mlpCases({ sizes: [3, 2], minInput: 2 }),
      /^mlpCases: constraints\.sizes cannot be combined with minInput/,
    ],
    [
      () => mlpCases({ sizes: [3, 2], preActivations: 'at-zero' }),
      /constraints\.sizes must allow a hidden layer/,
    ],
    [
      () => mlpCases({ minHidden: 0, maxHidden: 0, preActivations: 'at-zero' }),
      /constraints\.maxHidden must allow a hidden layer/,
    ],
    [() => mlpCases({ margin: 0 }), /constraints\.margin must be a finite number in \(0/],
    [() => mlpCases({ preActivations: 'near' as never }), /constraints\.preActivations must be one of/],
    [() => mlpParameters({ sizes: [3] }), /^mlpParameters: shape\.sizes must list at least 2/],
    [() => mlpParameters({ sizes: [3, 2] }, { scale: -1 }), /^mlpParameters: constraints\.scale/],
  ];
  for (const [call, message] of cases) {
    let caught: unknown;
    try {
      call();
    } catch (e) {
      caught = e;
    }
    expect(isGradcheckError(caught), String(message)).toBe(true);
    expect((caught as Error).message).toMatch(message);
  }
});
