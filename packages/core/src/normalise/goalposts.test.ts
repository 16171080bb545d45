import { describe, expect, it } from 'vitest';
import { goalposts } from './goalposts.ts';

describe('goalposts', () => {
  it('scores the fraction of the way between the goalposts, capped into [0, scale]', () => {
    // (x - 0) / (100 - 0): -0.05 → 0 (capped), 0.2, 0.5, 1.2 → 1 (capped); × 100
    const r = goalposts([-5, 20, 50, 120], { min: 0, max: 100 });
    expect([...r.scores]).toEqual([0, 20, 50, 100]);
    expect([...r.capped]).toEqual([1, 0, 0, 1]);
  });
  it('treats min as the best goalpost for direction -1', () => {
    // (max - x) / (max - min) = (50 - 20) / (50 - 10) = 0.75; × 10 = 7.5
    // 5 is beyond the best goalpost: (50 - 5) / 40 = 1.125 → 1; 60: -0.25 → 0
    const r = goalposts([20, 5, 60], { min: 10, max: 50, scale: 10 }, -1);
    expect([...r.scores]).toEqual([7.5, 10, 0]);
    expect([...r.capped]).toEqual([0, 1, 1]);
  });
  it('lets scores leave [0, scale] without the cap', () => {
    // (120 - 0) / 100 × 100 = 120; (-5 - 0) / 100 × 100 = -5
    const r = goalposts([120, -5], { min: 0, max: 100, cap: false });
    expect([...r.scores]).toEqual([120, -5]);
    expect([...r.capped]).toEqual([0, 0]);
  });
  it('keeps missing values missing and never marks them capped', () => {
    const r = goalposts([Number.NaN, 50], { min: 0, max: 100 });
    expect([...r.scores]).toEqual([Number.NaN, 50]);
    expect([...r.capped]).toEqual([0, 0]);
  });
  it('does not mark a value exactly on a goalpost as capped', () => {
    const r = goalposts([0, 100], { min: 0, max: 100 });
    expect([...r.scores]).toEqual([0, 100]);
    expect([...r.capped]).toEqual([0, 0]);
  });
});
