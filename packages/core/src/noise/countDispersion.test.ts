import { describe, expect, it } from 'vitest';
import { baselineMean, chiSquareUpper, countDispersion, countDispersionBound, testedDispersion } from './countDispersion.ts';

describe('a count series’ level and dispersion', () => {
  it('takes the mean with Kerman’s neutral prior count ⅓ over the values present', () => {
    // By hand: (2 + 5 + ⅓) / 2 = 22/6 = 3.6667; three years with no event: ⅓ / 36 = 0.009259.
    expect(baselineMean([1, 2, Number.NaN, 5], 3, 3)).toBeCloseTo(22 / 6, 14);
    expect(baselineMean([0, 0, 0, 0], 3, 4)).toBeCloseTo(1 / 12, 14);
    expect(baselineMean(Array(36).fill(0), 35, 36)).toBeCloseTo(0.009259259, 9);
    expect(baselineMean([Number.NaN], 0, 3)).toBeNaN();
  });
  it('takes χ² upper points by Wilson–Hilferty, close to the tables', () => {
    // Tables (e.g. Abramowitz & Stegun 26.8): χ²(12) 5% = 21.026, χ²(24) 5% = 36.415, χ²(3) 5% = 7.815.
    expect(chiSquareUpper(12, 0.05)).toBeCloseTo(21.026, 1);
    expect(chiSquareUpper(24, 0.05)).toBeCloseTo(36.415, 1);
    expect(Math.abs(chiSquareUpper(3, 0.05) / 7.815 - 1)).toBeLessThan(0.006);
  });
  it('uses φ̂ only where Pearson’s dispersion test rejects the Poisson at 5%', () => {
    // d = 12 pairs: the critical φ̂ is 21.013 / 12 = 1.751.
    expect(testedDispersion(1.8, 12)).toBe(1.8); // 21.6 > 21.01
    expect(testedDispersion(1.74, 12)).toBe(1); // 20.88 < 21.01
    expect(testedDispersion(0.6, 12)).toBe(1);
    expect(testedDispersion(5, 0)).toBe(1); // no pair
    // d = 24: critical 36.407 / 24 = 1.517.
    expect(testedDispersion(1.5, 24)).toBe(1);
    expect(testedDispersion(1.52, 24)).toBe(1.52);
  });
  it('estimates φ from same-month-last-year differences, 1 unless significant', () => {
    // x_t − x_{t−12} = ±6 around 10: Σ d² = 12 × 36, Σ sums = 12 × 20 → 1.8; 12 × 1.8 = 21.6 > 21.01: kept.
    const series = [...Array(12).fill(10), ...Array.from({ length: 12 }, (_, i) => (i % 2 ? 16 : 4))];
    expect(countDispersion(series, 23, 24)).toBeCloseTo(1.8, 12);
    // ±5 instead: Σ d² = 12 × 25, Σ sums = 12 × 20 → φ̂ = 1.25; 12 × 1.25 = 15 < 21.01: Poisson.
    const milder = [...Array(12).fill(10), ...Array.from({ length: 12 }, (_, i) => (i % 2 ? 15 : 5))];
    expect(countDispersion(milder, 23, 24)).toBe(1);
    expect(countDispersion(Array(24).fill(5), 23, 24)).toBe(1);
    expect(countDispersion([1, 2, 3], 2, 3)).toBe(1); // no pair
    // The bound is above the estimate: 12 pairs at 80%.
    expect(countDispersionBound(series, 23, 24, 0.8)).toBeGreaterThan(1.8 * 1.2);
  });
});

describe('cellNoise’s running sums', () => {
  it('give the same level and dispersion as baselineMean and countDispersion, month by month', async () => {
    const { cellNoise } = await import('./cellNoise.ts');
    const { defineFramework } = await import('../framework/defineFramework.ts');
    const { createPanel } = await import('../panel/panel.ts');
    const { periodRange } = await import('../panel/period.ts');
    const fw = defineFramework({
      id: 'n', version: '1', name: { zh: '噪声', en: 'Noise' },
      nodes: [
        { code: 'index', type: 'aggregate', parent: null, name: { zh: '指数', en: 'Index' } },
        { code: 'x', type: 'indicator', parent: 'index', direction: -1, name: { zh: '甲', en: 'X' }, window: { periods: 12, statistic: 'sum' } },
      ],
    });
    const periods = periodRange('2019-01', '2025-12');
    const series = periods.map((_, p) => (p === 30 ? Number.NaN : Math.round(10 + 8 * Math.sin(p * 1.7) + (p % 7))));
    const noise = cellNoise(createPanel({ units: ['A'], periods, codes: ['x'], values: series }), fw);
    periods.forEach((_, p) => {
      expect(noise.mean[p], `mean ${p}`).toBeCloseTo(baselineMean(series, p, 36), 10);
      expect(noise.dispersion[p], `dispersion ${p}`).toBeCloseTo(countDispersion(series, p, 36), 10);
    });
  });
});
