import { z } from 'zod';

const period = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'expected a period YYYY-MM or YYYY');

/** Where a normalisation looks for its reference values. */
const scope = z.enum(['period', 'panel']).default('period');

/**
 * How an indicator becomes a score. Directions are applied as COINr does:
 * a direction of -1 turns "higher is worse" into "higher is better".
 */
export const NormalisationSpec = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('minMax'),
    lower: z.number().default(0),
    upper: z.number().default(100),
    scope,
  }),
  z.object({
    method: z.literal('zScore'),
    mean: z.number().default(0),
    sd: z.number().positive().default(1),
    scope,
  }),
  z.object({
    method: z.literal('goalposts'),
    /** The worst-to-best range in the indicator's own units; which end is best follows the direction. */
    min: z.number(),
    max: z.number(),
    scale: z.number().positive().default(100),
    cap: z.boolean().default(true),
  }),
  z.object({
    method: z.literal('distanceToReference'),
    /** A reference unit (its value in the same period) or a fixed value. */
    reference: z.union([z.object({ unit: z.string() }), z.object({ value: z.number() })]),
    scale: z.number().positive().default(100),
    cap: z.boolean().default(false),
  }),
  z.object({
    method: z.literal('distanceToTarget'),
    target: z.number(),
    scale: z.number().positive().default(100),
    cap: z.boolean().default(true),
    scope,
  }),
  z.object({ method: z.literal('percentileRank'), scale: z.number().positive().default(100), scope }),
  z.object({ method: z.literal('rank'), scope }),
  z.object({
    method: z.literal('indexToBase'),
    /** The base period, or a range whose mean is the base (e.g. a base year of months). */
    base: z.union([period, z.object({ from: period, to: period })]),
    scale: z.number().positive().default(100),
  }),
]);
export type NormalisationSpec = z.output<typeof NormalisationSpec>;
export type NormalisationInput = z.input<typeof NormalisationSpec>;

/** How a group's children are combined. */
export const AggregationSpec = z
  .object({
    method: z.enum(['arithmetic', 'geometric', 'harmonic', 'generalised']).default('arithmetic'),
    /** The exponent of the generalised mean (required for `generalised`). */
    power: z.number().optional(),
    /** The share of children that must be present, below which the result is missing. */
    minAvailability: z.number().min(0).max(1).default(0),
  })
  .superRefine((spec, ctx) => {
    if (spec.method === 'generalised' && (spec.power === undefined || spec.power === 0)) {
      ctx.addIssue({ code: 'custom', message: 'the generalised mean needs a non-zero "power" (use "geometric" for power 0)', path: ['power'] });
    }
  });
export type AggregationSpec = z.output<typeof AggregationSpec>;
export type AggregationInput = z.input<typeof AggregationSpec>;

/** How missing values of an indicator are filled in. */
export const ImputationSpec = z.discriminatedUnion('method', [
  z.object({ method: z.literal('none') }),
  z.object({
    method: z.literal('locf'),
    /** How many periods a value may be carried forward (e.g. 5 for a semiannual survey in a monthly index). */
    maxAge: z.number().int().positive(),
  }),
  z.object({
    method: z.literal('groupMean'),
    /** The unit grouping to use (a key of the data's unit groups); all units form one group when omitted. */
    grouping: z.string().optional(),
  }),
  z.object({
    method: z.literal('interpolate'),
    /** The longest gap, in periods, that may be bridged. */
    maxGap: z.number().int().positive().optional(),
  }),
]);
export type ImputationSpec = z.output<typeof ImputationSpec>;

/** How outliers are treated (COINr's default is winsorise, then log). */
export const TreatmentSpec = z.discriminatedUnion('method', [
  z.object({ method: z.literal('none') }),
  z.object({
    method: z.literal('winsorise'),
    /** The most points that may be winsorised before falling back. */
    winmax: z.number().int().nonnegative().default(5),
    skewThreshold: z.number().positive().default(2),
    kurtosisThreshold: z.number().positive().default(3.5),
    /** What to do if winsorising up to `winmax` points does not pass. */
    fallback: z.enum(['log', 'none']).default('log'),
  }),
]);
export type TreatmentSpec = z.output<typeof TreatmentSpec>;
export type TreatmentInput = z.input<typeof TreatmentSpec>;

/** A transform applied to an indicator before imputation and normalisation. */
export const TransformSpec = z.enum(['none', 'log']);
export type TransformSpec = z.output<typeof TransformSpec>;

/** How a group's children's weights are set. */
export const WeightingSpec = z.discriminatedUnion('method', [
  /** Use each child's own `weight`. */
  z.object({ method: z.literal('fixed') }),
  /** All children weigh the same. */
  z.object({ method: z.literal('equal') }),
  /** The principal eigenvector of a pairwise comparison matrix over `order`. */
  z.object({
    method: z.literal('ahp'),
    order: z.array(z.string()).min(2),
    matrix: z.array(z.array(z.number().positive())),
    allowInconsistent: z.boolean().default(false),
  }),
]);
export type WeightingSpec = z.output<typeof WeightingSpec>;

/**
 * A trailing window over the periods up to and including each period, applied
 * to an indicator after denomination: e.g. the sum of the last 12 monthly
 * rates is the rate over the last 12 months, which has no seasonality and
 * does not swing on one rare event.
 */
export const WindowSpec = z.strictObject({
  periods: z.number().int().min(2),
  statistic: z.enum(['sum', 'mean']).default('sum'),
  /** How many of the window's periods must be present (default: all of them). */
  minPeriods: z.number().int().positive().optional(),
});
export type WindowSpec = z.output<typeof WindowSpec>;

/** A band for the public, e.g. 90 and above 优 (excellent). */
export const BandSpec = z.strictObject({
  code: z.string().min(1),
  /** The lowest value in the band (included). */
  min: z.number(),
  name: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
  /** A CSS colour for the band (text always accompanies it). */
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour #rrggbb'),
});
export type BandSpec = z.output<typeof BandSpec>;
