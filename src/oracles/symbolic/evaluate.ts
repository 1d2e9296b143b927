/**
 * Float64 evaluation of a graph with a rigorous radius per node (midpoint–radius arithmetic,
 * interval.ts and functions.ts): one pass in topological order, each shared subexpression once.
 */
import { pow, UNARY, unary } from './functions.js';
import { FUNCTIONS, type Graph, Op } from './graph.js';
import { abs, add, div, mul, neg, sub } from './interval.js';

const SPECS = FUNCTIONS.map((name) => UNARY[name]!);

/** Scratch arrays for one graph, reused across evaluations (single-threaded). */
export interface Workspace {
  readonly val: Float64Array;
  readonly rad: Float64Array;
}

export function workspace(graph: Graph): Workspace {
  return { val: new Float64Array(graph.size), rad: new Float64Array(graph.size) };
}

/**
 * Evaluates every node at `inputs` (exact values within `inputRadius`, e.g. the rounding of a
 * max-shift). Afterwards `ws.val[id]` and `ws.rad[id]` enclose the exact value of node `id`.
 */
export function evaluateGraph(
  graph: Graph,
  inputs: ArrayLike<number>,
  inputRadius: ArrayLike<number> | undefined,
  ws: Workspace,
): void {
  const { op, a, b, constValue, constRadius } = graph;
  const { val, rad } = ws;
  for (let i = 0; i < graph.size; i++) {
    const x = a[i]!;
    const y = b[i]!;
    switch (op[i]) {
      case Op.CONST:
        val[i] = constValue[i]!;
        rad[i] = constRadius[i]!;
        break;
      case Op.VAR:
        val[i] = inputs[x]!;
        rad[i] = inputRadius === undefined ? 0 : inputRadius[x]!;
        break;
      case Op.NEG:
        neg(val, rad, i, x);
        break;
      case Op.ABS:
        abs(val, rad, i, x);
        break;
      case Op.ADD:
        add(val, rad, i, x, y);
        break;
      case Op.SUB:
        sub(val, rad, i, x, y);
        break;
      case Op.MUL:
        mul(val, rad, i, x, y);
        break;
      case Op.DIV:
        div(val, rad, i, x, y);
        break;
      case Op.POW:
        pow(val, rad, i, x, y);
        break;
      default:
        unary(SPECS[y]!, val, rad, i, x);
    }
  }
}

/** Copies the nodes `ids` out of an evaluated workspace into `values`/`error` at `offset`. */
export function gather(
  ws: Workspace,
  ids: Int32Array,
  values: Float64Array,
  error: Float64Array,
  offset = 0,
): void {
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k]!;
    values[offset + k] = ws.val[id]!;
    error[offset + k] = ws.rad[id]!;
  }
}
