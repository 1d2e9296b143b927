/**
 * JSON Schema fragments for the checker's result inside report.json (`CheckResult`, its `Entry` rows
 * and `MatrixView`). Assembled into `REPORT_SCHEMA` by `schema.ts`.
 */

const ref = (name: string) => ({ $ref: `#/$defs/${name}` });
const int = { type: 'integer', minimum: 0 };
const str = { type: 'string' };
const num = ref('number');
const numArray = { type: 'array', items: num };
const intArray = { type: 'array', items: { type: 'integer', minimum: 0 } };
const source = (values: string[]) => ({ enum: values });

/** One compared value (`Entry`), worst first. */
export const ENTRY_SCHEMA = {
  type: 'object',
  description: 'One compared value. absDiff = |analytic − oracle|; margin = allowed − absDiff (< 0: fails).',
  properties: {
    index: { ...intArray, description: '[output, input] for a Jacobian entry, [k] otherwise.' },
    label: { ...str, description: 'Human-readable position, e.g. J[2,3] or grad[17].' },
    analytic: num,
    oracle: num,
    absDiff: num,
    allowed: { ...num, description: 'κ·(oracle error estimate + rounding bound).' },
    margin: num,
    oracleError: num,
  },
  required: ['index', 'label', 'analytic', 'oracle', 'absDiff', 'allowed', 'margin', 'oracleError'],
  additionalProperties: false,
} as const;

/** A dense block of the Jacobian (row-major), drawn as a heatmap. */
export const MATRIX_SCHEMA = {
  type: 'object',
  properties: {
    rows: int,
    cols: int,
    analytic: numArray,
    oracle: numArray,
    allowed: numArray,
    rowIndex: { anyOf: [intArray, { type: 'null' }], description: 'Original row indices; null: 0..rows-1.' },
    colIndex: {
      anyOf: [intArray, { type: 'null' }],
      description: 'Original column indices; null: 0..cols-1.',
    },
  },
  required: ['rows', 'cols', 'analytic', 'oracle', 'allowed', 'rowIndex', 'colIndex'],
  additionalProperties: false,
} as const;

const callables = source(['function', 'derivative']);

const HEAD = {
  kind: ref('kind'),
  mode: ref('mode'),
  dtype: { enum: ['float64', 'float32'] },
  oracle: ref('oracle'),
  seed: { type: 'integer' },
  inputSize: int,
  outputSize: int,
  compared: int,
  message: { ...str, description: 'One paragraph: what was found, where, and how to replay it.' },
};

const TAIL = {
  entries: { type: 'array', items: ref('entry'), description: 'Compared values, worst first.' },
  evaluations: {
    type: 'object',
    description: 'Calls of f and of the claimed derivative made by the check.',
    properties: { function: int, derivative: int },
    required: ['function', 'derivative'],
    additionalProperties: false,
  },
  durationMs: num,
};

/** The fields of each verdict between the common head and tail, in the order report.json writes them. */
const VERDICT_PROPERTIES: Readonly<Record<string, Record<string, object>>> = {
  pass: {},
  mismatch: {
    located: { type: 'array', items: intArray, description: 'Positions shown to be wrong.' },
    matrix: { anyOf: [ref('matrix'), { type: 'null' }], description: 'The Jacobian block, if kept.' },
  },
  'non-finite': {
    source: source(['function', 'derivative', 'oracle']),
    index: { ...intArray, description: 'Position of the first non-finite value in that output.' },
    value: { ...num, description: 'The NaN or ±Infinity found.' },
  },
  'oracle-unreliable': {
    reason: source(['kink', 'discontinuity', 'noise', 'step']),
    coordinates: { ...intArray, description: 'Inputs (or probes) where the oracle cannot be trusted.' },
  },
  nondeterministic: { source: callables },
  'argument-mutated': {
    source: callables,
    index: { ...int, description: 'First changed position of x.' },
    before: num,
    after: num,
  },
};

/** The verdicts, in schema order. */
export const VERDICTS: readonly string[] = Object.keys(VERDICT_PROPERTIES);

/** The strict schema of a check result with the given verdict, e.g. `check-mismatch` in `$defs`. */
export function checkSchemaFor(verdict: string): object {
  const properties = {
    verdict: { const: verdict },
    ok: { const: verdict === 'pass' },
    ...HEAD,
    ...VERDICT_PROPERTIES[verdict],
    ...TAIL,
  };
  return { type: 'object', properties, required: Object.keys(properties), additionalProperties: false };
}

/**
 * The checker's result on the shrunk counterexample (`CheckResult`, a union tagged by `verdict`):
 * `verdict` picks one of the strict per-verdict schemas `check-<verdict>`.
 */
export const CHECK_SCHEMA = {
  type: 'object',
  description: 'CheckResult, tagged by verdict; the fields of each verdict are in $defs/check-<verdict>.',
  properties: { verdict: { enum: VERDICTS } },
  required: ['verdict'],
  allOf: VERDICTS.map((verdict) => ({
    if: { properties: { verdict: { const: verdict } }, required: ['verdict'] },
    // biome-ignore lint/suspicious/noThenProperty: `then` is the JSON Schema keyword.
    then: ref(`check-${verdict}`),
  })),
} as const;
