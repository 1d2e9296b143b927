import fc from 'fast-check';
import {
  type CheckResult,
  checkInvariant,
  defaultSeed,
  defineProperty,
  GradcheckError,
  isGradcheckError,
  logitBatches,
  runProperty,
} from 'gradcheck';
import { expect, test } from 'vitest';
import { softmax } from './toyKernels.js';

/** Rows of a naive softmax (no max shift) sum to 1: false as soon as a logit overflows exp. */
const naive = (x: Float64Array, cols: number) => {
  const e = x.map(Math.exp);
  return e.map((v, i) => v / e.subarray(i - (i % cols), i - (i % cols) + cols).reduce((a, b) => a + b, 0));
};
const rowSums = (s: Float64Array, rows: number, cols: number) =>
  Array.from({ length: rows }, (_, r) => s.subarray(r * cols, (r + 1) * cols).reduce((a, b) => a + b, 0));
const sumsToOne = (kernel: (x: Float64Array, cols: number) => Float64Array, name: string) =>
  defineProperty({
    name,
    input: logitBatches({ regimes: ['moderate', 'overflow'] }),
    check: ({ x, rows, cols }) =>
      checkInvariant(rowSums(kernel(x, cols), rows, cols), 1, cols * 2 ** -52, { name: 'row sum' }),
  });

test('a property that holds reports every run, its seed and the last check', async () => {
  const r = await runProperty(sumsToOne(softmax, 'softmax rows sum to 1'));
  expect(r).toMatchObject({
    name: 'softmax rows sum to 1',
    ok: true,
    status: 'passed',
    verdict: 'pass',
    kind: 'invariant',
    oracle: 'exact',
    dtype: 'float64',
    mode: 'full',
    numRuns: 200,
    numSkips: 0,
    numShrinks: 0,
    seed: defaultSeed('softmax rows sum to 1'),
    path: undefined,
    counterexample: undefined,
    counterexampleText: undefined,
    error: undefined,
  });
  expect(r.check?.verdict).toBe('pass');
  expect(r.durationMs).toBeGreaterThan(0);
});

test('a failing property reports the shrunk counterexample and the check on it', async () => {
  const r = await runProperty(sumsToOne(naive, 'naive softmax rows sum to 1'));
  expect(r).toMatchObject({
    ok: false,
    status: 'failed',
    verdict: 'non-finite',
    name: 'naive softmax rows sum to 1',
  });
  expect(r.counterexample).toEqual({
    x: Float64Array.from([709.7827128933841]),
    rows: 1,
    cols: 1,
    regimes: ['overflow'],
  });
  expect(r.counterexampleText).toBe(fc.stringify(r.counterexample));
  expect(r.numShrinks).toBeGreaterThan(0);
  expect(r.path).toMatch(/^\d+(:\d+)*$/);
  expect(r.check?.message).toBe("invariant 'row sum': row sum[0] is NaN (expected 1).");
  expect(r.name).not.toContain(String(r.seed));
});

test('seed and path replay the same counterexample and result', async () => {
  const spec = sumsToOne(naive, 'naive softmax, replayed');
  const first = await runProperty(spec, { seed: 1234 });
  expect(first.seed).toBe(1234);
  for (const endOnFailure of [false, true]) {
    const again = await runProperty(spec, { seed: first.seed, path: first.path, endOnFailure });
    expect(again.status).toBe('failed');
    expect(again.counterexample).toEqual(first.counterexample);
    expect(again.check?.message).toBe(first.check?.message);
    expect(again.numShrinks).toBe(0);
  }
});

test('the default seed is deterministic per name; a spec seed and then an override win', async () => {
  const make = (seed?: number) =>
    defineProperty({
      name: 'records inputs',
      input: fc.integer(),
      check: (v) => checkInvariant(v, v, 0),
      options: { numRuns: 5, ...(seed === undefined ? {} : { seed }) },
    });
  expect((await runProperty(make())).seed).toBe(defaultSeed('records inputs'));
  expect((await runProperty(make(7))).seed).toBe(7);
  expect((await runProperty(make(7), { seed: 8, numRuns: 3 })).seed).toBe(8);
  expect((await runProperty(make(7), { numRuns: 3 })).numRuns).toBe(3);
});

const unreliable = (r: CheckResult): CheckResult => ({
  ...r,
  verdict: 'oracle-unreliable',
  ok: false,
  reason: 'kink',
  coordinates: [0],
  message: 'kink at x[0]',
});

test('runs the oracle cannot decide are skipped, not failed', async () => {
  const spec = defineProperty({
    name: 'kinks now and then',
    input: fc.integer({ min: 0, max: 9 }),
    check: (v) => (v === 0 ? unreliable(checkInvariant(v, v, 0)) : checkInvariant(v, v, 0)),
    options: { numRuns: 100 },
  });
  const r = await runProperty(spec);
  expect(r.status).toBe('passed');
  expect(r.numSkips).toBeGreaterThan(0);
  expect(r.numRuns).toBe(100);
});

