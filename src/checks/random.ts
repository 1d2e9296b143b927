/**
 * Seeded randomness for probes: a SplitMix32-style generator (Steele, Lea & Flood 2014, 32-bit variant)
 * and the tangent distributions of fast mode. Every random choice of a check comes from here, so the
 * seed printed in a result replays it exactly.
 */

/** A deterministic stream of uniforms in [0, 1). */
export interface Rng {
  next(): number;
}

/**
 * Creates a generator from any safe integer seed.
 * @example const rng = createRng(42); rng.next() // same value on every run
 */
export function createRng(seed: number): Rng {
  let state = ((Math.abs(seed) % 2 ** 32) ^ (seed < 0 ? 0x9e3779b9 : 0)) >>> 0;
  return {
    next(): number {
      state = (state + 0x9e3779b9) >>> 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      z = (z ^ (z >>> 16)) >>> 0;
      return z / 2 ** 32;
    },
  };
}

/** A vector of independent ±1 (Rademacher) entries. */
export function rademacher(n: number, rng: Rng): Float64Array {
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) v[i] = rng.next() < 0.5 ? -1 : 1;
  return v;
}

/**
 * A standard Gaussian vector (Box–Muller), quantised to multiples of 1/16 so that steps t·vⱼ stay
 * exactly representable; zeros are pushed to ±1/16 so every coordinate is probed.
 */
export function gaussian(n: number, rng: Rng): Float64Array {
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = Math.sqrt(-2 * Math.log(1 - rng.next()));
    const g = r * Math.cos(2 * Math.PI * rng.next());
    const q = Math.round(g * 16) / 16;
    v[i] = q !== 0 ? q : g < 0 ? -1 / 16 : 1 / 16;
  }
  return v;
}

/**
 * A probe direction of the requested distribution, never of one sign throughout (n ≥ 2): the constant
 * direction is in the kernel of every shift-invariant map (softmax, log-softmax), where J·v = 0 would
 * hide the scale of J.
 */
export function tangent(kind: 'rademacher' | 'gaussian', n: number, rng: Rng): Float64Array {
  const v = kind === 'gaussian' ? gaussian(n, rng) : rademacher(n, rng);
  if (n >= 2 && (v.every((t) => t > 0) || v.every((t) => t < 0))) {
    const k = Math.min(n - 1, Math.floor(rng.next() * n));
    v[k] = -v[k]!;
  }
  return v;
}
