/**
 * Child process of bench/kernels.ts: `node --import tsx bench/throughputChild.ts <case> <dtype>`
 * runs one throughput case (bench/throughputCases.ts) and prints its CaseResult as JSON.
 */
import { type CaseName, DTYPES, type Dtype, KERNELS, runCase } from './throughputCases.js';

const [name, dtype] = process.argv.slice(2);
if (
  !([...KERNELS, 'mlp'] as string[]).includes(name ?? '') ||
  !(DTYPES as readonly string[]).includes(dtype ?? '')
) {
  console.error(
    `throughputChild: expected <${[...KERNELS, 'mlp'].join('|')}> <${DTYPES.join('|')}>, got ${name} ${dtype}`,
  );
  process.exit(2);
}
process.stdout.write(JSON.stringify(runCase(name as CaseName, dtype as Dtype)));
