/**
 * The table that proves the tester: every known-buggy implementation in fixtures/buggy, the gate spec
 * (the same builder the gate runs, pointed at it) that must flag it, the verdict and the shrunk
 * counterexample expected, and the correct twin that the same spec must pass.
 *
 * Adding a fixture: write fixtures/buggy/<name>.ts (header comment and `BUG` stating the bug, the
 * buggy function), then add one `fixture({...})` entry below. fixtures.test.ts runs every entry.
 */
import {
  crossEntropyGrad,
  type denseBackward,
  EXP_OVERFLOW,
  type GradSpec,
  type LogitBatch,
  logSoftmax,
  logSoftmaxJacobian,
  softmax,
  softmaxJacobian,
  softmaxJvp,
  softmaxVjp,
  type Verdict,
} from 'gradcheck';
import * as alternatingOrder from '../fixtures/buggy/alternatingReductionOrder.js';
import * as batchedRowZero from '../fixtures/buggy/batchedVjpReusesRowZero.js';
import * as biasOneSample from '../fixtures/buggy/biasGradientOneSample.js';
import * as missingMean from '../fixtures/buggy/crossEntropyGradMissingMean.js';
import * as denseUntransposed from '../fixtures/buggy/denseInputGradientUntransposed.js';
import * as flippedSign from '../fixtures/buggy/flippedOffDiagonalSign.js';
import * as float32Overflow from '../fixtures/buggy/float32Overflow.js';
import * as logOfSoftmax from '../fixtures/buggy/logOfSoftmax.js';
import * as unitSum from '../fixtures/buggy/logSoftmaxVjpAssumesUnitSum.js';
import * as naive from '../fixtures/buggy/naiveSoftmax.js';
import * as millionth from '../fixtures/buggy/offByOneMillionth.js';
import * as oneSlot from '../fixtures/buggy/oneSlotPerOutput.js';
import * as sigmoidAtA from '../fixtures/buggy/sigmoidDerivativeAtActivation.js';
import * as usesInput from '../fixtures/buggy/softmaxJacobianUsesInput.js';
import * as mutates from '../fixtures/buggy/softmaxMutatesInput.js';
import { handBackward } from '../fixtures/buggy/support/handBackward.js';
import * as tanhNoSquare from '../fixtures/buggy/tanhDerivativeMissingSquare.js';
import * as transposedLog from '../fixtures/buggy/transposedLogSoftmaxJacobian.js';
import * as transposedW from '../fixtures/buggy/transposedWeightGradient.js';
import * as unrolled from '../fixtures/buggy/unrolledTailLane.js';
import * as sumG from '../fixtures/buggy/vjpSumInsteadOfDot.js';
import { logSoftmaxAccuracySpec } from './suites/accuracy.js';
import { crossEntropyGradientSpec } from './suites/crossEntropy.js';
import { cotangentVjpSpec, fastVjpSpec, jacobianSpec, jvpSpec, vjpSpec } from './suites/finiteDifference.js';
import { DENSE, type DenseImpl, denseSpec } from './suites/layers.js';
import { mlpDeltasSpec, mlpGradientSpec } from './suites/mlp.js';
import { softmaxRowsSpec } from './suites/softmaxInvariants.js';
import { symbolicSpec } from './suites/symbolic.js';
import {
  CROSS_ENTROPY,
  type CrossEntropyImpl,
  LOG_SOFTMAX,
  type MlpBackwardImpl,
  type RowwiseImpl as Rowwise,
  SOFTMAX,
} from './support/impls.js';

/** One row of the table. `I` is whatever part the spec builder takes (a function, a backward pass…). */
export interface Fixture<I = unknown> {
  /** The bug, as the fixture file states it. */
  readonly bug: string;
  /** The fixture file (relative to the repository). */
  readonly file: string;
  readonly buggy: I;
  /** The correct twin: a reference kernel or a hand-written correct version. */
  readonly twin: I;
  /** The gate spec with `impl` plugged in. */
  readonly spec: (impl: I) => GradSpec;
  /** The verdict the gate must give the buggy version. */
  readonly verdict: Verdict;
  /** Fields the shrunk counterexample must have (e.g. `{ rows: 1, cols: 2 }`): shrinking happened. */
  readonly shrunk: Readonly<Record<string, unknown>>;
  /** A further condition on the shrunk counterexample, and what it says. */
  readonly shrunkWhere?: { readonly says: string; readonly holds: (counterexample: never) => boolean };
  /** Entries the check must locate on the shrunk counterexample (localising checks), if known. */
  readonly located?: readonly (readonly number[])[];
}

/** A table row, its implementation type taken from the spec builder (buggy and twin must fit it). */
const fixture = <I>(
  f: Omit<Fixture<I>, 'buggy' | 'twin'> & { buggy: NoInfer<I>; twin: NoInfer<I> },
): Fixture => f as unknown as Fixture;
const file = (name: string) => `fixtures/buggy/${name}.ts`;

/** The hand-written backward pass without any bug: the twin of the MLP fixtures. */
const handTwin: MlpBackwardImpl = (mlp, params, x, targets) => handBackward(mlp, params, x, targets);

