import fc from 'fast-check';
import { EXP_OVERFLOW, EXP_UNDERFLOW, isGradcheckError, type LogitRegime, logitBatches } from 'gradcheck';
import { expect, test } from 'vitest';
import { rowsOf, sample, shrunk } from './sample.js';

const N = 300;

/** Every row of every sampled batch, with its regime. */
function rowsIn(regime: LogitRegime, dtype: 'float64' | 'float32' = 'float64', extra = {}) {
  return sample(logitBatches({ regimes: [regime], dtype, ...extra }), N).flatMap((b) =>
    rowsOf(b.x, b.cols).map((row) => ({ row, cols: b.cols })),
  );
}

const share = <T>(xs: T[], p: (x: T) => boolean) => xs.filter(p).length / xs.length;

test('batches hold rows × cols values of the requested array type, with one regime per row', () => {
  for (const b of sample(logitBatches({ minRows: 2, maxRows: 5, minCols: 3, maxCols: 7 }), N)) {
    expect(b.x).toBeInstanceOf(Float64Array);
    expect(b.x.length).toBe(b.rows * b.cols);
    expect(b.rows).toBeGreaterThanOrEqual(2);
    expect(b.rows).toBeLessThanOrEqual(5);
    expect(b.cols).toBeGreaterThanOrEqual(3);
    expect(b.cols).toBeLessThanOrEqual(7);
    expect(b.regimes).toHaveLength(b.rows);
  }
  for (const b of sample(logitBatches({ dtype: 'float32' }), 50)) expect(b.x).toBeInstanceOf(Float32Array);
});

test('widths span from 1 to a few hundred when asked', () => {
  const widths = sample(logitBatches({ maxCols: 300, maxRows: 1 }), N).map((b) => b.cols);
  expect(Math.min(...widths)).toBeLessThanOrEqual(4);
  expect(Math.max(...widths)).toBeGreaterThanOrEqual(250);
});

test('the default regimes are all finite: no -Infinity, no NaN', () => {
  const all = sample(logitBatches(), N).flatMap((b) => Array.from(b.x));
  expect(all.every(Number.isFinite)).toBe(true);
});

test('every default regime shows up', () => {
  const seen = new Set(sample(logitBatches(), N).flatMap((b) => b.regimes));
  expect([...seen].sort()).toEqual(['huge', 'moderate', 'near-ties', 'overflow', 'shifted', 'tiny-spread']);
});

test('moderate rows are grid values k/8 within ±range plus jitter below 1/128', () => {
  for (const { row } of rowsIn('moderate', 'float64', { range: 3 })) {
    for (const v of row) {
      expect(Math.abs(v)).toBeLessThanOrEqual(3 + 1 / 128);
      expect(Number.isInteger(v * 8192)).toBe(true);
    }
  }
});

test('overflow rows always reach an exp edge, and at least 20% reach past the upper one', () => {
  for (const dtype of ['float64', 'float32'] as const) {
    const rows = rowsIn('overflow', dtype);
    const nearEdge = (v: number) => v >= EXP_OVERFLOW[dtype] - 2 || v <= EXP_UNDERFLOW[dtype] + 2;
    expect(rows.every(({ row }) => row.some(nearEdge))).toBe(true);
    expect(share(rows, ({ row }) => row.some((v) => v >= EXP_OVERFLOW[dtype]))).toBeGreaterThanOrEqual(0.2);
    expect(share(rows, ({ row }) => row.some((v) => v <= EXP_UNDERFLOW[dtype]))).toBeGreaterThanOrEqual(0.2);
    expect(rows.every(({ row }) => row.every(Number.isFinite))).toBe(true);
  }
});

test('float32 overflow rows aim at the float32 edges, with values a float64 exp still handles', () => {
  const rows = rowsIn('overflow', 'float32');
  const between = share(rows, ({ row }) =>
    row.some((v) => v >= EXP_OVERFLOW.float32 && v < EXP_OVERFLOW.float64),
  );
  expect(between).toBeGreaterThanOrEqual(0.2);
});

test('huge rows hold a value of magnitude 1e308 or more (float32: 1e38), all finite', () => {
  for (const [dtype, floor] of [
    ['float64', 1e308],
    ['float32', Math.fround(1e38)],
  ] as const) {
    for (const { row } of rowsIn('huge', dtype)) {
      expect(row.some((v) => Math.abs(v) >= floor)).toBe(true);
      expect(row.every(Number.isFinite)).toBe(true);
    }
  }
});

test('shifted rows share a large common offset, 1e6 included, with a small spread', () => {
  const rows = rowsIn('shifted', 'float64', { range: 4 });
  for (const { row } of rows) {
    expect(Math.min(...row.map(Math.abs))).toBeGreaterThanOrEqual(1e3 - 5);
    expect(Math.max(...row) - Math.min(...row)).toBeLessThanOrEqual(8 + 1 / 32);
  }
  expect(rows.some(({ row }) => Math.abs(row[0]! - 1e6) < 5 || Math.abs(row[0]! + 1e6) < 5)).toBe(true);
});

