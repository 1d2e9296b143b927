/**
 * Parse once, differentiate every output with respect to every variable with mathjs
 * (`derivative(expr, v, { simplify: false })`: the default simplification takes minutes from n ≈ 16
 * on softmax terms), and store all the derivative trees in one shared DAG.
 */
import { GradcheckError } from '../../errors.js';
import { fromMathjs } from './fromMathjs.js';
import { type Graph, GraphBuilder, MAX_NODES } from './graph.js';
import { type MathNode, mathjs } from './mathjs.js';

/** What to differentiate: outputs as formulas in `variables`; `parameters` are held constant. */
export interface ProgramSpec {
  readonly expressions: readonly string[];
  readonly variables: readonly string[];
  readonly parameters?: readonly string[];
}

/** The compiled derivative program of m expressions in n variables. */
export interface Program {
  readonly expressions: readonly string[];
  readonly variables: readonly string[];
  readonly parameters: readonly string[];
  readonly graph: Graph;
  /** Node of each expression (the function value itself), length m. */
  readonly valueIds: Int32Array;
  /** Node of ∂expressions[i]/∂variables[j] at `i·n + j`, length m·n. */
  readonly jacobianIds: Int32Array;
}

function checkNames(fn: string, arg: string, names: unknown, seen: Set<string>): readonly string[] {
  if (!Array.isArray(names)) {
    throw new GradcheckError(
      'GC_INVALID_ARGUMENT',
      fn,
      `${arg} must be an array of names (given ${typeof names})`,
      {
        arg,
      },
    );
  }
  names.forEach((name, k) => {
    let ok = typeof name === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
    if (ok) {
      try {
        const node = mathjs().parse(name) as unknown as { type: string; name?: string };
        ok = node.type === 'SymbolNode' && node.name === name;
      } catch {
        ok = false;
      }
    }
    if (!ok) {
      throw new GradcheckError(
        'GC_INVALID_ARGUMENT',
        fn,
        `${arg}[${k}] must be an identifier (given ${JSON.stringify(name)})`,
        {
          arg: `${arg}[${k}]`,
        },
      );
    }
    if (seen.has(name)) {
      throw new GradcheckError(
        'GC_INVALID_ARGUMENT',
        fn,
        `${arg}[${k}] must be a new name ("${name}" is declared twice)`,
        {
          arg: `${arg}[${k}]`,
        },
      );
    }
    seen.add(name);
  });
  return names as string[];
}

function parseExpression(fn: string, arg: string, text: unknown): MathNode {
  if (typeof text !== 'string') {
    throw new GradcheckError('GC_INVALID_ARGUMENT', fn, `${arg} must be a string (given ${typeof text})`, {
      arg,
    });
  }
  try {
    return mathjs().parse(text);
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new GradcheckError(
      'GC_INVALID_ARGUMENT',
      fn,
      `${arg} must parse as a mathjs expression (given "${text}": ${why})`,
      {
        arg,
        cause,
      },
    );
  }
}

/** Builds (does not cache: see cache.ts) the derivative program of `spec`. */
export function buildProgram(fn: string, spec: ProgramSpec): Program {
  const seen = new Set<string>();
  const variables = checkNames(fn, 'variables', spec.variables, seen);
  const parameters = checkNames(fn, 'parameters', spec.parameters ?? [], seen);
  if (variables.length === 0) {
    throw new GradcheckError('GC_EMPTY_INPUT', fn, 'variables must name at least one variable (given [])', {
      arg: 'variables',
    });
  }
  const expressions = spec.expressions;
  if (!Array.isArray(expressions) || expressions.length === 0) {
    throw new GradcheckError(
      'GC_EMPTY_INPUT',
      fn,
      'expressions must hold at least one formula (given none)',
      {
        arg: 'expressions',
      },
    );
  }
  const symbols = new Map<string, number>();
  for (const [k, name] of [...variables, ...parameters].entries()) symbols.set(name, k);
  const g = new GraphBuilder();
  const n = variables.length;
  const valueIds = new Int32Array(expressions.length);
  const jacobianIds = new Int32Array(expressions.length * n);
  try {
    convertAll(fn, g, expressions, variables, symbols, valueIds, jacobianIds);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    throw new GradcheckError(
      'GC_TOO_LARGE',
      fn,
      `expressions must be small enough to compile (at most ${MAX_NODES} distinct subexpressions; ${e.message})`,
      {
        arg: 'expressions',
      },
    );
  }
  return { expressions: expressions.slice(), variables, parameters, graph: g.build(), valueIds, jacobianIds };
}

function convertAll(
  fn: string,
  g: GraphBuilder,
  expressions: readonly string[],
  variables: readonly string[],
  symbols: ReadonlyMap<string, number>,
  valueIds: Int32Array,
  jacobianIds: Int32Array,
): void {
  const n = variables.length;
  expressions.forEach((text, i) => {
    const arg = `expressions[${i}]`;
    const tree = parseExpression(fn, arg, text);
    valueIds[i] = fromMathjs(tree, g, { fn, arg, symbols });
    variables.forEach((v, j) => {
      let d: MathNode;
      try {
        d = mathjs().derivative(tree, v, { simplify: false });
      } catch (cause) {
        const why = cause instanceof Error ? cause.message : String(cause);
        throw new GradcheckError(
          'GC_INVALID_ARGUMENT',
          fn,
          `${arg} must be differentiable by mathjs (${why})`,
          {
            arg,
            cause,
          },
        );
      }
      jacobianIds[i * n + j] = fromMathjs(d, g, { fn, arg: `${arg} (derivative in ${v})`, symbols });
    });
  });
}
