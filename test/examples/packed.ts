/**
 * Builds gradcheck, packs it with `npm pack` (as a release would) and unpacks the tarball into
 * `examples/consumer/node_modules/gradcheck`, so that the consumer project imports the packed package
 * while its other dependencies (vitest, typescript, fast-check, mathjs…) resolve offline from the
 * repository's node_modules. Also: a subprocess runner with a clean environment.
 */
import { spawn } from 'node:child_process';
import { access, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const CONSUMER = join(REPO, 'examples', 'consumer');
export const INSTALLED = join(CONSUMER, 'node_modules', 'gradcheck');

export interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Environment without vitest's own markers, so that a nested vitest behaves as a top-level one. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^(VITEST|TEST$|NODE_ENV$|NODE_OPTIONS$|FORCE_COLOR$)/.test(k)) env[k] = v;
  }
  return { ...env, NO_COLOR: '1', CI: 'true' };
}

/** Runs `command args…` in `cwd` and collects its output (never throws on a non-zero exit). */
export function run(command: string, args: readonly string[], cwd: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** A binary of the repository's node_modules, run with the current node. */
export function runBin(bin: 'tsc' | 'vitest', args: readonly string[], cwd: string): Promise<Outcome> {
  const entry = bin === 'tsc' ? 'node_modules/typescript/bin/tsc' : 'node_modules/vitest/vitest.mjs';
  return run(process.execPath, [join(REPO, entry), ...args], cwd);
}

/**
 * `npm run build` (tsc emits even when someone's work in progress has type errors, so only missing
 * output fails here), `npm pack --ignore-scripts`, and a fresh unpack into the consumer.
 */
export async function packIntoConsumer(): Promise<void> {
  const build = await runBin('tsc', ['-p', 'tsconfig.build.json'], REPO);
  for (const file of ['dist/src/cli/main.js', 'dist/src/vitest/setup.js', 'dist/properties/index.js']) {
    await access(join(REPO, file)).catch(() => {
      throw new Error(`npm run build did not produce ${file}:\n${build.stdout}${build.stderr}`);
    });
  }
  const scratch = await mkdtemp(join(tmpdir(), 'gradcheck-pack-'));
  try {
    const pack = await run(
      'npm',
      ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch],
      REPO,
    );
    if (pack.code !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
    const [{ filename }] = JSON.parse(pack.stdout) as [{ filename: string }];
    await rm(INSTALLED, { recursive: true, force: true });
    await mkdir(INSTALLED, { recursive: true });
    const untar = await run(
      'tar',
      ['-xzf', join(scratch, filename), '-C', INSTALLED, '--strip-components=1'],
      REPO,
    );
    if (untar.code !== 0) throw new Error(`tar failed:\n${untar.stderr}`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
