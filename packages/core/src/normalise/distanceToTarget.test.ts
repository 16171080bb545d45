import { describe, expect, it } from 'vitest';
import { distanceToTarget } from './distanceToTarget.ts';

describe('distanceToTarget', () => {
  it('scores (x - min) / (target - min), capped at 1, times scale', () => {
    // min 2, target 8: 0/6 = 0, 3/6 = 0.5, 6/6 = 1, 9/6 = 1.5 → 1 (capped)
    const r = distanceToTarget([2, 5, 8, 11], 8);
    expect([...r.scores]).toEqual([0, 50, 100, 100]);
    expect([...r.capped]).toEqual([0, 0, 0, 1]);
  });
  it('scores (max - x) / (max - target) for direction -1', () => {
    // max 11, target 5: 9/6 = 1.5 → 1 (capped), 6/6 = 1, 3/6 = 0.5, 0/6 = 0
    const r = distanceToTarget([2, 5, 8, 11], 5, { scale: 1 }, -1);
    expect([...r.scores]).toEqual([1, 1, 0.5, 0]);
    expect([...r.capped]).toEqual([1, 0, 0, 0]);
  });
  it('does not cap without cap, and never caps below', () => {
    // target below min: min 2, target 1 → (x - 2) / (1 - 2) = 0, -3 (negative scores, as COINr warns)
    const r = distanceToTarget([2, 5, 11], 8, { cap: false, scale: 1 });
    expect([...r.scores]).toEqual([0, 0.5, 1.5]);
    expect([...distanceToTarget([2, 5], 1, { scale: 1 }).scores]).toEqual([-0, -3]);
  });
  it('keeps missing values missing', () => {
    expect([...distanceToTarget([Number.NaN, 2, 5], 8).scores]).toEqual([Number.NaN, 0, 50]);
  });
});