test('too many undecided runs fail with a clear message', async () => {
  const spec = defineProperty({
    name: 'always a kink',
    input: fc.integer({ min: 0, max: 9 }),
    check: (v) => unreliable(checkInvariant(v, v, 0)),
  });
  const r = await runProperty(spec, { numRuns: 20, maxSkips: 5 });
  expect(r).toMatchObject({
    ok: false,
    status: 'failed',
    verdict: 'oracle-unreliable',
    numSkips: 6,
    numRuns: 0,
  });
  expect(r.error?.message).toMatch(
    /too many skipped runs: the oracle could not decide \(oracle-unreliable\) on 6 inputs, more than maxSkips=5/,
  );
  expect(r.check?.verdict).toBe('oracle-unreliable');
  expect(r.counterexample).toEqual(expect.any(Number));
  const strict = await runProperty(spec, { numRuns: 20, maxSkips: 0 });
  expect(strict.numSkips).toBe(1);
});

test('an error thrown by the spec is an error result with its code, on a shrunk input', async () => {
  const spec = defineProperty({
    name: 'throws on big inputs',
    input: fc.integer({ min: 0, max: 1000 }),
    check: (v) => {
      if (v >= 10) throw new GradcheckError('GC_FUNCTION_THREW', 'f', `f threw at ${v}`);
      return checkInvariant(v, v, 0);
    },
  });
  const r = await runProperty(spec);
  expect(r).toMatchObject({ ok: false, status: 'error', verdict: 'error', counterexample: 10 });
  expect(r.error).toMatchObject({ code: 'GC_FUNCTION_THREW', message: 'f: f threw at 10' });
  expect(r.error?.stack).toMatch(/GradcheckError/);
  const plain = defineProperty({
    name: 'TypeError',
    input: fc.constant(null),
    check: (v) => (v as unknown as { a: { b: number } }).a.b as never,
  });
  const e = await runProperty(plain);
  expect(e.status).toBe('error');
  expect(e.error?.code).toBeUndefined();
  expect(e.error?.message).toMatch(/Cannot read properties of null/);
});

test('a check that returns something else than a CheckResult is an error', async () => {
  const spec = defineProperty({ name: 'returns true', input: fc.constant(1), check: () => true as never });
  const r = await runProperty(spec);
  expect(r.status).toBe('error');
  expect(r.error?.message).toMatch(/spec 'returns true' must return a CheckResult \(given boolean\)/);
});

test('async checks are awaited, and a time budget ends a slow property with an error', async () => {
  const spec = defineProperty({
    name: 'slow and async',
    input: fc.integer({ min: 0, max: 3 }),
    check: async (v) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return checkInvariant(v, v, 0);
    },
  });
  expect((await runProperty(spec, { numRuns: 3 })).status).toBe('passed');
  const r = await runProperty(spec, { numRuns: 1000, timeoutMs: 40 });
  expect(r.status).toBe('error');
  expect(r.error?.message).toMatch(/^timed out: the 40 ms budget ran out after \d+ of 1000 runs/);
});

test('results report float32, or mixed when runs differ', async () => {
  const spec = defineProperty({
    name: 'dtypes',
    input: fc.boolean(),
    check: (b) => checkInvariant(b ? Float32Array.of(1) : Float64Array.of(1), 1, 0),
    options: { numRuns: 30 },
  });
  expect((await runProperty(spec)).dtype).toBe('mixed');
  const f32 = defineProperty({
    name: 'f32',
    input: fc.constant(0),
    check: () => checkInvariant(Float32Array.of(1), 1, 0),
  });
  expect((await runProperty(f32, { numRuns: 2 })).dtype).toBe('float32');
});

test('bad specs and overrides are refused with GradcheckErrors', async () => {
  const spec = sumsToOne(softmax, 'x');
  const cases: [unknown, unknown, string, RegExp][] = [
    [
      { name: 'fake' },
      undefined,
      'GC_INVALID_ARGUMENT',
      /^runProperty: spec must be made by defineCheck or defineProperty/,
    ],
    [
      spec,
      { numRuns: 0 },
      'GC_INVALID_OPTION',
      /overrides\.numRuns must be an integer in \[1, 10000000\] \(given 0\)/,
    ],
    [spec, { seed: 2 ** 40 }, 'GC_INVALID_OPTION', /overrides\.seed/],
    [spec, { path: 'abc' }, 'GC_INVALID_OPTION', /overrides\.path must look like "12:3:0" \(given "abc"\)/],
    [spec, { runs: 5 }, 'GC_INVALID_OPTION', /overrides\.runs is not a known option/],
    [spec, { mode: 'slow' }, 'GC_INVALID_OPTION', /overrides\.mode must be 'full' or 'fast'/],
    [spec, { timeoutMs: -1 }, 'GC_INVALID_OPTION', /overrides\.timeoutMs/],
  ];
  for (const [s, o, code, message] of cases) {
    const e = await runProperty(s as never, o as never).catch((error: unknown) => error);
    expect(isGradcheckError(e, code as never), String(message)).toBe(true);
    expect((e as Error).message).toMatch(message);
  }
});

test('the source override is copied into the result for replay commands', async () => {
  const r = await runProperty(sumsToOne(softmax, 'with source'), {
    numRuns: 2,
    source: 'specs/softmax.spec.ts',
  });
  expect(r.source).toBe('specs/softmax.spec.ts');
});
