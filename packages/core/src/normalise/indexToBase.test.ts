import { describe, expect, it } from 'vitest';
import { indexToBase, indexToBaseScore } from './indexToBase.ts';

describe('indexToBase', () => {
  it('gives scale × x / base for direction 1', () => {
    // 100 × (1 + (x - 100)/100) = 80, 100, 120; 100 × (1 + (90 - 120)/120) = 75
    const r = indexToBase([80, 100, 120], 100);
    expect(r[0]).toBeCloseTo(80, 12);
    expect(r[1]).toBe(100);
    expect(r[2]).toBeCloseTo(120, 12);
    expect(indexToBaseScore(90, 120, 100, 1)).toBeCloseTo(75, 12);
  });
  it('mirrors the change for direction -1, and a zero value is defined', () => {
    // 100 × (1 - (80 - 100)/100) = 120; 100 × (1 - (0 - 4)/4) = 200
    const r = indexToBase([80, 100, 120], 100, {}, -1);
    expect(r[0]).toBeCloseTo(120, 12);
    expect(r[2]).toBeCloseTo(80, 12);
    expect([...indexToBase([0], 4, {}, -1)]).toEqual([200]);
    expect([...indexToBase([0], 4, {}, 1)]).toEqual([0]);
  });
  it('uses |base| so a negative base keeps the direction', () => {
    // base -10, x -5 (a rise): 100 × (1 + (-5 + 10)/10) = 150
    expect([...indexToBase([-5], -10)]).toEqual([150]);
  });
  it('is NaN when the base is zero or missing, and for missing values', () => {
    expect([...indexToBase([1, 2], 0)]).toEqual([Number.NaN, Number.NaN]);
    expect([...indexToBase([1, 2], Number.NaN)]).toEqual([Number.NaN, Number.NaN]);
    expect([...indexToBase([Number.NaN, 50], 100, { scale: 1 })]).toEqual([Number.NaN, 0.5]);
  });
});
