/**
 * The imputation and treatment kernels (method records) against the
 * functions `impute` and `treat` were built on before them, which stay
 * public and unchanged: `treatColumn` (COINr's default `Treat()` of a
 * column), `groupMean`, `carryForward` and `interpolateGaps`. On every
 * ASEM column (denominated, as treatment sees it) and on edge cases.
 */
import { randomLcg } from 'd3-random';
import { describe, expect, it } from 'vitest';
import { readReferenceCsv, referenceAvailable } from '../../test/reference.ts';
import { fromCoinr } from '../coinr/fromCoinr.ts';
import { panelFromObservations } from '../data/observations.ts';
import type { TreatmentSpec } from '../framework/methods.ts';
import { carryForward } from '../impute/carryForward.ts';
import { groupMean } from '../impute/groupMean.ts';
import { interpolateGaps } from '../impute/interpolateGaps.ts';
import { buildIndex } from '../pipeline/buildIndex.ts';
import { treatColumn } from '../treat/treatColumn.ts';
import { defineFramework } from '../framework/defineFramework.ts';
import { Flag } from '../panel/flags.ts';
import { aggregateBlock, aggregationPlanOf } from '../plan/aggregationPlan.ts';
import { aggregationMethods, type FloatMean } from './aggregationMethods.ts';
import { groupIndex, imputeInto } from './imputationMethods.ts';
import { measuredBefore, passesOnKurtosis, treatInto, treatmentWork, twoHighest } from './treatmentMethods.ts';
import { momentsInto } from '../treat/centralMoments.ts';

const bits = (x: ArrayLike<number>) => Buffer.from(Float64Array.from(x).buffer).toString('hex');

/** The kernel's outcome in `treatColumn`'s shape (values: the input with the changed positions written). */
function kernelTreatment(x: Float64Array, spec: TreatmentSpec, report = true, measured = false) {
  const work = treatmentWork(x.length + 3, report); // a work longer than the column: only the first n count
  work.marks.fill(7);
  if (measured) {
    // The moments measured by the caller and handed over, as `treat` and the replications do.
    const moments = { n: 0, m2: 0, m3: 0, kurt: 0 };
    momentsInto(x, x.length, moments);
    measuredBefore(work, moments);
  }
  treatInto(x, x.length, spec, work);
  const values = Float64Array.from(x);
  const changed: number[] = [];
  for (let i = 0; i < x.length; i++) {
    if (work.marks[i] === 0) continue;
    values[i] = work.out[i];
    changed.push(i);
  }
  const { method, winsorisedHigh, winsorisedLow, skewBefore, kurtBefore, skewAfter, kurtAfter, passed } = work;
  return { values: bits(values), changed, report: { method, winsorisedHigh, winsorisedLow, skewBefore, kurtBefore, skewAfter, kurtAfter, passed } };
}

/** `treatColumn`'s outcome, with only its changed positions taken (as `treat` writes them). */
function verbTreatment(x: Float64Array, spec: TreatmentSpec) {
  const result = treatColumn(x, spec);
  const values = Float64Array.from(x);
  for (const i of result.changed) values[i] = result.values[i];
  return { values: bits(values), changed: result.changed, report: result.report };
}

const specs: TreatmentSpec[] = [
  { method: 'none' },
  ...[0, 1, 2, 3, 5, 10].flatMap((winmax) =>
    (['log', 'none'] as const).map((fallback) => ({ method: 'winsorise' as const, winmax, skewThreshold: 2, kurtosisThreshold: 3.5, fallback })),
  ),
  { method: 'winsorise', winmax: 5, skewThreshold: 0.5, kurtosisThreshold: 0.5, fallback: 'log' },
];

function expectSameTreatment(x: Float64Array): void {
  for (const spec of specs) {
    const expected = verbTreatment(x, spec);
    expect(kernelTreatment(x, spec), JSON.stringify(spec)).toEqual(expected);
    expect(kernelTreatment(x, spec, true, true), JSON.stringify(spec)).toEqual(expected);
    // Without the report (a replication's work), the same treated column and decisions; the skews may be left out.
    const { values, changed, report } = kernelTreatment(x, spec, false);
    expect({ values, changed, report: { ...report, skewBefore: 0, skewAfter: 0 } }, JSON.stringify(spec)).toEqual({ ...expected, report: { ...expected.report, skewBefore: 0, skewAfter: 0 } });
  }
}

