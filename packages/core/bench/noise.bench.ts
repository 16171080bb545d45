/**
 * The noise benchmark (issue 9; run with `pnpm bench` from the root). Prints
 * figures beside their targets; asserts nothing about time. Timings on a
 * shared machine are noisy: medians of repeated runs are reported, with the
 * process's CPU time beside the wall time (on a loaded machine the wall time
 * also counts the time the process waited for a core), and the load average.
 *
 * The headline lines time what a release publishes for its months (the
 * analytic method of `monthUncertainty`, steps as the release runs them):
 *
 * - `cellNoise`: the noise level μ, φ of every raw cell;
 * - `latticeIntervals`: the published 90% intervals of every value (indicator
 *   scores, groups, the index) and of every month-on-month (lag 1) and
 *   year-on-year (lag 12) change, rare counts by their exact distribution;
 * - `analyticUncertainty`: the standard errors the rank intervals draw from;
 * - `controlCharts`: the early warning's charts (EWMA, λ = 0.2, L = 2.8704)
 *   of every region × count indicator;
 *
 * for every month of the history at once (a release asks for one month; the
 * work per month is the same).
 *
 * 1. The SYNTHETIC sample history (data/: 6 regions × 82 months × 14
 *    indicators, the Xiangtan framework), already built; target ≤ 50 ms.
 *    Beside it the normal intervals alone (`analyticUncertainty` +
 *    charts, what the releases published before the lattice intervals), and
 *    the seeded bootstrap (`bootstrapUncertainty`, 1,000 draws) for one month,
 *    with what the whole history would take at that rate.
 * 2. The synthetic nationwide panel (2,844 units × 120 months × 14
 *    indicators, made as in packages/cli/bench/nationwide.bench.ts: same
 *    seed and recipe) under a Xiangtan-shaped framework whose pipeline is
 *    linear in the counts (12-month rates per 100,000, goalposts, arithmetic
 *    means; the nationwide benchmark's min-max scores are not, and would go
 *    to the bootstrap); target ≤ 5 s. The lattice intervals are timed for
 *    every month of the first tenth of the units (284: a unit's intervals
 *    depend on its own rows only, so this is a tenth of the work), one run,
 *    and scaled by 10 to the whole panel, which is said where it is printed; the
 *    normal intervals and the charts are timed for the whole panel. Beside
 *    them the bootstrap's time per draw for one month.
 */
import { availableParallelism, loadavg } from 'node:os';
import {
  analyticUncertainty,
  bootstrapUncertainty,
  buildIndex,
  cellNoise,
  controlCharts,
  createPanel,
  latticeIntervals,
  type Framework,
  type IndexResult,
  type Panel,
} from '../src/index.ts';
import { samplePanel, xiangtanFramework } from '../test/noise/sampleData.ts';
import { nationwideFramework, nationwidePanel } from './nationwidePanel.ts';
import { formatWallAndCpu, summarise, timeRunsWithCpu } from './timing.ts';

const LAGS = [1, 12];

/** The panel's first n units (every period and code). */
function firstUnits(panel: Panel, n: number): Panel {
  const U = panel.units.length;
  const P = panel.periods.length;
  const C = panel.codes.length;
  const values = new Float64Array(n * P * C);
  const flags = new Uint8Array(n * P * C);
  for (let p = 0; p < P; p++) {
    for (let u = 0; u < n; u++) {
      for (let c = 0; c < C; c++) {
        values[(p * n + u) * C + c] = panel.values[(p * U + u) * C + c];
        flags[(p * n + u) * C + c] = panel.flags[(p * U + u) * C + c];
      }
    }
  }
  return createPanel({ units: panel.units.slice(0, n), periods: panel.periods, codes: panel.codes, values, flags });
}
const LEVEL = 0.9;

/** What a release publishes, for the months asked (default: all). */
function publishedWork(result: IndexResult, periods?: readonly string[]): void {
  const noise = cellNoise(result.raw, result.framework);
  latticeIntervals(result, { lags: LAGS, level: LEVEL, ...(periods ? { periods } : {}) }, noise);
  analyticUncertainty(result, LAGS, noise);
  controlCharts(result.raw, result.framework);
}

/** The normal intervals and the charts (the releases' analytic method before the lattice intervals). */
function normalWork(result: IndexResult): void {
  const noise = cellNoise(result.raw, result.framework);
  analyticUncertainty(result, LAGS, noise);
  controlCharts(result.raw, result.framework);
}

const load = () => `load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`;

