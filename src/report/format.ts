/**
 * Text forms shared by the Markdown, HTML and JUnit writers: numbers, durations, ratios, and the
 * counterexample shortened to a readable size (the full value stays in report.json).
 */

/**
 * A number in at most `digits` significant digits: exponent form outside [1e-4, 1e6), `NaN`,
 * `Infinity` and `-Infinity` spelled out.
 * @example formatNumber(0.000012345678) // '1.23457e-5'
 */
export function formatNumber(x: number, digits = 6): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const a = Math.abs(x);
  const text = a >= 1e-4 && a < 1e6 ? x.toPrecision(digits) : x.toExponential(digits - 1);
  // Drop trailing zeros of the mantissa (1.50000 → 1.5, 2.00000e-7 → 2e-7), never of the exponent.
  const [mantissa, exponent] = text.split('e') as [string, string | undefined];
  const trimmed = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
  return exponent === undefined ? trimmed : `${trimmed}e${exponent.replace('+', '')}`;
}

/**
 * Two numbers with just enough significant digits (at least `digits`, at most 17) to tell them
 * apart, so that a 1e-7 relative error does not print as two equal values.
 * @example formatPair(1.0000001, 1) // ['1.0000001', '1']
 */
export function formatPair(a: number, b: number, digits = 6): [string, string] {
  for (let d = digits; d < 17; d++) {
    const pair: [string, string] = [formatNumber(a, d), formatNumber(b, d)];
    if (pair[0] !== pair[1] || Object.is(a, b)) return pair;
  }
  return [formatNumber(a, 17), formatNumber(b, 17)];
}

/**
 * |Δ|/allowed in `digits` significant digits, but never printed as `1` unless it is exactly 1: a
 * failing 1.0000000000000002 must not read like a pass.
 * @example formatRatio(1.0000000000000002) // '1.0000000000000002'
 */
export function formatRatio(ratio: number, digits = 4): string {
  return formatPair(ratio, 1, digits)[0];
}

/**
 * A duration in ms as people read it.
 * @example formatDuration(1534) // '1.53 s'
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  if (ms === 0) return '0 ms';
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toPrecision(3)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/**
 * |Δ| / allowed, the quantity the heatmap colours: > 1 fails. `NaN` when |Δ| is NaN (always a
 * failure), `Infinity` when nothing is allowed but something differs, 0 when both are 0.
 * @example errorRatio(3e-9, 1e-10) // 30
 */
export function errorRatio(absDiff: number, allowed: number): number {
  if (Number.isNaN(absDiff) || Number.isNaN(allowed)) return Number.NaN;
  if (absDiff === 0) return 0;
  return allowed === 0 ? Number.POSITIVE_INFINITY : absDiff / allowed;
}

export interface ValueFormat {
  /** Items shown per array, map or set before `… N more`; default 12. */
  readonly maxItems?: number;
  /** Characters of the whole text before it is cut with `… (N more characters)`; default 600. */
  readonly maxChars?: number;
}

const TYPED = /^(Float|Int|Uint|BigInt|BigUint)\d+(Clamped)?Array$/;

/** `, … N more` when `total` items were cut to `max`. */
const more = (total: number, max: number) => (total > max ? `, … ${total - max} more` : '');

function show(v: unknown, seen: Set<unknown>, o: Required<ValueFormat>): string {
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v !== 'object' || v === null) return String(v);
  if (seen.has(v)) return '[Circular]';
  seen.add(v);
  const item = (x: unknown) => show(x, seen, o);
  try {
    if (ArrayBuffer.isView(v) && TYPED.test(v.constructor.name)) {
      const a = v as unknown as ArrayLike<unknown>;
      const head = Array.from({ length: Math.min(a.length, o.maxItems) }, (_, i) => item(a[i]));
      return `${v.constructor.name}(${a.length}) [${head.join(', ')}${more(a.length, o.maxItems)}]`;
    }
    if (Array.isArray(v))
      return `[${Array.from(v.slice(0, o.maxItems), item).join(', ')}${more(v.length, o.maxItems)}]`;
    if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
    if (v instanceof Map) {
      const pairs = [...v].slice(0, o.maxItems).map(([k, x]) => `${item(k)} => ${item(x)}`);
      return `Map(${v.size}) {${pairs.join(', ')}${more(v.size, o.maxItems)}}`;
    }
    if (v instanceof Set)
      return `Set(${v.size}) {${[...v].slice(0, o.maxItems).map(item).join(', ')}${more(v.size, o.maxItems)}}`;
    const all = Object.entries(v);
    const fields = all
      .slice(0, o.maxItems)
      .map(([k, x]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${item(x)}`);
    return `{${fields.join(', ')}${more(all.length, o.maxItems)}}`;
  } finally {
    seen.delete(v);
  }
}

/**
 * A value (the counterexample) as short text: arrays and typed arrays show their first `maxItems`
 * items and how many more there are; the whole text is cut at `maxChars`.
 * @example formatValue([new Float64Array(100)], { maxItems: 3 }) // '[Float64Array(100) [0, 0, 0, … 97 more]]'
 */
export function formatValue(v: unknown, options: ValueFormat = {}): string {
  const o = { maxItems: options.maxItems ?? 12, maxChars: options.maxChars ?? 600 };
  return shorten(show(v, new Set(), o), o.maxChars);
}

/**
 * Cuts text at `max` characters, saying how much was cut.
 * @example shorten('abcdef', 3) // 'abc… (3 more characters)'
 */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

/**
 * The counterexample of a result as shortened text: the decoded value when the report holds one,
 * else fast-check's rendering; undefined when there is neither.
 * @example counterexampleText(result, 400) // '[Float64Array(3) [1000, 0, -1000]]'
 */
export function counterexampleText(
  r: { readonly counterexample: unknown; readonly counterexampleText: string | undefined },
  maxChars: number,
  maxItems = 12,
): string | undefined {
  if (r.counterexample !== undefined) return formatValue(r.counterexample, { maxChars, maxItems });
  return r.counterexampleText === undefined ? undefined : shorten(r.counterexampleText, maxChars);
}
