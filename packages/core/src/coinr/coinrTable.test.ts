import { describe, expect, it } from 'vitest';
import { cellText, isBlankRow, tableReader, tableRecords } from './coinrTable.ts';

describe('tableReader', () => {
  const rows = [
    ['uCode', 'x', 'x'],
    ['A', '1', '2'],
    ['', '', '', 'beyond the header'],
    ['B'],
  ];

  it('reads each cell as the records read it: the last column of a name, a short row lacking its last cells', () => {
    const reader = tableReader(rows);
    const records = tableRecords(rows);
    const x = reader.column('x');
    const uCode = reader.column('uCode');
    expect(reader.length).toBe(records.length);
    for (let i = 0; i < reader.length; i++) {
      expect(reader.cell(i, x)).toBe(records[i].x);
      expect(reader.cells(i)[uCode]).toBe(records[i].uCode);
      expect(reader.blank(i)).toBe(isBlankRow(records[i]));
    }
    expect(reader.cell(0, x)).toBe('2');
    expect(reader.blank(1)).toBe(true);
    expect(reader.cell(2, x)).toBeUndefined();
    expect(reader.cell(0, reader.column('absent'))).toBeUndefined();
  });

  it('reads records through the same handles', () => {
    const reader = tableReader(tableRecords(rows));
    const x = reader.column('x');
    expect([0, 1, 2].map((i) => reader.cell(i, x))).toEqual(['2', '', undefined]);
    expect(reader.cells(0)).toEqual(['2']);
  });
});

describe('isBlankRow', () => {
  it('is true when every cell (of a row of cells, every cell up to the width) is empty or white space', () => {
    expect(isBlankRow(['', ' ', null, undefined])).toBe(true);
    expect(isBlankRow(['', 'x'])).toBe(false);
    expect(isBlankRow(['', 'x'], 1)).toBe(true);
    expect(isBlankRow({ a: '', b: ' ' })).toBe(true);
    expect(isBlankRow({ a: '', b: '0' })).toBe(false);
  });
});

describe('cellText', () => {
  it('trims exactly as String.prototype.trim does, with or without its shortcut for strings that start and end with printable ASCII', () => {
    const edges = ['', ' ', '\t', '\n', '\r', '\u000b', '\f', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u0085', '\u200b', '!', '~', '\u007f', 'é', '指'];
    for (const a of edges) for (const b of edges) for (const middle of ['', 'x', ' x ', 'AUT']) {
      const text = a + middle + b;
      expect(cellText(text), JSON.stringify(text)).toBe(text.trim());
    }
    expect([null, undefined, 2.5, -0].map(cellText)).toEqual(['', '', '2.5', '0']);
  });
});
