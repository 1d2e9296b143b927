import { expect, test } from 'vitest';
import { ALL_REPORTERS } from '../../src/cli/options.js';
import { parseArgs } from '../../src/cli/parseArgs.js';
import { isGradcheckError } from '../../src/errors.js';

function usageError(argv: string[]): string {
  try {
    parseArgs(argv);
  } catch (e) {
    expect(isGradcheckError(e, 'GC_USAGE')).toBe(true);
    return (e as Error).message;
  }
  throw new Error(`parseArgs(${JSON.stringify(argv)}) did not throw`);
}

test('no arguments run the built-in gate with every reporter', () => {
  expect(parseArgs([])).toEqual({ kind: 'gate', options: { quiet: false, reporters: [...ALL_REPORTERS] } });
});

test('help and version win over everything else', () => {
  expect(parseArgs(['check', '--help'])).toEqual({ kind: 'help' });
  expect(parseArgs(['-h'])).toEqual({ kind: 'help' });
  expect(parseArgs(['--version'])).toEqual({ kind: 'version' });
  expect(parseArgs(['-v'])).toEqual({ kind: 'version' });
});

test('check collects its operands and every option, in both spellings', () => {
  const command = parseArgs([
    'check',
    'a.spec.ts',
    '--seed=42',
    'specs/*.ts',
    '--runs',
    '50',
    '--mode',
    'fast',
    '--reporter',
    'html,json',
    '--out=out',
    '--shard',
    '2/3',
    '--grep',
    'softmax',
    '--quiet',
  ]);
  expect(command).toEqual({
    kind: 'check',
    patterns: ['a.spec.ts', 'specs/*.ts'],
    options: {
      seed: 42,
      runs: 50,
      mode: 'fast',
      reporters: ['json', 'html'],
      out: 'out',
      shard: { index: 2, count: 3 },
      grep: 'softmax',
      quiet: true,
    },
  });
});

test('repeated --reporter options accumulate in the canonical order', () => {
  const command = parseArgs(['--reporter', 'junit', '--reporter', 'md']);
  expect(command.kind === 'gate' && command.options.reporters).toEqual(['md', 'junit']);
});

test('-- ends the options so that a file may start with a dash', () => {
  const command = parseArgs(['check', '--', '--odd.spec.ts']);
  expect(command.kind === 'check' && command.patterns).toEqual(['--odd.spec.ts']);
});

test('replay takes one report and merge at least one', () => {
  expect(parseArgs(['replay', 'r.json', '--out', 'o'])).toMatchObject({ kind: 'replay', report: 'r.json' });
  expect(parseArgs(['merge', 'a.json', 'b.json'])).toMatchObject({
    kind: 'merge',
    reports: ['a.json', 'b.json'],
  });
  expect(usageError(['replay'])).toMatch(/replay must be given one report.json \(given 0\)/);
  expect(usageError(['replay', 'a.json', 'b.json'])).toMatch(/given 2/);
  expect(usageError(['merge'])).toMatch(/merge must be given at least one/);
  expect(usageError(['check'])).toMatch(/check must be given spec files or globs/);
});

test('mistakes are usage errors naming the option and what it must be', () => {
  expect(usageError(['--colour'])).toBe('gradcheck: unknown option --colour (see gradcheck --help)');
  expect(usageError(['-x'])).toMatch(/unknown option -x/);
  expect(usageError(['frobnicate'])).toMatch(/unknown command "frobnicate"/);
  expect(usageError(['gate'])).toMatch(/unknown command "gate"/);
  expect(usageError(['--seed'])).toMatch(/--seed must be followed by a value/);
  expect(usageError(['--seed', '1.5'])).toMatch(/--seed must be an integer .*\(given "1.5"\)/);
  expect(usageError(['--seed', '99999999999'])).toMatch(/--seed must be an integer/);
  expect(usageError(['--seed', '2147483648'])).toMatch(
    /--seed must be an integer in \[-2147483648, 2147483647\]/,
  );
  expect(usageError(['--runs', '0'])).toMatch(/--runs must be an integer in \[1, /);
  expect(usageError(['--runs', 'many'])).toMatch(/--runs must be an integer/);
  expect(usageError(['--mode', 'slow'])).toMatch(/--mode must be full or fast \(given "slow"\)/);
  expect(usageError(['--reporter', 'json,pdf'])).toMatch(/--reporter must list some of json,md,html,junit/);
  expect(usageError(['--shard', '0/2'])).toMatch(/--shard must be i\/n with 1 <= i <= n \(given "0\/2"\)/);
  expect(usageError(['--shard', '3/2'])).toMatch(/--shard must be i\/n/);
  expect(usageError(['--shard', '1/0'])).toMatch(/--shard must be i\/n/);
  expect(usageError(['--shard', 'half'])).toMatch(/--shard must be i\/n/);
  expect(usageError(['--quiet=yes'])).toMatch(/--quiet takes no value/);
  expect(usageError(['--out='])).toMatch(/--out must not be empty/);
  expect(usageError(['--path', '0:1'])).toMatch(/--path must come with the --seed/);
});

test('options a command does not take are rejected instead of ignored', () => {
  expect(usageError(['merge', 'a.json', '--seed', '1'])).toBe('gradcheck: --seed cannot be used with merge');
  expect(usageError(['merge', 'a.json', '--shard', '1/2'])).toMatch(/--shard cannot be used with merge/);
  expect(usageError(['replay', 'a.json', '--runs', '3'])).toMatch(/--runs cannot be used with replay/);
  expect(parseArgs(['replay', 'a.json', '--grep', 'vjp'])).toMatchObject({ options: { grep: 'vjp' } });
});
