import { PinganError } from '../errors/pinganError.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frameworkFromJson, type Framework } from '../framework/defineFramework.ts';
import { Flag } from '../panel/flags.ts';
import { createPanel, getFlags, getValue, type Panel } from '../panel/panel.ts';
import { normalise } from './normalise.ts';

const name = (s: string) => ({ zh: s, en: s });

/** A one-level framework: the root "index" with the given indicators. */
function framework(indicators: Record<string, unknown>[]): Framework {
  return frameworkFromJson({
    id: 't',
    version: '1',
    name: name('t'),
    nodes: [
      { code: 'index', type: 'aggregate', parent: null, name: name('index') },
      ...indicators.map((n) => ({ type: 'indicator', parent: 'index', direction: 1, name: name(String(n.code)), ...n })),
    ],
  });
}

/** Builds a panel from { period: { unit: { code: value } } }. */
function panelOf(units: string[], periods: string[], codes: string[], cell: (u: string, p: string, c: string) => number, flags?: (u: string, p: string, c: string) => number): Panel {
  const values: number[] = [];
  const flagValues: number[] = [];
  for (const p of periods) for (const u of units) for (const c of codes) {
    values.push(cell(u, p, c));
    flagValues.push(flags ? flags(u, p, c) : 0);
  }
  return createPanel({ units, periods, codes, values, flags: flagValues });
}

function column(panel: Panel, period: string, code: string): number[] {
  return panel.units.map((u) => getValue(panel, u, period, code));
}

