/**
 * The pieces of the malformed-input property: what a rejected call must throw, how that is checked
 * (one CheckResult per call), and the shapes the malformed calls are built from.
 */
import fc from 'fast-check';
import { type CheckResult, checkInvariant, type GradcheckErrorCode, isGradcheckError } from 'gradcheck';

/** A call that must throw, and what it must throw. `message` is the message's documented start. */
export interface Rejection {
  readonly call: () => unknown;
  readonly fn: string;
  readonly code: GradcheckErrorCode;
  readonly arg: string;
  readonly message: string;
}

/** 1 for each of: threw a GradcheckError, its code, its fn, its arg, its message start; all must be 1. */
export function rejected(r: Rejection): CheckResult {
  let e: unknown;
  try {
    r.call();
  } catch (thrown) {
    e = thrown;
  }
  const g = isGradcheckError(e) ? e : undefined;
  const facts = [
    g ? 1 : 0,
    g?.code === r.code ? 1 : 0,
    g?.fn === r.fn ? 1 : 0,
    g?.arg === r.arg ? 1 : 0,
    g?.message.startsWith(r.message) ? 1 : 0,
  ];
  const got = g ? `${g.code} '${g.message}'` : e === undefined ? 'no error' : String(e);
  return checkInvariant(facts, 1, 0, { name: `${r.message}… (${r.code}; got ${got})` });
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
