/**
 * A correctly-rounded-to-half-an-ulp reciprocal of a double-double, for the softmax denominator.
 */

/**
 * 1/S for S = sHi + sLo ≥ 1, to within about half an ulp: the reciprocal of sHi is corrected with
 * its exact residual 1 − sHi·inv (Dekker's TwoProduct with Veltkamp splitting) and with sLo.
 */
export function reciprocal(sHi: number, sLo: number): number {
  const inv = 1 / sHi;
  const p = sHi * inv;
  const rho = 1 - p - twoProductError(sHi, inv, p) - sLo * inv;
  return inv + inv * rho;
}

const SPLITTER = 134217729; // 2^27 + 1

/** The exact error a·b − p of the rounded product p = fl(a·b) (Dekker 1971), |a|, |b| < 2^996. */
export function twoProductError(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}
