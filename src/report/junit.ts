/**
 * junit.xml: one `<testcase>` per property, grouped into one `<testsuite>` per classname (the spec
 * file, or the check kind for the built-in gate), with stable names (the property name, never the
 * seed) so CI keeps one history line per property. Failures carry the verdict, the worst entries
 * and the replay command; `status: 'error'` gives `<error>`, a vacuous pass `<skipped>`. Follows
 * the de-facto schema read by Jenkins, GitLab and GitHub test reporters (Ant/Maven surefire).
 */
import { escapeXml } from './escape.js';
import { counterexampleText } from './format.js';
import { replayCommand } from './replay.js';
import { displayStatus, summarize } from './summary.js';
import { entriesText } from './text-table.js';
import type { ReplayOptions, Report, ReportEntry } from './types.js';
import { verdictLine } from './verdict.js';

/** Options of `renderJunit`. */
export interface JunitOptions {
  /** Worst entries listed per failure; default 5. */
  readonly maxEntries?: number;
  readonly replay?: ReplayOptions;
}

const attr = (name: string, value: string | number) => `${name}="${escapeXml(String(value), true)}"`;
const seconds = (ms: number) => (Number.isFinite(ms) && ms > 0 ? (ms / 1000).toFixed(3) : '0.000');

/** The `classname` of a result's test case: its spec file, or its kind for the built-in gate. */
export function junitClassname(r: ReportEntry): string {
  return r.source === undefined || r.source === 'builtin' ? r.kind : r.source;
}

function failureText(r: ReportEntry, maxEntries: number, replay?: ReplayOptions): string {
  const lines = [verdictLine(r)];
  const message = r.error?.message ?? r.check?.message;
  if (message) lines.push('', message);
  const entries = r.check?.entries ?? [];
  if (r.status === 'failed' && entries.length > 0)
    lines.push('', 'worst entries:', entriesText(entries, maxEntries));
  const example = counterexampleText(r, 2000);
  if (example !== undefined) lines.push('', `counterexample: ${example}`);
  lines.push(
    '',
    `${r.kind}, ${r.dtype}, ${r.mode} mode, ${r.oracle} oracle; seed ${r.seed}${r.path === undefined ? '' : `, path ${r.path}`}`,
  );
  if (r.error?.stack) lines.push('', r.error.stack);
  lines.push('', `replay: ${replayCommand(r, replay)}`);
  return lines.join('\n');
}

function testcase(r: ReportEntry, o: Required<Omit<JunitOptions, 'replay'>>, replay?: ReplayOptions): string {
  const open = `    <testcase ${attr('classname', junitClassname(r))} ${attr('name', r.name)} ${attr('time', seconds(r.durationMs))}`;
  const status = displayStatus(r);
  if (status === 'passed') return `${open}/>`;
  let body: string;
  if (status === 'skipped') {
    body = `<skipped ${attr('message', `all ${r.numSkips} generated inputs were discarded: nothing was verified`)}/>`;
  } else {
    const tag = status === 'error' ? 'error' : 'failure';
    const type = status === 'error' ? (r.error?.code ?? 'error') : r.verdict;
    const message = status === 'error' ? (r.error?.message.split('\n')[0] ?? verdictLine(r)) : verdictLine(r);
    body = `<${tag} ${attr('message', message)} ${attr('type', type)}>${escapeXml(failureText(r, o.maxEntries, replay))}</${tag}>`;
  }
  return `${open}>\n      ${body}\n    </testcase>`;
}

function suite(name: string, results: readonly ReportEntry[], report: Report, cases: string[]): string {
  const s = summarize(results);
  const time = seconds(
    results.reduce((sum, r) => sum + (Number.isFinite(r.durationMs) ? r.durationMs : 0), 0),
  );
  const head = [
    attr('name', name),
    attr('tests', s.total),
    attr('failures', s.failed),
    attr('errors', s.errors),
  ];
  head.push(
    attr('skipped', s.skipped),
    attr('time', time),
    attr('timestamp', report.createdAt.replace(/Z$/, '')),
  );
  return `  <testsuite ${head.join(' ')}>\n${cases.join('\n')}\n  </testsuite>`;
}

/**
 * Renders a report as JUnit XML (ends with a newline).
 * @example await writeFile('reports/ci/junit.xml', renderJunit(report));
 */
export function renderJunit(report: Report, options: JunitOptions = {}): string {
  const o = { maxEntries: options.maxEntries ?? 5 };
  const groups = new Map<string, ReportEntry[]>();
  for (const r of report.results) {
    const name = junitClassname(r);
    const group = groups.get(name);
    if (group === undefined) groups.set(name, [r]);
    else group.push(r);
  }
  const suites = [...groups].map(([name, results]) =>
    suite(
      name,
      results,
      report,
      results.map((r) => testcase(r, o, options.replay)),
    ),
  );
  const s = report.summary;
  const head = [
    attr('name', report.tool.name),
    attr('tests', s.total),
    attr('failures', s.failed),
    attr('errors', s.errors),
  ];
  head.push(attr('skipped', s.skipped ?? 0), attr('time', seconds(report.durationMs)));
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ${head.join(' ')}>\n${suites.join('\n')}\n</testsuites>\n`;
}
