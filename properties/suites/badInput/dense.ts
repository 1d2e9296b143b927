/** Malformed calls of the dense layer: dense and denseBackward, each array of the wrong type or length, each bad size. */
import { dense, denseBackward } from 'gradcheck';
import { ARRAY_TYPES, type Rejection, type Shape } from './rejection.js';

type DenseFn = (
  a: unknown,
  W: unknown,
  c: unknown,
  rows: unknown,
  inDim: unknown,
  outDim: unknown,
) => unknown;

/** Malformed calls of dense and denseBackward: each array of the wrong type or length, each bad size. */
export function denseRejections({ rows, cols }: Shape): Rejection[] {
  const inDim = cols;
  const outDim = cols + 1;
  const out: Rejection[] = [];
  const kernels = {
    dense: [dense, 'b', outDim, 'outDim'],
    denseBackward: [denseBackward, 'dy', rows * outDim, 'rows·outDim'],
  } as const;
  for (const [fn, [f, third, thirdLength, thirdWhy]] of Object.entries(kernels)) {
    const k = f as DenseFn;
    const lengths = { x: rows * inDim, W: inDim * outDim, [third]: thirdLength };
    const why = { x: 'rows·inDim', W: 'inDim·outDim', [third]: thirdWhy };
    const args = (arg: string, value: unknown) =>
      Object.entries(lengths).map(([a, n]) => (a === arg ? value : new Float64Array(n)));
    for (const arg of Object.keys(lengths)) {
      const n = lengths[arg]!;
      out.push(
        {
          call: () =>
            k(...(args(arg, new Float64Array(n + 1)) as [unknown, unknown, unknown]), rows, inDim, outDim),
          fn,
          code: 'GC_SHAPE_MISMATCH',
          arg,
          message: `${fn}: ${arg}.length must be ${n}, ${why[arg]} (given ${arg}.length=${n + 1})`,
          details: { expected: n, actual: n + 1 },
        },
        {
          call: () =>
            k(...(args(arg, new Int32Array(n)) as [unknown, unknown, unknown]), rows, inDim, outDim),
          fn,
          code: 'GC_INVALID_ARGUMENT',
          arg,
          message: `${fn}: ${arg} must be ${ARRAY_TYPES} (given Int32Array(${n}))`,
        },
      );
    }
    const sizes = { rows, inDim, outDim };
    for (const [size, bad] of [
      ['rows', 0],
      ['inDim', -inDim],
      ['outDim', 1.5],
    ] as const) {
      const s = { ...sizes, [size]: bad };
      out.push({
        call: () => k(...(args('', null) as [unknown, unknown, unknown]), s.rows, s.inDim, s.outDim),
        fn,
        code: 'GC_OUT_OF_RANGE',
        arg: size,
        message: `${fn}: ${size} must be a positive integer (given ${bad})`,
        details: { [size]: bad },
      });
    }
  }
  return out;
}
