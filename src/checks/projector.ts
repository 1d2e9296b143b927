/**
 * What fast mode compares along a tangent v, per kind of derivative: a Projector runs the oracle along
 * v and the matching analytic quantity (J·v, jvp(x, v), ⟨Jᵀw, v⟩ or ⟨g, v⟩) and returns the values
 * with their bounds; its handle can then re-measure on a subset of the coordinates for localisation.
 */
import type { LadderOptions } from '../oracles/finiteDifference/estimateLine.js';

/** Compared values along one tangent. */
export interface Measurement {
  readonly analytic: Float64Array;
  readonly oracle: Float64Array;
  readonly oracleError: Float64Array;
  readonly allowed: Float64Array;
  /** Smoothness status of the oracle per compared value (0 smooth). */
  readonly status: Uint8Array;
  /** Step the oracle's best estimates came from (reused to start localisation tests). */
  readonly bestStep: number;
}

/** One probe: its measurement, and re-measurement on restricted tangents. */
export interface ProbeHandle {
  readonly measurement: Measurement;
  /** Measures again with the tangent restricted to `v` (same cotangent, same analytic state). */
  restrict(v: Float64Array, ladder: LadderOptions): Measurement;
}

/** The kind-specific side of a fast-mode check. */
export interface Projector {
  /** Compared values per probe (m for Jacobian and JVP, 1 for VJP and gradient). */
  readonly size: number;
  /** Position and label of compared value c of probe p. */
  position(probe: number, c: number): { readonly index: readonly number[]; readonly label: string };
  /** Measures along tangent v. */
  probe(v: Float64Array, probe: number): ProbeHandle;
  /**
   * After localisation: compares the located input coordinates' exact entries (Jacobian columns or
   * gradient entries) and reports them through `add`; returns the positions that failed.
   */
  entries(
    inputs: readonly number[],
    add: (c: {
      index: readonly number[];
      label: string;
      analytic: number;
      oracle: number;
      allowed: number;
      oracleError: number;
    }) => boolean,
  ): (readonly number[])[];
}
