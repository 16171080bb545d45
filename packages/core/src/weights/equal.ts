import { PinganError } from '../errors/pinganError.ts';
/**
 * `n` equal weights that sum to 1.
 *
 * @example
 * equalWeights(4); // [0.25, 0.25, 0.25, 0.25]
 */
export function equalWeights(n: number): number[] {
  if (!Number.isInteger(n) || n < 1) throw new PinganError('invalid-argument', `equalWeights needs a positive integer, got ${n}`);
  return new Array<number>(n).fill(1 / n);
}
