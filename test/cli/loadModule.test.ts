/**
 * The CLI's real module loader (tsx, no build step) on TypeScript specs in a CommonJS package — a
 * package.json without `"type": "module"`, the default of many TypeScript projects — where Node loads
 * a `.ts` file through `require` and `import()` shows `module.exports` as `default` only. Regression:
 * such a spec failed with Node's "Cannot require() ES Module … in a cycle" (tsx's ESM hook alone).
 * The spec objects here carry the GradSpec brand by hand, so that the temporary package needs no
 * installed gradcheck.
 */
import { execFileSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, expect, test } from 'vitest';
import { tempProject } from './harness.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const source = (p: string) => pathToFileURL(join(REPO, 'src/cli', p)).href;

/**
 * Runs `loadSpecFile(file, root, loadModule)` in a plain Node process (inside vitest, `import()` goes
 * through Vite, which would load the file whatever the loader does). `--import tsx/esm` only makes the
 * sources importable and registers no CommonJS hook, so the loader's own registration is what is
 * tested. Returns the specs' [source, name] pairs as JSON, or `error <code> <message>`.
 */
function loadInNode(root: string, file: string): string {
  const script = [
    `const { loadModule } = await import(${JSON.stringify(source('io.ts'))});`,
    `const { loadSpecFile } = await import(${JSON.stringify(source('loadSpecs.ts'))});`,
    'try {',
    `  const found = await loadSpecFile(${JSON.stringify(join(root, file))}, ${JSON.stringify(root)}, loadModule);`,
    '  console.log(JSON.stringify(found.map((s) => [s.source, s.name])));',
    '} catch (e) {',
    "  console.log('error', e.code, e.message);",
    '}',
  ].join('\n');
  return execFileSync(process.execPath, ['--import', 'tsx/esm', '--input-type=module', '-e', script], {
    cwd: REPO,
    encoding: 'utf8',
  }).trim();
}

const spec = (name: string) =>
  `{ [Symbol.for('gradcheck.GradSpec')]: 1 as const, name: '${name}', run: async () => undefined }`;

let root = '';
afterAll(async () => {
  if (root !== '') await rm(root, { recursive: true, force: true });
});

test('a .ts spec in a CommonJS package loads, its module.exports entries count as exports', async () => {
  root = await tempProject({
    'package.json': '{ "name": "cjs-project", "type": "commonjs" }\n',
    'specs/softmax.spec.ts': `const n: number = 1;\nexport const first = ${spec('first')};\nexport const many = [${spec('second')}];\nexport const other = n;\n`,
    'specs/none.spec.ts': 'export const x: number = 1;\n',
  });
  expect(loadInNode(root, 'specs/softmax.spec.ts')).toBe(
    JSON.stringify([
      ['specs/softmax.spec.ts', 'first'],
      ['specs/softmax.spec.ts', 'second'],
    ]),
  );
  expect(loadInNode(root, 'specs/none.spec.ts')).toBe(
    'error GC_SPEC_LOAD gradcheck: specs/none.spec.ts must export specs made with defineCheck or defineProperty (its exports: x)',
  );
}, 60_000);
