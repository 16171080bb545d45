import { describe, expect, it } from 'vitest';
import { BlockPanel, panelColumn } from './blockPanel.ts';

// 3 units × 2 periods × 2 codes; the blocks are column-major within each period:
// value of unit u, code c, period p at (p × 2 + c) × 3 + u = 100 p + 10 c + u.
const units = ['a', 'b', 'c'];
const periods = ['2025-01', '2025-02'];
const codes = ['x', 'y'];
function blocks(): { values: Float64Array; flags: Uint8Array } {
  const values = new Float64Array(12);
  const flags = new Uint8Array(12);
  for (let p = 0; p < 2; p++) {
    for (let c = 0; c < 2; c++) {
      for (let u = 0; u < 3; u++) {
        values[(p * 2 + c) * 3 + u] = 100 * p + 10 * c + u;
        flags[(p * 2 + c) * 3 + u] = u === 1 && c === 1 ? 4 : 0;
      }
    }
  }
  return { values, flags };
}

describe('BlockPanel', () => {
  it('reads row-major (period, unit, code) from the column-major blocks', () => {
    const { values, flags } = blocks();
    const panel = new BlockPanel(units, periods, codes, values, flags);
    expect(Array.from(panel.values)).toEqual([0, 10, 1, 11, 2, 12, 100, 110, 101, 111, 102, 112]);
    expect(Array.from(panel.flags)).toEqual([0, 0, 0, 4, 0, 0, 0, 0, 0, 4, 0, 0]);
  });

  it('writes the row-major arrays again only after invalidate', () => {
    const { values, flags } = blocks();
    const panel = new BlockPanel(units, periods, codes, values, flags);
    expect(panel.values[1]).toBe(10);
    values[3] = -1; // unit a, code y, period 0 in the blocks
    expect(panel.values[1]).toBe(10);
    panel.invalidate();
    expect(panel.values[1]).toBe(-1);
  });
});

describe('panelColumn', () => {
  it('reads a column straight from the blocks, as from the row-major values', () => {
    const { values, flags } = blocks();
    const panel = new BlockPanel(units, periods, codes, values, flags);
    const plain = { units, periods, codes, values: Float64Array.from(panel.values), flags: Uint8Array.from(panel.flags) };
    for (const c of [0, 1]) {
      expect(Array.from(panelColumn(new BlockPanel(units, periods, codes, values, flags), c, new Float64Array(6)))).toEqual(Array.from(panelColumn(plain, c, new Float64Array(6))));
    }
    expect(Array.from(panelColumn(plain, 1, new Float64Array(6)))).toEqual([10, 11, 12, 110, 111, 112]);
  });
});
