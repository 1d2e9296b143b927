import { access, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CONSUMER, INSTALLED, type Outcome, packIntoConsumer, run, runBin } from './packed.js';

let out = '';
beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'gradcheck-consumer-'));
  await packIntoConsumer();
}, 120_000);
afterAll(() => rm(out, { recursive: true, force: true }));

const gradcheck = (args: readonly string[]) =>
  run(process.execPath, [join(INSTALLED, 'bin/gradcheck.js'), ...args], CONSUMER);
const explain = (o: Outcome) => `exit ${o.code}\n${o.stdout}\n${o.stderr}`;

test('the packed package holds the CLI, the matchers, their setup file and the built-in gate', async () => {
  const pkg = JSON.parse(await readFile(join(INSTALLED, 'package.json'), 'utf8')) as {
    exports: Record<string, unknown>;
    bin: Record<string, string>;
  };
  expect(Object.keys(pkg.exports)).toEqual(['.', './vitest', './vitest/setup', './package.json']);
  expect(pkg.bin).toEqual({ gradcheck: './bin/gradcheck.js' });
  for (const file of [
    'bin/gradcheck.js',
    'dist/src/vitest.d.ts',
    'dist/src/vitest/setup.js',
    'dist/properties/index.js',
  ]) {
    await expect(access(join(INSTALLED, file))).resolves.toBeUndefined();
  }
  const version = await gradcheck(['--version']);
  expect(version.stdout.trim()).toBe(
    (JSON.parse(await readFile(join(INSTALLED, 'package.json'), 'utf8')) as { version: string }).version,
  );
});

test('the consumer type-checks against the packed declarations, matchers included', async () => {
  const tsc = await runBin('tsc', ['-p', 'tsconfig.json'], CONSUMER);
  expect(tsc.code, explain(tsc)).toBe(0);
});

test("the consumer's vitest suite passes with the packed matchers and spec helpers", async () => {
  const vitest = await runBin('vitest', ['run'], CONSUMER);
  expect(vitest.code, explain(vitest)).toBe(0);
  expect(vitest.stdout).toMatch(/Tests\s+\d+ passed/);
});

test('its broken variant fails, showing the worst entries and the replay seed', async () => {
  const vitest = await runBin('vitest', ['run', '--config', 'vitest.broken.config.ts'], CONSUMER);
  const text = vitest.stdout + vitest.stderr;
  expect(vitest.code, explain(vitest)).toBe(1);
  expect(text).toMatch(/toMatchVjp: the derivative does not match \(mismatch; vjp check/);
  expect(text).toMatch(/property "consumer softmax vjp \(diagonal only\)" failed: mismatch/);
  expect(text).toMatch(/entry\s+analytic\s+oracle\s+\|Δ\|\s+allowed\s+margin/);
  expect(text).toMatch(/replay: runProperty\(spec, \{ seed: -?\d+, path: "[\d:]+" \}\)/);
});

test('npx gradcheck check gates the spec: exit 0 on the kernel, 1 on the broken one with an HTML report', async () => {
  const ok = await gradcheck(['check', 'specs', '--out', join(out, 'ok'), '--runs', '30']);
  expect(ok.code, explain(ok)).toBe(0);
  expect(ok.stdout).toMatch(/PASS\s+consumer softmax jvp \(plain JS\)/);
  expect(ok.stdout).toMatch(/3 checks: 3 passed, 0 failed, 0 errors/);
  const broken = await gradcheck(['check', 'broken/softmax.broken.spec.ts', '--out', join(out, 'broken')]);
  expect(broken.code, explain(broken)).toBe(1);
  expect(broken.stdout).toMatch(
    /replay: npx gradcheck check broken\/softmax.broken.spec.ts --seed -?\d+ --path [\d:]+ --grep/,
  );
  const html = await readFile(join(out, 'broken', 'report.html'), 'utf8');
  expect(html).toContain('consumer softmax vjp (diagonal only)');
});

test('usage and input errors exit 2 from the packed binary, a TypeScript syntax error with its location', async () => {
  const unknown = await gradcheck(['--frobnicate']);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toMatch(/unknown option --frobnicate/);
  const missing = await gradcheck(['check', 'specs/nothing.spec.ts']);
  expect(missing.code).toBe(2);
  const scratch = join(CONSUMER, '.scratch');
  try {
    await mkdir(scratch, { recursive: true });
    await writeFile(join(scratch, 'syntax.spec.ts'), 'export const broken = (x: number => x;\n');
    const syntax = await gradcheck(['check', '.scratch/syntax.spec.ts']);
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toMatch(/\.scratch\/syntax\.spec\.ts must load \([\s\S]*syntax\.spec\.ts:1:\d+/);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
});

test('the built-in gate runs from the packed package', async () => {
  const gate = await gradcheck(['--runs', '3', '--out', join(out, 'gate'), '--quiet']);
  expect(gate.code, explain(gate)).toBe(0);
  expect(gate.stdout).toMatch(/(\d+) checks: \1 passed, 0 failed, 0 errors/);
});
