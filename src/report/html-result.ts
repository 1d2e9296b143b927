/**
 * One failing or erroring check in report.html: verdict, facts, message, the heatmap (or strip) of
 * |Δ|/allowed, the worst entries, the counterexample and the replay command. Every text is escaped.
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
import { replayCommand } from './replay.js';
import { displayStatus } from './summary.js';
import type { ReplayOptions, ReportEntry } from './types.js';
import { verdictLine } from './verdict.js';

/** Limits of one result's section. */
export interface ResultLimits {
  readonly maxEntries: number;
  readonly maxCounterexampleChars: number;
}

/** A status pill, e.g. a red `mismatch`. */
export function pill(status: string, text: string): string {
  return `<span class="pill ${status}">${h(text)}</span>`;
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

/** The `<article id="result-i">` of one result. */
export function resultHtml(r: ReportEntry, i: number, o: ResultLimits, replay?: ReplayOptions): string {
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
