import { describe, expect, it } from 'vitest';
import { distanceToReference } from './distanceToReference.ts';

describe('distanceToReference', () => {
  it('scores 1 - (ref - x) / (ref - min), as COINr n_dist2ref, times scale', () => {
    // min 2, ref 8: 1 - 6/6 = 0, 1 - 3/6 = 0.5, 1 - 0/6 = 1, 1 - (-3)/6 = 1.5
    const r = distanceToReference([2, 5, 8, 11], 8);
    expect([...r.scores]).toEqual([0, 50, 100, 150]);
    expect([...r.capped]).toEqual([0, 0, 0, 0]);
  });
  it('caps values beyond the reference at scale when asked', () => {
    const r = distanceToReference([2, 5, 8, 11], 8, { cap: true, scale: 1 });
    expect([...r.scores]).toEqual([0, 0.5, 1, 1]);
    expect([...r.capped]).toEqual([0, 0, 0, 1]);
  });
  it('multiplies values and reference by -1 for direction -1', () => {
    // x' = -2 -5 -8 -11, ref' = -5, min' = -11: 1 - (-5 - x')/6 → 1.5, 1, 0.5, 0
    expect([...distanceToReference([2, 5, 8, 11], 5, {}, -1).scores]).toEqual([150, 100, 50, 0]);
  });
  it('keeps missing values missing; a missing reference makes every score missing', () => {
    expect([...distanceToReference([2, Number.NaN, 8], 8).scores]).toEqual([0, Number.NaN, 100]);
    expect([...distanceToReference([2, 5, 8], Number.NaN).scores]).toEqual([Number.NaN, Number.NaN, Number.NaN]);
  });
});
