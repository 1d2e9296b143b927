import { derivative, parse } from 'mathjs/number';
import { expect, test } from 'vitest';
import { isGradcheckError } from '../../../src/errors.js';
import { programBuilds } from '../../../src/oracles/symbolic/cache.js';
import { symbolicOracle } from '../../../src/oracles/symbolic/oracle.js';
import { D, dec, encloses, softmaxJacobianDec } from './reference.js';

const pair = {
  expressions: ['exp(a) / (exp(a) + exp(b))', 'exp(b) / (exp(a) + exp(b))'],
  variables: ['a', 'b'],
};

test('the Jacobian of a two-way softmax written by hand is diag(s) − s sᵀ within its error bound', () => {
  const oracle = symbolicOracle(pair);
  for (const x of [
    [0.5, -1],
    [3, 3],
    [-2.75, 1e-3],
  ]) {
    const J = oracle.jacobian(x);
    expect([J.rows, J.cols]).toEqual([2, 2]);
    const exact = softmaxJacobianDec(x);
    exact.forEach((e, k) => {
      expect(encloses(J.values[k]!, J.error[k]!, e)).toBe(true);
      expect(J.error[k]!).toBeLessThan(1e-13 * Math.abs(e.toNumber()));
    });
  }
});

test('a single expression is a scalar function whose Jacobian is its 1×n gradient', () => {
  const oracle = symbolicOracle({ expressions: 'x^3 * y + sin(x)', variables: ['x', 'y'] });
  const [x, y] = [1.25, -0.5];
  const J = oracle.jacobian([x, y]);
  expect([J.rows, J.cols]).toEqual([1, 2]);
  const gx = dec(x).pow(2).times(3).times(dec(y)).plus(dec(x).cos());
  const gy = dec(x).pow(3);
  expect(encloses(J.values[0]!, J.error[0]!, gx)).toBe(true);
  expect(encloses(J.values[1]!, J.error[1]!, gy)).toBe(true);
});

test('named constants are held fixed at exactly the doubles given', () => {
  const oracle = symbolicOracle({
    expressions: 'w * x^2 + b',
    variables: ['x'],
    constants: { w: 0.1, b: 7 },
  });
  const J = oracle.jacobian([3]);
  expect(encloses(J.values[0]!, J.error[0]!, dec(0.1).times(6))).toBe(true);
  const f = oracle.evaluate([3]);
  expect(encloses(f.values[0]!, f.error[0]!, dec(0.1).times(9).plus(7))).toBe(true);
});

test('evaluate returns the formulas themselves with error bounds', () => {
  const f = symbolicOracle(pair).evaluate([1, 2]);
  const s1 = new D(1).div(new D(1).plus(new D(1).exp()));
  expect(encloses(f.values[0]!, f.error[0]!, s1)).toBe(true);
  expect(encloses(f.values[1]!, f.error[1]!, new D(1).minus(s1))).toBe(true);
});

test('derivative prints exactly what mathjs derives (no simplification)', () => {
  const oracle = symbolicOracle(pair);
  const expected = derivative(parse(pair.expressions[1]!), 'a', { simplify: false }).toString();
  expect(oracle.derivative(1, 0)).toBe(expected);
});

test('the high-precision oracle agrees with the decimal closed form to its stated digits', () => {
  const precise = symbolicOracle(pair).precise(45);
  expect(precise.kind).toBe('high-precision');
  const x = [0.1, -7.3];
  const exact = softmaxJacobianDec(x);
  const strings = precise.decimals(x);
  strings.forEach((s, k) => {
    const rel = new D(s).minus(exact[k]!).abs().div(exact[k]!.abs());
    expect(rel.lt('1e-43')).toBe(true);
  });
  const J = precise.jacobian(x);
  exact.forEach((e, k) => {
    expect(J.values[k]).toBe(e.toNumber());
    expect(J.error[k]!).toBeLessThanOrEqual(2 ** -52 * Math.abs(J.values[k]!));
  });
});

test('a formula set is parsed and differentiated once, then served from the cache', () => {
  const spec = { expressions: ['tanh(p) * q', 'p - q'], variables: ['p', 'q'] };
  const before = programBuilds();
  symbolicOracle(spec);
  symbolicOracle(spec);
  symbolicOracle({ ...spec, constants: {} });
  expect(programBuilds() - before).toBe(1);
  symbolicOracle({ ...spec, variables: ['q', 'p'] });
  expect(programBuilds() - before).toBe(2);
});

test('every supported function has derivatives whose float64 enclosures hold the decimal values', () => {
  const zoo = [
    'sqrt(x) + cbrt(y)',
    'log(x, 2) + log10(y) + log(x * y)',
    'x^2.5 + y^x + 2^y + pow(x, 3)',
    'sin(x) * cos(y) + tan(x / 3) + sec(y / 4) + csc(x + 1) + cot(y + 1)',
    'sinh(x) + cosh(y) + tanh(x * y) + sech(x) + csch(y) + coth(x)',
    'asin(x / 4) + acos(y / 4) + atan(x * y) + asinh(x) + acosh(y + 1) + atanh(y / 4)',
    'abs(x - y) + exp(-x) / (1 + exp(y)) - e * pi',
  ];
  const x = [1.3, 0.7];
  for (const text of zoo) {
    const oracle = symbolicOracle({ expressions: text, variables: ['x', 'y'] });
    const J = oracle.jacobian(x);
    const P = oracle.precise(60).decimals(x);
    P.forEach((s, k) => {
      expect(encloses(J.values[k]!, J.error[k]!, new D(s)), `${text} ∂${k}`).toBe(true);
      expect(J.error[k]!, `${text} ∂${k}`).toBeLessThan(1e-13 * Math.max(1, Math.abs(J.values[k]!)));
    });
  }
});

