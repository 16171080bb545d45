import { describe, expect, it } from 'vitest';
import { baselineMean, countDispersion, countDispersionBound } from './countDispersion.ts';

describe('a count series’ level and dispersion', () => {
  it('takes the mean with Jeffreys’ ½ over the values present', () => {
    expect(baselineMean([1, 2, Number.NaN, 5], 3, 3)).toBe(3.75);
    expect(baselineMean([0, 0, 0, 0], 3, 4)).toBe(0.125);
    expect(baselineMean([Number.NaN], 0, 3)).toBeNaN();
  });
  it('estimates φ from same-month-last-year differences, never below 1', () => {
    // x_t − x_{t−12} = ±6 around 10: Σ d² = 12 × 36, Σ sums = 12 × 20 → 1.8
    const series = [...Array(12).fill(10), ...Array.from({ length: 12 }, (_, i) => (i % 2 ? 16 : 4))];
    expect(countDispersion(series, 23, 24)).toBeCloseTo(1.8, 12);
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
