/**
 * The pieces of the malformed-input property: what a rejected call must throw, how that is checked
 * (one CheckResult per call), and the shapes the malformed calls are built from.
 */
import fc from 'fast-check';
import { type CheckResult, checkInvariant, type GradcheckErrorCode, isGradcheckError } from 'gradcheck';

/**
 * A call that must throw, and exactly what it must throw: the code, the function and argument at
 * fault, the whole message (`fn: arg must … (given …)`) and the `details` object (none when omitted).
 */
export interface Rejection {
  readonly call: () => unknown;
  readonly fn: string;
  readonly code: GradcheckErrorCode;
  readonly arg: string;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Same value (Object.is: NaN equals NaN, −0 differs from 0), plain objects compared key by key. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every(
      (k) =>
        Object.hasOwn(b, k) &&
        sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    )
  );
}

const shown = (d: unknown) =>
  d === undefined ? 'no details' : JSON.stringify(d, (_, v) => (typeof v === 'number' ? String(v) : v));

/**
 * What is wrong with the error `r.call()` throws (not a GradcheckError, or another code, fn, arg,
 * message or details than `r` says), or undefined when it throws exactly that.
 */
export function wrongRejection(r: Rejection): string | undefined {
  let e: unknown;
  try {
    r.call();
  } catch (thrown) {
    e = thrown;
  }
  const g = isGradcheckError(e) ? e : undefined;
  if (
    g?.code === r.code &&
    g.fn === r.fn &&
    g.arg === r.arg &&
    g.message === r.message &&
    sameValue(g.details, r.details)
  ) {
    return undefined;
  }
  const got = g
    ? `${g.code} ${g.fn}/${g.arg} '${g.message}' ${shown(g.details)}`
    : e === undefined
      ? 'no error'
      : String(e);
  return `${r.code} ${r.fn}/${r.arg} '${r.message}' ${shown(r.details)} (got ${got})`;
}

/** One check of many malformed calls: 1 per call that throws exactly what it must; the first wrong one names the check. */
export function rejectedAll(rs: readonly Rejection[]): CheckResult {
  const wrong = rs.map(wrongRejection);
  const first = wrong.find((w) => w !== undefined);
  return checkInvariant(
    wrong.map((w) => (w === undefined ? 1 : 0)),
    1,
    0,
    { name: first ?? `${rs.length} malformed calls rejected as documented` },
  );
}

export interface Shape {
  /** A row-major length that `cols` does not divide. */
  readonly n: number;
  readonly rows: number;
  readonly cols: number;
  /** A cols value that is not a positive integer. */
  readonly badCols: number;
  /** A position in the row and a label value out of [0, cols). */
  readonly at: number;
  readonly badLabel: number;
}

export const shapes: fc.Arbitrary<Shape> = fc
  .record({
    rows: fc.integer({ min: 1, max: 4 }),
    cols: fc.integer({ min: 2, max: 6 }),
    extra: fc.integer({ min: 1, max: 5 }),
    badCols: fc.constantFrom(0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY),
    at: fc.nat(),
    badLabel: fc.constantFrom(-1, 0.5, Number.NaN, 99),
  })
  .map(({ rows, cols, extra, badCols, at, badLabel }) => ({
    n: rows * cols + (extra % cols === 0 ? 1 : extra % cols),
    rows,
    cols,
    badCols,
    at: at % (rows * cols),
    badLabel: badLabel === 99 ? cols : badLabel,
  }));

/** How messages name the array types a kernel accepts. */
export const ARRAY_TYPES = 'a Float64Array, a Float32Array or a number[]';

/**
 * Values that are not what an argument expects, with how messages describe them (`(given …)`):
 * null, undefined, a number, a string, a boolean, a plain object, an array, a typed array of the wrong
 * type and a DataView (a view without a length).
 */
export const ODD_VALUES: readonly (readonly [unknown, string])[] = [
  [null, 'null'],
  [undefined, 'undefined'],
  [7, '7'],
  ['x', 'string'],
  [true, 'boolean'],
  [{}, 'object'],
  [['x', 1], 'Array(2)'],
  [new Int32Array(3), 'Int32Array(3)'],
  [new DataView(new ArrayBuffer(8)), 'DataView'],
];
