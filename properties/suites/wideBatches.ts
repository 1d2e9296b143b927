/**
 * Batches of rows wider than the kernels' workspace (8192 logits, src/kernels/workspace.ts): the
 * second row starts past the first chunk, so each of its chunks is read and written at a non-zero row
 * offset, and the last chunk of each row is short. As in wideRows.ts, each row holds narrow logits at
 * an even offset among pads 1600 below them (exp(pad − max) is exactly 0), so the wide batch must
 * give, logit by logit and pad by pad, exactly what the batch of the narrow rows (logits plus one pad)
 * gives: softmax, log-softmax and the cross-entropy gradient with labels in place (`out` = the logits,
 * as documented: a chunk written past its row would land on the next row's logits before they are
 * read), and the cross-entropy gradient with one-hot targets.
 */
import fc from 'fast-check';
import {
  crossEntropyGrad,
  crossEntropyWithTargetsGrad,
  type DType,
  defineProperty,
  type FloatArray,
  type GradSpec,
  logitBatches,
  logSoftmax,
  softmax,
} from 'gradcheck';
import { allOf, same } from '../support/rows.js';
import { DERIVATIVE_REGIMES, WIDE_RUNS } from '../support/settings.js';

/** Width of the rows: one full workspace chunk and a short one. */
const WIDTH = 8200;
const MAX_COLS = 8;

/** Two wide rows as a batch, in place where the kernel allows it, against the narrow batch. */
export function wideBatchSpec(dtype: DType): GradSpec {
  const make = (n: number): FloatArray => (dtype === 'float32' ? new Float32Array(n) : new Float64Array(n));
  return defineProperty({
    name: `batches of rows wider than the workspace equal narrow batches (${dtype})`,
    input: fc.record({
      batch: logitBatches({ minRows: 2, maxRows: 2, maxCols: MAX_COLS, dtype, regimes: DERIVATIVE_REGIMES }),
      // Logits at an even offset, ending before the row's last entry (compared as a pad).
      slots: fc.tuple(
        fc.nat({ max: (WIDTH - MAX_COLS) / 2 - 1 }),
        fc.nat({ max: (WIDTH - MAX_COLS) / 2 - 1 }),
      ),
      labels: fc.tuple(fc.nat(), fc.nat()),
    }),
    dtype,
    options: { numRuns: WIDE_RUNS },
    check: ({ batch: { x, cols: n }, slots, labels }) => {
      const round = dtype === 'float32' ? Math.fround : (v: number) => v;
      const m = n + 1;
      const narrow = make(2 * m);
      const wide = make(2 * WIDTH);
      const lNarrow = new Int32Array(2);
      const lWide = new Int32Array(2);
      const tNarrow = make(2 * m);
      const tWide = make(2 * WIDTH);
      const at = [0, 1].map((r) => r * WIDTH + 2 * slots[r]!);
      for (let r = 0; r < 2; r++) {
        const row = x.subarray(r * n, (r + 1) * n);
        const pad = round(Math.min(...Array.from(row)) - 1600);
        narrow.set(row, r * m);
        narrow[r * m + n] = pad;
        wide.fill(pad, r * WIDTH, (r + 1) * WIDTH);
        wide.set(row, at[r]!);
        const y = labels[r]! % n;
        lNarrow[r] = y;
        lWide[r] = at[r]! - r * WIDTH + y;
        tNarrow[r * m + y] = 1;
        tWide[at[r]! + y] = 1;
      }
      /** Each wide row's logits, a pad before or after them and its last entry (a pad), vs narrow. */
      const compare = (name: string, w: FloatArray, s: FloatArray) => () => {
        const picked = make(2 * (m + 1));
        const expected = make(2 * (m + 1));
        for (let r = 0; r < 2; r++) {
          const o = r * (m + 1);
          const padAt = at[r] === r * WIDTH ? at[r]! + n : r * WIDTH;
          picked.set(w.subarray(at[r]!, at[r]! + n), o);
          picked[o + n] = w[padAt]!;
          picked[o + m] = w[(r + 1) * WIDTH - 1]!;
          expected.set(s.subarray(r * m, (r + 1) * m), o);
          expected[o + m] = s[r * m + n]!;
        }
        return same(`${name}: wide batch vs narrow batch`, picked, expected, dtype);
      };
      const inPlace = (f: (z: FloatArray) => FloatArray) => f(wide.slice() as FloatArray);
      return allOf(
        compare(
          'softmax in place',
          inPlace((z) => softmax(z, WIDTH, z)),
          softmax(narrow, m),
        ),
        compare(
          'logSoftmax in place',
          inPlace((z) => logSoftmax(z, WIDTH, z)),
          logSoftmax(narrow, m),
        ),
        compare(
          'crossEntropyGrad in place',
          inPlace((z) => crossEntropyGrad(z, lWide, WIDTH, z)),
          crossEntropyGrad(narrow, lNarrow, m),
        ),
        compare(
          'crossEntropyWithTargetsGrad',
          crossEntropyWithTargetsGrad(wide, tWide, WIDTH),
          crossEntropyWithTargetsGrad(narrow, tNarrow, m),
        ),
      );
    },
  });
}
