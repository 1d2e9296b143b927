/**
 * mulberry32, the seeded generator behind createMlp's documented initialisation, is the published
 * algorithm (Tommy Ettinger's C reference, 2017): for any seed its draws equal those of an independent
 * re-implementation in BigInt arithmetic modulo 2³², divided by 2³². Same seed, same network on every
 * machine and in every version.
 */
import fc from 'fast-check';
import { checkInvariant, defineProperty, type GradSpec, mulberry32 } from 'gradcheck';
import { RUNS } from '../support/settings.js';

const M = (1n << 32n) - 1n;

/** The C reference, uint32 arithmetic spelled out with BigInt: n draws from `seed`. */
function reference(seed: number, n: number): number[] {
  let x = BigInt(seed >>> 0);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    x = (x + 0x6d2b79f5n) & M;
    let z = x;
    z = ((z ^ (z >> 15n)) * (z | 1n)) & M;
    z = (z ^ (z + (((z ^ (z >> 7n)) * (z | 61n)) & M))) & M;
    out.push(Number(z ^ (z >> 14n)) / 2 ** 32);
  }
  return out;
}

/** mulberry32(seed) yields the reference sequence (64 draws per seed, any 32-bit or wider seed). */
export function mulberry32Spec(): GradSpec {
  return defineProperty({
    name: 'mulberry32 is the published generator',
    input: fc.oneof(fc.integer(), fc.integer({ min: -(2 ** 40), max: 2 ** 40 })),
    dtype: 'float64',
    options: { numRuns: RUNS },
    check: (seed) => {
      const u = mulberry32(seed);
      const draws = Array.from({ length: 64 }, () => u());
      return checkInvariant(draws, reference(seed, 64), 0, { name: `mulberry32(${seed})`, dtype: 'float64' });
    },
  });
}
