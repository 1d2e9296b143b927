/**
 * Progress while properties run. On a TTY: one line rewritten in place (`\r` + erase line) showing
 * `[k/n] ✓ passed ✗ failed  running <name>`, with each failure kept as a permanent line above it.
 * Elsewhere (CI logs, pipes): one plain line per finished property. `--quiet`: nothing.
 */
import type { PropertyResult } from '../property/result.js';
import type { Palette } from './color.js';
import { formatDuration } from './summaryTable.js';

/** Receives the run's events; `finish` leaves the cursor at the start of a clean line. */
export interface Progress {
  begin(name: string, index: number, total: number): void;
  done(result: PropertyResult, index: number, total: number): void;
  finish(): void;
}

/** How the progress is shown. */
export interface ProgressTarget {
  readonly write: (text: string) => void;
  readonly isTTY: boolean;
  readonly columns: number;
  readonly quiet: boolean;
  readonly colors: Palette;
}

function mark(result: PropertyResult, colors: Palette): string {
  if (result.status === 'passed') return colors.green('✓');
  return result.status === 'failed' ? colors.red('✗') : colors.yellow('!');
}

function plainLine(result: PropertyResult, index: number, total: number, colors: Palette): string {
  const detail = result.status === 'passed' ? `${result.numRuns} runs` : result.verdict;
  return `[${index + 1}/${total}] ${mark(result, colors)} ${result.name} (${detail}, ${formatDuration(result.durationMs)})\n`;
}

/**
 * Creates the progress display for `target`.
 *
 * @example
 * const progress = createProgress({ write: io.stdout, isTTY: true, columns: 80, quiet: false, colors });
 */
export function createProgress(target: ProgressTarget): Progress {
  const { write, colors } = target;
  if (target.quiet) return { begin() {}, done() {}, finish() {} };
  if (!target.isTTY) {
    return { begin() {}, done: (r, k, n) => write(plainLine(r, k, n, colors)), finish() {} };
  }
  let passed = 0;
  let failed = 0;
  const draw = (text: string) => {
    const width = Math.max(20, target.columns - 1);
    write(`\r\x1b[2K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
  };
  return {
    begin(name, k, n) {
      draw(`[${k + 1}/${n}] ✓ ${passed} ✗ ${failed}  running ${name}`);
    },
    done(result, k, n) {
      if (result.status === 'passed') passed += 1;
      else {
        failed += 1;
        write(`\r\x1b[2K${plainLine(result, k, n, colors)}`);
      }
    },
    finish() {
      write('\r\x1b[2K');
    },
  };
}
