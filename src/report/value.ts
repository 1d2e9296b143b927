/**
 * JSON-safe encoding of arbitrary values (the shrunk counterexample), reversible by `decodeValue`:
 * - finite numbers, booleans, null and ordinary strings stay as they are;
 * - NaN, ±Infinity and −0 become the strings `"NaN"`, `"Infinity"`, `"-Infinity"`, `"-0"`;
 * - a string that equals one of those four tokens becomes `{ "type": "String", "value": "NaN" }`;
 * - typed arrays become `{ "type": "Float64Array", "values": [...] }` (values encoded as numbers
 *   above; BigInt64Array / BigUint64Array values as decimal strings);
 * - `undefined` → `{ "type": "undefined" }`, bigint → `{ "type": "BigInt", "value": "12" }`,
 *   Date → `{ "type": "Date", "value": "<ISO or Invalid Date>" }`, Map → `{ "type": "Map",
 *   "entries": [[k, v], ...] }`, Set → `{ "type": "Set", "values": [...] }`;
 * - a plain object with an own `type` key is wrapped as `{ "type": "Object", "value": {...} }`, so
 *   every object with a `type` key in the JSON is one of these tags;
 * - functions, symbols and cycles become `{ "type": "Unserializable", "text": "..." }` (decoded as
 *   that text: the only lossy case). Objects of other classes are written as plain objects.
 */
import { decodeNumber, encodeNumber, NUMBER_TOKENS } from './number.js';

const TYPED_ARRAYS = {
  Float64Array,
  Float32Array,
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  BigInt64Array,
  BigUint64Array,
} as const;

type TypedArrayName = keyof typeof TYPED_ARRAYS;

/** The `type` tags of encoded values, in the order the schema lists them. */
export const VALUE_TAGS: readonly string[] = [
  ...Object.keys(TYPED_ARRAYS),
  'undefined',
  'BigInt',
  'String',
  'Date',
  'Map',
  'Set',
  'Object',
  'Unserializable',
];

function typedArrayName(v: object): TypedArrayName | undefined {
  if (!ArrayBuffer.isView(v)) return undefined;
  for (const [name, ctor] of Object.entries(TYPED_ARRAYS))
    if (v instanceof ctor) return name as TypedArrayName;
  return undefined;
}

/** Sets an own enumerable property; a key named `__proto__` stays data instead of changing the prototype. */
function setOwn(out: Record<string, unknown>, k: string, v: unknown): void {
  Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/**
 * Encodes any value into JSON-safe data (see the module comment for the rules).
 * @example encodeValue(new Float64Array([1, NaN])) // { type: 'Float64Array', values: [1, 'NaN'] }
 */
export function encodeValue(v: unknown, seen: Set<object> = new Set()): unknown {
  switch (typeof v) {
    case 'number':
      return encodeNumber(v, true);
    case 'string':
      return NUMBER_TOKENS.includes(v) ? { type: 'String', value: v } : v;
    case 'boolean':
      return v;
    case 'undefined':
      return { type: 'undefined' };
    case 'bigint':
      return { type: 'BigInt', value: v.toString() };
    case 'function':
      return { type: 'Unserializable', text: `[Function ${v.name || 'anonymous'}]` };
    case 'symbol':
      return { type: 'Unserializable', text: v.toString() };
  }
  if (v === null) return null;
  const o = v as object;
  if (seen.has(o)) return { type: 'Unserializable', text: '[Circular]' };
  seen.add(o);
  try {
    return encodeObject(o, seen);
  } finally {
    seen.delete(o);
  }
}

function encodeObject(o: object, seen: Set<object>): unknown {
  const typed = typedArrayName(o);
  if (typed !== undefined) {
    const values = Array.from(o as ArrayLike<number | bigint>, (x) =>
      typeof x === 'bigint' ? x.toString() : encodeNumber(x, true),
    );
    return { type: typed, values };
  }
  // Holes of sparse arrays are encoded as undefined.
  if (Array.isArray(o)) return Array.from(o, (x) => encodeValue(x, seen));
  if (o instanceof Date) {
    return { type: 'Date', value: Number.isNaN(o.getTime()) ? 'Invalid Date' : o.toISOString() };
  }
  if (o instanceof Map) {
    return { type: 'Map', entries: [...o].map(([k, x]) => [encodeValue(k, seen), encodeValue(x, seen)]) };
  }
  if (o instanceof Set) return { type: 'Set', values: [...o].map((x) => encodeValue(x, seen)) };
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(o)) setOwn(out, k, encodeValue(x, seen));
  return Object.hasOwn(o, 'type') ? { type: 'Object', value: out } : out;
}

/**
 * Decodes what `encodeValue` wrote. Input must come from `JSON.parse` (plain data).
 * @example decodeValue({ type: 'Float32Array', values: [1, '-Infinity'] }) // Float32Array [1, -Infinity]
 */
export function decodeValue(v: unknown): unknown {
  if (typeof v === 'string') return decodeNumber(v) ?? v;
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) return v.map(decodeValue);
  const o = v as Record<string, unknown>;
  if (!Object.hasOwn(o, 'type')) return decodeObject(o);
  const type = o['type'] as string;
  if (Object.hasOwn(TYPED_ARRAYS, type)) {
    const values = o['values'] as unknown[];
    if (type === 'BigInt64Array' || type === 'BigUint64Array') {
      return new TYPED_ARRAYS[type](values.map((x) => BigInt(x as string)));
    }
    const ctor = TYPED_ARRAYS[type as Exclude<TypedArrayName, 'BigInt64Array' | 'BigUint64Array'>];
    return new ctor(values.map((x) => decodeNumber(x) ?? Number.NaN));
  }
  switch (type) {
    case 'undefined':
      return undefined;
    case 'BigInt':
      return BigInt(o['value'] as string);
    case 'String':
      return o['value'];
    case 'Date':
      return new Date(o['value'] === 'Invalid Date' ? Number.NaN : (o['value'] as string));
    case 'Map':
      return new Map((o['entries'] as unknown[][]).map(([k, x]) => [decodeValue(k), decodeValue(x)]));
    case 'Set':
      return new Set((o['values'] as unknown[]).map(decodeValue));
    case 'Object':
      return decodeObject(o['value'] as Record<string, unknown>);
    default:
      return o['text'];
  }
}

function decodeObject(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(o)) setOwn(out, k, decodeValue(x));
  return out;
}
