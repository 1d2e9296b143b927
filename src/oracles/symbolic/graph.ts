/**
 * A hash-consed expression DAG (common subexpressions stored once), built from mathjs trees by
 * fromMathjs.ts and evaluated by evaluate.ts (float64 with radii) and precise.ts (decimal).
 *
 * The builder applies only identities that are exact in every arithmetic (x·1 = x, x + 0 = x,
 * 0·x = 0 for the finite x of a derivative tree, integer constant folding, xᵏ as a product chain for
 * integer |k| ≤ 64) and orders the operands of + and × (commutative in IEEE arithmetic too), so the
 * n² softmax derivative trees collapse to O(n²) distinct nodes instead of O(n³).
 */
import { Decimal } from 'decimal.js';
import { UNARY } from './functions.js';
import { U } from './interval.js';

/** Node kinds. `FN` nodes keep the index of their function in `FUNCTIONS` in `b`. */
export const Op = {
  CONST: 0,
  VAR: 1,
  NEG: 2,
  ABS: 3,
  ADD: 4,
  SUB: 5,
  MUL: 6,
  DIV: 7,
  POW: 8,
  FN: 9,
} as const;

/** Unary functions evaluated directly (others are rewritten: tan = sin/cos, sec = 1/cos…). */
export const FUNCTIONS: readonly string[] = Object.keys(UNARY);

/** Frozen arrays of a finished graph, in topological order (children before parents). */
export interface Graph {
  readonly size: number;
  readonly op: Int32Array;
  readonly a: Int32Array;
  readonly b: Int32Array;
  /** For CONST nodes: the double, its radius (0 when exact) and the decimal text it came from. */
  readonly constValue: Float64Array;
  readonly constRadius: Float64Array;
  readonly constText: readonly (string | undefined)[];
}

const NAMED: Readonly<Record<string, number>> = { '#e': Math.E, '#pi': Math.PI };
const MAX_CHAIN = 64;
/** Graph size limit (keys pack node ids in 21 bits). */
export const MAX_NODES = 2 ** 21 - 2;

export class GraphBuilder {
  private readonly op: number[] = [];
  private readonly a: number[] = [];
  private readonly b: number[] = [];
  private readonly cval: number[] = [];
  private readonly crad: number[] = [];
  private readonly ctext: (string | undefined)[] = [];
  private readonly index = new Map<number, number>();
  private readonly constants = new Map<string, number>();

  /** A literal given as decimal text (`'0.1'`, `'2'`) or a named constant `'#e'`, `'#pi'`. */
  constant(text: string): number {
    const known = this.constants.get(text);
    if (known !== undefined) return known;
    const named = NAMED[text];
    const value = named ?? Number(text);
    let radius = U * Math.abs(value);
    if (named === undefined && new Decimal(text).eq(new Decimal(value.toPrecision(100)))) radius = 0;
    return this.node(Op.CONST, -1, -1, value, radius, text);
  }

  /** Input k (variables first, then parameters). */
  variable(k: number): number {
    return this.node(Op.VAR, k, -1);
  }

  neg(x: number): number {
    if (this.op[x] === Op.NEG) return this.a[x]!;
    const k = this.integer(x);
    if (k !== undefined) return this.int(-k);
    return this.node(Op.NEG, x, -1);
  }

  abs(x: number): number {
    return this.node(Op.ABS, x, -1);
  }

  add(x: number, y: number): number {
    if (this.is(x, 0)) return y;
    if (this.is(y, 0)) return x;
    const folded = this.fold(x, y, (p, q) => p + q);
    return folded ?? this.node(Op.ADD, Math.min(x, y), Math.max(x, y));
  }

  sub(x: number, y: number): number {
    if (this.is(y, 0)) return x;
    if (this.is(x, 0)) return this.neg(y);
    const folded = this.fold(x, y, (p, q) => p - q);
    return folded ?? this.node(Op.SUB, x, y);
  }

