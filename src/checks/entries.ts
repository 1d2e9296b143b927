/**
 * Collecting compared values: counts every comparison, keeps the worst `maxEntries` (by |Δ|/allowed,
 * NaN worst of all) and remembers which positions failed. `!(absDiff <= allowed)` is the failure test,
 * so a NaN can never pass.
 */
import type { Entry } from './result.js';

/** One comparison before it becomes an Entry. */
export interface Comparison {
  readonly index: readonly number[];
  readonly label: string;
  readonly analytic: number;
  readonly oracle: number;
  readonly allowed: number;
  readonly oracleError: number;
}

/** Severity of an entry: |Δ| / allowed (∞ for NaN or a positive |Δ| against a zero bound). */
export function severity(e: { absDiff: number; allowed: number }): number {
  if (Number.isNaN(e.absDiff) || Number.isNaN(e.allowed)) return Number.POSITIVE_INFINITY;
  if (e.absDiff === 0) return 0;
  return e.allowed > 0 ? e.absDiff / e.allowed : Number.POSITIVE_INFINITY;
}

/** Accumulates comparisons. */
export class EntryCollector {
  private readonly keep: number;
  private kept: Entry[] = [];
  compared = 0;
  /** Positions that failed, in comparison order. */
  readonly failed: (readonly number[])[] = [];

  constructor(maxEntries: number) {
    this.keep = maxEntries;
  }

  /** Compares one value; returns true when it failed. */
  add(c: Comparison): boolean {
    const absDiff = Math.abs(c.analytic - c.oracle);
    const entry: Entry = { ...c, absDiff, margin: c.allowed - absDiff };
    this.compared++;
    const fail = !(absDiff <= c.allowed);
    if (fail) this.failed.push(c.index);
    this.kept.push(entry);
    if (this.kept.length > 4 * this.keep + 64) this.trim();
    return fail;
  }

  /** Adds another collector's counts, failures and kept entries (backprop merges its layers). */
  absorb(other: EntryCollector): void {
    this.compared += other.compared;
    this.failed.push(...other.failed);
    this.kept.push(...other.entries());
    this.trim();
  }

  /** The kept entries, worst first. */
  entries(): Entry[] {
    this.trim();
    return this.kept;
  }

  private trim(): void {
    this.kept.sort(worstFirst);
    if (this.kept.length > this.keep) this.kept = this.kept.slice(0, this.keep);
  }
}

/** Sort order: higher severity first, then larger |Δ| (NaN-safe). */
export function worstFirst(a: Entry, b: Entry): number {
  const sa = severity(a);
  const sb = severity(b);
  if (sa !== sb) return sb > sa ? 1 : -1;
  const da = Number.isNaN(a.absDiff) ? Number.POSITIVE_INFINITY : a.absDiff;
  const db = Number.isNaN(b.absDiff) ? Number.POSITIVE_INFINITY : b.absDiff;
  return da === db ? 0 : db > da ? 1 : -1;
}
