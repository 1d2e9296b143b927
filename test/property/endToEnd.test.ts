/**
 * The spec layer over the real checkers and reference kernels: correct derivatives pass, classic
 * bugs fail with small counterexamples, kinks are skipped, replays reproduce.
 */
import {
  cotangents,
  createMlp,
  defineCheck,
  type FloatArray,
  logitBatches,
  logitVectors,
  logSoftmax,
  logSoftmaxVjp,
  type MlpCase,
  mlpBackward,
  mlpCases,
  mlpForward,
  mlpLoss,
  mlpLossFromPreActivations,
  runProperty,
  softmax,
  softmaxVjp,
  withFields,
} from 'gradcheck';
import { expect, test } from 'vitest';

const logits = logitBatches({
  regimes: ['moderate', 'overflow', 'shifted', 'near-ties', 'tiny-spread'],
  maxCols: 8,
  maxRows: 3,
});

/** softmax VJP that reduces with Σg instead of ⟨g, s⟩. */
function sumGVjp(x: FloatArray, g: FloatArray, cols: number): Float64Array {
  const s = softmax(x, cols);
  const out = new Float64Array(x.length);
  for (let r = 0; r < x.length / cols; r++) {
    let sum = 0;
    for (let j = 0; j < cols; j++) sum += g[r * cols + j]!;
    for (let j = 0; j < cols; j++) out[r * cols + j] = s[r * cols + j]! * (g[r * cols + j]! - sum);
  }
  return out;
}

