/**
 * The built-in gate that `npx gradcheck` runs: property checks of the reference kernels, written with
 * the public API as any user would. The CLI collects every spec exported here (`builtinSpecs`); this
 * module exports nothing else. Suites live in ./suites, one file per subject; each spec builder takes
 * the implementation it checks (the reference kernels by default), so the buggy-fixture suite
 * (fixtures.test.ts) points the very same specs at known-wrong code.
 *
 * For float64 and float32, at 200 runs per property:
 * - contracts: malformed input rejected with typed errors (whole message and details), createMlp's
 *   documented initialisation from the published mulberry32 generator, preallocated / in-place /
 *   plain-array calls identical to plain ones, the softmax VJP/JVP fast path bit for bit equal to a
 *   plain evaluation, rows and batches of rows wider than the kernels' workspace (computed in
 *   chunks) identical to narrow ones;
 * - invariants: softmax rows are probability vectors, shift invariance, exp(log-softmax) = softmax,
 *   J·1 = 0, J symmetric positive semidefinite, cross-entropy ≥ 0 with gradient rows summing to 0,
 *   float32 results within their bound of the float64 ones, the MLP forward pass composes its layers;
 * - overflow and accuracy: softmax / log-softmax / cross-entropy within 4 ulps of 40-digit references
 *   (special rows included) and their derivatives to 10 ulps (on NaN, +Infinity and fully masked
 *   rows, consistent with their own Jacobians, NaN kept to its row), on every regime up to ±1e308; exp and
 *   the activations within their ulps;
 * - oracle agreement: Jacobians, VJPs and JVPs of softmax / log-softmax / cross-entropy against finite
 *   differences and the mathjs symbolic oracle, MLP gradients (full and fast mode) and per-layer
 *   deltas, activation derivatives and a dense layer.
 */
import type { DType, GradSpec } from 'gradcheck';
import { accuracySuite } from './suites/accuracy.js';
import { badInputSpec } from './suites/badInput/index.js';
import { crossEntropySuite } from './suites/crossEntropy.js';
import { crossEntropyInvariantSpec } from './suites/crossEntropyInvariants.js';
import { activationAccuracySpec, expSpec } from './suites/elementwise.js';
import { fastPathSuite } from './suites/fastPaths.js';
import { finiteDifferenceSuite } from './suites/finiteDifference.js';
import { float32AgreementSpec } from './suites/float32Agreement.js';
import { initSpec } from './suites/init.js';
import { jacobianRowSumSpec, jacobianSymmetricSpec } from './suites/jacobianInvariants.js';
import { layerSuite } from './suites/layers.js';
import { mlpSuite } from './suites/mlp.js';
import { forwardSpec } from './suites/network.js';
import { outputsSpec } from './suites/outputs.js';
import { preciseDerivativesSpec } from './suites/preciseDerivatives.js';
import { mulberry32Spec } from './suites/random.js';
import { expLogSoftmaxSpec, softmaxRowsSpec, softmaxShiftSpec } from './suites/softmaxInvariants.js';
import { specialRowDerivativesSpec } from './suites/specialRowDerivatives.js';
import { symbolicSuite } from './suites/symbolic.js';
import { wideBatchSpec } from './suites/wideBatches.js';
import { wideRowsSpec } from './suites/wideRows.js';

/** Every spec of one dtype, cheapest first. */
function gate(dtype: DType): GradSpec[] {
  return [
    softmaxRowsSpec(dtype),
    softmaxShiftSpec(dtype),
    expLogSoftmaxSpec(dtype),
    jacobianRowSumSpec(dtype),
    jacobianSymmetricSpec(dtype),
    crossEntropyInvariantSpec(dtype),
    outputsSpec(dtype),
    ...fastPathSuite(dtype),
    ...accuracySuite(dtype),
    activationAccuracySpec(dtype),
    preciseDerivativesSpec(dtype),
    specialRowDerivativesSpec(dtype),
    ...finiteDifferenceSuite(dtype),
    ...symbolicSuite(dtype),
    ...crossEntropySuite(dtype),
    ...layerSuite(dtype),
    forwardSpec(dtype),
    ...mlpSuite(dtype),
    // Rows wider than the workspace, the costliest per input: last, so that a failing cheaper
    // property stops a run (or a mutant under Stryker) first.
    wideRowsSpec(dtype),
    wideBatchSpec(dtype),
  ];
}

/** Every spec of the built-in gate, in the order the gate runs them. */
export const builtinSpecs: GradSpec[] = [
  badInputSpec(),
  expSpec(),
  mulberry32Spec(),
  initSpec(),
  ...gate('float64'),
  float32AgreementSpec(),
  ...gate('float32'),
];