test('near-tie rows are within 8 ulps of each other, and some differ', () => {
  const ulp = (v: number) => 2 ** (Math.floor(Math.log2(Math.max(Math.abs(v), 1))) - 52);
  const rows = rowsIn('near-ties');
  for (const { row } of rows) {
    expect(Math.max(...row) - Math.min(...row)).toBeLessThanOrEqual(8 * ulp(Math.max(...row.map(Math.abs))));
  }
  expect(share(rows, ({ row }) => new Set(row).size > 1)).toBeGreaterThan(0.3);
});

test('tiny-spread rows spread far below their magnitude (but wider than a few ulps)', () => {
  for (const dtype of ['float64', 'float32'] as const) {
    const rows = rowsIn('tiny-spread', dtype).filter(({ cols }) => cols > 1);
    for (const { row } of rows) {
      const scale = Math.max(1, ...row.map(Math.abs));
      expect((Math.max(...row) - Math.min(...row)) / scale).toBeLessThan(dtype === 'float64' ? 1e-3 : 0.05);
    }
    const spread = (row: number[]) => Math.max(...row) - Math.min(...row);
    expect(
      share(rows, ({ row }) => spread(row) > 16 * 2 ** (dtype === 'float64' ? -52 : -23)),
    ).toBeGreaterThan(0.5);
  }
});

test('masked rows have a -Infinity and a finite entry from width 2, never a fully masked row', () => {
  const rows = rowsIn('masked');
  for (const { row, cols } of rows) {
    if (cols === 1) expect(Number.isFinite(row[0]!)).toBe(true);
    else {
      expect(row).toContain(Number.NEGATIVE_INFINITY);
      expect(row.some(Number.isFinite)).toBe(true);
    }
  }
});

test('fully masked rows appear only when asked for', () => {
  const rows = rowsIn('masked', 'float64', { fullyMaskedRows: true });
  const full = share(rows, ({ row }) => row.every((v) => v === Number.NEGATIVE_INFINITY));
  expect(full).toBeGreaterThan(0.1);
  expect(full).toBeLessThan(0.5);
});

test('float32 batches hold float32 numbers only', () => {
  for (const b of sample(
    logitBatches({ dtype: 'float32', regimes: ['moderate', 'shifted', 'near-ties', 'tiny-spread'] }),
    N,
  )) {
    for (const v of b.x) expect(Math.fround(v)).toBe(v);
  }
});

test('a failing batch shrinks to one narrow row at the exact edge', () => {
  const edge = EXP_OVERFLOW.float64;
  const b = shrunk(logitBatches({ regimes: ['moderate', 'overflow'] }), (b) => b.x.every((v) => v < edge));
  expect(b).toEqual({ x: Float64Array.from([edge]), rows: 1, cols: 1, regimes: ['overflow'] });
});

test('failures about the shape shrink to zeros in the simplest regime', () => {
  expect(shrunk(logitBatches(), (b) => b.rows < 3)).toEqual({
    x: new Float64Array(3),
    rows: 3,
    cols: 1,
    regimes: ['moderate', 'moderate', 'moderate'],
  });
  const wide = shrunk(logitBatches({ maxCols: 40 }), (b) => b.cols < 5);
  expect(wide).toEqual({ x: new Float64Array(5), rows: 1, cols: 5, regimes: ['moderate'] });
});

test('a failure in a later row shrinks away the rows that do not matter', () => {
  const b = shrunk(logitBatches({ regimes: ['moderate', 'huge'], minRows: 1, maxRows: 6 }), (b) =>
    rowsOf(b.x, b.cols)
      .slice(1)
      .every((row) => row.every((v) => Math.abs(v) < 1e300)),
  );
  expect(b.rows).toBe(2);
  expect(b.cols).toBe(1);
  expect(Array.from(b.x)).toEqual([0, 1e308]);
});

test('constraints are validated eagerly, naming the call and the option', () => {
  const bad: [object, RegExp][] = [
    [{ maxcols: 3 }, /logitBatches: constraints\.maxcols is not a known option/],
    [{ minCols: 0 }, /constraints\.minCols must be an integer in \[1, 4096\] \(given 0\)/],
    [{ minCols: 5, maxCols: 3 }, /constraints\.minCols must be ≤ constraints\.maxCols/],
    [{ regimes: [] }, /constraints\.regimes must be a non-empty list/],
    [{ regimes: ['moderate', 'moderate'] }, /constraints\.regimes/],
    [{ regimes: ['gigantic'] }, /constraints\.regimes/],
    [{ range: 0 }, /constraints\.range must be a finite number in \(0, 1000000\]/],
    [{ dtype: 'float16' }, /constraints\.dtype must be one of 'float64', 'float32' \(given "float16"\)/],
    [{ fullyMaskedRows: 'yes' }, /constraints\.fullyMaskedRows must be a boolean/],
  ];
  for (const [c, message] of bad) {
    let caught: unknown;
    try {
      logitBatches(c as never);
    } catch (e) {
      caught = e;
    }
    expect(isGradcheckError(caught, 'GC_INVALID_OPTION'), String(message)).toBe(true);
    expect((caught as Error).message).toMatch(message);
  }
});

test('generation is reproducible from the seed', () => {
  const a = fc.sample(logitBatches(), { numRuns: 5, seed: 3 });
  const b = fc.sample(logitBatches(), { numRuns: 5, seed: 3 });
  expect(a).toEqual(b);
});
