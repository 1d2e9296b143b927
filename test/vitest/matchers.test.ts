import { describe, expect, test } from 'vitest';
import '../../src/vitest/setup.js';
import fc from 'fast-check';
import { checkInvariant, checkVjp, defineProperty, isGradcheckError, runProperty } from '../../src/index.js';

// The code under test: softmax of one row and its derivatives, with a buggy twin for each.
const softmax = (x: ArrayLike<number>): Float64Array => {
  const m = Math.max(...Array.from(x));
  const e = Float64Array.from(x, (v) => Math.exp(v - m));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
};
const jacobian = (x: ArrayLike<number>) => {
  const s = softmax(x);
  return Array.from(s, (si, i) => Array.from(s, (sj, j) => (i === j ? si : 0) - si * sj));
};
/** Off by a relative 1e-6 in ONE entry, J[1,0]. */
const jacobianOneEntryOff = (x: ArrayLike<number>) => {
  const J = jacobian(x);
  J[1]![0]! *= 1 + 1e-6;
  return J;
};
const vjp = (x: ArrayLike<number>, g: ArrayLike<number>) => {
  const s = softmax(x);
  const dot = s.reduce((acc, si, i) => acc + si * g[i]!, 0);
  return s.map((si, i) => si * (g[i]! - dot));
};
/** The numpy question's bug: one slot per output, the diagonal s(1 − s) only. */
const vjpDiagonalOnly = (x: ArrayLike<number>, g: ArrayLike<number>) =>
  softmax(x).map((s, i) => g[i]! * s * (1 - s));
const jvp = (x: ArrayLike<number>, t: ArrayLike<number>) => vjp(x, t); // J is symmetric
/** Uses ⟨t, 1⟩ where ⟨t, s⟩ belongs. */
const jvpSumInsteadOfDot = (x: ArrayLike<number>, t: ArrayLike<number>) => {
  const s = softmax(x);
  const sum = Array.from(t).reduce((a, b) => a + b, 0);
  return s.map((si, i) => si * (t[i]! - sum));
};
const logSumExp = (x: ArrayLike<number>) => {
  const m = Math.max(...Array.from(x));
  return m + Math.log(Array.from(x).reduce((acc, v) => acc + Math.exp(v - m), 0));
};
/** The gradient of log-sum-exp is softmax; the buggy one forgets the normalisation. */
const logSumExpGradWrong = (x: ArrayLike<number>) =>
  Float64Array.from(x, (v) => Math.exp(v - Math.max(...Array.from(x))));

const x = [0.5, -1, 2, 0.25];
const f = (v: Float64Array) => softmax(v);

describe('derivative matchers pass on correct code', () => {
  test('toMatchJacobian', () => {
    expect(f).toMatchJacobian(jacobian, x);
    expect(f).toMatchJacobian(jacobian, x, { mode: 'fast' });
  });
  test('toMatchVjp, also at logits near the overflow edge', () => {
    expect(f).toMatchVjp(vjp, x);
    expect(f).toMatchVjp(vjp, [700, 709, -3, 705]);
  });
  test('toMatchJvp', () => {
    expect(f).toMatchJvp(jvp, x);
  });
  test('toMatchGradient', () => {
    expect(logSumExp).toMatchGradient(softmax, x);
  });
  test('.not fails them', () => {
    expect(() => expect(f).not.toMatchVjp(vjp, x)).toThrowError(
      /^toMatchVjp: expected the derivative NOT to match, but the check passed \(vjp check, full mode, float64, oracle finite-difference, \d+ values compared, seed 42\)$/,
    );
  });
});

