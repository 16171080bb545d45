import { describe, expect, it } from 'vitest';
import { NormalisationSpec, type NormalisationInput } from '../framework/methods.ts';
import { scoresAcrossPeriods } from './scoresAcrossPeriods.ts';

const spec = (input: NormalisationInput) => NormalisationSpec.parse(input);

describe('scoresAcrossPeriods', () => {
  it('is true for an index to a base period and for every panel-scope method, false otherwise', () => {
    expect(scoresAcrossPeriods(spec({ method: 'indexToBase', base: { from: '2024-01', to: '2024-12' } }))).toBe(true);
    for (const method of ['minMax', 'zScore', 'percentileRank', 'rank'] as const) {
      expect(scoresAcrossPeriods(spec({ method, scope: 'panel' })), method).toBe(true);
      expect(scoresAcrossPeriods(spec({ method })), `${method} by default`).toBe(false);
    }
    expect(scoresAcrossPeriods(spec({ method: 'distanceToTarget', target: 5, scope: 'panel' }))).toBe(true);
    // Fixed goalposts and a reference unit's same-period value look at one period only.
    expect(scoresAcrossPeriods(spec({ method: 'goalposts', min: 0, max: 10 }))).toBe(false);
    expect(scoresAcrossPeriods(spec({ method: 'distanceToReference', reference: { unit: 'A' } }))).toBe(false);
  });
});
