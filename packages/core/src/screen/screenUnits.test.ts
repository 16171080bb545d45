import { describe, expect, it } from 'vitest';
import { defineFramework } from '../framework/defineFramework.ts';
import { createPanel, getValue } from '../panel/panel.ts';
import { screenUnits } from './screenUnits.ts';

const fw = defineFramework({
  id: 's', version: '1', name: { zh: '筛', en: 'Screen' },
  denominators: [{ code: 'pop', name: { zh: '人口', en: 'Population' } }],
  nodes: [
    { code: 'index', type: 'aggregate', parent: null, name: { zh: '指数', en: 'Index' } },
    { code: 'x', type: 'indicator', parent: 'index', direction: 1, name: { zh: 'x', en: 'x' } },
    { code: 'y', type: 'indicator', parent: 'index', direction: 1, name: { zh: 'y', en: 'y' } },
  ],
});

describe('screenUnits (COINr Screen, byNA)', () => {
  // Hand-worked: over two periods and two indicators, A has 4/4, B 3/4, C 1/4 (the denominator column does not count).
  const NaN_ = Number.NaN;
  const raw = createPanel({
    units: ['A', 'B', 'C'], periods: ['2024', '2025'], codes: ['x', 'y', 'pop'],
    values: [1, 2, 9, 3, NaN_, 9, NaN_, NaN_, 9, /* 2025 */ 4, 5, 9, 6, 7, 9, 8, NaN_, 9],
  });

  it('keeps units at or above the threshold and reports the others with their availability', () => {
    const { panel, removed } = screenUnits(raw, fw, { minAvailability: 0.75 });
    expect(panel.units).toEqual(['A', 'B']);
    expect(removed).toEqual([{ unit: 'C', availability: 0.25 }]);
    expect(getValue(panel, 'B', '2025', 'y')).toBe(7);
    expect(getValue(panel, 'A', '2024', 'pop')).toBe(9);
  });

  it('returns the panel itself when nothing is removed, and refuses a threshold outside [0, 1]', () => {
    expect(screenUnits(raw, fw, { minAvailability: 0.25 }).panel).toBe(raw);
    expect(() => screenUnits(raw, fw, { minAvailability: 90 })).toThrow(/between 0 and 1/);
  });
});