const ASEM = 'coinr-asem';
const available = referenceAvailable(ASEM);

describe.skipIf(!available)('the kernels on ASEM (../shared/reference/coinr-asem)', () => {
  const imported = available
    ? fromCoinr({ iData: readReferenceCsv(ASEM, 'ASEM_iData.csv'), iMeta: readReferenceCsv(ASEM, 'ASEM_iMeta.csv') }, { Denominate: {}, Impute: { f_i: 'i_mean_grp', use_group: 'EurAsia_group' } })
    : null;

  it('treat every denominated and imputed column as treatColumn does, for every winmax and both fallbacks', () => {
    if (!imported) return;
    const built = buildIndex(imported.framework, panelFromObservations(imported.framework, imported.observations), imported.options);
    const { values, codes, units } = built.imputed;
    let methods = new Set<string>();
    for (let c = 0; c < codes.length; c++) {
      const column = Float64Array.from(units, (_, u) => values[u * codes.length + c]);
      expectSameTreatment(column);
      for (const spec of specs) methods = methods.add(treatColumn(column, spec).report.method);
    }
    expect([...methods].sort()).toEqual(['log', 'none', 'winsorised']);
  });

  it('fill every denominated column’s gaps by EurAsia_group mean as groupMean does', () => {
    if (!imported) return;
    const denominated = buildIndex(imported.framework, panelFromObservations(imported.framework, imported.observations), imported.options).denominated;
    const labels = denominated.units.map((u) => imported.options.unitGroups?.EurAsia_group[u] ?? '');
    const { groupOf, groupCount } = groupIndex(labels);
    const C = denominated.codes.length;
    let filledCells = 0;
    for (let c = 0; c < C; c++) {
      const values = Float64Array.from(denominated.values);
      const filled = new Int32Array(denominated.units.length);
      filledCells += imputeInto(values, c, C, denominated.units.length, { method: 'groupMean', grouping: 'EurAsia_group' }, groupOf, groupCount, new Float64Array(2 * groupCount), filled);
      const column = Float64Array.from(denominated.units, (_, u) => denominated.values[u * C + c]);
      expect(bits(Float64Array.from(denominated.units, (_, u) => values[u * C + c]))).toEqual(bits(groupMean(column, labels)));
    }
    expect(filledCells).toBeGreaterThan(0);
  });
});

