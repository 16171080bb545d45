import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frameworkFromJson, type Framework } from '../framework/defineFramework.ts';
import { normalise } from '../normalise/normalise.ts';
import { Flag } from '../panel/flags.ts';
import { createPanel, getFlags, getValue, type Panel } from '../panel/panel.ts';
import { aggregate } from './aggregate.ts';

const name = (s: string) => ({ zh: s, en: s });

/** A framework from short node lists; indicators default to direction 1. */
function framework(nodes: Record<string, unknown>[]): Framework {
  return frameworkFromJson({
    id: 't',
    version: '1',
    name: name('t'),
    nodes: nodes.map((n) => ({
      name: name(String(n.code)),
      ...(n.type === 'indicator' ? { direction: 1 } : {}),
      ...n,
    })),
  });
}

const ind = (code: string, parent: string, extra: Record<string, unknown> = {}) => ({ code, type: 'indicator', parent, ...extra });
const agg = (code: string, parent: string | null, extra: Record<string, unknown> = {}) => ({ code, type: 'aggregate', parent, ...extra });

/** A panel of one period from { unit: { code: value } }. */
function onePeriod(period: string, rows: Record<string, Record<string, number>>, codes: string[], flags: Record<string, Record<string, number>> = {}): Panel {
  const units = Object.keys(rows);
  return createPanel({
    units,
    periods: [period],
    codes,
    values: units.flatMap((u) => codes.map((c) => rows[u][c] ?? Number.NaN)),
    flags: units.flatMap((u) => codes.map((c) => flags[u]?.[c] ?? 0)),
  });
}

