/**
 * The softmax family's workspace: fixed float64 rows that a kernel stages its current row into
 * (logits in WORK_X, their exponentials in WORK_E, a cotangent or tangent in WORK_V), so that the hot
 * loops read and write only these arrays.
 *
 * Why module-level constants: V8's optimizing compiler (TurboFan) folds a module-level `const`
 * typed array into the machine code (its address and length become immediates), whereas an array
 * that arrives as an argument, or through an object field or a `let`, has its map checked and its
 * data pointer and length reloaded on every loop iteration (the loop's interrupt check may move or
 * detach it). Staging costs one copy pass; the exponential loop then runs ~20% faster, which is what
 * takes the kernels past twice the speed of a plain loop (bench/kernels.ts). Rows wider than
 * WORK_CAP are processed in chunks of WORK_CAP (rowExp.ts).
 *
 * Float32 rows are widened exactly while being staged, so every loop sees Float64Arrays only.
 * The kernels are synchronous and never call user code, so one workspace serves every call; its
 * contents are only valid until the next kernel call.
 */

/** Capacity of each workspace row (8192 doubles, 64 KiB). */
export const WORK_CAP = 8192;
/** The staged logits x_j (a row, or a chunk of a wide row). */
export const WORK_X = new Float64Array(WORK_CAP);
/** e_j = exp(x_j − m), written by expRow.ts from WORK_X. */
export const WORK_E = new Float64Array(WORK_CAP);
/** A staged vector (the cotangent of a VJP, the tangent of a JVP). */
export const WORK_V = new Float64Array(WORK_CAP);

const X = WORK_X;
const V = WORK_V;

/**
 * Copies x[xo .. xo+n) into WORK_X[0 .. n) (n ≤ WORK_CAP) and returns its maximum, NaN if any entry
 * is NaN. Four entries per step; the maximum is searched with `>` and a sentinel `bad` (a sum of
 * x − x: 0 on finite rows, NaN otherwise) sends rows holding NaN or ±Infinity to stagedMax (Math.max).
 *
 * Mutation testing (the `Stryker disable` comments below): where two paths can differ, they differ
 * only in the sign of a zero maximum (a `>=` tie, or Math.max(−0, 0) = 0), and no kernel result
 * observes it: the maximum m only enters exp(x_j − m) (exp(±0) = 1), comparisons x_j === m, and
 * (x_j − m) − l or m − x_l next to l ≥ log 2 (a row whose maximum 0 is tied has T ≥ 1). The `bad`
 * sentinel stays 0 on finite rows under any sign change, and NaN or ±Infinity (absorbing) otherwise;
 * `x + x` instead of `x − x` only sends finite rows to stagedMax as well.
 */
export function stageRow(x: Float64Array, xo: number, n: number): number {
  const n4 = n & ~3;
  let m = Number.NEGATIVE_INFINITY;
  let bad = 0;
  let j = 0;
  // Stryker disable next-line ConditionalExpression: skipping the 4-wide body leaves the scalar tail to stage every entry with the same comparisons in the same order
  for (; j < n4; j += 4) {
    const a = x[xo + j]!;
    const b = x[xo + j + 1]!;
    const c = x[xo + j + 2]!;
    const d = x[xo + j + 3]!;
    X[j] = a;
    X[j + 1] = b;
    X[j + 2] = c;
    X[j + 3] = d;
    // Stryker disable next-line EqualityOperator: `>=` on a tie picks an equal value: at most the other sign of a zero max (see above)
    if (a > m) m = a;
    // Stryker disable next-line EqualityOperator: `>=` on a tie picks an equal value: at most the other sign of a zero max (see above)
    if (b > m) m = b;
    // Stryker disable next-line EqualityOperator: `>=` on a tie picks an equal value: at most the other sign of a zero max (see above)
    if (c > m) m = c;
    // Stryker disable next-line EqualityOperator: `>=` on a tie picks an equal value: at most the other sign of a zero max (see above)
    if (d > m) m = d;
    // Stryker disable next-line AssignmentOperator,ArithmeticOperator: still 0 exactly on finite rows, or more rows to stagedMax (see above)
    bad += a - a + (b - b) + (c - c + (d - d));
  }
  for (; j < n; j++) {
    const a = x[xo + j]!;
    X[j] = a;
    // Stryker disable next-line EqualityOperator: `>=` on a tie picks an equal value: at most the other sign of a zero max (see above)
    if (a > m) m = a;
    // Stryker disable next-line AssignmentOperator,ArithmeticOperator: still 0 exactly on finite rows, or more rows to stagedMax (see above)
    bad += a - a;
  }
  return bad === 0 ? m : stagedMax(n);
}

