/**
 * Derivatives on the special rows of the softmax family, following the forward conventions (s = NaN on
 * a row holding NaN, s = 1/c on its c +Infinity entries and 0 elsewhere, s = 0 on a fully masked row):
 * on such rows the VJP and JVP of softmax and log-softmax are gᵀJ and J t of the kernel's own Jacobian
 * (J = diag(s) − s sᵀ, J = I − 1 sᵀ), within 8 ulps of the magnitudes Σ|gᵢJᵢⱼ| they combine, and a NaN
 * spoils only its own row: it is NaN throughout, and every other row is bit for bit what it is with
 * the NaN row zeroed.
 */
import fc from 'fast-check';
import {
  checkInvariant,
  type DType,
  defineProperty,
  type FloatArray,
  type GradSpec,
  logitBatches,
  UNIT_ROUNDOFF,
} from 'gradcheck';
import { LOG_SOFTMAX, type RowwiseImpl, SOFTMAX } from '../support/impls.js';
import { allOf, same } from '../support/rows.js';
import { BATCH_COLS, BATCH_ROWS, DERIVATIVE_REGIMES, RUNS } from '../support/settings.js';

type Kind = 'finite' | 'nan' | 'inf' | 'masked';

/** A passing result for a facet with nothing to compare on this input (no row of that kind). */
const none = (name: string, dtype: DType) =>
  checkInvariant([1], 1, 0, { name: `${name}: no row of this kind`, dtype });

const input = (dtype: DType) =>
  fc.record({
    batch: logitBatches({ maxRows: BATCH_ROWS, maxCols: BATCH_COLS, dtype, regimes: DERIVATIVE_REGIMES }),
    kinds: fc.array(fc.constantFrom<Kind>('nan', 'inf', 'masked', 'finite'), {
      minLength: BATCH_ROWS,
      maxLength: BATCH_ROWS,
    }),
    spots: fc.array(fc.nat(), { minLength: BATCH_COLS, maxLength: BATCH_COLS }),
    g: fc.array(fc.integer({ min: -8, max: 8 }), {
      minLength: BATCH_ROWS * BATCH_COLS,
      maxLength: BATCH_ROWS * BATCH_COLS,
    }),
  });

/** The kernels' VJP and JVP on special rows against their own Jacobian, and NaN kept to its row. */
export function specialRowDerivativesSpec(
  dtype: DType,
  soft: RowwiseImpl = SOFTMAX,
  log: RowwiseImpl = LOG_SOFTMAX,
): GradSpec {
  return defineProperty({
    name: `derivatives on NaN, +Infinity and fully masked rows (${dtype})`,
    input: input(dtype),
    dtype,
    options: { numRuns: RUNS },
    check: ({ batch: { x: x0, rows, cols }, kinds, spots, g: gInts }) => {
      const x = x0.slice() as FloatArray;
      const kind = (r: number) => kinds[r]!;
      for (let r = 0; r < rows; r++) {
        const o = r * cols;
        if (kind(r) === 'nan') x[o + (spots[r]! % cols)] = Number.NaN;
        if (kind(r) === 'masked') x.fill(Number.NEGATIVE_INFINITY, o, o + cols);
        if (kind(r) === 'inf')
          for (let j = 0; j < cols; j++)
            if (j === spots[r]! % cols || spots[j]! % 2 === 0) x[o + j] = Number.POSITIVE_INFINITY;
      }
      const v = x.slice() as FloatArray;
      for (let i = 0; i < v.length; i++) v[i] = gInts[i]! / 4;
      const zeroed = x.slice() as FloatArray;
      for (let r = 0; r < rows; r++) if (kind(r) === 'nan') zeroed.fill(0, r * cols, (r + 1) * cols);
      const u = 8 * UNIT_ROUNDOFF[dtype];

      /** The product against gᵀJ (transpose) or J t of the kernel's own Jacobian J, on the special rows. */
      const agrees = (name: string, J: FloatArray, got: FloatArray, transpose: boolean) => () => {
        const actual: number[] = [];
        const expected: number[] = [];
        const allowed: number[] = [];
        for (let r = 0; r < rows; r++) {
          if (kind(r) === 'finite' || kind(r) === 'nan') continue;
          const o = r * cols;
          const b = r * cols * cols;
          for (let j = 0; j < cols; j++) {
            let sum = 0;
            let mag = 0;
            for (let i = 0; i < cols; i++) {
              const term = transpose ? v[o + i]! * J[b + i * cols + j]! : J[b + j * cols + i]! * v[o + i]!;
              sum += term;
              mag += Math.abs(term);
            }
            actual.push(got[o + j]!);
            expected.push(sum);
            allowed.push(u * mag + 2 ** -1022);
          }
        }
        if (actual.length === 0) return none(name, dtype);
        return checkInvariant(actual, expected, allowed, {
          name: `${name} = ${transpose ? 'gᵀJ' : 'J t'}`,
          dtype,
        });
      };
      /** Every entry of a row holding NaN is NaN. */
      const nanRows = (name: string, got: FloatArray) => () => {
        const facts = Array.from(got)
          .filter((_, i) => kind(Math.floor(i / cols)) === 'nan')
          .map((value) => (Number.isNaN(value) ? 1 : 0));
        if (facts.length === 0) return none(name, dtype);
        return checkInvariant(facts, 1, 0, { name: `${name}: NaN across its row`, dtype });
      };
      /** Rows without NaN are identical whether or not another row holds NaN. */
      const rowLocal = (name: string, got: FloatArray, gotZeroed: FloatArray) => () => {
        const keep = (w: FloatArray) => Array.from(w).filter((_, i) => kind(Math.floor(i / cols)) !== 'nan');
        if (keep(got).length === 0) return none(name, dtype);
        return same(`${name}: rows without NaN unaffected`, keep(got), keep(gotZeroed), dtype);
      };
      // Each product computed once on x and once on x with its NaN rows zeroed; each Jacobian once.
      const apply = (impl: RowwiseImpl, transpose: boolean, z: FloatArray) =>
        transpose ? impl.vjp(z, v, cols) : impl.jvp(z, v, cols);
      const kernels = [
        { prefix: 'softmax', impl: soft, J: soft.jacobian(x, cols) },
        { prefix: 'logSoftmax', impl: log, J: log.jacobian(x, cols) },
      ];
      return allOf(
        ...kernels.flatMap(({ prefix, impl, J }) =>
          [true, false].flatMap((transpose) => {
            const name = `${prefix}${transpose ? 'Vjp' : 'Jvp'}`;
            const got = apply(impl, transpose, x);
            return [
              agrees(name, J, got, transpose),
              nanRows(name, got),
              rowLocal(name, got, apply(impl, transpose, zeroed)),
            ];
          }),
        ),
      );
    },
  });
}
