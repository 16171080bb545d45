import { PinganError } from '../errors/pinganError.ts';
/**
 * Saaty's random consistency index for matrices of order 1 to 15
 * (Saaty 1980, as tabulated in the OECD/JRC handbook, table 18).
 */
export const SAATY_RANDOM_INDEX: readonly number[] = [
  0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59,
];

export interface AhpResult {
  /** The principal eigenvector, normalised to sum to 1. */
  weights: number[];
  /** The principal eigenvalue. */
  lambdaMax: number;
  /** CI = (λmax − n) / (n − 1). */
  consistencyIndex: number;
  /** Saaty's random index for this order. */
  randomIndex: number;
  /** CR = CI / RI (0 for n ≤ 2, which are always consistent). */
  consistencyRatio: number;
}

/**
 * Problems with a pairwise comparison matrix, one message per problem (none
 * for a valid one): shape, unit diagonal, positive reciprocal entries.
 *
 * @example
 * ahpMatrixProblems([[1, 3], [1 / 3, 1]]); // []
 * ahpMatrixProblems([[1, 3], [3, 1]]); // ['entry [2,1] = 3 must be the reciprocal of [1,2] = 3']
 */
export function ahpMatrixProblems(matrix: readonly (readonly number[])[]): string[] {
  const n = matrix.length;
  const problems: string[] = [];
  if (n < 2) problems.push(`the matrix needs at least 2 rows, got ${n}`);
  if (n > SAATY_RANDOM_INDEX.length) problems.push(`the matrix may have at most ${SAATY_RANDOM_INDEX.length} rows, got ${n}`);
  matrix.forEach((row, i) => {
    if (row.length !== n) problems.push(`row ${i + 1} has ${row.length} entries, expected ${n}`);
  });
  if (problems.length > 0) return problems;
  for (let i = 0; i < n; i++) {
    if (Math.abs(matrix[i][i] - 1) > 1e-9) problems.push(`entry [${i + 1},${i + 1}] must be 1, got ${matrix[i][i]}`);
    for (let j = i + 1; j < n; j++) {
      const a = matrix[i][j];
      const b = matrix[j][i];
      if (!(a > 0) || !(b > 0) || !Number.isFinite(a) || !Number.isFinite(b)) {
        problems.push(`entries [${i + 1},${j + 1}] and [${j + 1},${i + 1}] must be positive numbers`);
      } else if (Math.abs(a * b - 1) > 1e-3) {
        problems.push(`entry [${j + 1},${i + 1}] = ${b} must be the reciprocal of [${i + 1},${j + 1}] = ${a}`);
      }
    }
  }
  return problems;
}

/**
 * Weights from an AHP pairwise comparison matrix (Saaty): the principal
 * eigenvector by power iteration, with the consistency index and ratio.
 * `matrix[i][j]` says how much more important item i is than item j
 * (1 equal … 9 extreme), and `matrix[j][i]` must be its reciprocal.
 *
 * @example
 * // Saaty's consistent 3×3 example: weights 4/7, 2/7, 1/7, CR 0.
 * ahpWeights([[1, 2, 4], [1 / 2, 1, 2], [1 / 4, 1 / 2, 1]]).weights; // [0.5714…, 0.2857…, 0.1428…]
 */
export function ahpWeights(matrix: readonly (readonly number[])[]): AhpResult {
  const problems = ahpMatrixProblems(matrix);
  if (problems.length > 0) throw new PinganError('invalid-argument', `invalid pairwise comparison matrix: ${problems.join('; ')}`);
  const n = matrix.length;
  let w = new Array<number>(n).fill(1 / n);
  let lambdaMax = n;
  for (let iteration = 0; iteration < 1000; iteration++) {
    const next = matrix.map((row) => row.reduce((sum, a, j) => sum + a * w[j], 0));
    const total = next.reduce((a, b) => a + b, 0);
    lambdaMax = total; // since sum(w) = 1, sum(Aw) converges to λmax
    const normalised = next.map((x) => x / total);
    const change = normalised.reduce((m, x, i) => Math.max(m, Math.abs(x - w[i])), 0);
    w = normalised;
    if (change < 1e-15) break;
  }
  const consistencyIndex = n > 2 ? Math.max(0, (lambdaMax - n) / (n - 1)) : 0;
  const randomIndex = SAATY_RANDOM_INDEX[n - 1];
  const consistencyRatio = randomIndex > 0 ? consistencyIndex / randomIndex : 0;
  return { weights: w, lambdaMax, consistencyIndex, randomIndex, consistencyRatio };
}
