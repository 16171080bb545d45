/**
 * Must show (issue 9): simulated from a known Poisson model on the Xiangtan
 * framework, the 90% intervals of the index and of its month-on-month change
 * cover the true value 87–93% of the time.
 *
 * The published intervals are the lattice intervals (`latticeIntervals`:
 * exact distributions of rare counts, which agree with the percentile
 * bootstrap) with the noise estimated from each region's own history
 * (`cellNoise`: μ̂ with Kerman's neutral prior count ⅓, φ̂ only where
 * Pearson's dispersion test rejects the Poisson at 5%). Their pooled
 * coverage of the index and of its month-on-month change is asserted, and
 * printed by region (no single region can sit at exactly 90% on a lattice).
 * The normal intervals (`analyticUncertainty`) are asserted too.
 *
 * Measured with the estimators used before (Jeffreys' ½ prior count, φ̂
 * floored at 1) the lattice intervals over-covered changes: 93.6% month on
 * month pooled, 97.4% in Shaoshan. The floor keeps only the upper half of
 * φ̂'s scatter around 1 when the truth is Poisson, and Jeffreys' ½ (the
 * posterior mean, +0.014 a month over 36 months) is a large share of a rare
 * count's mean in a district of 100,000; Kerman's ⅓ makes the posterior
 * median about the MLE. Not the quantile convention: mid-quantiles were
 * tried and left coverage unchanged, and broke the agreement with the
 * bootstrap at single indicators.
 *
 * The same lattice intervals with the model's true noise (the known μ of
 * every count cell, φ = 1) are printed for comparison, and their
 * month-on-month coverage asserted. Their index level covers only about
 * 84%; why is not yet understood (its truth, the index of the expected
 * counts, need not be the centre of its sampling distribution where scores
 * are capped, is one candidate). The estimated μ̂, which scatters around
 * the truth, widens the level's interval back to about 90%.
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
    `published lattice intervals (latticeIntervals, noise estimated), same ${n} region-months: index ${(100 * share(latticeHits.index)).toFixed(1)}%, ` +
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
  it('the normal intervals (analyticUncertainty) cover the true index 87–93% of the time', () => {
    expect(share(hits.index)).toBeGreaterThanOrEqual(0.87);
    expect(share(hits.index)).toBeLessThanOrEqual(0.93);
  });
  it('the published (lattice) intervals, noise estimated, cover the true index 87–93% of the time (pooled)', () => {
    expect(share(latticeHits.index)).toBeGreaterThanOrEqual(0.87);
    expect(share(latticeHits.index)).toBeLessThanOrEqual(0.93);
  });
  it('the published (lattice) intervals, noise estimated, cover the true month-on-month change 87–93% of the time (pooled)', () => {
    expect(share(latticeHits.mom)).toBeGreaterThanOrEqual(0.87);
    expect(share(latticeHits.mom)).toBeLessThanOrEqual(0.93);
  });
  it("the lattice intervals computed with the model's true noise cover the true month-on-month change 87–93% of the time (pooled)", () => {
    expect(share(trueHits.mom)).toBeGreaterThanOrEqual(0.87);
    expect(share(trueHits.mom)).toBeLessThanOrEqual(0.93);
  });
  it('the normal intervals (analyticUncertainty) cover the true month-on-month change 87–93% of the time', () => {
    expect(share(hits.mom)).toBeGreaterThanOrEqual(0.87);
    expect(share(hits.mom)).toBeLessThanOrEqual(0.93);
  });
});