function benchSample(): void {
  const fw = xiangtanFramework();
  const result = buildIndex(fw, samplePanel(fw));
  const months = result.raw.periods.length;
  const units = result.raw.units.length;
  const size = `${units} regions × ${months} months × ${fw.indicators.length} indicators, ${result.aggregated.codes.length} columns`;
  const published = timeRunsWithCpu(() => publishedWork(result), 7);
  console.log(
    `sample history (SYNTHETIC, ${size}), what a release publishes for every month: cellNoise + latticeIntervals (90% intervals of every value, ` +
      `month-on-month and year-on-year change) + analyticUncertainty (the rank intervals' standard errors) + controlCharts: ` +
      `${formatWallAndCpu(published)}; target ≤ 50 ms (${load()})`,
  );
  const noise = cellNoise(result.raw, result.framework);
  const lattice = timeRunsWithCpu(() => latticeIntervals(result, { lags: LAGS, level: LEVEL }, noise), 7);
  console.log(`  of which latticeIntervals alone: ${formatWallAndCpu(lattice)}`);
  const exact = timeRunsWithCpu(() => latticeIntervals(result, { lags: LAGS, level: LEVEL, exact: true }, noise), 5);
  console.log(`  beside it: latticeIntervals with exact: true (every figure's distribution; the fast path's reference): ${formatWallAndCpu(exact)}`);
  const charts = timeRunsWithCpu(() => controlCharts(result.raw, result.framework), 15);
  console.log(`  of which controlCharts alone: ${formatWallAndCpu(charts)}`);
  const normal = timeRunsWithCpu(() => normalWork(result), 15);
  console.log(`sample history, beside it: the normal intervals (cellNoise + analyticUncertainty) + controlCharts: ${formatWallAndCpu(normal)}`);
  const draws = 1000;
  const boot = timeRunsWithCpu(() => bootstrapUncertainty(result, { draws, seed: 1, periods: ['2025-10'] }), 3, 0);
  const perMonth = summarise(boot.wall).median / 1000;
  const charted = months - 11;
  console.log(
    `sample history, beside it: the seeded bootstrap (${draws} draws, rebuilding the 24 months one month needs) for one month: ${formatWallAndCpu(boot, 's')}; ` +
      `${charted} months with an index → about ${((perMonth * charted) / 60).toFixed(1)} min wall for the whole history`,
  );
}

/** The nationwide framework with Xiangtan's methods: 12-month rates per 100,000, goalposts, arithmetic means. */
function linearNationwideFramework(): Framework {
  return nationwideFramework('nationwide-synthetic-linear', { zh: '合成全国面板（线性）', en: 'Synthetic nationwide panel (linear)' }, (k, survey) => ({
    unit: survey ? { zh: '%', en: '%' } : { zh: '起', en: 'cases' },
    // The panel's monthly counts are about (1 + k) per 10,000 residents: a 12-month rate of 120 (1 + k) per 100,000.
    normalisation: survey ? { method: 'goalposts', min: 80, max: 100 } : { method: 'goalposts', min: 0, max: 240 * (1 + k) },
    ...(survey ? {} : { window: { periods: 12, statistic: 'sum' } }),
  }));
}

function benchNationwide(): void {
  const fw = linearNationwideFramework();
  const result = buildIndex(fw, nationwidePanel(fw));
  const months = result.aggregated.periods.length;
  const size = `${result.raw.units.length.toLocaleString('en')} units × ${months} months × ${fw.indicators.length} indicators`;
  const normal = timeRunsWithCpu(() => normalWork(result), 3, 0);
  console.log(`nationwide panel (SYNTHETIC, ${size}), the normal intervals (cellNoise + analyticUncertainty) + controlCharts, whole panel: ${formatWallAndCpu(normal, 's')}`);
  const last = result.aggregated.periods[months - 1];
  const units = result.raw.units.length;
  const tenth = Math.round(units / 10);
  const part = buildIndex(fw, firstUnits(result.raw, tenth));
  const partNoise = cellNoise(part.raw, part.framework);
  // Every month of the tenth (the fast path takes seconds here, not minutes), scaled by the units only.
  const oneMonth = timeRunsWithCpu(() => latticeIntervals(part, { lags: LAGS, level: LEVEL }, partNoise), 1, 0);
  const scale = units / tenth;
  const month = { wall: summarise(oneMonth.wall).median, cpu: summarise(oneMonth.cpu).median };
  const normalMedian = { wall: summarise(normal.wall).median, cpu: summarise(normal.cpu).median };
  console.log(
    `nationwide panel, latticeIntervals for all ${months} months of its first ${tenth} units (one run): ${(month.wall / 1000).toFixed(2)} s wall, ${(month.cpu / 1000).toFixed(2)} s CPU; ` +
      `what a release publishes for the whole panel, ESTIMATED as ${(units / tenth).toFixed(2)} × that + the normal intervals and charts above (not timed as one run): ` +
      `about ${((month.wall * scale + normalMedian.wall) / 1000 / 60).toFixed(0)} min wall, ${((month.cpu * scale + normalMedian.cpu) / 1000 / 60).toFixed(0)} min CPU; target ≤ 5 s (${load()})`,
  );
  const draws = 10;
  const boot = timeRunsWithCpu(() => bootstrapUncertainty(result, { draws, seed: 1, periods: [last] }), 1, 0);
  const perDraw = summarise(boot.wall).median / draws / 1000;
  console.log(
    `nationwide panel, beside it: the seeded bootstrap for one month: ${perDraw.toFixed(2)} s wall a draw (${draws} draws timed, one run) → about ${((perDraw * 1000) / 60).toFixed(0)} min for 1,000 draws`,
  );
  console.log(`memory: rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
}

console.log(`== @pingan/core noise benchmarks (timings on a shared machine are noisy: ${load()}; medians, CPU time beside wall time)`);
benchSample();
benchNationwide();
