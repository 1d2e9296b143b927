/**
 * The formulas of the built-in symbolic oracles, one row of n logits in variables x0…x(n−1). Sums are
 * written out with + (mathjs has no derivative of `sum`); log-softmax and cross-entropy use the
 * log-sum-exp form xᵢ − log Σⱼ exp(xⱼ), whose derivative never divides by a softmax value that may
 * underflow to 0 (the form log(exp(xᵢ)/Σ) would, at logits ±1000).
 */

/** x0, x1, …, x(n−1). */
export function logitNames(n: number): string[] {
  return Array.from({ length: n }, (_, j) => `x${j}`);
}

/** exp(x0) + exp(x1) + … */
function expSum(n: number): string {
  return logitNames(n)
    .map((v) => `exp(${v})`)
    .join(' + ');
}

/** sᵢ = exp(xᵢ) / (exp(x0) + … + exp(x(n−1))). */
export function softmaxFormulas(n: number): string[] {
  const s = expSum(n);
  return logitNames(n).map((v) => `exp(${v}) / (${s})`);
}

/** log sᵢ = xᵢ − log(exp(x0) + … + exp(x(n−1))). */
export function logSoftmaxFormulas(n: number): string[] {
  const s = expSum(n);
  return logitNames(n).map((v) => `${v} - log(${s})`);
}

/** y0, y1, …: the target distribution of a cross-entropy row, held constant. */
export function targetNames(n: number): string[] {
  return Array.from({ length: n }, (_, j) => `y${j}`);
}

/** −Σₖ yₖ·log sₖ = −(y0·(x0 − log Σ) + y1·(x1 − log Σ) + …). */
export function crossEntropyFormula(n: number): string {
  const s = expSum(n);
  const terms = logitNames(n).map((v, k) => `y${k} * (${v} - log(${s}))`);
  return `-(${terms.join(' + ')})`;
}
