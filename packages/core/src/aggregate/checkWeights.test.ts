import { describe, expect, it } from 'vitest';
import { checkWeights } from './checkWeights.ts';

describe('checkWeights', () => {
  it('wants one weight per value and no missing weight', () => {
    expect(() => checkWeights([1, 2], [1, 1])).not.toThrow();
    expect(() => checkWeights([1, 2], [1])).toThrow(/2 values but 1 weights/);
    expect(() => checkWeights([1, 2], [1, Number.NaN])).toThrow(/weights\[1\]/);
  });
});
