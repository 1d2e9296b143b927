/**
 * report.html: one self-contained page (inline CSS, no script, no external reference; a
 * Content-Security-Policy forbids loading anything). A summary, a table of every check, and per
 * failing check its verdict, a heatmap of |Δ|/allowed over its Jacobian (html-heatmap.ts), the
 * worst entries, the counterexample and the replay command. Every text is escaped.
 */
import type { Entry } from '../checks/result.js';
import { escapeHtml as h } from './escape.js';
import {
  counterexampleText,
  errorRatio,
  formatDuration,
  formatNumber,
  formatPair,
  formatRatio,
} from './format.js';
import { heatmapHtml, legendHtml, stripHtml } from './html-heatmap.js';
import { HTML_STYLE } from './html-style.js';
import { replayCommand } from './replay.js';
import { displayStatus } from './summary.js';
import type { ReplayOptions, Report, ReportEntry } from './types.js';
import { verdictLine } from './verdict.js';

/** Options of `renderHtml`. */
export interface HtmlOptions {
  /** Page heading; default `gradcheck report`. */
  readonly title?: string;
  /** Worst entries listed per failure; default 10. */
  readonly maxEntries?: number;
  /** Characters of each counterexample shown; default 2000 (report.json holds it whole). */
  readonly maxCounterexampleChars?: number;
  readonly replay?: ReplayOptions;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

function pill(status: string, text: string): string {
  return `<span class="pill ${status}">${h(text)}</span>`;
}

function summaryHtml(report: Report): string {
  const s = report.summary;
  const card = (cls: string, n: number, label: string) =>
    `<div class="card ${cls}"><b>${n}</b><span>${label}</span></div>`;
  const bad = s.failed + s.errors;
  const banner =
    bad > 0
      ? `<div class="banner bad">${bad} of ${s.total} checks did not hold</div>`
      : `<div class="banner good">All ${s.total - (s.skipped ?? 0)} checks held</div>`;
  return (
    `${banner}<div class="cards">${card('total', s.total, 'checks')}${card('passed', s.passed, 'passed')}` +
    `${card('failed', s.failed, 'failed')}${card('error', s.errors, 'errors')}${card('skipped', s.skipped ?? 0, 'skipped')}</div>`
  );
}

function metaHtml(report: Report): string {
  const parts = [
    `${h(report.tool.name)} ${h(report.tool.version)}`,
    h(report.createdAt),
    h(formatDuration(report.durationMs)),
  ];
  if (report.seed !== undefined) parts.push(`seed ${report.seed}`);
  if (report.shard !== undefined) parts.push(`shard ${report.shard.index}/${report.shard.count}`);
  if (report.command !== undefined) parts.push(`<code>${h(report.command.join(' '))}</code>`);
  return `<p class="meta">${parts.join(' · ')}</p>`;
}

function checksTable(results: readonly ReportEntry[]): string {
  const rows = results.map((r, i) => {
    const status = displayStatus(r);
    const name =
      status === 'failed' || status === 'error' ? `<a href="#result-${i}">${h(r.name)}</a>` : h(r.name);
    const runs =
      r.numSkips > 0 ? `${r.numRuns} <small>(+${r.numSkips} discarded)</small>` : String(r.numRuns);
    return (
      `<tr class="${status}"><td>${pill(status, status === 'skipped' ? 'skipped' : r.verdict)}</td><td>${name}</td>` +
      `<td>${h(r.kind)}</td><td>${h(r.mode)}</td><td>${h(r.dtype)}</td><td class="n">${runs}</td><td class="n">${r.numShrinks}</td>` +
      `<td class="n">${h(formatDuration(r.durationMs))}</td></tr>`
    );
  });
  return (
    '<table class="checks"><thead><tr><th>verdict</th><th>check</th><th>kind</th><th>mode</th><th>dtype</th>' +
    `<th class="n">runs</th><th class="n">shrinks</th><th class="n">time</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

function entriesTable(entries: readonly Entry[], max: number): string {
  const rows = entries.slice(0, max).map((e) => {
    const [analytic, oracle] = formatPair(e.analytic, e.oracle, 8);
    const ratio = errorRatio(e.absDiff, e.allowed);
    const all = [
      [e.analytic, analytic],
      [e.oracle, oracle],
      [e.absDiff, formatNumber(e.absDiff, 4)],
      [e.allowed, formatNumber(e.allowed, 4)],
      [ratio, formatRatio(ratio)],
      [e.margin, formatNumber(e.margin, 4)],
    ] as const;
    const fails = !(ratio <= 1);
    const cellsHtml = all.map(([x, text]) => `<td class="n" title="${x}">${h(text)}</td>`).join('');
    return `<tr${fails ? ' class="f"' : ''}><td>${h(e.label)}</td>${cellsHtml}</tr>`;
  });
  const more =
    entries.length > max ? `<p class="note">${entries.length - max} more entries in report.json.</p>` : '';
  return (
    '<table class="entries"><thead><tr><th>entry</th><th class="n">analytic</th><th class="n">oracle</th><th class="n">|Δ|</th>' +
    `<th class="n">allowed</th><th class="n">|Δ|/allowed</th><th class="n">margin</th></tr></thead><tbody>${rows.join('')}</tbody></table>${more}`
  );
}

function facts(r: ReportEntry): string {
  const items: [string, string][] = [
    ['kind', r.kind],
    ['mode', r.mode],
    ['dtype', r.dtype],
    ['oracle', r.oracle],
    ['seed', String(r.seed)],
  ];
  if (r.path !== undefined) items.push(['path', r.path]);
  items.push(
    ['runs', `${r.numRuns}${r.numSkips > 0 ? ` (+${r.numSkips} discarded)` : ''}`],
    ['shrinks', String(r.numShrinks)],
  );
  items.push(['time', formatDuration(r.durationMs)]);
  if (r.check !== undefined)
    items.push([
      'calls',
      `f ×${r.check.evaluations.function}, derivative ×${r.check.evaluations.derivative}`,
    ]);
  if (r.source !== undefined) items.push(['source', r.source]);
  return `<dl class="facts">${items.map(([k, v]) => `<div><dt>${k}</dt><dd>${h(v)}</dd></div>`).join('')}</dl>`;
}

function picture(r: ReportEntry): string {
  const c = r.check;
  if (c === undefined) return '';
  if (c.verdict === 'mismatch' && c.matrix !== undefined) {
    return `<h4>|Δ| / allowed over the Jacobian</h4>${heatmapHtml(c.matrix)}${legendHtml()}`;
  }
  if (c.entries.length === 0) return '';
  return `<h4>|Δ| / allowed of the compared values</h4>${stripHtml(c.entries)}${legendHtml()}`;
}

function resultHtml(
  r: ReportEntry,
  i: number,
  o: Required<Omit<HtmlOptions, 'replay' | 'title'>>,
  replay?: ReplayOptions,
): string {
  const status = displayStatus(r);
  const parts = [
    `<article class="result ${status}" id="result-${i}">`,
    `<h3>${pill(status, r.verdict)}<span class="name">${h(r.name)}</span></h3>`,
  ];
  parts.push(`<p class="verdict">${h(verdictLine(r))}</p>`, facts(r));
  const message = r.error?.message ?? r.check?.message;
  if (message) parts.push(`<p class="message">${h(message)}</p>`);
  parts.push(picture(r));
  if (r.check !== undefined && r.check.entries.length > 0)
    parts.push('<h4>Worst entries</h4>', entriesTable(r.check.entries, o.maxEntries));
  const example = counterexampleText(r, o.maxCounterexampleChars, 24);
  if (example !== undefined)
    parts.push('<h4>Counterexample</h4>', `<pre class="counterexample">${h(example)}</pre>`);
  if (r.error?.stack) parts.push(`<details><summary>stack</summary><pre>${h(r.error.stack)}</pre></details>`);
  parts.push(
    '<h4>Replay</h4>',
    `<pre class="replay"><code>${h(replayCommand(r, replay))}</code></pre>`,
    '</article>',
  );
  return parts.join('');
}

/**
 * Renders a report as one self-contained HTML page.
 * @example await writeFile('reports/ci/report.html', renderHtml(report));
 */
export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const o = {
    maxEntries: options.maxEntries ?? 10,
    maxCounterexampleChars: options.maxCounterexampleChars ?? 2000,
  };
  const title = options.title ?? 'gradcheck report';
  const s = report.summary;
  const headline = `${title}: ${s.failed} failed, ${s.errors} errors, ${s.passed} passed`;
  const bad = report.results.map((r, i) => [r, i] as const).filter(([r]) => r.status !== 'passed');
  const failures =
    bad.length === 0
      ? ''
      : `<h2>Failures (${bad.length})</h2>${bad.map(([r, i]) => resultHtml(r, i, o, options.replay)).join('\n')}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${h(headline)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<header><h1>${h(title)}</h1>${metaHtml(report)}${summaryHtml(report)}</header>
<main>
<h2>Checks (${s.total})</h2>
${checksTable(report.results)}
${failures}
</main>
<footer>Generated by ${h(report.tool.name)} ${h(report.tool.version)}. Full data in report.json (schema version ${report.schemaVersion}).</footer>
</body>
</html>
`;
}
