/**
 * Benchmark harness: median throughput over repeated timed batches, and plain-text tables.
 * Benchmarks print figures; they never assert on time (shared machines are noisy).
 */

export interface Measurement {
  /** Median operations per second over the samples. */
  readonly opsPerSec: number;
  /** Relative spread (max − min) / median of the per-sample rates. */
  readonly spread: number;
  readonly samples: number;
}

export interface MeasureOptions {
  /** Minimum wall time of one sample, in milliseconds (default 200). */
  readonly minSampleMs?: number;
  /** Number of samples; the median is reported (default 5). */
  readonly samples?: number;
  /** Untimed warm-up calls before sampling (default: as many as fit in one sample). */
  readonly warmupMs?: number;
}

/** Times `fn` (one operation per call) and returns the median rate. */
export function measure(fn: () => unknown, options: MeasureOptions = {}): Measurement {
  const minSampleMs = options.minSampleMs ?? 200;
  const samples = options.samples ?? 5;
  const warmupEnd = performance.now() + (options.warmupMs ?? minSampleMs);
  let sink: unknown;
  while (performance.now() < warmupEnd) sink = fn();
  const rates: number[] = [];
  for (let s = 0; s < samples; s++) {
    let calls = 0;
    const start = performance.now();
    let now = start;
    while (now - start < minSampleMs) {
      sink = fn();
      calls++;
      now = performance.now();
    }
    rates.push((calls * 1000) / (now - start));
  }
  keep(sink);
  rates.sort((a, b) => a - b);
  const median = rates[Math.floor(rates.length / 2)] ?? 0;
  const spread = ((rates[rates.length - 1] ?? 0) - (rates[0] ?? 0)) / median;
  return { opsPerSec: median, spread, samples };
}

/** Keeps a result alive so the JIT cannot drop the benchmarked work. */
export function keep(value: unknown): void {
  (globalThis as { __benchSink?: unknown }).__benchSink = value;
}

/** Formats a table with a title, right-aligning cells that look numeric. */
export function table(
  title: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const numeric = /^[-+]?[\d.,]+(e[-+]?\d+)?\s*(×|%|M\/s|k\/s|\/s)?$/;
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => (numeric.test(c) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  const sep = `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`;
  return [`### ${title}`, '', line(header), sep, ...rows.map(line), ''].join('\n');
}

/** Formats a rate with an SI suffix: 85.3 M/s, 412 k/s. */
export function rate(perSec: number, unit = '/s'): string {
  if (perSec >= 1e6) return `${(perSec / 1e6).toFixed(1)} M${unit}`;
  if (perSec >= 1e3) return `${(perSec / 1e3).toFixed(1)} k${unit}`;
  return `${perSec.toFixed(1)} ${unit}`;
}
