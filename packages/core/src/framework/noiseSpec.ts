import { z } from 'zod';

/**
 * The sampling noise of an indicator's monthly values (optional; see
 * `resolveNoise` in `noise/` for the defaults when it is absent):
 *
 * - `poisson`: a count of independent events, Poisson with over-dispersion
 *   (quasi-Poisson): variance = dispersion × mean. `dispersion` is a number
 *   (1 = pure Poisson) or `"estimate"` (from the region's own history).
 * - `survey`: a share from a sample survey, with the survey's sample size or
 *   its margin of error (half-width of the 95% interval, in the indicator's
 *   own units); `total` is the value of a 100% share (100 for percent).
 * - `none`: a value without sampling noise (a fixed or administrative value).
 */
export const NoiseSpec = z.discriminatedUnion('model', [
  z.strictObject({
    model: z.literal('poisson'),
    dispersion: z.union([z.literal('estimate'), z.number().min(1)]).default('estimate'),
  }),
  z.strictObject({
    model: z.literal('survey'),
    sampleSize: z.number().int().positive().optional(),
    marginOfError: z.number().positive().optional(),
    total: z.number().positive().default(100),
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
  level: z.number().gt(0).lt(1).optional(),
  /** The sample size of a survey indicator that states neither size nor margin (default 1,000). */
  surveySampleSize: z.number().int().positive().optional(),
  /** The months of a region's own history that estimate a count's mean and dispersion (default 36). */
  baselineMonths: z.number().int().min(13).optional(),
});
export type UncertaintySpec = z.output<typeof UncertaintySpec>;
