/**
 * The report API as the tests use it: the same functions `gradcheck` exports (readme.test.ts
 * checks that), imported from src/report directly so that each test file does not load the whole
 * library (kernels, mathjs) just to render a report.
 */
export { GradcheckError, isGradcheckError } from '../../src/errors.js';
export { buildReport } from '../../src/report/build.js';
export { renderHtml } from '../../src/report/html.js';
export { renderJson } from '../../src/report/json.js';
export { renderJunit } from '../../src/report/junit.js';
export { entriesMarkdown, renderMarkdown } from '../../src/report/markdown.js';
export { mergeReports } from '../../src/report/merge.js';
export { parseReport } from '../../src/report/parse.js';
export { replayCommand, shellQuote } from '../../src/report/replay.js';
export { REPORT_SCHEMA, REPORT_SCHEMA_VERSION } from '../../src/report/schema.js';
export { entriesText } from '../../src/report/text-table.js';
export { decodeValue, encodeValue } from '../../src/report/value.js';
