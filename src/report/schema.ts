/**
 * The JSON Schema (draft 2020-12) of report.json, version `REPORT_SCHEMA_VERSION`. `parseReport`
 * validates against it (src/report/validate.ts interprets the subset of JSON Schema used here), the
 * tests validate every rendered report against it with ajv, and `src/report/report.schema.json` is a
 * generated copy kept in sync by a test. Object keys are listed in the order report.json writes them.
 */
import { CHECK_SCHEMA, checkSchemaFor, ENTRY_SCHEMA, MATRIX_SCHEMA, VERDICTS } from './schema-check.js';
import { TAGGED_VALUE_SCHEMA, VALUE_NUMBER_SCHEMA, VALUE_SCHEMA } from './schema-value.js';
import { REPORT_SCHEMA_VERSION } from './types.js';

const ref = (name: string) => ({ $ref: `#/$defs/${name}` });
const int = { type: 'integer', minimum: 0 };
const nullable = (schema: object) => ({ anyOf: [schema, { type: 'null' }] });
const when = (property: string, value: string, then: object) => ({
  if: { properties: { [property]: { const: value } }, required: [property] },
  then,
});

const RESULT_SCHEMA = {
  type: 'object',
  description: 'One checked property (a PropertyResult). Absent values are null.',
  properties: {
    name: { type: 'string', description: 'Stable name (never contains the seed).' },
    source: nullable({ type: 'string', description: 'Spec file that defined the property, or "builtin".' }),
    status: { enum: ['passed', 'failed', 'error'] },
    ok: { type: 'boolean' },
    verdict: { enum: [...VERDICTS, 'error'] },
    kind: ref('kind'),
    mode: ref('mode'),
    dtype: { enum: ['float64', 'float32', 'mixed'] },
    oracle: ref('oracle'),
    seed: { type: 'integer', description: 'fast-check seed: with path, replays the counterexample.' },
    path: nullable({ type: 'string', description: 'fast-check shrink path, e.g. "3:1:0".' }),
    numRuns: { ...int, description: 'Runs executed (not counting discarded ones).' },
    numSkips: { ...int, description: 'Runs discarded (oracle undecided or precondition failed).' },
    numShrinks: int,
    durationMs: ref('number'),
    counterexample: {
      ...ref('value'),
      description: 'The shrunk counterexample, encoded (see $defs/value); null when there is none.',
    },
    counterexampleText: nullable({ type: 'string', description: 'fast-check rendering of it.' }),
    error: nullable(ref('error')),
    check: nullable(ref('check')),
  },
  required: [
    'name',
    'source',
    'status',
    'ok',
    'verdict',
    'kind',
    'mode',
    'dtype',
    'oracle',
    'seed',
    'path',
    'numRuns',
    'numSkips',
    'numShrinks',
    'durationMs',
    'counterexample',
    'counterexampleText',
    'error',
    'check',
  ],
  additionalProperties: false,
  allOf: [
    when('status', 'passed', { properties: { ok: { const: true }, verdict: { const: 'pass' } } }),
    when('status', 'failed', {
      properties: { ok: { const: false }, verdict: { not: { enum: ['pass', 'error'] } } },
    }),
    when('status', 'error', { properties: { ok: { const: false }, verdict: { const: 'error' } } }),
  ],
} as const;

const ERROR_SCHEMA = {
  type: 'object',
  properties: {
    message: { type: 'string' },
    code: nullable({ type: 'string', description: 'GradcheckError code, e.g. GC_FUNCTION_THREW.' }),
    stack: nullable({ type: 'string' }),
  },
  required: ['message', 'code', 'stack'],
  additionalProperties: false,
} as const;

/** The JSON Schema of report.json. */
export const REPORT_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `urn:gradcheck:report:${REPORT_SCHEMA_VERSION}`,
  title: 'gradcheck report',
  description:
    'One run of gradcheck: every checked property with its verdict, seed, shrink path, counterexample ' +
    'and worst entries. Numbers that JSON cannot hold are written as the strings "NaN", "Infinity", ' +
    '"-Infinity" wherever $defs/number is used; counterexamples use the encoding of $defs/value.',
  type: 'object',
  properties: {
    schemaVersion: { const: REPORT_SCHEMA_VERSION },
    tool: {
      type: 'object',
      properties: { name: { type: 'string' }, version: { type: 'string' } },
      required: ['name', 'version'],
      additionalProperties: false,
    },
    createdAt: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T', description: 'ISO 8601 start time.' },
    durationMs: { ...ref('number'), description: 'Wall-clock time of the run in ms.' },
    command: { type: 'array', items: { type: 'string' }, description: 'argv after the executable.' },
    seed: { type: 'integer', description: 'Run-wide seed, when one was given.' },
    shard: {
      type: 'object',
      description: 'Shard index (1-based) of count.',
      properties: { index: { type: 'integer', minimum: 1 }, count: { type: 'integer', minimum: 1 } },
      required: ['index', 'count'],
      additionalProperties: false,
    },
    summary: {
      type: 'object',
      description: 'total = passed + failed + errors + skipped.',
      properties: { total: int, passed: int, failed: int, errors: int, skipped: int },
      required: ['total', 'passed', 'failed', 'errors'],
      additionalProperties: false,
    },
    results: { type: 'array', items: ref('result') },
  },
  required: ['schemaVersion', 'tool', 'createdAt', 'durationMs', 'summary', 'results'],
  additionalProperties: false,
  $defs: {
    number: {
      description: 'A number; NaN and ±Infinity are written as strings.',
      anyOf: [{ type: 'number' }, { enum: ['NaN', 'Infinity', '-Infinity'] }],
    },
    kind: { enum: ['jacobian', 'vjp', 'jvp', 'gradient', 'backprop', 'invariant'] },
    mode: { enum: ['full', 'fast'] },
    oracle: { enum: ['finite-difference', 'symbolic', 'high-precision', 'exact'] },
    result: RESULT_SCHEMA,
    error: ERROR_SCHEMA,
    check: CHECK_SCHEMA,
    ...Object.fromEntries(VERDICTS.map((v) => [`check-${v}`, checkSchemaFor(v)])),
    entry: ENTRY_SCHEMA,
    matrix: MATRIX_SCHEMA,
    value: VALUE_SCHEMA,
    taggedValue: TAGGED_VALUE_SCHEMA,
    valueNumber: VALUE_NUMBER_SCHEMA,
  },
} as const;

export { REPORT_SCHEMA_VERSION } from './types.js';
