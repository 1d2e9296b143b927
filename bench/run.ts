/**
 * `npm run bench`: runs every benchmark module in turn and prints its tables. Each module exports
 * `run(): Promise<string>` returning Markdown tables; pass names to run a subset (`npm run bench -- kernels`).
 */
const modules: Record<string, () => Promise<{ run: () => Promise<string> }>> = {
  kernels: () => import('./kernels.js'),
  checks: () => import('./checks.js'),
  report: () => import('./report.js'),
  symbolic: () => import('./symbolic.js'),
};

const wanted = process.argv.slice(2);
for (const [name, load] of Object.entries(modules)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const started = performance.now();
  const { run } = await load();
  console.log(await run());
  console.log(`(${name}: ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
}
