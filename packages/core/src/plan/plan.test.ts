import { randomLcg, randomNormal } from 'd3-random';
import { describe, expect, it } from 'vitest';
import { aggregate } from '../aggregate/aggregate.ts';
import { denominate } from '../denominate/denominate.ts';
import { frameworkFromJson, reviseNodes, type Framework } from '../framework/defineFramework.ts';
import { AggregationSpec } from '../framework/methods.ts';
import { impute } from '../impute/impute.ts';
import { normalise } from '../normalise/normalise.ts';
import { Flag } from '../panel/flags.ts';
import { createPanel, type Panel } from '../panel/panel.ts';
import { buildIndex } from '../pipeline/buildIndex.ts';
import { rebuildIndex } from '../pipeline/rebuildIndex.ts';
import { transform } from '../transform/transform.ts';
import { treat } from '../treat/treat.ts';
import { trailingWindow } from '../window/trailingWindow.ts';
import { aggregationPlanOf } from './aggregationPlan.ts';
import { buildFromRaw, reaggregate, scoreAndAggregate } from './scorePlan.ts';

const name = (en: string) => ({ zh: en, en });

/** The verbs one after another, as buildIndex ran them before the plan: the reference the plan must equal. */
function staged(framework: Framework, raw: Panel): { normalised: Panel; aggregated: Panel; denominated: Panel } {
  const denominated = denominate(raw, framework);
  const treated = treat(impute(transform(trailingWindow(denominated, framework), framework), framework).panel, framework).panel;
  const normalised = normalise(treated, framework);
  return { denominated, normalised, aggregated: aggregate(normalised, framework) };
}

function expectSamePanel(actual: Panel, expected: Panel): void {
  expect(actual.codes).toEqual(expected.codes);
  expect(actual.units).toEqual(expected.units);
  expect(actual.periods).toEqual(expected.periods);
  // Byte for byte: Object.is tells NaN apart from a number and -0 from 0.
  expect(Buffer.from(actual.values.buffer, actual.values.byteOffset, actual.values.byteLength)).toEqual(
    Buffer.from(expected.values.buffer, expected.values.byteOffset, expected.values.byteLength),
  );
  expect(actual.flags).toEqual(expected.flags);
}

/** A tree of every per-period normalisation under every row-wise mean, counts per population, some flags and gaps (seeded, synthetic). */
function fixture(options: { imputed?: boolean; copeland?: boolean; unflagged?: boolean; complete?: boolean; arithmetic?: boolean } = {}): { framework: Framework; raw: Panel } {
  const normalisations = [
    { method: 'minMax', lower: 1, upper: 100 },
    { method: 'zScore', mean: 50, sd: 10 },
    { method: 'goalposts', min: 0, max: 60, scale: 100 },
    { method: 'percentileRank' },
    { method: 'distanceToReference', reference: { unit: 'U2' } },
    { method: 'distanceToTarget', target: 5 },
    { method: 'minMax', lower: 0, upper: 1 },
    // The harmonic group's scores are positive.
    { method: 'rank' },
    { method: 'minMax', lower: 1, upper: 10 },
  ];
  const framework = frameworkFromJson({
    id: 'plan-test',
    version: '1',
    name: name('Plan test (synthetic)'),
    denominators: [{ code: 'pop', name: name('Population') }],
    nodes: [
      { code: 'index', type: 'aggregate', parent: null, name: name('Index'), aggregation: { method: 'arithmetic', minAvailability: 0.5 } },
      { code: 'a', type: 'aggregate', parent: 'index', weight: 2, name: name('A'), aggregation: { method: options.copeland ? 'copeland' : 'arithmetic' } },
      { code: 'b', type: 'aggregate', parent: 'index', name: name('B'), aggregation: options.arithmetic ? { method: 'arithmetic' } : { method: 'generalised', power: 2 } },
      { code: 'c', type: 'aggregate', parent: 'index', name: name('C'), aggregation: { method: options.arithmetic ? 'arithmetic' : 'harmonic' } },
      ...normalisations.map((normalisation, k) => ({
        code: `i${k}`,
        type: 'indicator',
        parent: k < 4 ? 'a' : k < 7 ? 'b' : 'c',
        direction: k % 3 === 0 ? -1 : 1,
        weight: 1 + (k % 3),
        name: name(`I${k}`),
        normalisation,
        ...(k % 2 === 0 ? { denominator: { code: 'pop', scale: 1000 } } : {}),
        ...(options.imputed && k === 1 ? { imputation: { method: 'locf', maxAge: 2 } } : {}),
      })),
    ],
  });
  const units = Array.from({ length: 9 }, (_, u) => `U${u}`);
  const periods = ['2025-01', '2025-02', '2025-03', '2025-04'];
  const codes = [...framework.indicators, 'pop'];
  const random = randomNormal.source(randomLcg(20261203))(0, 1);
  const values: number[] = [];
  const flags: number[] = [];
  for (let p = 0; p < periods.length; p++) {
    for (let u = 0; u < units.length; u++) {
      for (let c = 0; c < codes.length; c++) {
        const last = c === codes.length - 1;
        // A few gaps (never in the reference unit U2, so distance-to-reference scores exist), and values ≥ 1 so harmonic means are defined.
        const gap = !options.complete && !last && u !== 2 && (u * 7 + c * 3 + p) % 11 === 0;
        values.push(gap ? Number.NaN : last ? 5000 + 1000 * u : 10 + Math.round(20 * Math.abs(random())) + u);
        flags.push(!options.unflagged && (u + c + p) % 5 === 0 ? 1 : 0);
      }
    }
  }
  return { framework, raw: createPanel({ units, periods, codes, values, flags }) };
}

