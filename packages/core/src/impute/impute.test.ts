import { describe, expect, it } from 'vitest';
import { defineFramework } from '../framework/defineFramework.ts';
import { ValidationError } from '../framework/frameworkError.ts';
import type { ImputationSpec } from '../framework/methods.ts';
import { Flag } from '../panel/flags.ts';
import { createPanel, getFlags, getValue, timeSeries, crossSection } from '../panel/panel.ts';
import { impute } from './impute.ts';

const NaN_ = Number.NaN;
const name = { zh: '名', en: 'Name' };

function frameworkWith(imputations: Record<string, ImputationSpec>) {
  return defineFramework({
    id: 'demo',
    version: '1',
    name,
    nodes: [
      { code: 'index', type: 'aggregate', parent: null, name },
      ...Object.entries(imputations).map(([code, imputation]) => ({
        code,
        type: 'indicator' as const,
        parent: 'index',
        direction: 1 as const,
        name,
        imputation,
      })),
    ],
  });
}

/** A one-column panel from a unit → series map. */
function seriesPanel(code: string, periods: string[], series: Record<string, number[]>) {
  const units = Object.keys(series);
  const values: number[] = [];
  for (let p = 0; p < periods.length; p++) for (const u of units) values.push(series[u][p]);
  return createPanel({ units, periods, codes: [code], values });
}

const months = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08'];

