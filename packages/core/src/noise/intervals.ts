import { quantileSorted } from '../sensitivity/quantile.ts';
import { normalQuantile } from './normal.ts';

/** A two-sided interval. */
export interface Interval {
  readonly lower: number;
  readonly upper: number;
}

/**
 * The two-sided interval value ± z·se at `level` (z = Φ⁻¹((1 + level) / 2);
 * 1.645 at 90%).
 *
 * @example
 * normalInterval(-0.11, 0.4, 0.9); // { lower: -0.768, upper: 0.548 } (to 3 decimals)
 */
export function normalInterval(value: number, se: number, level: number): Interval {
  const z = normalQuantile((1 + level) / 2);
  return { lower: value - z * se, upper: value + z * se };
}

/**
 * The interval of a capped score: the normal interval of the score before
 * capping, then capped into [0, scale]. Capping is monotone, so the capped
 * interval has the same coverage as the uncapped one.
 *
 * @example
 * cappedInterval(110, 10, 0.9, 100); // { lower: 93.55…, upper: 100 }
 */
export function cappedInterval(linearValue: number, linearSe: number, level: number, scale: number): Interval {
  const { lower, upper } = normalInterval(linearValue, linearSe, level);
  const cap = (x: number) => Math.min(scale, Math.max(0, x));
  return { lower: cap(lower), upper: cap(upper) };
}

/**
 * The percentile bootstrap interval: the central `level` range of the
 * replicates (R's type-7 quantiles). The replicates add noise to what was
 * observed, so near a cap, where noise can move a score one way only, the
 * interval extends the way the truth can lie (a district with no homicide
 * in a year scores 100, and its interval reaches down, not up). Missing
 * replicates (NaN) are left out; with none present the interval is NaN.
 *
 * @example
 * percentileBootstrapInterval(Float64Array.from([9, 10, 10, 11, 14]), 0.5); // { lower: 10, upper: 11 }
 */
export function percentileBootstrapInterval(replicates: ArrayLike<number>, level: number): Interval {
  const present: number[] = [];
  for (let i = 0; i < replicates.length; i++) if (replicates[i] === replicates[i]) present.push(replicates[i]);
  if (present.length === 0) return { lower: Number.NaN, upper: Number.NaN };
  const sorted = Float64Array.from(present).sort();
  const alpha = 1 - level;
  return { lower: quantileSorted(sorted, alpha / 2), upper: quantileSorted(sorted, 1 - alpha / 2) };
}
