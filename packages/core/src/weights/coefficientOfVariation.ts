import { PinganError } from '../errors/pinganError.ts';
import { matrixColumns, meanAndSd, normaliseScores, type DataMatrix, type MissingHandling } from './dataMatrix.ts';

export interface CoefficientOfVariationWeightsOptions {
  /** See `MissingHandling`; `'available'` (default) uses each column's own non-missing values. */
  missing?: MissingHandling;
}

/**
 * Weights proportional to each column's coefficient of variation,
 * w_j ∝ σ_j / |mean_j| (σ the sample standard deviation). A column with fewer
 * than 2 values counts as having no variation. Throws when a column's mean is
 * 0 (the ratio is undefined: use data on a ratio scale, such as scores on
 * 1–100 rather than z-scores) or when no column varies.
 *
 * @example
 * // CVs 0.5 and 0.25 (means 2 and 4, sd 1 each).
 * coefficientOfVariationWeights([[1, 3], [2, 4], [3, 5]]); // [2/3, 1/3]
 */
export function coefficientOfVariationWeights(
  matrix: DataMatrix,
  options: CoefficientOfVariationWeightsOptions = {},
): number[] {
  const columns = matrixColumns(matrix, options.missing, 'coefficient-of-variation weights');
  const cv = new Float64Array(columns.length);
  columns.forEach((column, j) => {
    const { mean, sd, count } = meanAndSd(column);
    if (count === 0) return;
    if (mean === 0) throw new PinganError('invalid-argument', `coefficient-of-variation weights: column ${j + 1} has mean 0, so its CV is undefined`);
    cv[j] = sd > 0 ? sd / Math.abs(mean) : 0;
  });
  return normaliseScores(cv, 'coefficient-of-variation weights');
}
