/**
 * The heatmap of a failing check: one cell per Jacobian entry (`MatrixView`) coloured by
 * |Δ|/allowed on a log scale (colors.ts), with the values in each cell's hover title; for checks
 * without a matrix (gradients, VJPs, JVPs, fast-mode probes) a one-row strip of the compared
 * entries in index order. Cells are CSS grid items: no script, no images.
 */
import type { Entry, MatrixView } from '../checks/result.js';
import { DECADES, NAN_COLOR, ratioColor } from './colors.js';
import { escapeHtml as h } from './escape.js';
import { errorRatio, formatNumber, formatRatio } from './format.js';

/** Largest block drawn; a larger MatrixView is drawn from its top-left corner, with a note. */
export const MAX_HEATMAP_SIDE = 100;

interface Cell {
  readonly label: string;
  readonly analytic: number;
  readonly oracle: number;
  readonly allowed: number;
}

function cellHtml(c: Cell, worst: boolean): string {
  const absDiff = Math.abs(c.analytic - c.oracle);
  const ratio = errorRatio(absDiff, c.allowed);
  const title =
    `${c.label}\nanalytic ${c.analytic}\noracle ${c.oracle}\n|Δ| ${formatNumber(absDiff)}` +
    `\nallowed ${formatNumber(c.allowed)}\n|Δ|/allowed ${formatRatio(ratio)}`;
  const fail = !(ratio <= 1);
  const cls = `c${fail ? ' f' : ''}${worst ? ' w' : ''}`;
  return `<div class="${cls}" style="background:${ratioColor(ratio)}" data-ratio="${ratio}" title="${h(title)}"></div>`;
}

function sizeFor(cols: number): number {
  return Math.max(8, Math.min(32, Math.floor(720 / Math.max(cols, 1))));
}

function worstIndex(cells: readonly Cell[]): number {
  let best = -1;
  let worst = -1;
  cells.forEach((c, i) => {
    const r = errorRatio(Math.abs(c.analytic - c.oracle), c.allowed);
    const score = Number.isNaN(r) ? Number.POSITIVE_INFINITY : r;
    if (score > best) [best, worst] = [score, i];
  });
  return worst;
}

/**
 * The heatmap of a Jacobian block: rows are outputs, columns inputs (original indices as labels).
 * @example heatmapHtml({ rows: 2, cols: 2, analytic: [1, 0, 0, 1], oracle: [1, 0, 0, 2], allowed: [1e-9, 1e-9, 1e-9, 1e-9] })
 */
export function heatmapHtml(m: MatrixView): string {
  const rows = Math.min(m.rows, MAX_HEATMAP_SIDE);
  const cols = Math.min(m.cols, MAX_HEATMAP_SIDE);
  const rowLabel = (i: number) => m.rowIndex?.[i] ?? i;
  const colLabel = (j: number) => m.colIndex?.[j] ?? j;
  const cells: Cell[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const k = i * m.cols + j;
      cells.push({
        label: `J[${rowLabel(i)},${colLabel(j)}]`,
        analytic: m.analytic[k]!,
        oracle: m.oracle[k]!,
        allowed: m.allowed[k]!,
      });
    }
  }
  const worst = worstIndex(cells);
  const size = sizeFor(cols);
  const every = Math.ceil(cols / Math.floor(720 / 28));
  const head = ['<div class="corner"></div>'];
  for (let j = 0; j < cols; j++) head.push(`<div class="cl">${j % every === 0 ? colLabel(j) : ''}</div>`);
  const body: string[] = [];
  for (let i = 0; i < rows; i++) {
    body.push(`<div class="rl">${i % every === 0 || rows <= 40 ? rowLabel(i) : ''}</div>`);
    for (let j = 0; j < cols; j++) body.push(cellHtml(cells[i * cols + j]!, i * cols + j === worst));
  }
  const note =
    rows < m.rows || cols < m.cols
      ? `<p class="note">Showing the top-left ${rows}×${cols} of the ${m.rows}×${m.cols} block; report.json holds all of it.</p>`
      : '';
  const style = `grid-template-columns:auto repeat(${cols},${size}px);grid-auto-rows:${size}px`;
  return (
    `<div class="heatmap" role="img" aria-label="|Δ|/allowed for ${m.rows}×${m.cols} Jacobian entries" data-rows="${rows}" data-cols="${cols}">` +
    `<div class="axis">outputs ↓ · inputs →</div><div class="grid" style="${style}">${head.join('')}${body.join('')}</div></div>${note}`
  );
}

/**
 * A one-row strip of compared entries (vector checks), in index order.
 * @example stripHtml(check.entries)
 */
export function stripHtml(entries: readonly Entry[]): string {
  const sorted = [...entries].sort((a, b) => {
    for (let k = 0; k < Math.min(a.index.length, b.index.length); k++) {
      if (a.index[k] !== b.index[k]) return a.index[k]! - b.index[k]!;
    }
    return a.index.length - b.index.length;
  });
  const cells: Cell[] = sorted.map((e) => ({
    label: e.label,
    analytic: e.analytic,
    oracle: e.oracle,
    allowed: e.allowed,
  }));
  const worst = worstIndex(cells);
  const size = sizeFor(cells.length);
  // Under each cell its index (the full label is in the title: grad[17], ⟨u, Jᵀv⟩ probe 1, …).
  const labels = sorted
    .map((e) => `<div class="sl" title="${h(e.label)}">${h(e.index.join(','))}</div>`)
    .join('');
  return (
    `<div class="heatmap strip" role="img" aria-label="|Δ|/allowed for ${cells.length} compared values" data-rows="1" data-cols="${cells.length}">` +
    `<div class="grid" style="grid-template-columns:repeat(${cells.length},${Math.max(size, 28)}px);grid-auto-rows:${Math.max(size, 20)}px">` +
    `${cells.map((c, i) => cellHtml(c, i === worst)).join('')}</div>` +
    `<div class="strip-labels" style="grid-template-columns:repeat(${cells.length},${Math.max(size, 28)}px)">${labels}</div></div>`
  );
}

/** The colour legend: swatches per decade of |Δ|/allowed, and the NaN colour. */
export function legendHtml(): string {
  const swatches: string[] = [];
  for (let d = -DECADES; d <= DECADES; d++) {
    const label = d === 0 ? '1' : d === DECADES ? `≥1e${d}` : d === -DECADES ? `≤1e${d}` : `1e${d}`;
    swatches.push(`<div class="sw"><span style="background:${ratioColor(10 ** d)}"></span>${label}</div>`);
  }
  return (
    `<div class="legend"><span class="lt">|Δ| / allowed</span>${swatches.join('')}` +
    `<div class="sw"><span style="background:${NAN_COLOR}"></span>NaN</div>` +
    '<span class="lt">≤ 1 passes (green), &gt; 1 fails (orange → red)</span></div>'
  );
}
