/**
 * gradcheck: property-based gradient verification. This file is the whole public API, listed by hand.
 */
export type {
  ArgumentMutatedResult,
  CheckKind,
  CheckMode,
  CheckResult,
  Entry,
  Evaluations,
  MatrixView,
  MismatchResult,
  NondeterministicResult,
  NonFiniteResult,
  OracleKind,
  OracleUnreliableResult,
  PassResult,
  Verdict,
} from './checks/result.js';
export {
  GradcheckError,
  type GradcheckErrorCode,
  type GradcheckErrorOptions,
  isGradcheckError,
} from './errors.js';
export type { PropertyError, PropertyResult, PropertyStatus } from './property/result.js';
export { type DType, dtypeOf, type FloatArray, type NumericArray, UNIT_ROUNDOFF } from './types.js';

// ── kernels (src/kernels) ──────────────────────────────────────────────────────────────────────
export type { KernelOutput } from './kernels/arrays.js';
export { blockDiagonal } from './kernels/blockDiagonal.js';
export { crossEntropy, crossEntropyGrad } from './kernels/crossEntropy.js';
export { crossEntropyWithTargets, crossEntropyWithTargetsGrad } from './kernels/crossEntropyTargets.js';
export { type DenseGradients, dense, denseBackward } from './kernels/dense.js';
export { expForFloat32, expPlus } from './kernels/exp.js';
export type { Labels } from './kernels/labels.js';
export { logSoftmax } from './kernels/logSoftmax.js';
export { logSoftmaxJacobian, logSoftmaxJvp, logSoftmaxVjp } from './kernels/logSoftmaxDerivatives.js';
export { type ActivationName, createMlp, type Mlp, type MlpLayer, type MlpOptions } from './kernels/mlp.js';
export type { MlpTargets } from './kernels/mlpArgs.js';
export { type MlpBackward, mlpBackward } from './kernels/mlpBackward.js';
export { type MlpForward, mlpForward } from './kernels/mlpForward.js';
export { mlpLoss, mlpLossFromPreActivations } from './kernels/mlpLoss.js';
export { mulberry32 } from './kernels/random.js';
export { relu, reluGrad } from './kernels/relu.js';
export { sigmoid, sigmoidGrad } from './kernels/sigmoid.js';
export { softmax } from './kernels/softmax.js';
export { softmaxJacobian, softmaxJvp, softmaxVjp } from './kernels/softmaxDerivatives.js';
export { tanh, tanhGrad } from './kernels/tanh.js';
export type { KernelInput } from './kernels/validate.js';

// ── oracles (src/oracles) ──────────────────────────────────────────────────────────────────────
export { Decimal, decimalContext, exactDecimal } from './oracles/preciseDecimal.js';
export type { PreciseOptions } from './oracles/preciseArgs.js';
export { preciseLogSoftmax, preciseSoftmax } from './oracles/preciseSoftmax.js';
export { ulp, ulpDistance, ulpError } from './oracles/preciseUlp.js';
export type { JacobianEstimate, JacobianOracle } from './oracles/types.js';
export {
  type DirectionalDerivative,
  directionalDerivative,
  type FiniteDifferenceOptions,
  finiteDifferenceJacobian,
} from './oracles/finiteDifference/api.js';
export type { FiniteDifferenceJacobian } from './oracles/finiteDifference/jacobian.js';
export {
  FINITE_DIFFERENCE_DEFAULTS,
  type FiniteDifferenceSettings,
} from './oracles/finiteDifference/settings.js';

// ── symbolic oracle (src/oracles/symbolic*) ────────────────────────────────────────────────────
export { crossEntropySymbolic } from './oracles/symbolic/builtins/crossEntropySymbolic.js';
export { crossEntropyWithTargetsSymbolic } from './oracles/symbolic/builtins/crossEntropyWithTargetsSymbolic.js';
export { MAX_SYMBOLIC_COLS } from './oracles/symbolic/builtins/limits.js';
export { logSoftmaxSymbolic } from './oracles/symbolic/builtins/logSoftmaxSymbolic.js';
export { type ReluSymbolicOptions, reluSymbolic } from './oracles/symbolic/builtins/reluSymbolic.js';
export { sigmoidSymbolic } from './oracles/symbolic/builtins/sigmoidSymbolic.js';
export { softmaxSymbolic } from './oracles/symbolic/builtins/softmaxSymbolic.js';
export { tanhSymbolic } from './oracles/symbolic/builtins/tanhSymbolic.js';
export {
  type Enclosure,
  type PreciseOracle,
  type SymbolicOracle,
  type SymbolicSpec,
  symbolicOracle,
} from './oracles/symbolic/oracle.js';
export type { JacobianBlocks, RowwiseOracle } from './oracles/symbolic/rowwise.js';

