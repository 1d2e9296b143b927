import fc from 'fast-check';
import { expect, test } from 'vitest';
import { decodeValue, encodeValue } from './api.js';

/** [1, <hole>, 3] */
function sparse(): number[] {
  const a = new Array<number>(3);
  a[0] = 1;
  a[2] = 3;
  return a;
}

const roundTrip = (v: unknown) => decodeValue(JSON.parse(JSON.stringify(encodeValue(v))));

test('typed arrays are tagged with their type and keep NaN, ±Infinity and -0', () => {
  const x = new Float64Array([1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0]);
  expect(encodeValue(x)).toEqual({
    type: 'Float64Array',
    values: [1.5, 'NaN', 'Infinity', '-Infinity', '-0'],
  });
  const back = roundTrip(x) as Float64Array;
  expect(back).toBeInstanceOf(Float64Array);
  expect(Object.is(back[4], -0)).toBe(true);
  expect(back).toEqual(x);
  expect(roundTrip(new Float32Array([0.1, 3e38]))).toEqual(new Float32Array([0.1, 3e38]));
  expect(roundTrip(new BigInt64Array([-(2n ** 63n), 5n]))).toEqual(new BigInt64Array([-(2n ** 63n), 5n]));
});

test('strings that look like number tokens and objects with a type key are wrapped, not confused', () => {
  expect(encodeValue('NaN')).toEqual({ type: 'String', value: 'NaN' });
  expect(roundTrip('NaN')).toBe('NaN');
  expect(roundTrip(Number.NaN)).toBeNaN();
  const lookalike = { type: 'Float64Array', values: [1, 2] };
  expect(encodeValue(lookalike)).toEqual({ type: 'Object', value: { type: 'Float64Array', values: [1, 2] } });
  expect(roundTrip(lookalike)).toEqual(lookalike);
  expect(roundTrip({ type: 'Object', value: 'NaN' })).toEqual({ type: 'Object', value: 'NaN' });
});

test('undefined, bigint, dates, maps, sets and sparse arrays survive JSON', () => {
  const v = [undefined, 12n, new Date(0), new Map([['a', -0]]), new Set([Number.NaN]), sparse()];
  const back = roundTrip(v) as unknown[];
  expect(back).toEqual([
    undefined,
    12n,
    new Date(0),
    new Map([['a', -0]]),
    new Set([Number.NaN]),
    [1, undefined, 3],
  ]);
  expect(Number.isNaN((roundTrip(new Date(Number.NaN)) as Date).getTime())).toBe(true);
});

test('functions, symbols and cycles become readable text instead of throwing', () => {
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic['self'] = cyclic;
  expect(roundTrip(cyclic)).toEqual({ a: 1, self: '[Circular]' });
  expect(roundTrip([function relu() {}, Symbol('s')])).toEqual(['[Function relu]', 'Symbol(s)']);
  // The same object twice is not a cycle.
  const shared = [1, 2];
  expect(roundTrip([shared, shared])).toEqual([
    [1, 2],
    [1, 2],
  ]);
});

test('a key named __proto__ stays a plain key', () => {
  const v = JSON.parse('{"__proto__": {"polluted": true}, "x": 1}');
  const back = roundTrip(v) as Record<string, unknown>;
  expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
  expect(Object.keys(back)).toEqual(['__proto__', 'x']);
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
});

test('any generated value decodes to an equal value after a trip through JSON text', () => {
  const anything = fc.anything({
    withTypedArray: true,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withSparseArray: true,
    withObjectString: true,
    maxDepth: 3,
  });
  fc.assert(
    fc.property(anything, (v) => {
      expect(roundTrip(v)).toEqual(v);
      // -0 is kept wherever it appears (toEqual treats 0 and -0 as different, but check directly too).
      if (Object.is(v, -0)) expect(Object.is(roundTrip(v), -0)).toBe(true);
    }),
    { seed: 20250131, numRuns: 300 },
  );
});
