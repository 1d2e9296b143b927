/**
 * The paragraph in `result.message`: what was checked and how, what was found and where, and how to
 * replay it. Numbers in a pair are printed with just enough digits to show where they differ.
 */

import type { Entry } from './result.js';
import type { Run } from './run.js';

/** `checkVjp (fast mode, 2 rademacher probes, float64, finite-difference oracle, seed 42)`. */
export function checkHeading(run: Run): string {
  const { opts } = run;
  const how =
    run.mode === 'fast'
      ? `fast mode, ${opts.probes} ${opts.tangents} probe${opts.probes === 1 ? '' : 's'}`
      : 'full mode';
  return `${run.fn} (${how}, ${run.dtype}, ${run.oracleKind} oracle, seed ${opts.seed})`;
}

/** `{ seed: 42, mode: 'fast' }`: the options that replay the check. */
export function replayHint(run: Run): string {
  return `Replay with { seed: ${run.opts.seed}, mode: '${run.mode}' }.`;
}

/** `analytic 0.12345678 vs finite-difference 0.12345679, |Δ| = 1.0e-8 > allowed 3.2e-14 (3.1e5× the bound)`. */
export function describeEntry(e: Entry, oracleName: string): string {
  const [a, o] = pair(e.analytic, e.oracle);
  const rel = e.allowed > 0 ? e.absDiff / e.allowed : Number.POSITIVE_INFINITY;
  const cmp = e.absDiff <= e.allowed ? '≤' : '>';
  const times = Number.isFinite(rel) ? `${ratio(rel)}× the bound` : 'no slack at all';
  return `${e.label}: analytic ${a} vs ${oracleName} ${o}, |Δ| = ${sci(e.absDiff)} ${cmp} allowed ${sci(e.allowed)} (${times})`;
}

/** A ratio with two significant digits: `0.047`, `3.1`, `1900`, `8.3e+12`. */
function ratio(r: number): string {
  if (r === 0) return '0';
  if (r >= 1e6 || r < 1e-4) return r.toExponential(1);
  return String(Number(r.toPrecision(2)));
}

/** Two numbers with enough significant digits to tell them apart (3 to 17). */
export function pair(a: number, b: number): [string, string] {
  const d = Math.abs(a - b);
  const m = Math.max(Math.abs(a), Math.abs(b));
  let digits = 6;
  if (d > 0 && m > 0 && Number.isFinite(d) && Number.isFinite(m)) {
    digits = Math.min(17, Math.max(3, Math.ceil(Math.log10(m / d)) + 2));
  }
  return [num(a, digits), num(b, digits)];
}

function num(v: number, digits: number): string {
  if (!Number.isFinite(v) || v === 0) return String(v);
  return String(Number(v.toPrecision(digits)));
}

/** Short scientific notation: `1.2e-8`. */
export function sci(v: number): string {
  if (!Number.isFinite(v) || v === 0) return String(v);
  return v.toExponential(1);
}

/** `J[1,2], J[0,3] and 2 more`. */
export function listLabels(labels: readonly string[], max = 5): string {
  if (labels.length <= max) return labels.join(', ');
  return `${labels.slice(0, max).join(', ')} and ${labels.length - max} more`;
}
