import { describe, expect, it } from 'vitest';
import { countDispersion } from './countDispersion.ts';
import { uncertaintyLookback } from './monthUncertainty.ts';
import { defineFramework } from '../framework/defineFramework.ts';

// Quarterly series: the year-on-year pairs are the same quarter a year apart (lag 4), never 12 periods (three years).
describe('the noise model on quarters', () => {
  it('estimates the dispersion from same-quarter-last-year pairs (hand-worked)', () => {
    const series = [2, 8, 6, 7, 10, 2, 6, 15];
    // Pairs (t, t − 4), t = 4…7: differences 8, −6, 0, 8 → squares 64 + 36 + 0 + 64 = 164; sums 12 + 10 + 12 + 22 = 56.
    expect(countDispersion(series, 7, 8, 4)).toBeCloseTo(164 / 56, 12);
    // As months (lag 12) the same eight values have no pair: the Poisson floor.
    expect(countDispersion(series, 7, 8)).toBe(1);
  });

  it('reads back as many quarters as the windows, carries, a year and the baseline need', () => {
    const framework = defineFramework({
      id: 'q',
      version: '1',
      name: { zh: '季度', en: 'Quarterly' },
      denominators: [{ code: 'population', name: { zh: '人口', en: 'Population' } }],
      nodes: [
        { code: 'index', type: 'aggregate', parent: null, name: { zh: '指数', en: 'Index' } },
        { code: 'x', type: 'indicator', parent: 'index', name: { zh: '甲', en: 'X' }, direction: -1, denominator: { code: 'population', scale: 10000 }, window: { periods: 4 }, normalisation: { method: 'goalposts', min: 0, max: 10, scale: 100 } },
      ],
    });
    // Quarters: window 4 − 1 = 3, no carry, a year of 4, baseline 36 months = 12 quarters → 3 + 0 + 4 + 12 − 1 = 18;
    // at least the early warning's 36 months = 12 quarters.
    expect(uncertaintyLookback(framework, 4)).toBe(18);
    // Months: 3 + 0 + 12 + 36 − 1 = 50.
    expect(uncertaintyLookback(framework)).toBe(50);
  });
});
