import * as z from 'zod/mini';

/**
 * The sampling noise of an indicator's monthly values (optional; see
 * `resolveNoise` in `noise/` for the defaults when it is absent):
 *
 * - `poisson`: a count of independent events, Poisson with over-dispersion
 *   (quasi-Poisson): variance = dispersion × mean. `dispersion` is a number
 *   (1 = pure Poisson) or `"estimate"` (from the region's own history:
 *   same-month-last-year differences over the baseline, used only where
 *   Pearson's dispersion test rejects the Poisson at 5%, else 1; see
 *   `countDispersion`, `DISPERSION_TEST_LEVEL`). The mean is the baseline's
 *   average with Kerman's neutral prior count ⅓ (`baselineMean`).
 * - `survey`: a share from a sample survey, with the survey's sample size or
 *   its margin of error (half-width of the 95% interval, in the indicator's
 *   own units); `total` is the value of a 100% share (100 for percent).
 * - `none`: a value without sampling noise (a fixed or administrative value).
 */
export const NoiseSpec = z.discriminatedUnion('model', [
  z.strictObject({
    model: z.literal('poisson'),
    dispersion: z._default(z.union([z.literal('estimate'), z.number().check(z.gte(1))]), 'estimate'),
  }),
  z.strictObject({
    model: z.literal('survey'),
    sampleSize: z.optional(z.int().check(z.positive())),
    marginOfError: z.optional(z.number().check(z.positive())),
    total: z._default(z.number().check(z.positive()), 100),
  }),
  z.strictObject({ model: z.literal('none') }),
]);
export type NoiseSpec = z.output<typeof NoiseSpec>;
export type NoiseInput = z.input<typeof NoiseSpec>;

/**
 * Framework-wide settings of the uncertainty of published figures (all
 * optional; defaults in `resolveUncertaintySettings`).
 */
export const UncertaintySpec = z.strictObject({
  /** The level of intervals and of the verdict rule (default 0.9). */
  level: z.optional(z.number().check(z.gt(0), z.lt(1))),
  /** The sample size of a survey indicator that states neither size nor margin (default 1,000). */
  surveySampleSize: z.optional(z.int().check(z.positive())),
  /** The months of a region's own history that estimate a count's mean and dispersion (default 36). */
  baselineMonths: z.optional(z.int().check(z.gte(13))),
});
export type UncertaintySpec = z.output<typeof UncertaintySpec>;