describe('the treatment kernel, edge cases', () => {
  it('equals treatColumn on all-missing, short, constant, tied, negatively skewed and log-fallback columns', () => {
    const N = Number.NaN;
    const columns = [
      [N, N, N, N, N],
      [1, 2],
      [1, 2, 100],
      [5, 5, 5, 5, 5, 5],
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100],
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100, 100, 100], // tied extremes move together
      [-100, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], // negative skew: the lowest
      [1, N, 2, 3, N, 4, 5, 6, 7, 8, 9, 10, 1000, 5000, 20000], // several iterations, gaps kept
      [0, 0, 0, 0, 0, 0, 0, 0, 1, 1e6], // winsorising ends at constant data: check undefined
      [1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 50, 60, 70, 1e4, 1e5],
      [...Array.from({ length: 40 }, (_, i) => i + 1), 1000, 2000, 3000, 4000], // 4 iterations at the top
      [-3000, -2000, N, -1000, ...Array.from({ length: 40 }, (_, i) => i + 1)], // 3 at the bottom
      [-0, 0, -0, 0, 0, -0, 0, 0, 0, 0, 1e6, 1e6], // tied zeros of either sign: the next value is the first of them
      [0, -0, 0, 0, 0, 0, 0, 0, 0, -0, -1e6, -1e6, -1e6],
      [-1e6, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1e4, 2e6], // the tails alternate
      [Number.NEGATIVE_INFINITY, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100], // an infinite value: undefined moments
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100, Number.POSITIVE_INFINITY],
    ];
    for (const column of columns) expectSameTreatment(Float64Array.from(column));
    // The cases reach the log fallback, several winsorisation iterations, and an undefined check.
    const reports = columns.flatMap((column) => specs.map((spec) => treatColumn(Float64Array.from(column), spec).report));
    expect(reports.some((r) => r.method === 'log')).toBe(true);
    expect(reports.some((r) => r.method === 'winsorised' && r.winsorisedHigh + r.winsorisedLow >= 3)).toBe(true);
    expect(reports.some((r) => r.method === 'winsorised' && r.winsorisedLow > 0)).toBe(true);
    expect(reports.some((r) => r.passed === null)).toBe(true);
  });

  it('equals treatColumn on 300 seeded random columns of few distinct values (ties at both tails)', () => {
    const random = randomLcg(5);
    for (let t = 0; t < 300; t++) {
      const n = 4 + Math.floor(random() * 30);
      const levels = [-0, 0, 1, 2, 50, -40, 1e3, -1e3];
      const column = Float64Array.from({ length: n }, () => (random() < 0.05 ? Number.NaN : levels[Math.floor(random() ** 2 * levels.length)]));
      expectSameTreatment(column);
    }
  });

  it('equals treatColumn on 300 seeded random heavy-tailed columns', () => {
    const random = randomLcg(7);
    for (let t = 0; t < 300; t++) {
      const n = 3 + Math.floor(random() * 40);
      const column = Float64Array.from({ length: n }, () => (random() < 0.1 ? Number.NaN : Math.round((1 / (random() + 1e-3)) ** (1 + 2 * random()) * 100) / 100 - (t % 3 === 0 ? 50 : 0)));
      expectSameTreatment(column);
    }
  });
});

describe('the imputation kernels, edge cases', () => {
  const random = randomLcg(11);
  const series = (n: number, gapRate: number) => Float64Array.from({ length: n }, () => (random() < gapRate ? Number.NaN : Math.round(random() * 1000) / 10));

  it('group mean: equals groupMean with and without groups, a group with no value leaving its gaps, on a strided run', () => {
    for (let t = 0; t < 200; t++) {
      const n = 1 + Math.floor(random() * 30);
      const x = series(n, t % 5 === 0 ? 1 : 0.4);
      const labels = Array.from({ length: n }, () => ['a', 'b', 'c'][Math.floor(random() * 3)]);
      const { groupOf, groupCount } = groupIndex(labels);
      // The run sits at offset 1 with stride 2, as a column inside a panel.
      const panel = new Float64Array(2 * n + 1).fill(-7);
      for (let i = 0; i < n; i++) panel[1 + 2 * i] = x[i];
      const filled = new Int32Array(n);
      const count = imputeInto(panel, 1, 2, n, { method: 'groupMean', grouping: 'g' }, groupOf, groupCount, new Float64Array(6), filled);
      const expected = groupMean(x, labels);
      expect(bits(Float64Array.from(x, (_, i) => panel[1 + 2 * i]))).toEqual(bits(expected));
      expect(count).toBe([...x].filter((v, i) => Number.isNaN(v) && !Number.isNaN(expected[i])).length);
      // The positions filled, in order.
      expect([...filled.subarray(0, count)]).toEqual([...x].flatMap((v, i) => (Number.isNaN(v) && !Number.isNaN(expected[i]) ? [i] : [])));
      expect(panel.filter((_, i) => i % 2 === 0).every((v) => v === -7)).toBe(true);
      const ungrouped = Float64Array.from(x);
      imputeInto(ungrouped, 0, 1, n, { method: 'groupMean' }, null, 1, new Float64Array(2), new Int32Array(n));
      expect(bits(ungrouped)).toEqual(bits(groupMean(x)));
    }
  });

  it('carry forward and interpolation: equal carryForward and interpolateGaps for every limit, all-missing series included', () => {
    for (let t = 0; t < 200; t++) {
      const n = 1 + Math.floor(random() * 25);
      const x = series(n, t % 7 === 0 ? 1 : 0.5);
      for (const limit of [1, 2, 4, 30]) {
        const carried = Float64Array.from(x);
        const carriedAt = new Int32Array(n);
        const carriedCount = imputeInto(carried, 0, 1, n, { method: 'locf', maxAge: limit }, null, 0, new Float64Array(2), carriedAt);
        expect(bits(carried)).toEqual(bits(carryForward(x, limit).values));
        expect([...carriedAt.subarray(0, carriedCount)]).toEqual(filledPositions(x, carried));
        const bridged = Float64Array.from(x);
        const bridgedAt = new Int32Array(n);
        const bridgedCount = imputeInto(bridged, 0, 1, n, { method: 'interpolate', maxGap: limit }, null, 0, new Float64Array(2), bridgedAt);
        expect(bits(bridged)).toEqual(bits(interpolateGaps(x, limit).values));
        expect([...bridgedAt.subarray(0, bridgedCount)]).toEqual(filledPositions(x, bridged));
      }
      const open = Float64Array.from(x);
      imputeInto(open, 0, 1, n, { method: 'interpolate' }, null, 0, new Float64Array(2), new Int32Array(n));
      expect(bits(open)).toEqual(bits(interpolateGaps(x).values));
    }
  });
});