describe('aggregate', () => {
  // index (arithmetic) ← P1 (geometric, weight 2) ← LPI, GDP
  //                    ← P2 (arithmetic, weight 1) ← X (weight 1), Y (weight 3)
  const fw = framework([
    agg('index', null),
    agg('P1', 'index', { weight: 2, aggregation: { method: 'geometric' } }),
    agg('P2', 'index'),
    ind('LPI', 'P1'),
    ind('GDP', 'P1'),
    ind('X', 'P2'),
    ind('Y', 'P2', { weight: 3 }),
  ]);
  const codes = ['LPI', 'GDP', 'X', 'Y'];

  it('outputs the indicators, then the aggregates bottom-up', () => {
    const p = onePeriod('2018', { AUT: { LPI: 4, GDP: 16, X: 40, Y: 80 } }, ['Y', 'extra', 'X', 'GDP', 'LPI']);
    const a = aggregate(p, fw);
    expect(a.codes).toEqual(['LPI', 'GDP', 'X', 'Y', 'P1', 'P2', 'index']);
    expect([...a.values.subarray(0, 4)]).toEqual([4, 16, 40, 80]);
  });

  it('combines each group with its method and the children weights', () => {
    const p = onePeriod('2018', { AUT: { LPI: 4, GDP: 16, X: 40, Y: 80 }, BEL: { GDP: 9, Y: 50 } }, codes);
    const a = aggregate(p, fw);
    // AUT: P1 = √(4 × 16) = 8; P2 = 0.25 × 40 + 0.75 × 80 = 70; index = (2 × 8 + 1 × 70) / 3 = 86/3
    expect(getValue(a, 'AUT', '2018', 'P1')).toBeCloseTo(8, 12);
    expect(getValue(a, 'AUT', '2018', 'P2')).toBe(70);
    expect(getValue(a, 'AUT', '2018', 'index')).toBeCloseTo(86 / 3, 12);
    // BEL: LPI and X missing → their weights drop out: P1 = 9, P2 = 50, index = (18 + 50) / 3 = 68/3
    expect(getValue(a, 'BEL', '2018', 'P1')).toBeCloseTo(9, 12);
    expect(getValue(a, 'BEL', '2018', 'P2')).toBe(50);
    expect(getValue(a, 'BEL', '2018', 'index')).toBeCloseTo(68 / 3, 12);
  });

  it('ORs the flags of the present children into the aggregate', () => {
    const p = onePeriod(
      '2018',
      { AUT: { LPI: 4, GDP: 16, X: 40, Y: 80 }, BEL: { GDP: 9 } },
      codes,
      { AUT: { X: Flag.Imputed, Y: Flag.Estimated, GDP: Flag.Capped }, BEL: { LPI: Flag.Provisional, GDP: Flag.Treated } },
    );
    const a = aggregate(p, fw);
    expect(getFlags(a, 'AUT', '2018', 'P2')).toBe(Flag.Imputed | Flag.Estimated);
    expect(getFlags(a, 'AUT', '2018', 'P1')).toBe(Flag.Capped);
    expect(getFlags(a, 'AUT', '2018', 'index')).toBe(Flag.Imputed | Flag.Estimated | Flag.Capped);
    expect(getFlags(a, 'AUT', '2018', 'X')).toBe(Flag.Imputed);
    // BEL's LPI is missing, so its flag does not count; P2 has no child present: missing, no flags
    expect(getFlags(a, 'BEL', '2018', 'P1')).toBe(Flag.Treated | Flag.Partial);
    expect(getValue(a, 'BEL', '2018', 'P2')).toBeNaN();
    expect(getFlags(a, 'BEL', '2018', 'P2')).toBe(Flag.None);
    expect(getFlags(a, 'BEL', '2018', 'index')).toBe(Flag.Treated | Flag.Partial);
  });

  it('names the node, unit, period and child when a geometric mean meets a value ≤ 0', () => {
    const p = onePeriod('2018', { BEL: { LPI: 2, GDP: 3, X: 1, Y: 1 }, AUT: { LPI: 0, GDP: 16, X: 40, Y: 80 } }, codes);
    expect(() => aggregate(p, fw)).toThrow('geometric mean of "P1" needs positive values: unit "AUT", period "2018", child "LPI" is 0');
  });

  it('names the node for the harmonic and negative-power generalised means too', () => {
    const h = framework([agg('H', null, { aggregation: { method: 'harmonic' } }), ind('a', 'H'), ind('b', 'H')]);
    const p = onePeriod('2020', { U1: { a: 2, b: 6 }, U2: { a: -1, b: 6 } }, ['a', 'b']);
    expect(() => aggregate(p, h)).toThrow('harmonic mean of "H" needs positive values: unit "U2", period "2020", child "a" is -1');
    const g = framework([agg('G', null, { aggregation: { method: 'generalised', power: -2 } }), ind('a', 'G'), ind('b', 'G')]);
    expect(() => aggregate(p, g)).toThrow('generalised mean (power -2) of "G" needs positive values: unit "U2", period "2020", child "a" is -1');
  });

  it('computes harmonic and generalised means', () => {
    const h = framework([agg('H', null, { aggregation: { method: 'harmonic' } }), ind('a', 'H', { weight: 3 }), ind('b', 'H')]);
    // 4 / (3/2 + 1/6) = 2.4
    expect(getValue(aggregate(onePeriod('2020', { U: { a: 2, b: 6 } }, ['a', 'b']), h), 'U', '2020', 'H')).toBeCloseTo(2.4, 12);
    const g = framework([agg('G', null, { aggregation: { method: 'generalised', power: 2 } }), ind('a', 'G'), ind('b', 'G')]);
    // √((1 + 49) / 2) = 5; a generalised mean with power 2 accepts 0 and negatives: √((0 + 4²)/2) = √8
    expect(getValue(aggregate(onePeriod('2020', { U: { a: 1, b: 7 } }, ['a', 'b']), g), 'U', '2020', 'G')).toBe(5);
    expect(getValue(aggregate(onePeriod('2020', { U: { a: 0, b: -4 } }, ['a', 'b']), g), 'U', '2020', 'G')).toBeCloseTo(Math.sqrt(8), 14);
  });

  it('applies minAvailability as COINr dat_thresh: missing only when the share present is strictly lower', () => {
    const m = framework([
      agg('G', null, { aggregation: { method: 'arithmetic', minAvailability: 2 / 3 } }),
      ind('a', 'G'),
      ind('b', 'G'),
      ind('c', 'G'),
    ]);
    const p = onePeriod('2020', { all: { a: 1, b: 2, c: 6 }, two: { a: 1, c: 6 }, one: { b: 2 } }, ['a', 'b', 'c']);
    const a = aggregate(p, m);
    expect(getValue(a, 'all', '2020', 'G')).toBe(3);
    // 2/3 present is not below the threshold 2/3: (1 + 6) / 2
    expect(getValue(a, 'two', '2020', 'G')).toBe(3.5);
    // 1/3 < 2/3: missing
    expect(getValue(a, 'one', '2020', 'G')).toBeNaN();
  });

  it('does not check values ≤ 0 of a row that minAvailability already makes missing (as COINr)', () => {
    const m = framework([agg('G', null, { aggregation: { method: 'geometric', minAvailability: 1 } }), ind('a', 'G'), ind('b', 'G')]);
    const a = aggregate(onePeriod('2020', { U: { a: 0 } }, ['a', 'b']), m);
    expect(getValue(a, 'U', '2020', 'G')).toBeNaN();
  });

  it('throws a PinganError naming a missing indicator column', () => {
    expect(() => aggregate(onePeriod('2018', { AUT: { LPI: 1 } }, ['LPI', 'GDP', 'X']), fw)).toThrow(/no column for indicator "Y"/);
  });

  it('does not modify its input', () => {
    const p = onePeriod('2018', { AUT: { LPI: 4, GDP: 16, X: 40, Y: 80 } }, codes);
    const before = [...p.values];
    aggregate(p, fw);
    expect([...p.values]).toEqual(before);
  });

  describe('properties', () => {
    const methods = ['arithmetic', 'geometric', 'harmonic', 'generalised'] as const;
    const method = fc.constantFrom(...methods);
    const aggregation = (m: (typeof methods)[number], power: number) => (m === 'generalised' ? { method: m, power } : { method: m });
    const power = fc.constantFrom(-3, -1, 0.5, 2, 3);
    const weight = fc.double({ min: 0.01, max: 100, noNaN: true });

    /** index ← G1 ← a, b, c; index ← G2 ← d, e; with the given methods and weights. */
    function tree(m: (typeof methods)[number][], p: number, w: number[], directions: (1 | -1)[] = [1, 1, 1, 1, 1], normalisation?: unknown) {
      const norm = normalisation ? { normalisation } : {};
      return framework([
        agg('index', null, { aggregation: aggregation(m[0], p) }),
        agg('G1', 'index', { weight: w[0], aggregation: aggregation(m[1], p) }),
        agg('G2', 'index', { weight: w[1], aggregation: aggregation(m[2], p) }),
        ind('a', 'G1', { weight: w[2], direction: directions[0], ...norm }),
        ind('b', 'G1', { weight: w[3], direction: directions[1], ...norm }),
        ind('c', 'G1', { weight: w[4], direction: directions[2], ...norm }),
        ind('d', 'G2', { weight: w[5], direction: directions[3], ...norm }),
        ind('e', 'G2', { weight: w[6], direction: directions[4], ...norm }),
      ]);
    }
    const leaves = ['a', 'b', 'c', 'd', 'e'];
    const near = (x: number, y: number) => {
      if (Number.isNaN(y)) expect(x).toBeNaN();
      else expect(Math.abs(x - y)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(y)));
    };

    it('aggregating equal values returns that value, for all four means', () => {
      fc.assert(
        fc.property(fc.array(method, { minLength: 3, maxLength: 3 }), power, fc.array(weight, { minLength: 7, maxLength: 7 }), fc.double({ min: 0.01, max: 1000, noNaN: true }), (m, p, w, v) => {
          const a = aggregate(onePeriod('2020', { U: Object.fromEntries(leaves.map((c) => [c, v])) }, leaves), tree(m, p, w));
          for (const code of ['G1', 'G2', 'index']) near(getValue(a, 'U', '2020', code), v);
        }),
      );
    });

    it('scaling all weights by a positive constant changes no aggregate', () => {
      const cell = fc.oneof(fc.double({ min: 0.01, max: 100, noNaN: true }), fc.constant(Number.NaN));
      fc.assert(
        fc.property(
          fc.array(method, { minLength: 3, maxLength: 3 }),
          power,
          fc.array(weight, { minLength: 7, maxLength: 7 }),
          fc.double({ min: 0.01, max: 100, noNaN: true }),
          fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 4 }),
          (m, p, w, c, rows) => {
            const panel = createPanel({ units: rows.map((_, i) => `u${i}`), periods: ['2020'], codes: leaves, values: rows.flat() });
            const x = aggregate(panel, tree(m, p, w));
            const y = aggregate(panel, tree(m, p, w.map((v) => v * c)));
            x.values.forEach((v, i) => near(y.values[i], v));
          },
        ),
      );
    });

    it('reordering units only permutes the results (normalise, then aggregate)', () => {
      const cell = fc.oneof(fc.double({ min: -50, max: 150, noNaN: true }), fc.constant(Number.NaN));
      fc.assert(
        fc.property(
          fc.array(method, { minLength: 3, maxLength: 3 }),
          power,
          fc.array(weight, { minLength: 7, maxLength: 7 }),
          fc.integer({ min: 2, max: 6 }).chain((U) =>
            fc.tuple(fc.array(cell, { minLength: 2 * U * 5, maxLength: 2 * U * 5 }), fc.shuffledSubarray([...Array(U).keys()], { minLength: U, maxLength: U })),
          ),
          (m, p, w, [values, order]) => {
            const U = order.length;
            const fw = tree(m, p, w, [1, -1, 1, -1, 1], { method: 'minMax', lower: 1, upper: 100 });
            const units = Array.from({ length: U }, (_, i) => `u${i}`);
            const periods = ['2020', '2021'];
            const shuffled: number[] = [];
            for (let t = 0; t < 2; t++) for (const u of order) for (let c = 0; c < 5; c++) shuffled.push(values[(t * U + u) * 5 + c]);
            const x = aggregate(normalise(createPanel({ units, periods, codes: leaves, values }), fw), fw);
            const y = aggregate(normalise(createPanel({ units: order.map((u) => units[u]), periods, codes: leaves, values: shuffled }), fw), fw);
            for (const u of units) for (const t of periods) for (const code of x.codes) {
              const a = getValue(x, u, t, code);
              const b = getValue(y, u, t, code);
              if (Number.isNaN(a)) expect(b).toBeNaN();
              else expect(b).toBe(a);
            }
          },
        ),
      );
    });

    it('an indicator moving in its good direction never lowers its unit’s aggregates (min-max, arithmetic and geometric)', () => {
      // Why this holds: with min-max over the cross-section, the mover's score
      // s(x) = (x - min(x, m)) / (max(x, M) - min(x, m)) is 0 up to the others'
      // min m, rises linearly to 1 at their max M, and stays 1 beyond — never
      // decreasing in x, provided the others are not all equal (m < M; else the
      // column can become constant and every score NaN, which drops the child).
      // Units 1 and 2 pin every column at 0 and 100 so m < M always. The other
      // indicators' scores do not move, and both means are increasing in
      // each argument (scores lie in [1, 100], so the geometric mean is defined).
      fc.assert(
        fc.property(
          fc.constantFrom('arithmetic' as const, 'geometric' as const),
          fc.array(weight, { minLength: 7, maxLength: 7 }),
          fc.array(fc.constantFrom(1 as const, -1 as const), { minLength: 5, maxLength: 5 }),
          fc.array(fc.array(fc.double({ min: -50, max: 150, noNaN: true }), { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 5 }),
          fc.integer({ min: 0, max: 4 }),
          fc.double({ min: 1e-6, max: 200, noNaN: true }),
          (m, w, directions, rows, moved, delta) => {
            const fw = tree([m, m, m], 1, w, directions, { method: 'minMax', lower: 1, upper: 100 });
            const lowAnchor = [0, 0, 0, 0, 0];
            const highAnchor = [100, 100, 100, 100, 100];
            const before = [rows[0], lowAnchor, highAnchor, ...rows.slice(1)];
            const after = before.map((r) => [...r]);
            after[0][moved] += directions[moved] * delta;
            const run = (data: number[][]) =>
              aggregate(normalise(createPanel({ units: data.map((_, i) => `u${i}`), periods: ['2020'], codes: leaves, values: data.flat() }), fw), fw);
            const x = run(before);
            const y = run(after);
            for (const code of ['G1', 'G2', 'index']) {
              const b = getValue(x, 'u0', '2020', code);
              const a = getValue(y, 'u0', '2020', code);
              expect(a).toBeGreaterThanOrEqual(b - 1e-12 * Math.abs(b));
            }
          },
        ),
      );
    });
  });
});
