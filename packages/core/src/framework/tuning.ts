import * as z from 'zod/mini';

const sha256Hex = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 as 64 lowercase hex digits'));

/**
 * Where a tuned framework came from: a framework changed by hand (say, in the
 * statistician's workbench) says so, so that its results are never taken for
 * the official ones. It names the official framework it started from (id,
 * version and the SHA-256 of its validated document, as `frameworkHash`),
 * the AHP judgements in force, and every change from the official framework.
 */
export const TuningSpec = z.strictObject({
  from: z.strictObject({ id: z.string().check(z.minLength(1)), version: z.string().check(z.minLength(1)), sha256: sha256Hex }),
  /** What made it, e.g. the workbench's address that restores the same settings. */
  tool: z.string().check(z.minLength(1)),
  /** The pairwise judgements behind the weights of one aggregate's children. */
  ahp: z.optional(
    z.strictObject({
      node: z.string().check(z.minLength(1)),
      order: z.array(z.string().check(z.minLength(1))).check(z.minLength(2)),
      matrix: z.array(z.array(z.number().check(z.positive()))),
      consistencyRatio: z.number().check(z.nonnegative()),
      /** Whether the weights of `order` are the AHP weights of `matrix`. */
      applied: z.boolean(),
    }),
  ),
  /** Every difference from the official framework: a path and the official and tuned settings, as text. */
  changes: z.array(z.strictObject({ path: z.string().check(z.minLength(1)), official: z.string(), tuned: z.string() })),
});
export type TuningSpec = z.output<typeof TuningSpec>;
