/**
 * Assembling a CheckResult from a run's outcome or early stop: every field filled honestly (entries
 * worst first, calls counted, the seed) and a message that names the worst value and the replay seed.
 */
import { formatNumber } from './calls.js';
import { checkHeading, describeEntry, listLabels, replayHint } from './message.js';
import type { CheckResult, Entry } from './result.js';
import type { Outcome, Run } from './run.js';
import type { StopReason } from './stop.js';

const REASONS = {
  kink: 'one-sided differences disagree: the function has a kink there (ReLU at 0, a tie in a max)',
  discontinuity: 'the function jumps there',
  noise: 'rounding noise in f swamps every usable step',
  step: 'no step gives a finite, convergent difference there',
} as const;

/** Builds the result of a finished or stopped run. */
export function buildResult(run: Run, end: Outcome | StopReason): CheckResult {
  const collector = 'collector' in end ? end.collector : undefined;
  const entries: Entry[] = collector?.entries() ?? [];
  const compared = collector?.compared ?? 0;
  const oracleName = run.oracleKind;
  const common = {
    kind: run.kind,
    mode: run.mode,
    dtype: run.dtype,
    oracle: run.oracleKind,
    seed: run.opts.seed,
    inputSize: run.inputSize,
    outputSize: run.outputSize,
    compared,
    entries,
    evaluations: { function: run.calls.functionCalls, derivative: run.calls.derivativeCalls },
    durationMs: performance.now() - run.started,
  };
  const head = checkHeading(run);
  const fCalls = run.calls.functionCalls;
  const cost = `Cost: ${fCalls} evaluation${fCalls === 1 ? '' : 's'} of f and ${run.calls.derivativeCalls} of the derivative.`;
  const notes = 'notes' in end && end.notes.length > 0 ? ` ${end.notes.join(' ')}` : '';
  switch (end.verdict) {
    case 'pass': {
      const worst = entries[0];
      const closest = worst === undefined ? '' : ` The closest, ${describeEntry(worst, oracleName)}.`;
      const message = `${head} passed: all ${compared} compared values are within their error bounds.${closest}${notes} ${cost}`;
      return { ...common, verdict: 'pass', ok: true, message };
    }
    case 'mismatch': {
      const worst = entries[0];
      const failed = collector?.failed.length ?? 0;
      const where = worst === undefined ? '' : ` Worst: ${describeEntry(worst, oracleName)}.`;
      const located =
        end.located.length > 0
          ? ` Wrong entries located: ${listLabels(end.located.map((p) => positionLabel(run, p)))}.`
          : '';
      const message = `${head} found a mismatch: ${failed} of ${compared} compared values exceed their error bounds.${where}${located}${notes} ${replayHint(run)} ${cost}`;
      const base = {
        ...common,
        verdict: 'mismatch' as const,
        ok: false as const,
        located: end.located,
        message,
      };
      return end.matrix === undefined ? base : { ...base, matrix: end.matrix };
    }
    case 'oracle-unreliable': {
      const where =
        end.coordinates.length > 0
          ? ` at ${run.mode === 'fast' ? 'probes' : 'input coordinates'} [${end.coordinates.slice(0, 10).join(', ')}${end.coordinates.length > 10 ? ', …' : ''}]`
          : '';
      const message = `${head}: the ${oracleName} oracle cannot be trusted${where}: ${run.oracleKind !== 'finite-difference' && end.reason === 'noise' ? 'the oracle gives no finite error bound there' : REASONS[end.reason]}. No other compared value exceeded its bound (${compared} compared).${notes} ${replayHint(run)}`;
      return {
        ...common,
        verdict: 'oracle-unreliable',
        ok: false,
        reason: end.reason,
        coordinates: end.coordinates,
        message,
      };
    }
    case 'non-finite': {
      const who =
        end.source === 'function' ? 'f' : end.source === 'derivative' ? 'the derivative' : 'the oracle';
      const message = `${head}: ${who} returned ${end.value} at ${positionLabel(run, end.index, end.source)}; NaN and ±Infinity never pass. ${cost}`;
      return {
        ...common,
        verdict: 'non-finite',
        ok: false,
        source: end.source,
        index: end.index,
        value: end.value,
        message,
      };
    }
    case 'nondeterministic': {
      const who = end.source === 'function' ? 'f' : 'the derivative';
      const message = `${head}: ${who} returned different values when called twice with the same input (${end.detail}). A derivative can only be checked against a deterministic function. ${cost}`;
      return { ...common, verdict: 'nondeterministic', ok: false, source: end.source, message };
    }
    case 'argument-mutated': {
      const who = end.source === 'function' ? 'f' : 'the derivative';
      const message = `${head}: ${who} wrote into its input array: x[${end.index}] changed from ${formatNumber(end.before)} to ${formatNumber(end.after)}. Every call gets its own copy of x; a function must not modify its argument. ${cost}`;
      return {
        ...common,
        verdict: 'argument-mutated',
        ok: false,
        source: end.source,
        index: end.index,
        before: end.before,
        after: end.after,
        message,
      };
    }
  }
}

/** `J[1,2]`, `grad[5]`, `layer 1 δ[3]`, `f(x)[2]` … for a position of the given kind. */
export function positionLabel(run: Run, p: readonly number[], source?: string): string {
  if (source === 'function') return `f(x)[${p.join(',')}]`;
  if (run.kind === 'gradient') return `grad[${p.join(',')}]`;
  if (run.kind === 'backprop') return p.length === 2 ? `layer ${p[0]} δ[${p[1]}]` : `[${p.join(',')}]`;
  return `J[${p.join(',')}]`;
}
