/**
 * Invariants of the analytic Jacobians themselves, on every finite regime (±1e308 included, where no
 * finite difference can go): softmax and log-softmax are invariant under a common shift, so J·1 = 0;
 * the softmax Jacobian diag(s) − s sᵀ is symmetric and positive semidefinite (vᵀJv is the variance of
 * v under the distribution s).
 */
import {
  blockDiagonal,
  type CheckResult,
  checkInvariant,
  type DType,
  defineProperty,
  type FloatArray,
  type GradSpec,
  isGradcheckError,
  logitBatches,
  tangents,
  UNIT_ROUNDOFF,
  ulp,
  withFields,
} from 'gradcheck';
import { JACOBIAN_ULPS, SAFETY, sumBound, U64 } from '../support/bounds.js';
import { LOG_SOFTMAX, type RowwiseImpl, SOFTMAX } from '../support/impls.js';
import { allOf, rowsOf, same } from '../support/rows.js';
import { BATCH_ROWS, FINITE_REGIMES, JACOBIAN_COLS, RUNS } from '../support/settings.js';

const batches = (dtype: DType) =>
  logitBatches({ maxRows: BATCH_ROWS, maxCols: JACOBIAN_COLS, dtype, regimes: FINITE_REGIMES });

/** Row sums of every Jacobian row (blocks of cols×cols) and their allowed errors. */
function rowSums(blocks: ArrayLike<number>, cols: number, dtype: DType) {
  const rows = rowsOf(blocks, cols);
  return {
    sums: rows.map((r) => r.reduce((a, b) => a + b, 0)),
    allowed: rows.map((r) => sumBound(r, dtype, JACOBIAN_ULPS)),
  };
}

/** 1 per fact of the error `call` throws: a GradcheckError, its `code fn/arg`, whole message, details. */
function throwsExactly(
  name: string,
  call: () => unknown,
  where: string,
  message: string,
  details: string | undefined,
): CheckResult {
  let e: unknown;
  try {
    call();
  } catch (thrown) {
    e = thrown;
  }
  const g = isGradcheckError(e) ? e : undefined;
  const got = g ? `${g.code} ${g.fn}/${g.arg}` : String(e);
  const facts = [got === where, g?.message === message, JSON.stringify(g?.details) === details];
  return checkInvariant(
    facts.map((f) => (f ? 1 : 0)),
    1,
    0,
    { name: `${name} throws ${where} '${message}' (got ${got} '${g?.message}')` },
  );
}

/**
 * The full batched Jacobian that blockDiagonal assembles from per-row blocks: exactly the blocks on
 * the diagonal and +0 everywhere else, of the blocks' array type (so its rows sum like the blocks'
 * rows); malformed blocks or cols are rejected with errors naming blockDiagonal and the argument.
 */
function blockDiagonalChecks(blocks: FloatArray, cols: number, dtype: DType): (() => CheckResult)[] {
  const size = blocks.length / cols;
  const full = blocks instanceof Float32Array ? new Float32Array(size * size) : new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    const r = Math.floor(i / cols);
    for (let j = 0; j < cols; j++) full[i * size + r * cols + j] = blocks[i * cols + j]!;
  }
  return [
    () => same('blockDiagonal(J, cols)', blockDiagonal(blocks, cols), full, dtype),
    () =>
      throwsExactly(
        'blockDiagonal(Int32Array)',
        () => blockDiagonal(Int32Array.from(blocks) as never, cols),
        'GC_INVALID_ARGUMENT blockDiagonal/blocks',
        `blockDiagonal: blocks must be a Float64Array, a Float32Array or a number[] (given Int32Array(${blocks.length}))`,
        undefined,
      ),
    () =>
      throwsExactly(
        'blockDiagonal(blocks, non-integer cols)',
        () => blockDiagonal(blocks, cols + 0.5),
        'GC_OUT_OF_RANGE blockDiagonal/cols',
        `blockDiagonal: cols must be a positive integer (given ${cols + 0.5})`,
        JSON.stringify({ cols: cols + 0.5 }),
      ),
  ];
}

/**
 * J·1 = 0 for softmax and log-softmax: each Jacobian row sums to 0 within sumBound (10 ulps per entry,
 * float64 summation); the full batched softmax Jacobian (blockDiagonal) holds exactly those blocks.
 */
export function jacobianRowSumSpec(
  dtype: DType,
  soft: RowwiseImpl = SOFTMAX,
  log: RowwiseImpl = LOG_SOFTMAX,
): GradSpec {
  return defineProperty({
    name: `softmax and log-softmax jacobian rows sum to 0 (${dtype})`,
    input: batches(dtype),
    dtype,
    options: { numRuns: RUNS },
    check: ({ x, cols }) =>
      allOf(
        () => {
          const { sums, allowed } = rowSums(soft.jacobian(x, cols), cols, dtype);
          return checkInvariant(sums, 0, allowed, { name: 'softmax J·1', cols, dtype });
        },
        ...blockDiagonalChecks(soft.jacobian(x, cols), cols, dtype),
        () => {
          const { sums, allowed } = rowSums(log.jacobian(x, cols), cols, dtype);
          return checkInvariant(sums, 0, allowed, { name: 'log-softmax J·1', cols, dtype });
        },
      ),
  });
}

/**
 * The softmax Jacobian of each row is symmetric (Jᵢⱼ and Jⱼᵢ both within 10 ulps of −sᵢsⱼ) and
 * positive semidefinite: vᵀJv ≥ 0 for the generated v, up to the rounding of J (10 ulps per entry)
 * and of the float64 double sum (2n·u), both relative to Σᵢⱼ|vᵢ||Jᵢⱼ||vⱼ|.
 */
export function jacobianSymmetricSpec(dtype: DType, impl: RowwiseImpl = SOFTMAX): GradSpec {
  return defineProperty({
    name: `softmax jacobian symmetric positive semidefinite (${dtype})`,
    input: withFields(batches(dtype), (b) => ({ v: tangents(b) })),
    dtype,
    options: { numRuns: RUNS },
    check: ({ x, rows, cols, v }) => {
      const J = impl.jacobian(x, cols);
      const transposed = Array.from(J, (_, k) => {
        const r = Math.floor(k / (cols * cols));
        const i = Math.floor(k / cols) % cols;
        const j = k % cols;
        return J[r * cols * cols + j * cols + i]!;
      });
      const forms: number[] = [];
      const formBounds: number[] = [];
      for (let r = 0; r < rows; r++) {
        let q = 0;
        let magnitude = 0;
        for (let i = 0; i < cols; i++) {
          for (let j = 0; j < cols; j++) {
            const term = v[r * cols + i]! * J[r * cols * cols + i * cols + j]! * v[r * cols + j]!;
            q += term;
            magnitude += Math.abs(term);
          }
        }
        forms.push(q);
        formBounds.push(SAFETY * (JACOBIAN_ULPS * 2 * UNIT_ROUNDOFF[dtype] + 2 * cols * U64) * magnitude);
      }
      return allOf(
        () =>
          checkInvariant(
            J,
            transposed,
            Array.from(J, (a, k) => SAFETY * JACOBIAN_ULPS * (ulp(a, dtype) + ulp(transposed[k]!, dtype))),
            { name: 'J', cols, dtype },
          ),
        () =>
          checkInvariant(
            forms,
            forms.map((q) => (Number.isNaN(q) ? 0 : Math.max(q, 0))),
            formBounds,
            { name: 'vᵀJv (negative part)', dtype },
          ),
      );
    },
  });
}
