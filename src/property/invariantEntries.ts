/** Entries of an invariant comparison, worst first. Internal to checkInvariant. */
import type { Entry } from '../checks/result.js';

/** |a − e| with equal values (equal infinities included) at 0; NaN stays NaN. */
function difference(a: number, e: number): number {
  return a === e ? 0 : Math.abs(a - e);
}

/** How bad an entry is: NaN first, then |Δ|/allowed (|Δ| > 0 with allowed 0 is infinitely bad). */
function badness(x: Entry): number {
  if (Number.isNaN(x.absDiff)) return Number.POSITIVE_INFINITY;
  if (x.absDiff === 0) return 0;
  return x.allowed === 0 ? Number.MAX_VALUE : x.absDiff / x.allowed;
}

export function invariantEntries(
  a: ArrayLike<number>,
  e: ArrayLike<number>,
  allowed: readonly number[],
  name: string,
  cols: number | undefined,
): Entry[] {
  const entries: Entry[] = [];
  for (let i = 0; i < a.length; i++) {
    const absDiff = difference(a[i]!, e[i]!);
    const index = cols === undefined ? [i] : [Math.floor(i / cols), i % cols];
    entries.push({
      index,
      label: `${name}[${index.join(',')}]`,
      analytic: a[i]!,
      oracle: e[i]!,
      absDiff,
      allowed: allowed[i]!,
      margin: allowed[i]! - absDiff,
      oracleError: 0,
    });
  }
  // Stable sort: equal badness keeps index order, so results are reproducible.
  return entries.sort((x, y) => {
    const d = badness(y) - badness(x);
    return Number.isNaN(d) ? 0 : d;
  });
}
