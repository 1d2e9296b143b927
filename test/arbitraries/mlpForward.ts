/**
 * An independent forward pass for the MLP generator tests: layout per layer W (in×out, row-major) then
 * b, summed in reverse order (so exact zeros must not depend on the summation order).
 */
export function preActivations(
  sizes: readonly number[],
  activations: readonly string[],
  params: ArrayLike<number>,
  x: ArrayLike<number>,
  rows: number,
  round: (v: number) => number = (v) => v,
): number[][] {
  const zs: number[][] = [];
  let a = Array.from(x);
  let offset = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const n = sizes[l]!;
    const m = sizes[l + 1]!;
    const z: number[] = [];
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < m; j++) {
        let s = 0;
        for (let k = n - 1; k >= 0; k--) s = round(s + round(a[i * n + k]! * params[offset + k * m + j]!));
        z.push(round(s + params[offset + n * m + j]!));
      }
    }
    offset += n * m + m;
    zs.push(z);
    const f = activations[l];
    a = z.map((v) => (f === 'relu' ? Math.max(v, 0) : f === 'tanh' ? Math.tanh(v) : 1 / (1 + Math.exp(-v))));
  }
  return zs;
}

export function parameterCount(sizes: readonly number[]): number {
  let n = 0;
  for (let l = 0; l + 1 < sizes.length; l++) n += sizes[l]! * sizes[l + 1]! + sizes[l + 1]!;
  return n;
}
