/**
 * summary.md: a Markdown summary fit for `$GITHUB_STEP_SUMMARY` (GitHub-flavoured tables): a
 * headline, a table of every check, then each failure and error with its verdict, the shortened
 * counterexample, the worst entries and the command that replays it. User text is escaped with
 * `escapeMarkdown`; code goes in fences longer than any backtick run it holds.
 */
import type { Entry } from '../checks/result.js';
import { codeBlock, escapeMarkdown as md } from './escape.js';
import {
  counterexampleText,
  errorRatio,
  formatDuration,
  formatNumber,
  formatPair,
  formatRatio,
} from './format.js';
import { replayCommand } from './replay.js';
import { type DisplayStatus, displayStatus } from './summary.js';
import type { ReplayOptions, Report, ReportEntry } from './types.js';
import { verdictLine } from './verdict.js';

/** Options of `renderMarkdown`. */
export interface MarkdownOptions {
  /** Heading of the summary; default `gradcheck`. */
  readonly title?: string;
  /** Worst entries listed per failure; default 5. */
  readonly maxEntries?: number;
  /** Failures and errors detailed (the table lists all); default 50, the rest are counted. */
  readonly maxFailures?: number;
  /** Characters of each counterexample shown; default 400 (report.json holds it whole). */
  readonly maxCounterexampleChars?: number;
  readonly replay?: ReplayOptions;
}

/** Status marks, shared with the HTML writer's legend. */
export const STATUS_ICON: Readonly<Record<DisplayStatus, string>> = {
  passed: '✅',
  failed: '❌',
  error: '⚠️',
  skipped: '⏭️',
};

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function runs(r: ReportEntry): string {
  return r.numSkips > 0 ? `${r.numRuns} (+${r.numSkips} discarded)` : String(r.numRuns);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function headline(report: Report, title: string): string {
  const s = report.summary;
  const parts = [
    s.failed > 0 ? `${s.failed} failed` : '',
    s.errors > 0 ? `${s.errors} ${s.errors === 1 ? 'error' : 'errors'}` : '',
    `${s.passed} passed`,
    (s.skipped ?? 0) > 0 ? `${s.skipped} skipped` : '',
  ].filter((p) => p !== '');
  const icon = s.failed + s.errors > 0 ? '❌' : '✅';
  return `## ${icon} ${md(title)}: ${parts.join(', ')} (${plural(s.total, 'check')}, ${formatDuration(report.durationMs)})`;
}

function meta(report: Report): string {
  const parts = [`${md(report.tool.name)} ${md(report.tool.version)}`, report.createdAt];
  if (report.seed !== undefined) parts.push(`seed ${report.seed}`);
  if (report.shard !== undefined) parts.push(`shard ${report.shard.index}/${report.shard.count}`);
  if (report.command !== undefined) parts.push(md(report.command.join(' ')));
  return parts.join(' · ');
}

function checksTable(results: readonly ReportEntry[]): string {
  const lines = [
    row(['', 'check', 'verdict', 'kind', 'dtype', 'runs', 'time']),
    row([':-:', '---', '---', '---', '---', '--:', '--:']),
  ];
  for (const r of results) {
    const status = displayStatus(r);
    lines.push(
      row([
        STATUS_ICON[status],
        md(r.name),
        status === 'skipped' ? 'skipped' : r.verdict,
        r.kind,
        r.dtype,
        runs(r),
        formatDuration(r.durationMs),
      ]),
    );
  }
  return lines.join('\n');
}

/** The worst entries as a Markdown table (shared with the vitest matcher messages). */
export function entriesMarkdown(entries: readonly Entry[], max = 5): string {
  const lines = [
    row(['entry', 'analytic', 'oracle', '\\|Δ\\|', 'allowed', '\\|Δ\\|/allowed', 'margin']),
    row(['---', '--:', '--:', '--:', '--:', '--:', '--:']),
  ];
  for (const e of entries.slice(0, max)) {
    const ratio = formatRatio(errorRatio(e.absDiff, e.allowed), 6);
    const cells = [formatNumber(e.absDiff, 6), formatNumber(e.allowed, 6), ratio, formatNumber(e.margin, 6)];
    lines.push(row([md(e.label), ...formatPair(e.analytic, e.oracle), ...cells]));
  }
  if (entries.length > max) lines.push(`\n${entries.length - max} more entries in report.json.`);
  return lines.join('\n');
}

function facts(r: ReportEntry): string {
  const parts = [`\`${r.kind}\``, `\`${r.dtype}\``, `mode ${r.mode}`, `oracle ${r.oracle}`, `seed ${r.seed}`];
  if (r.path !== undefined) parts.push(`path ${md(r.path)}`);
  parts.push(
    `${runs(r)} ${r.numRuns === 1 ? 'run' : 'runs'}`,
    plural(r.numShrinks, 'shrink'),
    formatDuration(r.durationMs),
  );
  if (r.source !== undefined) parts.push(r.source === 'builtin' ? 'built-in gate' : `from ${md(r.source)}`);
  return parts.join(' · ');
}

function failure(
  r: ReportEntry,
  o: Required<Omit<MarkdownOptions, 'replay' | 'title'>>,
  replay?: ReplayOptions,
): string {
  const icon = STATUS_ICON[displayStatus(r)];
  const blocks = [`#### ${icon} ${md(r.name)}`, `**${md(verdictLine(r))}**`, facts(r)];
  const message = r.error?.message ?? r.check?.message;
  if (message) blocks.push(message.split(/\r?\n/).map(md).join('  \n'));
  if (r.check !== undefined && r.check.entries.length > 0) {
    blocks.push('**Worst entries**', entriesMarkdown(r.check.entries, o.maxEntries));
  }
  const example = counterexampleText(r, o.maxCounterexampleChars);
  if (example !== undefined) blocks.push('**Counterexample**', codeBlock(example, 'text'));
  if (r.error?.stack)
    blocks.push(`<details><summary>stack</summary>\n\n${codeBlock(r.error.stack, 'text')}\n\n</details>`);
  blocks.push('**Replay**', codeBlock(replayCommand(r, replay), 'sh'));
  return blocks.join('\n\n');
}

/**
 * Renders the Markdown summary of a report (ends with a newline).
 * @example await appendFile(process.env.GITHUB_STEP_SUMMARY, renderMarkdown(report));
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const o = {
    maxEntries: options.maxEntries ?? 5,
    maxFailures: options.maxFailures ?? 50,
    maxCounterexampleChars: options.maxCounterexampleChars ?? 400,
  };
  const parts = [headline(report, options.title ?? 'gradcheck'), meta(report), checksTable(report.results)];
  const bad = report.results.filter((r) => r.status !== 'passed');
  if (bad.length > 0) parts.push(`### Failures (${bad.length})`);
  for (const r of bad.slice(0, o.maxFailures)) parts.push(failure(r, o, options.replay));
  if (bad.length > o.maxFailures) {
    parts.push(
      `${bad.length - o.maxFailures} more failures are not shown here: see report.html or report.json.`,
    );
  }
  return `${parts.join('\n\n')}\n`;
}