describe('impute', () => {
  it('carries a survey forward at most maxAge months (locf)', () => {
    const fw = frameworkWith({ survey: { method: 'locf', maxAge: 5 } });
    // A: surveyed in January (60) and August (64); February–June are 1–5 months old → 60;
    //    July is 6 months old → missing.
    // B: first surveyed in March: January and February are not filled backward.
    const p = seriesPanel('survey', months, {
      A: [60, NaN_, NaN_, NaN_, NaN_, NaN_, NaN_, 64],
      B: [NaN_, NaN_, 50, NaN_, 52, NaN_, NaN_, NaN_],
    });
    const { panel, report } = impute(p, fw);
    expect(Array.from(timeSeries(panel, 'A', 'survey'))).toEqual([60, 60, 60, 60, 60, 60, NaN_, 64]);
    // B: April ← March (50); June–August ← May (52), 1–3 months old
    expect(Array.from(timeSeries(panel, 'B', 'survey'))).toEqual([NaN_, NaN_, 50, 50, 52, 52, 52, 52]);
    expect(getFlags(panel, 'A', '2025-02', 'survey')).toBe(Flag.Imputed);
    expect(getFlags(panel, 'A', '2025-01', 'survey')).toBe(0);
    expect(getFlags(panel, 'A', '2025-07', 'survey')).toBe(0);
    // report in panel order: period, then unit
    expect(report.slice(0, 3)).toEqual([
      { unit: 'A', period: '2025-02', code: 'survey', method: 'locf', value: 60, from: '2025-01' },
      { unit: 'A', period: '2025-03', code: 'survey', method: 'locf', value: 60, from: '2025-01' },
      { unit: 'A', period: '2025-04', code: 'survey', method: 'locf', value: 60, from: '2025-01' },
    ]);
    expect(report).toContainEqual({ unit: 'B', period: '2025-04', code: 'survey', method: 'locf', value: 50, from: '2025-03' });
    expect(report.length).toBe(5 + 4);
  });

  it('interpolates interior gaps of at most maxGap periods', () => {
    const fw = frameworkWith({ x: { method: 'interpolate', maxGap: 2 } });
    // A: 10 (Jan), gap Feb–Mar, 16 (Apr): step (16 − 10) / 3 = 2 → 12, 14;
    //    gap May–Jul is 3 long > maxGap 2 → missing; nothing before Jan or after Aug.
    const p = seriesPanel('x', months, { A: [10, NaN_, NaN_, 16, NaN_, NaN_, NaN_, 20] });
    const { panel, report } = impute(p, fw);
    expect(Array.from(timeSeries(panel, 'A', 'x'))).toEqual([10, 12, 14, 16, NaN_, NaN_, NaN_, 20]);
    expect(report).toEqual([
      { unit: 'A', period: '2025-02', code: 'x', method: 'interpolate', value: 12, from: '2025-01', to: '2025-04' },
      { unit: 'A', period: '2025-03', code: 'x', method: 'interpolate', value: 14, from: '2025-01', to: '2025-04' },
    ]);
  });

  it('fills with the mean of the other units of the same group in the same period (i_mean_grp)', () => {
    const fw = frameworkWith({ x: { method: 'groupMean', grouping: 'city' } });
    const unitGroups = { city: { a1: 'A', a2: 'A', a3: 'A', b1: 'B', b2: 'B' } };
    // 2025-01: A = {4, NaN, 8} → a2 = (4 + 8) / 2 = 6; B = {NaN, 30} → b1 = 30
    // 2025-02: A = {NaN, NaN, NaN} → no value in the group, stays missing; B = {1, 3}
    const p = seriesPanel('x', ['2025-01', '2025-02'], {
      a1: [4, NaN_],
      a2: [NaN_, NaN_],
      a3: [8, NaN_],
      b1: [NaN_, 1],
      b2: [30, 3],
    });
    const { panel, report } = impute(p, fw, { unitGroups });
    expect(Array.from(crossSection(panel, '2025-01', 'x'))).toEqual([4, 6, 8, 30, 30]);
    expect(Array.from(crossSection(panel, '2025-02', 'x'))).toEqual([NaN_, NaN_, NaN_, 1, 3]);
    expect(report).toEqual([
      { unit: 'a2', period: '2025-01', code: 'x', method: 'groupMean', value: 6, group: 'A' },
      { unit: 'b1', period: '2025-01', code: 'x', method: 'groupMean', value: 30, group: 'B' },
    ]);
  });

  it('uses all units as one group without a grouping (i_mean)', () => {
    const fw = frameworkWith({ x: { method: 'groupMean' } });
    // (4 + 8 + 30) / 3 = 14
    const p = seriesPanel('x', ['2025-01'], { a1: [4], a2: [NaN_], a3: [8], b1: [30] });
    const { panel, report } = impute(p, fw);
    expect(getValue(panel, 'a2', '2025-01', 'x')).toBe(14);
    expect(report).toEqual([{ unit: 'a2', period: '2025-01', code: 'x', method: 'groupMean', value: 14 }]);
  });

  it('keeps other flags on imputed cells and leaves "none" indicators and other columns alone', () => {
    const fw = frameworkWith({ x: { method: 'groupMean' }, y: { method: 'none' } });
    const p = createPanel({
      units: ['A', 'B'],
      periods: ['2025'],
      codes: ['x', 'y', 'pop'],
      values: [NaN_, NaN_, NaN_, /**/ 5, 1, 7],
      flags: [Flag.Provisional, 0, 0, 0, 0, 0],
    });
    const { panel } = impute(p, fw);
    expect(getValue(panel, 'A', '2025', 'x')).toBe(5);
    expect(getFlags(panel, 'A', '2025', 'x')).toBe(Flag.Provisional | Flag.Imputed);
    expect(getValue(panel, 'A', '2025', 'y')).toBeNaN();
    expect(getValue(panel, 'A', '2025', 'pop')).toBeNaN();
    expect(panel.codes).toEqual(['x', 'y', 'pop']);
  });

  it('lists every unit missing from a grouping, and unknown groupings', () => {
    const fw = frameworkWith({ x: { method: 'groupMean', grouping: 'city' }, y: { method: 'groupMean', grouping: 'nope' } });
    const p = createPanel({ units: ['430302', '430304', '430311'], periods: ['2025-10'], codes: ['x', 'y'] });
    try {
      impute(p, fw, { unitGroups: { city: { '430304': 'C' } } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues).toEqual([
        { path: 'unit "430302", indicator "x"', message: 'unit is not in unit grouping "city"' },
        { path: 'unit "430311", indicator "x"', message: 'unit is not in unit grouping "city"' },
        { path: 'indicator "y".imputation.grouping', message: 'unit grouping "nope" was not given (options.unitGroups)' },
      ]);
    }
  });

  it('names indicators the panel lacks', () => {
    const fw = frameworkWith({ x: { method: 'none' } });
    const p = createPanel({ units: ['A'], periods: ['2025'], codes: ['y'] });
    expect(() => impute(p, fw)).toThrow(/indicator "x": is not a column/);
  });

  it('does not change the input panel', () => {
    const fw = frameworkWith({ x: { method: 'locf', maxAge: 2 } });
    const p = seriesPanel('x', months.slice(0, 3), { A: [1, NaN_, NaN_] });
    const values = Float64Array.from(p.values);
    const flags = Uint8Array.from(p.flags);
    const { panel } = impute(p, fw);
    expect(p.values).toEqual(values);
    expect(p.flags).toEqual(flags);
    expect(panel.values).not.toBe(p.values);
    expect(Array.from(panel.values)).toEqual([1, 1, 1]);
  });

  it('reports every filled cell in panel order (period, unit, column), whichever method filled it', () => {
    const fw = frameworkWith({ a: { method: 'locf', maxAge: 2 }, b: { method: 'interpolate' }, c: { method: 'groupMean' } });
    // 3 units × 3 periods × 4 columns ('extra' is no indicator): 36 cells, the last filled one past the last whole word of marks.
    const units = ['X', 'Y', 'Z'];
    const periods = ['2025-01', '2025-02', '2025-03'];
    // cell (p, u, column) at (p * 3 + u) * 4 + column; columns c, extra, b, a
    const values = [
      1, 0, 10, 5, /**/ 2, 0, 20, NaN_, /**/ 3, 0, 30, 7,
      NaN_, 0, NaN_, NaN_, /**/ 4, 0, NaN_, 6, /**/ NaN_, 0, 31, NaN_,
      NaN_, NaN_, 12, 9, /**/ 6, 0, 24, NaN_, /**/ NaN_, 0, 32, NaN_,
    ];
    const { report } = impute(createPanel({ units, periods, codes: ['c', 'extra', 'b', 'a'], values }), fw);
    expect(report.map((r) => [r.period, r.unit, r.code, r.method, r.value, r.from, r.to])).toEqual([
      ['2025-02', 'X', 'c', 'groupMean', 4, undefined, undefined],
      ['2025-02', 'X', 'b', 'interpolate', 11, '2025-01', '2025-03'],
      ['2025-02', 'X', 'a', 'locf', 5, '2025-01', undefined],
      ['2025-02', 'Y', 'b', 'interpolate', 22, '2025-01', '2025-03'],
      ['2025-02', 'Z', 'c', 'groupMean', 4, undefined, undefined],
      ['2025-02', 'Z', 'a', 'locf', 7, '2025-01', undefined],
      ['2025-03', 'X', 'c', 'groupMean', 6, undefined, undefined],
      ['2025-03', 'Y', 'a', 'locf', 6, '2025-02', undefined],
      ['2025-03', 'Z', 'c', 'groupMean', 6, undefined, undefined],
      ['2025-03', 'Z', 'a', 'locf', 7, '2025-01', undefined],
    ]);
  });
});
