/**
 * The heatmap palette: a colour for |Δ|/allowed on a log scale. Passing values (ratio ≤ 1) run
 * from near-white to pale green as they approach the bound (1e-6 … 1); failing values (> 1) run
 * through ColorBrewer's YlOrRd from orange to dark red (1 … 1e6 and beyond). Lightness falls
 * monotonically with the ratio, so the order survives greyscale printing and colour-blindness;
 * NaN gets its own purple.
 */

/** Colour of a NaN ratio (|Δ| is NaN: always a failure). */
export const NAN_COLOR = '#7b3294';

/** Decades covered on each side of 1 before the colour saturates. */
export const DECADES = 6;

const PASS_STOPS = ['#f7fcf5', '#e5f5e0', '#c7e9c0'];
const FAIL_STOPS = ['#feb24c', '#fd8d3c', '#fc4e2a', '#e31a1c', '#bd0026', '#800026'];

function mix(stops: readonly string[], t: number): string {
  const x = Math.min(Math.max(t, 0), 1) * (stops.length - 1);
  const i = Math.min(Math.floor(x), stops.length - 2);
  const f = x - i;
  const a = stops[i]!;
  const b = stops[i + 1]!;
  let out = '#';
  for (let k = 1; k < 7; k += 2) {
    const c = Math.round(
      Number.parseInt(a.slice(k, k + 2), 16) * (1 - f) + Number.parseInt(b.slice(k, k + 2), 16) * f,
    );
    out += c.toString(16).padStart(2, '0');
  }
  return out;
}

/**
 * The colour of a cell whose |Δ|/allowed is `ratio` (as `#rrggbb`).
 * @example ratioColor(0) // '#f7fcf5'   ratioColor(1e3) // a red-orange   ratioColor(NaN) // NAN_COLOR
 */
export function ratioColor(ratio: number): string {
  if (Number.isNaN(ratio)) return NAN_COLOR;
  if (ratio <= 1) return mix(PASS_STOPS, ratio <= 0 ? 0 : (Math.log10(ratio) + DECADES) / DECADES);
  return mix(FAIL_STOPS, Math.log10(ratio) / DECADES);
}

/**
 * WCAG relative luminance of `#rrggbb` (0 black … 1 white); used to pick readable text on a cell
 * and, in the tests, to check that colours darken as the ratio grows.
 * @example luminance('#ffffff') // 1
 */
export function luminance(hex: string): number {
  const channel = (k: number) => {
    const c = Number.parseInt(hex.slice(k, k + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}
