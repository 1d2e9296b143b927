import fc from 'fast-check';
import type { PropertyResult } from 'gradcheck';
import { expect, test } from 'vitest';
import { buildReport, renderMarkdown, replayCommand } from './api.js';
import { propertyResult } from './arbitrary.js';
import { allResults, EVIL_NAME, oneWrongEntry } from './fixtures.js';

const meta = { version: '0.1.0', createdAt: '2025-01-31T12:00:00.000Z', durationMs: 1534, seed: 42 };

/** Cells of a GFM table row: split at pipes not escaped by a backslash. */
const cells = (line: string) => line.slice(2, -2).split(/ (?<!\\)\| /);

/** Markdown outside fenced code blocks. */
function prose(md: string): string {
  return md.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '');
}

test('the checks table has one row per result and seven cells in every row', () => {
  const md = renderMarkdown(buildReport(allResults(), meta));
  const rows = md.split('\n').filter((l) => l.startsWith('| '));
  const table = rows.slice(0, 2 + allResults().length);
  expect(table[0]).toBe('|  | check | verdict | kind | dtype | runs | time |');
  for (const row of table) expect(cells(row)).toHaveLength(7);
  expect(table.find((r) => r.includes('pwned'))).toBe(
    '| ❌ | \\<script\\>window.\\_\\_pwned = 1; alert(1)\\</script\\> "quoted" \\& \'apos\' \\| pipe \\`tick\\` | mismatch | gradient | float64 | 3 | 120 ms |',
  );
  expect(md.startsWith('## ❌ gradcheck: 8 failed, 1 error, 2 passed, 1 skipped (12 checks, 1.53 s)\n')).toBe(
    true,
  );
});

test('each failure shows its verdict, worst entries, counterexample and replay command', () => {
  const report = buildReport(allResults(), meta);
  const md = renderMarkdown(report);
  const sections = md.split('\n#### ').slice(1);
  expect(sections).toHaveLength(9);
  const wrong = sections.find((s) => s.startsWith('❌ softmax jacobian (float64)'))!;
  expect(wrong).toMatch(/\*\*mismatch at J\\\[2,1\\\]: analytic -0\.000758066\d+ vs oracle -0\.000758066\d+/);
  expect(wrong).toContain('| entry | analytic | oracle | \\|Δ\\| | allowed | \\|Δ\\|/allowed | margin |');
  // The worst row: values to 6 significant digits, analytic and oracle with enough to differ.
  const e = report.results[2]!.check!.entries[0]!;
  const row = cells(wrong.split('\n').find((l) => l.startsWith('| J\\[2,1\\]'))!);
  const close = (text: string, x: number, digits: number) =>
    expect(Math.abs(Number(text) - x)).toBeLessThanOrEqual(Math.abs(x) * 10 ** (1 - digits));
  expect(Math.sign(Number(row[1]) - Number(row[2]))).toBe(Math.sign(e.analytic - e.oracle));
  close(row[1]!, e.analytic, 7);
  close(row[2]!, e.oracle, 7);
  close(row[3]!, e.absDiff, 6);
  close(row[5]!, e.absDiff / e.allowed, 6);
  close(row[6]!, e.margin, 6);
  expect(wrong).toContain('```text\n[Float64Array(5) [0.5, -1.25, 2, 0, 3.75]]\n```');
  expect(wrong).toContain(`\`\`\`sh\n${replayCommand(report.results[2]!)}\n\`\`\``);
  const error = sections.find((s) => s.startsWith('⚠️ mlp backprop'))!;
  expect(error).toContain('**error: the property could not run (GC\\_FUNCTION\\_THREW)**');
  expect(error).toContain('<details><summary>stack</summary>');
});

test('only the five worst entries are listed, and the rest is counted', () => {
  const md = renderMarkdown(buildReport([oneWrongEntry()], meta));
  expect(md.match(/\n\| J\\\[/g)).toHaveLength(5);
  expect(md).toContain('5 more entries in report.json.');
  expect(
    renderMarkdown(buildReport([oneWrongEntry()], meta), { maxEntries: 10 }).match(/\n\| J\\\[/g),
  ).toHaveLength(10);
});

test('code fences outgrow backticks in the content, and long counterexamples are cut with a count', () => {
  const sneaky: PropertyResult = {
    ...oneWrongEntry(),
    counterexample: undefined,
    counterexampleText: 'a ``` b ```` c',
  };
  expect(renderMarkdown(buildReport([sneaky], meta))).toContain('`````text\na ``` b ```` c\n`````');
  const long: PropertyResult = {
    ...oneWrongEntry(),
    counterexample: [Array.from({ length: 500 }, (_, i) => i / 3)],
  };
  const md = renderMarkdown(buildReport([long], meta));
  expect(md).toContain(', … 488 more]]');
  const cut = renderMarkdown(buildReport([long], meta), { maxCounterexampleChars: 50 });
  expect(cut).toMatch(/… \(\d+ more characters\)\n```/);
});

test('failures beyond maxFailures are counted, not silently dropped', () => {
  const md = renderMarkdown(buildReport(allResults(), meta), { maxFailures: 2 });
  expect(md.split('\n#### ')).toHaveLength(3);
  expect(md).toContain('7 more failures are not shown here: see report.html or report.json.');
});

test('a passing run is a short green summary', () => {
  const md = renderMarkdown(buildReport([allResults()[0]!], meta), { title: 'my kernels' });
  expect(md).toMatch(/^## ✅ my kernels: 1 passed \(1 check, 1\.53 s\)\n/);
  expect(md).not.toContain('Failures');
});

test('user text can never open HTML, break a table row or start a code span', () => {
  fc.assert(
    fc.property(fc.array(propertyResult, { minLength: 1, maxLength: 4 }), (results) => {
      const md = renderMarkdown(buildReport(results, meta));
      const rows = md.split('\n').filter((l) => l.startsWith('| '));
      for (const row of rows.slice(0, 2 + results.length)) expect(cells(row)).toHaveLength(7);
      const text = prose(md).replace(/<\/?(details|summary)>/g, '');
      expect(text).not.toMatch(/(?<!\\)</);
      for (const r of results.filter((x) => x.status !== 'passed'))
        expect(md).toContain(`\n${'```'}sh\n${replayCommand(r)}\n`);
    }),
    { seed: 1234, numRuns: 100 },
  );
  expect(prose(renderMarkdown(buildReport(allResults(), meta)))).not.toContain(EVIL_NAME);
});
