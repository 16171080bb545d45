import { PinganError } from '../errors/pinganError.ts';
import { matrixColumns, meanAndSd, type DataMatrix } from './dataMatrix.ts';

/** The first principal component of a data matrix, as weights. */
export interface PcaWeights {
  /**
   * The loadings of the first principal component of the standardised data
   * (unit length), one per column: COINr's `get_PCA` weights. An
   * eigenvector's sign is arbitrary; here the loadings sum to a positive number.
   */
  readonly loadings: number[];
  /** The squared loadings: positive weights that sum to 1. */
  readonly weights: number[];
  /** The share of the total variance the first component explains (its eigenvalue / the number of columns). */
  readonly varianceExplained: number;
  /** Every eigenvalue of the correlation matrix, largest first (R's `prcomp(…)$sdev^2`). */
  readonly eigenvalues: number[];
}

/**
 * Weights from principal component analysis, as COINr's `get_PCA`: rows
 * with a missing value are dropped (COINr's `na.omit`), each column is
 * centred and scaled to unit variance, and the first principal component of
 * the result (the leading eigenvector of the correlation matrix, by Jacobi
 * rotations) gives the loadings. A constant column is an error.
 *
 * @example
 * // Two columns with correlation r: eigenvalues 1 ± r, loadings (1/√2, 1/√2)
 * const pca = pcaWeights([[1, 2], [2, 1], [3, 4], [4, 3]]);
 * pca.loadings; // [0.7071…, 0.7071…]
 * pca.weights; // [0.5, 0.5]
 * pca.varianceExplained; // (1 + 0.6) / 2 = 0.8
 */
export function pcaWeights(matrix: DataMatrix): PcaWeights {
  const columns = matrixColumns(matrix, 'complete', 'PCA weights');
  const m = columns.length;
  const n = columns[0].length;
  if (n < 2) throw new PinganError('invalid-argument', `PCA weights need at least two complete rows, got ${n}`);
  const z = columns.map((column, j) => {
    const { mean, sd } = meanAndSd(column);
    if (!(sd > 0)) throw new PinganError('invalid-argument', `PCA weights: column ${j + 1} is constant, so it cannot be scaled`);
    return Float64Array.from(column, (v) => (v - mean) / sd);
  });
  const a = Array.from({ length: m }, (_, i) =>
    Array.from({ length: m }, (_, j) => {
      let sum = 0;
      for (let k = 0; k < n; k++) sum += z[i][k] * z[j][k];
      return sum / (n - 1);
    }),
  );
  const { values, vectors } = jacobiEigen(a);
  const order = values.map((_, i) => i).sort((p, q) => values[q] - values[p]);
  const first = order[0];
  let loadings = vectors.map((row) => row[first]);
  if (loadings.reduce((s, v) => s + v, 0) < 0) loadings = loadings.map((v) => -v);
  const norm = Math.hypot(...loadings);
  loadings = loadings.map((v) => v / norm);
  return {
    loadings,
    weights: loadings.map((v) => v * v),
    varianceExplained: values[first] / m,
    eigenvalues: order.map((i) => values[i]),
  };
}

/** Eigenvalues and eigenvectors (columns) of a symmetric matrix by cyclic Jacobi rotations. */
function jacobiEigen(input: readonly (readonly number[])[]): { values: number[]; vectors: number[][] } {
  const m = input.length;
  const a = input.map((row) => [...row]);
  const v: number[][] = Array.from({ length: m }, (_, i) => Array.from({ length: m }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < m; p++) for (let q = p + 1; q < m; q++) off += a[p][q] * a[p][q];
    if (off < 1e-30) break;
    for (let p = 0; p < m; p++) {
      for (let q = p + 1; q < m; q++) {
        if (a[p][q] === 0) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < m; k++) {
          const akp = a[k][p];
          const akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < m; k++) {
          const apk = a[p][k];
          const aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (let k = 0; k < m; k++) {
          const vkp = v[k][p];
          const vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: a.map((row, i) => row[i]), vectors: v };
}
