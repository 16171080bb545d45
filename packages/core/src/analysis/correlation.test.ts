import { describe, expect, it } from 'vitest';
import { correlation } from './correlation.ts';
import { pearson } from './pearson.ts';
import { spearman } from './spearman.ts';

describe('correlation', () => {
  it('dispatches on the method, Pearson by default', () => {
    const x = [1, 2, 3, 10];
    const y = [1, 4, 9, 11];
    expect(correlation(x, y)).toBe(pearson(x, y));
    expect(correlation(x, y, 'spearman')).toBe(spearman(x, y));
    expect(correlation(x, y, 'spearman')).toBe(1);
  });
  it('rejects unknown methods', () => {
    expect(() => correlation([1, 2], [1, 2], 'kendall' as never)).toThrow(/unknown correlation method/);
  });
});
