/**
 * The tester is itself tested: every buggy fixture is flagged by the gate spec that covers it, with
 * a shrunk counterexample, the expected verdict and (for localising checks) the entries it located;
 * every correct twin passes the very same spec. The table lives in fixtures.ts.
 */
import { runProperty } from 'gradcheck';
import { describe, expect, test } from 'vitest';
import { FIXTURES } from './fixtures/index.js';

test('the table holds at least 15 fixtures, each in its own file, each bug stated once', () => {
  expect(FIXTURES.length).toBeGreaterThanOrEqual(15);
  expect(new Set(FIXTURES.map((f) => f.file)).size).toBe(FIXTURES.length);
  expect(new Set(FIXTURES.map((f) => f.bug)).size).toBe(FIXTURES.length);
});

describe.each(FIXTURES.map((f) => [f.bug, f] as const))('%s', (_bug, f) => {
  test('the gate flags the buggy version with a shrunk counterexample', async () => {
    const r = await runProperty(f.spec(f.buggy));
    expect(r.status, r.check?.message ?? r.error?.message).toBe('failed');
    expect(r.verdict).toBe(f.verdict);
    expect(r.check?.verdict).toBe(f.verdict);
    expect(r.counterexample).toBeDefined();
    expect(r.counterexample).toMatchObject(f.shrunk);
    if (f.shrunkWhere) expect(f.shrunkWhere.holds(r.counterexample as never), f.shrunkWhere.says).toBe(true);
    expect(r.numShrinks).toBeGreaterThan(0);
    expect(r.path).toMatch(/^\d+(:\d+)*$/);
    if (f.located) {
      const located = r.check?.verdict === 'mismatch' ? r.check.located : [];
      expect(located).toEqual(expect.arrayContaining(f.located.map((e) => [...e])));
    }
    // The seed and path replay exactly this counterexample.
    const again = await runProperty(f.spec(f.buggy), { seed: r.seed, path: r.path!, numRuns: 1 });
    expect(again.counterexample).toEqual(r.counterexample);
  });

  test('the same spec passes the correct twin', async () => {
    const r = await runProperty(f.spec(f.twin));
    expect(r.status, r.check?.message ?? r.error?.message).toBe('passed');
    expect(r.numRuns).toBeGreaterThanOrEqual(200);
  });
});
