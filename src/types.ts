/**
 * Small shared types. Every module of gradcheck may import this file; it imports nothing.
 */

/** A row-major typed array of IEEE doubles or singles. Kernels return the array type they are given. */
export type FloatArray = Float64Array | Float32Array;

/** Element type of a computation: decides rounding bounds, finite-difference steps and overflow edges. */
export type DType = 'float64' | 'float32';

/** What users may pass as a point or receive from a function: plain arrays or typed arrays. */
export type NumericArray = readonly number[] | Float64Array | Float32Array;

/** Unit roundoff (half an ulp of 1) per dtype: 2⁻⁵³ and 2⁻²⁴. */
export const UNIT_ROUNDOFF: Readonly<Record<DType, number>> = {
  float64: 2 ** -53,
  float32: 2 ** -24,
};

/** The dtype whose rounding governs an array: Float32Array → float32, anything else → float64. */
export function dtypeOf(a: NumericArray): DType {
  return a instanceof Float32Array ? 'float32' : 'float64';
}
