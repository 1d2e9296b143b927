/** Packs rows of plain numbers into one row-major typed array of the dtype. Internal. */
import type { DType, FloatArray } from '../types.js';

export function typedRows(rows: readonly (readonly number[])[], cols: number, dtype: DType): FloatArray {
  const out =
    dtype === 'float32' ? new Float32Array(rows.length * cols) : new Float64Array(rows.length * cols);
  for (let i = 0; i < rows.length; i++) out.set(rows[i]!, i * cols);
  return out;
}