/** The positions missing in `before` and present in `after`, in order (what a kernel lists as filled). */
function filledPositions(before: Float64Array, after: Float64Array): number[] {
  return [...before].flatMap((v, i) => (Number.isNaN(v) && !Number.isNaN(after[i]) ? [i] : []));
}

describe('the geometric mean over a block, column by column', () => {
  const name = (en: string) => ({ zh: en, en });
  const framework = defineFramework({
    id: 'g',
    version: '1',
    name: name('G (synthetic)'),
    nodes: [
      { code: 'index', type: 'aggregate', parent: null, name: name('Index'), aggregation: { method: 'geometric' } },
      { code: 'p', type: 'aggregate', parent: 'index', weight: 2, name: name('P'), aggregation: { method: 'geometric', minAvailability: 0.5 } },
      { code: 'q', type: 'aggregate', parent: 'index', name: name('Q'), aggregation: { method: 'geometric' } },
      ...['a', 'b', 'c'].map((code, i) => ({ code, type: 'indicator' as const, parent: 'p', direction: 1 as const, weight: 0.3 + i, name: name(code) })),
      ...['d', 'e'].map((code, i) => ({ code, type: 'indicator' as const, parent: 'q', direction: 1 as const, weight: 1.7 - i, name: name(code) })),
    ],
  });
  const U = 40;
  const I = framework.indicators.length;
  const K = I + framework.aggregates.length;
  const target = { units: Array.from({ length: U }, (_, u) => `U${u}`), periods: ['2025'], values: new Float64Array(U * K), flags: new Uint8Array(U * K) };

  /** A block of seeded positive scores (a few missing), column c of unit u at c × U + u, with flags. */
  function block(seed: number): { values: Float64Array; flags: Uint8Array } {
    const random = randomLcg(seed);
    const values = new Float64Array(U * K);
    const flags = new Uint8Array(U * K);
    for (let i = 0; i < U * I; i++) {
      values[i] = random() < 0.08 ? Number.NaN : 0.001 + 100 * random() ** 3;
      flags[i] = random() < 0.2 ? Flag.Imputed : Flag.None;
    }
    // U5 has two of p's three children missing (below its availability), U6 all of q's.
    values[0 * U + 5] = values[1 * U + 5] = Number.NaN;
    values[3 * U + 6] = values[4 * U + 6] = Number.NaN;
    return { values, flags };
  }

  it('gives the kernel’s value and flags cell by cell, for units with and without missing children', () => {
    const plan = aggregationPlanOf(framework);
    const kernel = aggregationMethods.geometric.float as FloatMean;
    for (const seed of [1, 2, 3]) {
      const { values, flags } = block(seed);
      aggregateBlock(plan, values, flags, target, 0, null);
      // Each aggregate again, cell by cell, from the kernel over the present children (Σw of those).
      const expected = Float64Array.from(values);
      for (let a = 0; a < framework.aggregates.length; a++) {
        const offsets = Int32Array.from(plan.childColumn, (c) => c * U);
        for (let u = 0; u < U; u++) {
          let present = 0;
          let total = 0;
          for (let i = plan.childStart[a]; i < plan.childStart[a + 1]; i++) {
            if (expected[offsets[i] + u] === expected[offsets[i] + u]) {
              present++;
              total += plan.weights[i];
            }
          }
          const n = plan.childStart[a + 1] - plan.childStart[a];
          expected[(I + a) * U + u] = present === 0 || present / n < plan.minAvailability[a] ? Number.NaN : kernel(expected, u, offsets, plan.weights, plan.childStart[a], plan.childStart[a + 1], total, 1);
        }
      }
      expect(bits(values)).toEqual(bits(expected));
      expect([...values.subarray(I * U)].some((v) => v !== v)).toBe(true);
      const partial = [...flags.subarray(I * U)].filter((f) => f & Flag.Partial).length;
      expect(partial).toBeGreaterThan(0);
    }
  });

  it('names the first unit (in unit order) with a child ≤ 0, as cell by cell', () => {
    const plan = aggregationPlanOf(framework);
    const { values, flags } = block(4);
    values[2 * U + 30] = 0; // c of U30
    values[0 * U + 31] = -1; // a of U31
    values[1 * U + 7] = Number.NaN; // b of U7: missing, not an error
    values[3 * U + 12] = -2; // d of U12: q comes after p
    expect(() => aggregateBlock(plan, values, flags, target, 0, null)).toThrow(/geometric mean of "p" needs positive values: unit "U30", period "2025", child "c" is 0/);
  });
});

