/**
 * The one door to mathjs. Its number-only build (`mathjs/number`: parse and derivative, no matrices,
 * units or BigNumber) is loaded on first use, synchronously, so `import 'gradcheck'` does not pay the
 * ~1–2 s CPU of building mathjs's typed functions unless a symbolic oracle is actually created.
 */
import { createRequire } from 'node:module';
import type { derivative, MathNode, parse } from 'mathjs';

interface MathApi {
  readonly parse: typeof parse;
  readonly derivative: typeof derivative;
}

let api: MathApi | undefined;

/** mathjs (number build), loaded once. */
export function mathjs(): MathApi {
  api ??= createRequire(import.meta.url)('mathjs/number') as MathApi;
  return api;
}

/** mathjs's ∂text/∂variable without simplification, printed. */
export function derivativeText(text: string, variable: string): string {
  const m = mathjs();
  return m.derivative(m.parse(text), variable, { simplify: false }).toString();
}

export type { MathNode };
