/**
 * Rows wider than the kernels' workspace (8192 logits, src/kernels/workspace.ts) are computed chunk by
 * chunk. A narrow row x plus one pad logit p (1600 below min x, so that exp(p − max) is exactly 0)
 * and the same logits placed at an even offset of a 20,000-wide row of pads must give identical
 * results: the pads add exact zeros to every sum, and an even offset keeps each logit in the same
 * summation chain (the kernels sum even and odd positions apart), so the chunked computation has to
 * reproduce the narrow one bit for bit. Every softmax-family kernel: forward passes, VJPs and JVPs
 * (a zero cotangent on the pads, whose sum enters the log-softmax VJP), cross-entropy loss and
 * gradient with a label and with one-hot targets.
 */
import fc from 'fast-check';
import { type DType, defineProperty, type FloatArray, type GradSpec, logitBatches } from 'gradcheck';
import {
  CROSS_ENTROPY,
  CROSS_ENTROPY_TARGETS,
  type CrossEntropyImpl,
  type CrossEntropyTargetsImpl,
  LOG_SOFTMAX,
  type RowwiseImpl,
  SOFTMAX,
} from '../support/impls.js';
import { allOf, same } from '../support/rows.js';
import { DERIVATIVE_REGIMES, WIDE_RUNS } from '../support/settings.js';

/** Width of the wide row: more than two workspace chunks. */
export const WIDE = 20_000;
const MAX_COLS = 16;

/** The kernels this property compares, wide against narrow (the reference ones by default). */
export interface WideRowKernels {
  readonly softmax: RowwiseImpl;
  readonly logSoftmax: RowwiseImpl;
  readonly crossEntropy: CrossEntropyImpl;
  readonly targets: CrossEntropyTargetsImpl;
}

export const WIDE_ROW_REFERENCE: WideRowKernels = {
  softmax: SOFTMAX,
  logSoftmax: LOG_SOFTMAX,
  crossEntropy: CROSS_ENTROPY,
  targets: CROSS_ENTROPY_TARGETS,
};

/** Wide-row results equal the narrow row's, logit by logit and pad by pad, for every kernel. */
export function wideRowsSpec(dtype: DType, k: WideRowKernels = WIDE_ROW_REFERENCE): GradSpec {
  const make = (n: number): FloatArray => (dtype === 'float32' ? new Float32Array(n) : new Float64Array(n));
  return defineProperty({
    name: `rows wider than the workspace equal narrow rows (${dtype})`,
    input: fc.record({
      batch: logitBatches({ maxRows: 1, minCols: 1, maxCols: MAX_COLS, dtype, regimes: DERIVATIVE_REGIMES }),
      slot: fc.integer({ min: 0, max: (WIDE - MAX_COLS) / 2 }),
      g: fc.array(fc.integer({ min: -8, max: 8 }), { minLength: MAX_COLS, maxLength: MAX_COLS }),
      label: fc.nat(),
    }),
    dtype,
    options: { numRuns: WIDE_RUNS },
    check: ({ batch: { x, cols: n }, slot, g: gInts, label }) => {
      const at = 2 * slot;
      const round = dtype === 'float32' ? Math.fround : (v: number) => v;
      const pad = round(Math.min(...Array.from(x)) - 1600);
      // Narrow: x then one pad; wide: pads with x at `at`. Cotangent: g on x, 0 on the pads.
      const narrow = make(n + 1);
      narrow.set(x);
      narrow[n] = pad;
      const wide = make(WIDE).fill(pad);
      wide.set(x, at);
      const gNarrow = make(n + 1);
      const gWide = make(WIDE);
      for (let j = 0; j < n; j++) gNarrow[j] = gWide[at + j] = gInts[j]! / 4;
      const y = label % n;
      const lNarrow = Int32Array.of(y);
      const lWide = Int32Array.of(at + y);
      const tNarrow = make(n + 1);
      tNarrow[y] = 1;
      const tWide = make(WIDE);
      tWide[at + y] = 1;

      /** The wide result's x part and one pad against the narrow result. */
      const compare = (name: string, w: FloatArray, s: FloatArray) => () => {
        const picked = [...Array.from(w.subarray(at, at + n)), w[at === 0 ? WIDE - 1 : 0]!];
        return same(`${name}: wide row (logits at ${at}) vs narrow row`, picked, Array.from(s), dtype);
      };
      const rowwise = (name: string, impl: RowwiseImpl) => [
        compare(name, impl.forward(wide, WIDE), impl.forward(narrow, n + 1)),
        compare(`${name} vjp`, impl.vjp(wide, gWide, WIDE), impl.vjp(narrow, gNarrow, n + 1)),
        compare(`${name} jvp`, impl.jvp(wide, gWide, WIDE), impl.jvp(narrow, gNarrow, n + 1)),
      ];
      return allOf(
        ...rowwise('softmax', k.softmax),
        ...rowwise('logSoftmax', k.logSoftmax),
        compare(
          'crossEntropyGrad',
          k.crossEntropy.grad(wide, lWide, WIDE),
          k.crossEntropy.grad(narrow, lNarrow, n + 1),
        ),
        compare(
          'crossEntropyWithTargetsGrad',
          k.targets.grad(wide, tWide, WIDE),
          k.targets.grad(narrow, tNarrow, n + 1),
        ),
        () =>
          same(
            'crossEntropy and crossEntropyWithTargets (loss)',
            [k.crossEntropy.loss(wide, lWide, WIDE), k.targets.loss(wide, tWide, WIDE)],
            [k.crossEntropy.loss(narrow, lNarrow, n + 1), k.targets.loss(narrow, tNarrow, n + 1)],
            dtype,
          ),
      );
    },
  });
}
