/**
 * Exact arithmetic on the evaluation grid: rounding to a dtype, ulps, and exactness tests (Knuth's
 * TwoSum) so that every point handed to f is representable and every step is known exactly.
 */
import type { DType } from '../../types.js';

/** Rounds a double to the dtype's grid (float32: `Math.fround`). */
export function toGrid(dtype: DType, v: number): number {
  return dtype === 'float32' ? Math.fround(v) : v;
}

const buf = new DataView(new ArrayBuffer(8));

/** Unit in the last place of |v| in the dtype (spacing of the grid just above |v|; subnormal-aware). */
export function ulpOf(dtype: DType, v: number): number {
  const a = Math.abs(v);
  if (dtype === 'float32') {
    if (a < 2 ** -126) return 2 ** -149;
    return 2 ** (exponentOf(a) - 23);
  }
  if (a < 2 ** -1022) return 2 ** -1074;
  return 2 ** (exponentOf(a) - 52);
}

/** floor(log2 |a|) for a normal positive double, read from its bits. */
function exponentOf(a: number): number {
  buf.setFloat64(0, a);
  return ((buf.getUint16(0) >> 4) & 0x7ff) - 1023;
}

/** True when a + b is exactly representable in the dtype (so the sum is a grid point, not rounded). */
export function sumIsExact(dtype: DType, a: number, b: number): boolean {
  const s = a + b;
  if (!Number.isFinite(s)) return false;
  // TwoSum (Knuth): s + err = a + b exactly.
  const bb = s - a;
  const err = a - (s - bb) + (b - bb);
  if (err !== 0) return false;
  return dtype === 'float64' || Math.fround(s) === s;
}
