import { PinganError } from '../errors/pinganError.ts';
/**
 * Primitive polynomials and initial direction numbers for dimensions 2 to 16
 * (Joe & Kuo 2008, new-joe-kuo-6.21201): [degree s, coefficients a, m₁…mₛ].
 */
const DIRECTIONS: readonly (readonly [number, number, readonly number[]])[] = [
  [1, 0, [1]],
  [2, 1, [1, 3]],
  [3, 1, [1, 3, 1]],
  [3, 2, [1, 1, 1]],
  [4, 1, [1, 1, 3, 3]],
  [4, 4, [1, 3, 5, 13]],
  [5, 2, [1, 1, 5, 5, 17]],
  [5, 4, [1, 1, 5, 5, 5]],
  [5, 7, [1, 1, 7, 11, 19]],
  [5, 11, [1, 1, 5, 1, 1]],
  [5, 13, [1, 1, 1, 3, 11]],
  [5, 14, [1, 3, 5, 5, 31]],
  [6, 1, [1, 3, 3, 9, 7, 49]],
  [6, 13, [1, 1, 1, 15, 21, 21]],
  [6, 16, [1, 3, 1, 13, 27, 49]],
];

/** The most dimensions `sobolSequence` provides. */
export const SOBOL_MAX_DIMENSIONS = DIRECTIONS.length + 1;

const BITS = 32;

function directionNumbers(dimension: number): Uint32Array {
  const v = new Uint32Array(BITS);
  if (dimension === 0) {
    for (let i = 0; i < BITS; i++) v[i] = 1 << (31 - i);
    return v;
  }
  const [s, a, m] = DIRECTIONS[dimension - 1];
  for (let i = 0; i < s; i++) v[i] = (m[i] << (31 - i)) >>> 0;
  for (let i = s; i < BITS; i++) {
    let value = v[i - s] ^ (v[i - s] >>> s);
    for (let k = 1; k < s; k++) if ((a >>> (s - 1 - k)) & 1) value ^= v[i - k];
    v[i] = value >>> 0;
  }
  return v;
}

/**
 * The first `n` points of the Sobol' low-discrepancy sequence in
 * `dimensions` dimensions (Gray-code order, skipping the all-zero first
 * point), as rows of a Float64Array of n × dimensions values in [0, 1).
 * Saltelli's sampling for variance-based sensitivity uses it for its A and B
 * matrices.
 *
 * @example
 * sobolSequence(3, 2); // Float64Array [0.5, 0.5, 0.75, 0.25, 0.25, 0.75]
 */
export function sobolSequence(n: number, dimensions: number): Float64Array {
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > SOBOL_MAX_DIMENSIONS) {
    throw new PinganError('invalid-argument', `the Sobol' sequence here has 1 to ${SOBOL_MAX_DIMENSIONS} dimensions, got ${dimensions}`);
  }
  const v = Array.from({ length: dimensions }, (_, d) => directionNumbers(d));
  const x = new Uint32Array(dimensions);
  const out = new Float64Array(n * dimensions);
  for (let i = 0; i < n; i++) {
    // Gray code: point i + 1 differs from point i in the direction of the lowest zero bit of i.
    let c = 0;
    let value = i;
    while (value & 1) {
      value >>>= 1;
      c++;
    }
    for (let d = 0; d < dimensions; d++) {
      x[d] = (x[d] ^ v[d][c]) >>> 0;
      out[i * dimensions + d] = x[d] / 2 ** 32;
    }
  }
  return out;
}