/** Every buggy fixture. */
export const FIXTURES: readonly Fixture[] = [
  fixture({
    bug: usesInput.BUG,
    file: file('softmaxJacobianUsesInput'),
    buggy: usesInput.softmaxJacobianUsingInput,
    twin: softmaxJacobian,
    spec: (jacobian: Rowwise['jacobian']) => jacobianSpec('softmax', 'float64', { ...SOFTMAX, jacobian }),
    verdict: 'mismatch',
    shrunk: { rows: 1, cols: 1 },
    located: [[0, 0]],
  }),
  fixture({
    bug: oneSlot.BUG,
    file: file('oneSlotPerOutput'),
    buggy: oneSlot.softmaxVjpOneSlot,
    twin: softmaxVjp,
    spec: (vjp: Rowwise['vjp']) => vjpSpec('softmax', 'float64', { ...SOFTMAX, vjp }),
    verdict: 'mismatch',
    shrunk: { rows: 1, cols: 2 },
  }),
  fixture({
    bug: naive.BUG,
    file: file('naiveSoftmax'),
    buggy: naive.naiveSoftmax,
    twin: softmax,
    spec: (forward: Rowwise['forward']) => softmaxRowsSpec('float64', { ...SOFTMAX, forward }),
    verdict: 'non-finite',
    shrunk: { rows: 1, cols: 1 },
    shrunkWhere: {
      says: 'one logit at or beyond the exp overflow edge 709.78',
      holds: ({ x }: LogitBatch) => x[0]! >= EXP_OVERFLOW.float64,
    },
  }),
  fixture({
    bug: flippedSign.BUG,
    file: file('flippedOffDiagonalSign'),
    buggy: flippedSign.softmaxJacobianFlippedSign,
    twin: softmaxJacobian,
    spec: (jacobian: Rowwise['jacobian']) => jacobianSpec('softmax', 'float64', { ...SOFTMAX, jacobian }),
    verdict: 'mismatch',
    shrunk: { rows: 1, cols: 2 },
    located: [
      [0, 1],
      [1, 0],
    ],
  }),
  fixture({
    bug: sumG.BUG,
    file: file('vjpSumInsteadOfDot'),
    buggy: sumG.softmaxVjpSumG,
    twin: softmaxVjp,
    spec: (vjp: Rowwise['vjp']) => vjpSpec('softmax', 'float64', { ...SOFTMAX, vjp }),
    verdict: 'mismatch',
    shrunk: { rows: 1, cols: 2 },
  }),
  fixture({
    bug: unitSum.BUG,
    file: file('logSoftmaxVjpAssumesUnitSum'),
    buggy: unitSum.logSoftmaxVjpUnitSum,
    // Hand-written: the reference logSoftmaxVjp cancels for a dominant class (an open regression).
    twin: unitSum.logSoftmaxVjpTwin,
    spec: (vjp: Rowwise['vjp']) => cotangentVjpSpec('log-softmax', 'float64', { ...LOG_SOFTMAX, vjp }),
    verdict: 'mismatch',
    shrunk: {},
    shrunkWhere: {
      says: 'logits and cotangent shrunk to zeros (a zero cotangent does not sum to 1)',
      holds: ({ x, g }: LogitBatch & { g: Float64Array }) =>
        x.every((v) => v === 0) && g.every((v) => v === 0),
    },
  }),
  fixture({
    bug: transposedLog.BUG,
    file: file('transposedLogSoftmaxJacobian'),
    buggy: transposedLog.logSoftmaxJacobianTransposed,
    twin: logSoftmaxJacobian,
    spec: (jacobian: Rowwise['jacobian']) =>
      symbolicSpec('log-softmax', 'jacobian', 'float64', { ...LOG_SOFTMAX, jacobian }),
    verdict: 'mismatch',
    shrunk: { rows: 1, cols: 2 },
    located: [
      [0, 1],
      [1, 0],
    ],
  }),
  fixture({
    bug: batchedRowZero.BUG,
    file: file('batchedVjpReusesRowZero'),
    buggy: batchedRowZero.softmaxVjpRowZero,
    twin: softmaxVjp,
    spec: (vjp: Rowwise['vjp']) => vjpSpec('softmax', 'float64', { ...SOFTMAX, vjp }),
    verdict: 'mismatch',
    shrunk: { rows: 2, cols: 2 },
    located: [
      [2, 2],
      [2, 3],
      [3, 2],
      [3, 3],
    ],
  }),
  fixture({
    bug: missingMean.BUG,
    file: file('crossEntropyGradMissingMean'),
    buggy: missingMean.crossEntropyGradNoMean,
    twin: crossEntropyGrad,
    spec: (grad: CrossEntropyImpl['grad']) => crossEntropyGradientSpec('float64', { ...CROSS_ENTROPY, grad }),
    verdict: 'mismatch',
    shrunk: { rows: 2, cols: 2 },
  }),
  fixture({
    bug: sigmoidAtA.BUG,
    file: file('sigmoidDerivativeAtActivation'),
    buggy: sigmoidAtA.backwardSigmoidAtActivation,
    twin: handTwin,
    spec: (backward: MlpBackwardImpl) => mlpGradientSpec('float64', backward),
    verdict: 'mismatch',
    shrunk: { sizes: [1, 1, 2], activations: ['sigmoid'], rows: 1 },
    located: [[1]],
  }),
  fixture({
    bug: biasOneSample.BUG,
    file: file('biasGradientOneSample'),
    buggy: biasOneSample.backwardBiasOneSample,
    twin: handTwin,
    spec: (backward: MlpBackwardImpl) => mlpGradientSpec('float64', backward),
    verdict: 'mismatch',
    shrunk: { sizes: [1, 1, 2], rows: 2 },
    located: [[4], [5]],
  }),
  fixture({
    bug: transposedW.BUG,
    file: file('transposedWeightGradient'),
    buggy: transposedW.backwardTransposedWeights,
    twin: handTwin,
    spec: (backward: MlpBackwardImpl) => mlpGradientSpec('float64', backward),
    verdict: 'mismatch',
    shrunk: { sizes: [1, 2, 2], rows: 1 },
    located: [[5], [6]],
  }),
  fixture({
    bug: unrolled.BUG,
    file: file('unrolledTailLane'),
    buggy: unrolled.softmaxJvpUnrolled,
    twin: softmaxJvp,
    spec: (jvp: Rowwise['jvp']) => jvpSpec('softmax', 'float64', { ...SOFTMAX, jvp }),
    verdict: 'mismatch',
    shrunk: { rows: 1, cols: 2 },
    located: [
      [0, 0],
      [1, 0],
    ],
  }),
  fixture({
    bug: float32Overflow.BUG,
    file: file('float32Overflow'),
    buggy: float32Overflow.float32NaiveSoftmax,
    twin: softmax,
    spec: (forward: Rowwise['forward']) => softmaxRowsSpec('float32', { ...SOFTMAX, forward }),
    verdict: 'non-finite',
    shrunk: { rows: 1, cols: 1 },
    shrunkWhere: {
      says: 'one logit at or beyond the float32 exp overflow edge 88.72',
      holds: ({ x }: LogitBatch) => x[0]! >= EXP_OVERFLOW.float32,
    },
  }),
  fixture({
    bug: millionth.BUG,
    file: file('offByOneMillionth'),
    buggy: millionth.softmaxJacobianOffByMillionth,
    twin: softmaxJacobian,
    spec: (jacobian: Rowwise['jacobian']) => jacobianSpec('softmax', 'float64', { ...SOFTMAX, jacobian }),
    verdict: 'mismatch',
    shrunk: { rows: 1, cols: 2 },
    located: [[0, 1]],
  }),
  fixture({
    bug: logOfSoftmax.BUG,
    file: file('logOfSoftmax'),
    buggy: logOfSoftmax.logOfSoftmax,
    twin: logSoftmax,
    spec: (forward: Rowwise['forward']) => logSoftmaxAccuracySpec('float64', { ...LOG_SOFTMAX, forward }),
    verdict: 'mismatch',
    shrunk: { cols: 2 },
  }),
  fixture({
    bug: mutates.BUG,
    file: file('softmaxMutatesInput'),
    buggy: mutates.softmaxInPlace,
    twin: softmax,
    spec: (forward: Rowwise['forward']) => jacobianSpec('softmax', 'float64', { ...SOFTMAX, forward }),
    verdict: 'argument-mutated',
    shrunk: { rows: 1, cols: 1 },
  }),
  fixture({
    bug: tanhNoSquare.BUG,
    file: file('tanhDerivativeMissingSquare'),
    buggy: tanhNoSquare.backwardTanhNoSquare,
    twin: handTwin,
    spec: (backward: MlpBackwardImpl) => mlpDeltasSpec('float64', backward),
    verdict: 'mismatch',
    shrunk: { sizes: [1, 1, 2], activations: ['tanh'], rows: 1 },
    located: [[0, 0]],
  }),
  fixture({
    bug: denseUntransposed.BUG,
    file: file('denseInputGradientUntransposed'),
    buggy: { ...DENSE, backward: denseUntransposed.denseBackwardUntransposed as typeof denseBackward },
    twin: DENSE,
    spec: (impl: DenseImpl) => denseSpec('float64', impl),
    verdict: 'mismatch',
    shrunk: { rows: 1, inDim: 2, outDim: 2 },
    located: [
      [0, 1],
      [1, 0],
    ],
  }),
  fixture({
    bug: alternatingOrder.BUG,
    file: file('alternatingReductionOrder'),
    buggy: alternatingOrder.softmaxVjpAlternatingOrder,
    twin: softmaxVjp,
    // Fast mode: full mode repeats its first basis cotangent e₀, whose dot product has a single
    // non-zero term and so the same value in any order.
    spec: (vjp: Rowwise['vjp']) => fastVjpSpec('softmax', 'float64', { ...SOFTMAX, vjp }),
    verdict: 'nondeterministic',
    shrunk: { rows: 1, cols: 3 },
  }),
];
