import { describe, expect, it } from 'vitest';
import { defineFramework } from '../framework/defineFramework.ts';
import { ValidationError } from '../framework/frameworkError.ts';
import { Flag } from '../panel/flags.ts';
import { createPanel, getFlags, getValue } from '../panel/panel.ts';
import { denominate, denominateInto } from './denominate.ts';

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

const bits = (x: Float64Array) => Buffer.from(Float64Array.from(x).buffer).toString('hex');

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

  it('denominateInto, by columns or by rows, gives denominate’s cells bit for bit, and its bad cells are those denominate lists, row by row, over many rows', () => {
    const wide = defineFramework({
      id: 'wide',
      version: '1',
      name,
      denominators: [{ code: 'pop', name }, { code: 'area', name }],
      nodes: [
        { code: 'index', type: 'aggregate', parent: null, name },
        { code: 'a', type: 'indicator', parent: 'index', direction: 1, name, denominator: { code: 'pop', scale: 1000 } },
        { code: 'b', type: 'indicator', parent: 'index', direction: 1, name },
        { code: 'c', type: 'indicator', parent: 'index', direction: 1, name, denominator: { code: 'area', scale: 0.1 } },
      ],
    });
    const many = Array.from({ length: 150 }, (_, u) => `u${u}`);
    const columns = ['area', 'c', 'pop', 'b', 'a'];
    // Seeded values with gaps, zeros, negatives and infinities among the denominators.
    let seed = 9;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const draw = () => {
      const x = next();
      return x < 0.05 ? Number.NaN : x < 0.08 ? 0 : x < 0.1 ? -1 : x < 0.11 ? Number.POSITIVE_INFINITY : 1 + 1000 * next();
    };
    const cells = Array.from({ length: 2 * many.length * columns.length }, draw);
    const raw = createPanel({ units: many, periods, codes: columns, values: cells, flags: cells.map((_, i) => [Flag.None, Flag.Estimated, Flag.Provisional][i % 3]) });
    let expected: { path: string; message: string }[] = [];
    try {
      denominate(raw, wide);
    } catch (e) {
      expected = [...(e as ValidationError).issues];
    }
    expect(expected.length).toBeGreaterThan(10);
    // The same rates with the bad cells allowed: a panel whose bad denominators are missing gives every other cell.
    const lists = { source: Int32Array.of(4, 3, 1), denominator: Int32Array.of(2, -1, 0), scale: Float64Array.of(1000, 1, 0.1) };
    const rows = many.length * periods.length;
    const byRows = { values: new Float64Array(rows * 3), flags: new Uint8Array(rows * 3) };
    const byColumns = { values: new Float64Array(rows * 3), flags: new Uint8Array(rows * 3) };
    const bad: number[] = [];
    expect(denominateInto(raw, lists, 0, rows, byRows, 0, 3, 1, bad)).toBe(expected.length);
    for (let p = 0; p < periods.length; p++) denominateInto(raw, lists, p * many.length, many.length, byColumns, p * many.length * 3, 1, many.length, null);
    // The raw cells column by column (StridedCells), read a period at a time, the bad cells listed: the same cells and the same bad ones.
    const C = columns.length;
    const rawByColumn = { values: new Float64Array(rows * C), flags: new Uint8Array(rows * C), rowStride: 1, columnStride: rows };
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < C; c++) {
        rawByColumn.values[c * rows + r] = raw.values[r * C + c];
        rawByColumn.flags[c * rows + r] = raw.flags[r * C + c];
      }
    }
    const fromColumns = { values: new Float64Array(rows * 3), flags: new Uint8Array(rows * 3) };
    const badFromColumns: number[] = [];
    let badCount = 0;
    for (let p = 0; p < periods.length; p++) badCount += denominateInto(rawByColumn, lists, p * many.length, many.length, fromColumns, p * many.length * 3, 1, many.length, badFromColumns);
    expect(badCount).toBe(expected.length);
    expect(Buffer.from(fromColumns.values.buffer).equals(Buffer.from(byColumns.values.buffer))).toBe(true);
    expect([...fromColumns.flags]).toEqual([...byColumns.flags]);
    const pairs = (list: number[]) => Array.from({ length: list.length / 2 }, (_, i) => `${list[2 * i]},${list[2 * i + 1]}`).sort();
    expect(pairs(badFromColumns)).toEqual(pairs(bad));
    const listed = Array.from({ length: bad.length / 2 }, (_, i) => [bad[2 * i], bad[2 * i + 1]]).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    expect(listed.map(([r, k]) => `unit "${many[r % many.length]}", period "${periods[Math.floor(r / many.length)]}", indicator "${wide.indicators[k]}"`)).toEqual(expected.map((i) => i.path));
    const cleaned = createPanel({ units: many, periods, codes: columns, values: cells.map((v, i) => (listed.some(([r, k]) => i === r * 5 + lists.denominator[k]) ? Number.NaN : v)), flags: [...raw.flags] });
    const reference = denominate(cleaned, wide);
    for (let r = 0; r < rows; r++) {
      for (let k = 0; k < 3; k++) {
        const p = Math.floor(r / many.length);
        const at = p * many.length * 3 + k * many.length + (r % many.length);
        expect(Object.is(byRows.values[r * 3 + k], reference.values[r * 3 + k])).toBe(true);
        expect(Object.is(byColumns.values[at], reference.values[r * 3 + k])).toBe(true);
        const badHere = listed.some(([br, bk]) => br === r && bk === k);
        // A bad cell keeps its value's and its denominator's flags (the cleaned panel drops only the denominator's value).
        if (!badHere) expect([byRows.flags[r * 3 + k], byColumns.flags[at]]).toEqual([reference.flags[r * 3 + k], reference.flags[r * 3 + k]]);
      }
    }
  });

  it('denominateInto gives the plain formula cell by cell, bit for bit, by rows and by columns: a present value over a present, positive, finite denominator, times the scale; NaN otherwise; the denominator’s estimated and provisional flags where it is present', () => {
    let seed = 21;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const draw = () => {
      const x = next();
      return x < 0.08 ? Number.NaN : x < 0.11 ? 0 : x < 0.13 ? -0 : x < 0.15 ? -2 : x < 0.17 ? Number.POSITIVE_INFINITY : x < 0.18 ? Number.NEGATIVE_INFINITY : (next() - 0.2) * 1000;
    };
    const rows = 150;
    const C = 4; // value a, denominator d, value b (no denominator), value c over d
    const cells = Array.from({ length: rows * C }, draw);
    const cellFlags = cells.map(() => Math.floor(next() * 64));
    const panel = { codes: ['a', 'd', 'b', 'c'], values: Float64Array.from(cells), flags: Uint8Array.from(cellFlags) };
    const lists = { source: Int32Array.of(0, 2, 3), denominator: Int32Array.of(1, -1, 1), scale: Float64Array.of(1000, 1, 0.1) };
    const plain = (r: number, k: number): [number, number] => {
      const v = cells[r * C + lists.source[k]];
      const flags = cellFlags[r * C + lists.source[k]];
      if (lists.denominator[k] < 0) return [v, flags];
      const den = cells[r * C + lists.denominator[k]];
      const denFlags = Number.isNaN(den) ? 0 : cellFlags[r * C + lists.denominator[k]] & (Flag.Estimated | Flag.Provisional);
      const rate = !Number.isNaN(v) && den > 0 && den !== Number.POSITIVE_INFINITY ? (v / den) * lists.scale[k] : Number.NaN;
      return [rate, flags | denFlags];
    };
    const byRows = { values: new Float64Array(rows * 3), flags: new Uint8Array(rows * 3) };
    const bad: number[] = [];
    const count = denominateInto(panel, lists, 0, rows, byRows, 0, 3, 1, bad);
    const byColumn = { values: new Float64Array(rows * C), flags: new Uint8Array(rows * C), rowStride: 1, columnStride: rows };
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < C; c++) {
        byColumn.values[c * rows + r] = cells[r * C + c];
        byColumn.flags[c * rows + r] = cellFlags[r * C + c];
      }
    }
    const byColumns = { values: new Float64Array(rows * 3), flags: new Uint8Array(rows * 3) };
    expect(denominateInto(byColumn, lists, 0, rows, byColumns, 0, 1, rows, null)).toBe(count);
    // Without the copies: the column of the indicator without a denominator is left as it was, the rates are the same.
    const ratesOnly = { values: new Float64Array(rows * 3).fill(-7), flags: new Uint8Array(rows * 3).fill(9) };
    expect(denominateInto(byColumn, lists, 0, rows, ratesOnly, 0, 1, rows, null, false)).toBe(count);
    expect(bits(ratesOnly.values.subarray(rows, 2 * rows))).toBe(bits(new Float64Array(rows).fill(-7)));
    expect([...ratesOnly.flags.subarray(rows, 2 * rows)].every((f) => f === 9)).toBe(true);
    for (const k of [0, 2]) {
      expect(bits(ratesOnly.values.subarray(k * rows, (k + 1) * rows))).toBe(bits(byColumns.values.subarray(k * rows, (k + 1) * rows)));
      expect([...ratesOnly.flags.subarray(k * rows, (k + 1) * rows)]).toEqual([...byColumns.flags.subarray(k * rows, (k + 1) * rows)]);
    }
    const expectedBad: number[] = [];
    for (let r = 0; r < rows; r++) {
      for (let k = 0; k < 3; k++) {
        const [value, flags] = plain(r, k);
        expect(Object.is(byRows.values[r * 3 + k], value)).toBe(true);
        expect(Object.is(byColumns.values[k * rows + r], value)).toBe(true);
        expect([byRows.flags[r * 3 + k], byColumns.flags[k * rows + r]]).toEqual([flags, flags]);
        const den = lists.denominator[k] < 0 ? 1 : cells[r * C + lists.denominator[k]];
        if (!Number.isNaN(cells[r * C + lists.source[k]]) && !Number.isNaN(den) && !(den > 0 && den !== Number.POSITIVE_INFINITY)) expectedBad.push(r, k);
      }
    }
    expect(expectedBad.length).toBeGreaterThan(20);
    expect(count).toBe(expectedBad.length / 2);
    // Listed a chunk of rows at a time, indicator by indicator, row by row within it.
    const order = (list: number[]) => Array.from({ length: list.length / 2 }, (_, i) => [list[2 * i], list[2 * i + 1]]).sort((x, y) => Math.floor(x[0] / 64) - Math.floor(y[0] / 64) || x[1] - y[1] || x[0] - y[0]);
    expect(Array.from({ length: bad.length / 2 }, (_, i) => [bad[2 * i], bad[2 * i + 1]])).toEqual(order(expectedBad));
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
