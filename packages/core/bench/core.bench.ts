/**
 * Benchmarks of the core library on COINr's ASEM data (run with `pnpm bench`
 * from the root). Prints the median of repeated runs with its spread;
 * asserts nothing about time. Every run starts from the raw tables and does
 * the work described in ./asemRuns.ts:
 *
 * 1. ASEM build (51 units × 49 indicators): read + parse the iData/iMeta
 *    CSVs, validate, denominate, impute, treat, normalise, aggregate.
 * 2. ASEM uncertainty analysis, N = 100, over COINr's four settings: the
 *    tables read, parsed, imported and validated once (compileCoinr), the
 *    nominal build, then 100 replications, each rebuilding every step from
 *    the raw data (denominate → impute → treat → normalise → aggregate).
 * 3. ASEM Sobol' sensitivity analysis: the same, with 600 replications
 *    (N = 100, k = 4) and 100 bootstraps.
 *
 * Ratios against COINr are measured, not quoted: `pnpm bench:coinr` runs
 * COINr's identical work alternately with these runs. The synthetic
 * nationwide panel is benchmarked in packages/cli/bench/nationwide.bench.ts.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ANALYSIS_WARM_UP, ASEM_SETTINGS, ASEM_STEPS, BUILD_WARM_UP, SENSITIVITY_BOOTSTRAP, SENSITIVITY_N, UNCERTAINTY_N, asemSensitivity, asemUncertainty, buildAsem } from './asemRuns.ts';
import { formatWallAndCpu, timeRunsWithCpu } from './timing.ts';

const REFERENCE = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/reference/coinr-asem');
const BUILD_RUNS = 51;
const ANALYSIS_RUNS = 5;

console.log('== @pingan/core benchmarks');
if (!existsSync(REFERENCE)) {
  console.log(`ASEM benchmarks: skipped (NOTICE: ${REFERENCE}, COINr's ASEM tables, is absent)`);
} else {
  const build = timeRunsWithCpu(() => buildAsem(REFERENCE), BUILD_RUNS, BUILD_WARM_UP);
  console.log(`ASEM build, 51 units × 49 indicators (${ASEM_STEPS}; after ${BUILD_WARM_UP} untimed builds): ${formatWallAndCpu(build, 'ms', 2)}; target ≥ 100× COINr (ratio from pnpm bench:coinr)`);

  let uaRebuilds = 0;
  const ua = timeRunsWithCpu(() => (uaRebuilds = asemUncertainty(REFERENCE).rebuilds), ANALYSIS_RUNS, ANALYSIS_WARM_UP);
  console.log(
    `ASEM uncertainty analysis, N = ${UNCERTAINTY_N} (the build above, then ${uaRebuilds} replications, each every step from the raw data; ${ASEM_SETTINGS}; after ${ANALYSIS_WARM_UP} untimed runs): ` +
      `${formatWallAndCpu(ua)}; target ≥ 1000× COINr (ratio from pnpm bench:coinr)`,
  );

  let saRebuilds = 0;
  const sa = timeRunsWithCpu(() => (saRebuilds = asemSensitivity(REFERENCE).rebuilds), ANALYSIS_RUNS, ANALYSIS_WARM_UP);
  console.log(
    `ASEM Sobol' sensitivity analysis, N = ${SENSITIVITY_N} (the build above, then ${saRebuilds} replications, each every step from the raw data, ` +
      `${SENSITIVITY_BOOTSTRAP} bootstraps; same settings): ${formatWallAndCpu(sa)}; target ≥ 1000× COINr (ratio from pnpm bench:coinr)`,
  );
}
