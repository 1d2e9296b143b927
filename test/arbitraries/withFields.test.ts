import fc from 'fast-check';
import { cotangents, labels, logitBatches, withFields } from 'gradcheck';
import { expect, test } from 'vitest';
import { sample } from './sample.js';

test('fields are shaped like the value they extend', () => {
  const input = withFields(logitBatches({ maxRows: 5 }), (b) => ({ g: cotangents(b), y: labels(b) }));
  for (const v of sample(input, 100)) {
    expect(v.g.length).toBe(v.rows * v.cols);
    expect(v.y.length).toBe(v.rows);
    expect(v.x.length).toBe(v.rows * v.cols);
  }
});

test('a VJP bug that hinges on the cotangent still shrinks to one entry', () => {
  // A log-softmax VJP that assumes Σg = 1 returns g − s instead of g − s·Σg.
  const input = withFields(logitBatches({ maxRows: 3 }), (b) => ({ g: cotangents(b) }));
  const holds = ({ x, rows, cols, g }: { x: Float64Array; rows: number; cols: number; g: Float64Array }) => {
    for (let r = 0; r < rows; r++) {
      const row = Array.from(x.subarray(r * cols, (r + 1) * cols));
      const m = Math.max(...row);
      const e = row.map((v) => Math.exp(v - m));
      const z = e.reduce((a, b) => a + b, 0);
      const gr = Array.from(g.subarray(r * cols, (r + 1) * cols));
      const sg = gr.reduce((a, b) => a + b, 0);
      if (gr.some((gi, i) => Math.abs(gi - e[i]! / z - (gi - (e[i]! / z) * sg)) > 1e-9)) return false;
    }
    return true;
  };
  const out = fc.check(fc.property(input, holds), { seed: 5 });
  expect(out.failed).toBe(true);
  const v = out.counterexample![0];
  expect(v).toMatchObject({ rows: 1, cols: 1, x: Float64Array.from([0]) });
  expect(v.g[0]).not.toBe(1);
});

test('the base keeps shrinking after its fields have', () => {
  const input = withFields(logitBatches({ maxRows: 4 }), (b) => ({
    g: cotangents(b, { kinds: ['random'] }),
  }));
  const out = fc.check(
    fc.property(input, (v) => v.g.every((e) => e < 3)),
    { seed: 2 },
  );
  expect(out.failed).toBe(true);
  const v = out.counterexample![0];
  expect(v).toMatchObject({ rows: 1, x: new Float64Array(v.cols) });
  expect(Array.from(v.g).filter((e) => e !== 0)).toEqual([3]);
});
