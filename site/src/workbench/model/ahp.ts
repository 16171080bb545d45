/**
 * The AHP helper's state: pairwise judgements on Saaty's 1–9 scale over the
 * children of one aggregate, kept as text ("3", "1/2") for the upper
 * triangle, row by row, and turned into a reciprocal matrix for core's
 * `ahpWeights`.
 */

/** Saaty's scale, from 1/9 to 9, as the options a judgement may take. */
export const SAATY: readonly string[] = ['1/9', '1/8', '1/7', '1/6', '1/5', '1/4', '1/3', '1/2', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** The number a judgement stands for: "3" → 3, "1/2" → 0.5. */
export function judgementValue(judgement: string): number {
  return judgement.startsWith('1/') ? 1 / Number(judgement.slice(2)) : Number(judgement);
}

/** The judgement read the other way round: "3" ↔ "1/3", "1" ↔ "1". */
export function reciprocal(judgement: string): string {
  if (judgement === '1') return '1';
  return judgement.startsWith('1/') ? judgement.slice(2) : `1/${judgement}`;
}

/** The judgement on Saaty's scale nearest to a ratio (on a log scale). */
export function nearestJudgement(ratio: number): string {
  let best = '1';
  let gap = Number.POSITIVE_INFINITY;
  for (const option of SAATY) {
    const g = Math.abs(Math.log(judgementValue(option)) - Math.log(ratio));
    if (g < gap - 1e-12) {
      gap = g;
      best = option;
    }
  }
  return best;
}

/** How many judgements n items need: n(n − 1)/2. */
export function judgementCount(n: number): number {
  return (n * (n - 1)) / 2;
}

/** The position of the pair (i, j), i < j, in the upper triangle read row by row. */
export function pairIndex(n: number, i: number, j: number): number {
  if (!(i >= 0 && i < j && j < n)) throw new RangeError(`no pair (${i}, ${j}) among ${n} items`);
  return i * n - (i * (i + 1)) / 2 + (j - i - 1);
}

/** The reciprocal matrix of the judgements (1 on the diagonal, 1/x below). */
export function matrixOf(judgements: readonly string[], n: number): number[][] {
  if (judgements.length !== judgementCount(n)) throw new RangeError(`${n} items need ${judgementCount(n)} judgements, got ${judgements.length}`);
  const m = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j): number => (i === j ? 1 : 0)));
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const x = judgementValue(judgements[pairIndex(n, i, j)]);
      m[i][j] = x;
      m[j][i] = 1 / x;
    }
  return m;
}

/** The judgements nearest to a matrix's upper triangle (e.g. the framework's own AHP matrix). */
export function judgementsOf(matrix: readonly (readonly number[])[] | null, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) out.push(matrix ? nearestJudgement(matrix[i][j]) : '1');
  return out;
}
