import { PinganError } from '../errors/pinganError.ts';
import { pearson } from './pearson.ts';
import { averageRanks } from './ranks.ts';

/**
 * Spearman's rank correlation over the pairwise-complete observations
 * (pairs with `NaN` in either series are dropped first, then both series are
 * ranked, ties getting average ranks) — the same as R's
 * `cor(x, y, method = "spearman", use = "pairwise.complete.obs")`.
 * `NaN` when fewer than 2 pairs remain or either series is constant.
 *
 * @example
 * spearman([1, 2, 3, 4], [1, 8, 27, 64]); // 1 (any increasing relation)
 * spearman([1, 2, 2, 3], [1, 3, 2, 4]); // 0.9486…
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (y.length !== n) throw new PinganError('invalid-argument', `spearman needs series of equal length, got ${n} and ${y.length}`);
  let count = 0;
  for (let i = 0; i < n; i++) if (x[i] === x[i] && y[i] === y[i]) count++;
  if (count < 2) return Number.NaN;
  let xs: ArrayLike<number> = x;
  let ys: ArrayLike<number> = y;
  if (count < n) {
    const a = new Float64Array(count);
    const b = new Float64Array(count);
    for (let i = 0, k = 0; i < n; i++) {
      if (x[i] !== x[i] || y[i] !== y[i]) continue;
      a[k] = x[i];
      b[k] = y[i];
      k++;
    }
    xs = a;
    ys = b;
  }
  return pearson(averageRanks(xs), averageRanks(ys));
}
