/**
 * One line saying what a result's verdict means at its counterexample, shared by the Markdown,
 * HTML and JUnit writers (the checker's own `message` follows it in full).
 */
import { errorRatio, formatNumber, formatPair, formatRatio } from './format.js';
import type { ReportEntry } from './types.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * What the verdict of a result says, in one line.
 * @example verdictLine(result) // 'mismatch at J[1,1]: analytic 0.21 vs oracle -0.05 (|Δ| 0.26 is 2.6e9× the allowed 1e-10)'
 */
export function verdictLine(r: ReportEntry): string {
  if (r.status === 'error') {
    return `error: the property could not run${r.error?.code === undefined ? '' : ` (${r.error.code})`}`;
  }
  const c = r.check;
  if (c === undefined) return r.verdict;
  switch (c.verdict) {
    case 'pass':
      return `pass: ${plural(c.compared, 'value')} compared`;
    case 'mismatch': {
      const w = c.entries[0];
      const where = c.located.length > 0 ? ` (${plural(c.located.length, 'position')} located)` : '';
      if (w === undefined) return `mismatch${where}`;
      const ratio = errorRatio(w.absDiff, w.allowed);
      const [analytic, oracle] = formatPair(w.analytic, w.oracle);
      return (
        `mismatch at ${w.label}: analytic ${analytic} vs oracle ${oracle} ` +
        `(|Δ| ${formatNumber(w.absDiff, 3)} is ${formatRatio(ratio, 3)}× the allowed ${formatNumber(w.allowed, 3)})${where}`
      );
    }
    case 'non-finite':
      return `non-finite: the ${c.source} gave ${formatNumber(c.value)} at [${c.index.join(', ')}]`;
    case 'oracle-unreliable':
      return `oracle-unreliable (${c.reason}) at input ${c.coordinates.length === 1 ? 'coordinate' : 'coordinates'} ${c.coordinates.join(', ')}`;
    case 'nondeterministic':
      return `nondeterministic: the ${c.source} returned different values for the same input`;
    case 'argument-mutated':
      return `argument-mutated: the ${c.source} changed x[${c.index}] from ${formatNumber(c.before)} to ${formatNumber(c.after)}`;
  }
}