describe('twoHighest', () => {
  /** The plain two passes `winsorise` makes: the highest, then the highest of the values unequal to it. */
  function plainTwoHighest(x: Float64Array, sign: number): number[] {
    let highest = Number.NEGATIVE_INFINITY;
    for (const v of x) if (sign * v > highest) highest = sign * v;
    let second = Number.NEGATIVE_INFINITY;
    for (const v of x) if (sign * v !== highest && sign * v > second) second = sign * v;
    return [highest, second];
  }

  it('finds the two passes’ values bit for bit (zeros of either sign, NaN, infinities, ties) in either direction', () => {
    const random = randomLcg(3);
    const levels = [-0, 0, 1, -1, 7, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e300, -1e300];
    const top = new Float64Array(2);
    for (let t = 0; t < 2000; t++) {
      const n = Math.floor(random() * 12);
      const x = Float64Array.from({ length: n + 2 }, () => levels[Math.floor(random() * levels.length)]);
      for (const sign of [1, -1]) {
        twoHighest(x, n, sign, top);
        expect(bits(top), `${Array.from(x.subarray(0, n))} × ${sign}`).toEqual(bits(plainTwoHighest(x.subarray(0, n), sign)));
      }
    }
  });
});

describe('passesOnKurtosis', () => {
  it('holds only for columns the winsorising kernel returns as they are (no marks), on 500 seeded random columns', () => {
    const random = randomLcg(13);
    const spec = { method: 'winsorise', winmax: 5, skewThreshold: 2, kurtosisThreshold: 3.5, fallback: 'log' } as const;
    let passing = 0;
    let failing = 0;
    for (let t = 0; t < 500; t++) {
      const n = 2 + Math.floor(random() * 30);
      const column = Float64Array.from({ length: n }, () => (random() < 0.05 ? Number.NaN : (1 / (random() + 1e-3)) ** (2 * random())));
      const moments = { n: 0, m2: 0, m3: 0, kurt: 0 };
      momentsInto(column, n, moments);
      const work = treatmentWork(n, false);
      treatInto(column, n, spec, work);
      if (passesOnKurtosis(moments, spec)) {
        passing++;
        expect(work.method).toBe('none');
        expect(work.passed).toBe(true);
        expect(Array.from(work.marks)).toEqual(new Array(n).fill(0));
      } else failing++;
      expect(passesOnKurtosis(moments, { method: 'none' })).toBe(false);
    }
    // Both outcomes are reached.
    expect(passing).toBeGreaterThan(50);
    expect(failing).toBeGreaterThan(50);
  });
});

