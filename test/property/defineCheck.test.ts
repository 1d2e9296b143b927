import fc from 'fast-check';
import {
  cotangents,
  type GradcheckError,
  isGradcheckError,
  logitBatches,
  logitVectors,
  runProperty,
  withFields,
} from 'gradcheck';
import { expect, test } from 'vitest';
import { makeCheckSpec } from '../../src/property/makeCheckSpec.js';
import { type StubLog, stubCheckers } from './stubCheckers.js';
import { logSoftmax, logSoftmaxVjp, softmax, softmaxJacobian, softmaxVjp } from './toyKernels.js';

const input = logitBatches({ regimes: ['moderate'], range: 3, maxCols: 5, maxRows: 3 });

test('a correct Jacobian passes every run; the seed’s wrong one fails on a small batch', async () => {
  const checkers = stubCheckers();
  const good = makeCheckSpec(
    {
      name: 'softmax jacobian',
      input,
      f: ({ x, cols }) => softmax(x, cols),
      jacobian: ({ x, cols }) => softmaxJacobian(x, cols),
    },
    checkers,
  );
  const ok = await runProperty(good);
  expect(ok).toMatchObject({ status: 'passed', verdict: 'pass', kind: 'jacobian', numRuns: 200 });
  const bad = makeCheckSpec(
    {
      name: 'softmax jacobian using the input',
      input,
      f: ({ x, cols }) => softmax(x, cols),
      jacobian: ({ x, cols }) => softmaxJacobian(x, cols, true),
    },
    checkers,
  );
  const r = await runProperty(bad);
  expect(r).toMatchObject({ status: 'failed', verdict: 'mismatch', kind: 'jacobian' });
  expect(r.counterexample).toMatchObject({ rows: 1, cols: 1 });
  expect(r.check?.ok).toBe(false);
});

test('callbacks see the whole input with the checker’s copy of the point', async () => {
  const seen: unknown[] = [];
  const spec = makeCheckSpec(
    {
      name: 'sees cols and a copy',
      input: logitVectors({ maxCols: 3 }),
      f: (v) => {
        seen.push(v);
        return softmax(v.x, v.cols);
      },
      jacobian: ({ x, cols }) => softmaxJacobian(x, cols),
      options: { numRuns: 3 },
    },
    stubCheckers(),
  );
  await runProperty(spec);
  for (const v of seen)
    expect(v).toMatchObject({ rows: 1, cols: expect.any(Number), regimes: expect.any(Array) });
});

