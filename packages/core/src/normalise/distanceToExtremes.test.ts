import { describe, expect, it } from 'vitest';
import { distanceToMaximum, distanceToMinimum } from './distanceToExtremes.ts';
import { minMax } from './minMax.ts';

describe('distanceToMaximum (COINr n_dist2max)', () => {
  it('scores a hand-worked example', () => {
    // x = 3, 5, 9, 11 (and one missing): max 11, min 3, range 8.
    // 1 − (11 − 3)/8 = 0; 1 − (11 − 5)/8 = 0.25; 1 − (11 − 9)/8 = 0.75; 1 − 0/8 = 1.
    expect([...distanceToMaximum([3, 5, Number.NaN, 9, 11])]).toEqual([0, 0.25, Number.NaN, 0.75, 1]);
    expect([...distanceToMaximum([3, 5, 9, 11], { scale: 100 })]).toEqual([0, 25, 75, 100]);
  });
  it('flips the values first for direction -1, as COINr’s Normalise does', () => {
    // −x = −3, −5, −9, −11: max −3, min −11, range 8; 1 − (−3 − (−5))/8 = 0.75.
    expect([...distanceToMaximum([3, 5, 9, 11], {}, -1)]).toEqual([1, 0.75, 0.25, 0]);
  });
  it('gives NaN throughout for a constant column, as COINr does', () => {
    expect([...distanceToMaximum([4, 4, Number.NaN])].every(Number.isNaN)).toBe(true);
  });
  it('gives min-max onto [0, 1] (to rounding)', () => {
    const x = [0.1, 0.7, 0.3, 1.9, 1.3];
    const a = distanceToMaximum(x);
    const b = minMax(x, { lower: 0, upper: 1 });
    a.forEach((v, i) => expect(v).toBeCloseTo(b[i], 15));
  });
});

describe('distanceToMinimum', () => {
  it('scores a hand-worked example', () => {
    // x = 3, 5, 9, 11: min 3, range 8. 1 − (3 − 3)/8 = 1; 1 − (5 − 3)/8 = 0.75; 1 − (9 − 3)/8 = 0.25; 1 − 8/8 = 0.
    expect([...distanceToMinimum([3, 5, Number.NaN, 9, 11])]).toEqual([1, 0.75, Number.NaN, 0.25, 0]);
    expect([...distanceToMinimum([3, 5, 9, 11], { scale: 100 })]).toEqual([100, 75, 25, 0]);
  });
  it('is distanceToMaximum with the direction reversed, both ways', () => {
    const x = [12.5, 3, 7.25, 0.5, 9];
    expect([...distanceToMinimum(x)]).toEqual([...distanceToMaximum(x, {}, -1)]);
    expect([...distanceToMinimum(x, {}, -1)]).toEqual([...distanceToMaximum(x)]);
  });
  it('gives NaN throughout for a constant column', () => {
    expect([...distanceToMinimum([2, 2])].every(Number.isNaN)).toBe(true);
  });
});
