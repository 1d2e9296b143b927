/**
 * Hand-built PropertyResults for the report tests, computed here from first principles (softmax and
 * its Jacobian diag(s) − s sᵀ in float64, a deterministic noise source standing in for the
 * finite-difference error): passes, mismatches with and without a MatrixView, a non-finite, an
 * oracle-unreliable, an error with a code, a vacuous pass, float32 and float64, huge, NaN and
 * ±Infinity values, and names with `<script>`, quotes, `&`, `|` and backticks.
 */
import type { CheckResult, Entry, MatrixView, PropertyResult } from 'gradcheck';

/** A name that must come out escaped everywhere. */
export const EVIL_NAME = `<script>window.__pwned = 1; alert(1)</script> "quoted" & 'apos' | pipe \`tick\``;

/** Deterministic noise in [-1, 1) (a 32-bit LCG), so fixtures are reproducible. */
function noise(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  };
}

function softmax(x: readonly number[]): number[] {
  const m = Math.max(...x);
  const e = x.map((v) => Math.exp(v - m));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** diag(s) − s sᵀ, row-major. */
export function softmaxJacobian(x: readonly number[]): number[] {
  const s = softmax(x);
  return s.flatMap((si, i) => s.map((sj, j) => si * ((i === j ? 1 : 0) - sj)));
}

/** Entries from analytic/oracle/allowed/oracleError, sorted worst first as the checker does. */
export function entriesOf(
  analytic: readonly number[],
  oracle: readonly number[],
  allowed: readonly number[],
  oracleError: readonly number[],
  label: (k: number) => { index: number[]; label: string },
): Entry[] {
  const entries = analytic.map((a, k) => {
    const absDiff = Math.abs(a - oracle[k]!);
    return {
      ...label(k),
      analytic: a,
      oracle: oracle[k]!,
      absDiff,
      allowed: allowed[k]!,
      margin: allowed[k]! - absDiff,
      oracleError: oracleError[k]!,
    };
  });
  const score = (e: Entry) => (Number.isNaN(e.absDiff) ? Number.POSITIVE_INFINITY : e.absDiff / e.allowed);
  return entries.sort((a, b) => score(b) - score(a));
}

const common = {
  mode: 'full' as const,
  oracle: 'finite-difference' as const,
  evaluations: { function: 41, derivative: 1 },
  durationMs: 3.5,
};

function result(overrides: Partial<PropertyResult> & Pick<PropertyResult, 'name'>): PropertyResult {
  return {
    ok: true,
    status: 'passed',
    verdict: 'pass',
    kind: 'jacobian',
    mode: 'full',
    dtype: 'float64',
    oracle: 'finite-difference',
    seed: 1234567,
    path: undefined,
    numRuns: 100,
    numSkips: 0,
    numShrinks: 0,
    counterexample: undefined,
    counterexampleText: undefined,
    check: undefined,
    error: undefined,
    durationMs: 120.25,
    source: 'specs/softmax.spec.ts',
    ...overrides,
  };
}

/** A 5×5 softmax Jacobian with one entry off by 1e-7 relative: one red cell among greens. */
export function oneWrongEntry(): PropertyResult {
  const x = [0.5, -1.25, 2, 0, 3.75];
  const truth = softmaxJacobian(x);
  const rnd = noise(7);
  const oracleError = truth.map(() => 1e-12);
  const oracle = truth.map((v, k) => v + oracleError[k]! * rnd() * 10 ** (-3 * Math.abs(rnd())));
  const analytic = truth.map((v, k) => (k === 2 * 5 + 1 ? v * (1 + 1e-7) : v));
  const allowed = truth.map((v, k) => 4 * (oracleError[k]! + 2 ** -53 * 8 * Math.abs(v)));
  const matrix: MatrixView = { rows: 5, cols: 5, analytic, oracle, allowed };
  const entries = entriesOf(analytic, oracle, allowed, oracleError, (k) => ({
    index: [Math.floor(k / 5), k % 5],
    label: `J[${Math.floor(k / 5)},${k % 5}]`,
  })).slice(0, 10);
  const check: CheckResult = {
    ...common,
    kind: 'jacobian',
    dtype: 'float64',
    seed: 42,
    inputSize: 5,
    outputSize: 5,
    compared: 25,
    entries,
    message:
      'J[2,1] differs from the finite-difference Jacobian by 1e-7 relative (1 of 25 entries); replay with seed 42, path "17:0".',
    verdict: 'mismatch',
    ok: false,
    located: [[2, 1]],
    matrix,
  };
  return result({
    name: 'softmax jacobian (float64)',
    ok: false,
    status: 'failed',
    verdict: 'mismatch',
    seed: 42,
    path: '17:0',
    numRuns: 18,
    numShrinks: 4,
    counterexample: [new Float64Array(x)],
    counterexampleText: `[Float64Array.from([${x.join(',')}])]`,
    check,
  });
}

/** The classic bug: the backward pass uses x where s belongs, on logits up to 1000 (huge values). */
export function xWhereSBelongs(): PropertyResult {
  const x = [1000, 998, 0.5, -3];
  const n = x.length;
  const oracle = softmaxJacobian(x);
  const analytic = x.flatMap((xi, i) => x.map((xj, j) => xi * ((i === j ? 1 : 0) - xj)));
  const oracleError = oracle.map((v) => 1e-13 + 1e-10 * Math.abs(v));
  const allowed = oracle.map((v, k) => 4 * (oracleError[k]! + 2 ** -53 * 4 * Math.abs(v)));
  const entries = entriesOf(analytic, oracle, allowed, oracleError, (k) => ({
    index: [Math.floor(k / n), k % n],
    label: `J[${Math.floor(k / n)},${k % n}]`,
  })).slice(0, 8);
  const check: CheckResult = {
    ...common,
    kind: 'vjp',
    dtype: 'float64',
    seed: -99,
    inputSize: n,
    outputSize: n,
    compared: n * n,
    entries,
    message:
      'The VJP disagrees with the Jacobian from finite differences in 16 of 16 entries.\nWorst: J[0,0].',
    verdict: 'mismatch',
    ok: false,
    located: Array.from({ length: n * n }, (_, k) => [Math.floor(k / n), k % n]),
    matrix: { rows: n, cols: n, analytic, oracle, allowed, rowIndex: [0, 1, 2, 3], colIndex: [0, 1, 2, 3] },
  };
  return result({
    name: 'softmax vjp: uses x where s belongs',
    kind: 'vjp',
    ok: false,
    status: 'failed',
    verdict: 'mismatch',
    seed: -99,
    path: '0:3:1:1',
    numRuns: 1,
    numShrinks: 7,
    counterexample: [new Float64Array(x), new Float64Array([1, 0, 0, 0])],
    counterexampleText: '[Float64Array.from([1000,998,0.5,-3]),Float64Array.from([1,0,0,0])]',
    check,
  });
}

/** A gradient bug without a matrix (a strip of entries), under the evil name. */
export function evilGradient(): PropertyResult {
  const n = 8;
  const rnd = noise(3);
  const oracle = Array.from({ length: n }, () => rnd());
  const oracleError = oracle.map(() => 2e-11);
  const analytic = oracle.map((v, k) => (k === 5 ? v + 3e-6 : k === 2 ? v * 2 : v + 1e-12 * rnd()));
  const allowed = oracle.map(() => 1e-10);
  const entries = entriesOf(analytic, oracle, allowed, oracleError, (k) => ({
    index: [k],
    label: `grad[${k}]`,
  }));
  const check: CheckResult = {
    ...common,
    kind: 'gradient',
    dtype: 'float64',
    seed: 5,
    inputSize: n,
    outputSize: 1,
    compared: n,
    entries,
    message: `grad[2] is twice the finite-difference value <b>bold</b> & "more" | \`code\``,
    verdict: 'mismatch',
    ok: false,
    located: [[2], [5]],
  };
  return result({
    name: EVIL_NAME,
    kind: 'gradient',
    ok: false,
    status: 'failed',
    verdict: 'mismatch',
    seed: 5,
    path: '2',
    numRuns: 3,
    numShrinks: 2,
    source: `specs/it's "evil".spec.ts`,
    counterexample: [
      { type: '<img src=x onerror=alert(2)>', values: [1, 'NaN', -0] },
      'NaN',
      `</pre><script>alert(3)</script>`,
    ],
    counterexampleText: undefined,
    check,
  });
}

/** Naive softmax overflowing in float32 at logits 100: NaN from the function. */
export function nonFinite(): PropertyResult {
  const check: CheckResult = {
    ...common,
    kind: 'jacobian',
    dtype: 'float32',
    seed: 11,
    inputSize: 3,
    outputSize: 3,
    compared: 1,
    entries: [
      {
        index: [0, 0],
        label: 'J[0,0]',
        analytic: Number.NaN,
        oracle: 0.25,
        absDiff: Number.NaN,
        allowed: 1e-3,
        margin: Number.NaN,
        oracleError: 1e-5,
      },
    ],
    message: 'f returned NaN at [0] for logits up to 100 (exp overflows in float32).',
    verdict: 'non-finite',
    ok: false,
    source: 'function',
    index: [0],
    value: Number.NaN,
  };
  return result({
    name: 'naive softmax (float32)',
    dtype: 'float32',
    ok: false,
    status: 'failed',
    verdict: 'non-finite',
    seed: 11,
    path: '0',
    numRuns: 1,
    counterexample: [new Float32Array([100, 90, 0])],
    counterexampleText: '[Float32Array.from([100,90,0])]',
    check,
  });
}

/** ReLU at its kink: the oracle cannot decide. */
export function kink(): PropertyResult {
  const check: CheckResult = {
    ...common,
    kind: 'gradient',
    dtype: 'float64',
    seed: 3,
    inputSize: 4,
    outputSize: 1,
    compared: 4,
    entries: [],
    message: 'One-sided differences disagree at x[1] = 0 (a kink).',
    verdict: 'oracle-unreliable',
    ok: false,
    reason: 'kink',
    coordinates: [1],
  };
  return result({
    name: 'relu gradient at 0',
    kind: 'gradient',
    ok: false,
    status: 'failed',
    verdict: 'oracle-unreliable',
    seed: 3,
    path: '1:0',
    numRuns: 12,
    numSkips: 4,
    counterexample: [[0.5, 0, -0, -2]],
    counterexampleText: '[[0.5,0,-0,-2]]',
    check,
  });
}

/** A property that could not run: the derivative threw. */
export function errored(): PropertyResult {
  return result({
    name: 'mlp backprop (float32)',
    kind: 'backprop',
    dtype: 'float32',
    ok: false,
    status: 'error',
    verdict: 'error',
    seed: 8,
    numRuns: 0,
    error: {
      message:
        "checkBackprop: backward threw (TypeError: Cannot read properties of undefined (reading 'length'))",
      code: 'GC_FUNCTION_THREW',
      stack:
        'TypeError: Cannot read properties of undefined\n    at backward (specs/mlp.spec.ts:12:7)\n    at <anonymous>',
    },
    source: 'specs/mlp.spec.ts',
  });
}

/** A pass that kept its last check result. */
export function passed(dtype: 'float64' | 'float32' = 'float64'): PropertyResult {
  const check: CheckResult = {
    ...common,
    kind: 'jacobian',
    dtype,
    seed: 77,
    inputSize: 3,
    outputSize: 3,
    compared: 9,
    entries: [
      {
        index: [0, 0],
        label: 'J[0,0]',
        analytic: 0.25,
        oracle: 0.25,
        absDiff: 0,
        allowed: 1e-12,
        margin: 1e-12,
        oracleError: 1e-13,
      },
    ],
    message: 'All 9 entries agree.',
    verdict: 'pass',
    ok: true,
  };
  return result({ name: `logSoftmax jacobian (${dtype})`, dtype, seed: 77, numRuns: 200, check });
}

/** A pass where every input was discarded: nothing verified (shown as skipped). */
export function vacuous(): PropertyResult {
  return result({
    name: 'relu gradient away from kinks',
    kind: 'gradient',
    numRuns: 0,
    numSkips: 100,
    source: 'builtin',
  });
}

export function mutated(): PropertyResult {
  const check: CheckResult = {
    ...common,
    kind: 'jvp',
    dtype: 'float32',
    seed: 9,
    inputSize: 3,
    outputSize: 3,
    compared: 0,
    entries: [],
    message: 'The JVP wrote into x: x[1] changed from 1.5 to 0.',
    verdict: 'argument-mutated',
    ok: false,
    source: 'derivative',
    index: 1,
    before: 1.5,
    after: 0,
  };
  return result({
    name: 'in-place jvp',
    kind: 'jvp',
    dtype: 'float32',
    ok: false,
    status: 'failed',
    verdict: 'argument-mutated',
    seed: 9,
    path: '0',
    numRuns: 1,
    check,
    counterexample: [new Float32Array([1, 1.5, -2])],
    counterexampleText: undefined,
    source: 'builtin',
  });
}

export function nondeterministic(): PropertyResult {
  const check: CheckResult = {
    ...common,
    kind: 'jacobian',
    dtype: 'float64',
    seed: 10,
    inputSize: 2,
    outputSize: 2,
    compared: 0,
    entries: [],
    message: 'f returned different values for the same input.',
    verdict: 'nondeterministic',
    ok: false,
    source: 'function',
    durationMs: Number.POSITIVE_INFINITY,
  };
  return result({
    name: 'dropout jacobian',
    ok: false,
    status: 'failed',
    verdict: 'nondeterministic',
    seed: 10,
    path: '0',
    numRuns: 1,
    check,
    counterexample: [new Float64Array([Number.MAX_VALUE, -Number.MAX_VALUE]), new Int32Array([3, -4])],
    counterexampleText: undefined,
  });
}

/** Infinity and huge values in the entries. */
export function overflow(): PropertyResult {
  const check: CheckResult = {
    ...common,
    kind: 'jacobian',
    dtype: 'float64',
    seed: 12,
    inputSize: 2,
    outputSize: 2,
    compared: 4,
    entries: [
      {
        index: [1, 0],
        label: 'J[1,0]',
        analytic: Number.POSITIVE_INFINITY,
        oracle: 1e308,
        absDiff: Number.POSITIVE_INFINITY,
        allowed: 1e295,
        margin: Number.NEGATIVE_INFINITY,
        oracleError: 1e290,
      },
      {
        index: [0, 1],
        label: 'J[0,1]',
        analytic: -1.7976931348623157e308,
        oracle: -1.7976931348623157e308,
        absDiff: 0,
        allowed: 1e295,
        margin: 1e295,
        oracleError: 1e290,
      },
    ],
    message: 'J[1,0] overflowed to Infinity.',
    verdict: 'mismatch',
    ok: false,
    located: [[1, 0]],
  };
  return result({
    name: 'exp jacobian near overflow',
    ok: false,
    status: 'failed',
    verdict: 'mismatch',
    seed: 12,
    path: '0',
    numRuns: 1,
    check,
    counterexample: [new Float64Array([709.5, -745.2])],
  });
}

/** Every fixture, in a fixed order. */
export function allResults(): PropertyResult[] {
  return [
    passed('float64'),
    passed('float32'),
    oneWrongEntry(),
    xWhereSBelongs(),
    evilGradient(),
    nonFinite(),
    kink(),
    errored(),
    vacuous(),
    mutated(),
    nondeterministic(),
    overflow(),
  ];
}
