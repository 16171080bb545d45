import { PinganError } from '../errors/pinganError.ts';
import { describe, expect, it } from 'vitest';
import { NormalisationSpec } from '../framework/methods.ts';
import { normaliseColumn } from './normaliseColumn.ts';

const spec = (input: unknown) => NormalisationSpec.parse(input);

describe('normaliseColumn', () => {
  const x = [2, 5, 8, 11];
  it('dispatches every cross-section method with the direction', () => {
    // min-max, lower is better: (11 - x) / 9 × 100
    expect([...normaliseColumn([2, 5, 11], spec({ method: 'minMax' }), -1).scores]).toEqual([100, 66.66666666666666, 0]);
    expect([...normaliseColumn([1, 2, 3], spec({ method: 'zScore' }), 1).scores]).toEqual([-1, 0, 1]);
    expect([...normaliseColumn(x, spec({ method: 'goalposts', min: 0, max: 10 }), 1).scores]).toEqual([20, 50, 80, 100]);
    expect([...normaliseColumn(x, spec({ method: 'distanceToTarget', target: 8 }), 1).scores]).toEqual([0, 50, 100, 100]);
    expect([...normaliseColumn(x, spec({ method: 'distanceToReference', reference: { value: 8 } }), 1).scores]).toEqual([0, 50, 100, 150]);
    expect([...normaliseColumn(x, spec({ method: 'percentileRank', scale: 3 }), -1).scores]).toEqual([3, 2, 1, 0]);
    expect([...normaliseColumn(x, spec({ method: 'rank' }), 1).scores]).toEqual([1, 2, 3, 4]);
  });
  it('reports capped cells', () => {
    expect([...normaliseColumn(x, spec({ method: 'goalposts', min: 0, max: 10 }), 1).capped]).toEqual([0, 0, 0, 1]);
  });
  it('uses the value at referenceIndex for a reference unit', () => {
    // reference = x[1] = 5: 1 - (5 - x)/(5 - 2) → 0, 1, 2, 3
    const s = spec({ method: 'distanceToReference', reference: { unit: 'B' }, scale: 1 });
    expect([...normaliseColumn(x, s, 1, { referenceIndex: 1 }).scores]).toEqual([0, 1, 2, 3]);
    expect(() => normaliseColumn(x, s, 1)).toThrow(/referenceIndex/);
    expect(() => normaliseColumn(x, s, 1, { referenceIndex: 4 })).toThrow(PinganError);
  });
  it('refuses indexToBase, which needs the panel', () => {
    expect(() => normaliseColumn(x, spec({ method: 'indexToBase', base: '2020' }), 1)).toThrow(/normalise\(\)/);
  });
});
