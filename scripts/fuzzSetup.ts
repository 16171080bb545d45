/**
 * Vitest setup: PINGAN_FUZZ_RUNS sets how many runs every fast-check
 * property makes (`pnpm fuzz` sets 10,000). Properties that give their own
 * default read the same variable; without it each keeps its default.
 */
import fc from 'fast-check';

const runs = process.env.PINGAN_FUZZ_RUNS;
if (runs !== undefined) {
  if (!/^[1-9]\d*$/.test(runs)) throw new Error(`PINGAN_FUZZ_RUNS must be a positive whole number, got "${runs}"`);
  fc.configureGlobal({ numRuns: Number(runs) });
}