  mul(x: number, y: number): number {
    if (this.is(x, 0) || this.is(y, 0)) return this.int(0);
    if (this.is(x, 1)) return y;
    if (this.is(y, 1)) return x;
    if (this.is(x, -1)) return this.neg(y);
    if (this.is(y, -1)) return this.neg(x);
    const folded = this.fold(x, y, (p, q) => p * q);
    return folded ?? this.node(Op.MUL, Math.min(x, y), Math.max(x, y));
  }

  div(x: number, y: number): number {
    if (this.is(y, 1)) return x;
    if (this.is(x, 0)) return this.int(0);
    const folded = this.fold(x, y, (p, q) => (p % q === 0 ? p / q : Number.NaN));
    return folded ?? this.node(Op.DIV, x, y);
  }

  pow(x: number, y: number): number {
    const k = this.integer(y);
    if (k === undefined || Math.abs(k) > MAX_CHAIN) return this.node(Op.POW, x, y);
    if (k === 0) return this.int(1);
    const chain = this.power(x, Math.abs(k));
    return k > 0 ? chain : this.div(this.int(1), chain);
  }

  /** A unary function by mathjs name; tan, sec, csc, cot become quotients. */
  fn(name: string, x: number): number {
    switch (name) {
      case 'tan':
        return this.div(this.fn('sin', x), this.fn('cos', x));
      case 'cot':
        return this.div(this.fn('cos', x), this.fn('sin', x));
      case 'sec':
        return this.div(this.int(1), this.fn('cos', x));
      case 'csc':
        return this.div(this.int(1), this.fn('sin', x));
      case 'log10':
        return this.div(this.fn('log', x), this.fn('log', this.int(10)));
      default: {
        const f = FUNCTIONS.indexOf(name);
        if (f < 0) throw new Error(`graph: unknown function ${name}`);
        return this.node(Op.FN, x, f);
      }
    }
  }

  /** The finished graph (the builder may keep growing; this is a snapshot). */
  build(): Graph {
    return {
      size: this.op.length,
      op: Int32Array.from(this.op),
      a: Int32Array.from(this.a),
      b: Int32Array.from(this.b),
      constValue: Float64Array.from(this.cval),
      constRadius: Float64Array.from(this.crad),
      constText: this.ctext.slice(),
    };
  }

  /** xᵏ for k ≥ 1 by binary powering (exact products of the same enclosures). */
  private power(x: number, k: number): number {
    if (k === 1) return x;
    const half = this.power(x, Math.floor(k / 2));
    const sq = this.mul(half, half);
    return k % 2 === 0 ? sq : this.mul(sq, x);
  }

  private int(k: number): number {
    return this.constant(String(k));
  }

  /** The node's value if it is an exact safe-integer constant. */
  private integer(x: number): number | undefined {
    if (this.op[x] !== Op.CONST || this.crad[x] !== 0) return undefined;
    const v = this.cval[x]!;
    return Number.isSafeInteger(v) ? v : undefined;
  }

  private is(x: number, value: number): boolean {
    return this.op[x] === Op.CONST && this.crad[x] === 0 && this.cval[x] === value;
  }

  private fold(x: number, y: number, f: (p: number, q: number) => number): number | undefined {
    const p = this.integer(x);
    const q = this.integer(y);
    if (p === undefined || q === undefined) return undefined;
    const r = f(p, q);
    return Number.isSafeInteger(r) ? this.int(r) : undefined;
  }

  private node(op: number, a: number, b: number, value = Number.NaN, radius = 0, text?: string): number {
    // Ids stay below 2²¹ (MAX_NODES), so (op, a, b) packs exactly into one safe integer key.
    const key = (op * 2 ** 21 + a + 1) * 2 ** 21 + b + 1;
    const found = op === Op.CONST ? this.constants.get(text!) : this.index.get(key);
    if (found !== undefined) return found;
    if (this.op.length >= MAX_NODES) {
      throw new RangeError(`graph: more than ${MAX_NODES} distinct subexpressions`);
    }
    const id = this.op.length;
    this.op.push(op);
    this.a.push(a);
    this.b.push(b);
    this.cval.push(value);
    this.crad.push(radius);
    this.ctext.push(text);
    if (op === Op.CONST) this.constants.set(text!, id);
    else this.index.set(key, id);
    return id;
  }
}
