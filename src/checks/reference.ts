/**
 * The reference Jacobian of full mode: every column by finite differences (default), or the user's
 * JacobianOracle (e.g. symbolic), validated for shape and finiteness. The memory guard runs first:
 * a Jacobian with more than `maxJacobianEntries` entries is refused with GC_TOO_LARGE.
 */
import { GradcheckError } from '../errors.js';
import { finiteDifferenceColumns } from '../oracles/finiteDifference/jacobian.js';
import type { JacobianEstimate } from '../oracles/types.js';
import { NOISY } from './noisy.js';
import { describe } from './options.js';
import { fdSettings, lineContext, noiseSigma } from './oracleContext.js';
import type { Run } from './run.js';
import { Stop } from './stop.js';
import type { Subject } from './subject.js';

/** Reference values, their error estimates and (finite differences only) a smoothness status per entry. */
export interface Reference {
  readonly values: Float64Array;
  readonly error: Float64Array;
  readonly status: Uint8Array | undefined;
  /** Noise level of each output of f (finite differences only). */
  readonly sigma?: Float64Array;
}

/** Throws GC_TOO_LARGE when an m×n Jacobian exceeds the full-mode memory guard. */
export function guardSize(run: Run, m: number, n: number): void {
  const entries = m * n;
  if (entries > run.opts.maxJacobianEntries) {
    throw new GradcheckError(
      'GC_TOO_LARGE',
      run.fn,
      `the ${m}×${n} Jacobian must have at most options.maxJacobianEntries = ${run.opts.maxJacobianEntries} entries in full mode (it has ${entries}); use mode: 'fast', whose cost and memory do not grow with the number of inputs`,
      {
        arg: 'options.mode',
        details: { rows: m, cols: n, entries, maxJacobianEntries: run.opts.maxJacobianEntries },
      },
    );
  }
}

/** The full reference Jacobian of f at the subject's point. */
export function fullReference(run: Run, subject: Subject): Reference {
  const { oracle } = run.opts;
  if (oracle === 'finite-difference') {
    const settings = fdSettings(run, subject);
    const sigma = noiseSigma(run, subject, settings);
    const fd = finiteDifferenceColumns(lineContext(subject, sigma, settings));
    return { values: fd.values, error: fd.error, status: fd.status, sigma };
  }
  let est: JacobianEstimate;
  try {
    est = oracle.jacobian(Float64Array.from(subject.x));
  } catch (cause) {
    throw new GradcheckError(
      'GC_FUNCTION_THREW',
      run.fn,
      `options.oracle.jacobian must return without throwing (it threw at x = [${Array.from(subject.x.slice(0, 6)).join(', ')}${subject.x.length > 6 ? ', …' : ''}])`,
      { arg: 'options.oracle', cause, details: { x: Array.from(subject.x), callable: 'oracle' } },
    );
  }
  return readEstimate(run, est, subject.fx.length, subject.x.length);
}

function readEstimate(run: Run, est: JacobianEstimate, m: number, n: number): Reference {
  const ok =
    est !== null &&
    typeof est === 'object' &&
    est.rows === m &&
    est.cols === n &&
    est.values instanceof Float64Array &&
    est.error instanceof Float64Array &&
    est.values.length === m * n &&
    est.error.length === m * n;
  if (!ok) {
    const shape =
      est !== null && typeof est === 'object'
        ? `${est.rows}×${est.cols}, values ${describe(est.values)}`
        : describe(est);
    throw new GradcheckError(
      'GC_SHAPE_MISMATCH',
      run.fn,
      `options.oracle.jacobian must return { rows: ${m}, cols: ${n}, values, error } with Float64Arrays of length ${m * n} (returned ${shape})`,
      { arg: 'options.oracle' },
    );
  }
  let status: Uint8Array | undefined;
  for (let e = 0; e < m * n; e++) {
    const v = est.values[e]!;
    const err = est.error[e]!;
    const index = [Math.floor(e / n), e % n];
    if (!Number.isFinite(v)) throw new Stop({ verdict: 'non-finite', source: 'oracle', index, value: v });
    if (err < 0) {
      throw new GradcheckError(
        'GC_INVALID_ARGUMENT',
        run.fn,
        `options.oracle.jacobian must return error bounds ≥ 0 (error[${e}] = ${err} at J[${index.join(',')}])`,
        { arg: 'options.oracle' },
      );
    }
    if (!Number.isFinite(err)) {
      // A finite value the oracle cannot bound: not comparable, reported as an unreliable oracle.
      status ??= new Uint8Array(m * n);
      status[e] = NOISY;
    }
  }
  return { values: est.values, error: est.error, status };
}
