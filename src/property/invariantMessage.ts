/** The one-paragraph messages of invariant results. Internal to checkInvariant. */
import type { Entry } from '../checks/result.js';

const num = (v: number) =>
  Number.isFinite(v) && v !== 0 ? v.toPrecision(6).replace(/\.?0+(e|$)/, '$1') : String(v);

export function invariantMessage(name: string, all: readonly Entry[], failing: readonly Entry[]) {
  const worst = all[0]!;
  const detail = (x: Entry) =>
    `${x.label}: actual ${x.analytic}, expected ${x.oracle}, |Δ| = ${num(x.absDiff)}, allowed ${num(x.allowed)}`;
  return {
    pass: () =>
      `invariant '${name}' holds on ${all.length} value${all.length === 1 ? '' : 's'}; worst ${detail(worst)}.`,
    mismatch: () =>
      `invariant '${name}' fails on ${failing.length} of ${all.length} values; worst ${detail(failing[0]!)}.`,
    nonFinite: (x: Entry, source: 'function' | 'oracle') =>
      source === 'oracle'
        ? `invariant '${name}': the expected value of ${x.label} is NaN.`
        : `invariant '${name}': ${x.label} is ${x.analytic} (expected ${x.oracle}).`,
  };
}
