/**
 * Float64 arithmetic that carries, with every value, a rigorous bound on its
 * distance from what the exact decimal path (decimal.js, 24 significant
 * digits, half up) computes for the same quantity. It is the fast half of
 * correctly rounded publication: where the bound leaves the rounding to the
 * published decimals unambiguous, the float value publishes the same text as
 * the decimal path; elsewhere the decimal path is run.
 *
 * The bound E of a quantity covers both paths at once: with I the value in
 * exact real arithmetic on the decimal inputs, E ≥ |F − I| + |D − I|, where
 * F is the float value and D the decimal one. Each operation adds the
 * rounding of both (float64: 2⁻⁵³ relative; decimal.js at 24 digits: under
 * 1e-23, taken as 1e-22 to cover ln and exp within a few units of the last
 * digit) and propagates the operands' bounds by the usual first-order-exact
 * rules (e.g. |ab − a'b'| ≤ (|a| + Ea)·Eb + (|b| + Eb)·Ea). Every bound is
 * then multiplied by 1 + 2⁻⁴⁹, which covers the rounding of the bound's own
 * computation (a handful of float operations, each 2⁻⁵³ relative).
 *
 * To stay free of allocation in the hot loops, an operation leaves its
 * result in the module's `out` slot (`out.v`, `out.e`) rather than returning
 * an object. An unknown bound (a division by something that may be zero, a
 * logarithm of something that may be negative) is `Infinity`. The relative
 * bounds assume no result underflows into the subnormals (below 2⁻¹⁰²²),
 * which the scores and means of an index never come near.
 */

/** Unit roundoff of float64 plus that of the decimal path. */
const UNIT = 2 ** -53 + 1e-22;
/** Covers the rounding of the bound's own computation. */
const INFLATE = 1 + 2 ** -49;
/** Math.log and Math.exp (fdlibm in V8) are within 1 ulp: 2⁻⁵² relative. */
const LIBM = 2 ** -52 + 1e-22;

/** The result slot of the last operation: value and error bound. */
export const out = { v: 0, e: 0 };

/**
 * How far a float64 input can be from the decimal the exact path reads for
 * it (decimal.js takes a number by its shortest text, which is within half
 * an ulp): 0 for integers, which are read exactly.
 *
 * @example
 * inputError(3); // 0
 * inputError(0.1) > 0; // true
 */
export function inputError(x: number): number {
  // Half an ulp is at most |x|·2⁻⁵³, or (rounded up) 2⁻¹⁰⁷⁴ for a subnormal.
  return Number.isInteger(x) && Math.abs(x) <= 2 ** 53 ? 0 : Math.max(Math.abs(x) * 2 ** -53, Number.MIN_VALUE);
}

/**
 * a + b, with its bound in `out`.
 *
 * @example
 * add(1, 0, 2, 0); out.v; // 3
 */
export function add(a: number, ea: number, b: number, eb: number): void {
  const v = a + b;
  out.v = v;
  out.e = (ea + eb + UNIT * Math.abs(v)) * INFLATE;
}

/**
 * a − b, with its bound in `out`.
 *
 * @example
 * sub(3, 0, 2, 0); out.v; // 1
 */
export function sub(a: number, ea: number, b: number, eb: number): void {
  const v = a - b;
  out.v = v;
  out.e = (ea + eb + UNIT * Math.abs(v)) * INFLATE;
}

/**
 * a × b, with its bound in `out`.
 *
 * @example
 * mul(3, 0, 2, 0); out.v; // 6
 */
export function mul(a: number, ea: number, b: number, eb: number): void {
  const v = a * b;
  out.v = v;
  out.e = ((Math.abs(a) + ea) * eb + (Math.abs(b) + eb) * ea + UNIT * Math.abs(v)) * INFLATE;
}

/**
 * a ÷ b, with its bound in `out`; an unknown bound (Infinity) when b may be zero.
 *
 * @example
 * div(1, 0, 4, 0); out.v; // 0.25
 * div(1, 0, 0.1, 0.2); out.e; // Infinity
 */
export function div(a: number, ea: number, b: number, eb: number): void {
  const m = Math.abs(b) - eb;
  const v = a / b;
  out.v = v;
  out.e = m > 0 ? ((ea + ((Math.abs(a) + ea) / m) * eb) / m + UNIT * Math.abs(v)) * INFLATE : Number.POSITIVE_INFINITY;
}

/**
 * √a, with its bound in `out`.
 *
 * @example
 * sqrt(4, 0); out.v; // 2
 */
export function sqrt(a: number, ea: number): void {
  const v = Math.sqrt(a);
  out.v = v;
  const m = a - ea;
  // |√x − √y| ≤ |x − y| / √min(x, y), or ≤ √(a + Ea) when the interval reaches 0.
  out.e = ((m > 0 ? ea / Math.sqrt(m) : Math.sqrt(a + ea)) + UNIT * v) * INFLATE;
}

/**
 * ln a, with its bound in `out`; unknown when a may be 0 or below.
 *
 * @example
 * ln(1, 0); out.v; // 0
 */
export function ln(a: number, ea: number): void {
  const m = a - ea;
  const v = Math.log(a);
  out.v = v;
  out.e = m > 0 ? (ea / m + LIBM * Math.abs(v)) * INFLATE : Number.POSITIVE_INFINITY;
}

/**
 * eᵃ, with its bound in `out`.
 *
 * @example
 * exp(0, 0); out.v; // 1
 */
export function exp(a: number, ea: number): void {
  const v = Math.exp(a);
  out.v = v;
  out.e = (Math.exp(a + ea) * (1 + 2 ** -50) * ea + LIBM * v) * INFLATE;
}

/**
 * The published text's integer `k` (the value × 10^decimals, rounded half
 * away from zero) when every value within `e` of `v` rounds to it, or NaN
 * when the interval holds a rounding tie (or is too wide to tell).
 *
 * @example
 * publishedInteger(2.344, 1e-12, 2); // 234
 * publishedInteger(2.345, 1e-12, 2); // NaN: 2.345 is a tie
 */
export function publishedInteger(v: number, e: number, decimals: number): number {
  const scale = 10 ** decimals;
  const t = v * scale;
  if (!(Math.abs(t) < 2 ** 50) || !(e < Number.POSITIVE_INFINITY)) return Number.NaN;
  // Covers the rounding of t, of t ± r and of the + 0.5 below (each 2⁻⁵³ relative).
  const r = (e * scale + (Math.abs(t) + 1) * 2 ** -48) * (1 + 2 ** -48);
  const lo = t - r + 0.5;
  const k = Math.floor(lo);
  // A tie is a y with y + 0.5 an integer; none lies in [t − r, t + r].
  if (k === lo || Math.floor(t + r + 0.5) !== k) return Number.NaN;
  return k + 0;
}

/**
 * The text of a published integer (see `publishedInteger`): as decimal.js's
 * `toFixed(decimals)` writes the value, never with an exponent, zero
 * without a sign.
 *
 * @example
 * publishedText(-5, 2); // '-0.05'
 * publishedText(123450, 2); // '1234.50'
 */
export function publishedText(k: number, decimals: number): string {
  const digits = String(Math.abs(k)).padStart(decimals + 1, '0');
  const text = decimals > 0 ? `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}` : digits;
  return k < 0 ? `-${text}` : text;
}
