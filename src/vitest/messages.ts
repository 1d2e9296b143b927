/**
 * Failure messages of the matchers and of `checkProperty`: what was checked, the verdict, the
 * checker's own paragraph, the worst entries as a table (the same table the CLI prints) and how to
 * replay — the seed for a single check, seed and path (and the CLI command) for a property.
 */
import type { CheckResult } from '../checks/result.js';
import { entriesTable } from '../cli/entriesTable.js';
import { replayCommand } from '../index.js';
import type { PropertyResult } from '../property/result.js';

function describeCheck(result: CheckResult): string {
  return `${result.kind} check, ${result.mode} mode, ${result.dtype}, oracle ${result.oracle}, ${result.compared} values compared`;
}

function verdictDetails(result: CheckResult): string[] {
  const lines: string[] = [];
  if (result.message !== '') lines.push(result.message);
  if (result.entries.length > 0) lines.push('', 'worst entries:', entriesTable(result.entries, 5));
  return lines;
}

/**
 * The message of a failed derivative matcher.
 *
 * @example
 * checkFailureMessage(result, 'toMatchVjp');
 * // toMatchVjp: the derivative does not match (mismatch; vjp check, full mode, float64, …)
 * // <checker message>
 * // worst entries: …
 * // replay: pass { seed: 12345 } in the options to repeat these random choices
 */
export function checkFailureMessage(result: CheckResult, matcher: string): string {
  return [
    `${matcher}: the derivative does not match (${result.verdict}; ${describeCheck(result)})`,
    ...verdictDetails(result),
    '',
    `replay: pass { seed: ${result.seed} } in the options to repeat these random choices`,
  ].join('\n');
}

/** The message of a negated matcher (`.not.toMatchVjp`) whose derivative passed. */
export function checkPassedMessage(result: CheckResult, matcher: string): string {
  return `${matcher}: expected the derivative NOT to match, but the check passed (${describeCheck(result)}, seed ${result.seed})`;
}

/**
 * The message of a failed property (by `checkProperty`/`testSpecs` or `toPassCheck`).
 *
 * @example
 * propertyFailureMessage(result);
 * // property "softmax vjp" failed: mismatch after 12 runs and 4 shrinks
 * // counterexample: { x: Float64Array.from([0, 1]), rows: 1, cols: 2, … }
 * // …worst entries…
 * // replay: seed 42, path "11:0:0" — runProperty(spec, { seed: 42, path: "11:0:0" })
 * //         npx gradcheck check specs/softmax.spec.ts --seed 42 --path 11:0:0 --grep 'softmax vjp'
 */
export function propertyFailureMessage(result: PropertyResult): string {
  const lines = [
    result.status === 'error'
      ? `property "${result.name}" could not run: ${result.error?.code === undefined ? '' : `[${result.error.code}] `}${result.error?.message ?? 'unknown error'}`
      : `property "${result.name}" failed: ${result.verdict} after ${result.numRuns} runs and ${result.numShrinks} shrinks`,
  ];
  if (result.counterexampleText !== undefined) lines.push(`counterexample: ${result.counterexampleText}`);
  if (result.check !== undefined && !result.check.ok) lines.push('', ...verdictDetails(result.check));
  const replay = `{ seed: ${result.seed}${result.path === undefined ? '' : `, path: ${JSON.stringify(result.path)}`} }`;
  lines.push('', `replay: runProperty(spec, ${replay})`);
  if (result.source !== undefined) lines.push(`        ${replayCommand(result)}`);
  return lines.join('\n');
}
