/**
 * Must show (issue 9): simulated from a known Poisson model on the Xiangtan
 * framework, the 90% intervals of the index and of its month-on-month change
 * cover the true value 87–93% of the time.
 *
 * The intervals published (`analyticUncertainty`, normal) are asserted. The
 * opt-in lattice intervals (`latticeIntervals`, exact distributions of rare
 * counts, which agree with the percentile bootstrap) are measured on the
 * same histories and printed by region; their index level is asserted
 * pooled. They over-cover changes (about 93.6% month on month pooled, 97%
 * in Shaoshan). No single region can sit at exactly 90% on a lattice.
 *
 * That over-coverage does not come from the quantile convention: the same
 * lattice intervals computed with the model's true noise (the known μ of
 * every count cell, φ = 1) are measured too, and their month-on-month
 * changes cover 87–93% (asserted, pooled: 91.3%; 90.4–91.9% in every
 * region, Shaoshan 91.9%, against 97.4% with the estimated noise). What
 * widens the intervals is the estimated noise, which the bootstrap shares
 * (so changing it keeps the agreement): measured once on these histories,
 * fixing φ = 1 (the truth here) instead of φ̂ from 36 months brings month
 * on month to 92.5% pooled (Shaoshan 96.5%), and μ̂ with a ⅓ prior count
 * instead of Jeffreys' ½ (+0.014 a month, a large share of a rare count's
 * mean in a district of 100,000) to 93.1%; both together 91.9%
 * (Shaoshan 94.6%). Mid-quantiles (Parzen's mid-distribution, counting an end
 * atom half in) were tried for both the analytic and the bootstrap
 * intervals and left pooled coverage unchanged (month on month 93.6% →
 * 93.8%): the index's distribution always has a normal part, where the
 * mid-quantile is the quantile; and they broke the agreement with the
 * bootstrap at single indicators (replicates of a rare count's change
 * form clusters 0.01–0.02 wide, not exact ties, around each lattice
 * point, and a sample mid-quantile is not robust to that).
 * With the true noise the index's level covers only about 84% (printed, not
 * asserted); why is not yet understood (its truth, the index of the
 * expected counts, need not be the centre of its sampling distribution
 * where scores are capped, is one candidate).
 */
import { describe, expect, it } from 'vitest';
import { analyticUncertainty, buildIndex, cellNoise, latticeIntervals, normalInterval, type CellNoise } from '../../src/index.ts';
import { samplePanel, xiangtanFramework } from './sampleData.ts';
import { knownModel, simulate } from './simulation.ts';

