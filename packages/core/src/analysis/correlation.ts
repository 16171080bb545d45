import { PinganError } from '../errors/pinganError.ts';
import { pearson } from './pearson.ts';
import { spearman } from './spearman.ts';

/** The correlation coefficients on offer. */
export type CorrelationMethod = 'pearson' | 'spearman';

/**
 * The correlation of two series by the given method, over pairwise-complete
 * observations (see `pearson` and `spearman`).
 *
 * @example
 * correlation([1, 2, 3], [1, 4, 9], 'spearman'); // 1
 * correlation([1, 2, 3], [1, 4, 9], 'pearson'); // 0.9897…
 */
export function correlation(x: ArrayLike<number>, y: ArrayLike<number>, method: CorrelationMethod = 'pearson'): number {
  if (method === 'pearson') return pearson(x, y);
  if (method === 'spearman') return spearman(x, y);
  throw new PinganError('invalid-argument', `unknown correlation method "${String(method)}" (expected "pearson" or "spearman")`);
}
