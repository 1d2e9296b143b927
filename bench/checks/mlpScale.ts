/**
 * Table 3, scale: fast-mode checks of the full gradient of an MNIST-sized MLP (784-128-10, batch 32,
 * 101,770 parameters, float64, inputs uniform in [0, 1), random labels): the evaluations a check
 * costs on the correct gradient, and how often a single gradient entry off by 1e-6 relative is caught
 * and located, for entries drawn among those with |gₖ| above a floor (a fraction of max |g|).
 */
import { checkGradient, createMlp, mlpBackward, mlpLoss, mulberry32 } from 'gradcheck';
import { table } from '../harness.js';

const FLOORS = [1e-1, 1e-2, 1e-3];

/** `trials` wrong entries per floor and activation. */
export function mlpTable(trials: number): string {
  const rows: string[][] = [];
  for (const act of ['tanh', 'relu'] as const) {
    const mlp = createMlp({ sizes: [784, 128, 10], activations: act, seed: 1 });
    const rand = mulberry32(7);
    const rowsIn = 32;
    const x = Float64Array.from({ length: rowsIn * 784 }, () => rand());
    const labels = Array.from({ length: rowsIn }, () => Math.floor(rand() * 10));
    const params = mlp.params as Float64Array;
    const f = (p: Float64Array) => mlpLoss(mlp, p, x, labels);
    const grad = (p: Float64Array) => mlpBackward(mlp, p, x, labels).gradient as Float64Array;
    const g0 = grad(params);
    const gmax = g0.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    const ok = checkGradient(f, grad, params, { mode: 'fast' });
    rows.push([
      `${act}: correct gradient`,
      ok.verdict,
      '',
      String(ok.evaluations.function),
      String(ok.evaluations.derivative),
      '',
    ]);
    for (const floor of FLOORS) {
      const pool = [...g0.keys()].filter((k) => Math.abs(g0[k]!) >= floor * gmax);
      let caught = 0;
      let located = 0;
      let detectEvals = 0;
      let locateEvals = 0;
      for (let t = 0; t < trials; t++) {
        const k = pool[Math.floor(rand() * pool.length)]!;
        const wrong = (p: Float64Array) => {
          const g = grad(p);
          g[k] = g[k]! * (1 + 1e-6);
          return g;
        };
        const r = checkGradient(f, wrong, params, { mode: 'fast', seed: t, localize: false });
        detectEvals += r.evaluations.function;
        if (r.verdict !== 'mismatch') continue;
        caught++;
        const l = checkGradient(f, wrong, params, { mode: 'fast', seed: t });
        locateEvals += l.evaluations.function - r.evaluations.function;
        if (l.verdict === 'mismatch' && l.located.some((p) => p[0] === k)) located++;
      }
      rows.push([
        `${act}: one entry ×(1 + 1e-6), gₖ of magnitude ≥ ${floor.toExponential(0)} × max (${pool.length} entries)`,
        `caught ${caught}/${trials}`,
        `located ${located}/${caught}`,
        (detectEvals / trials).toFixed(0),
        '2',
        caught > 0 ? (locateEvals / caught).toFixed(0) : '—',
      ]);
    }
  }
  return table(
    'Scale: fast-mode check of an MNIST-sized MLP gradient (784-128-10, batch 32, 101,770 parameters, float64, 2 probes)',
    [
      'case',
      'verdict / detection',
      'localisation',
      'f evals (check)',
      'gradient evals',
      'extra f evals to locate',
    ],
    rows,
  );
}
