/**
 * mergeReports: the reports of the shards of one run (`--shard i/n`) → one report. Results are
 * sorted by source, then name, then kind (code-point order, so the merge does not depend on the
 * order the shards arrive in); the summary is recomputed; the duration is the longest shard's
 * (shards run side by side); `createdAt` is the earliest start; seed and command are kept when all
 * shards agree, and `shard` is dropped.
 */
import { GradcheckError } from '../errors.js';
import { summarize } from './summary.js';
import { REPORT_SCHEMA_VERSION, type Report, type ReportEntry } from './types.js';

const fail = (message: string) =>
  new GradcheckError('GC_REPORT', 'mergeReports', message, { arg: 'reports' });

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const key = (r: ReportEntry) => `${r.source ?? ''}\u0000${r.name}\u0000${r.kind}`;

function agreed<T>(values: readonly T[]): T | undefined {
  const first = JSON.stringify(values[0]);
  return values.every((v) => JSON.stringify(v) === first) ? values[0] : undefined;
}

function checkShards(reports: readonly Report[]): void {
  const shards = reports.flatMap((r) => (r.shard ? [r.shard] : []));
  if (shards.length === 0) return;
  const counts = new Set(shards.map((s) => s.count));
  if (counts.size > 1)
    throw fail(`reports must come from one split (given shard counts ${[...counts].join(', ')})`);
  const seen = new Set<number>();
  for (const s of shards) {
    if (seen.has(s.index))
      throw fail(`reports must be distinct shards (shard ${s.index}/${s.count} given twice)`);
    seen.add(s.index);
  }
}

/**
 * Merges shard reports into one report.
 * @throws GradcheckError GC_REPORT when no report is given, the tools differ, two reports claim the
 * same shard, or the same property (source and name) appears in two reports.
 * @example const all = mergeReports(files.map((f) => parseReport(readFileSync(f, 'utf8'))));
 */
export function mergeReports(reports: readonly Report[]): Report {
  if (!Array.isArray(reports) || reports.length === 0)
    throw fail('reports must hold at least one report (given none)');
  for (const r of reports) {
    if (r.schemaVersion !== REPORT_SCHEMA_VERSION) {
      throw fail(
        `every report must have schemaVersion ${REPORT_SCHEMA_VERSION} (given ${String(r.schemaVersion)})`,
      );
    }
  }
  const tool = agreed(reports.map((r) => r.tool));
  if (tool === undefined) {
    const tools = [...new Set(reports.map((r) => `${r.tool.name}@${r.tool.version}`))];
    throw fail(`reports must come from one tool version (given ${tools.join(', ')})`);
  }
  checkShards(reports);
  const owner = new Map<string, number>();
  reports.forEach((report, i) => {
    for (const r of report.results) {
      const k = key(r);
      const j = owner.get(k);
      if (j !== undefined && j !== i)
        throw fail(`"${r.name}" must appear in one report only (reports ${j} and ${i})`);
      owner.set(k, i);
    }
  });
  // A stable sort keeps the given order of results with equal keys.
  const results = reports.flatMap((r) => r.results).sort((a, b) => cmp(key(a), key(b)));
  const seed = agreed(reports.map((r) => r.seed));
  const command = agreed(reports.map((r) => r.command));
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { ...tool },
    createdAt: reports.map((r) => r.createdAt).sort(cmp)[0]!,
    durationMs: Math.max(...reports.map((r) => r.durationMs)),
    ...(command === undefined ? {} : { command }),
    ...(seed === undefined ? {} : { seed }),
    summary: summarize(results),
    results,
  };
}
