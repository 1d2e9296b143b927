import * as gradcheck from 'gradcheck';
import { expect, test } from 'vitest';
import * as api from './api.js';

test('gradcheck exports the report API the tests exercise', () => {
  const exported = new Map<string, unknown>(Object.entries(gradcheck));
  for (const [name, value] of Object.entries(api)) expect(exported.get(name), name).toBe(value);
  expect(gradcheck.REPORT_SCHEMA_VERSION).toBe(1);
});
