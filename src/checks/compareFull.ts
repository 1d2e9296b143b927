/**
 * Full mode's comparison: every Jacobian entry against the reference, each with its own bound from the
 * error model (see `errorModel.ts`). Entries where finite differences saw a kink or a jump are not
 * compared but reported; a mismatch anywhere else outranks them (a real bug must not hide behind a kink).
 */
import { DISCONTINUITY, KINK, NO_STEP } from '../oracles/finiteDifference/estimateLine.js';
import { EntryCollector } from './entries.js';
import { allowedBound, roundingBound } from './errorModel.js';
import { isNoisy, NOISY } from './noisy.js';
import type { Reference } from './reference.js';
import type { MatrixView } from './result.js';
import type { Outcome, Run } from './run.js';
import { Stop } from './stop.js';

/** Where an entry (i, j) sits and what it is called (e.g. `[2, 3]`, `J[2,3]`). */
export type Labeler = (i: number, j: number) => { readonly index: readonly number[]; readonly label: string };

/** Jacobians up to this many entries are drawn whole in `result.matrix`. */
export const MATRIX_LIMIT = 64 * 64;

/** Most located positions listed in a result. */
export const LOCATED_LIMIT = 1000;

/** Throws Stop(non-finite, derivative) at the first non-finite analytic entry. */
export function requireFinite(analytic: Float64Array, n: number, label: Labeler): void {
  for (let e = 0; e < analytic.length; e++) {
    const v = analytic[e]!;
    if (!Number.isFinite(v)) {
      throw new Stop({
        verdict: 'non-finite',
        source: 'derivative',
        index: label(Math.floor(e / n), e % n).index,
        value: v,
      });
    }
  }
}

/**
 * Compares an analytic m×n Jacobian (row-major) with the reference.
 * @example compareFull(run, fx, J, reference, (i, j) => ({ index: [i, j], label: `J[${i},${j}]` }))
 */
export function compareFull(
  run: Run,
  fx: Float64Array,
  analytic: Float64Array,
  ref: Reference,
  label: Labeler,
): Outcome {
  const m = fx.length;
  const n = analytic.length / m;
  requireFinite(analytic, n, label);
  const collector = new EntryCollector(run.opts.maxEntries);
  const allowed = new Float64Array(m * n);
  const unreliable = new Map<number, number>();
  const { rowMax, colMax } = lineMaxima(ref, m, n);
  for (let i = 0; i < m; i++) {
    const fi = Math.abs(fx[i]!) + rowMax[i]!;
    for (let j = 0; j < n; j++) {
      const e = i * n + j;
      const status = ref.status?.[e] ?? 0;
      if (status !== 0) {
        unreliable.set(j, Math.max(unreliable.get(j) ?? 0, rank(status)));
        allowed[e] = Number.NaN;
        continue;
      }
      const a = analytic[e]!;
      const o = ref.values[e]!;
      const err = ref.error[e]!;
      const scale = Math.max(Math.abs(o), rowMax[i]!, colMax[j]!);
      if (ref.sigma !== undefined && isNoisy(run.dtype, ref.sigma[i]!, Math.abs(fx[i]!), err, scale)) {
        unreliable.set(j, Math.max(unreliable.get(j) ?? 0, rank(NOISY)));
        allowed[e] = Number.NaN;
        continue;
      }
      const bound = allowedBound(
        run.opts.kappa,
        err,
        roundingBound(run.dtype, Math.abs(a) + Math.abs(o) + fi + colMax[j]!),
      );
      allowed[e] = bound;
      collector.add({ ...label(i, j), analytic: a, oracle: o, allowed: bound, oracleError: err });
    }
  }
  if (collector.failed.length > 0) {
    const located = collector.failed.slice(0, LOCATED_LIMIT);
    const notes =
      collector.failed.length > LOCATED_LIMIT ? [`(first ${LOCATED_LIMIT} positions listed.)`] : [];
    const matrix = matrixView(analytic, ref.values, allowed, m, n, located);
    return { verdict: 'mismatch', collector, located, matrix, notes };
  }
  if (unreliable.size > 0) {
    const coordinates = [...unreliable.keys()].sort((a, b) => a - b);
    const worst = Math.max(...unreliable.values());
    const reason = REASONS[worst]!;
    return { verdict: 'oracle-unreliable', collector, reason, coordinates, notes: [] };
  }
  return { verdict: 'pass', collector, notes: [] };
}

/**
 * Largest |reference entry| of every row and column (reliable entries only): the magnitudes an
 * analytic entry's formula typically combines (a row factor times a column factor, δᵢⱼ − sⱼ, …).
 */
export function lineMaxima(
  ref: Reference,
  m: number,
  n: number,
): { rowMax: Float64Array; colMax: Float64Array } {
  const rowMax = new Float64Array(m);
  const colMax = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const e = i * n + j;
      if ((ref.status?.[e] ?? 0) !== 0) continue;
      const v = Math.abs(ref.values[e]!);
      if (v > rowMax[i]!) rowMax[i] = v;
      if (v > colMax[j]!) colMax[j] = v;
    }
  }
  return { rowMax, colMax };
}

/** Orders the reasons: a jump outranks noise, which outranks a failed step, which outranks a kink. */
export function rank(status: number): number {
  if (status === DISCONTINUITY) return 4;
  if (status === NOISY) return 3;
  if (status === NO_STEP) return 2;
  return status === KINK ? 1 : 1;
}

/** Reason of an `oracle-unreliable` verdict by rank. */
export const REASONS: readonly ('kink' | 'discontinuity' | 'noise' | 'step')[] = [
  'kink',
  'kink',
  'step',
  'noise',
  'discontinuity',
];

/** The whole Jacobian when small, else the block spanned by the located entries (up to 32×32). */
export function matrixView(
  analytic: Float64Array,
  oracle: Float64Array,
  allowed: Float64Array,
  m: number,
  n: number,
  located: readonly (readonly number[])[],
): MatrixView | undefined {
  if (m * n <= MATRIX_LIMIT) {
    return {
      rows: m,
      cols: n,
      analytic: Array.from(analytic),
      oracle: Array.from(oracle),
      allowed: Array.from(allowed),
    };
  }
  const rowIndex = [...new Set(located.map((p) => (p.length >= 2 ? p[p.length - 2]! : 0)))]
    .sort((a, b) => a - b)
    .slice(0, 32);
  const colIndex = [...new Set(located.map((p) => p[p.length - 1]!))].sort((a, b) => a - b).slice(0, 32);
  if (rowIndex.length === 0 || colIndex.length === 0) return undefined;
  const pick = (src: Float64Array) => rowIndex.flatMap((i) => colIndex.map((j) => src[i * n + j]!));
  return {
    rows: rowIndex.length,
    cols: colIndex.length,
    analytic: pick(analytic),
    oracle: pick(oracle),
    allowed: pick(allowed),
    rowIndex,
    colIndex,
  };
}
