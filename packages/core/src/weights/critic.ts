import { pearson } from '../analysis/pearson.ts';
import { matrixColumns, meanAndSd, normaliseScores, type DataMatrix, type MissingHandling } from './dataMatrix.ts';

export interface CriticWeightsOptions {
  /** See `MissingHandling`; `'available'` (default) uses pairwise-complete rows for correlations. */
  missing?: MissingHandling;
  /**
   * Rescale each column to [0, 1] by its min and max first, as Diakoulaki et
   * al. do (default true). Correlations do not change; the spreads do.
   */
  normalise?: boolean;
}

/**
 * Weights by CRITIC (CRiteria Importance Through Intercriteria Correlation;
 * Diakoulaki, Mavrotas & Papayannakis 1995, Computers & Operations Research
 * 22(7), 763–770): C_j = σ_j Σ_k (1 − r_jk), w_j = C_j / Σ_k C_k, where σ_j
 * is the sample standard deviation of column j after min–max rescaling and
 * r_jk Pearson's correlation of columns j and k. Columns with more contrast
 * and less redundancy with the others weigh more.
 *
 * A constant column has σ = 0 and so no weight; a correlation that is
 * undefined (a constant column, or fewer than 2 complete pairs) counts as 0.
 * Throws when every column is constant.
 *
 * @example
 * // Columns 1 and 2 move together, column 3 does not; equal spreads after rescaling.
 * criticWeights([[0, 0, 1], [1, 1, 0], [2, 2, 2]]); // [0.25, 0.25, 0.5]
 */
export function criticWeights(matrix: DataMatrix, options: CriticWeightsOptions = {}): number[] {
  const columns = matrixColumns(matrix, options.missing, 'CRITIC weights');
  if (options.normalise ?? true) {
    for (const column of columns) {
      let min = Number.POSITIVE_INFINITY;
      let max = Number.NEGATIVE_INFINITY;
      for (const v of column) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
      const range = max - min;
      for (let i = 0; i < column.length; i++) column[i] = range > 0 ? (column[i] - min) / range : column[i] === column[i] ? 0 : Number.NaN;
    }
  }
  const m = columns.length;
  const spread = columns.map((column) => {
    const sd = meanAndSd(column).sd;
    return sd > 0 ? sd : 0;
  });
  // Σ_k (1 − r_jk), filled symmetrically.
  const conflict = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    for (let k = j + 1; k < m; k++) {
      const r = pearson(columns[j], columns[k]);
      const term = 1 - (r === r ? r : 0);
      conflict[j] += term;
      conflict[k] += term;
    }
  }
  const information = new Float64Array(m);
  for (let j = 0; j < m; j++) information[j] = spread[j] * conflict[j];
  return normaliseScores(information, 'CRITIC weights');
}