describe('the arithmetic and geometric means over a block, column by column (children added two at a time)', () => {
  const name = (en: string) => ({ zh: en, en });
  const U = 37;
  // One aggregate per number of children, 1 to 9, so that every way the pairs fall (none, some, and one left over) is met.
  const sizes = [1, 2, 3, 4, 5, 6, 7, 8, 9];
  const frameworkOf = (method: 'arithmetic' | 'geometric') =>
    defineFramework({
      id: 'm',
      version: '1',
      name: name('M (synthetic)'),
      nodes: [
        { code: 'index', type: 'aggregate', parent: null, name: name('Index'), aggregation: { method } },
        ...sizes.map((n) => ({ code: `p${n}`, type: 'aggregate' as const, parent: 'index', weight: n, name: name(`P${n}`), aggregation: { method, minAvailability: 0.3 } })),
        ...sizes.flatMap((n) =>
          Array.from({ length: n }, (_, i) => ({ code: `x${n}_${i}`, type: 'indicator' as const, parent: `p${n}`, direction: 1 as const, weight: 0.25 + ((i * 7) % 5) / 3, name: name(`x${n}_${i}`) })),
        ),
      ],
    });

  for (const method of ['arithmetic', 'geometric'] as const) {
    it(`${method}: each cell and its flags as the kernel gives them over the present children, bit for bit`, () => {
      const framework = frameworkOf(method);
      const I = framework.indicators.length;
      const K = I + framework.aggregates.length;
      const target = { units: Array.from({ length: U }, (_, u) => `U${u}`), periods: ['2025'], values: new Float64Array(U * K), flags: new Uint8Array(U * K) };
      const plan = aggregationPlanOf(framework);
      const kernel = aggregationMethods[method].float as FloatMean;
      for (const seed of [1, 2, 3]) {
        const random = randomLcg(seed);
        const values = new Float64Array(U * K);
        const flags = new Uint8Array(U * K);
        for (let i = 0; i < U * I; i++) {
          values[i] = random() < 0.06 ? Number.NaN : 0.001 + 100 * random() ** 3;
          flags[i] = random() < 0.2 ? Flag.Imputed : random() < 0.1 ? Flag.Treated : Flag.None;
        }
        const expected = Float64Array.from(values);
        const expectedFlags = Uint8Array.from(flags);
        aggregateBlock(plan, values, flags, target, 0, null);
        const offsets = Int32Array.from(plan.childColumn, (c) => c * U);
        for (let a = 0; a < framework.aggregates.length; a++) {
          const from = plan.childStart[a];
          const to = plan.childStart[a + 1];
          for (let u = 0; u < U; u++) {
            let present = 0;
            let total = 0;
            let union = 0;
            for (let i = from; i < to; i++) {
              const v = expected[offsets[i] + u];
              if (v !== v) continue;
              present++;
              total += plan.weights[i];
              union |= expectedFlags[offsets[i] + u];
            }
            const out = (I + a) * U + u;
            const missing = present === 0 || present / (to - from) < plan.minAvailability[a];
            expected[out] = missing ? Number.NaN : kernel(expected, u, offsets, plan.weights, from, to, total, 1);
            expectedFlags[out] = missing ? Flag.None : present < to - from ? union | Flag.Partial : union;
          }
        }
        expect(bits(values)).toEqual(bits(expected));
        expect([...flags]).toEqual([...expectedFlags]);
        // Unflagged (every flag zero, none written by the column passes): the same values.
        const unflaggedValues = new Float64Array(U * K);
        unflaggedValues.set(expected.subarray(0, U * I));
        const noFlags = new Uint8Array(U * K);
        aggregateBlock(plan, unflaggedValues, noFlags, target, 0, null, false);
        expect(bits(unflaggedValues)).toEqual(bits(expected));
        expect([...noFlags.subarray(0, U * I)].every((f) => f === 0)).toBe(true);
      }
    });
  }
});
