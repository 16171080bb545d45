import { describe, expect, it } from 'vitest';
import { skewAndKurtosis } from './skewAndKurtosis.ts';

describe('skewAndKurtosis', () => {
  it('computes both of COINr’s bias-corrected statistics in one pass', () => {
    // 1, 2, 3, 10: n = 4, mean 4, d = −3, −2, −1, 6
    // Σd² = 9 + 4 + 1 + 36 = 50; Σd³ = −27 − 8 − 1 + 216 = 180; Σd⁴ = 81 + 16 + 1 + 1296 = 1394
    // skew = √4 · 180 / 50^1.5 · √(4·3) / (4 − 2) = 1.018234 · 1.732051 = 1.763633 (Excel SKEW)
    // r = 4 · 1394 / 50² = 2.2304; kurt = (5 · (2.2304 − 3) + 6) · 3 / (2 · 1) = 3.228 (Excel KURT)
    const { skew, kurt, n } = skewAndKurtosis([1, 2, 3, 10]);
    expect(n).toBe(4);
    expect(skew).toBeCloseTo(1.763632614803888, 12);
    expect(kurt).toBeCloseTo(3.228, 12);
  });
  it('gives NaN below 3 (skew) or 4 (kurtosis) values, and for constant data', () => {
    expect(skewAndKurtosis([1, 2])).toEqual({ skew: Number.NaN, kurt: Number.NaN, n: 2 });
    const three = skewAndKurtosis([1, 2, 4]);
    // 1, 2, 4: mean 7/3, d = −4/3, −1/3, 5/3; Σd² = 42/9 = 14/3; Σd³ = (−64 − 1 + 125)/27 = 60/27 = 20/9
    // skew = √3 · (20/9) / (14/3)^1.5 · √6 / 1 = 0.935220
    expect(three.skew).toBeCloseTo(0.9352195295828246, 12);
    expect(three.kurt).toBeNaN();
    expect(skewAndKurtosis([5, 5, 5, 5]).skew).toBeNaN();
  });
});
