/**
 * createMlp as documented: the layout table (offsets, views of the flat parameter vector), weights
 * uniform within ±scale·√(6/fan) (fan = inDim before a ReLU, He; inDim + outDim otherwise, Glorot),
 * biases within ±biasScale (exactly +0 for biasScale 0, and drawn without shifting the weights' draws),
 * the same parameters for the same seed — exactly the documented draws of mulberry32(seed) in layout
 * order — and the dtype asked for.
 */
import fc from 'fast-check';
import {
  checkInvariant,
  createMlp,
  type DType,
  defineProperty,
  type GradSpec,
  mlpShapes,
  mulberry32,
} from 'gradcheck';
import { RUNS } from '../support/settings.js';

/** createMlp's documented initialisation: layout, ranges, determinism. */
export function initSpec(): GradSpec {
  const input = fc.record({
    shape: mlpShapes({ minHidden: 0, maxHidden: 3, maxInput: 8, maxWidth: 8 }),
    seed: fc.integer({ min: -1000, max: 1000 }),
    scale: fc.constantFrom(1, 0.5, 2),
    biasScale: fc.constantFrom(0, 0.1, 1),
    dtype: fc.constantFrom<DType>('float64', 'float32'),
  });
  return defineProperty({
    name: 'createMlp parameters: layout, documented ranges, seeded',
    input,
    dtype: 'float64',
    options: { numRuns: RUNS },
    check: ({ shape, seed, scale, biasScale, dtype }) => {
      const options = { sizes: shape.sizes, activations: shape.activations, seed, scale, biasScale, dtype };
      const mlp = createMlp(options);
      const again = createMlp(options);
      const unbiased = createMlp({ ...options, biasScale: 0 });
      const facts: number[] = [];
      const label: string[] = [];
      const fact = (ok: boolean, what: string) => {
        facts.push(ok ? 1 : 0);
        label.push(what);
      };
      let offset = 0;
      mlp.layers.forEach((layer, l) => {
        const { inDim, outDim } = layer;
        fact(
          layer.index === l && inDim === shape.sizes[l] && outDim === shape.sizes[l + 1],
          `layer ${l} shape`,
        );
        fact(
          layer.activation === (l < shape.activations.length ? shape.activations[l] : 'softmax'),
          `layer ${l} activation`,
        );
        fact(
          layer.weightsOffset === offset && layer.biasOffset === offset + inDim * outDim,
          `layer ${l} offsets`,
        );
        const W = mlp.weights(l);
        const b = mlp.bias(l);
        fact(W.length === inDim * outDim && b.length === outDim, `layer ${l} view lengths`);
        fact(W[0] === mlp.params[offset] && b[0] === mlp.params[offset + inDim * outDim], `layer ${l} views`);
        const fan = layer.activation === 'relu' ? inDim : inDim + outDim;
        const limit = scale * Math.sqrt(6 / fan) * (1 + 2 ** -20);
        fact(
          W.every((w) => Math.abs(w) <= limit),
          `layer ${l} weights within ±${limit}`,
        );
        fact(
          b.every((v) => (biasScale === 0 ? Object.is(v, 0) : Math.abs(v) <= biasScale * (1 + 2 ** -20))),
          `layer ${l} biases`,
        );
        fact(
          mlp.weights(l, unbiased.params).every((w, i) => w === W[i]),
          `layer ${l} weights independent of biasScale`,
        );
        offset += (inDim + 1) * outDim;
      });
      fact(mlp.parameterCount === offset && mlp.params.length === offset, 'parameter count');
      // The documented draws: mulberry32(seed) in layout order, u ↦ (2u − 1)·limit for weights and
      // (2u − 1)·biasScale for biases (a draw per bias even when biasScale is 0), rounded to the dtype.
      const u = mulberry32(seed);
      const round = dtype === 'float32' ? Math.fround : (v: number) => v;
      const drawn = mlp.layers.flatMap((layer) => {
        const fan = layer.activation === 'relu' ? layer.inDim : layer.inDim + layer.outDim;
        const limit = scale * Math.sqrt(6 / fan);
        const w = Array.from({ length: layer.inDim * layer.outDim }, () => round((2 * u() - 1) * limit));
        const b = Array.from({ length: layer.outDim }, () => {
          const draw = u();
          return biasScale === 0 ? 0 : round((2 * draw - 1) * biasScale);
        });
        return [...w, ...b];
      });
      fact(
        drawn.length === mlp.params.length && drawn.every((v, i) => Object.is(v, mlp.params[i])),
        'parameters are the documented draws of mulberry32(seed)',
      );
      fact(
        mlp.params.every((v, i) => v === again.params[i]),
        'same seed, same parameters',
      );
      fact((dtype === 'float32') === mlp.params instanceof Float32Array && mlp.dtype === dtype, 'dtype');
      fact(mlp.sizes.join() === shape.sizes.join(), 'sizes');
      const failing = facts.findIndex((v) => v !== 1);
      return checkInvariant(facts, 1, 0, { name: failing < 0 ? 'createMlp facts' : label[failing]! });
    },
  });
}
