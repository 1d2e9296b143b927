/**
 * BROKEN ON PURPOSE (the walk-through's failing example): the backward pass from the classic
 * "derivative of softmax in numpy" question. It keeps one gradient slot per output, `s_i (1 − s_i)`,
 * i.e. only the diagonal of the Jacobian diag(s) − s sᵀ, and drops every off-diagonal −s_i s_j term.
 * Its VJP is therefore g ⊙ s ⊙ (1 − s) instead of s ⊙ (g − ⟨g, s⟩). gradcheck must catch it.
 */
import { mySoftmax } from './mySoftmax.js';

/** The wrong VJP: the diagonal of the Jacobian only. */
export function mySoftmaxVjpBroken(x: ArrayLike<number>, g: ArrayLike<number>, cols: number): Float64Array {
  const s = mySoftmax(x, cols);
  return s.map((si, k) => g[k]! * si * (1 - si));
}
