import { PinganError } from '../errors/pinganError.ts';
import { matrixColumns, normaliseScores, type DataMatrix, type MissingHandling } from './dataMatrix.ts';

export interface EntropyWeightsOptions {
  /** See `MissingHandling`; `'available'` (default) uses each column's own non-missing values. */
  missing?: MissingHandling;
}

/**
 * Weights by the entropy weight method. For each column j with values
 * x_ij ≥ 0 (rows are units, e.g. normalised scores):
 * p_ij = x_ij / Σ_i x_ij, e_j = −(1 / ln n) Σ_i p_ij ln p_ij,
 * d_j = 1 − e_j, w_j = d_j / Σ_k d_k.
 * A column spread evenly over units has e = 1 and gets no weight; one
 * concentrated in few units gets more.
 *
 * Conventions: 0 · ln 0 = 0 (a zero contributes nothing); n is the number of
 * values the column has (all rows with `missing: 'complete'`, where rows with
 * any `NaN` are dropped first, otherwise the column's own non-missing
 * values); a column with fewer than 2 values or summing to 0 carries no
 * information (d = 0). Negative values are rejected — shift or normalise
 * first. Throws when no column carries information.
 *
 * @example
 * // Column 1 is the same everywhere (no information); column 2 is not.
 * entropyWeights([[1, 1], [1, 0], [1, 0]]); // [0, 1]
 * entropyWeights([[1, 2], [2, 2], [3, 2]]); // [1, 0]
 */
export function entropyWeights(matrix: DataMatrix, options: EntropyWeightsOptions = {}): number[] {
  const columns = matrixColumns(matrix, options.missing, 'entropy weights');
  const divergence = new Float64Array(columns.length);
  columns.forEach((column, j) => {
    let count = 0;
    let total = 0;
    for (let i = 0; i < column.length; i++) {
      const v = column[i];
      if (v !== v) continue;
      if (v < 0) throw new PinganError('out-of-domain', `entropy weights need non-negative values; column ${j + 1} has ${v} in row ${i + 1}`);
      count++;
      total += v;
    }
    if (count < 2 || total === 0) return; // no information: d = 0
    let sum = 0;
    for (let i = 0; i < column.length; i++) {
      const v = column[i];
      if (v > 0) {
        const p = v / total;
        sum += p * Math.log(p);
      }
    }
    const entropy = -sum / Math.log(count);
    divergence[j] = Math.max(0, 1 - entropy);
  });
  return normaliseScores(divergence, 'entropy weights');
}
