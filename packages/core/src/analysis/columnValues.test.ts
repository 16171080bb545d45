import { describe, expect, it } from 'vitest';
import { createPanel } from '../panel/panel.ts';
import { columnValues } from './columnValues.ts';

describe('columnValues', () => {
  const p = createPanel({
    units: ['A', 'B'],
    periods: ['2024', '2025'],
    codes: ['x', 'y'],
    // (2024: A x y, B x y), (2025: A x y, B x y)
    values: [1, 10, 2, Number.NaN, 3, 30, 4, 40],
  });
  it('takes one period across units', () => {
    expect(Array.from(columnValues(p, 'x', '2025'))).toEqual([3, 4]);
    expect(Array.from(columnValues(p, 'y', '2024'))).toEqual([10, Number.NaN]);
  });
  it('pools all periods without a period', () => {
    expect(Array.from(columnValues(p, 'y'))).toEqual([10, Number.NaN, 30, 40]);
  });
  it('rejects unknown codes and periods', () => {
    expect(() => columnValues(p, 'z')).toThrow(/no column "z"/);
    expect(() => columnValues(p, 'x', '2023')).toThrow(/no period "2023"/);
  });
});
