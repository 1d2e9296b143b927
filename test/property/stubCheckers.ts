/**
 * Small, honest stand-ins for the real checkers (central differences with a fixed step, a plain
 * tolerance, one-sided differences to spot kinks), so the spec layer can be tested on its own.
 * They build CheckResults with checkInvariant and relabel them, and record the calls they get.
 */
import { type CheckResult, checkInvariant, type NumericArray } from 'gradcheck';
import type { Checkers } from '../../src/property/checkers.js';

type Vec = (x: Float64Array) => NumericArray;

export interface StubLog {
  readonly seeds: number[];
  readonly modes: unknown[];
  readonly options: Record<string, unknown>[];
}

function copy(x: NumericArray): Float64Array {
  return Float64Array.from(x);
}

/** Central-difference Jacobian (rows = outputs), plus whether one-sided differences disagree. */
function jacobianFd(f: Vec, x: NumericArray): { J: number[][]; kink: number | undefined } {
  const x0 = copy(x);
  const m = f(copy(x0)).length;
  const J = Array.from({ length: m }, () => new Array<number>(x0.length).fill(0));
  let kink: number | undefined;
  const f0 = Array.from(f(copy(x0)));
  for (let j = 0; j < x0.length; j++) {
    const h = 1e-6 * Math.max(1, Math.abs(x0[j]!));
    const plus = copy(x0);
    const minus = copy(x0);
    plus[j] = x0[j]! + h;
    minus[j] = x0[j]! - h;
    const fp = Array.from(f(plus));
    const fm = Array.from(f(minus));
    for (let i = 0; i < m; i++) {
      J[i]![j] = (fp[i]! - fm[i]!) / (2 * h);
      const right = (fp[i]! - f0[i]!) / h;
      const left = (f0[i]! - fm[i]!) / h;
      if (Math.abs(right - left) > 1e-3 * Math.max(1, Math.abs(right))) kink ??= j;
    }
  }
  return { J, kink };
}

function relabel(r: CheckResult, kind: CheckResult['kind'], seed: number): CheckResult {
  return { ...r, kind, oracle: 'finite-difference', seed };
}

function unreliable(kind: CheckResult['kind'], seed: number, coordinate: number): CheckResult {
  const base = checkInvariant([0], [0], 0);
  return {
    ...base,
    kind,
    seed,
    oracle: 'finite-difference',
    verdict: 'oracle-unreliable',
    ok: false,
    reason: 'kink',
    coordinates: [coordinate],
    message: `stub: kink at x[${coordinate}]`,
  };
}

/** A cotangent / tangent from the seed: entries in {−1, −0.5, 0.5, 1, 1.5} (sums rarely 1). */
function direction(seed: number, n: number): Float64Array {
  let s = seed >>> 0 || 1;
  return Float64Array.from({ length: n }, () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return [-1, -0.5, 0.5, 1, 1.5][s % 5]!;
  });
}

const TOL = 1e-5;

export function stubCheckers(log: StubLog = { seeds: [], modes: [], options: [] }): Checkers {
  const note = (o: Record<string, unknown>) => {
    log.seeds.push(o.seed as number);
    log.modes.push(o.mode);
    log.options.push(o);
  };
  return {
    jacobian(f, jacobian, x, o) {
      note(o);
      const { J, kink } = jacobianFd(f as Vec, x);
      if (kink !== undefined) return unreliable('jacobian', o.seed as number, kink);
      const claimed = jacobian(copy(x));
      const flat =
        Array.isArray(claimed) && typeof claimed[0] !== 'number'
          ? (claimed as NumericArray[]).flatMap((r) => Array.from(r))
          : Array.from(claimed as NumericArray);
      return relabel(
        checkInvariant(flat, J.flat(), TOL, { name: 'J', cols: x.length }),
        'jacobian',
        o.seed as number,
      );
    },
    vjp(f, vjp, x, o) {
      note(o);
      const { J, kink } = jacobianFd(f as Vec, x);
      if (kink !== undefined) return unreliable('vjp', o.seed as number, kink);
      const w = direction(o.seed as number, J.length);
      const want = Array.from({ length: x.length }, (_, j) =>
        J.reduce((s, row, i) => s + row[j]! * w[i]!, 0),
      );
      return relabel(
        checkInvariant(Array.from(vjp(copy(x), w)), want, TOL, { name: 'Jᵀw' }),
        'vjp',
        o.seed as number,
      );
    },
    jvp(f, jvp, x, o) {
      note(o);
      const { J, kink } = jacobianFd(f as Vec, x);
      if (kink !== undefined) return unreliable('jvp', o.seed as number, kink);
      const t = direction(o.seed as number, x.length);
      const want = J.map((row) => row.reduce((s, v, j) => s + v * t[j]!, 0));
      return relabel(
        checkInvariant(Array.from(jvp(copy(x), t)), want, TOL, { name: 'Jt' }),
        'jvp',
        o.seed as number,
      );
    },
    gradient(f, gradient, x, o) {
      note(o);
      const { J, kink } = jacobianFd((v) => [f(v) as number], x);
      if (kink !== undefined) return unreliable('gradient', o.seed as number, kink);
      return relabel(
        checkInvariant(Array.from(gradient(copy(x))), J[0]!, TOL, { name: 'grad' }),
        'gradient',
        o.seed as number,
      );
    },
    backprop(model, o) {
      note(o);
      const m = model as { deltas: NumericArray[]; want: NumericArray[] };
      return relabel(
        checkInvariant(
          m.deltas.flatMap((d) => Array.from(d)),
          m.want.flatMap((d) => Array.from(d)),
          TOL,
        ),
        'backprop',
        o.seed as number,
      );
    },
  };
}
