/**
 * The README's "Reports" example, run as written (through the public `gradcheck` import): a naive
 * softmax that overflows, checked by an invariant property, turned into all four report formats; and
 * a check that `gradcheck` exports the very functions the other report tests exercise through api.ts.
 */

import fc from 'fast-check';
import * as gradcheck from 'gradcheck';
import {
  buildReport,
  checkInvariant,
  defineProperty,
  mergeReports,
  parseReport,
  renderHtml,
  renderJson,
  renderJunit,
  renderMarkdown,
  replayCommand,
  runProperty,
} from 'gradcheck';
import { expect, test } from 'vitest';
import * as api from './api.js';

test('the README example: run a property, build a report, render it four ways, read it back', async () => {
  // README example starts here.
  const naiveSoftmax = (x: Float64Array) => {
    const e = x.map(Math.exp); // overflows to Infinity past x ≈ 709.78
    const sum = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / sum);
  };
  const sumsToOne = defineProperty({
    name: 'naive softmax sums to 1',
    input: fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength: 2, maxLength: 8 }),
    check: (x) => {
      const s = naiveSoftmax(Float64Array.from(x));
      return checkInvariant([s.reduce((a, b) => a + b, 0)], [1], 8 * 2 ** -52, { name: 'sum' });
    },
    options: { seed: 42, numRuns: 100 },
  });

  const result = await runProperty(sumsToOne);
  const report = buildReport([result], {
    version: '0.1.0',
    seed: 42,
    command: ['check', 'specs/softmax.spec.ts'],
  });

  const files = {
    'report.json': renderJson(report), // versioned, validated against REPORT_SCHEMA
    'summary.md': renderMarkdown(report), // for $GITHUB_STEP_SUMMARY
    'report.html': renderHtml(report), // one self-contained page with heatmaps
    'junit.xml': renderJunit(report), // one <testcase> per property
  };
  const again = parseReport(files['report.json']); // NaN, ±Infinity and typed arrays come back
  const merged = mergeReports([again]); // combine the reports of CI shards
  const replay = replayCommand(report.results[0]!); // npx gradcheck --seed 42 --path … --grep '…'
  // README example ends here.

  expect(result.status).toBe('failed');
  if (process.env['SHOW_README_REPORT']) console.log(files['summary.md']);
  expect(report.summary).toEqual({ total: 1, passed: 0, failed: 1, errors: 0, skipped: 0 });
  expect(again).toEqual(report);
  expect(merged.results).toEqual(report.results);
  expect(files['summary.md']).toContain('naive softmax sums to 1');
  expect(files['report.html']).toContain('<article class="result failed" id="result-0">');
  expect(files['junit.xml']).toContain('<testcase classname="invariant" name="naive softmax sums to 1"');
  expect(replay).toBe(
    `npx gradcheck --seed 42 --path ${report.results[0]!.path} --grep 'naive softmax sums to 1'`,
  );
});

test('gradcheck exports the report API the other tests exercise', () => {
  const exported = new Map<string, unknown>(Object.entries(gradcheck));
  for (const [name, value] of Object.entries(api)) expect(exported.get(name), name).toBe(value);
  expect(gradcheck.REPORT_SCHEMA_VERSION).toBe(1);
});
