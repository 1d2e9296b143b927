/**
 * Moves ReLU pre-activations away from 0 (so finite differences never straddle the kink) or plants one
 * exactly at 0 (so a checker's kink detection can be tested), by adjusting biases layer by layer.
 * Internal to mlpCases.
 *
 * Away from 0: for each unit j of a ReLU layer, the rows' values v_i = z_ij are points on a line; the
 * bias moves by the shift t of least |t| among {0} ∪ {−v_i ± margin} that leaves every |v_i + t| ≥
 * margin (t = margin − min v always works). At 0: b_j −= z_ij for the chosen (row i, unit j). On the
 * dyadic grids of mlpCases every product and sum is exact, so the kernel computes z_ij = 0 exactly,
 * whatever its summation order, as long as the layers before the kink are ReLU (tanh and sigmoid
 * values are not dyadic).
 */
import { activate, type LayerSlots, preActivation } from './mlpLayout.js';
import type { MlpActivation } from './mlpShapes.js';

/** Where a pre-activation was put at exactly 0: hidden layer (0 = first), batch row, unit. */
export interface Kink {
  readonly layer: number;
  readonly row: number;
  readonly unit: number;
}

export interface Placement {
  readonly mode: 'any' | 'away-from-zero' | 'at-zero';
  readonly margin: number;
  readonly kink: Kink | undefined;
  readonly round: (v: number) => number;
}

/** The least-|t| shift that keeps every value at least `margin` from 0. */
export function awayShift(values: readonly number[], margin: number): number {
  const ok = (t: number) => values.every((v) => Math.abs(v + t) >= margin * (1 - 2 ** -20));
  const candidates = [0, ...values.flatMap((v) => [margin - v, -margin - v])];
  candidates.sort((a, b) => Math.abs(a) - Math.abs(b) || b - a);
  return candidates.find(ok) ?? margin - Math.min(...values);
}

/** Adjusts the hidden-layer biases of `params` in place (see the file comment). */
export function placePreActivations(
  params: number[],
  layers: readonly LayerSlots[],
  activations: readonly MlpActivation[],
  x: readonly number[],
  rows: number,
  p: Placement,
): void {
  let a = x;
  for (let l = 0; l < activations.length; l++) {
    const slot = layers[l]!;
    const z = preActivation(params, slot, a, rows);
    const shift = (j: number, t: number) => {
      params[slot.b + j] = p.round(params[slot.b + j]! + t);
      for (let i = 0; i < rows; i++) z[i * slot.outDim + j] = z[i * slot.outDim + j]! + t;
    };
    if (p.mode !== 'any' && activations[l] === 'relu') {
      for (let j = 0; j < slot.outDim; j++) {
        const column = Array.from({ length: rows }, (_, i) => z[i * slot.outDim + j]!);
        shift(j, awayShift(column, p.margin));
      }
    }
    if (p.kink !== undefined && p.kink.layer === l)
      shift(p.kink.unit, -z[p.kink.row * slot.outDim + p.kink.unit]!);
    a = preActivation(params, slot, a, rows).map((v) => activate(activations[l]!, v));
  }
}
