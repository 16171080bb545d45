import { describe, expect, it } from 'vitest';
import { UnknownCodeError } from '../errors/pinganError.ts';
import { cellAt, createPanel } from './panel.ts';

describe('cellAt', () => {
  const panel = createPanel({ units: ['A', 'B'], periods: ['2025-01', '2025-02'], codes: ['x', 'y'] });

  it('finds a cell period by period, unit by unit, column by column', () => {
    expect(cellAt(panel, 'A', '2025-01', 'x')).toBe(0);
    expect(cellAt(panel, 'B', '2025-01', 'y')).toBe(3);
    expect(cellAt(panel, 'A', '2025-02', 'y')).toBe(5);
  });

  it('names what a typo missed and what there is instead', () => {
    expect(() => cellAt(panel, 'C', '2025-01', 'x')).toThrow('no unit "C" in the panel (units: A, B)');
    expect(() => cellAt(panel, 'A', '2025-03', 'x')).toThrow('no period "2025-03" in the panel (2025-01 to 2025-02)');
    expect(() => cellAt(panel, 'A', '2025-01', 'injuries')).toThrow('no column "injuries" in the panel (columns: x, y)');
    expect(() => cellAt(panel, 'A', '2025-01', 'injuries')).toThrow(UnknownCodeError);
  });

  it('lists ten names at most', () => {
    const codes = Array.from({ length: 12 }, (_, i) => `c${i}`);
    const wide = createPanel({ units: ['A'], periods: ['2025'], codes });
    expect(() => cellAt(wide, 'A', '2025', 'z')).toThrow('(columns: c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, …)');
  });
});
