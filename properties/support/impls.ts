/**
 * The implementations the gate's specs check, as replaceable parts: every spec builder takes the
 * reference kernels by default, and the buggy-fixture suite hands the same builders a known-wrong
 * implementation (fixtures/buggy) to prove that the gate catches it.
 */
import {
  crossEntropy,
  crossEntropyGrad,
  crossEntropyWithTargets,
  crossEntropyWithTargetsGrad,
  type FloatArray,
  logSoftmax,
  logSoftmaxJacobian,
  logSoftmaxJvp,
  logSoftmaxVjp,
  type Mlp,
  type MlpTargets,
  mlpBackward,
  softmax,
  softmaxJacobian,
  softmaxJvp,
  softmaxVjp,
} from 'gradcheck';

/** A row-wise kernel over row-major batches and its derivatives (Jacobian as per-row cols×cols blocks). */
export interface RowwiseImpl {
  readonly forward: (x: FloatArray, cols: number) => FloatArray;
  readonly jacobian: (x: FloatArray, cols: number) => FloatArray;
  readonly vjp: (x: FloatArray, g: FloatArray, cols: number) => FloatArray;
  readonly jvp: (x: FloatArray, t: FloatArray, cols: number) => FloatArray;
}

/** The reference softmax kernels. */
export const SOFTMAX: RowwiseImpl = {
  forward: softmax,
  jacobian: softmaxJacobian,
  vjp: softmaxVjp,
  jvp: softmaxJvp,
};

/** The reference log-softmax kernels. */
export const LOG_SOFTMAX: RowwiseImpl = {
  forward: logSoftmax,
  jacobian: logSoftmaxJacobian,
  vjp: logSoftmaxVjp,
  jvp: logSoftmaxJvp,
};

/** Mean softmax cross-entropy and its gradient in the logits, for integer labels. */
export interface CrossEntropyImpl {
  readonly loss: (x: FloatArray, labels: Int32Array, cols: number) => number;
  readonly grad: (x: FloatArray, labels: Int32Array, cols: number) => FloatArray;
}

export const CROSS_ENTROPY: CrossEntropyImpl = { loss: crossEntropy, grad: crossEntropyGrad };

/** Mean softmax cross-entropy and its gradient in the logits, for probability targets. */
export interface CrossEntropyTargetsImpl {
  readonly loss: (x: FloatArray, targets: FloatArray, cols: number) => number;
  readonly grad: (x: FloatArray, targets: FloatArray, cols: number) => FloatArray;
}

export const CROSS_ENTROPY_TARGETS: CrossEntropyTargetsImpl = {
  loss: crossEntropyWithTargets,
  grad: crossEntropyWithTargetsGrad,
};

/** A network's backward pass: the parameter gradient and the per-layer deltas ∂loss/∂z_l. */
export type MlpBackwardImpl = (
  mlp: Mlp,
  params: FloatArray,
  x: FloatArray,
  targets: MlpTargets,
) => { readonly gradient: FloatArray; readonly deltas: readonly FloatArray[] };

export const MLP_BACKWARD: MlpBackwardImpl = mlpBackward;
