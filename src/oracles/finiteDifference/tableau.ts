/**
 * Richardson extrapolation of central differences to step 0 with a Neville tableau in h², one per
 * output component (Ridders 1982; Numerical Recipes §5.7 `dfridr`; Richardson.jl). Each entry's error
 * estimate is its largest distance to the neighbouring entries (truncation) plus the rounding noise of f
 * carried through the extrapolation weights (3σᵢ · Σ|weights|/h: σ is an RMS level, single roundings
 * reach a few σ). The final choice is Ridders' smallest-error entry, with one safeguard: an entry must
 * also agree with the estimates of the two finest steps, within their own errors — far-apart steps can
 * agree by accident when a kink lies between them.
 */

/** Rounding errors are bounded by this many noise levels σ. */
export const ROUNDING_SIGMAS = 3;

/** Highest extrapolation order kept (columns 0..MAX_COLUMN). */
export const MAX_COLUMN = 8;

/** The selected estimate per component. */
export interface TableauChoice {
  readonly value: Float64Array;
  /** Truncation part of the error estimate (tableau differences, consistency with the finest steps). */
  readonly truncation: Float64Array;
  /** Rounding part of the error estimate (noise of f through the weights). */
  readonly rounding: Float64Array;
  /** Level (row) of the chosen entry, -1 when there was none. */
  readonly row: Int32Array;
  /** 1 when the chosen entry's rows converge like h² (see `regular`), 0 when no entry's rows did. */
  readonly regular: Uint8Array;
}

/** A growing Neville–Richardson tableau over decreasing steps. */
export class RichardsonTableau {
  readonly size: number;
  private readonly sigma: Float64Array;
  /** value[i][j], trunc[i][j], round[i][j]: entry (level i, order j), each of length `size`. */
  private readonly value: Float64Array[][] = [];
  private readonly trunc: Float64Array[][] = [];
  private readonly round: Float64Array[][] = [];
  private readonly noise: number[][] = [];
  private readonly variable: number[] = [];
  /** lastIrregular's cache, cleared by addLevel. */
  private irregular: Int32Array | undefined;

  /** @param sigma noise level of each component of f (absolute), from `estimateNoise`. */
  constructor(sigma: Float64Array) {
    this.size = sigma.length;
    this.sigma = sigma;
  }

  /** Number of levels added. */
  get levels(): number {
    return this.value.length;
  }

  /**
   * Adds a level: `d` is the difference quotient at step `h` (its error ∝ h², h⁴, …) and `noiseWeight`
   * the factor that turns σ into its rounding error (1/h for a symmetric central difference).
   */
  addLevel(h: number, d: Float64Array, noiseWeight: number): void {
    this.irregular = undefined;
    const i = this.value.length;
    const m = this.size;
    const vals: Float64Array[] = [Float64Array.from(d)];
    const tr: Float64Array[] = [new Float64Array(m).fill(Number.POSITIVE_INFINITY)];
    const ro: Float64Array[] = [this.sigma.map((s) => ROUNDING_SIGMAS * s * noiseWeight)];
    const nw: number[] = [noiseWeight];
    this.variable.push(h * h);
    const top = Math.min(i, MAX_COLUMN);
    for (let j = 1; j <= top; j++) {
      const prev = this.value[i - 1]![j - 1]!;
      const cur = vals[j - 1]!;
      const up = j <= Math.min(i - 1, MAX_COLUMN) ? this.value[i - 1]![j] : undefined;
      // Neville in h²: extrapolate the line through (h²_{i-j}, prev) and (h²_i, cur) to 0.
      const c = 1 / (this.variable[i - j]! / this.variable[i]! - 1);
      const next = new Float64Array(m);
      const t = new Float64Array(m);
      for (let k = 0; k < m; k++) {
        const a = cur[k]! + (cur[k]! - prev[k]!) * c;
        next[k] = a;
        let e = Math.max(Math.abs(a - cur[k]!), Math.abs(a - prev[k]!));
        if (up !== undefined) e = Math.max(e, Math.abs(a - up[k]!));
        t[k] = e;
      }
      const w = Math.abs(1 + c) * nw[j - 1]! + Math.abs(c) * this.noise[i - 1]![j - 1]!;
      nw.push(w);
      vals.push(next);
      tr.push(t);
      ro.push(this.sigma.map((s) => ROUNDING_SIGMAS * s * w));
    }
    this.value.push(vals);
    this.trunc.push(tr);
    this.round.push(ro);
    this.noise.push(nw);
  }

  /** The newest level's first extrapolation (order 1): its truncation and rounding parts. */
  newestOrderOne(k: number): { truncation: number; rounding: number } | undefined {
    const i = this.value.length - 1;
    if (i < 1) return undefined;
    return { truncation: this.trunc[i]![1]![k]!, rounding: this.round[i]![1]![k]! };
  }

