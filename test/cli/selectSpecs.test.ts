import fc from 'fast-check';
import { expect, test } from 'vitest';
import { type LoadedSpec, selectSpecs, shardSpecs } from '../../src/cli/selectSpecs.js';

const spec = (name: string, source = 'a.ts'): LoadedSpec<string> => ({
  name,
  source,
  spec: `${source}#${name}`,
});

test('every spec lands in exactly one shard and shard sizes differ by at most one', () => {
  const names = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 40 });
  fc.assert(
    fc.property(names, fc.integer({ min: 1, max: 7 }), (list, count) => {
      const specs = list.map((n, k) => spec(n, k % 2 === 0 ? 'a.ts' : 'b.ts'));
      const shards = Array.from({ length: count }, (_, i) => shardSpecs(specs, { index: i + 1, count }));
      const seen = shards.flat().map((s) => s.spec);
      expect([...seen].sort()).toEqual(specs.map((s) => s.spec).sort());
      const sizes = shards.map((s) => s.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }),
    { seed: 20251128, numRuns: 200 },
  );
});

test('the split depends on the names only, never on the load order', () => {
  const specs = ['softmax vjp', 'softmax jacobian', 'log-softmax vjp', 'xent grad', 'mlp'].map((n) =>
    spec(n),
  );
  const reversed = [...specs].reverse();
  for (let index = 1; index <= 3; index++) {
    expect(shardSpecs(reversed, { index, count: 3 })).toEqual(shardSpecs(specs, { index, count: 3 }));
  }
  expect(shardSpecs(specs, { index: 1, count: 2 }).map((s) => s.name)).toEqual([
    'log-softmax vjp',
    'softmax jacobian',
    'xent grad',
  ]);
});

test('equal names from different files are ordered by file', () => {
  const specs = [spec('same', 'z.ts'), spec('same', 'a.ts')];
  expect(shardSpecs(specs, { index: 1, count: 2 })).toEqual([spec('same', 'a.ts')]);
  expect(shardSpecs(specs, { index: 2, count: 2 })).toEqual([spec('same', 'z.ts')]);
});

test('grep keeps names containing the text, in load order', () => {
  const specs = [spec('softmax vjp'), spec('mlp'), spec('log softmax')];
  expect(selectSpecs(specs, { grep: 'softmax' }).map((s) => s.name)).toEqual(['softmax vjp', 'log softmax']);
  expect(selectSpecs(specs, {}).map((s) => s.name)).toEqual(['softmax vjp', 'mlp', 'log softmax']);
  expect(selectSpecs(specs, { grep: 'SOFTMAX' })).toEqual([]);
});

test('an exact name wins over substring matches when one counterexample is replayed', () => {
  const specs = [spec('softmax'), spec('softmax vjp')];
  expect(selectSpecs(specs, { grep: 'softmax', exact: true }).map((s) => s.name)).toEqual(['softmax']);
  expect(selectSpecs(specs, { grep: 'softmax' })).toHaveLength(2);
  expect(selectSpecs(specs, { grep: 'soft', exact: true })).toHaveLength(2);
});
