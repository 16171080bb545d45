import { PinganError } from '../errors/pinganError.ts';
import {
  DistanceToReferenceNormalisation,
  DistanceToTargetNormalisation,
  GoalpostsNormalisation,
  IndexToBaseNormalisation,
  MinMaxNormalisation,
  PercentileRankNormalisation,
  RankNormalisation,
  ZScoreNormalisation,
  type NormalisationSpec,
} from '../framework/methods.ts';
import { distanceToReferenceInto } from '../normalise/distanceToReference.ts';
import { distanceToTargetInto } from '../normalise/distanceToTarget.ts';
import { goalpostsInto } from '../normalise/goalposts.ts';
import { minMaxInto } from '../normalise/minMax.ts';
import { percentileRankInto } from '../normalise/percentileRank.ts';
import { rankInto } from '../normalise/rank.ts';
import { zScoreInto } from '../normalise/zScore.ts';

/**
 * The float kernel of a normalisation: writes the scores of one reference
 * set `src` into `out` (which may be `src`), sets `capped[i] = 1` where a cap
 * applied, and allocates nothing. `referenceIndex` is the reference unit's
 * position in `src` (for `distanceToReference` to a unit), else -1.
 */
export type FloatScorer<S> = (src: Float64Array, out: Float64Array, capped: Uint8Array, spec: S, direction: 1 | -1, referenceIndex: number) => void;

/**
 * One normalisation method, COINr-style (`f_n = "n_minmax"` names a
 * function): its option schema (zod/mini, the framework's), its float
 * kernel, whether it scores against other periods, and whether the fast
 * exact path has a float error bound for it. `normalise`, the compiled
 * plan, the fast exact path and the analysis settings all read it here.
 */
export interface NormalisationMethod<M extends NormalisationSpec['method']> {
  readonly schema: { readonly shape: { readonly method: unknown } };
  /** COINr's function for it, where COINr has one. */
  readonly coinr: string | null;
  readonly float: FloatScorer<Extract<NormalisationSpec, { method: M }>>;
  /** Whether a value is scored against other periods (so a column cannot be scored one period at a time). */
  readonly acrossPeriods: (spec: Extract<NormalisationSpec, { method: M }>) => boolean;
  /** Whether `publishValues` has a rigorous float bound for its scores (the others run in decimal). */
  readonly bounded: boolean;
}

/** A scope of `'panel'` pools every period into one reference set. */
const pooled = (spec: { scope: 'period' | 'panel' }): boolean => spec.scope === 'panel';
const never = (): boolean => false;

/**
 * Every normalisation method, by the name a framework gives it
 * (`normalisation.method`). Adding a method means adding its schema to the
 * union in `framework/methods.ts` and its record here; the type checker
 * then asks for its exact kernel (`exact/normaliseExact.ts`).
 *
 * @example
 * const out = new Float64Array(3);
 * const spec = { method: 'minMax', lower: 0, upper: 100, scope: 'period' } as const;
 * normalisationMethods.minMax.float(new Float64Array([2, 3, 6]), out, new Uint8Array(3), spec, -1, -1); // out [100, 75, 0]
 * normalisationMethods.minMax.acrossPeriods(spec); // false
 */
export const normalisationMethods: { readonly [M in NormalisationSpec['method']]: NormalisationMethod<M> } = {
  minMax: {
    schema: MinMaxNormalisation,
    coinr: 'n_minmax',
    float: (src, out, _capped, spec, direction) => minMaxInto(src, out, direction, spec.lower, spec.upper),
    acrossPeriods: pooled,
    bounded: true,
  },
  zScore: {
    schema: ZScoreNormalisation,
    coinr: 'n_zscore',
    float: (src, out, _capped, spec, direction) => zScoreInto(src, out, direction, spec.mean, spec.sd),
    acrossPeriods: pooled,
    bounded: true,
  },
  goalposts: {
    schema: GoalpostsNormalisation,
    coinr: 'n_goalposts',
    float: (src, out, capped, spec, direction) => goalpostsInto(src, out, capped, direction, spec.min, spec.max, spec.scale, spec.cap),
    // Fixed goalposts: a period's scores do not depend on the other periods.
    acrossPeriods: never,
    bounded: true,
  },
  distanceToReference: {
    schema: DistanceToReferenceNormalisation,
    coinr: 'n_dist2ref',
    float: (src, out, capped, spec, direction, referenceIndex) =>
      distanceToReferenceInto(src, out, capped, direction, 'unit' in spec.reference ? src[referenceIndex] : spec.reference.value, spec.scale, spec.cap),
    acrossPeriods: never,
    bounded: true,
  },
  distanceToTarget: {
    schema: DistanceToTargetNormalisation,
    coinr: 'n_dist2targ',
    float: (src, out, capped, spec, direction) => distanceToTargetInto(src, out, capped, direction, spec.target, spec.scale, spec.cap),
    acrossPeriods: pooled,
    bounded: true,
  },
  percentileRank: {
    schema: PercentileRankNormalisation,
    coinr: 'n_prank',
    float: (src, out, _capped, spec, direction) => percentileRankInto(src, out, direction, spec.scale),
    acrossPeriods: pooled,
    bounded: false,
  },
  rank: {
    schema: RankNormalisation,
    coinr: 'n_rank',
    float: (src, out, _capped, _spec, direction) => rankInto(src, out, direction),
    acrossPeriods: pooled,
    bounded: false,
  },
  indexToBase: {
    schema: IndexToBaseNormalisation,
    coinr: null,
    float: () => {
      throw new PinganError('invalid-argument', 'indexToBase compares each unit with its own base period: normalise the panel with normalise()');
    },
    // Each unit against its own past.
    acrossPeriods: () => true,
    bounded: true,
  },
};

/**
 * The float kernel of a spec's method, applied (the one dispatch over methods).
 *
 * @example
 * const out = new Float64Array(2);
 * scoreInto(new Float64Array([1, 3]), out, new Uint8Array(2), { method: 'rank', scope: 'period' }, 1, -1); // out [1, 2]
 */
export function scoreInto(src: Float64Array, out: Float64Array, capped: Uint8Array, spec: NormalisationSpec, direction: 1 | -1, referenceIndex: number): void {
  (normalisationMethods[spec.method].float as FloatScorer<NormalisationSpec>)(src, out, capped, spec, direction, referenceIndex);
}

/**
 * Whether a spec scores against other periods (its method's rule).
 *
 * @example
 * scoresAcrossPeriodsOf({ method: 'minMax', lower: 0, upper: 100, scope: 'panel' }); // true
 */
export function scoresAcrossPeriodsOf(spec: NormalisationSpec): boolean {
  return (normalisationMethods[spec.method].acrossPeriods as (spec: NormalisationSpec) => boolean)(spec);
}
