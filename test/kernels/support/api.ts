/**
 * The kernels and precise references straight from src/ (importing the package index also loads
 * mathjs and every checker, several seconds per test file). golden.test.ts uses the public
 * 'gradcheck' import, which also proves these names are exported.
 */
export { GradcheckError, isGradcheckError } from '../../../src/errors.js';
export { blockDiagonal } from '../../../src/kernels/blockDiagonal.js';
export { crossEntropy, crossEntropyGrad } from '../../../src/kernels/crossEntropy.js';
export {
  crossEntropyWithTargets,
  crossEntropyWithTargetsGrad,
} from '../../../src/kernels/crossEntropyTargets.js';
export { dense, denseBackward } from '../../../src/kernels/dense.js';
export { logSoftmax } from '../../../src/kernels/logSoftmax.js';
export {
  logSoftmaxJacobian,
  logSoftmaxJvp,
  logSoftmaxVjp,
} from '../../../src/kernels/logSoftmaxDerivatives.js';
export { createMlp, type Mlp } from '../../../src/kernels/mlp.js';
export { mlpBackward } from '../../../src/kernels/mlpBackward.js';
export { mlpForward } from '../../../src/kernels/mlpForward.js';
export { mlpLoss, mlpLossFromPreActivations } from '../../../src/kernels/mlpLoss.js';
export { mulberry32 } from '../../../src/kernels/random.js';
export { relu, reluGrad } from '../../../src/kernels/relu.js';
export { sigmoid, sigmoidGrad } from '../../../src/kernels/sigmoid.js';
export { softmax } from '../../../src/kernels/softmax.js';
export { softmaxJacobian, softmaxJvp, softmaxVjp } from '../../../src/kernels/softmaxDerivatives.js';
export { tanh, tanhGrad } from '../../../src/kernels/tanh.js';
export { Decimal, decimalContext, exactDecimal } from '../../../src/oracles/preciseDecimal.js';
export { preciseLogSoftmax, preciseSoftmax } from '../../../src/oracles/preciseSoftmax.js';
export { ulp, ulpDistance, ulpError } from '../../../src/oracles/preciseUlp.js';
export type { DType, FloatArray } from '../../../src/types.js';
