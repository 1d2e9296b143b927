/**
 * `symbolicOracle`: mathjs derivatives of the user's own formulas as a JacobianOracle, evaluated in
 * float64 with a rigorous error bound per entry (midpoint–radius arithmetic, see interval.ts), and in
 * decimal at any precision for golden values (`precise`).
 */
import { GradcheckError } from '../../errors.js';
import type { NumericArray } from '../../types.js';
import type { JacobianEstimate, JacobianOracle } from '../types.js';
import { cachedProgram } from './cache.js';
import { evaluateGraph, gather, workspace } from './evaluate.js';
import { derivativeText } from './mathjs.js';
import { preciseValues } from './precise.js';
import type { Program } from './program.js';
import { checkDigits, toPoint } from './validate.js';

/** What `symbolicOracle` differentiates. */
export interface SymbolicSpec {
  /** One mathjs formula per output; a single string is a scalar function (its Jacobian is 1×n). */
  readonly expressions: string | readonly string[];
  /** The inputs, in the order of `x`. */
  readonly variables: readonly string[];
  /** Named constants held fixed (weights, targets), exact as given. Default: none. */
  readonly constants?: Readonly<Record<string, number>>;
}

/** Values with an absolute error bound per entry. */
export interface Enclosure {
  readonly values: Float64Array;
  readonly error: Float64Array;
}

/** A high-precision reference (kind `high-precision`) that can also print its values in decimal. */
export interface PreciseOracle extends JacobianOracle {
  /** The Jacobian at x (any numeric array of the right length). */
  jacobian(x: NumericArray): JacobianEstimate;
  /** The Jacobian at x as decimal strings of `digits` significant digits, row-major. */
  decimals(x: NumericArray): readonly string[];
}

/** The oracle returned by `symbolicOracle`. */
export interface SymbolicOracle extends JacobianOracle {
  readonly expressions: readonly string[];
  readonly variables: readonly string[];
  /** m×n Jacobian at x: float64 values and rigorous absolute error bounds. */
  jacobian(x: NumericArray): JacobianEstimate;
  /** The formulas themselves at x, with error bounds. */
  evaluate(x: NumericArray): Enclosure;
  /** mathjs's ∂expressions[output]/∂variables[input], as text. */
  derivative(output: number, input: number): string;
  /** The same Jacobian evaluated in decimal at `digits` significant digits (default 50). */
  precise(digits?: number): PreciseOracle;
}

const FN = 'symbolicOracle';

function constantsOf(spec: SymbolicSpec): [string[], number[]] {
  const entries = Object.entries(spec.constants ?? {});
  for (const [name, v] of entries) {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new GradcheckError(
        'GC_INVALID_ARGUMENT',
        FN,
        `constants.${name} must be a finite number (given ${String(v)})`,
        {
          arg: `constants.${name}`,
        },
      );
    }
  }
  return [entries.map(([k]) => k), entries.map(([, v]) => v)];
}

/**
 * A Jacobian oracle for formulas you write yourself. Sums must be written out with `+` (mathjs has no
 * derivative for `sum`, `max`, `log1p`); the formulas are parsed and differentiated once (cached).
 *
 * Each entry comes with a rigorous absolute error bound of its float64 evaluation. Where no finite
 * bound can be established (a divisor whose enclosure contains 0, an argument at a domain edge,
 * overflow) the error is +Infinity or the value non-finite: checkers report that as non-finite oracle
 * output, never as a pass. Literals mean their decimal values (`0.1` is one tenth, its double's
 * rounding is in the bound); `constants` and `x` mean their doubles exactly.
 *
 * @example
 * ```ts
 * const oracle = symbolicOracle({
 *   expressions: ['exp(a) / (exp(a) + exp(b))', 'exp(b) / (exp(a) + exp(b))'],
 *   variables: ['a', 'b'],
 * });
 * const { values, error } = oracle.jacobian([0.5, -1]); // 2×2, row-major, error ≈ 1e-16
 * checkJacobian(f, myJacobian, [0.5, -1], { oracle });
 * ```
 */
export function symbolicOracle(spec: SymbolicSpec): SymbolicOracle {
  if (typeof spec !== 'object' || spec === null) {
    throw new GradcheckError(
      'GC_INVALID_ARGUMENT',
      FN,
      `spec must be an object { expressions, variables } (given ${String(spec)})`,
      {
        arg: 'spec',
      },
    );
  }
  const expressions = typeof spec.expressions === 'string' ? [spec.expressions] : spec.expressions;
  const [parameters, constants] = constantsOf(spec);
  const program = cachedProgram(FN, { expressions, variables: spec.variables, parameters });
  return programOracle(
    program,
    constants,
    `mathjs derivative of ${program.expressions.length} expression(s) in ${program.variables.length} variable(s)`,
  );
}

function programOracle(program: Program, constants: readonly number[], description: string): SymbolicOracle {
  const m = program.expressions.length;
  const n = program.variables.length;
  const ws = workspace(program.graph);
  const inputs = (x: NumericArray, fn: string) => {
    const p = toPoint(fn, x, n);
    return Float64Array.from([...p, ...constants]);
  };
  const run = (x: NumericArray, fn: string, ids: Int32Array): Enclosure => {
    evaluateGraph(program.graph, inputs(x, fn), undefined, ws);
    const values = new Float64Array(ids.length);
    const error = new Float64Array(ids.length);
    gather(ws, ids, values, error);
    return { values, error };
  };
  return {
    kind: 'symbolic',
    description,
    expressions: program.expressions,
    variables: program.variables,
    jacobian: (x) => ({ rows: m, cols: n, ...run(x, `${FN}.jacobian`, program.jacobianIds) }),
    evaluate: (x) => run(x, `${FN}.evaluate`, program.valueIds),
    derivative(output, input) {
      const text = program.expressions[output];
      const v = program.variables[input];
      if (text === undefined || v === undefined) {
        throw new GradcheckError(
          'GC_OUT_OF_RANGE',
          `${FN}.derivative`,
          `output and input must index the Jacobian (${m}×${n}; given ${output}, ${input})`,
        );
      }
      return derivativeText(text, v);
    },
    precise(digits = 50) {
      const d = checkDigits(`${FN}.precise`, digits);
      const at = (x: NumericArray) =>
        preciseValues(program.graph, program.jacobianIds, inputs(x, `${FN}.precise`), d);
      return {
        kind: 'high-precision',
        description: `${description}, evaluated at ${d} digits`,
        jacobian: (x) => {
          const { values, error } = at(x);
          return { rows: m, cols: n, values, error };
        },
        decimals: (x) => at(x).decimals,
      };
    },
  };
}
