/**
 * The building blocks of a network on their own: elementwise activation derivatives against their
 * symbolic oracles (which never step, so tails at |x| = 800 and relu'(0) = 0 are checked exactly where
 * a finite difference cannot go), relu itself exactly (relu(−0) = +0), and a dense layer's backward
 * pass (dx, dW, db) as the VJP of (x, W, b) ↦ xW + b against finite differences.
 */
import fc from 'fast-check';
import {
  checkInvariant,
  checkJvp,
  type DType,
  defineCheck,
  defineProperty,
  dense,
  denseBackward,
  type FloatArray,
  type GradSpec,
  relu,
  reluGrad,
  reluSymbolic,
  sigmoid,
  sigmoidGrad,
  sigmoidSymbolic,
  tanh,
  tanhGrad,
  tanhSymbolic,
} from 'gradcheck';
import { allOf } from '../support/rows.js';
import { RUNS } from '../support/settings.js';

/** An activation and its derivative, elementwise. */
export interface ActivationImpl {
  readonly f: (x: FloatArray) => FloatArray;
  readonly df: (x: FloatArray) => FloatArray;
}

export const SIGMOID: ActivationImpl = { f: sigmoid, df: sigmoidGrad };
export const TANH: ActivationImpl = { f: tanh, df: tanhGrad };
export const RELU: ActivationImpl = { f: relu, df: reluGrad };

/** Grid values k/8 in ±10, the tails (±20 … ±1000, where σ and tanh saturate) and exact zeros. */
const activationInputs = (dtype: DType) =>
  fc
    .array(
      fc.oneof(
        fc.integer({ min: -80, max: 80 }).map((k) => k / 8),
        fc.constantFrom(20, -20, 40, -40, 88.5, -88.5, 710, -710, 800, -800, 1000, -1000),
        fc.constant(0),
      ),
      { minLength: 1, maxLength: 8 },
    )
    .map((vs) => (dtype === 'float32' ? Float32Array.from(vs) : Float64Array.from(vs)));

/** t ⊙ f′(x): the JVP of an elementwise function. */
const jvpOf = (impl: ActivationImpl) => (x: FloatArray, t: FloatArray) => impl.df(x).map((d, i) => d * t[i]!);

/**
 * relu is exactly max(0, x) with relu(−0) = +0 (documented), on x with its zeros made −0: 1 per entry
 * whose value is that (Object.is, so −0 for +0 fails).
 */
function reluExact(r: ActivationImpl, x: FloatArray, dtype: DType) {
  const xm = x.map((v) => (v === 0 ? -0 : v));
  const y = r.f(xm);
  const facts = Array.from(xm, (v, i) => (Object.is(y[i], Math.max(v, 0)) ? 1 : 0));
  return checkInvariant(facts, 1, 0, { name: 'relu(x) = max(0, x), relu(−0) = +0', dtype });
}

/** sigmoid, tanh and relu derivatives (JVPs) against sigmoidSymbolic, tanhSymbolic and reluSymbolic. */
export function activationSpec(
  dtype: DType,
  impls: { sigmoid?: ActivationImpl; tanh?: ActivationImpl; relu?: ActivationImpl } = {},
): GradSpec {
  const s = impls.sigmoid ?? SIGMOID;
  const t = impls.tanh ?? TANH;
  const r = impls.relu ?? RELU;
  return defineProperty({
    name: `activation derivatives vs symbolic (${dtype})`,
    input: activationInputs(dtype),
    kind: 'jvp',
    dtype,
    oracle: 'symbolic',
    options: { numRuns: RUNS },
    check: (x, { seed }) =>
      allOf(
        () => checkJvp(s.f, jvpOf(s), x, { oracle: sigmoidSymbolic(), dtype, seed }),
        () => checkJvp(t.f, jvpOf(t), x, { oracle: tanhSymbolic(), dtype, seed }),
        () => checkJvp(r.f, jvpOf(r), x, { oracle: reluSymbolic(), dtype, seed }),
        () => reluExact(r, x, dtype),
      ),
  });
}

/** A dense layer's shapes and its flat point p = [x, W, b]. */
interface DenseCase {
  readonly rows: number;
  readonly inDim: number;
  readonly outDim: number;
  readonly p: FloatArray;
}

/** Up to 9 rows: the matmul works in blocks of 4 rows, and a second block must be reached. */
const denseCases = (dtype: DType): fc.Arbitrary<DenseCase> =>
  fc
    .tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
    .chain(([rows, inDim, outDim]) => {
      const n = rows * inDim + inDim * outDim + outDim;
      return fc.array(fc.integer({ min: -32, max: 32 }), { minLength: n, maxLength: n }).map((ks) => ({
        rows,
        inDim,
        outDim,
        p: dtype === 'float32' ? Float32Array.from(ks, (k) => k / 16) : Float64Array.from(ks, (k) => k / 16),
      }));
    });

/** The dense layer's forward and backward, as replaceable parts. */
export interface DenseImpl {
  readonly forward: typeof dense;
  readonly backward: typeof denseBackward;
}

export const DENSE: DenseImpl = { forward: dense, backward: denseBackward };

/** denseBackward's (dx, dW, db) is the VJP of (x, W, b) ↦ xW + b, for every cotangent (full mode). */
export function denseSpec(dtype: DType, impl: DenseImpl = DENSE): GradSpec {
  const split = ({ rows, inDim, outDim }: DenseCase, p: FloatArray) => {
    const w = rows * inDim;
    const b = w + inDim * outDim;
    return { x: p.subarray(0, w), W: p.subarray(w, b), b: p.subarray(b) };
  };
  return defineCheck({
    name: `dense layer vjp (${dtype})`,
    input: denseCases(dtype),
    point: 'p',
    f: (c) => {
      const { x, W, b } = split(c, c.p);
      return impl.forward(x, W, b, c.rows, c.inDim, c.outDim);
    },
    vjp: (c, dy) => {
      const { x, W } = split(c, c.p);
      const g = impl.backward(x, W, dy, c.rows, c.inDim, c.outDim);
      return [...g.dx, ...g.dW, ...g.db];
    },
    options: { numRuns: RUNS, dtype },
  });
}

/** The layer specs of one dtype. */
export function layerSuite(dtype: DType): GradSpec[] {
  return [activationSpec(dtype), denseSpec(dtype)];
}
