/**
 * JSON Schema of an encoded value (the counterexample), following the rules of `value.ts`: plain
 * JSON, number tokens, and objects tagged by `type`.
 */
import { VALUE_TAGS } from './value.js';

const ref = (name: string) => ({ $ref: `#/$defs/${name}` });
const tagged = (type: string, properties: Record<string, object>) => ({
  if: { properties: { type: { const: type } } },
  // biome-ignore lint/suspicious/noThenProperty: `then` is the JSON Schema keyword.
  then: {
    properties: { type: { const: type }, ...properties },
    required: ['type', ...Object.keys(properties)],
    additionalProperties: false,
  },
});

const FLOAT_ARRAYS = VALUE_TAGS.filter((t) => t.endsWith('Array') && !t.startsWith('Big'));
const values = (items: object) => ({ values: { type: 'array', items } });

/** A number inside a value: a JSON number or one of the tokens (−0 kept). */
export const VALUE_NUMBER_SCHEMA = {
  anyOf: [{ type: 'number' }, { enum: ['NaN', 'Infinity', '-Infinity', '-0'] }],
} as const;

/** Any encoded value. */
export const VALUE_SCHEMA = {
  description:
    'An encoded value: JSON data where the strings "NaN", "Infinity", "-Infinity", "-0" stand for ' +
    'those numbers and every object with a "type" key is a tag: typed arrays {type, values}, ' +
    '{type:"undefined"}, {type:"BigInt",value}, {type:"String",value} (a string equal to a number ' +
    'token), {type:"Date",value}, {type:"Map",entries}, {type:"Set",values}, {type:"Object",value} ' +
    '(a plain object having its own "type" key), {type:"Unserializable",text}.',
  anyOf: [
    { type: ['number', 'string', 'boolean', 'null'] },
    { type: 'array', items: ref('value') },
    { type: 'object', properties: { type: false }, additionalProperties: ref('value') },
    ref('taggedValue'),
  ],
} as const;

/** An object tagged by `type` inside an encoded value. */
export const TAGGED_VALUE_SCHEMA = {
  type: 'object',
  properties: { type: { enum: VALUE_TAGS } },
  required: ['type'],
  allOf: [
    ...FLOAT_ARRAYS.map((t) => tagged(t, values(ref('valueNumber')))),
    tagged('BigInt64Array', values({ type: 'string', pattern: '^-?[0-9]+$' })),
    tagged('BigUint64Array', values({ type: 'string', pattern: '^[0-9]+$' })),
    tagged('undefined', {}),
    tagged('BigInt', { value: { type: 'string', pattern: '^-?[0-9]+$' } }),
    tagged('String', { value: { type: 'string' } }),
    tagged('Date', { value: { type: 'string' } }),
    tagged('Map', {
      entries: { type: 'array', items: { type: 'array', items: ref('value'), minItems: 2, maxItems: 2 } },
    }),
    tagged('Set', values(ref('value'))),
    tagged('Object', { value: { type: 'object', additionalProperties: ref('value') } }),
    tagged('Unserializable', { text: { type: 'string' } }),
  ],
} as const;
