/**
 * The noise benchmark (issue 9; run with `pnpm bench` from the root). Prints
 * figures beside their targets; asserts nothing about time. Timings on a
 * shared machine are noisy: medians are reported.
 *
 * 1. The SYNTHETIC sample history (data/: 6 regions × 82 months × 14
 *    indicators, the Xiangtan framework), already built: the analytic
 *    intervals of every value and of every month-on-month and year-on-year
 *    change (`cellNoise` + `analyticUncertainty`) and the early warning's
 *    control charts (`controlCharts`) for the whole history; target ≤ 50 ms.
 *    Beside it the same with the lattice intervals (`latticeIntervals`,
 *    opt-in) for the whole history and for one month, and the seeded
 *    bootstrap (`bootstrapUncertainty`, 1,000 draws)
 *    for one month, and what the whole history would take at that rate.
 * 2. The synthetic nationwide panel (2,844 units × 120 months × 14
 *    indicators, made as in packages/cli/bench/nationwide.bench.ts: same
 *    seed and recipe) under a Xiangtan-shaped framework whose pipeline is
 *    linear in the counts (12-month rates per 100,000, goalposts, arithmetic
 *    means; the nationwide benchmark's min-max scores are not, and would go
 *    to the bootstrap): the same analytic work; target ≤ 5 s. Beside it the
 *    lattice intervals of the last 12 months (extrapolated to 120) and the
 *    bootstrap's time per draw for one month.
 */
import {
  analyticUncertainty,
  bootstrapUncertainty,
  buildIndex,
  cellNoise,
  controlCharts,
  latticeIntervals,
  type Framework,
  type IndexResult,
} from '../src/index.ts';
import { samplePanel, xiangtanFramework } from '../test/noise/sampleData.ts';
import { nationwideFramework, nationwidePanel } from './nationwidePanel.ts';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Wall-clock and CPU times (ms) of `runs` runs: on a shared machine the CPU time says more. */
function time(runs: number, work: () => void): { median: number; cpu: number; times: number[] } {
  const times: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    work();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000);
  }
  return { median: median(times), cpu: median(cpus), times };
}

/** Intervals of every value and change, and the control charts, for a whole build. */
function analyticWork(result: IndexResult): void {
  const noise = cellNoise(result.raw, result.framework);
  analyticUncertainty(result, [1, 12], noise);
  controlCharts(result.raw, result.framework);
}

function benchSample(): void {
  const fw = xiangtanFramework();
  const result = buildIndex(fw, samplePanel(fw));
  const months = result.raw.periods.length;
  analyticWork(result); // warm-up
  const analytic = time(15, () => analyticWork(result));
  console.log(
    `sample history (6 regions × ${months} months × 14 indicators), analytic intervals of every value, month-on-month and year-on-year change, ` +
      `and the control charts: median of 15 ${analytic.median.toFixed(1)} ms wall, ${analytic.cpu.toFixed(1)} ms CPU; target ≤ 50 ms`,
  );
  const lattice = time(3, () => {
    const noise = cellNoise(result.raw, result.framework);
    latticeIntervals(result, {}, noise);
    controlCharts(result.raw, result.framework);
  });
  const oneMonth = time(5, () => latticeIntervals(result, { periods: ['2025-10'] }));
  console.log(
    `sample history, the same with the lattice intervals (latticeIntervals: exact distributions of rare counts; opt-in, not yet published): ` +
      `median of 3 ${lattice.median.toFixed(0)} ms wall, ${lattice.cpu.toFixed(0)} ms CPU; one month (what a release needs): median of 5 ${oneMonth.median.toFixed(0)} ms`,
  );
  const draws = 1000;
  const boot = time(3, () => bootstrapUncertainty(result, { draws, seed: 1, periods: ['2025-10'] }));
  const perMonth = boot.median / 1000;
  const charted = months - 11;
  console.log(
    `sample history, seeded bootstrap (${draws} draws, rebuilding the 24 months one month needs): median of 3 ${perMonth.toFixed(2)} s for one month; ` +
      `${charted} months with an index → about ${((perMonth * charted) / 60).toFixed(1)} min for the whole history`,
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
  const analytic = time(3, () => analyticWork(result));
  console.log(
    `nationwide panel (2,844 units × 120 months × 14 indicators, SYNTHETIC), analytic intervals of every value and change, and the control charts: ` +
      `median of 3 ${(analytic.median / 1000).toFixed(2)} s wall (runs ${analytic.times.map((t) => (t / 1000).toFixed(2)).join(', ')} s), ${(analytic.cpu / 1000).toFixed(2)} s CPU; target ≤ 5 s`,
  );
  const lastYear = result.aggregated.periods.slice(-12);
  const lattice = time(1, () => latticeIntervals(result, { periods: lastYear }));
  console.log(
    `nationwide panel, lattice intervals (opt-in) for its last 12 months: ${(lattice.median / 1000).toFixed(2)} s wall, ${(lattice.cpu / 1000).toFixed(2)} s CPU ` +
      `(one run) → about ${((lattice.median / 1000) * 10).toFixed(0)} s for all 120 months`,
  );
  const draws = 10;
  const boot = time(1, () => bootstrapUncertainty(result, { draws, seed: 1, periods: ['2025-12'] }));
  const perDraw = boot.median / draws / 1000;
  console.log(
    `nationwide panel, seeded bootstrap for one month: ${perDraw.toFixed(2)} s a draw (${draws} draws timed) → about ${((perDraw * 1000) / 60).toFixed(0)} min for 1,000 draws`,
  );
  console.log(`memory: rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
}

console.log(`== @pingan/core noise benchmarks (timings on a shared machine are noisy: load average ${(await import('node:os')).loadavg()[0].toFixed(1)} on ${(await import('node:os')).availableParallelism()} cores; CPU time is printed beside wall time)`);
benchSample();
benchNationwide();
