import { expect, test } from 'vitest';
import { checkJacobian } from '../../src/checks/checkJacobian.js';
import { CHECK_OPTION_KEYS, DEFAULT_SEED, resolveCheckOptions } from '../../src/checks/options.js';
import { isGradcheckError } from '../../src/errors.js';

const f = (x: Float64Array) => x.map((v) => v * v);
const J = (x: Float64Array) => [
  [2 * x[0]!, 0],
  [0, 2 * x[1]!],
];

function rejects(options: unknown, arg: string): void {
  try {
    checkJacobian(f, J, [1, 2], options as never);
    expect.unreachable();
  } catch (e) {
    expect(isGradcheckError(e, 'GC_INVALID_OPTION')).toBe(true);
    expect((e as { arg: string }).arg).toBe(arg);
    expect((e as Error).message).toMatch(new RegExp(`^checkJacobian: ${arg.replace('.', '\\.')} must`));
  }
}

test('defaults are filled in and documented values hold', () => {
  const o = resolveCheckOptions('checkJacobian', undefined);
  expect(o).toMatchObject({ mode: 'full', seed: DEFAULT_SEED, kappa: 4, probes: 2, tangents: 'rademacher' });
  expect(o.maxEntries).toBe(20);
  expect(o.localize).toBe(true);
  expect(o.maxJacobianEntries).toBe(2 ** 22);
  expect(o.noiseFloor).toBe(0);
  expect(CHECK_OPTION_KEYS).toContain('oracle');
});

test('unknown option names are rejected, naming the option', () => {
  rejects({ moed: 'fast' }, 'options.moed');
  rejects({ atol: 1e-5 }, 'options.atol');
});

test('out-of-range and ill-typed values are rejected before any user code runs', () => {
  let calls = 0;
  const counted = (x: Float64Array) => {
    calls++;
    return f(x);
  };
  expect(() => checkJacobian(counted, J, [1, 2], { kappa: 0.5 })).toThrow();
  expect(calls).toBe(0);
  rejects({ kappa: Number.NaN }, 'options.kappa');
  rejects({ probes: 0 }, 'options.probes');
  rejects({ probes: 1.5 }, 'options.probes');
  rejects({ seed: 0.5 }, 'options.seed');
  rejects({ mode: 'quick' }, 'options.mode');
  rejects({ dtype: 'float16' }, 'options.dtype');
  rejects({ tangents: 'uniform' }, 'options.tangents');
  rejects({ maxEntries: 0 }, 'options.maxEntries');
  rejects({ maxJacobianEntries: -1 }, 'options.maxJacobianEntries');
  rejects({ step: 0 }, 'options.step');
  rejects({ maxLevels: 2 }, 'options.maxLevels');
  rejects({ localize: 'yes' }, 'options.localize');
  rejects({ noise: 'none' }, 'options.noise');
  rejects({ noiseFloor: -1e-16 }, 'options.noiseFloor');
  rejects({ noiseFloor: Number.POSITIVE_INFINITY }, 'options.noiseFloor');
  rejects({ noiseFloor: '1e-16' }, 'options.noiseFloor');
  rejects({ oracle: 'symbolic' }, 'options.oracle');
  rejects({ oracle: { jacobian: 1 } }, 'options.oracle');
  rejects('fast', 'options');
  rejects([], 'options');
});
