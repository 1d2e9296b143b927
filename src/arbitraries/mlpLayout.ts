/**
 * The flat parameter layout the MLP generators write and the small exact forward pass they use to
 * place ReLU pre-activations. Internal.
 *
 * Layout (the kernels' `createMlp` layout): for each layer l = 0…L−1 with n = sizes[l] inputs and
 * m = sizes[l+1] outputs, W_l (n×m, row-major, z = a·W + b) followed by b_l (m).
 */
import type { MlpActivation } from './mlpShapes.js';

export interface LayerSlots {
  readonly inDim: number;
  readonly outDim: number;
  readonly w: number;
  readonly b: number;
}

/** Offsets of every layer's weights and biases, and the total parameter count. */
export function mlpLayout(sizes: readonly number[]): { layers: LayerSlots[]; count: number } {
  const layers: LayerSlots[] = [];
  let offset = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const inDim = sizes[l]!;
    const outDim = sizes[l + 1]!;
    layers.push({ inDim, outDim, w: offset, b: offset + inDim * outDim });
    offset += inDim * outDim + outDim;
  }
  return { layers, count: offset };
}

/** A power of two close to `v` (the grid unit of dyadic values: products and sums stay exact). */
export function dyadicUnit(v: number): number {
  return 2 ** Math.round(Math.log2(v));
}

export function activate(a: MlpActivation, z: number): number {
  if (a === 'relu') return Math.max(z, 0);
  if (a === 'tanh') return Math.tanh(z);
  return 1 / (1 + Math.exp(-z));
}

/** z = a·W_l + b_l for `rows` rows of `a` (plain loops; exact on dyadic grids). */
export function preActivation(
  params: ArrayLike<number>,
  slot: LayerSlots,
  a: readonly number[],
  rows: number,
): number[] {
  const z = new Array<number>(rows * slot.outDim).fill(0);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < slot.outDim; j++) {
      let s = params[slot.b + j]!;
      for (let k = 0; k < slot.inDim; k++)
        s += a[i * slot.inDim + k]! * params[slot.w + k * slot.outDim + j]!;
      z[i * slot.outDim + j] = s;
    }
  }
  return z;
}
