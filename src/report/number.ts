/**
 * JSON-safe numbers. JSON has no NaN, ±Infinity or −0 (`JSON.stringify` writes `null` and `0`), so
 * report.json writes them as the strings `"NaN"`, `"Infinity"`, `"-Infinity"` (and `"-0"` inside
 * counterexamples, where the sign of zero can matter). Finite numbers are written as JSON numbers,
 * which `JSON.stringify` prints as the shortest text that parses back to the same double.
 */

/** A number as report.json stores it. */
export type JsonNumber = number | 'NaN' | 'Infinity' | '-Infinity' | '-0';

/** The strings that stand for numbers in report.json. */
export const NUMBER_TOKENS: readonly string[] = ['NaN', 'Infinity', '-Infinity', '-0'];

/**
 * Encodes a number for report.json: non-finite values become strings; `−0` becomes `"-0"` when
 * `keepNegativeZero` is set (counterexamples), otherwise `0` (measured values, where the sign of a
 * zero says nothing).
 * @example encodeNumber(Number.NaN) // 'NaN'
 */
export function encodeNumber(x: number, keepNegativeZero = false): JsonNumber {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Number.POSITIVE_INFINITY) return 'Infinity';
  if (x === Number.NEGATIVE_INFINITY) return '-Infinity';
  if (Object.is(x, -0)) return keepNegativeZero ? '-0' : 0;
  return x;
}

/**
 * Decodes what `encodeNumber` wrote. Returns `undefined` for anything that is not a number or token.
 * @example decodeNumber('-Infinity') // -Infinity
 */
export function decodeNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  switch (v) {
    case 'NaN':
      return Number.NaN;
    case 'Infinity':
      return Number.POSITIVE_INFINITY;
    case '-Infinity':
      return Number.NEGATIVE_INFINITY;
    case '-0':
      return -0;
    default:
      return undefined;
  }
}
