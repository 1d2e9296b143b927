/**
 * Fast paths of the kernels (4-wide loops with a scalar tail, the staged workspace, the fused
 * softmax VJP/JVP of finite rows) agree bit for bit with plain evaluations of the formulas they
 * document (support/fastPathReference.ts). Widths 1…12 reach every tail length 0…3 after zero, one
 * and two 4-wide steps; several rows per batch check that each row starts where the last one ended.
 */
import {
  cotangents,
  type DType,
  defineProperty,
  type GradSpec,
  logitBatches,
  softmaxJvp,
  softmaxVjp,
  withFields,
} from 'gradcheck';
import { plainProjection } from '../support/fastPathReference.js';
import { allOf, same } from '../support/rows.js';
import { BATCH_ROWS, FINITE_REGIMES, RUNS } from '../support/settings.js';

const FAST_PATH_COLS = 12;

/**
 * softmaxVjp and softmaxJvp of finite rows equal, bit for bit, (e_j/S)((v_j − v_a) − D/S) evaluated
 * entry by entry (projectionRow.ts), on every finite regime.
 */
export function projectionSpec(dtype: DType): GradSpec {
  return defineProperty({
    name: `softmax vjp/jvp fast path equals the plain formula (${dtype})`,
    input: withFields(
      logitBatches({ maxRows: BATCH_ROWS, maxCols: FAST_PATH_COLS, dtype, regimes: FINITE_REGIMES }),
      (b) => ({ v: cotangents(b, { dtype }) }),
    ),
    dtype,
    options: { numRuns: RUNS },
    check: ({ x, v, cols }) => {
      const plain = plainProjection(x, v, cols, dtype);
      return allOf(
        () => same('softmaxVjp vs plain formula', Array.from(softmaxVjp(x, v, cols)), plain, dtype),
        () => same('softmaxJvp vs plain formula', Array.from(softmaxJvp(x, v, cols)), plain, dtype),
      );
    },
  });
}

/** The fast-path properties of one dtype. */
export function fastPathSuite(dtype: DType): GradSpec[] {
  return [projectionSpec(dtype)];
}
