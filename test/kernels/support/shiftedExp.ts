/**
 * What the kernels' float64 exponential pass (expRow.ts) gives for one entry x ≤ m: the TwoSum of
 * x − m, then expNonPositive of both parts (exp.ts).
 */
import { expNonPositive } from '../../../src/kernels/exp.js';

export function shiftedExp(x: number, m: number): number {
  const d = x - m;
  const bv = d - x;
  return expNonPositive(d, x - (d - bv) + (-m - bv));
}
