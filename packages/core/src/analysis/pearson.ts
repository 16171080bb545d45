import { PinganError } from '../errors/pinganError.ts';
/**
 * Pearson's correlation of two equally long series over their
 * pairwise-complete observations: a pair is skipped when either value is
 * `NaN`. `NaN` when fewer than 2 pairs remain or either series is constant
 * over them (as R's `cor(x, y, use = "pairwise.complete.obs")`, which
 * returns `NA` there).
 *
 * @example
 * pearson([1, 2, 3, 4], [2, 4, 5, 9]); // 0.9647…
 * pearson([1, 2, NaN, 4], [2, 4, 100, 8]); // 1 (the third pair is skipped)
 */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (y.length !== n) throw new PinganError('invalid-argument', `pearson needs series of equal length, got ${n} and ${y.length}`);
  let count = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    const a = x[i];
    const b = y[i];
    if (a !== a || b !== b) continue; // NaN
    count++;
    sx += a;
    sy += b;
  }
  if (count < 2) return Number.NaN;
  const mx = sx / count;
  const my = sy / count;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const a = x[i];
    const b = y[i];
    if (a !== a || b !== b) continue;
    const dx = a - mx;
    const dy = b - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  if (!(sxx > 0) || !(syy > 0)) return Number.NaN;
  const r = sxy / Math.sqrt(sxx * syy);
  // Guard against rounding just outside [-1, 1].
  return r > 1 ? 1 : r < -1 ? -1 : r;
}
