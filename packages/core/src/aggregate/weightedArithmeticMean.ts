import { checkWeights } from './checkWeights.ts';

/**
 * The weighted arithmetic mean, as COINr's `a_amean`: missing values (`NaN`)
 * and their weights are dropped, the remaining weights are rescaled to sum
 * to 1, and the result is `Σ wᵢ xᵢ`. `NaN` when no value is present. Weights
 * are relative: scaling them all by the same factor changes nothing.
 *
 * @example
 * // the middle value is missing; weights 1 and 3 become 0.25 and 0.75: 0.25 × 40 + 0.75 × 80 = 70
 * weightedArithmeticMean([40, Number.NaN, 80], [1, 2, 3]); // 70
 */
export function weightedArithmeticMean(values: ArrayLike<number>, weights: ArrayLike<number>): number {
  checkWeights(values, weights);
  const n = values.length;
  let sw = 0;
  let present = 0;
  for (let i = 0; i < n; i++) {
    if (values[i] === values[i]) {
      sw += weights[i];
      present++;
    }
  }
  if (present === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === v) sum += (weights[i] / sw) * v;
  }
  return sum;
}
