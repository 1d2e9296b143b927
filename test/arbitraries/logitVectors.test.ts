import { isGradcheckError, logitVectors } from 'gradcheck';
import { expect, test } from 'vitest';
import { sample, shrunk } from './sample.js';

test('vectors are single rows in the batch shape', () => {
  for (const v of sample(logitVectors({ minCols: 2, maxCols: 9 }), 200)) {
    expect(v.rows).toBe(1);
    expect(v.x.length).toBe(v.cols);
    expect(v.cols).toBeGreaterThanOrEqual(2);
    expect(v.cols).toBeLessThanOrEqual(9);
    expect(v.regimes).toHaveLength(1);
  }
});

test('float32 vectors are Float32Arrays', () => {
  for (const v of sample(logitVectors({ dtype: 'float32', regimes: ['huge'] }), 50)) {
    expect(v.x).toBeInstanceOf(Float32Array);
    expect(v.x.some((e) => Math.abs(e) >= Math.fround(1e38))).toBe(true);
  }
});

test('a failing vector shrinks to the smallest huge value alone', () => {
  expect(shrunk(logitVectors(), (v) => v.x.every((e) => Math.abs(e) < 1e300))).toEqual({
    x: Float64Array.from([1e308]),
    rows: 1,
    cols: 1,
    regimes: ['huge'],
  });
});

test('row counts are refused: vectors have exactly one row', () => {
  expect(() => logitVectors({ maxRows: 3 } as never)).toThrow(
    /logitVectors: constraints must not set minRows\/maxRows/,
  );
  try {
    logitVectors({ minCols: -1 });
  } catch (e) {
    expect(isGradcheckError(e, 'GC_INVALID_OPTION')).toBe(true);
    expect((e as Error).message).toMatch(/^logitVectors: constraints\.minCols/);
  }
});
