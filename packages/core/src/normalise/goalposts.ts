/** Options of {@link goalposts}. */
export interface GoalpostsOptions {
  /** The low goalpost, in the indicator's own units. */
  min: number;
  /** The high goalpost, in the indicator's own units. */
  max: number;
  /** The score at the best goalpost (default 100). */
  scale?: number;
  /** Clamp the scores into [0, scale] (default true). */
  cap?: boolean;
}

/** Scores and, for each cell, whether a cap changed its score (1) or not (0). */
export interface CappedScores {
  scores: Float64Array;
  capped: Uint8Array;
}

/**
 * Goalpost scores, as COINr's `n_goalposts` with its parameters taken from
 * `iMeta` (COINr ≥ 1.1.8): the fraction of the way from the worst goalpost to
 * the best, times `scale`.
 *
 * - direction 1 (higher is better): `(x - min) / (max - min)`
 * - direction -1 (lower is better, `min` is the best): `(max - x) / (max - min)`
 *
 * (COINr multiplies the indicator by -1 and uses goalposts `c(-max, -min)`,
 * which is the same arithmetic.) With `cap`, fractions above 1 become 1 and
 * below 0 become 0 before scaling, so scores lie in [0, scale]; `capped`
 * marks the cells whose score the cap changed. A missing value stays missing.
 *
 * @example
 * // (x - 0) / 100: -0.05 → capped to 0, 0.2, 0.5, 1.2 → capped to 1; then × 100
 * goalposts([-5, 20, 50, 120], { min: 0, max: 100 });
 * // { scores: Float64Array [0, 20, 50, 100], capped: Uint8Array [1, 0, 0, 1] }
 * // lower is better: (100 - 20) / 100 × 100 = 80
 * goalposts([20], { min: 0, max: 100 }, -1).scores; // Float64Array [80]
 */
export function goalposts(x: ArrayLike<number>, options: GoalpostsOptions, direction: 1 | -1 = 1): CappedScores {
  const src = x instanceof Float64Array ? x : Float64Array.from(x);
  const scores = new Float64Array(src.length);
  const capped = new Uint8Array(src.length);
  goalpostsInto(src, scores, capped, direction, options.min, options.max, options.scale ?? 100, options.cap ?? true);
  return { scores, capped };
}

/**
 * The kernel of {@link goalposts}: writes scores into `out` and sets
 * `capped[i] = 1` where a cap applied (other entries are left untouched).
 *
 * @example
 * const out = new Float64Array(1);
 * const capped = new Uint8Array(1);
 * goalpostsInto(new Float64Array([150]), out, capped, 1, 0, 100, 100, true); // out [100], capped [1]
 */
export function goalpostsInto(
  src: Float64Array,
  out: Float64Array,
  capped: Uint8Array,
  direction: number,
  min: number,
  max: number,
  scale: number,
  cap: boolean,
): void {
  const n = src.length;
  const width = max - min;
  for (let i = 0; i < n; i++) {
    let y = direction === -1 ? (max - src[i]) / width : (src[i] - min) / width;
    if (cap) {
      if (y > 1) {
        y = 1;
        capped[i] = 1;
      } else if (y < 0) {
        y = 0;
        capped[i] = 1;
      }
    }
    out[i] = y * scale;
  }
}
