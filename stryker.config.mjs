// @ts-check
/**
 * Mutation testing of the reference kernels (src/kernels) with the built-in gate as the test suite:
 * `npm run mutation` (= `stryker run`). Stryker copies the project to .stryker-tmp, mutates each
 * kernel file, and runs the property gate, the buggy-fixture suite and the regression replays
 * (vitest.stryker.config.ts) against every mutant; per-test coverage runs only the properties that
 * reach a mutant, and the run stops at its first failing property. Incremental mode keeps the results
 * in reports/mutation/incremental.json, so a second run re-tests only mutants whose code or tests
 * changed. Reports: reports/mutation/index.html and mutation.json.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts' },
  mutate: ['src/kernels/**/*.ts'],
  coverageAnalysis: 'perTest',
  // Module-level initialisers (the exp table, scale tables) run once per process: mutating them
  // would force a full re-run of the suite per mutant for code that is checked on load anyway.
  ignoreStatic: true,
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/mutation/incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowEmojis: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 90, low: 80, break: null },
  // A mutant that turns a loop infinite is killed by its timeout: 2× the tests' own time plus 10 s.
  timeoutFactor: 2,
  timeoutMS: 10_000,
  tempDirName: '.stryker-tmp',
  // The sandbox needs the sources, the gate and its fixtures only (reports/latest is a symlink to a
  // directory, which the sandbox copy cannot handle).
  ignorePatterns: [
    '/reports',
    '/dist',
    '/examples',
    '/test',
    '/bench',
    '/bin',
    '/.tmp-checks',
    '/coverage',
    '/.stryker-tmp*',
    '/.mut',
  ],
  // Stryker rewrites tsconfig.json in the sandbox through the TypeScript JS API, which the native
  // TypeScript 7 compiler does not ship (ts.parseConfigFileTextToJson is missing). Nothing here needs
  // the rewrite (vitest resolves 'gradcheck' through its own alias), so point it at no file.
  tsconfigFile: 'tsconfig.stryker-none.json',
};
