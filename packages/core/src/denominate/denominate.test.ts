import { describe, expect, it } from 'vitest';
import { defineFramework } from '../framework/defineFramework.ts';
import { ValidationError } from '../framework/frameworkError.ts';
import { Flag } from '../panel/flags.ts';
import { createPanel, getFlags, getValue } from '../panel/panel.ts';
import { denominate } from './denominate.ts';

const name = { zh: '名', en: 'Name' };
const framework = defineFramework({
  id: 'demo',
  version: '1',
  name,
  denominators: [{ code: 'pop', name }],
  nodes: [
    { code: 'index', type: 'aggregate', parent: null, name },
    { code: 'homicide', type: 'indicator', parent: 'index', direction: -1, name, denominator: { code: 'pop', scale: 100_000 } },
    { code: 'trust', type: 'indicator', parent: 'index', direction: 1, name },
  ],
});

// Columns deliberately in another order than the framework's.
const codes = ['pop', 'trust', 'homicide'];
const units = ['430302', '430304'];
const periods = ['2025-09', '2025-10'];
// cell (p, u, c) at (p * 2 + u) * 3 + c
const values = [
  // 2025-09: 430302, 430304
  200_000, 61, 4, /**/ 50_000, 70, 1,
  // 2025-10: 430302 (pop missing), 430304
  Number.NaN, 62, 5, /**/ 40_000, 71, Number.NaN,
];

describe('denominate', () => {
  it('turns counts into rates and keeps only the indicators, in framework order', () => {
    const raw = createPanel({ units, periods, codes, values });
    const out = denominate(raw, framework);
    expect(out.codes).toEqual(['homicide', 'trust']);
    // 4 / 200,000 × 100,000 = 2
    expect(getValue(out, '430302', '2025-09', 'homicide')).toBe(2);
    // 1 / 50,000 × 100,000 = 2
    expect(getValue(out, '430304', '2025-09', 'homicide')).toBe(2);
    // population missing → rate missing
    expect(getValue(out, '430302', '2025-10', 'homicide')).toBeNaN();
    // count missing → rate missing
    expect(getValue(out, '430304', '2025-10', 'homicide')).toBeNaN();
    // indicators without a denominator pass through
    expect(getValue(out, '430304', '2025-10', 'trust')).toBe(71);
    expect(out.values.length).toBe(2 * 2 * 2);
  });

  it('carries the indicator flags and the denominator’s estimated/provisional flags', () => {
    const flags = new Array<number>(values.length).fill(0);
    flags[0] = Flag.Estimated | Flag.Imputed; // pop, 430302, 2025-09: only Estimated may travel
    flags[2] = Flag.Provisional; // homicide, 430302, 2025-09
    flags[4] = Flag.Estimated; // trust, 430304, 2025-09: not touched by pop
    const raw = createPanel({ units, periods, codes, values, flags });
    const out = denominate(raw, framework);
    expect(getFlags(out, '430302', '2025-09', 'homicide')).toBe(Flag.Provisional | Flag.Estimated);
    expect(getFlags(out, '430304', '2025-09', 'trust')).toBe(Flag.Estimated);
    expect(getFlags(out, '430304', '2025-09', 'homicide')).toBe(0);
  });

  it('lists every cell with a zero, negative or infinite denominator', () => {
    const bad = [...values];
    bad[0] = 0; // 430302 2025-09
    bad[3] = -5; // 430304 2025-09
    bad[9] = Number.POSITIVE_INFINITY; // 430304 2025-10, but its count is missing: not an error
    const raw = createPanel({ units, periods, codes, values: bad });
    let error: unknown;
    try {
      denominate(raw, framework);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual([
      'unit "430302", period "2025-09", indicator "homicide"',
      'unit "430304", period "2025-09", indicator "homicide"',
    ]);
    expect((error as ValidationError).issues[1].message).toMatch(/"pop" is -5/);
  });

  it('names missing indicator and denominator columns', () => {
    const raw = createPanel({ units, periods: ['2025-09'], codes: ['trust'], values: [1, 2] });
    expect(() => denominate(raw, framework)).toThrow(ValidationError);
    try {
      denominate(raw, framework);
    } catch (e) {
      expect((e as ValidationError).issues.map((i) => i.message)).toEqual([
        'is not a column of the panel',
        'its denominator "pop" is not a column of the panel',
      ]);
    }
  });

  it('does not change the input panel', () => {
    const raw = createPanel({ units, periods, codes, values, flags: new Array<number>(values.length).fill(Flag.Estimated) });
    const before = { values: Float64Array.from(raw.values), flags: Uint8Array.from(raw.flags), codes: [...raw.codes] };
    const out = denominate(raw, framework);
    expect(raw.values).toEqual(before.values);
    expect(raw.flags).toEqual(before.flags);
    expect(raw.codes).toEqual(before.codes);
    expect(out.values).not.toBe(raw.values);
  });
});
