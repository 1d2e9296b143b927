/**
 * The built-in gate that `npx gradcheck` runs: property checks of the reference kernels, written with
 * the public API as any user would. The CLI collects every spec exported here (`builtinSpecs`); this
 * module exports nothing else. Suites live in ./suites, one file per subject; each spec builder takes
 * the implementation it checks (the reference kernels by default), so the buggy-fixture suite
 * (fixtures.test.ts) points the very same specs at known-wrong code.
 *
 * For float64 and float32, at 200 runs per property:
 * - invariants: softmax rows are probability vectors, shift invariance, exp(log-softmax) = softmax,
 *   J·1 = 0, J symmetric positive semidefinite, cross-entropy ≥ 0 with gradient rows summing to 0,
 *   float32 results within their bound of the float64 ones;
 * - overflow and accuracy: softmax / log-softmax within 4 ulps of 40-digit references and their
 *   derivatives exact to 10 ulps, on every regime up to ±1e308;
 * - oracle agreement: Jacobians, VJPs and JVPs of softmax / log-softmax / cross-entropy against finite
 *   differences and the mathjs symbolic oracle, MLP gradients (full and fast mode) and per-layer
 *   deltas, activation derivatives and a dense layer.
 */
import type { DType, GradSpec } from 'gradcheck';
import { accuracySuite } from './suites/accuracy.js';
import { crossEntropySuite } from './suites/crossEntropy.js';
import { crossEntropyInvariantSpec } from './suites/crossEntropyInvariants.js';
import { finiteDifferenceSuite } from './suites/finiteDifference.js';
import { float32AgreementSpec } from './suites/float32Agreement.js';
import { jacobianRowSumSpec, jacobianSymmetricSpec } from './suites/jacobianInvariants.js';
import { layerSuite } from './suites/layers.js';
import { mlpSuite } from './suites/mlp.js';
import { preciseDerivativesSpec } from './suites/preciseDerivatives.js';
import { expLogSoftmaxSpec, softmaxRowsSpec, softmaxShiftSpec } from './suites/softmaxInvariants.js';
import { symbolicSuite } from './suites/symbolic.js';

/** Every spec of one dtype, cheapest first. */
function gate(dtype: DType): GradSpec[] {
  return [
    softmaxRowsSpec(dtype),
    softmaxShiftSpec(dtype),
    expLogSoftmaxSpec(dtype),
    jacobianRowSumSpec(dtype),
    jacobianSymmetricSpec(dtype),
    crossEntropyInvariantSpec(dtype),
    ...accuracySuite(dtype),
    preciseDerivativesSpec(dtype),
    ...finiteDifferenceSuite(dtype),
    ...symbolicSuite(dtype),
    ...crossEntropySuite(dtype),
    ...layerSuite(dtype),
    ...mlpSuite(dtype),
  ];
}

/** Every spec of the built-in gate, in the order the gate runs them. */
export const builtinSpecs: GradSpec[] = [...gate('float64'), float32AgreementSpec(), ...gate('float32')];
