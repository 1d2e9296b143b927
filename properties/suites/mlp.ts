/**
 * A multi-layer perceptron's backward pass (sigmoid, tanh and ReLU hidden layers, softmax cross-entropy
 * on top) against finite differences: the parameter gradient in full mode on small networks and in
 * fast mode on wider ones, and the per-layer deltas δ_l = ∂loss/∂z_l (`checkBackprop`: each layer's
 * pre-activations perturbed, the loss recomputed from there). ReLU pre-activations are kept a margin
 * away from 0, so no finite difference crosses a kink.
 */
import {
  createMlp,
  type DType,
  defineCheck,
  type FloatArray,
  type GradSpec,
  type MlpCase,
  type MlpCasesConstraints,
  mlpCases,
  mlpForward,
  mlpLoss,
  mlpLossFromPreActivations,
} from 'gradcheck';
import { MLP_BACKWARD, type MlpBackwardImpl } from '../support/impls.js';
import { RUNS } from '../support/settings.js';

/** Small networks for full-mode checks: at most 4 inputs, 2 hidden layers of 5, 3 classes, 3 rows. */
const SMALL: MlpCasesConstraints = { maxInput: 4, maxWidth: 5, maxHidden: 2, maxClasses: 3, maxRows: 3 };
/** Wider networks for fast mode (softmax regressions without a hidden layer too): its cost does not grow with the parameter count. */
const WIDE: MlpCasesConstraints = {
  maxInput: 16,
  maxWidth: 24,
  minHidden: 0,
  maxHidden: 2,
  maxClasses: 6,
  maxRows: 4,
};

const net = (c: MlpCase, dtype: DType) => createMlp({ sizes: c.sizes, activations: c.activations, dtype });

/** The parameter gradient of small networks with integer labels, every entry (full mode). */
export function mlpGradientSpec(dtype: DType, backward: MlpBackwardImpl = MLP_BACKWARD): GradSpec {
  return defineCheck({
    name: `mlp parameter gradient (${dtype})`,
    input: mlpCases({ ...SMALL, dtype }),
    point: 'params',
    f: (c) => mlpLoss(net(c, dtype), c.params, c.x, c.targets),
    gradient: (c) => backward(net(c, dtype), c.params, c.x, c.targets).gradient,
    options: { numRuns: RUNS, dtype },
  });
}

/** The parameter gradient of wider networks with probability targets, by random projections. */
export function mlpFastGradientSpec(dtype: DType, backward: MlpBackwardImpl = MLP_BACKWARD): GradSpec {
  return defineCheck({
    name: `mlp parameter gradient, fast mode (${dtype})`,
    input: mlpCases({ ...WIDE, targets: 'probabilities', dtype }),
    point: 'params',
    f: (c) => mlpLoss(net(c, dtype), c.params, c.x, c.targets),
    gradient: (c) => backward(net(c, dtype), c.params, c.x, c.targets).gradient,
    options: { numRuns: RUNS, dtype, mode: 'fast' },
  });
}

/** The per-layer deltas of small networks (checkBackprop, full mode). */
export function mlpDeltasSpec(dtype: DType, backward: MlpBackwardImpl = MLP_BACKWARD): GradSpec {
  return defineCheck({
    name: `mlp per-layer deltas (${dtype})`,
    input: mlpCases({ ...SMALL, dtype }),
    backprop: (c) => {
      const mlp = net(c, dtype);
      return {
        preActivations: mlpForward(mlp, c.params, c.x, c.rows).preActivations,
        deltas: () => backward(mlp, c.params, c.x, c.targets).deltas,
        lossFrom: (l: number, z: FloatArray) =>
          mlpLossFromPreActivations(mlp, c.params, c.x, c.targets, l, z),
      };
    },
    options: { numRuns: RUNS, dtype },
  });
}

/** Every MLP spec in one dtype. */
export function mlpSuite(dtype: DType): GradSpec[] {
  return [mlpGradientSpec(dtype), mlpFastGradientSpec(dtype), mlpDeltasSpec(dtype)];
}
