/**
 * BROKEN ON PURPOSE: the backward pass of the classic "derivative of softmax in numpy" question,
 * which keeps one gradient slot per output, s_i (1 − s_i) — the diagonal of the Jacobian — and drops
 * every off-diagonal −s_i s_j term. gradcheck's own tests run this folder and expect it to fail.
 */
import { softmax } from '../src/softmax.js';

export function softmaxVjpBroken(x: ArrayLike<number>, g: ArrayLike<number>, cols: number): Float64Array {
  return softmax(x, cols).map((s, k) => g[k]! * s * (1 - s));
}
