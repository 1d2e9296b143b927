import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkInvariant, defineProperty, isGradcheckError } from '../../src/index.js';
import { checkProperty, PropertyFailure, propertyTest, testSpecs } from '../../src/vitest.js';

const holds = defineProperty({
  name: 'addition commutes',
  input: fc.tuple(fc.integer(), fc.integer()),
  check: ([a, b]) => checkInvariant([a + b], [b + a], 0),
  options: { numRuns: 20 },
});
const alsoHolds = defineProperty({
  name: 'multiplication commutes',
  input: fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1000, max: 1000 })),
  check: ([a, b]) => checkInvariant([a * b], [b * a], 0),
  options: { numRuns: 20 },
});
const fails = defineProperty({
  name: 'abs is the identity',
  input: fc.integer({ min: -50, max: 50 }),
  check: (a) => checkInvariant([Math.abs(a)], [a], 0, { name: 'abs' }),
  options: { numRuns: 50 },
});

// Registered at collection time: one test each, named exactly after the spec.
checkProperty(holds, { numRuns: 10 });
describe('a spec module', () => {
  testSpecs({ alsoHolds, list: [holds, alsoHolds], notASpec: 3 }, { numRuns: 10, timeout: 5_000 });
});

test('checkProperty and testSpecs register one test per spec, named after it', ({ task }) => {
  const top = task.file.tasks.map((t) => t.name);
  expect(top).toContain('addition commutes');
  const module = task.file.tasks.find((t) => t.name === 'a spec module');
  expect(module?.type === 'suite' && module.tasks.map((t) => t.name)).toEqual([
    'multiplication commutes',
    'addition commutes',
  ]);
});

test('a failing property test throws the counterexample, the worst entries and how to replay', async () => {
  const error = await propertyTest(fails, { seed: 5 })().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PropertyFailure);
  const message = (error as Error).message;
  expect(message).toMatch(
    /^property "abs is the identity" failed: mismatch after \d+ runs and \d+ shrinks\ncounterexample: -1\n/,
  );
  expect(message).toMatch(/worst entries:\nentry\s+analytic\s+oracle/);
  expect(message).toMatch(/replay: runProperty\(spec, \{ seed: 5, path: "[\d:]+" \}\)$/);
});

test('a passing property test resolves', async () => {
  await expect(propertyTest(holds)()).resolves.toBeUndefined();
});

test('replaying the printed seed and path reproduces the counterexample', async () => {
  const message = ((await propertyTest(fails, { seed: 9 })().catch((e: unknown) => e)) as Error).message;
  const path = /path: "([\d:]+)"/.exec(message)![1]!;
  const again = ((await propertyTest(fails, { seed: 9, path })().catch((e: unknown) => e)) as Error).message;
  expect(again.split('\n')[1]).toBe('counterexample: -1');
  expect(again).toMatch(/after 1 runs/);
});

test('non-specs are rejected with typed errors', () => {
  const codes = [() => propertyTest({ name: 'x' } as never), () => testSpecs({ a: 1 })].map((f) => {
    try {
      f();
      return 'no error';
    } catch (e) {
      return isGradcheckError(e) ? `${e.code} ${e.message}` : String(e);
    }
  });
  expect(codes).toEqual([
    'GC_INVALID_ARGUMENT checkProperty: spec must be made with defineCheck or defineProperty',
    'GC_INVALID_ARGUMENT testSpecs: specs must hold at least one spec made with defineCheck or defineProperty',
  ]);
});
