import type { PropertyResult, ReportMeta } from 'gradcheck';
import { expect, test } from 'vitest';
import { buildReport, GradcheckError, mergeReports, parseReport, renderJson } from './api.js';
import { allResults } from './fixtures.js';

const meta = (shard: number, extra: Partial<ReportMeta> = {}): ReportMeta => ({
  version: '0.1.0',
  createdAt: `2025-01-31T12:00:0${shard}.000Z`,
  durationMs: 1000 * shard,
  seed: 42,
  command: ['check', 'specs', '--shard', `${shard}/3`],
  shard: { index: shard, count: 3 },
  ...extra,
});

/** Deal the fixtures round-robin into three shards, as the CLI's --shard does. */
function shards(results: PropertyResult[] = allResults()): PropertyResult[][] {
  return [0, 1, 2].map((s) => results.filter((_, k) => k % 3 === s));
}

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof GradcheckError) return `${e.code}: ${e.message}`;
    throw e;
  }
  return 'no error';
}

test('merging shard reports gives every result once, in an order independent of the shard order', () => {
  const reports = shards().map((rs, i) => buildReport(rs, meta(i + 1)));
  const merged = mergeReports(reports);
  const reversed = mergeReports([...reports].reverse());
  expect(renderJson(reversed)).toBe(renderJson(merged));
  expect(merged.results.map((r) => r.name).sort()).toEqual(
    allResults()
      .map((r) => r.name)
      .sort(),
  );
  const keys = merged.results.map((r) => `${r.source ?? ''}\u0000${r.name}`);
  expect(keys).toEqual([...keys].sort());
  expect(merged.summary).toEqual(buildReport(allResults(), meta(1)).summary);
});

test('the merged report keeps what the shards agree on and drops the shard', () => {
  const merged = mergeReports(shards().map((rs, i) => buildReport(rs, meta(i + 1))));
  expect(merged.seed).toBe(42);
  expect(merged.command).toBeUndefined(); // each shard's command line differs
  expect(merged.shard).toBeUndefined();
  expect(merged.createdAt).toBe('2025-01-31T12:00:01.000Z');
  expect(merged.durationMs).toBe(3000);
  expect(parseReport(renderJson(merged))).toEqual(merged);
  const differentSeeds = mergeReports([buildReport([], meta(1)), buildReport([], meta(2, { seed: 7 }))]);
  expect(differentSeeds.seed).toBeUndefined();
});

test('merging refuses nothing, mixed tool versions, a shard given twice, and a property in two reports', () => {
  const [a, b] = shards();
  expect(codeOf(() => mergeReports([]))).toBe(
    'GC_REPORT: mergeReports: reports must hold at least one report (given none)',
  );
  expect(
    codeOf(() => mergeReports([buildReport(a!, meta(1)), buildReport(b!, meta(2, { version: '0.2.0' }))])),
  ).toMatch(/reports must come from one tool version \(given gradcheck@0.1.0, gradcheck@0.2.0\)/);
  expect(codeOf(() => mergeReports([buildReport(a!, meta(1)), buildReport(b!, meta(1))]))).toMatch(
    /shard 1\/3 given twice/,
  );
  expect(
    codeOf(() =>
      mergeReports([buildReport(a!, meta(1)), buildReport(b!, meta(2, { shard: { index: 2, count: 4 } }))]),
    ),
  ).toMatch(/one split \(given shard counts 3, 4\)/);
  expect(
    codeOf(() => mergeReports([buildReport(a!, meta(1)), buildReport(a!.slice(0, 1), meta(2))])),
  ).toMatch(/"logSoftmax jacobian \(float64\)" must appear in one report only \(reports 0 and 1\)/);
});

test('a single report merges into itself, sorted', () => {
  const report = buildReport(allResults(), meta(1, { shard: undefined }));
  const merged = mergeReports([report]);
  expect(merged.results.length).toBe(report.results.length);
  expect(merged.command).toEqual(report.command);
});
