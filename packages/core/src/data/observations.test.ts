import { describe, expect, it } from 'vitest';
import { defineFramework } from '../framework/defineFramework.ts';
import { ValidationError } from '../framework/frameworkError.ts';
import { Flag } from '../panel/flags.ts';
import { getFlags, getValue } from '../panel/panel.ts';
import { panelFromObservations, type Observation } from './observations.ts';

const name = (en: string) => ({ zh: en, en });
const fw = defineFramework({
  id: 'demo',
  version: '1',
  name: name('Demo'),
  denominators: [{ code: 'pop', name: name('Population') }],
  nodes: [
    { code: 'index', type: 'aggregate', parent: null, name: name('Index') },
    { code: 'a', type: 'indicator', parent: 'index', direction: 1, name: name('A') },
    { code: 'b', type: 'indicator', parent: 'index', direction: 1, name: name('B') },
  ],
});

describe('panelFromObservations', () => {
  it('lays the long table out as a panel, keeps missing values missing and fills gaps in the months', () => {
    const panel = panelFromObservations(fw, [
      { unit: 'Y', period: '2025-03', code: 'a', value: 5 },
      { unit: 'X', period: '2025-01', code: 'a', value: 0 },
      { unit: 'X', period: '2025-01', code: 'b', value: null },
      { unit: 'X', period: '2025-01', code: 'pop', value: 1000, flag: 'estimated' },
    ]);
    expect(panel.units).toEqual(['Y', 'X']);
    expect(panel.periods).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(panel.codes).toEqual(['a', 'b', 'pop']);
    expect(getValue(panel, 'X', '2025-01', 'a')).toBe(0);
    expect(getValue(panel, 'X', '2025-01', 'b')).toBeNaN();
    expect(getValue(panel, 'X', '2025-02', 'a')).toBeNaN();
    expect(getValue(panel, 'Y', '2025-03', 'a')).toBe(5);
    expect(getFlags(panel, 'X', '2025-01', 'pop')).toBe(Flag.Estimated);
  });

  it('reports every bad row at once, by where it came from', () => {
    const rows: Observation[] = [
      { unit: 'X', period: '2025-01', code: 'a', value: 1, where: 'data.csv:2' },
      { unit: 'X', period: '2025-01', code: 'a', value: 2, where: 'data.csv:3' },
      { unit: 'X', period: '2025-13', code: 'a', value: 1, where: 'data.csv:4' },
      { unit: 'X', period: '2025-02', code: 'homicide', value: 1, where: 'data.csv:5' },
      { unit: 'X', period: '2025-02', code: 'b', value: Number.NaN, where: 'data.csv:6' },
      { unit: 'X', period: '2025', code: 'b', value: 3, where: 'data.csv:7' },
      // A string where a number belongs (JavaScript callers): quoted, so it does not read as the number 12.
      { unit: 'X', period: '2025-03', code: 'b', value: '12' as unknown as number, where: 'data.csv:8' },
    ];
    let error: unknown;
    try {
      panelFromObservations(fw, rows);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      { path: 'data.csv:4', message: '"2025-13" is not a period (expected YYYY-MM, YYYY-Qn or YYYY)' },
      { path: 'data.csv:5', message: 'unknown indicator "homicide": not an indicator or denominator of framework "demo"' },
      { path: 'data.csv:6', message: 'value must be a finite number or null, got NaN' },
      { path: 'data.csv:7', message: 'period "2025" is a year, but earlier rows are months' },
      { path: 'data.csv:8', message: 'value must be a finite number or null, got "12"' },
      { path: 'data.csv:3', message: 'duplicate row: X 2025-01 a already given at data.csv:2' },
    ]);
  });

  it('refuses units outside a given list', () => {
    expect(() => panelFromObservations(fw, [{ unit: 'Z', period: '2025-01', code: 'a', value: 1 }], { units: ['X'] })).toThrow(
      /observations\[0\]: unknown unit "Z"/,
    );
  });
});
