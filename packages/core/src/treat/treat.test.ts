import { describe, expect, it } from 'vitest';
import { defineFramework } from '../framework/defineFramework.ts';
import { ValidationError } from '../framework/frameworkError.ts';
import { Flag } from '../panel/flags.ts';
import { createPanel, crossSection, getFlags, getValue } from '../panel/panel.ts';
import { treat } from './treat.ts';
import { treatColumn } from './treatColumn.ts';

const name = { zh: '名', en: 'Name' };
const framework = defineFramework({
  id: 'demo',
  version: '1',
  name,
  nodes: [
    { code: 'index', type: 'aggregate', parent: null, name },
    { code: 'x', type: 'indicator', parent: 'index', direction: 1, name, treatment: { method: 'winsorise' } },
    { code: 'y', type: 'indicator', parent: 'index', direction: 1, name },
  ],
});

const units = Array.from({ length: 11 }, (_, i) => `u${String(i + 1).padStart(2, '0')}`);
const periods = ['2024', '2025'];
// x in 2024: 1…10, 100 (one outlier, fixed by one winsorisation, see treatColumn.test.ts)
// x in 2025: 1…10, missing (passes: skew of 1…10 is 0)
// y: the same outlier, but y is not treated
const x2024 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100];
const x2025 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, Number.NaN];

function makePanel() {
  const values: number[] = [];
  const flags: number[] = [];
  for (const xs of [x2024, x2025]) {
    for (let u = 0; u < units.length; u++) {
      values.push(xs[u], x2024[u]);
      flags.push(u === 10 ? Flag.Provisional : 0, 0);
    }
  }
  return createPanel({ units, periods, codes: ['x', 'y'], values, flags });
}

describe('treat', () => {
  it('treats each indicator one period at a time, flagging changed cells', () => {
    const p = makePanel();
    const { panel, report } = treat(p, framework);
    expect(getValue(panel, 'u11', '2024', 'x')).toBe(10); // 100 → 10
    expect(getFlags(panel, 'u11', '2024', 'x')).toBe(Flag.Provisional | Flag.Treated);
    expect(getFlags(panel, 'u10', '2024', 'x')).toBe(0);
    expect(Array.from(crossSection(panel, '2025', 'x')).slice(0, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(getValue(panel, 'u11', '2025', 'x')).toBeNaN();
    expect(getValue(panel, 'u11', '2024', 'y')).toBe(100); // treatment "none"
    expect(report).toHaveLength(2);
    expect(report[0]).toMatchObject({ period: '2024', code: 'x', method: 'winsorised', winsorisedHigh: 1, units: ['u11'], passed: true });
    expect(report[0].skewBefore).toBeCloseTo(3.255638184060508, 10);
    expect(report[1]).toMatchObject({ period: '2025', code: 'x', method: 'none', units: [], passed: true, skewBefore: 0 });
  });

  it('flags every present cell of a logged column', () => {
    const fw = defineFramework({
      id: 'demo',
      version: '1',
      name,
      nodes: [
        { code: 'index', type: 'aggregate', parent: null, name },
        { code: 'x', type: 'indicator', parent: 'index', direction: 1, name, treatment: { method: 'winsorise', winmax: 1 } },
      ],
    });
    // c(1:20, 100, 200) with winmax 1 needs log_CT (treatColumn.test.ts), plus one missing unit
    const xs = [...Array.from({ length: 20 }, (_, i) => i + 1), 100, 200, Number.NaN];
    const us = xs.map((_, i) => `u${i}`);
    const p = createPanel({ units: us, periods: ['2025'], codes: ['x'], values: xs });
    const { panel, report } = treat(p, fw);
    expect(getValue(panel, 'u0', '2025', 'x')).toBeCloseTo(Math.log(1.99), 14);
    expect(getFlags(panel, 'u0', '2025', 'x')).toBe(Flag.Treated);
    expect(getFlags(panel, 'u22', '2025', 'x')).toBe(0);
    expect(report[0]).toMatchObject({ method: 'log', passed: true });
    expect(report[0].units).toHaveLength(22);
  });

  it('names indicators the panel lacks', () => {
    const p = createPanel({ units: ['A'], periods: ['2025'], codes: ['x'], values: [1] });
    expect(() => treat(p, framework)).toThrow(ValidationError);
  });

  it('does not change the input panel', () => {
    const p = makePanel();
    const values = Float64Array.from(p.values);
    const flags = Uint8Array.from(p.flags);
    const { panel } = treat(p, framework);
    expect(p.values).toEqual(values);
    expect(p.flags).toEqual(flags);
    expect(panel.values).not.toBe(p.values);
  });

  it('treats columns measured two by two as each alone (treatColumn), an odd one out and missing values included', () => {
    const spec = { method: 'winsorise', winmax: 1, skewThreshold: 2, kurtosisThreshold: 3.5, fallback: 'log' } as const;
    const codes = ['a', 'b', 'c', 'd', 'e'];
    const fw = defineFramework({
      id: 'five',
      version: '1',
      name,
      nodes: [{ code: 'index', type: 'aggregate', parent: null, name }, ...codes.map((code) => ({ code, type: 'indicator' as const, parent: 'index', direction: 1 as const, name, treatment: spec }))],
    });
    const seq = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
    const columns = [
      [...seq(1, 21), 100], // winsorised at the top
      [...seq(1, 21), Number.NaN], // passes, one value missing (its partner has none)
      [...seq(1, 20), 100, 200], // one point is not enough: logged
      seq(-10, 11), // passes
      [-100, ...seq(2, 22)], // winsorised at the bottom, the odd one out
    ];
    const many = seq(1, 22).map((u) => `u${u}`);
    const values: number[] = [];
    for (let u = 0; u < many.length; u++) for (const column of columns) values.push(column[u]);
    const { panel, report } = treat(createPanel({ units: many, periods: ['2025'], codes, values }), fw);
    codes.forEach((code, k) => {
      const alone = treatColumn(columns[k], spec);
      expect(Array.from(crossSection(panel, '2025', code))).toEqual(Array.from(alone.values));
      expect(report[k]).toEqual({ period: '2025', code, ...alone.report, units: alone.changed.map((u) => many[u]) });
    });
    expect(report.map((r) => r.method)).toEqual(['winsorised', 'none', 'log', 'none', 'winsorised']);
  });
});
