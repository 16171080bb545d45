import { describe, expect, it } from 'vitest';
import { defineFramework } from '../framework/defineFramework.ts';
import { ValidationError } from '../framework/frameworkError.ts';
import { Flag } from '../panel/flags.ts';
import { createPanel, getFlags, getValue } from '../panel/panel.ts';
import { transform } from './transform.ts';

const name = { zh: '名', en: 'Name' };
const framework = defineFramework({
  id: 'demo',
  version: '1',
  name,
  nodes: [
    { code: 'index', type: 'aggregate', parent: null, name },
    { code: 'gdp', type: 'indicator', parent: 'index', direction: 1, name, transform: 'log' },
    { code: 'trust', type: 'indicator', parent: 'index', direction: 1, name },
  ],
});

describe('transform', () => {
  it('takes the natural log of logged indicators only', () => {
    // cell (p, u, c) at (p * 2 + u) * 3 + c; "extra" is not an indicator and passes through
    const p = createPanel({
      units: ['A', 'B'],
      periods: ['2025'],
      codes: ['trust', 'gdp', 'extra'],
      values: [0, 1, -1, /**/ -3, Math.E ** 3, 5],
    });
    const out = transform(p, framework);
    expect(getValue(out, 'A', '2025', 'gdp')).toBe(0); // ln 1 = 0
    expect(getValue(out, 'B', '2025', 'gdp')).toBeCloseTo(3, 14); // ln e³ = 3
    expect(getValue(out, 'A', '2025', 'trust')).toBe(0); // untouched, zero allowed
    expect(getValue(out, 'B', '2025', 'trust')).toBe(-3);
    expect(getValue(out, 'A', '2025', 'extra')).toBe(-1);
  });

  it('keeps missing values missing and copies flags', () => {
    const p = createPanel({
      units: ['A'],
      periods: ['2024', '2025'],
      codes: ['gdp', 'trust'],
      values: [Number.NaN, 1, 100, 2],
      flags: [Flag.Estimated, 0, Flag.Provisional, 0],
    });
    const out = transform(p, framework);
    expect(getValue(out, 'A', '2024', 'gdp')).toBeNaN();
    expect(getValue(out, 'A', '2025', 'gdp')).toBeCloseTo(Math.log(100), 14); // ln 100 ≈ 4.6052
    expect(getFlags(out, 'A', '2024', 'gdp')).toBe(Flag.Estimated);
    expect(getFlags(out, 'A', '2025', 'gdp')).toBe(Flag.Provisional);
  });

  it('lists every non-positive value of a logged indicator', () => {
    const p = createPanel({
      units: ['430302', '430304'],
      periods: ['2025-09', '2025-10'],
      codes: ['gdp', 'trust'],
      // 2025-09: 430302 gdp 0 (bad), 430304 gdp 5; 2025-10: 430302 gdp 2, 430304 gdp -1 (bad)
      values: [0, -1, 5, -2, 2, 0, -1, 0],
    });
    try {
      transform(p, framework);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues.map((i) => i.path)).toEqual([
        'unit "430302", period "2025-09", indicator "gdp"',
        'unit "430304", period "2025-10", indicator "gdp"',
      ]);
    }
  });

  it('names indicators missing from the panel', () => {
    const p = createPanel({ units: ['A'], periods: ['2025'], codes: ['gdp'], values: [1] });
    expect(() => transform(p, framework)).toThrow(/indicator "trust": is not a column/);
  });

  it('does not change the input panel', () => {
    const p = createPanel({ units: ['A'], periods: ['2025'], codes: ['gdp', 'trust'], values: [10, 1], flags: [1, 2] });
    const values = Float64Array.from(p.values);
    const flags = Uint8Array.from(p.flags);
    const out = transform(p, framework);
    expect(p.values).toEqual(values);
    expect(p.flags).toEqual(flags);
    expect(out.values).not.toBe(p.values);
    expect(out.flags).not.toBe(p.flags);
  });
});
