/**
 * Elementwise kernels against 40-digit references: the table-driven exponential `expPlus(d, lo)` ≈
 * exp(d + lo) within 1 ulp (documented: 0.54 normal, 1 subnormal), sigmoid and tanh within 4 ulps,
 * their derivatives σ(x)σ(−x) and sech²(x) within 10 (two 4-ulp factors and a product), relu and its
 * derivative exactly; over the whole range, tails (σ(−745) = 5e-324, tanh′(30) ≈ 3.5e-26) and the
 * overflow edges of exp (709.78, −745.13) included.
 */
import fc from 'fast-check';
import {
  checkInvariant,
  type Decimal,
  type DType,
  decimalContext,
  defineProperty,
  EXP_OVERFLOW,
  EXP_UNDERFLOW,
  exactDecimal,
  expPlus,
  type GradSpec,
  relu,
  reluGrad,
  sigmoid,
  sigmoidGrad,
  tanh,
  tanhGrad,
  ulp,
} from 'gradcheck';
import { JACOBIAN_ULPS, KERNEL_ULPS } from '../support/bounds.js';
import { allOf } from '../support/rows.js';
import { RUNS } from '../support/settings.js';
import { ulpsFrom, withinUlps } from '../support/ulps.js';
import { REFERENCE_DIGITS } from './accuracy.js';

const D = decimalContext(REFERENCE_DIGITS);

/** Arguments of exp: the grid k/64 over its range, the edges and their neighbours, and 0. */
const expArguments = fc.oneof(
  fc.integer({ min: -746 * 64, max: 710 * 64 }).map((k) => k / 64),
  fc
    .tuple(
      fc.constantFrom(EXP_OVERFLOW.float64, EXP_UNDERFLOW.float64, -708, -708.5, 709, -745.2, 0),
      fc.integer({ min: -4, max: 4 }),
    )
    .map(([v, k]) => v + k * ulp(v)),
);

/** expPlus(d, lo) for lo = k/4 ulps of d (|lo| ≤ ulp(d), the low part of a TwoSum). */
export function expSpec(): GradSpec {
  return defineProperty({
    name: 'exp (expPlus) within 1 ulp of a 40-digit reference',
    input: fc.tuple(expArguments, fc.integer({ min: -4, max: 4 })),
    dtype: 'float64',
    options: { numRuns: RUNS },
    check: ([d, k]) => {
      const lo = (k / 4) * ulp(d);
      const exact = D.exp(exactDecimal(d).plus(exactDecimal(lo)));
      return checkInvariant([ulpsFrom(expPlus(d, lo), exact, 'float64', 1)], 0, 1, {
        name: `expPlus(${d}, ${lo}) error in ulps`,
      });
    },
  });
}

/** Activation inputs: grid k/8 in ±40, tails to ±1000, tiny magnitudes down to 2⁻¹⁰⁷⁴, zero. */
const activationInputs = (dtype: DType) =>
  fc
    .array(
      fc.oneof(
        fc.integer({ min: -320, max: 320 }).map((k) => k / 8),
        fc.integer({ min: 20, max: 1000 }).chain((m) => fc.constantFrom(m, -m)),
        fc.integer({ min: 1, max: dtype === 'float32' ? 149 : 1074 }).map((e) => 2 ** -e),
        fc.constant(0),
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((vs) => (dtype === 'float32' ? Float32Array.from(vs) : Float64Array.from(vs)));

const sigma = (x: Decimal) => new D(1).div(D.exp(x.neg()).plus(1));

/** sigmoid, tanh and their derivatives within their ulps; relu and its derivative exact. */
export function activationAccuracySpec(dtype: DType): GradSpec {
  return defineProperty({
    name: `activations within their ulps of a 40-digit reference (${dtype})`,
    input: activationInputs(dtype),
    dtype,
    options: { numRuns: RUNS },
    check: (x) => {
      // Exact inputs rounded to 45 digits (a 1e-45 relative change, far below an ulp): a subnormal's exact
      // expansion runs to 750 digits, which would make every reference operation slow.
      const xs = Array.from(x, (v) => new D(exactDecimal(v)).toSD(REFERENCE_DIGITS + 5));
      const errors = (name: string, values: ArrayLike<number>, exact: Decimal[], limit: number) => () =>
        withinUlps(values, exact, dtype, limit, { name: `${name} error in ulps`, dtype });
      return allOf(
        errors('sigmoid', sigmoid(x), xs.map(sigma), KERNEL_ULPS),
        errors(
          'tanh',
          tanh(x),
          xs.map((v) => D.tanh(v)),
          KERNEL_ULPS,
        ),
        errors(
          'sigmoidGrad',
          sigmoidGrad(x),
          xs.map((v) => sigma(v).times(sigma(v.neg()))),
          JACOBIAN_ULPS,
        ),
        errors(
          'tanhGrad',
          tanhGrad(x),
          xs.map((v) => {
            const e = D.exp(v.abs().times(-2));
            return e.times(4).div(e.plus(1).pow(2));
          }),
          JACOBIAN_ULPS,
        ),
        () =>
          checkInvariant(
            relu(x),
            Array.from(x, (v) => Math.max(v, 0)),
            0,
            { name: 'relu', dtype },
          ),
        () =>
          checkInvariant(
            reluGrad(x),
            Array.from(x, (v) => (v > 0 ? 1 : 0)),
            0,
            { name: 'reluGrad', dtype },
          ),
      );
    },
  });
}
