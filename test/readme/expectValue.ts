/**
 * The assertion behind README `// => value` comments: structural equality where typed arrays equal
 * typed arrays of the same type and values (NaN equals NaN, -0 equals 0 as printed), and a RegExp
 * expectation matches a string (or the JSON of a non-string).
 */
export function readmeExpect(actual: unknown, expected: unknown, where: string): void {
  if (expected instanceof RegExp) {
    const text = typeof actual === 'string' ? actual : JSON.stringify(actual);
    if (!expected.test(text)) throw new Error(`${where}: ${text} does not match ${expected}`);
    return;
  }
  if (!same(actual, expected)) {
    throw new Error(`${where}: expected ${show(expected)}, got ${show(actual)}`);
  }
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || (Number.isNaN(a) && Number.isNaN(b));
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    if (!ArrayBuffer.isView(a) || !ArrayBuffer.isView(b) || a.constructor !== b.constructor) return false;
    return same(Array.from(a as unknown as ArrayLike<number>), Array.from(b as unknown as ArrayLike<number>));
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => same(v, b[i]));
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return (
      ka.length === kb.length &&
      ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    );
  }
  return Object.is(a, b) || a === b;
}

function show(v: unknown): string {
  if (ArrayBuffer.isView(v))
    return `${v.constructor.name}.of(${Array.from(v as unknown as ArrayLike<number>).join(', ')})`;
  return typeof v === 'string' ? JSON.stringify(v) : String(JSON.stringify(v) ?? v);
}
