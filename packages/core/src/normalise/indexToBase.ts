/** Options of {@link indexToBase}. */
export interface IndexToBaseOptions {
  /** The score of a value equal to the base (default 100). */
  scale?: number;
}

/**
 * Index-to-base scores of one unit's values (typically its time series):
 * `scale * (1 + direction * (x - base) / |base|)`. With direction 1 this is
 * `scale * x / base` for a positive base (a classic index, base = 100); with
 * direction -1 a rise of the indicator lowers the score by the same amount,
 * and a zero value is still defined. A missing, zero or infinite base makes
 * every score missing (`NaN`); a missing value stays missing.
 *
 * COINr has no such method; this is this library's own.
 *
 * @example
 * // base 100: 100 × (1 + (80-100)/100) = 80, 100, 120
 * indexToBase([80, 100, 120], 100); // Float64Array [80, 100, 120]
 * // higher is worse: 100 × (1 - (80-100)/100) = 120, 100, 80
 * indexToBase([80, 100, 120], 100, {}, -1); // Float64Array [120, 100, 80]
 */
export function indexToBase(
  x: ArrayLike<number>,
  base: number,
  options: IndexToBaseOptions = {},
  direction: 1 | -1 = 1,
): Float64Array {
  const n = x.length;
  const out = new Float64Array(n);
  const scale = options.scale ?? 100;
  for (let i = 0; i < n; i++) out[i] = indexToBaseScore(x[i], base, scale, direction);
  return out;
}

/**
 * One index-to-base score: `scale * (1 + direction * (x - base) / |base|)`,
 * or `NaN` when the base is missing, zero or infinite.
 *
 * @example
 * indexToBaseScore(90, 120, 100, 1); // 75 (100 × 90 / 120)
 * indexToBaseScore(90, 0, 100, 1); // NaN
 */
export function indexToBaseScore(x: number, base: number, scale: number, direction: number): number {
  if (base === 0 || !Number.isFinite(base)) return Number.NaN;
  return scale * (1 + (direction * (x - base)) / Math.abs(base));
}
