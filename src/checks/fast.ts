/**
 * Fast mode: random projections (Rademacher or quantised Gaussian tangents), each compared within its
 * error-model bound, at a cost that does not grow with the number of inputs (JAX `check_grads` and
 * PyTorch's fast gradcheck compare vᵀJu the same way). On a failure the offending input coordinates
 * are located by group testing (see `locate.ts`) and their exact entries compared and reported.
 */
import { REASONS, rank } from './compareFull.js';
import { EntryCollector } from './entries.js';
import { type Discrepancy, locate } from './locate.js';
import { describeEntry } from './message.js';
import type { Measurement, ProbeHandle, Projector } from './projector.js';
import { tangent } from './random.js';
import type { Outcome, Run } from './run.js';

/** Tests allowed per localisation: enough for one entry among n (⌈log₂ n⌉) several times over. */
function testBudget(n: number): number {
  return 4 * Math.ceil(Math.log2(n + 1)) + 8;
}

/**
 * Runs `opts.probes` probes of `projector` over an input of size n.
 * @example runFast(run, n, jacobianProjector(...))
 */
export function runFast(run: Run, n: number, projector: Projector): Outcome {
  const collector = new EntryCollector(run.opts.maxEntries);
  const unreliable: number[] = [];
  let worstReason = 0;
  let failing: { handle: ProbeHandle; v: Float64Array; entry: string } | undefined;
  for (let p = 0; p < run.opts.probes; p++) {
    const v = tangent(run.opts.tangents, n, run.rng);
    const handle = projector.probe(v, p);
    const meas = handle.measurement;
    let failed: string | undefined;
    for (let c = 0; c < projector.size; c++) {
      if (meas.status[c] !== 0) {
        if (!unreliable.includes(p)) unreliable.push(p);
        worstReason = Math.max(worstReason, rank(meas.status[c]!));
        continue;
      }
      const pos = projector.position(p, c);
      const comparison = {
        ...pos,
        analytic: meas.analytic[c]!,
        oracle: meas.oracle[c]!,
        allowed: meas.allowed[c]!,
        oracleError: meas.oracleError[c]!,
      };
      if (collector.add(comparison) && failed === undefined) {
        const absDiff = Math.abs(comparison.analytic - comparison.oracle);
        failed = describeEntry(
          { ...comparison, absDiff, margin: comparison.allowed - absDiff },
          run.oracleKind,
        );
      }
    }
    if (failed !== undefined && failing === undefined) failing = { handle, v, entry: failed };
  }
  if (failing !== undefined) {
    const notes: string[] = [`Failing check: ${failing.entry}.`];
    let located: (readonly number[])[] = [];
    if (run.opts.localize) {
      const found = localise(n, failing.handle, failing.v);
      located = projector.entries(found.indices, (c) => collector.add(c));
      notes.push(
        `Localised by group testing in ${found.tests} test${found.tests === 1 ? '' : 's'}${found.incomplete ? ' (search stopped early: budget or an untrustworthy test)' : ''}.`,
      );
    }
    return { verdict: 'mismatch', collector, located, notes };
  }
  if (unreliable.length > 0) {
    const reason = REASONS[worstReason]!;
    return { verdict: 'oracle-unreliable', collector, reason, coordinates: unreliable, notes: [] };
  }
  return { verdict: 'pass', collector, notes: [] };
}

/** Group testing over the coordinates of a failed probe. */
function localise(n: number, handle: ProbeHandle, v: Float64Array) {
  const total = discrepancy(handle.measurement);
  const start = 2 * handle.measurement.bestStep;
  // A test only has to tell a discrepancy of the probe's size from zero: 1/16 of it is accuracy enough.
  let tolerance = Number.POSITIVE_INFINITY;
  total.diff.forEach((d, c) => {
    if (!(Math.abs(d) <= total.bound[c]!)) tolerance = Math.min(tolerance, Math.abs(d) / 16);
  });
  if (!Number.isFinite(tolerance)) tolerance = 0;
  const ladder = Number.isFinite(start) ? { start, minLevels: 2, tolerance } : { minLevels: 3, tolerance };
  const test = (lo: number, hi: number): Discrepancy => {
    const vs = new Float64Array(n);
    vs.set(v.subarray(lo, hi), lo);
    return discrepancy(handle.restrict(vs, ladder));
  };
  return locate(total, n, test, { maxTests: testBudget(n), maxFound: 16 });
}

function discrepancy(m: Measurement): Discrepancy {
  const diff = m.analytic.map((a, c) => a - m.oracle[c]!);
  return { diff, bound: m.allowed, reliable: m.status.every((s) => s === 0) };
}
