/**
 * What the CLI prints for each failing property: the verdict, the checker's message, the worst
 * entries, the (shortened) counterexample and the command that replays exactly this case.
 */
import type { PropertyResult } from '../property/result.js';
import type { Palette } from './color.js';
import { entriesTable } from './entriesTable.js';

const MAX_COUNTEREXAMPLE = 300;

function indent(text: string, by = '  '): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : by + line))
    .join('\n');
}

/** Shortens long text to `max` characters, saying how much was cut. */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

/**
 * A failure's block of text (no trailing newline).
 *
 * @example
 * failureDetails(result, 'npx gradcheck --seed 1 --path "0" --grep "softmax vjp"', palette(false));
 * // ✗ softmax vjp — mismatch (vjp, float64, seed 1, path 0)
 * //   <message>
 * //   worst entries:
 * //     entry  analytic  oracle  …
 * //   counterexample: …
 * //   replay: npx gradcheck --seed 1 --path "0" --grep "softmax vjp"
 */
export function failureDetails(result: PropertyResult, replay: string, colors: Palette): string {
  const head = `${colors.red('✗')} ${colors.bold(result.name)} — ${result.verdict} (${result.kind}, ${result.dtype}, seed ${result.seed}${result.path === undefined ? '' : `, path ${result.path}`})`;
  const lines = [head];
  const message = result.error?.message ?? result.check?.message;
  if (message !== undefined && message !== '') {
    const code = result.error?.code === undefined ? '' : `[${result.error.code}] `;
    lines.push(indent(code + message));
  }
  const entries = result.check?.entries ?? [];
  if (result.status === 'failed' && entries.length > 0) {
    lines.push('  worst entries:', indent(entriesTable(entries, 3), '    '));
  }
  if (result.counterexampleText !== undefined) {
    lines.push(`  counterexample: ${shorten(result.counterexampleText, MAX_COUNTEREXAMPLE)}`);
  }
  lines.push(`  replay: ${colors.bold(replay)}`);
  return lines.join('\n');
}
