/**
 * Converts a mathjs expression tree into GraphBuilder nodes, rejecting everything the evaluators
 * cannot take exactly: unknown symbols, non-numeric constants, matrices, assignments, and functions
 * outside the supported set (with a hint for the usual suspects: sum, max, log1p…).
 */
import { GradcheckError } from '../../errors.js';
import { FUNCTIONS, type GraphBuilder } from './graph.js';
import type { MathNode } from './mathjs.js';

/** Functions accepted in expressions: all of them have mathjs derivatives we can evaluate. */
export const SUPPORTED_FUNCTIONS: readonly string[] = [
  ...FUNCTIONS,
  'abs',
  'tan',
  'cot',
  'sec',
  'csc',
  'log10',
  'pow',
];

const HINTS: Readonly<Record<string, string>> = {
  sum: 'write sums out with +, e.g. exp(x0) + exp(x1)',
  max: 'max has no symbolic derivative; write it out, e.g. (a + b + abs(a - b)) / 2, or use the finite-difference oracle',
  min: 'min has no symbolic derivative; write it out, e.g. (a + b - abs(a - b)) / 2',
  log1p: 'write log(1 + x)',
  expm1: 'write exp(x) - 1',
  log2: 'write log(x, 2)',
  nthRoot: 'write x^(1/n)',
};

/** Where conversion happens, for error messages: the public function and the argument name. */
export interface Site {
  readonly fn: string;
  readonly arg: string;
  /** Symbol name → input index (variables first, then parameters). */
  readonly symbols: ReadonlyMap<string, number>;
}

interface AnyNode {
  readonly type: string;
  readonly value?: unknown;
  readonly name?: string;
  readonly fn?: unknown;
  readonly op?: string;
  readonly args?: readonly AnyNode[];
  readonly content?: AnyNode;
}

/** The graph node computing `node`. Throws GC_INVALID_ARGUMENT naming `site.arg`. */
export function fromMathjs(root: MathNode, g: GraphBuilder, site: Site): number {
  const fail = (what: string): never => {
    throw new GradcheckError('GC_INVALID_ARGUMENT', site.fn, `${site.arg} must ${what}`, { arg: site.arg });
  };
  const walk = (node: AnyNode): number => {
    switch (node.type) {
      case 'ParenthesisNode':
        return walk(node.content!);
      case 'ConstantNode': {
        const v = node.value;
        if (typeof v !== 'number' || !Number.isFinite(v))
          fail(`hold only finite numbers (given ${String(v)})`);
        return g.constant(String(v));
      }
      case 'SymbolNode':
        return symbol(node.name!);
      case 'OperatorNode':
        return operator(node);
      case 'FunctionNode':
        return call(node);
      default:
        return fail(`be a scalar formula (a ${node.type} is not supported)`);
    }
  };
  const symbol = (name: string): number => {
    const k = site.symbols.get(name);
    if (k !== undefined) return g.variable(k);
    if (name === 'e' || name === 'E') return g.constant('#e');
    if (name === 'pi' || name === 'PI') return g.constant('#pi');
    const known = [...site.symbols.keys()].join(', ');
    return fail(`use only declared symbols (unknown symbol "${name}"; declared: ${known})`);
  };
  const operator = (node: AnyNode): number => {
    const args = (node.args ?? []).map(walk);
    const [x, y] = args as [number, number];
    switch (node.fn) {
      case 'add':
        return args.reduce((s, t) => g.add(s, t));
      case 'multiply':
        return args.reduce((s, t) => g.mul(s, t));
      case 'subtract':
        return g.sub(x, y);
      case 'divide':
        return g.div(x, y);
      case 'unaryMinus':
        return g.neg(x);
      case 'unaryPlus':
        return x;
      case 'pow':
        return g.pow(x, y);
      default:
        return fail(`use only + - * / ^ (operator "${node.op}" is not supported)`);
    }
  };
  const call = (node: AnyNode): number => {
    const name = (node.fn as { name?: string } | undefined)?.name ?? String(node.name);
    const args = node.args ?? [];
    if (!SUPPORTED_FUNCTIONS.includes(name)) {
      const hint = HINTS[name] ?? `supported: ${SUPPORTED_FUNCTIONS.join(', ')}`;
      return fail(`use functions mathjs can differentiate ("${name}" is not; ${hint})`);
    }
    const arity = name === 'pow' ? [2] : name === 'log' ? [1, 2] : [1];
    if (!arity.includes(args.length))
      fail(`call ${name} with ${arity.join(' or ')} argument(s) (given ${args.length})`);
    const ids = args.map(walk);
    if (name === 'pow') return g.pow(ids[0]!, ids[1]!);
    if (name === 'abs') return g.abs(ids[0]!);
    if (name === 'log' && ids.length === 2) return g.div(g.fn('log', ids[0]!), g.fn('log', ids[1]!));
    return g.fn(name, ids[0]!);
  };
  return walk(root as unknown as AnyNode);
}