test('values mathjs derives but that are undefined at x come back non-finite with an infinite bound', () => {
  const J = symbolicOracle({ expressions: 'sqrt(x)', variables: ['x'] }).jacobian([0]);
  expect(Number.isFinite(J.values[0]!) && Number.isFinite(J.error[0]!)).toBe(false);
});

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (isGradcheckError(e)) return `${e.code} ${e.message}`;
    throw e;
  }
  return undefined;
}

test('bad formulas are refused with the function, the argument and a hint', () => {
  const v = ['x0', 'x1'];
  expect(codeOf(() => symbolicOracle({ expressions: ['exp(x0'], variables: v }))).toMatch(
    /^GC_INVALID_ARGUMENT symbolicOracle: expressions\[0\] must parse as a mathjs expression/,
  );
  expect(codeOf(() => symbolicOracle({ expressions: ['x0 + z'], variables: v }))).toMatch(
    /expressions\[0\] must use only declared symbols \(unknown symbol "z"; declared: x0, x1\)/,
  );
  expect(codeOf(() => symbolicOracle({ expressions: ['x0', 'sum(x0, x1)'], variables: v }))).toMatch(
    /expressions\[1\] must use functions mathjs can differentiate \("sum" is not; write sums out with \+/,
  );
  expect(codeOf(() => symbolicOracle({ expressions: 'max(x0, x1)', variables: v }))).toMatch(
    /"max" is not; max has no symbolic derivative/,
  );
  expect(codeOf(() => symbolicOracle({ expressions: 'log1p(x0)', variables: v }))).toMatch(
    /"log1p" is not; write log\(1 \+ x\)/,
  );
  expect(codeOf(() => symbolicOracle({ expressions: 'x0 == x1', variables: v }))).toMatch(
    /GC_INVALID_ARGUMENT.*operator "==" is not supported/,
  );
  expect(codeOf(() => symbolicOracle({ expressions: '[x0, x1]', variables: v }))).toMatch(
    /a ArrayNode is not supported/,
  );
  expect(codeOf(() => symbolicOracle({ expressions: 'x0 mod 2', variables: v }))).toMatch(
    /GC_INVALID_ARGUMENT/,
  );
  expect(codeOf(() => symbolicOracle({ expressions: '"text"', variables: v }))).toMatch(
    /hold only finite numbers/,
  );
  expect(codeOf(() => symbolicOracle({ expressions: 'log(x0, x1, 2)', variables: v }))).toMatch(
    /call log with 1 or 2 argument/,
  );
  expect(codeOf(() => symbolicOracle({ expressions: [], variables: v }))).toMatch(/^GC_EMPTY_INPUT/);
  expect(codeOf(() => symbolicOracle({ expressions: [3 as unknown as string], variables: v }))).toMatch(
    /expressions\[0\] must be a string/,
  );
});

test('bad variables and constants are refused', () => {
  expect(codeOf(() => symbolicOracle({ expressions: 'x', variables: [] }))).toMatch(/^GC_EMPTY_INPUT/);
  expect(codeOf(() => symbolicOracle({ expressions: 'x', variables: ['x', 'x'] }))).toMatch(
    /variables\[1\] must be a new name \("x" is declared twice\)/,
  );
  expect(codeOf(() => symbolicOracle({ expressions: 'x', variables: ['x y'] }))).toMatch(
    /variables\[0\] must be an identifier/,
  );
  expect(codeOf(() => symbolicOracle({ expressions: 'x', variables: ['2x'] }))).toMatch(
    /variables\[0\] must be an identifier/,
  );
  expect(
    codeOf(() => symbolicOracle({ expressions: 'x * w', variables: ['x'], constants: { x: 1 } })),
  ).toMatch(/parameters\[0\] must be a new name/);
  expect(
    codeOf(() => symbolicOracle({ expressions: 'x * w', variables: ['x'], constants: { w: Number.NaN } })),
  ).toMatch(/constants.w must be a finite number/);
});

test('bad points are refused: wrong length, non-finite values, wrong types', () => {
  const oracle = symbolicOracle(pair);
  expect(codeOf(() => oracle.jacobian([1, 2, 3]))).toBe(
    'GC_SHAPE_MISMATCH symbolicOracle.jacobian: x must have length 2 (x.length=3)',
  );
  expect(codeOf(() => oracle.jacobian([1, Number.POSITIVE_INFINITY]))).toBe(
    'GC_NON_FINITE_INPUT symbolicOracle.jacobian: x must be finite (x[1]=Infinity)',
  );
  expect(codeOf(() => oracle.jacobian([]))).toMatch(/^GC_EMPTY_INPUT/);
  expect(codeOf(() => oracle.jacobian({ length: 2 } as unknown as number[]))).toMatch(
    /^GC_INVALID_ARGUMENT.*given Object/,
  );
  expect(codeOf(() => oracle.derivative(2, 0))).toMatch(/^GC_OUT_OF_RANGE/);
  expect(codeOf(() => oracle.precise(5))).toMatch(
    /^GC_INVALID_OPTION.*digits must be an integer in \[40, 1000\]/,
  );
});
