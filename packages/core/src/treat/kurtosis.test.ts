import { describe, expect, it } from 'vitest';
import { kurtosis } from './kurtosis.ts';

describe('kurtosis', () => {
  it('is COINr’s kurt(): e1071 type 2 excess kurtosis, NaN ignored', () => {
    // see skewAndKurtosis.test.ts: kurt(1, 2, 3, 10) = 3.228
    expect(kurtosis([1, Number.NaN, 2, 3, 10])).toBeCloseTo(3.228, 12);
    // 1, 2, 3, 4: mean 2.5, d = ±1.5, ±0.5; Σd² = 5, Σd⁴ = 2 · 5.0625 + 2 · 0.0625 = 10.25
    // r = 4 · 10.25 / 25 = 1.64; kurt = (5 · (1.64 − 3) + 6) · 3 / (2 · 1) = (−6.8 + 6) · 1.5 = −1.2
    expect(kurtosis([1, 2, 3, 4])).toBeCloseTo(-1.2, 12);
    expect(kurtosis([1, 2, 3])).toBeNaN();
  });
});
