import { expect, test } from 'vitest';
import { checkBackprop } from '../../src/checks/checkBackprop.js';
import { isGradcheckError } from '../../src/errors.js';
import { backward, forward, lossFrom, tinyMlp } from './mlp.js';

function model(seed: number, act: 'tanh' | 'relu' | 'sigmoid', tamper?: (deltas: Float64Array[]) => void) {
  const { mlp, params } = tinyMlp(seed, act);
  const { z1, z2 } = forward(mlp, params);
  const { deltas } = backward(mlp, params);
  tamper?.(deltas);
  return {
    preActivations: [z1, z2],
    deltas,
    lossFrom: (l: number, z: Float64Array) => lossFrom(mlp, params, l, z),
  };
}

test('correct per-layer deltas pass, in full and fast mode', () => {
  for (const act of ['tanh', 'relu', 'sigmoid'] as const) {
    for (const mode of ['full', 'fast'] as const) {
      const r = checkBackprop(model(500, act), { mode });
      expect(r.ok, r.message).toBe(true);
      expect(r).toMatchObject({ kind: 'backprop', inputSize: 5 * 6 + 5 * 3, outputSize: 1 });
    }
  }
});

test('a delta that skips f′(z) is caught and located in its layer', () => {
  const { mlp, params } = tinyMlp(501, 'tanh');
  const { z1, z2 } = forward(mlp, params);
  const { deltas } = backward(mlp, params);
  // δ₁ = δ₂ W₂ᵀ without the ⊙ f′(z₁) factor: undo it entry by entry.
  const wrong = deltas[0]!.map((d, k) => d / (1 - Math.tanh(z1[k]!) ** 2));
  const r = checkBackprop({
    preActivations: [z1, z2],
    deltas: [wrong, deltas[1]!],
    lossFrom: (l, z: Float64Array) => lossFrom(mlp, params, l, z),
  });
  expect(r.verdict).toBe('mismatch');
  if (r.verdict === 'mismatch') expect(r.located.every((p) => p[0] === 0)).toBe(true);
  expect(r.entries[0]!.label).toMatch(/^layer 0 δ\[\d+\]$/);
});

test('deltas as a function are called twice and must agree; layers can be selected', () => {
  const { mlp, params } = tinyMlp(502, 'sigmoid');
  const { z1, z2 } = forward(mlp, params);
  let calls = 0;
  const r = checkBackprop(
    {
      preActivations: [z1, z2],
      deltas: () => {
        calls++;
        return backward(mlp, params).deltas;
      },
      lossFrom: (l, z: Float64Array) => lossFrom(mlp, params, l, z),
      layers: [1],
    },
    { mode: 'fast' },
  );
  expect(r.ok).toBe(true);
  expect(calls).toBe(2);
  expect(r.evaluations.derivative).toBe(2);
  expect(r.inputSize).toBe(15);
});

test('malformed models are typed errors', () => {
  const bad = (m: unknown) => {
    try {
      checkBackprop(m as never);
    } catch (e) {
      return isGradcheckError(e) ? e.code : 'other';
    }
    return 'none';
  };
  expect(bad(null)).toBe('GC_INVALID_ARGUMENT');
  expect(bad({ preActivations: [[1]], deltas: [[1]] })).toBe('GC_INVALID_ARGUMENT');
  expect(bad({ preActivations: [], deltas: [], lossFrom: () => 0 })).toBe('GC_EMPTY_INPUT');
  expect(bad({ preActivations: [[1, 2]], deltas: [[1]], lossFrom: () => 0 })).toBe('GC_SHAPE_MISMATCH');
  expect(bad({ preActivations: [[1]], deltas: [[1]], lossFrom: () => 0, layers: [3] })).toBe(
    'GC_OUT_OF_RANGE',
  );
});

void model;
