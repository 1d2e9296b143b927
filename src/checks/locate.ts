/**
 * Localisation by adaptive group testing (binary splitting with additive complements): a failed probe
 * measures the total discrepancy d(S) = analytic − oracle over the coordinates S it moved. Tests are
 * additive — d(L) + d(R) = d(S) — so each split costs one test: measure the left half, infer the
 * right half by subtraction (its bound is the sum of both bounds), and recurse into the halves whose
 * discrepancy still exceeds its bound. One wrong entry among n costs ⌈log₂ n⌉ tests.
 */

/** A measured (or inferred) discrepancy over a set of coordinates, per compared component. */
export interface Discrepancy {
  readonly diff: Float64Array;
  readonly bound: Float64Array;
  /** False when the oracle could not be trusted for this test (kink, no step). */
  readonly reliable: boolean;
}

/** True when some component's |diff| exceeds its bound (NaN counts as exceeding). */
export function significant(d: Discrepancy): boolean {
  for (let c = 0; c < d.diff.length; c++) if (!(Math.abs(d.diff[c]!) <= d.bound[c]!)) return true;
  return false;
}

/** Result of a localisation. */
export interface Located {
  /** Coordinates shown to carry a discrepancy, ascending. */
  readonly indices: number[];
  /** Tests made. */
  readonly tests: number;
  /** True when the budget or a test the oracle could not trust ended the search early. */
  readonly incomplete: boolean;
}

/**
 * Splits [0, size) until single coordinates remain.
 * @param test measures the discrepancy of the coordinates [lo, hi)
 * @example locate(total, 101770, (lo, hi) => measure(lo, hi), { maxTests: 80, maxFound: 8 })
 */
export function locate(
  total: Discrepancy,
  size: number,
  test: (lo: number, hi: number) => Discrepancy,
  limits: { readonly maxTests: number; readonly maxFound: number },
): Located {
  const found: number[] = [];
  let tests = 0;
  let incomplete = false;
  const stack: { lo: number; hi: number; d: Discrepancy }[] = [{ lo: 0, hi: size, d: total }];
  while (stack.length > 0) {
    const { lo, hi, d } = stack.pop()!;
    if (hi - lo === 1) {
      found.push(lo);
      if (found.length >= limits.maxFound) {
        incomplete = stack.length > 0;
        break;
      }
      continue;
    }
    if (tests >= limits.maxTests) {
      incomplete = true;
      break;
    }
    const mid = lo + Math.floor((hi - lo) / 2);
    const left = test(lo, mid);
    tests++;
    let right = subtract(d, left);
    if (!left.reliable) {
      if (tests >= limits.maxTests) {
        incomplete = true;
        break;
      }
      right = test(mid, hi);
      tests++;
    }
    const sigLeft = left.reliable && significant(left);
    let sigRight = right.reliable && significant(right);
    if (!sigLeft && !sigRight && tests < limits.maxTests) {
      // The halves' bounds add up; measure the right half directly before giving up on this branch.
      right = test(mid, hi);
      tests++;
      sigRight = right.reliable && significant(right);
    }
    if (!sigLeft && !sigRight) incomplete = true;
    if (sigRight) stack.push({ lo: mid, hi, d: right });
    if (sigLeft) stack.push({ lo, hi: mid, d: left });
  }
  found.sort((a, b) => a - b);
  return { indices: found, tests, incomplete };
}

function subtract(total: Discrepancy, part: Discrepancy): Discrepancy {
  const diff = total.diff.map((v, c) => v - part.diff[c]!);
  const bound = total.bound.map((v, c) => v + part.bound[c]!);
  return { diff, bound, reliable: total.reliable && part.reliable };
}
