import { readFileSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { validateSchema } from '../../src/report/validate.js';
import { ajvErrors } from './ajv.js';
import { buildReport, REPORT_SCHEMA, renderJson } from './api.js';
import { allResults } from './fixtures.js';

const SCHEMA_FILE = new URL('../../src/report/report.schema.json', import.meta.url);

const report = buildReport(allResults(), { version: '0.1.0', createdAt: '2025-01-31T12:00:00Z', seed: 42 });
const json = JSON.parse(renderJson(report));

test('the generated copy src/report/report.schema.json matches REPORT_SCHEMA', () => {
  // Regenerate with: UPDATE_REPORT_SCHEMA=1 npx vitest run test/report/schema.test.ts
  if (process.env['UPDATE_REPORT_SCHEMA'])
    writeFileSync(SCHEMA_FILE, `${JSON.stringify(REPORT_SCHEMA, null, 2)}\n`);
  const onDisk = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
  expect(
    onDisk,
    'report.schema.json is out of date: run UPDATE_REPORT_SCHEMA=1 npx vitest run test/report/schema.test.ts',
  ).toEqual(JSON.parse(JSON.stringify(REPORT_SCHEMA)));
});

test('a rendered report with every verdict is valid for ajv and for the built-in validator', () => {
  expect(ajvErrors(json)).toBeUndefined();
  expect(validateSchema(REPORT_SCHEMA, json, 'report')).toBeUndefined();
  const verdicts = new Set(json.results.map((r: { verdict: string }) => r.verdict));
  expect([...verdicts].sort()).toEqual(
    [
      'argument-mutated',
      'error',
      'mismatch',
      'non-finite',
      'nondeterministic',
      'oracle-unreliable',
      'pass',
    ].sort(),
  );
});

test('the schema rejects what a careless writer would produce', () => {
  const broken = (edit: (r: typeof json) => void) => {
    const copy = structuredClone(json);
    edit(copy);
    return copy;
  };
  const cases = [
    broken((r) => {
      r.results[2].check.entries[0].analytic = null; // NaN written by JSON.stringify
    }),
    broken((r) => {
      r.results[2].check.located = undefined; // a mismatch without its positions
    }),
    broken((r) => {
      r.results[0].check.located = []; // a pass with mismatch fields
    }),
    broken((r) => {
      r.results[0].ok = false; // passed but not ok
    }),
    broken((r) => {
      r.results[3].counterexample = { type: 'Float64Array', values: [1, 'oops'] };
    }),
    broken((r) => {
      r.results[1].seed = 1.5;
    }),
    broken((r) => {
      r.results[5].check.index = 0; // non-finite index must be an array
    }),
  ];
  for (const c of cases) {
    expect(ajvErrors(c)).toBeDefined();
    expect(validateSchema(REPORT_SCHEMA, c, 'report')).toBeDefined();
  }
});

type Path = (string | number)[];

function paths(v: unknown, at: Path = []): Path[] {
  if (typeof v !== 'object' || v === null) return [at];
  const keys = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
  return [at, ...keys.flatMap((k) => paths((v as Record<string | number, unknown>)[k], [...at, k]))];
}

function mutate(root: unknown, path: Path, action: 'set' | 'delete' | 'add', value: unknown): unknown {
  const copy = structuredClone(root);
  if (path.length === 0) return action === 'set' ? value : copy;
  let parent = copy as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const key = path[path.length - 1]!;
  if (action === 'set') parent[key] = value;
  else if (action === 'delete' && !Array.isArray(parent)) delete parent[key];
  else if (action === 'add' && typeof parent === 'object' && !Array.isArray(parent)) parent['extra'] = value;
  return copy;
}

test('the built-in validator agrees with ajv on randomly damaged reports', () => {
  const all = paths(json);
  const value = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(
      'NaN',
      '-0',
      'Infinity',
      -1,
      0,
      1.5,
      2 ** 31,
      'pass',
      'mismatch',
      'error',
      'failed',
      true,
      null,
      {},
      [],
    ),
  );
  let rejected = 0;
  fc.assert(
    fc.property(
      fc.nat(all.length - 1),
      fc.constantFrom('set', 'set', 'delete', 'add' as const),
      value,
      (i, action, v) => {
        const damaged = mutate(json, all[i]!, action as 'set' | 'delete' | 'add', v);
        const ours = validateSchema(REPORT_SCHEMA, damaged, 'report');
        const theirs = ajvErrors(damaged);
        expect(ours === undefined, `ours: ${JSON.stringify(ours)}; ajv: ${theirs}`).toBe(
          theirs === undefined,
        );
        if (ours !== undefined) rejected++;
      },
    ),
    { seed: 424242, numRuns: 400 },
  );
  expect(rejected).toBeGreaterThan(100);
});
