/**
 * The shapes `defineCheck` accepts: a generator, a function and exactly one derivative. Callbacks see
 * the whole generated input, with the point (by default `input.x`) replaced by the checker's copy, so
 * `({ x, cols }) => softmax(x, cols)` reads naturally.
 */
import type fc from 'fast-check';
import type { BackpropModel } from '../checks/checkBackprop.js';
import type { CheckOptions } from '../checks/options.js';
import type { FloatArray, NumericArray } from '../types.js';
import type { PropertyOptions } from './options.js';

/** What a Jacobian callback may return: m×n row-major flat, or m rows of n. */
export type JacobianValue = NumericArray | readonly NumericArray[];

/**
 * Options of a derivative spec: property options (numRuns, seed, path, endOnFailure, maxSkips,
 * timeoutMs, verbose) and the checker's options (mode, dtype, oracle, κ, probes…), in one object.
 * `seed` is the property's fast-check seed; each run hands the checker its own seed, drawn from it.
 */
export type SpecOptions = PropertyOptions & CheckOptions;

/** Keys of T whose values are points (numeric arrays). */
export type PointKey<T> = { [K in keyof T]: T[K] extends NumericArray ? K : never }[keyof T] & string;

interface Common<T> {
  /** Stable, unique name (test names, reports, `--grep`); never put a seed in it. */
  readonly name: string;
  /** Generator of inputs: a point array, or an object holding the point under `point` (default `x`). */
  readonly input: fc.Arbitrary<T>;
  /** The key of the point in each generated object (default `'x'`; ignored when inputs are arrays). */
  readonly point?: PointKey<T>;
  readonly options?: SpecOptions;
}

type None<K extends string> = { readonly [P in K]?: never };

/** `jacobian(input)` must equal the Jacobian of `f` at `input[point]`. */
export interface JacobianDefinition<T>
  extends Common<T>,
    None<'vjp' | 'jvp' | 'gradient' | 'backprop' | 'cotangent'> {
  readonly f: (input: T) => NumericArray;
  readonly jacobian: (input: T) => JacobianValue;
}

/**
 * `vjp(input, g)` must equal Jᵀg. Without `cotangent` the checker picks the cotangents (full mode: all
 * of them, implicitly; fast mode: random projections). With `cotangent`, each run checks Jᵀv for the
 * generated v = cotangent(input) (e.g. from `cotangents(batch)`), as the gradient of ⟨v, f(x)⟩.
 */
export interface VjpDefinition<T> extends Common<T>, None<'jacobian' | 'jvp' | 'gradient' | 'backprop'> {
  readonly f: (input: T) => NumericArray;
  readonly vjp: (input: T, cotangent: FloatArray) => NumericArray;
  readonly cotangent?: (input: T) => NumericArray;
}

/** `jvp(input, t)` must equal J·t for the checker's tangents t. */
export interface JvpDefinition<T>
  extends Common<T>,
    None<'jacobian' | 'vjp' | 'gradient' | 'backprop' | 'cotangent'> {
  readonly f: (input: T) => NumericArray;
  readonly jvp: (input: T, tangent: FloatArray) => NumericArray;
}

/** `gradient(input)` must equal ∇f at `input[point]` for a scalar `f`. */
export interface GradientDefinition<T>
  extends Common<T>,
    None<'jacobian' | 'vjp' | 'jvp' | 'backprop' | 'cotangent'> {
  readonly f: (input: T) => number;
  readonly gradient: (input: T) => NumericArray;
}

/**
 * Per-layer deltas of a network: `backprop(input)` returns the `checkBackprop` model for this input
 * (pre-activations, claimed deltas, `lossFrom(layer, z)`); no `f` and no point.
 */
export interface BackpropDefinition<T>
  extends Omit<Common<T>, 'point'>,
    None<'f' | 'jacobian' | 'vjp' | 'jvp' | 'gradient' | 'cotangent' | 'point'> {
  readonly backprop: (input: T) => BackpropModel;
}

/** Exactly one derivative kind per spec. */
export type CheckDefinition<T> =
  | JacobianDefinition<T>
  | VjpDefinition<T>
  | JvpDefinition<T>
  | GradientDefinition<T>
  | BackpropDefinition<T>;