describe('coverage of the analytic 90% intervals (known Poisson model, Xiangtan framework)', () => {
  const fw = xiangtanFramework();
  const model = knownModel(fw, samplePanel(fw));
  const truth = buildIndex(fw, model.truth).aggregated;
  const replicates = 60;
  const months = model.periods.slice(-12); // 2024-01 … 2024-12: full windows, a 36-month baseline behind the latest
  const U = model.units.length;
  const K = truth.codes.length;
  const root = truth.codes.indexOf(fw.root);
  const hits = { index: 0, mom: 0, yoy: 0 };
  const perUnit = model.units.map(() => ({ index: 0, mom: 0, n: 0 }));
  // The same for the lattice intervals (latticeIntervals: exact distributions of the rare counts).
  const latticeHits = { index: 0, mom: 0, yoy: 0 };
  const latticePerUnit = model.units.map(() => ({ index: 0, mom: 0, yoy: 0 }));
  // The lattice intervals again, with the model's true noise: every count cell's known mean, φ = 1.
  const trueHits = { index: 0, mom: 0 };
  const truePerUnit = model.units.map(() => ({ index: 0, mom: 0 }));
  const trueNoise = (estimated: CellNoise): CellNoise => {
    const mean = Float64Array.from(estimated.mean);
    const dispersion = Float64Array.from(estimated.dispersion);
    const variance = Float64Array.from(estimated.variance);
    for (let i = 0; i < mean.length; i++) {
      if (mean[i] !== mean[i]) continue; // not a count
      mean[i] = model.truth.values[i];
      dispersion[i] = 1;
      variance[i] = model.truth.values[i];
    }
    return { ...estimated, mean, dispersion, variance };
  };
  let n = 0;
  for (let r = 0; r < replicates; r++) {
    const result = buildIndex(fw, simulate(fw, model, 1000 + r));
    const a = analyticUncertainty(result, [1, 12]);
    const lattice = latticeIntervals(result, { periods: months, codes: [fw.root] });
    const known = latticeIntervals(result, { periods: months, codes: [fw.root] }, trueNoise(cellNoise(result.raw, fw)));
    for (const month of months) {
      const p = truth.periods.indexOf(month);
      for (let u = 0; u < U; u++) {
        const i = (p * U + u) * K + root;
        const j = ((p - 1) * U + u) * K + root;
        const y = ((p - 12) * U + u) * K + root;
        const obs = result.aggregated.values;
        const level = normalInterval(obs[i], a.se[i], 0.9);
        const mom = normalInterval(obs[i] - obs[j], a.changeSe[1][i], 0.9);
        const yoy = normalInterval(obs[i] - obs[y], a.changeSe[12][i], 0.9);
        const inside = (iv: { lower: number; upper: number }, x: number) => iv.lower <= x && x <= iv.upper;
        const hitIndex = inside(level, truth.values[i]);
        const hitMom = inside(mom, truth.values[i] - truth.values[j]);
        hits.index += Number(hitIndex);
        hits.mom += Number(hitMom);
        hits.yoy += Number(inside(yoy, truth.values[i] - truth.values[y]));
        perUnit[u].index += Number(hitIndex);
        perUnit[u].mom += Number(hitMom);
        perUnit[u].n++;
        const e = months.indexOf(month);
        const at = (e * U + u) * K + root;
        const hitLevel = lattice.lower[at] <= truth.values[i] && truth.values[i] <= lattice.upper[at];
        const hitChange = lattice.changeLower[1][at] <= truth.values[i] - truth.values[j] && truth.values[i] - truth.values[j] <= lattice.changeUpper[1][at];
        const hitYear = lattice.changeLower[12][at] <= truth.values[i] - truth.values[y] && truth.values[i] - truth.values[y] <= lattice.changeUpper[12][at];
        latticeHits.index += Number(hitLevel);
        latticeHits.mom += Number(hitChange);
        latticeHits.yoy += Number(hitYear);
        latticePerUnit[u].index += Number(hitLevel);
        latticePerUnit[u].mom += Number(hitChange);
        latticePerUnit[u].yoy += Number(hitYear);
        const knownLevel = Number(known.lower[at] <= truth.values[i] && truth.values[i] <= known.upper[at]);
        const knownChange = Number(known.changeLower[1][at] <= truth.values[i] - truth.values[j] && truth.values[i] - truth.values[j] <= known.changeUpper[1][at]);
        trueHits.index += knownLevel;
        trueHits.mom += knownChange;
        truePerUnit[u].index += knownLevel;
        truePerUnit[u].mom += knownChange;
        n++;
      }
    }
  }
  const share = (k: number) => k / n;
  // Binomial simulation error of a share near 0.9 over n region-months (months of one history are correlated, so this understates it).
  const simulationError = Math.sqrt((0.9 * 0.1) / n);
  console.log(
    `coverage over ${n} simulated region-months (${replicates} histories × ${months.length} months × ${U} regions): ` +
      `index ${(100 * share(hits.index)).toFixed(1)}%, month-on-month ${(100 * share(hits.mom)).toFixed(1)}%, ` +
      `year-on-year ${(100 * share(hits.yoy)).toFixed(1)}% (binomial s.e. ±${(100 * simulationError).toFixed(1)} points); by region: ` +
      perUnit.map((c, u) => `${model.units[u]} ${(100 * c.index / c.n).toFixed(0)}/${(100 * c.mom / c.n).toFixed(0)}`).join(', '),
  );

  console.log(
    `lattice intervals (latticeIntervals), same ${n} region-months: index ${(100 * share(latticeHits.index)).toFixed(1)}%, ` +
      `month-on-month ${(100 * share(latticeHits.mom)).toFixed(1)}%, year-on-year ${(100 * share(latticeHits.yoy)).toFixed(1)}%; by region (index/month-on-month/year-on-year): ` +
      latticePerUnit.map((c, u) => `${model.units[u]} ${((100 * c.index) / perUnit[u].n).toFixed(1)}/${((100 * c.mom) / perUnit[u].n).toFixed(1)}/${((100 * c.yoy) / perUnit[u].n).toFixed(1)}`).join(', '),
  );

  console.log(
    `lattice intervals with the true noise (known μ, φ = 1), same ${n} region-months: index ${(100 * share(trueHits.index)).toFixed(1)}%, ` +
      `month-on-month ${(100 * share(trueHits.mom)).toFixed(1)}%; by region (index/month-on-month): ` +
      truePerUnit.map((c, u) => `${model.units[u]} ${((100 * c.index) / perUnit[u].n).toFixed(1)}/${((100 * c.mom) / perUnit[u].n).toFixed(1)}`).join(', '),
  );

  it('simulates at least 2,000 region-months', () => {
    expect(n).toBeGreaterThanOrEqual(2000);
  });
  it('covers the true index 87–93% of the time', () => {
    expect(share(hits.index)).toBeGreaterThanOrEqual(0.87);
    expect(share(hits.index)).toBeLessThanOrEqual(0.93);
  });
  it('the lattice intervals cover the true index 87–93% of the time (pooled)', () => {
    expect(share(latticeHits.index)).toBeGreaterThanOrEqual(0.87);
    expect(share(latticeHits.index)).toBeLessThanOrEqual(0.93);
  });
  it("the lattice intervals computed with the model's true noise cover the true month-on-month change 87–93% of the time (pooled)", () => {
    expect(share(trueHits.mom)).toBeGreaterThanOrEqual(0.87);
    expect(share(trueHits.mom)).toBeLessThanOrEqual(0.93);
  });
  it('covers the true month-on-month change 87–93% of the time', () => {
    expect(share(hits.mom)).toBeGreaterThanOrEqual(0.87);
    expect(share(hits.mom)).toBeLessThanOrEqual(0.93);
  });
});
