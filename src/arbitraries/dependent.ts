/**
 * A pair (base, extra) where extra's arbitrary depends on base: like `fc.chain`, but the base keeps
 * shrinking after the extra has. fast-check's chain stops shrinking its source for good as soon as
 * the chained value shrinks once, so a batch with a dependent cotangent stayed wide and unshrunk
 * (`x: [0.61, −1.50, 6.87]`, `g: [0, 0, 0]`). Here every shrink step first tries to shrink the base
 * (redrawing the extra from the random state it was first drawn with, so it is not systematically
 * different), then the extra; both keep going until neither can. Internal: `withFields` uses it.
 */
import fc from 'fast-check';

interface Context<T, U> {
  readonly base: fc.Value<T>;
  readonly extraArb: fc.Arbitrary<U>;
  readonly extra: fc.Value<U>;
  /** The random state the extra was drawn from, and the bias it was drawn with. */
  readonly mrng: fc.Random;
  readonly bias: number | undefined;
}

class DependentArbitrary<T, U> extends fc.Arbitrary<[T, U]> {
  constructor(
    private readonly baseArb: fc.Arbitrary<T>,
    private readonly make: (base: T) => fc.Arbitrary<U>,
  ) {
    super();
  }

  private pair(base: fc.Value<T>, mrng: fc.Random, bias: number | undefined): fc.Value<[T, U]> {
    const extraArb = this.make(base.value_);
    const extra = extraArb.generate(mrng.clone(), bias);
    return this.wrap({ base, extraArb, extra, mrng, bias });
  }

  private wrap(c: Context<T, U>): fc.Value<[T, U]> {
    return new fc.Value<[T, U]>([c.base.value_, c.extra.value_], c);
  }

  generate(mrng: fc.Random, bias: number | undefined): fc.Value<[T, U]> {
    const base = this.baseArb.generate(mrng, bias);
    const state = mrng.clone();
    const extraArb = this.make(base.value_);
    const extra = extraArb.generate(mrng, bias);
    return this.wrap({ base, extraArb, extra, mrng: state, bias });
  }

  canShrinkWithoutContext(_value: unknown): _value is [T, U] {
    return false;
  }

  shrink(_value: [T, U], context: unknown): fc.Stream<fc.Value<[T, U]>> {
    if (context === undefined) return fc.Stream.nil();
    const c = context as Context<T, U>;
    const bases = this.baseArb.shrink(c.base.value_, c.base.context).map((b) => this.pair(b, c.mrng, c.bias));
    const extras = c.extraArb
      .shrink(c.extra.value_, c.extra.context)
      .map((e) => this.wrap({ ...c, extra: e }));
    return bases.join(extras);
  }
}

/** `[base, extra]` with extra drawn from `make(base)`; both shrink, the base first. Internal. */
export function dependent<T, U>(
  base: fc.Arbitrary<T>,
  make: (base: T) => fc.Arbitrary<U>,
): fc.Arbitrary<[T, U]> {
  return new DependentArbitrary(base, make);
}
