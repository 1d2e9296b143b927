/**
 * Compensated inner products (Neumaier's improved Kahan–Babuška summation), so that the checker's own
 * projections add no rounding worth mentioning to the values it compares.
 */

/** Σ aᵢbᵢ with Neumaier compensation. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  let comp = 0;
  for (let i = 0; i < a.length; i++) {
    const term = a[i]! * b[i]!;
    const t = sum + term;
    comp += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
    sum = t;
  }
  return sum + comp;
}

/** Σ |aᵢbᵢ|: the magnitude a projection's rounding scales with. */
export function absDot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i]! * b[i]!);
  return s;
}

/** y = A·v for a row-major m×n matrix A (compensated per row), and Σⱼ|Aᵢⱼvⱼ| per row. */
export function matVec(
  A: Float64Array,
  m: number,
  n: number,
  v: Float64Array,
): { value: Float64Array; magnitude: Float64Array } {
  const value = new Float64Array(m);
  const magnitude = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const row = A.subarray(i * n, (i + 1) * n);
    value[i] = dot(row, v);
    magnitude[i] = absDot(row, v);
  }
  return { value, magnitude };
}
