import { PinganError } from '../errors/pinganError.ts';
/**
 * A data matrix for the data-driven weighting methods: one row per unit
 * (or unit-period), one column per indicator. `NaN` marks a missing value.
 */
export type DataMatrix = readonly ArrayLike<number>[];

/**
 * How missing values are handled by the data-driven weights:
 * - `'available'` (default): each statistic uses what is there for it — a
 *   column's own non-missing values for its mean, spread or entropy, and
 *   pairwise-complete rows for a correlation;
 * - `'complete'`: rows with any missing value are dropped first (listwise).
 */
export type MissingHandling = 'available' | 'complete';

/**
 * The matrix's columns as typed arrays (internal), after checking its shape
 * and, for `'complete'`, dropping rows with a missing value.
 *
 * @example
 * matrixColumns([[1, 2], [NaN, 4], [5, 6]], 'complete'); // [Float64Array [1, 5], Float64Array [2, 6]]
 */
export function matrixColumns(matrix: DataMatrix, missing: MissingHandling = 'available', what = 'the weights'): Float64Array[] {
  if (missing !== 'available' && missing !== 'complete') {
    throw new PinganError('invalid-argument', `missing must be "available" or "complete", got "${String(missing)}"`);
  }
  const n = matrix.length;
  if (n === 0) throw new PinganError('invalid-argument', `${what} need at least one row`);
  const m = matrix[0].length;
  if (m === 0) throw new PinganError('invalid-argument', `${what} need at least one column`);
  const keep: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = matrix[i];
    if (row.length !== m) throw new PinganError('invalid-argument', `row ${i + 1} has ${row.length} values, expected ${m}`);
    let complete = true;
    for (let j = 0; j < m; j++) {
      const v = row[j];
      if (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY) {
        throw new PinganError('invalid-argument', `row ${i + 1}, column ${j + 1} is not finite`);
      }
      if (v !== v) complete = false;
    }
    if (complete || missing === 'available') keep.push(i);
  }
  const columns: Float64Array[] = [];
  for (let j = 0; j < m; j++) {
    const column = new Float64Array(keep.length);
    for (let k = 0; k < keep.length; k++) column[k] = matrix[keep[k]][j];
    columns.push(column);
  }
  return columns;
}

/**
 * Mean and sample standard deviation (n − 1) of the non-missing values
 * (internal); NaN when undefined.
 *
 * @example
 * meanAndSd(Float64Array.from([1, NaN, 3])); // { mean: 2, sd: 1.4142…, count: 2 }
 */
export function meanAndSd(column: Float64Array): { mean: number; sd: number; count: number } {
  let count = 0;
  let sum = 0;
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    if (v === v) {
      count++;
      sum += v;
    }
  }
  const mean = count > 0 ? sum / count : Number.NaN;
  let ss = 0;
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    if (v === v) ss += (v - mean) * (v - mean);
  }
  return { mean, sd: count > 1 ? Math.sqrt(ss / (count - 1)) : Number.NaN, count };
}

/**
 * Scales non-negative scores to sum to 1 (internal); throws when all are zero.
 *
 * @example
 * normaliseScores(Float64Array.from([1, 3]), 'demo'); // [0.25, 0.75]
 */
export function normaliseScores(scores: Float64Array, what: string): number[] {
  let total = 0;
  for (const s of scores) total += s;
  if (!(total > 0) || !Number.isFinite(total)) {
    throw new PinganError('invalid-argument', `${what}: no column carries information (all columns constant or empty), so no weights follow`);
  }
  return Array.from(scores, (s) => s / total);
}
