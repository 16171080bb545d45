import type { CappedScores } from './goalposts.ts';

/** Options of {@link distanceToTarget}. */
export interface DistanceToTargetOptions {
  /** The score of a value that meets the target (default 100). */
  scale?: number;
  /** Cap scores beyond the target at `scale` (default true). */
  cap?: boolean;
}

/**
 * Distance-to-target scores, as COINr's `n_dist2targ` (COINr ≥ 1.1.8), times
 * `scale`:
 *
 * - direction 1 (the target is high): `(x - min) / (target - min)`
 * - direction -1 (the target is low): `(max - x) / (max - target)`
 *
 * with min and max over the values present, so the worst value scores 0 and
 * the target scores `scale`. With `cap`, values that surpass the target score
 * `scale` (COINr's `cap_max`: fractions above 1 become 1; nothing is capped
 * below) and are marked in `capped`. A missing value stays missing. When the
 * target is the worst value present, no distance is defined and every score
 * is missing.
 *
 * (COINr's `Normalise` multiplies the indicator and the target by the
 * direction and calls `n_dist2targ` with direction 1; the arithmetic is the
 * same.)
 *
 * @example
 * // min 2, target 8: (2-2)/6 = 0, (5-2)/6 = 0.5, 1, (11-2)/6 = 1.5 → capped to 1
 * distanceToTarget([2, 5, 8, 11], 8);
 * // { scores: Float64Array [0, 50, 100, 100], capped: Uint8Array [0, 0, 0, 1] }
 * // lower is better, max 11, target 5: (11-2)/6 = 1.5 → 1, 1, 0.5, 0
 * distanceToTarget([2, 5, 8, 11], 5, {}, -1).scores; // Float64Array [100, 100, 50, 0]
 */
export function distanceToTarget(
  x: ArrayLike<number>,
  target: number,
  options: DistanceToTargetOptions = {},
  direction: 1 | -1 = 1,
): CappedScores {
  const src = x instanceof Float64Array ? x : Float64Array.from(x);
  const scores = new Float64Array(src.length);
  const capped = new Uint8Array(src.length);
  distanceToTargetInto(src, scores, capped, direction, target, options.scale ?? 100, options.cap ?? true);
  return { scores, capped };
}

/**
 * The kernel of {@link distanceToTarget}.
 *
 * @example
 * const out = new Float64Array(2);
 * distanceToTargetInto(new Float64Array([2, 5]), out, new Uint8Array(2), 1, 8, 100, true); // out [0, 50]
 */
export function distanceToTargetInto(
  src: Float64Array,
  out: Float64Array,
  capped: Uint8Array,
  direction: number,
  target: number,
  scale: number,
  cap: boolean,
): void {
  const n = src.length;
  if (direction === -1) {
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) if (src[i] > max) max = src[i];
    const width = max - target;
    if (!(width !== 0 && Number.isFinite(width))) {
      out.fill(Number.NaN);
      return;
    }
    for (let i = 0; i < n; i++) {
      let y = (max - src[i]) / width;
      if (cap && y > 1) {
        y = 1;
        capped[i] = 1;
      }
      out[i] = y * scale;
    }
    return;
  }
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) if (src[i] < min) min = src[i];
  const width = target - min;
  // The target is the worst value (or nothing is present): no distance is defined.
  if (!(width !== 0 && Number.isFinite(width))) {
    out.fill(Number.NaN);
    return;
  }
  for (let i = 0; i < n; i++) {
    let y = (src[i] - min) / width;
    if (cap && y > 1) {
      y = 1;
      capped[i] = 1;
    }
    out[i] = y * scale;
  }
}
