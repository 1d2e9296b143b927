/**
 * A small seeded PRNG for reproducible initialisation: mulberry32 (Tommy Ettinger, 2017), a 32-bit
 * state generator that passes gjrand and PractRand to 2^32 outputs; plenty for drawing weights.
 */

/**
 * Returns a function producing uniform doubles in [0, 1) (32 random bits each) from `seed`
 * (any number; its low 32 bits are used). Same seed → same sequence.
 *
 * @example const u = mulberry32(42); u(); u()
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
