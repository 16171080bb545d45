import { describe, expect, it } from 'vitest';
import { copelandScores } from './copelandScores.ts';

describe('copelandScores (COINr a_copeland)', () => {
  it('hand-worked with weights 1, 2, 1 and a missing value (COINr gives 0 1 -1 0)', () => {
    // Shares 0.25, 0.5, 0.25. U2 vs U3: a 3 > 2 (0.25), b tie (0.25), c 2 > 1 (0.25) → 0.75: U2 +1, U3 −1.
    // U1 vs each: only b is higher (0.5) → 0.5: no point either way. U4 lacks a: vs U2 and U3, b is lower, c higher → 0.5.
    expect(copelandScores([[1, 5, 0], [3, 4, 2], [2, 4, 1], [Number.NaN, 1, 3]], [1, 2, 1])).toEqual([0, 1, -1, 0]);
  });

  it('equal weights by default (COINr: -2 2 0)', () => {
    expect(copelandScores([[1, 5, 0], [3, 4, 2], [2, 4, 1]])).toEqual([-2, 2, 0]);
  });

  it('refuses weights of the wrong length', () => {
    expect(() => copelandScores([[1, 2]], [1])).toThrow(/2 indicators but 1 weights/);
  });
});