test('a VJP reducing with Σg instead of ⟨g, s⟩ is caught with a shrunk counterexample', async () => {
  const spec = (sumG: boolean) =>
    makeCheckSpec(
      {
        name: `softmax vjp ${sumG}`,
        input,
        f: ({ x, cols }) => softmax(x, cols),
        vjp: ({ x, cols }, g) => softmaxVjp(x, g, cols, sumG),
      },
      stubCheckers(),
    );
  expect((await runProperty(spec(false))).status).toBe('passed');
  const r = await runProperty(spec(true));
  expect(r.status).toBe('failed');
  expect(r.counterexample).toMatchObject({ rows: 1, cols: 2 });
  expect(r.counterexampleText).toMatch(/^\{"x":Float64Array\.from\(\[/);
});

test('generated cotangents find a log-softmax VJP that assumes Σg = 1', async () => {
  const withG = withFields(input, (b) => ({ g: cotangents(b) }));
  const spec = (assume: boolean) =>
    makeCheckSpec(
      {
        name: `log-softmax vjp ${assume}`,
        input: withG,
        f: ({ x, cols }) => logSoftmax(x, cols),
        vjp: ({ x, cols }, g) => logSoftmaxVjp(x, g, cols, assume),
        cotangent: ({ g }) => g,
      },
      stubCheckers(),
    );
  const ok = await runProperty(spec(false));
  expect(ok).toMatchObject({ status: 'passed', kind: 'vjp' });
  const r = await runProperty(spec(true));
  expect(r).toMatchObject({ status: 'failed', verdict: 'mismatch', kind: 'vjp' });
  expect(r.check?.kind).toBe('vjp');
  expect(r.check?.entries[0]?.label).toMatch(/^Jᵀv\[/);
  expect(r.check?.message).toMatch(/^VJP along the generated cotangent/);
  const g = (r.counterexample as { g: Float64Array }).g;
  expect(g.reduce((a, b) => a + b, 0)).not.toBe(1);
});

test('JVP and gradient specs dispatch to their checkers', async () => {
  const log: StubLog = { seeds: [], modes: [], options: [] };
  const checkers = stubCheckers(log);
  const jvp = makeCheckSpec(
    {
      name: 'softmax jvp',
      input,
      f: ({ x, cols }) => softmax(x, cols),
      jvp: ({ x, cols }, t) => softmaxVjp(x, t, cols),
      options: { numRuns: 30 },
    },
    checkers,
  );
  expect(await runProperty(jvp)).toMatchObject({ status: 'passed', kind: 'jvp', numRuns: 30 });
  const sumSq = makeCheckSpec(
    {
      name: 'sum of squares',
      input: fc.array(fc.integer({ min: -9, max: 9 }), { minLength: 1, maxLength: 4 }),
      f: (x) => x.reduce((s, v) => s + v * v, 0),
      gradient: (x) => x.map((v) => 2 * v),
      options: { numRuns: 30 },
    },
    checkers,
  );
  expect(await runProperty(sumSq)).toMatchObject({ status: 'passed', kind: 'gradient' });
  const wrong = makeCheckSpec(
    {
      name: 'sum of squares, wrong gradient',
      input: fc.array(fc.integer({ min: -9, max: 9 }), { minLength: 1, maxLength: 4 }),
      f: (x) => x.reduce((s, v) => s + v * v, 0),
      gradient: (x) => x.map((v) => v),
    },
    checkers,
  );
  const r = await runProperty(wrong);
  expect(r.status).toBe('failed');
  expect((r.counterexample as number[]).map(Math.abs)).toEqual([1]);
});

test('point names the key of the point; other fields ride along', async () => {
  const spec = makeCheckSpec(
    {
      name: 'weights gradient',
      input: fc.record({
        w: fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 3, maxLength: 3 }),
        scale: fc.integer({ min: 1, max: 3 }),
      }),
      point: 'w',
      f: ({ w, scale }) => scale * w.reduce((s, v) => s + v * v, 0),
      gradient: ({ w, scale }) => w.map((v) => 2 * scale * v),
      options: { numRuns: 20 },
    },
    stubCheckers(),
  );
  expect((await runProperty(spec)).status).toBe('passed');
});

test('each run hands the checker its own seed; options and the mode override reach it', async () => {
  const spec = (log: StubLog) =>
    makeCheckSpec(
      {
        name: 'seeds',
        input,
        f: ({ x, cols }) => softmax(x, cols),
        vjp: ({ x, cols }, g) => softmaxVjp(x, g, cols),
        options: { numRuns: 20, kappa: 8, mode: 'full' },
      },
      stubCheckers(log),
    );
  const log: StubLog = { seeds: [], modes: [], options: [] };
  await runProperty(spec(log), { mode: 'fast' });
  expect(new Set(log.seeds).size).toBeGreaterThan(15);
  expect(log.modes.every((m) => m === 'fast')).toBe(true);
  expect(log.options[0]).toMatchObject({ kappa: 8 });
  expect(log.options[0]).not.toHaveProperty('numRuns');
  const again: StubLog = { seeds: [], modes: [], options: [] };
  await runProperty(spec(again));
  expect(again.seeds).toEqual(log.seeds);
  expect(again.modes.every((m) => m === 'full')).toBe(true);
});

test('an input without the point is an error result naming the fix', async () => {
  const spec = makeCheckSpec(
    {
      name: 'no point',
      input: fc.record({ logits: fc.constant([1, 2]) }),
      f: ({ logits }) => logits,
      jacobian: () => [
        [1, 0],
        [0, 1],
      ],
    },
    stubCheckers(),
  );
  const r = await runProperty(spec);
  expect(r).toMatchObject({ status: 'error', verdict: 'error', error: { code: 'GC_INVALID_ARGUMENT' } });
  expect(r.error?.message).toMatch(
    /input\.x must be a number\[\], Float64Array or Float32Array in spec 'no point'.*set def\.point/,
  );
});

test('definitions are validated when defined', () => {
  const base = { name: 'x', input, f: ({ x, cols }: { x: Float64Array; cols: number }) => softmax(x, cols) };
  const cases: [unknown, string, RegExp][] = [
    [
      { ...base },
      'GC_INVALID_ARGUMENT',
      /def must have exactly one of jacobian, vjp, jvp, gradient, backprop \(given none\)/,
    ],
    [{ ...base, jacobian: () => [], vjp: () => [] }, 'GC_INVALID_ARGUMENT', /\(given jacobian, vjp\)/],
    [{ ...base, f: undefined, jacobian: () => [] }, 'GC_INVALID_ARGUMENT', /def\.f must be a function/],
    [
      { ...base, name: '', jacobian: () => [] },
      'GC_INVALID_ARGUMENT',
      /def\.name must be a non-empty string/,
    ],
    [
      { ...base, input: [1, 2], jacobian: () => [] },
      'GC_INVALID_ARGUMENT',
      /def\.input must be a fast-check arbitrary/,
    ],
    [
      { ...base, jacobian: () => [], cotangent: () => [] },
      'GC_INVALID_ARGUMENT',
      /def\.cotangent only applies to vjp/,
    ],
    [{ ...base, jacobian: () => [], extra: 1 }, 'GC_INVALID_OPTION', /def\.extra is not a known option/],
    [
      { ...base, jacobian: () => [], options: { numRuns: 0 } },
      'GC_INVALID_OPTION',
      /def\.options\.numRuns must be an integer/,
    ],
    [{ ...base, jacobian: () => [], options: { seed: 0.5 } }, 'GC_INVALID_OPTION', /def\.options\.seed/],
  ];
  for (const [def, code, message] of cases) {
    let caught: unknown;
    try {
      makeCheckSpec(def as never, stubCheckers());
    } catch (e) {
      caught = e;
    }
    expect(isGradcheckError(caught, code as GradcheckError['code']), String(message)).toBe(true);
    expect((caught as Error).message).toMatch(/^defineCheck: /);
    expect((caught as Error).message).toMatch(message);
  }
});