test('a correct softmax VJP passes 200 runs; one reducing with Σg fails on two logits, replayably', async () => {
  const good = defineCheck({
    name: 'softmax vjp',
    input: logits,
    f: ({ x, cols }) => softmax(x, cols),
    vjp: ({ x, cols }, g) => softmaxVjp(x, g, cols),
  });
  const ok = await runProperty(good);
  expect(ok).toMatchObject({ status: 'passed', numRuns: 200, kind: 'vjp', oracle: 'finite-difference' });
  const bad = defineCheck({
    name: 'softmax vjp reducing with sum(g)',
    input: logits,
    f: ({ x, cols }) => softmax(x, cols),
    vjp: ({ x, cols }, g) => sumGVjp(x, g, cols),
  });
  const r = await runProperty(bad);
  expect(r).toMatchObject({ status: 'failed', verdict: 'mismatch' });
  expect(r.counterexample).toMatchObject({ rows: 1, cols: 2 });
  expect(r.check?.message).toMatch(/^checkVjp \(full mode, float64/);
  const again = await runProperty(bad, { seed: r.seed, path: r.path });
  expect(again.counterexample).toEqual(r.counterexample);
  expect(again.check?.message).toBe(r.check?.message);
});

test('in full mode only generated cotangents reveal a log-softmax VJP that assumes Σg = 1', async () => {
  const assumesUnitSum = (x: FloatArray, g: FloatArray, cols: number) => {
    const s = softmax(x, cols);
    return g.map((gi, i) => gi - s[i]!);
  };
  const basis = defineCheck({
    name: 'log-softmax vjp assuming sum(g) = 1, checker cotangents',
    input: logitVectors({ regimes: ['moderate', 'overflow'], maxCols: 8 }),
    f: ({ x, cols }) => logSoftmax(x, cols),
    vjp: ({ x, cols }, g) => assumesUnitSum(x, g, cols),
    options: { numRuns: 30 },
  });
  // One row: the checker's basis cotangents e_i all sum to 1, so full mode is blind to this bug.
  expect((await runProperty(basis)).status).toBe('passed');
  const input = withFields(logits, (b) => ({ g: cotangents(b) }));
  const spec = (vjp: (x: FloatArray, g: FloatArray, cols: number) => FloatArray) =>
    defineCheck({
      name: 'log-softmax vjp along generated cotangents',
      input,
      f: ({ x, cols }) => logSoftmax(x, cols),
      vjp: ({ x, cols }, g) => vjp(x, g, cols),
      cotangent: ({ g }) => g,
      options: { numRuns: 60 },
    });
  expect((await runProperty(spec((x, g, cols) => logSoftmaxVjp(x, g, cols)))).status).toBe('passed');
  const r = await runProperty(spec(assumesUnitSum));
  expect(r).toMatchObject({ status: 'failed', verdict: 'mismatch', kind: 'vjp' });
  expect(r.counterexample).toMatchObject({ rows: 1, cols: 1, x: Float64Array.of(0) });
  expect((r.counterexample as { g: Float64Array }).g[0]).not.toBe(1);
});

const net = (c: MlpCase) => createMlp({ sizes: c.sizes, activations: c.activations });

test('MLP parameter gradients pass; a bias gradient that keeps only the first sample fails', async () => {
  const input = mlpCases({ minRows: 2 });
  const spec = (gradient: (c: MlpCase) => FloatArray) =>
    defineCheck({
      name: 'mlp parameter gradient',
      input,
      point: 'params',
      f: (c) => mlpLoss(net(c), c.params, c.x, c.targets),
      gradient,
      options: { numRuns: 40 },
    });
  expect(
    (await runProperty(spec((c) => mlpBackward(net(c), c.params, c.x, c.targets).gradient))).status,
  ).toBe('passed');
  const oneSample = (c: MlpCase) => {
    const mlp = net(c);
    const { gradient, deltas } = mlpBackward(mlp, c.params, c.x, c.targets);
    const out = Float64Array.from(gradient);
    mlp.layers.forEach((layer, l) => {
      for (let j = 0; j < layer.outDim; j++) out[layer.biasOffset + j] = deltas[l]![j]!;
    });
    return out;
  };
  const r = await runProperty(spec(oneSample));
  expect(r).toMatchObject({ status: 'failed', verdict: 'mismatch' });
  expect((r.counterexample as MlpCase).rows).toBe(2);
});

test('ReLU pre-activations at exactly 0 are skipped as kinks, never reported as mismatches', async () => {
  const spec = (preActivations: 'at-zero' | 'away-from-zero') =>
    defineCheck({
      name: `relu mlp gradient, pre-activations ${preActivations}`,
      input: mlpCases({ activations: ['relu'], preActivations, maxHidden: 1 }),
      point: 'params',
      f: (c) => mlpLoss(net(c), c.params, c.x, c.targets),
      gradient: (c) => mlpBackward(net(c), c.params, c.x, c.targets).gradient,
      options: { numRuns: 30 },
    });
  const kinks = await runProperty(spec('at-zero'));
  expect(kinks.verdict).not.toBe('mismatch');
  expect(kinks.numSkips).toBeGreaterThan(0);
  const smooth = await runProperty(spec('away-from-zero'));
  expect(smooth).toMatchObject({ status: 'passed', numSkips: 0 });
});

test('per-layer deltas pass checkBackprop through a backprop spec', async () => {
  const spec = defineCheck({
    name: 'mlp deltas',
    input: mlpCases(),
    backprop: (c) => {
      const mlp = net(c);
      return {
        preActivations: mlpForward(mlp, c.params, c.x, c.rows).preActivations,
        deltas: mlpBackward(mlp, c.params, c.x, c.targets).deltas,
        lossFrom: (l: number, z: Float64Array) =>
          mlpLossFromPreActivations(mlp, c.params, c.x, c.targets, l, z),
      };
    },
    options: { numRuns: 30 },
  });
  expect(await runProperty(spec)).toMatchObject({ status: 'passed', kind: 'backprop' });
});

test('checker options are validated when the spec is defined', () => {
  expect(() =>
    defineCheck({
      name: 'typo',
      input: logits,
      f: ({ x, cols }) => softmax(x, cols),
      vjp: ({ x, cols }, g) => softmaxVjp(x, g, cols),
      options: { kapa: 4 } as never,
    }),
  ).toThrow(/^defineCheck: def\.options\.kapa is not a known option \(known: numRuns, seed, .*kappa/);
});
