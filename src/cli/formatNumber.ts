/** Short, exact-enough number text for tables: 6 significant digits, exponent form outside [1e-3, 1e6). */

/**
 * @example
 * formatNumber(0.000012345678); // '1.23457e-5'
 * formatNumber(Number.NaN);     // 'NaN'
 */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const abs = Math.abs(x);
  if (abs >= 1e-3 && abs < 1e6) return String(Number(x.toPrecision(6)));
  const [mantissa, exponent] = x.toExponential(5).split('e');
  return `${String(Number(mantissa))}e${Number(exponent)}`;
}
