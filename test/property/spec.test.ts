import fc from 'fast-check';
import { checkInvariant, defineProperty, GRAD_SPEC, isGradcheckError, isGradSpec } from 'gradcheck';
import { expect, test } from 'vitest';

const spec = defineProperty({
  name: 'trivial',
  input: fc.constant(1),
  check: (v) => checkInvariant(v, 1, 0),
});

test('specs are recognised, look-alikes are not', () => {
  expect(isGradSpec(spec)).toBe(true);
  expect(isGradSpec({ name: 'trivial', run: () => undefined })).toBe(false);
  expect(isGradSpec(null)).toBe(false);
  expect(isGradSpec('spec')).toBe(false);
});

test('a spec from another copy of gradcheck is recognised through the registered symbol', () => {
  const foreign = { [Symbol.for('gradcheck.GradSpec')]: 1, name: 'from dist', run: () => undefined };
  expect(GRAD_SPEC).toBe(Symbol.for('gradcheck.GradSpec'));
  expect(isGradSpec(foreign)).toBe(true);
});

test('a property spec declares an invariant with the exact oracle unless told otherwise', () => {
  expect(spec).toMatchObject({ name: 'trivial', kind: 'invariant', oracle: 'exact', options: {} });
  const declared = defineProperty({
    name: 'declared',
    input: fc.constant(1),
    check: (v) => checkInvariant(v, 1, 0),
    kind: 'jacobian',
    dtype: 'float32',
    oracle: 'symbolic',
    options: { numRuns: 10 },
  });
  expect(declared).toMatchObject({
    kind: 'jacobian',
    dtype: 'float32',
    oracle: 'symbolic',
    options: { numRuns: 10 },
  });
});

test('property definitions are validated when defined', () => {
  const cases: [unknown, RegExp][] = [
    [{ name: 'a', input: fc.constant(1) }, /def\.check must be a function/],
    [{ name: 'a', input: fc.constant(1), check: () => 0, options: { numRuns: -2 } }, /def\.options\.numRuns/],
    [
      { name: 'a', input: fc.constant(1), check: () => 0, options: { mode: 'fast' } },
      /def\.options\.mode is not a known option/,
    ],
    [{ name: 'a', input: fc.constant(1), check: () => 0, checks: 1 }, /def\.checks is not a known option/],
    [{ name: 3, input: fc.constant(1), check: () => 0 }, /def\.name must be a non-empty string/],
  ];
  for (const [def, message] of cases) {
    let caught: unknown;
    try {
      defineProperty(def as never);
    } catch (e) {
      caught = e;
    }
    expect(isGradcheckError(caught), String(message)).toBe(true);
    expect((caught as Error).message).toMatch(/^defineProperty: /);
    expect((caught as Error).message).toMatch(message);
  }
});
