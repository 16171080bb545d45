import { describe, expect, it } from 'vitest';
import { columnIndex } from './columnIndex.ts';

describe('columnIndex', () => {
  it('finds a code at its expected place, elsewhere, or not at all', () => {
    expect(columnIndex(['a', 'b', 'c'], 'b', 1)).toBe(1);
    expect(columnIndex(['pop', 'a', 'b'], 'b', 1)).toBe(2);
    expect(columnIndex(['a'], 'z', 0)).toBe(-1);
    expect(columnIndex(['a'], 'a', 5)).toBe(0);
  });
});
