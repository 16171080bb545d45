import { describe, expect, it } from 'vitest';
import { copelandScores } from './copelandScores.ts';

describe('copelandScores (COINr a_copeland)', () => {
  it('hand-worked with weights 1, 2, 1 and a missing value (COINr gives 0 1 -1 0)', () => {
    // Shares 0.25, 0.5, 0.25. U2 vs U3: a 3 > 2 (0.25), b tie (0.25), c 2 > 1 (0.25) → 0.75: U2 +1, U3 −1.
    // U1 vs each: only b is higher (0.5) → 0.5: no point either way. U4 lacks a: vs U2 and U3, b is lower, c higher → 0.5.
    expect(copelandScores([[1, 5, 0], [3, 4, 2], [2, 4, 1], [Number.NaN, 1, 3]], [1, 2, 1])).toEqual([0, 1, -1, 0]);
  });

  it('equal weights by default (COINr: -2 2 0)', () => {
    expect(copelandScores([[1, 5, 0], [3, 4, 2], [2, 4, 1]])).toEqual([-2, 2, 0]);
  });

  it('refuses weights of the wrong length', () => {
    expect(() => copelandScores([[1, 2]], [1])).toThrow(/2 indicators but 1 weights/);
  });
});

describe('aggregation { method: "copeland" } in a framework', () => {
  it('scores each period by Copeland over its units, on the float and the exact path alike, with flags', async () => {
    const { frameworkFromJson } = await import('../framework/defineFramework.ts');
    const { createPanel, getValue, getFlags } = await import('../panel/panel.ts');
    const { aggregate } = await import('./aggregate.ts');
    const { aggregateExact } = await import('../exact/aggregateExact.ts');
    const { toExactPanel, getExact } = await import('../exact/exactPanel.ts');
    const { Flag } = await import('../panel/flags.ts');
    const name = (en: string) => ({ zh: en, en });
    const fw = frameworkFromJson({
      id: 'c', version: '1', name: name('C'),
      nodes: [
        { code: 'index', type: 'aggregate', parent: null, name: name('Index') },
        { code: 'g', type: 'aggregate', parent: 'index', name: name('G'), aggregation: { method: 'copeland' } },
        { code: 'a', type: 'indicator', parent: 'g', direction: 1, name: name('a') },
        { code: 'b', type: 'indicator', parent: 'g', direction: 1, weight: 2, name: name('b') },
        { code: 'c', type: 'indicator', parent: 'g', direction: 1, name: name('c') },
        { code: 'd', type: 'indicator', parent: 'index', direction: 1, name: name('d') },
      ],
    });
    // 2025 is the hand-worked table above (weights 1, 2, 1): Copeland 0, 1, −1, 0; 2024 has every unit tied.
    const N = Number.NaN;
    const scores = createPanel({
      units: ['U1', 'U2', 'U3', 'U4'], periods: ['2024', '2025'], codes: ['a', 'b', 'c', 'd'],
      values: [1, 1, 1, 10, 1, 1, 1, 10, 1, 1, 1, 10, 1, 1, 1, 10, /* 2025 */ 1, 5, 0, 10, 3, 4, 2, 10, 2, 4, 1, 10, N, 1, 3, 10],
    });
    const out = aggregate(scores, fw);
    expect(['U1', 'U2', 'U3', 'U4'].map((u) => getValue(out, u, '2025', 'g'))).toEqual([0, 1, -1, 0]);
    expect(['U1', 'U2', 'U3', 'U4'].map((u) => getValue(out, u, '2024', 'g'))).toEqual([0, 0, 0, 0]);
    // the index (arithmetic) reads the Copeland score of its child g: (1 + 10) / 2 for U2
    expect(getValue(out, 'U2', '2025', 'index')).toBe(5.5);
    expect(getFlags(out, 'U4', '2025', 'g')).toBe(Flag.Partial);
    const exact = aggregateExact(toExactPanel(scores), fw);
    for (const u of ['U1', 'U2', 'U3', 'U4']) {
      for (const p of ['2024', '2025']) {
        for (const code of ['g', 'index']) expect(getExact(exact, u, p, code)?.toNumber(), `${u} ${p} ${code}`).toBe(getValue(out, u, p, code));
      }
    }
  });
});