/** stageRow for a float32 row (widened exactly; a separate function keeps both loops monomorphic). */
export function stageRow32(x: Float32Array, xo: number, n: number): number {
  const n4 = n & ~3;
  let m = Number.NEGATIVE_INFINITY;
  let bad = 0;
  let j = 0;
  // Stryker disable next-line ConditionalExpression: skipping the 4-wide body leaves the scalar tail to stage every entry with the same comparisons in the same order
  for (; j < n4; j += 4) {
    const a = x[xo + j]!;
    const b = x[xo + j + 1]!;
    const c = x[xo + j + 2]!;
    const d = x[xo + j + 3]!;
    X[j] = a;
    X[j + 1] = b;
    X[j + 2] = c;
    X[j + 3] = d;
    // Stryker disable next-line EqualityOperator: `>=` on a tie picks an equal value: at most the other sign of a zero max (see above)
    if (a > m) m = a;
    // Stryker disable next-line EqualityOperator: `>=` on a tie picks an equal value: at most the other sign of a zero max (see above)
    if (b > m) m = b;
    // Stryker disable next-line EqualityOperator: `>=` on a tie picks an equal value: at most the other sign of a zero max (see above)
    if (c > m) m = c;
    // Stryker disable next-line EqualityOperator: `>=` on a tie picks an equal value: at most the other sign of a zero max (see above)
    if (d > m) m = d;
    // Stryker disable next-line AssignmentOperator,ArithmeticOperator: still 0 exactly on finite rows, or more rows to stagedMax (see above)
    bad += a - a + (b - b) + (c - c + (d - d));
  }
  for (; j < n; j++) {
    const a = x[xo + j]!;
    X[j] = a;
    // Stryker disable next-line EqualityOperator: `>=` on a tie picks an equal value: at most the other sign of a zero max (see above)
    if (a > m) m = a;
    // Stryker disable next-line AssignmentOperator,ArithmeticOperator: still 0 exactly on finite rows, or more rows to stagedMax (see above)
    bad += a - a;
  }
  return bad === 0 ? m : stagedMax(n);
}

/** max over WORK_X[0 .. n) with NaN propagated (Math.max), for rows holding NaN or ±Infinity. */
function stagedMax(n: number): number {
  let m = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < n; j++) m = Math.max(m, X[j]!);
  return m;
}

/** Copies v[vo .. vo+n) into WORK_V[0 .. n) (n ≤ WORK_CAP). */
export function stageVector(v: Float64Array, vo: number, n: number): void {
  // Stryker disable next-line EqualityOperator: `j <= n` also writes WORK_V[n], which no pass reads (they read WORK_V[0 .. n)), or past the end of WORK_V
  for (let j = 0; j < n; j++) V[j] = v[vo + j]!;
}

/** stageVector for a float32 vector (widened exactly). */
export function stageVector32(v: Float32Array, vo: number, n: number): void {
  // Stryker disable next-line EqualityOperator: `j <= n` also writes WORK_V[n], which no pass reads (they read WORK_V[0 .. n)), or past the end of WORK_V
  for (let j = 0; j < n; j++) V[j] = v[vo + j]!;
}
