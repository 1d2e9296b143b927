/** The text of `gradcheck --help`. Kept next to the parser so the two are reviewed together. */

/** Usage text printed by `--help` and after a usage error. */
export const USAGE = `Usage: gradcheck [command] [options]

Property-based gradient checks as a CI gate. Exit code 0 when every check holds,
1 when a discrepancy is found, 2 on a usage or input error.

Commands:
  (none)                         run the built-in gate over the reference kernels
  check <files, dirs or globs>   run the specs exported by your spec modules
                                 (.ts/.mts without a build step, or .js/.mjs; a folder
                                 stands for every *.spec.{ts,mts,js,mjs} below it)
  replay <report.json>           re-run the failures of a report from their seeds and paths
  merge <report.json...>         merge shard reports into one report set

Options:
  --seed <int>                   fast-check seed (32-bit) for every property (default: each spec's own)
  --runs <int>                   runs per property (default: each spec's own, usually 200)
  --mode <full|fast>             full Jacobians or random projections (default: each spec's own)
  --reporter <list>              any of json,md,html,junit (default: all four)
  --out <dir>                    write the reports exactly there, replacing it atomically
                                 (default: reports/<run-id>/, with reports/latest -> newest run)
  --shard <i/n>                  run only the i-th of n deterministic slices (1-based)
  --grep <text>                  run only specs whose name contains <text>
  --path <path>                  replay one counterexample (with --seed and a --grep naming one spec)
  --quiet                        print failures and the summary line only
  -h, --help                     show this text
  -v, --version                  print the version

Examples:
  npx gradcheck
  npx gradcheck check 'specs/**/*.spec.ts' --reporter html,md
  npx gradcheck check specs/softmax.spec.ts --seed 42 --runs 1000
  npx gradcheck --shard 2/4 --out reports/shard-2 && npx gradcheck merge reports/shard-*/report.json
  npx gradcheck replay reports/latest/report.json
`;
