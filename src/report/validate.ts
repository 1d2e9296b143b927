/**
 * A small interpreter for the subset of JSON Schema that `REPORT_SCHEMA` uses (type, const, enum,
 * minimum, pattern, minItems, maxItems, properties, required, additionalProperties, items, $ref to
 * `#/$defs/*`, anyOf, allOf, if/then, not, boolean schemas), so that `parseReport` needs no validator dependency and
 * the schema stays the single description of the format. The tests check that it agrees with ajv.
 * It reports the first error found (for anyOf: the deepest one among the branches, the usual
 * heuristic for "which branch was meant").
 */

type Schema = { readonly [keyword: string]: unknown };

/** Where a value broke the schema, e.g. `{ path: 'report.results[2].seed', message: 'must be an integer (given "x")' }`. */
export interface SchemaError {
  readonly path: string;
  readonly message: string;
}

/**
 * Validates `value` against `schema` (a root schema whose `$defs` resolve `$ref`s).
 * @returns the first error found, or undefined when `value` is valid.
 * @example validateSchema({ type: 'integer' }, 1.5, 'x') // { path: 'x', message: 'must be an integer (given 1.5)' }
 */
export function validateSchema(schema: object, value: unknown, rootName = 'value'): SchemaError | undefined {
  return check(schema as Schema, value, rootName, schema as Schema);
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object' && v !== null) return 'an object';
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function hasType(v: unknown, type: string): boolean {
  if (type === 'integer') return Number.isInteger(v);
  return typeOf(v) === type;
}

const article = (t: string) => (t === 'integer' || t === 'array' || t === 'object' ? `an ${t}` : `a ${t}`);

function child(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function fail(path: string, message: string): SchemaError {
  return { path, message };
}

function check(s: Schema | boolean, v: unknown, path: string, root: Schema): SchemaError | undefined {
  if (s === true) return undefined;
  if (s === false) return fail(path, `must not be present (given ${describe(v)})`);
  if (typeof s['$ref'] === 'string') {
    const name = s['$ref'].replace('#/$defs/', '');
    const target = (root['$defs'] as Record<string, Schema>)[name]!;
    const e = check(target, v, path, root);
    if (e) return e;
  }
  if (s['type'] !== undefined) {
    const types = (Array.isArray(s['type']) ? s['type'] : [s['type']]) as string[];
    if (!types.some((t) => hasType(v, t))) {
      return fail(path, `must be ${types.map(article).join(' or ')} (given ${describe(v)})`);
    }
  }
  if ('const' in s && v !== s['const'])
    return fail(path, `must be ${JSON.stringify(s['const'])} (given ${describe(v)})`);
  if (Array.isArray(s['enum']) && !s['enum'].includes(v)) {
    return fail(
      path,
      `must be one of ${s['enum'].map((x) => JSON.stringify(x)).join(', ')} (given ${describe(v)})`,
    );
  }
  return (
    checkNumber(s, v, path) ??
    checkArray(s, v, path, root) ??
    checkObject(s, v, path, root) ??
    checkLogic(s, v, path, root)
  );
}

function checkNumber(s: Schema, v: unknown, path: string): SchemaError | undefined {
  if (typeof v === 'number' && typeof s['minimum'] === 'number' && !(v >= s['minimum'])) {
    return fail(path, `must be ≥ ${s['minimum']} (given ${v})`);
  }
  if (typeof v === 'string' && typeof s['pattern'] === 'string' && !new RegExp(s['pattern'], 'u').test(v)) {
    return fail(path, `must match /${s['pattern']}/ (given ${describe(v)})`);
  }
  return undefined;
}

function checkArray(s: Schema, v: unknown, path: string, root: Schema): SchemaError | undefined {
  if (!Array.isArray(v)) return undefined;
  if (typeof s['minItems'] === 'number' && v.length < s['minItems']) {
    return fail(path, `must hold at least ${s['minItems']} items (given ${v.length})`);
  }
  if (typeof s['maxItems'] === 'number' && v.length > s['maxItems']) {
    return fail(path, `must hold at most ${s['maxItems']} items (given ${v.length})`);
  }
  if (s['items'] === undefined) return undefined;
  for (let i = 0; i < v.length; i++) {
    const e = check(s['items'] as Schema, v[i], `${path}[${i}]`, root);
    if (e) return e;
  }
  return undefined;
}

function checkObject(s: Schema, v: unknown, path: string, root: Schema): SchemaError | undefined {
  if (typeOf(v) !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  for (const key of (s['required'] ?? []) as string[]) {
    if (!Object.hasOwn(o, key)) return fail(child(path, key), 'must be present (missing)');
  }
  const properties = (s['properties'] ?? {}) as Record<string, Schema>;
  for (const [key, x] of Object.entries(o)) {
    const sub = Object.hasOwn(properties, key) ? properties[key] : undefined;
    if (sub !== undefined) {
      const e = check(sub, x, child(path, key), root);
      if (e) return e;
    } else if (s['additionalProperties'] === false) {
      return fail(path, `must not have the property ${JSON.stringify(key)}`);
    } else if (typeof s['additionalProperties'] === 'object') {
      const e = check(s['additionalProperties'] as Schema, x, child(path, key), root);
      if (e) return e;
    }
  }
  return undefined;
}

function checkLogic(s: Schema, v: unknown, path: string, root: Schema): SchemaError | undefined {
  if (Array.isArray(s['anyOf'])) {
    let deepest: SchemaError | undefined;
    for (const branch of s['anyOf'] as Schema[]) {
      const e = check(branch, v, path, root);
      if (e === undefined) {
        deepest = undefined;
        break;
      }
      if (deepest === undefined || e.path.length > deepest.path.length) deepest = e;
    }
    if (deepest !== undefined) return deepest;
  }
  for (const branch of (s['allOf'] ?? []) as Schema[]) {
    const e = check(branch, v, path, root);
    if (e) return e;
  }
  if (s['if'] !== undefined && s['then'] !== undefined && !check(s['if'] as Schema, v, path, root)) {
    const e = check(s['then'] as Schema, v, path, root);
    if (e) return e;
  }
  if (s['not'] !== undefined && !check(s['not'] as Schema, v, path, root)) {
    const not = s['not'] as Schema;
    if (Array.isArray(not['enum'])) {
      return fail(
        path,
        `must not be one of ${not['enum'].map((x) => JSON.stringify(x)).join(', ')} (given ${describe(v)})`,
      );
    }
    if (Array.isArray(not['required']))
      return fail(path, `must not have the property ${JSON.stringify(not['required'][0])}`);
    return fail(path, 'must not match the schema given in "not"');
  }
  return undefined;
}