// ── checks (src/checks) ────────────────────────────────────────────────────────────────────────
export {
  assertBackprop,
  assertGradient,
  assertJacobian,
  assertJvp,
  assertVjp,
  CheckFailedError,
} from './checks/assert.js';
export { type BackpropModel, checkBackprop } from './checks/checkBackprop.js';
export { checkGradient } from './checks/checkGradient.js';
export { checkJacobian } from './checks/checkJacobian.js';
export { checkJvp } from './checks/checkJvp.js';
export { checkVjp } from './checks/checkVjp.js';
export {
  allowedBound,
  DEFAULT_KAPPA,
  ROUNDING_MODEL,
  type RoundingModel,
  roundingBound,
} from './checks/errorModel.js';
export type {
  GradientFunction,
  JacobianFunction,
  JvpFunction,
  ScalarFunction,
  VectorFunction,
  VjpFunction,
} from './checks/functions.js';
export { CHECK_OPTION_KEYS, type CheckOptions, DEFAULT_SEED } from './checks/options.js';

// ── arbitraries (src/arbitraries) ──────────────────────────────────────────────────────────────
export { type CotangentsConstraints, cotangents } from './arbitraries/cotangents.js';
export type { DirectionKind } from './arbitraries/directionRows.js';
export { EXP_OVERFLOW, EXP_UNDERFLOW } from './arbitraries/edges.js';
export { labels } from './arbitraries/labels.js';
export {
  type LogitBatch,
  type LogitBatchesConstraints,
  logitBatches,
  logitBatchesConstraints,
} from './arbitraries/logitBatches.js';
export { DEFAULT_LOGIT_REGIMES, LOGIT_REGIMES, type LogitRegime } from './arbitraries/logitRegimes.js';
export { type LogitVectorsConstraints, logitVectors } from './arbitraries/logitVectors.js';
export { type Kink, type MlpCase, type MlpCasesConstraints, mlpCases } from './arbitraries/mlpCases.js';
export { type MlpParametersConstraints, mlpParameters } from './arbitraries/mlpParameters.js';
export {
  type MlpActivation,
  type MlpShape,
  type MlpShapesConstraints,
  mlpShapes,
  mlpShapesConstraints,
} from './arbitraries/mlpShapes.js';
export {
  type ProbabilityTargetsConstraints,
  probabilityTargets,
  type TargetKind,
} from './arbitraries/probabilityTargets.js';
export type { Shape } from './arbitraries/shape.js';
export { type TangentsConstraints, tangents } from './arbitraries/tangents.js';
export { type FieldValues, withFields } from './arbitraries/withFields.js';

// ── properties and specs (src/property) ────────────────────────────────────────────────────────
export type {
  BackpropDefinition,
  CheckDefinition,
  GradientDefinition,
  JacobianDefinition,
  JacobianValue,
  JvpDefinition,
  PointKey,
  SpecOptions,
  VjpDefinition,
} from './property/checkDefinition.js';
export { type AllowedBound, checkInvariant, type InvariantOptions } from './property/checkInvariant.js';
export { defaultSeed } from './property/defaultSeed.js';
export { defineCheck } from './property/defineCheck.js';
export { defineProperty, type PropertyDefinition } from './property/defineProperty.js';
export type { PropertyOptions, RunOverrides } from './property/options.js';
export { runProperty } from './property/runProperty.js';
export { GRAD_SPEC, type GradSpec, isGradSpec, type RunContext } from './property/spec.js';

// ── reports (src/report) ───────────────────────────────────────────────────────────────────────
export { buildReport } from './report/build.js';
export { entriesMarkdown, type MarkdownOptions, renderMarkdown } from './report/markdown.js';
export { type HtmlOptions, renderHtml } from './report/html.js';
export { renderJson } from './report/json.js';
export { type JunitOptions, renderJunit } from './report/junit.js';
export { mergeReports } from './report/merge.js';
export { parseReport } from './report/parse.js';
export { replayCommand, shellQuote } from './report/replay.js';
export { REPORT_SCHEMA } from './report/schema.js';
export { entriesText } from './report/text-table.js';
export {
  REPORT_SCHEMA_VERSION,
  type ReplayOptions,
  type Report,
  type ReportEntry,
  type ReportMeta,
  type ReportShard,
  type ReportSummary,
} from './report/types.js';
export { decodeValue, encodeValue } from './report/value.js';
