/**
 * High-precision evaluation of a graph with decimal.js (the arithmetic behind mathjs BigNumber), for
 * golden values and as the reference the float64 radii are tested against. Inputs are converted
 * from their doubles exactly (`x.toPrecision(100)`, exact for every double of magnitude ≥ 1e-20 and
 * correct to 100 digits below), never through the shortest round-trip decimal.
 *
 * Error estimate: the graph is evaluated at `digits` and at `digits + 20`; the reported error is the
 * distance from the returned double to the longer result, plus the disagreement of the two
 * evaluations (which exposes cancellation), plus 10^−digits relative.
 */
import { Decimal } from 'decimal.js';
import { FUNCTIONS, type Graph, Op } from './graph.js';

type D = Decimal;
type Ctor = typeof Decimal;

const ctors = new Map<number, Ctor>();

/** A decimal.js constructor working at `digits` significant digits with a huge exponent range. */
export function decimalContext(digits: number): Ctor {
  let C = ctors.get(digits);
  if (C === undefined) {
    C = Decimal.clone({ precision: digits, rounding: Decimal.ROUND_HALF_EVEN, maxE: 9e15, minE: -9e15 });
    ctors.set(digits, C);
  }
  return C;
}

/** The exact decimal value of a double (see the file comment). */
export function exactDecimal(C: Ctor, x: number): D {
  return Number.isFinite(x) ? new C(x.toPrecision(100)) : new C(x);
}

const apply: Readonly<Record<string, (x: D) => D>> = {
  exp: (x) => x.exp(),
  log: (x) => x.ln(),
  sqrt: (x) => x.sqrt(),
  cbrt: (x) => x.cbrt(),
  sin: (x) => x.sin(),
  cos: (x) => x.cos(),
  sinh: (x) => x.sinh(),
  cosh: (x) => x.cosh(),
  tanh: (x) => x.tanh(),
  sech: (x) => x.cosh().pow(-1),
  csch: (x) => x.sinh().pow(-1),
  coth: (x) => x.cosh().div(x.sinh()),
  asin: (x) => x.asin(),
  acos: (x) => x.acos(),
  atan: (x) => x.atan(),
  asinh: (x) => x.asinh(),
  acosh: (x) => x.acosh(),
  atanh: (x) => x.atanh(),
};
const FNS = FUNCTIONS.map((name) => apply[name]!);

function constant(C: Ctor, text: string): D {
  if (text === '#e') return C.exp(1);
  if (text === '#pi') return C.acos(-1);
  return new C(text);
}

/** Every node of `graph` at `inputs`, in decimal at `digits` significant digits. */
export function evaluateDecimal(graph: Graph, inputs: readonly number[] | Float64Array, digits: number): D[] {
  const C = decimalContext(digits);
  const x = Array.from(inputs, (v) => exactDecimal(C, v));
  const out: D[] = new Array(graph.size);
  const { op, a, b } = graph;
  for (let i = 0; i < graph.size; i++) {
    const p = out[a[i]!]!;
    const q = out[b[i]!]!;
    switch (op[i]) {
      case Op.CONST:
        out[i] = constant(C, graph.constText[i]!);
        break;
      case Op.VAR:
        out[i] = x[a[i]!]!;
        break;
      case Op.NEG:
        out[i] = p.neg();
        break;
      case Op.ABS:
        out[i] = p.abs();
        break;
      case Op.ADD:
        out[i] = p.plus(q);
        break;
      case Op.SUB:
        out[i] = p.minus(q);
        break;
      case Op.MUL:
        out[i] = p.times(q);
        break;
      case Op.DIV:
        out[i] = p.div(q);
        break;
      case Op.POW:
        out[i] = p.pow(q);
        break;
      default:
        out[i] = FNS[b[i]!]!(p);
    }
  }
  return out;
}

/** Values of nodes `ids` (divided by `divisor`, e.g. the rows of a mean) as doubles with error estimates, and as decimal strings of `digits` digits. */
export interface PreciseValues {
  readonly values: Float64Array;
  readonly error: Float64Array;
  readonly decimals: string[];
}

export function preciseValues(
  graph: Graph,
  ids: Int32Array,
  inputs: readonly number[] | Float64Array,
  digits: number,
  divisor = 1,
): PreciseValues {
  const lo = evaluateDecimal(graph, inputs, digits);
  const hi = evaluateDecimal(graph, inputs, digits + 20);
  const C = decimalContext(digits + 20);
  const Clo = decimalContext(digits);
  const values = new Float64Array(ids.length);
  const error = new Float64Array(ids.length);
  const decimals: string[] = [];
  const floor = new C(10).pow(-digits);
  ids.forEach((id, k) => {
    const v = hi[id]!.div(divisor);
    const w = lo[id]!.div(new Clo(divisor));
    const d = v.toNumber();
    values[k] = d;
    decimals.push(v.toSignificantDigits(digits).toString());
    if (!v.isFinite() || !w.isFinite()) {
      error[k] = v.isNaN() || w.isNaN() ? Number.NaN : Number.POSITIVE_INFINITY;
      return;
    }
    const e = exactDecimal(C, d).minus(v).abs().plus(w.minus(v).abs()).plus(v.abs().times(floor));
    error[k] = e.toNumber() * (1 + 2 ** -50);
  });
  return { values, error, decimals };
}