  /**
   * Whether the plain central differences behave like D + c·h² + … from the first row entry (i, j)
   * uses through the newest row: each successive difference |D(hₗ₋₁) − D(hₗ)| above the rounding
   * level must be at least 2.5× smaller than the one before (4× for an h² error). Functions with kinks
   * packed closer than the steps (a ReLU network along a random direction) shrink by ~1–2× at random:
   * no extrapolation from those rows can be trusted, however well its neighbours happen to agree.
   */
  regular(i: number, j: number, k: number): boolean {
    // Through the newest row, not only row i: finer steps that stop converging (a kink the coarse
    // steps straddled, met at a finer one) discredit the coarser entries too — two coarse steps on the
    // same side of a float32 ReLU kink agreed to 2e-6 on a slope 50% off.
    return Math.max(2, i - j) > this.lastIrregular()[k]!;
  }

  /** Per component, the newest row l ≥ 2 whose difference fails the 2.5× rule (1 if none); cached. */
  private lastIrregular(): Int32Array {
    if (this.irregular !== undefined) return this.irregular;
    const last = new Int32Array(this.size).fill(1);
    for (let l = 2; l < this.value.length; l++) {
      const cur = this.value[l]![0]!;
      const prev = this.value[l - 1]![0]!;
      const older = this.value[l - 2]![0]!;
      for (let k = 0; k < this.size; k++) {
        const d = Math.abs(cur[k]! - prev[k]!);
        const before = Math.abs(prev[k]! - older[k]!);
        const noise = 2 * (this.round[l]![0]![k]! + this.round[l - 1]![0]![k]!);
        if (d > noise && before < 2.5 * d) last[k] = l;
      }
    }
    this.irregular = last;
    return last;
  }

  /**
   * Smallest total error so far for component k among entries whose rows converge regularly (as
   * `choose` prefers), ignoring the finest-steps safeguard: the stopping rule's view of convergence.
   */
  bestRaw(k: number): { value: number; truncation: number; rounding: number } | undefined {
    let best: { value: number; truncation: number; rounding: number } | undefined;
    for (let i = 1; i < this.value.length; i++) {
      for (let j = 1; j < this.value[i]!.length; j++) {
        const t = this.trunc[i]![j]![k]!;
        const r = this.round[i]![j]![k]!;
        if (!(t + r < (best === undefined ? Number.POSITIVE_INFINITY : best.truncation + best.rounding)))
          continue;
        if (!this.regular(i, j, k)) continue;
        best = { value: this.value[i]![j]![k]!, truncation: t, rounding: r };
      }
    }
    return best;
  }

  /**
   * The error of a reference entry (i, j) of the finest-steps safeguard: its rounding part plus its
   * truncation estimate, or, when the rows of the next order (i, j + 1) converge regularly, the smaller
   * distance to that entry (the Richardson estimate of its own error). The truncation estimate alone
   * includes the distance to the coarser raw difference (the h² correction itself), so a finest-step
   * entry would excuse almost any disagreement: a float32 MLP gradient took an entry whose coarse
   * neighbours agreed by accident, 1.5e-4 off with an estimate of 7e-6, while the finest order-1
   * entry and its next order agreed to 1e-5.
   */
  private refError(i: number, j: number, k: number): number {
    const row = this.value[i]!;
    let t = this.trunc[i]![j]![k]!;
    if (j + 1 < row.length && this.regular(i, j + 1, k)) {
      t = Math.min(t, Math.abs(row[j]![k]! - row[j + 1]![k]!) + this.round[i]![j + 1]![k]!);
    }
    return t + this.round[i]![j]![k]!;
  }

  /** Ridders' choice with the finest-steps consistency safeguard, per component. */
  choose(): TableauChoice {
    const m = this.size;
    const L = this.value.length;
    const out: TableauChoice = {
      value: new Float64Array(m).fill(Number.NaN),
      truncation: new Float64Array(m).fill(Number.POSITIVE_INFINITY),
      rounding: new Float64Array(m).fill(Number.POSITIVE_INFINITY),
      row: new Int32Array(m).fill(-1),
      regular: new Uint8Array(m),
    };
    const refs: [number, number][] = [];
    for (let i = Math.max(1, L - 2); i < L; i++) {
      for (let j = 1; j <= Math.min(2, this.value[i]!.length - 1); j++) refs.push([i, j]);
    }
    for (let k = 0; k < m; k++) {
      let bestTotal = Number.POSITIVE_INFINITY;
      let bestRegular = false;
      for (let i = 1; i < L; i++) {
        for (let j = 1; j < this.value[i]!.length; j++) {
          const regular = this.regular(i, j, k);
          if (bestRegular && !regular) continue;
          const a = this.value[i]![j]![k]!;
          let t = this.trunc[i]![j]![k]!;
          const r = this.round[i]![j]![k]!;
          for (const [ri, rj] of refs) {
            if (ri === i && rj === j) continue;
            const other = this.refError(ri, rj, k);
            t = Math.max(t, Math.abs(a - this.value[ri]![rj]![k]!) - other);
          }
          const total = t + r;
          if (!(total < bestTotal || (regular && !bestRegular))) continue;
          bestTotal = total;
          bestRegular = regular;
          out.regular[k] = regular ? 1 : 0;
          out.value[k] = a;
          out.truncation[k] = t;
          out.rounding[k] = r;
          out.row[k] = i;
        }
      }
    }
    return out;
  }
}