describe('the compiled plan', () => {
  it('builds from raw data in one fused pass, byte for byte the staged verbs, with the stages between made when read', () => {
    const { framework, raw } = fixture();
    const fused = buildFromRaw(raw, framework);
    expect(fused).not.toBeNull();
    const reference = staged(framework, raw);
    expectSamePanel(fused as Panel, reference.aggregated);
    const result = buildIndex(framework, raw);
    expectSamePanel(result.aggregated, reference.aggregated);
    expectSamePanel(result.normalised, reference.normalised);
    expectSamePanel(result.denominated, reference.denominated);
    expect(result.treated).toBe(result.denominated);
  });

  it('builds a panel without flags (flags neither gathered nor combined) byte for byte the staged verbs, fresh and into a panel that had flags', () => {
    const { framework, raw } = fixture({ unflagged: true });
    expect(raw.flags.every((f) => f === 0)).toBe(true);
    const reference = staged(framework, raw);
    // Caps and partial aggregates still set their flags.
    expect(reference.aggregated.flags.some((f) => f !== 0)).toBe(true);
    expectSamePanel(buildIndex(framework, raw).aggregated, reference.aggregated);
    const flagged = fixture();
    const into = buildIndex(flagged.framework, flagged.raw).aggregated;
    expect(into.flags.some((f, i) => f !== reference.aggregated.flags[i])).toBe(true);
    expectSamePanel(buildIndex(framework, raw, { into }).aggregated, reference.aggregated);
    // Without gaps, caps or means computed cell by cell, no flag at all: none is written into a new panel, and zeros over the old ones `into` a panel.
    const complete = fixture({ unflagged: true, complete: true, arithmetic: true });
    const completeReference = staged(complete.framework, complete.raw).aggregated;
    expect(completeReference.flags.every((f) => f === 0)).toBe(true);
    expectSamePanel(buildIndex(complete.framework, complete.raw).aggregated, completeReference);
    expectSamePanel(buildIndex(complete.framework, complete.raw, { into: buildIndex(flagged.framework, flagged.raw).aggregated }).aggregated, completeReference);
    // A single flag anywhere (the first cell, the last, one between) is found and carried as the staged verbs carry it.
    for (const at of [0, complete.raw.flags.length - 1, 37]) {
      const flags = new Uint8Array(complete.raw.flags.length + 3);
      const one = flags.subarray(1, 1 + complete.raw.flags.length); // an odd offset, so the scan starts unaligned
      one[at] = 1;
      const raw = { ...complete.raw, flags: one };
      expectSamePanel(buildIndex(complete.framework, raw).aggregated, staged(complete.framework, raw).aggregated);
    }
    for (const options of [{ imputed: true, unflagged: true }, { imputed: true, copeland: true, unflagged: true }]) {
      const other = fixture(options);
      const treated = treat(impute(denominate(other.raw, other.framework), other.framework).panel, other.framework).panel;
      expectSamePanel(scoreAndAggregate(treated, other.framework) as Panel, staged(other.framework, other.raw).aggregated);
    }
  });

  it('scores and aggregates treated data in one pass, byte for byte normalise then aggregate (Copeland included)', () => {
    for (const options of [{ imputed: true }, { imputed: true, copeland: true }]) {
      const { framework, raw } = fixture(options);
      expect(buildFromRaw(raw, framework)).toBeNull();
      const reference = staged(framework, raw);
      const treated = treat(impute(denominate(raw, framework), framework).panel, framework).panel;
      expectSamePanel(scoreAndAggregate(treated, framework) as Panel, reference.aggregated);
      const result = buildIndex(framework, raw);
      expectSamePanel(result.aggregated, reference.aggregated);
      expectSamePanel(result.normalised, reference.normalised);
    }
  });

  it('recomputes only the aggregates a weight or mean change reaches, byte for byte a whole aggregation', () => {
    const { framework, raw } = fixture();
    const nominal = buildIndex(framework, raw);
    const geometric = AggregationSpec.parse({ method: 'geometric' });
    const changes: Framework[] = [
      reviseNodes(framework, { i5: { weight: 7 } }),
      reviseNodes(framework, { b: { weight: 0.25 } }),
      reviseNodes(framework, { c: { aggregation: geometric } }),
      reviseNodes(framework, { index: { aggregation: { method: 'arithmetic', minAvailability: 1 } } }),
      framework,
    ];
    for (const tuned of changes) {
      const whole = aggregate(nominal.normalised, tuned);
      expectSamePanel(reaggregate(nominal.aggregated, framework, tuned) as Panel, whole);
      expectSamePanel(rebuildIndex(nominal, tuned), whole);
      expectSamePanel(rebuildIndex({ imputed: nominal.imputed }, tuned), whole);
    }
    // Another tree: no incremental rebuild.
    const { framework: copeland } = fixture({ copeland: true });
    expect(reaggregate(nominal.aggregated, framework, copeland)).toBeNull();
  });

  it('names the unit, period and child when a mean meets a value out of its domain, as the staged aggregate does', () => {
    const { framework, raw } = fixture();
    const nominal = buildIndex(framework, raw);
    const geometric = AggregationSpec.parse({ method: 'geometric' });
    // Distance-to-target and min-max scores onto [0, 1] are 0 or below in every period: the geometric mean is undefined there.
    const tuned = reviseNodes(framework, { b: { aggregation: geometric }, i6: { weight: 2 } });
    const message = /geometric mean of "b" needs positive values: unit "U0", period "2025-01", child "i5" is -173\.3+4/;
    expect(() => rebuildIndex(nominal, tuned)).toThrow(message);
    expect(() => aggregate(nominal.normalised, tuned)).toThrow(message);
    let staged = '';
    try {
      aggregate(nominal.normalised, tuned);
    } catch (error) {
      staged = (error as Error).message;
    }
    expect(() => rebuildIndex(nominal, tuned)).toThrow(staged);
  });

  it('writes repeated builds into a panel handed over with `into`: each equals a fresh build, byte for byte', () => {
    const { framework, raw } = fixture();
    const heavier = reviseNodes(framework, { i5: { weight: 7 }, a: { weight: 0.5 } });
    const into = buildIndex(heavier, raw).aggregated;
    for (const fw of [framework, heavier, framework]) {
      const result = buildIndex(fw, raw, { into });
      expect(result.aggregated.values).toBe(into.values);
      expectSamePanel(result.aggregated, buildIndex(fw, raw).aggregated);
      expect(result.provenance.hash).toBe(buildIndex(fw, raw).provenance.hash);
    }
    // The staged path (an imputation step) and Copeland's row-wise pass write into it too.
    for (const options of [{ imputed: true }, { imputed: true, copeland: true }]) {
      const { framework: other, raw: otherRaw } = fixture(options);
      const target = buildIndex(other, otherRaw).aggregated;
      const result = buildIndex(other, otherRaw, { into: target });
      expect(result.aggregated.values).toBe(target.values);
      expectSamePanel(result.aggregated, staged(other, otherRaw).aggregated);
    }
  });

  it('writes consecutive rebuilds with different weights into one panel, each equal to a fresh rebuild, and allocates no panel after the first', () => {
    const { framework, raw } = fixture();
    const nominal = buildIndex(framework, raw);
    const tunings = [
      reviseNodes(framework, { i5: { weight: 7 } }),
      reviseNodes(framework, { b: { weight: 0.25 } }),
      reviseNodes(framework, { c: { aggregation: AggregationSpec.parse({ method: 'geometric' }) } }),
      framework,
      reviseNodes(framework, { i0: { weight: 3 }, index: { aggregation: { method: 'arithmetic', minAvailability: 1 } } }),
    ];
    const into = rebuildIndex(nominal, tunings[0]);
    let previous: Panel | undefined;
    for (const tuned of tunings) {
      const again = rebuildIndex(nominal, tuned, { into });
      expectSamePanel(again, rebuildIndex(nominal, tuned));
      expectSamePanel(again, aggregate(nominal.normalised, tuned));
      expect(again).toBe(into);
      if (previous) expect(again).toBe(previous);
      previous = again;
      // From the imputed data alone (scores computed again) and from the scores alone.
      const scratch = rebuildIndex(nominal, tuned);
      expectSamePanel(rebuildIndex({ imputed: nominal.imputed }, tuned, { into: scratch }), aggregate(nominal.normalised, tuned));
      expectSamePanel(rebuildIndex({ imputed: nominal.imputed, framework, normalised: nominal.normalised, screening: [] }, tuned, { into: scratch }), aggregate(nominal.normalised, tuned));
    }
    // The nominal index is untouched.
    expectSamePanel(nominal.aggregated, staged(framework, raw).aggregated);
  });

  it('refuses an `into` panel that does not fit or that the build reads, saying how', () => {
    const { framework, raw } = fixture();
    const nominal = buildIndex(framework, raw);
    const tuned = reviseNodes(framework, { i5: { weight: 7 } });
    expect(() => rebuildIndex(nominal, tuned, { into: nominal.aggregated })).toThrow(/into: not the nominal panel/);
    expect(() => buildIndex(framework, raw, { into: raw })).toThrow(/^into: needs 468 cells, not the panel read; has 360$/);
    const shorter = createPanel({ units: raw.units.slice(1), periods: raw.periods, codes: nominal.aggregated.codes });
    expect(() => rebuildIndex(nominal, tuned, { into: shorter })).toThrow(/^into: needs 468 cells, not the panel read; has 416$/);
  });

  it('names the cell where a mean meets a value out of its domain in the fused pass from raw data, as the staged verbs do', () => {
    const { framework, raw } = fixture();
    const geometric = AggregationSpec.parse({ method: 'geometric' });
    const tuned = reviseNodes(framework, { b: { aggregation: geometric } });
    expect(buildFromRaw(raw, reviseNodes(framework, { i0: { weight: 2 } }))).not.toBeNull();
    let message = '';
    try {
      aggregate(staged(framework, raw).normalised, tuned);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/geometric mean of "b" needs positive values/);
    expect(() => buildIndex(tuned, raw)).toThrow(message);
  });

  it('flags a geometric mean computed without a missing child as partial, as it does an arithmetic mean, in a panel without flags', () => {
    const build = (method: 'arithmetic' | 'geometric') => {
      const framework = frameworkFromJson({
        id: 'partial-test',
        version: '1',
        name: name('Partial means (synthetic)'),
        nodes: [
          { code: 'index', type: 'aggregate', parent: null, name: name('Index'), aggregation: { method, minAvailability: 0.5 } },
          ...['a', 'b'].map((code) => ({
            code,
            type: 'indicator',
            parent: 'index',
            direction: 1,
            name: name(code),
            normalisation: { method: 'minMax', lower: 1, upper: 100, scope: 'period' },
          })),
        ],
      });
      // Unit Y has no value for b: its index is the mean of a alone.
      const raw = createPanel({ units: ['X', 'Y', 'Z'], periods: ['2025-01'], codes: ['a', 'b'], values: [1, 2, 3, Number.NaN, 5, 6] });
      return buildIndex(framework, raw).aggregated;
    };
    for (const method of ['arithmetic', 'geometric'] as const) {
      const { values, flags } = build(method);
      expect(Array.from(values.filter((_, i) => i % 3 === 2)).every(Number.isFinite), method).toBe(true);
      expect(Array.from(flags), method).toEqual([0, 0, 0, 0, 0, Flag.Partial, 0, 0, 0]);
    }
  });

  it('keeps the plan of a tree from its second compilation on, for every framework that shares the tree', () => {
    const { framework } = fixture();
    const once = aggregationPlanOf(framework);
    const kept = aggregationPlanOf(reviseNodes(framework, { i5: { weight: 7 } }));
    expect(kept).not.toBe(once);
    expect(aggregationPlanOf(reviseNodes(framework, { b: { weight: 0.25 } }))).toBe(kept);
    expect(aggregationPlanOf(framework)).toBe(kept);
    expect(Array.from(kept.weights)).toEqual(Array.from(once.weights));
  });
});
