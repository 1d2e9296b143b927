// A spec in plain JavaScript: `gradcheck check` loads .js/.mjs spec modules as they are.
import { DEFAULT_LOGIT_REGIMES, defineCheck, logitVectors } from 'gradcheck';

/** softmax of one row, max-shifted. */
function softmax(x) {
  const max = Math.max(...x);
  const e = Float64Array.from(x, (v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** The JVP J·t = s ⊙ (t − ⟨t, s⟩) of one row. */
export const softmaxJvpSpec = defineCheck({
  name: 'consumer softmax jvp (plain JS)',
  input: logitVectors({ maxCols: 8, regimes: DEFAULT_LOGIT_REGIMES.filter((r) => r !== 'huge') }),
  f: ({ x }) => softmax(x),
  jvp: ({ x }, t) => {
    const s = softmax(x);
    const dot = s.reduce((acc, si, i) => acc + si * t[i], 0);
    return s.map((si, i) => si * (t[i] - dot));
  },
  options: { numRuns: 60 },
});
