/**
 * Report benchmarks: how long each writer takes and how large its output is, for (1) a CI-sized run of
 * 240 properties (the test fixtures, 20 of each kind of verdict) and (2) one failing fast-mode check of
 * a 101,770-parameter MLP gradient: a 101,770-value counterexample and a 100×100 Jacobian block (the
 * largest block the heatmap draws).
 */
import type { CheckResult, PropertyResult } from '../src/index.js';
import { buildReport } from '../src/report/build.js';
import { renderHtml } from '../src/report/html.js';
import { renderJson } from '../src/report/json.js';
import { renderJunit } from '../src/report/junit.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { parseReport } from '../src/report/parse.js';
import type { Report } from '../src/report/types.js';
import { allResults, oneWrongEntry } from '../test/report/fixtures.js';
import { measure, table } from './harness.js';

function ciRun(): PropertyResult[] {
  return Array.from({ length: 20 }, (_, k) =>
    allResults().map((r) => ({ ...r, name: `${r.name} #${k}` })),
  ).flat();
}

function mlpFailure(): PropertyResult {
  const base = oneWrongEntry();
  const n = 100;
  let s = 12345;
  const rnd = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
  const oracle = Array.from({ length: n * n }, rnd);
  const analytic = oracle.map((v, k) => (k === 4242 ? v + 1e-3 : v + 1e-13 * rnd()));
  const allowed = oracle.map(() => 1e-11);
  const check = { ...base.check!, matrix: { rows: n, cols: n, analytic, oracle, allowed } } as CheckResult;
  const params = new Float64Array(101_770).map(rnd);
  return {
    ...base,
    name: 'mlp 784-128-10 gradient (fast mode)',
    kind: 'gradient',
    counterexample: [params],
    check,
  };
}

const kb = (text: string) => `${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB`;
const ms = (opsPerSec: number) => (1000 / opsPerSec).toFixed(opsPerSec > 100 ? 2 : 1);

function rows(report: Report, results: PropertyResult[]): string[][] {
  const json = renderJson(report);
  const writers: [string, () => string, string][] = [
    ['buildReport', () => buildReport(results, { version: 'bench' }).createdAt, ''],
    ['renderJson', () => renderJson(report), kb(json)],
    ['parseReport', () => parseReport(json).createdAt, ''],
    ['renderMarkdown', () => renderMarkdown(report), kb(renderMarkdown(report))],
    ['renderHtml', () => renderHtml(report), kb(renderHtml(report))],
    ['renderJunit', () => renderJunit(report), kb(renderJunit(report))],
  ];
  return writers.map(([name, fn, size]) => [
    name,
    ms(measure(fn, { minSampleMs: 150, samples: 5 }).opsPerSec),
    size,
  ]);
}

/** Markdown tables of writer times (ms per call, median of 5 samples) and output sizes. */
export async function run(): Promise<string> {
  const ci = ciRun();
  const mlp = [mlpFailure()];
  const header = ['step', 'ms per call', 'output'];
  return [
    table(
      'Reports: 240 properties (20 × every verdict)',
      header,
      rows(buildReport(ci, { version: 'bench' }), ci),
    ),
    table(
      'Reports: one MLP gradient failure (101,770-value counterexample, 100×100 heatmap)',
      header,
      rows(buildReport(mlp, { version: 'bench' }), mlp),
    ),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await run());
