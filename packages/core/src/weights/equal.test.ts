import { describe, expect, it } from 'vitest';
import { equalWeights } from './equal.ts';

describe('equalWeights', () => {
  it('splits 1 evenly', () => {
    expect(equalWeights(4)).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(equalWeights(1)).toEqual([1]);
    expect(equalWeights(3).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
  });
  it('rejects non-positive or fractional counts', () => {
    expect(() => equalWeights(0)).toThrow(/positive integer/);
    expect(() => equalWeights(2.5)).toThrow(/positive integer/);
  });
});
