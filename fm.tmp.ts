import { runProperty } from 'gradcheck';
import { preciseDerivativesSpec } from './properties/suites/preciseDerivatives.js';
const r = await runProperty(preciseDerivativesSpec('float64'));
console.log(r.status, r.seed, r.path, JSON.stringify(r.counterexample, (k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v)).slice(0, 300));
console.log(r.check?.message?.slice(0, 300));
