import fc from 'fast-check';
import type { PropertyResult } from 'gradcheck';
import { expect, test } from 'vitest';
import { ajvErrors } from './ajv.js';
import { buildReport, GradcheckError, isGradcheckError, parseReport, renderJson } from './api.js';
import { propertyResult } from './arbitrary.js';
import { allResults, nonFinite, overflow, passed, vacuous, xWhereSBelongs } from './fixtures.js';

const meta = {
  version: '0.1.0',
  createdAt: '2025-01-31T12:00:00.000Z',
  durationMs: 1500,
  seed: 42,
  command: ['check', 'specs/*.ts'],
};

function errorOf(f: () => unknown): GradcheckError {
  try {
    f();
  } catch (e) {
    if (e instanceof GradcheckError) return e;
    throw e;
  }
  throw new Error('expected a GradcheckError');
}

test('a report round-trips through its JSON text, NaN, Infinity and typed arrays included', () => {
  const report = buildReport(allResults(), meta);
  const text = renderJson(report);
  const back = parseReport(text);
  expect(back).toEqual(report);
  expect(renderJson(back)).toBe(text);
  const nf = back.results.find((r) => r.verdict === 'non-finite')!;
  expect(nf.counterexample).toEqual([new Float32Array([100, 90, 0])]);
  expect((nf.counterexample as Float32Array[])[0]).toBeInstanceOf(Float32Array);
  expect(nf.check?.verdict === 'non-finite' && Number.isNaN(nf.check.value)).toBe(true);
  const of = back.results.find((r) => r.name === 'exp jacobian near overflow')!;
  expect(of.check?.entries[0]?.analytic).toBe(Number.POSITIVE_INFINITY);
  expect(of.check?.entries[0]?.margin).toBe(Number.NEGATIVE_INFINITY);
});

test('report.json writes non-finite numbers as strings, absent values as null, keys in schema order', () => {
  const text = renderJson(buildReport([nonFinite(), overflow()], meta));
  expect(text).not.toMatch(/[:,[] ?-?(NaN|Infinity)\b/); // never a bare NaN or Infinity
  expect(text).toContain('"value": "NaN"');
  expect(text).toContain('"analytic": "Infinity"');
  expect(text).toContain('"values": [100, 90, 0]');
  expect(text.endsWith('}\n')).toBe(true);
  const data = JSON.parse(text);
  expect(ajvErrors(data)).toBeUndefined();
  expect(Object.keys(data)).toEqual([
    'schemaVersion',
    'tool',
    'createdAt',
    'durationMs',
    'command',
    'seed',
    'summary',
    'results',
  ]);
  expect(Object.keys(data.results[0]).slice(0, 5)).toEqual(['name', 'source', 'status', 'ok', 'verdict']);
  expect(data.results[0].error).toBeNull();
  expect(data.results[0].counterexample).toEqual([{ type: 'Float32Array', values: [100, 90, 0] }]);
});

test('renderJson does not depend on the key order of its input', () => {
  const r = xWhereSBelongs();
  const shuffled = Object.fromEntries(Object.entries(r).reverse()) as unknown as PropertyResult;
  expect(renderJson(buildReport([shuffled], meta))).toBe(renderJson(buildReport([r], meta)));
});

test('the summary counts a pass whose every input was discarded as skipped', () => {
  const report = buildReport(allResults(), meta);
  expect(report.summary).toEqual({ total: 12, passed: 2, failed: 8, errors: 1, skipped: 1 });
  const only = buildReport([vacuous(), passed()], meta);
  expect(only.summary).toEqual({ total: 2, passed: 1, failed: 0, errors: 0, skipped: 1 });
});

test('buildReport fills defaults and drops fields outside the contract', () => {
  const extra = { ...passed(), secret: () => 1 } as PropertyResult;
  const report = buildReport([extra], { version: '1.2.3' });
  expect(report.tool).toEqual({ name: 'gradcheck', version: '1.2.3' });
  expect(report.durationMs).toBe(120.25);
  expect(Number.isNaN(Date.parse(report.createdAt))).toBe(false);
  expect(report.results[0]).not.toHaveProperty('secret');
  expect(report).not.toHaveProperty('seed');
});

test('buildReport names the result that breaks the contract', () => {
  const bad = { ...passed(), numRuns: -1 };
  const e = errorOf(() => buildReport([passed(), bad], { version: '1' }));
  expect(e.code).toBe('GC_INVALID_ARGUMENT');
  expect(e.message).toBe('buildReport: report.results[1].numRuns must be ≥ 0 (given -1)');
  expect(errorOf(() => buildReport([], { version: '1', createdAt: 'yesterday' })).message).toMatch(
    /meta.createdAt must be a date/,
  );
  expect(errorOf(() => buildReport('x' as never, { version: '1' })).code).toBe('GC_INVALID_ARGUMENT');
});

test('parseReport rejects text that is not JSON, other schema versions, and damaged reports, with GC_REPORT', () => {
  const text = renderJson(buildReport(allResults(), meta));
  const data = JSON.parse(text);
  const bad = (edit: (d: typeof data) => void) => {
    const copy = structuredClone(data);
    edit(copy);
    return JSON.stringify(copy);
  };
  const cases: [string, RegExp][] = [
    ['{"schemaVersion": 1,', /^parseReport: text must be JSON \(/],
    ['[1, 2]', /text must hold a JSON object/],
    [bad((d) => (d.schemaVersion = 2)), /^parseReport: report.schemaVersion must be 1 \(given 2\)$/],
    [bad((d) => delete d.schemaVersion), /schemaVersion must be 1 \(given nothing\)/],
    [
      bad((d) => (d.results[3].seed = 'x')),
      /^parseReport: report.results\[3\].seed must be an integer \(given "x"\)$/,
    ],
    [
      bad((d) => (d.results[2].check.entries[0].allowed = null)),
      /report.results\[2\].check.entries\[0\].allowed/,
    ],
    [
      bad((d) => (d.results[2].check.verdict = 'wrong')),
      /report.results\[2\].check.verdict must be one of "pass"/,
    ],
    [
      bad((d) => (d.summary.failed = 1)),
      /report.summary.failed must match the results \(results say 8, given 1\)/,
    ],
    [bad((d) => (d.results[0].extra = 1)), /report.results\[0\] must not have the property "extra"/],
  ];
  for (const [input, message] of cases) {
    const e = errorOf(() => parseReport(input));
    expect(e.code).toBe('GC_REPORT');
    expect(e.message).toMatch(message);
    expect(isGradcheckError(e, 'GC_REPORT')).toBe(true);
  }
  expect(errorOf(() => parseReport(42 as never)).message).toBe(
    'parseReport: text must be a string (given number)',
  );
});

test('parseReport accepts a summary without skipped (optional in schema version 1)', () => {
  const data = JSON.parse(renderJson(buildReport([passed()], meta)));
  delete data.summary.skipped;
  expect(parseReport(JSON.stringify(data)).summary).toEqual({ total: 1, passed: 1, failed: 0, errors: 0 });
});

test('any contract-abiding results survive build → JSON text → parse unchanged', () => {
  fc.assert(
    fc.property(fc.array(propertyResult, { maxLength: 4 }), (results) => {
      const report = buildReport(results, meta);
      const text = renderJson(report);
      expect(ajvErrors(JSON.parse(text))).toBeUndefined();
      expect(parseReport(text)).toEqual(report);
    }),
    { seed: 31012025, numRuns: 150 },
  );
});
