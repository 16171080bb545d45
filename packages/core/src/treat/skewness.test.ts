import { describe, expect, it } from 'vitest';
import { skewness } from './skewness.ts';

describe('skewness', () => {
  it('is COINr’s skew(): e1071 type 2, NaN ignored', () => {
    // see skewAndKurtosis.test.ts: skew(1, 2, 3, 10) = 1.763633
    expect(skewness([Number.NaN, 1, 2, Number.NaN, 3, 10])).toBeCloseTo(1.763632614803888, 12);
    // mirrored data, mirrored sign
    expect(skewness([-1, -2, -3, -10])).toBeCloseTo(-1.763632614803888, 12);
    // symmetric data: Σd³ = 0
    expect(skewness([1, 2, 3])).toBe(0);
  });
});