describe('normalise', () => {
  // a: 2024 → A 1, B 2, C 3; 2025 → A 3, B 5, C missing
  const a: Record<string, Record<string, number>> = {
    '2024': { A: 1, B: 2, C: 3 },
    '2025': { A: 3, B: 5, C: Number.NaN },
  };
  const units = ['A', 'B', 'C'];
  const periods = ['2024', '2025'];

  it('keeps exactly the framework indicators, in framework order', () => {
    const fw = framework([{ code: 'y' }, { code: 'x' }]);
    const p = panelOf(units, periods, ['x', 'extra', 'y'], (u, per) => a[per][u]);
    const n = normalise(p, fw);
    expect(n.codes).toEqual(['y', 'x']);
    expect(n.units).toEqual(units);
    expect(n.periods).toEqual(periods);
    expect(n.values.length).toBe(3 * 2 * 2);
  });

  it('min-maxes each period on its own with scope "period" (COINr: one coin per period)', () => {
    const fw = framework([{ code: 'x' }]);
    const n = normalise(panelOf(units, periods, ['x'], (u, per) => a[per][u]), fw);
    // 2024: min 1, max 3 → 0, 50, 100; 2025: min 3, max 5 → 0, 100, missing
    expect(column(n, '2024', 'x')).toEqual([0, 50, 100]);
    expect(column(n, '2025', 'x')).toEqual([0, 100, Number.NaN]);
  });

  it('pools every period with scope "panel" (COINr: Normalise(purse, global = TRUE))', () => {
    const fw = framework([{ code: 'x', normalisation: { method: 'minMax', scope: 'panel' } }]);
    const n = normalise(panelOf(units, periods, ['x'], (u, per) => a[per][u]), fw);
    // pooled min 1, max 5, range 4: (1-1)/4 = 0, 0.25, 0.5; 2025: 0.5, 1, missing
    expect(column(n, '2024', 'x')).toEqual([0, 25, 50]);
    expect(column(n, '2025', 'x')).toEqual([50, 100, Number.NaN]);
  });

  it('applies the direction', () => {
    const fw = framework([{ code: 'x', direction: -1, normalisation: { method: 'rank', scope: 'panel' } }]);
    const n = normalise(panelOf(units, periods, ['x'], (u, per) => a[per][u]), fw);
    // pooled -1 -2 -3 -3 -5: sorted -5, -3, -3, -2, -1 → value 1 ranks 5, 2 → 4, 3 → 2 (tie), 5 → 1
    expect(column(n, '2024', 'x')).toEqual([5, 4, 2]);
    expect(column(n, '2025', 'x')).toEqual([2, 1, Number.NaN]);
  });

  it('copies flags through and adds Flag.Capped where a cap applied', () => {
    const fw = framework([{ code: 'x', normalisation: { method: 'goalposts', min: 0, max: 2 } }]);
    const p = panelOf(units, periods, ['x'], (u, per) => a[per][u], (u) => (u === 'B' ? Flag.Imputed : 0));
    const n = normalise(p, fw);
    // (x - 0) / 2 × 100 capped at 100: 2024 → 50, 100, 100 (3 capped); 2025 → 100 (capped), 100 (capped), missing
    expect(column(n, '2024', 'x')).toEqual([50, 100, 100]);
    expect(column(n, '2025', 'x')).toEqual([100, 100, Number.NaN]);
    expect(getFlags(n, 'A', '2024', 'x')).toBe(Flag.None);
    expect(getFlags(n, 'B', '2024', 'x')).toBe(Flag.Imputed);
    expect(getFlags(n, 'C', '2024', 'x')).toBe(Flag.Capped);
    expect(getFlags(n, 'A', '2025', 'x')).toBe(Flag.Capped);
    expect(getFlags(n, 'B', '2025', 'x')).toBe(Flag.Imputed | Flag.Capped);
    expect(getFlags(n, 'C', '2025', 'x')).toBe(Flag.None);
  });

  it('scores distance to a reference unit within each period', () => {
    const fw = framework([{ code: 'x', normalisation: { method: 'distanceToReference', reference: { unit: 'B' }, scale: 1 } }]);
    const n = normalise(panelOf(units, periods, ['x'], (u, per) => a[per][u]), fw);
    // 2024: ref B = 2, min 1 → 1 - (2 - x)/(2 - 1) = 0, 1, 2; 2025: ref 5, min 3 → 1 - (5 - x)/2 = 0, 1
    expect(column(n, '2024', 'x')).toEqual([0, 1, 2]);
    expect(column(n, '2025', 'x')).toEqual([0, 1, Number.NaN]);
    // with C as the reference, 2025 has no reference value: every score is missing
    const fwC = framework([{ code: 'x', normalisation: { method: 'distanceToReference', reference: { unit: 'C' }, scale: 1 } }]);
    expect(column(normalise(panelOf(units, periods, ['x'], (u, per) => a[per][u]), fwC), '2025', 'x')).toEqual([
      Number.NaN,
      Number.NaN,
      Number.NaN,
    ]);
  });

  it('scores distance to a fixed target or reference value', () => {
    const fw = framework([
      { code: 'x', normalisation: { method: 'distanceToTarget', target: 4, scale: 1, scope: 'panel' } },
      { code: 'y', direction: -1, normalisation: { method: 'distanceToReference', reference: { value: 2 }, scale: 1 } },
    ]);
    const n = normalise(panelOf(units, periods, ['x', 'y'], (u, per) => a[per][u]), fw);
    // x pooled min 1, target 4: (x - 1)/3 → 0, 1/3, 2/3; 2025: 2/3, 5/3 → 1 (capped)
    expect(column(n, '2024', 'x')).toEqual([0, 1 / 3, 2 / 3]);
    expect(column(n, '2025', 'x')).toEqual([2 / 3, 1, Number.NaN]);
    expect(getFlags(n, 'B', '2025', 'x')).toBe(Flag.Capped);
    // y (lower is better), 2024: x' = -1 -2 -3, ref' = -2, min' = -3: 1 - (-2 - x')/1 → 2, 1, 0
    expect(column(n, '2024', 'y')).toEqual([2, 1, 0]);
  });

  describe('indexToBase', () => {
    const months = ['2024-01', '2024-02', '2025-01'];
    // A: 90, 110, 120 → base mean(90, 110) = 100; B: 0, 0, 5 → base 0; C: missing in 2024 → no base; D: 4, missing, 0
    const data: Record<string, number[]> = { A: [90, 110, 120], B: [0, 0, 5], C: [Number.NaN, Number.NaN, 7], D: [4, Number.NaN, 0] };
    const p = panelOf(['A', 'B', 'C', 'D'], months, ['up', 'down'], (u, per) => data[u][months.indexOf(per)]);
    const spec = { method: 'indexToBase', base: { from: '2024-01', to: '2024-12' } };
    const fw = framework([
      { code: 'up', normalisation: spec },
      { code: 'down', direction: -1, normalisation: spec },
    ]);
    const n = normalise(p, fw);
    const series = (u: string, code: string) => months.map((m) => getValue(n, u, m, code));

    it('divides by the mean of the base range for direction 1', () => {
      // 100 × x / 100
      expect(series('A', 'up').map((v) => Number(v.toFixed(10)))).toEqual([90, 110, 120]);
    });
    it('mirrors the change for direction -1 and keeps a zero count defined', () => {
      // 100 × (1 - (x - 100)/100) = 110, 90, 80; D: base 4, 100 × (1 - (0 - 4)/4) = 200
      expect(series('A', 'down').map((v) => Number(v.toFixed(10)))).toEqual([110, 90, 80]);
      expect(series('D', 'down')).toEqual([100, Number.NaN, 200]);
      expect(series('D', 'up')).toEqual([100, Number.NaN, 0]);
    });
    it('gives no scores to a unit whose base is zero or missing', () => {
      expect(series('B', 'up')).toEqual([Number.NaN, Number.NaN, Number.NaN]);
      expect(series('C', 'down')).toEqual([Number.NaN, Number.NaN, Number.NaN]);
    });
    it('accepts a single base period', () => {
      const single = framework([{ code: 'up', normalisation: { method: 'indexToBase', base: '2024-02', scale: 1 } }]);
      // A: base 110 → 90/110, 1, 120/110
      const s = months.map((m) => getValue(normalise(p, single), 'A', m, 'up'));
      expect(s[0]).toBeCloseTo(90 / 110, 14);
      expect(s[1]).toBe(1);
      expect(s[2]).toBeCloseTo(120 / 110, 14);
    });
    it('throws when no panel period falls in the base', () => {
      const missing = framework([{ code: 'up', normalisation: { method: 'indexToBase', base: '2023-06' } }]);
      expect(() => normalise(p, missing)).toThrow(/"up".*"2023-06"/);
      const range = framework([{ code: 'up', normalisation: { method: 'indexToBase', base: { from: '2020-01', to: '2020-12' } } }]);
      expect(() => normalise(p, range)).toThrow(PinganError);
    });
  });

  it('throws a PinganError naming a missing indicator column or reference unit', () => {
    const fw = framework([{ code: 'x' }, { code: 'y' }]);
    expect(() => normalise(panelOf(units, periods, ['x'], () => 1), fw)).toThrow(/no column for indicator "y"/);
    const ref = framework([{ code: 'x', normalisation: { method: 'distanceToReference', reference: { unit: 'ZZ' } } }]);
    expect(() => normalise(panelOf(units, periods, ['x'], () => 1), ref)).toThrow(/"x".*unit "ZZ"/);
  });

  it('does not modify its input', () => {
    const p = panelOf(units, periods, ['x'], (u, per) => a[per][u]);
    const before = [...p.values];
    normalise(p, framework([{ code: 'x' }]));
    expect([...p.values]).toEqual(before);
  });

  it('property: reordering units only permutes the scores', () => {
    const fw = framework([
      { code: 'a' },
      { code: 'b', direction: -1, normalisation: { method: 'percentileRank', scope: 'panel' } },
      { code: 'c', normalisation: { method: 'goalposts', min: 10, max: 60 } },
      { code: 'd', direction: -1, normalisation: { method: 'zScore', scope: 'panel' } },
      { code: 'e', normalisation: { method: 'distanceToTarget', target: 80 } },
    ]);
    const cell = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: -50, max: 150, noNaN: true }), fc.constant(Number.NaN));
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 7 }).chain((U) =>
          fc.tuple(
            fc.constant(U),
            fc.integer({ min: 1, max: 3 }).chain((P) => fc.tuple(fc.constant(P), fc.array(cell, { minLength: U * P * 5, maxLength: U * P * 5 }))),
            fc.shuffledSubarray([...Array(U).keys()], { minLength: U, maxLength: U }),
          ),
        ),
        ([U, [P, values], order]) => {
          const unitNames = Array.from({ length: U }, (_, i) => `u${i}`);
          const periodNames = Array.from({ length: P }, (_, i) => String(2020 + i));
          const codes = ['a', 'b', 'c', 'd', 'e'];
          const p = createPanel({ units: unitNames, periods: periodNames, codes, values });
          const shuffledValues: number[] = [];
          for (let t = 0; t < P; t++) for (const u of order) for (let c = 0; c < 5; c++) shuffledValues.push(values[(t * U + u) * 5 + c]);
          const q = createPanel({ units: order.map((u) => unitNames[u]), periods: periodNames, codes, values: shuffledValues });
          const np = normalise(p, fw);
          const nq = normalise(q, fw);
          for (const u of unitNames) for (const t of periodNames) for (const c of codes) {
            const x = getValue(np, u, t, c);
            const y = getValue(nq, u, t, c);
            if (Number.isNaN(x)) expect(y).toBeNaN();
            else expect(y).toBeCloseTo(x, 9);
          }
        },
      ),
    );
  });
});
