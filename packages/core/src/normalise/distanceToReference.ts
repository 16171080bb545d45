import type { CappedScores } from './goalposts.ts';

/** Options of {@link distanceToReference}. */
export interface DistanceToReferenceOptions {
  /** The score of the reference value (default 100). */
  scale?: number;
  /** Cap scores above the reference's at `scale` (default false). */
  cap?: boolean;
}

/**
 * Distance-to-reference scores, as COINr's `n_dist2ref`:
 * `(1 - (ref - x) / (ref - min)) * scale`, with `min` the lowest value present,
 * so the lowest value scores 0 and the reference scores `scale`. With `cap`,
 * scores above `scale` (values beyond the reference) become `scale` and are
 * marked in `capped`. A missing value stays missing; a missing reference
 * makes every score missing (COINr returns NAs with a warning), and so does a
 * reference at the lowest value, where no distance is defined (COINr would
 * divide by zero).
 *
 * With `direction` -1 both the values and the reference are multiplied by -1
 * first, as COINr's `Normalise` does, so the formula becomes
 * `1 - (x - ref) / (max - ref)`. COINr's scores are fractions (`scale` 1).
 *
 * @example
 * // min 2, reference 8: 1 - (8-2)/6 = 0, 1 - (8-5)/6 = 0.5, 1, 1 - (8-11)/6 = 1.5
 * distanceToReference([2, 5, 8, 11], 8).scores; // Float64Array [0, 50, 100, 150]
 * distanceToReference([2, 5, 8, 11], 8, { cap: true });
 * // { scores: Float64Array [0, 50, 100, 100], capped: Uint8Array [0, 0, 0, 1] }
 */
export function distanceToReference(
  x: ArrayLike<number>,
  refValue: number,
  options: DistanceToReferenceOptions = {},
  direction: 1 | -1 = 1,
): CappedScores {
  const src = x instanceof Float64Array ? x : Float64Array.from(x);
  const scores = new Float64Array(src.length);
  const capped = new Uint8Array(src.length);
  distanceToReferenceInto(src, scores, capped, direction, refValue, options.scale ?? 100, options.cap ?? false);
  return { scores, capped };
}

/**
 * The kernel of {@link distanceToReference}; `refValue` is in the
 * indicator's own units (it is multiplied by `direction` here).
 *
 * @example
 * const out = new Float64Array(3);
 * distanceToReferenceInto(new Float64Array([2, 5, 8]), out, new Uint8Array(3), 1, 8, 100, false); // out [0, 50, 100]
 */
export function distanceToReferenceInto(
  src: Float64Array,
  out: Float64Array,
  capped: Uint8Array,
  direction: number,
  refValue: number,
  scale: number,
  cap: boolean,
): void {
  const n = src.length;
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = direction * src[i];
    if (v < min) min = v;
  }
  const ref = direction * refValue;
  const width = ref - min;
  // The reference is the lowest value (or nothing is present): no distance is defined.
  if (!(width !== 0 && Number.isFinite(width))) {
    out.fill(Number.NaN);
    return;
  }
  for (let i = 0; i < n; i++) {
    let y = 1 - (ref - direction * src[i]) / width;
    if (cap && y > 1) {
      y = 1;
      capped[i] = 1;
    }
    out[i] = y * scale;
  }
}
