/**
 * A re-implementation of torch.autograd.gradcheck's algorithm and defaults (PyTorch
 * torch/autograd/gradcheck.py), for side-by-side figures — not PyTorch itself:
 * - slow mode: the numerical Jacobian column by column with central differences of step eps = 1e-6,
 *   then `allclose(analytical, numerical, rtol = 1e-3, atol = 1e-5)`, i.e. |a − n| ≤ atol + rtol·|n|
 *   for every entry;
 * - fast mode: u (inputs) and v (outputs) drawn uniform in [0, 1) and normalised to unit length,
 *   the numerical J·u = (f(x + eps·u) − f(x − eps·u)) / (2·eps), and vᵀ(J u) compared with the analytic
 *   vᵀJu through allclose with atol scaled by Σu·Σv (`_adjusted_atol`).
 */

/** Outcome of one re-implemented torch gradcheck, with its cost. */
export interface TorchOutcome {
  readonly pass: boolean;
  readonly evaluations: number;
}

const EPS = 1e-6;
const ATOL = 1e-5;
const RTOL = 1e-3;

const close = (a: number, n: number, atol: number) => Math.abs(a - n) <= atol + RTOL * Math.abs(n);

/** Slow mode: every entry of the m×n Jacobian (row-major). */
export function torchSlow(
  f: (x: Float64Array) => Float64Array,
  J: Float64Array,
  x: Float64Array,
): TorchOutcome {
  const n = x.length;
  const m = J.length / n;
  let pass = true;
  for (let j = 0; j < n; j++) {
    const a = Float64Array.from(x);
    const b = Float64Array.from(x);
    a[j] = a[j]! - EPS;
    b[j] = b[j]! + EPS;
    const fa = f(a);
    const fb = f(b);
    for (let i = 0; i < m; i++) {
      if (!close(J[i * n + j]!, (fb[i]! - fa[i]!) / (2 * EPS), ATOL)) pass = false;
    }
  }
  return { pass, evaluations: 2 * n };
}

/** Fast mode: one random projection vᵀJu, `random` supplying uniforms in [0, 1). */
export function torchFast(
  f: (x: Float64Array) => Float64Array,
  J: Float64Array,
  x: Float64Array,
  random: () => number,
): TorchOutcome {
  const n = x.length;
  const m = J.length / n;
  const u = unit(Float64Array.from({ length: n }, random));
  const v = unit(Float64Array.from({ length: m }, random));
  const fb = f(x.map((t, j) => t + EPS * u[j]!));
  const fa = f(x.map((t, j) => t - EPS * u[j]!));
  let numerical = 0;
  let analytic = 0;
  for (let i = 0; i < m; i++) {
    numerical += v[i]! * ((fb[i]! - fa[i]!) / (2 * EPS));
    let row = 0;
    for (let j = 0; j < n; j++) row += J[i * n + j]! * u[j]!;
    analytic += v[i]! * row;
  }
  const atol = ATOL * sum(u) * sum(v);
  return { pass: close(analytic, numerical, atol), evaluations: 2 };
}

function unit(a: Float64Array): Float64Array {
  const norm = Math.sqrt(a.reduce((s, t) => s + t * t, 0));
  return a.map((t) => t / norm);
}

function sum(a: Float64Array): number {
  return a.reduce((s, t) => s + t, 0);
}
