import { describe, expect, it } from 'vitest';
import { RecentByCount } from './recentByCount.ts';

describe('RecentByCount', () => {
  it('gives its doc example: a value per indicator, keyed by mean and dispersion', () => {
    const cache = new RecentByCount<string>(2, 2);
    expect(cache.set(0, 4.4, 1, 'a')).toBe('a');
    expect(cache.get(0, 4.4, 1)).toBe('a');
    expect(cache.get(1, 4.4, 1)).toBeUndefined();
    expect(cache.get(0, 4.4, 1.5)).toBeUndefined();
  });

  it('keeps the last `kept` of each indicator, the oldest replaced first', () => {
    const cache = new RecentByCount<number>(1, 3);
    for (const mean of [1, 2, 3, 4]) cache.set(0, mean, 1, mean * 10);
    expect(cache.get(0, 1, 1)).toBeUndefined();
    expect([2, 3, 4].map((mean) => cache.get(0, mean, 1))).toEqual([20, 30, 40]);
  });
});
