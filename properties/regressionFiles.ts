/**
 * Reads fixtures/regressions/*.json (for the test files: the gate module itself never touches the
 * file system). An entry with `open` is a bug that is live in the current code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Regression } from './regressions.js';

const dir = new URL('../fixtures/regressions/', import.meta.url);

/** Every regression, sorted by file name. */
export function loadRegressions(): Regression[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Regression);
}

/** Spec name → where its live bug was reported, for every open regression the gate's seed reaches. */
export function openBugs(): Map<string, string> {
  return new Map(
    loadRegressions().flatMap((r) =>
      r.open === undefined || r.gatePasses === true ? [] : [[r.spec, r.open] as const],
    ),
  );
}
