/** Deterministic sampling for generator tests (a fixed seed per call site). */
import fc from 'fast-check';

export function sample<T>(arb: fc.Arbitrary<T>, numRuns: number, seed = 42): T[] {
  return fc.sample(arb, { numRuns, seed });
}

/** The rows of a row-major array. */
export function rowsOf(x: ArrayLike<number>, cols: number): number[][] {
  const out: number[][] = [];
  for (let r = 0; r * cols < x.length; r++)
    out.push(Array.from({ length: cols }, (_, j) => x[r * cols + j]!));
  return out;
}

/** The shrunk counterexample of a property expected to fail. */
export function shrunk<T>(arb: fc.Arbitrary<T>, predicate: (v: T) => boolean, seed = 7): T {
  const out = fc.check(fc.property(arb, predicate), { seed, numRuns: 500 });
  if (!out.failed || out.counterexample === null) throw new Error('expected the property to fail');
  return out.counterexample[0];
}
