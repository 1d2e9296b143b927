/** ajv (draft 2020-12) compiled once for the report tests: the reference validator of report.json. */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { REPORT_SCHEMA } from './api.js';

/** ajv's validator of REPORT_SCHEMA (strict mode: unknown keywords in the schema would throw). */
export const ajvValidate = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true }).compile(
  REPORT_SCHEMA,
);

/** ajv's verdict on parsed report JSON, with its errors as text when invalid. */
export function ajvErrors(data: unknown): string | undefined {
  return ajvValidate(data) ? undefined : JSON.stringify(ajvValidate.errors?.slice(0, 3));
}
