/**
 * `npm run bench -- checks`: the checkers' figures — detection floor next to a re-implementation of
 * torch.autograd.gradcheck, false alarms on correct code, and the cost of a fast-mode check of an
 * MNIST-sized MLP — each next to the number of function evaluations it cost.
 * Set GRADCHECK_BENCH_TRIALS to scale the number of trials (default 1 = the documented run).
 */
import { detectionTable } from './checks/detection.js';
import { falseAlarmTable } from './checks/falseAlarms.js';
import { mlpTable } from './checks/mlpScale.js';

export async function run(): Promise<string> {
  const scale = Number(process.env['GRADCHECK_BENCH_TRIALS'] ?? '1');
  const n = (base: number) => Math.max(1, Math.round(base * scale));
  return [detectionTable(n(200)), falseAlarmTable(n(25)), mlpTable(n(10))].join('\n');
}
