/**
 * Timing a kernel against its plain baseline: alternating rounds of CPU time (see bench/kernels.ts
 * for why), and the median helpers the kernel tables aggregate with.
 */
import { keep, measure } from './harness.js';

/** Rounds per pair, and the minimum wall time of one round. */
const ROUNDS = 15;
const ROUND_MS = 60;

/** One pair measured in one process. */
export interface Pair {
  /** Median kernel rate over the rounds, in units per CPU-second. */
  readonly kernel: number;
  /** Median baseline rate over the same rounds. */
  readonly baseline: number;
  /** The median over the rounds of kernel rate / baseline rate within a round. */
  readonly ratio: number;
}

/** The median of a non-empty list (the upper one of the two middle values for an even length). */
export function median(values: readonly number[]): number {
  return [...values].sort((p, q) => p - q)[values.length >> 1]!;
}

/** Units per CPU-second of `fn` over one round of at least ROUND_MS of wall time. */
function cpuRate(fn: () => unknown, units: number): number {
  let sink: unknown;
  let calls = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  do {
    sink = fn();
    calls++;
  } while (performance.now() - start < ROUND_MS);
  const used = process.cpuUsage(cpu);
  keep(sink);
  return (calls * units) / ((used.user + used.system) / 1e6);
}

/**
 * Alternates kernel and baseline for ROUNDS rounds (the order swapped every round): median rates,
 * and the median per-round ratio.
 */
export function pair(kernel: () => unknown, baseline: () => unknown, units: number): Pair {
  measure(kernel, { samples: 1, minSampleMs: 20, warmupMs: 300 });
  measure(baseline, { samples: 1, minSampleMs: 20, warmupMs: 300 });
  const k: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    if (r % 2 === 0) {
      k.push(cpuRate(kernel, units));
      b.push(cpuRate(baseline, units));
    } else {
      b.push(cpuRate(baseline, units));
      k.push(cpuRate(kernel, units));
    }
  }
  return { kernel: median(k), baseline: median(b), ratio: median(k.map((v, r) => v / b[r]!)) };
}

/** ROUNDS, for the table titles. */
export const PAIR_ROUNDS = ROUNDS;