describe('derivative matchers fail on buggy code, showing the worst entries and the seed', () => {
  test('toMatchJacobian catches one entry off by 1e-6 and names it', () => {
    let message = '';
    try {
      expect(f).toMatchJacobian(jacobianOneEntryOff, x);
    } catch (e) {
      message = (e as Error).message;
    }
    const lines = message.split('\n');
    expect(lines[0]).toMatch(
      /^toMatchJacobian: the derivative does not match \(mismatch; jacobian check, full mode, float64/,
    );
    expect(message).toMatch(/worst entries:\nentry\s+analytic\s+oracle\s+\|Δ\|\s+allowed\s+margin\n/);
    const firstRow = lines[lines.findIndex((l) => l.startsWith('entry')) + 2]!;
    expect(firstRow).toMatch(/^J\[1,0\]\s/);
    expect(message).toMatch(/replay: pass \{ seed: 42 \} in the options to repeat these random choices$/);
    expect(() => expect(f).not.toMatchJacobian(jacobianOneEntryOff, x)).not.toThrow();
  });
  test('toMatchVjp catches the diagonal-only backward pass', () => {
    expect(() => expect(f).toMatchVjp(vjpDiagonalOnly, x)).toThrowError(
      /toMatchVjp: the derivative does not match \(mismatch; vjp check/,
    );
    expect(f).not.toMatchVjp(vjpDiagonalOnly, x);
  });
  test('toMatchJvp catches a sum where a dot product belongs', () => {
    expect(() => expect(f).toMatchJvp(jvpSumInsteadOfDot, x, { seed: 3 })).toThrowError(
      /replay: pass \{ seed: 3 \}/,
    );
  });
  test('toMatchGradient catches a missing normalisation', () => {
    expect(() => expect(logSumExp).toMatchGradient(logSumExpGradWrong, x)).toThrowError(
      /toMatchGradient: the derivative does not match/,
    );
  });
  test('a NaN derivative never passes', () => {
    expect(() => expect(f).toMatchVjp((v: Float64Array) => v.map(() => Number.NaN), x)).toThrowError(
      /non-finite/,
    );
  });
});

describe('toPassCheck', () => {
  test('reads CheckResults', () => {
    expect(checkVjp(f, vjp, x)).toPassCheck();
    const failed = checkVjp(f, vjpDiagonalOnly, x);
    expect(() => expect(failed).toPassCheck()).toThrowError(
      /toPassCheck: the derivative does not match \(mismatch/,
    );
    expect(failed).not.toPassCheck();
  });
  test('reads PropertyResults, with the counterexample and the replay seed and path', async () => {
    const holds = defineProperty({
      name: 'abs is non-negative',
      input: fc.integer(),
      check: (a) => checkInvariant([Math.abs(a) >= 0 ? 0 : 1], [0], 0),
      options: { numRuns: 20 },
    });
    const fails = defineProperty({
      name: 'abs is the identity',
      input: fc.integer({ min: -50, max: 50 }),
      check: (a) => checkInvariant([Math.abs(a)], [a], 0, { name: 'abs' }),
      options: { numRuns: 50, seed: 11 },
    });
    expect(await runProperty(holds)).toPassCheck();
    const failed = await runProperty(fails);
    let message = '';
    try {
      expect(failed).toPassCheck();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(
      /^property "abs is the identity" failed: mismatch after \d+ runs and \d+ shrinks\ncounterexample: -1\n/,
    );
    expect(message).toMatch(/abs\[0\]\s+1\s+-1\s+2\s+0\s+-2/);
    expect(message).toContain(
      `replay: runProperty(spec, { seed: 11, path: ${JSON.stringify(failed.path)} })`,
    );
    const held = await runProperty(holds);
    expect(() => expect(held).not.toPassCheck()).toThrowError(
      /expected property "abs is non-negative" to fail/,
    );
  });
  test('rejects values that are not results', () => {
    expect(() => expect({ ok: true }).toPassCheck()).toThrowError(
      /toPassCheck: expect\(result\) must be given a CheckResult or PropertyResult/,
    );
  });
});

test('a matcher given something other than a function throws a typed error', () => {
  let error: unknown;
  try {
    expect(42).toMatchVjp(vjp, x);
  } catch (e) {
    error = e;
  }
  expect(isGradcheckError(error, 'GC_INVALID_ARGUMENT')).toBe(true);
  expect((error as Error).message).toBe('toMatchVjp: expect(f) must be given the function f (given number)');
});

test('the matchers are typed: tsc rejects a missing point or an unknown option', () => {
  // @ts-expect-error the point x is required
  expect(() => expect(f).toMatchVjp(vjp)).toThrowError(/checkVjp/);
  // @ts-expect-error options are CheckOptions
  expect(() => expect(f).toMatchVjp(vjp, x, { tolerance: 1e-3 })).toThrowError(/tolerance/);
  // @ts-expect-error toPassCheck takes no argument
  expect(() => expect(checkVjp(f, vjp, x)).toPassCheck(1)).not.toThrow();
});
