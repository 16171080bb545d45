/**
 * `latticeIntervals` checked by hand on the SYNTHETIC sample: a rare count's
 * score and its month-on-month change, from the Poisson probabilities
 * written out here (e^−λ λ^k / k!), not from the library's `countPmf`.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex, cellNoise, latticeIntervals, monthUncertainty } from '../../src/index.ts';
import { discreteQuantile } from './discreteQuantile.ts';
import { samplePanel, xiangtanFramework } from './sampleData.ts';

const poisson = (lambda: number, k: number) => Math.exp(-lambda + k * Math.log(lambda) - logFactorial(k));
const logFactorial = (k: number): number => (k <= 1 ? 0 : Math.log(k) + logFactorial(k - 1));

describe('latticeIntervals by hand (SYNTHETIC sample, Shaoshan)', () => {
  const fw = xiangtanFramework();
  const result = buildIndex(fw, samplePanel(fw));
  const noise = cellNoise(result.raw, fw);
  const raw = result.raw;
  const U = raw.units.length;
  const C = raw.codes.length;
  const unit = '430382';
  const u = raw.units.indexOf(unit);
  const month = '2024-12'; // its window, 2024-01 … 2024-12, has one population (102,200)
  const p = raw.periods.indexOf(month);
  const population = raw.values[(p * U + u) * C + raw.codes.indexOf('population')];
  const iv = latticeIntervals(result, { periods: [month] }, noise);
  const K = iv.codes.length;
  const clamp = (x: number) => Math.min(100, Math.max(0, x));

  /** The observed 12-month count, the model's mean λ = 12 μ, and the score of a window count n. */
  const setUp = (code: string, max: number) => {
    const c = raw.codes.indexOf(code);
    let observed = 0;
    for (let q = p - 11; q <= p; q++) observed += raw.values[(q * U + u) * C + c];
    const mu = noise.mean[(p * U + u) * C + c];
    expect(noise.dispersion[(p * U + u) * C + c], `${code}: Poisson (φ = 1) in this month`).toBe(1);
    // Goalposts 0 … max per 100,000, direction −1: score = 100 (max − rate) / max, rate = n × 100,000 / population.
    const score = (n: number) => (100 * (max - (n * 100000) / population)) / max;
    return { c, observed, mu, score };
  };

  it("a homicide-free year: the score's interval from the Poisson window sum's quantiles", () => {
    const { observed, mu, score } = setUp('homicide', 2.2);
    const lambda = 12 * mu;
    // Replicate count = observed + N − λ, N ~ Poisson(λ); the score falls as N rises.
    const atoms: [number, number][] = [];
    for (let n = 0; n < 30; n++) atoms.push([score(observed + n - lambda), poisson(lambda, n)]);
    const k = iv.codes.indexOf('homicide');
    expect(iv.lower[u * K + k]).toBeCloseTo(clamp(discreteQuantile(atoms, 0.05)), 9);
    expect(iv.upper[u * K + k]).toBeCloseTo(clamp(discreteQuantile(atoms, 0.95)), 9);
    console.log(`Shaoshan homicides ${month}: ${observed} in 12 months, λ = ${lambda.toFixed(3)}; score interval ${iv.lower[u * K + k].toFixed(2)} – ${iv.upper[u * K + k].toFixed(2)}`);
  });

  it('the month-on-month change of a rare Poisson count: the capped scores enumerated over the shared 11 months and the two months that differ', () => {
    // The first of these counts that is Poisson (φ = 1) in Shaoshan in 2024-12.
    const code = ['injury', 'traffic_deaths', 'traffic_injuries', 'accidents'].find((x) => noise.dispersion[(p * U + u) * C + raw.codes.indexOf(x)] === 1)!;
    const node = fw.byCode.get(code)!;
    const max = node.type === 'indicator' && node.normalisation.method === 'goalposts' ? node.normalisation.max : Number.NaN;
    const { c, mu, score } = setUp(code, max);
    // Windows of 2024-12 and 2024-11 share 2024-01 … 2024-11 (S ~ Poisson(11 μ)); 2024-12 (A) is only in the first,
    // 2023-12 (B, population of 2023) only in the second.
    const pPrev = p - 1;
    const populationB = raw.values[((p - 12) * U + u) * C + raw.codes.indexOf('population')];
    let shared = 0;
    for (let q = p - 11; q <= p - 1; q++) shared += raw.values[(q * U + u) * C + c];
    const a = raw.values[(p * U + u) * C + c];
    const b = raw.values[((p - 12) * U + u) * C + c];
    // The window of 2024-11 has 11 months at the 2024 population and 2023-12 at 2023's.
    const rate = (s: number, x: number, xPopulation: number) => (s * 100000) / population + (x * 100000) / xPopulation;
    const scoreOfRate = (r: number) => clamp((100 * (max - r)) / max);
    const observedNow = scoreOfRate(rate(shared, a, population));
    const observedBefore = scoreOfRate(rate(shared, b, populationB));
    expect(observedNow).toBeCloseTo(clamp(score(shared + a)), 9);
    const atoms: [number, number][] = [];
    for (let s = 0; s < 40; s++) {
      for (let x = 0; x < 15; x++) {
        for (let y = 0; y < 15; y++) {
          const w = poisson(11 * mu, s) * poisson(mu, x) * poisson(mu, y);
          if (w < 1e-16) continue;
          const now = scoreOfRate(rate(shared + s - 11 * mu, a + x - mu, population));
          const before = scoreOfRate(rate(shared + s - 11 * mu, b + y - mu, populationB));
          atoms.push([now - before, w]);
        }
      }
    }
    const k = iv.codes.indexOf(code);
    const change = result.aggregated.values[(p * U + u) * K + k] - result.aggregated.values[(pPrev * U + u) * K + k];
    expect(change).toBeCloseTo(observedNow - observedBefore, 9);
    // The library bins more than 64 joint values onto 256 points over their range (beyond 1e-9 tails): ends agree within a bin.
    const values = atoms.filter(([, w]) => w > 1e-9).map(([v]) => v);
    const bin = (Math.max(...values) - Math.min(...values)) / 255;
    expect(Math.abs(iv.changeLower[1][u * K + k] - (change + discreteQuantile(atoms, 0.05)))).toBeLessThanOrEqual(bin);
    expect(Math.abs(iv.changeUpper[1][u * K + k] - (change + discreteQuantile(atoms, 0.95)))).toBeLessThanOrEqual(bin);
    console.log(
      `Shaoshan ${code} ${month} month on month: ${change.toFixed(2)}, interval ${iv.changeLower[1][u * K + k].toFixed(2)} – ${iv.changeUpper[1][u * K + k].toFixed(2)} ` +
        `(by hand ${(change + discreteQuantile(atoms, 0.05)).toFixed(2)} – ${(change + discreteQuantile(atoms, 0.95)).toFixed(2)}, bin ${bin.toFixed(3)})`,
    );
  });

  it("monthUncertainty publishes these intervals by default (distribution 'lattice'), the normal ones on request", () => {
    const u2 = monthUncertainty(result, month);
    expect(JSON.stringify(monthUncertainty(result, month, { distribution: 'lattice' }))).toBe(JSON.stringify(u2));
    const node = u2.regions[u].nodes.find((n) => n.code === 'homicide')!;
    const k = iv.codes.indexOf('homicide');
    expect(Number(node.interval!.lower)).toBeCloseTo(iv.lower[u * K + k], 2);
    expect(Number(node.interval!.upper)).toBeCloseTo(iv.upper[u * K + k], 2);
    const normal = monthUncertainty(result, month, { distribution: 'normal' });
    expect(normal.regions[u].nodes.find((n) => n.code === 'index')!.interval).not.toEqual(u2.regions[u].nodes.find((n) => n.code === 'index')!.interval);
  });
});
