/**
 * The workbench's intervals under tuned weights (issue 9): the published
 * intervals scaled by the ratio of the index's normal standard errors. Hand-
 * worked cases of the arithmetic; then, on data/'s releases, the build-time
 * standard errors against core's `analyticUncertainty` of the index itself,
 * under the official weights and under tuned ones (the ratio is the ratio of
 * the index's own standard errors), and the published figures against the
 * release JSON, read here on its own.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyticUncertainty, buildIndex, cellNoise, effectiveWeights, frameworkFromDocument, panelFromObservations, reviseNodes, type AggregateNode, type Framework } from '@pingan/core';
import { describe, expect, it } from 'vitest';
import { releasesDir as siteReleasesDir } from '../../src/lib/releases.ts';
import { workbenchData } from '../../src/lib/workbench.ts';
import { observationsOf } from '../../src/workbench/model/analysis.ts';
import { combinedError, headlineChance, scaledInterval, tunedChance, type HeadlineChanceInput, type PublishedChance } from '../../src/workbench/model/chance.ts';
import { latestRevisionDir } from '../releaseFiles.ts';

// The data folder beside the site, as a build's (vitest may run from the root); its releases unless PINGAN_RELEASES_DIR says otherwise.
process.env.PINGAN_DATA_DIR ??= join(import.meta.dirname, '..', '..', '..', 'data');
const releasesDir = siteReleasesDir();
const haveReleases = existsSync(releasesDir) && readdirSync(releasesDir).some((n) => /^\d{4}-\d{2}$/.test(n));
if (!haveReleases) console.warn(`\n*** workbench interval tests on the releases SKIPPED: no releases in ${releasesDir} ***\n`);

const published: PublishedChance = {
  level: 0.9,
  index: { value: '85.93', lower: '84.44', upper: '87.24' },
  mom: { value: '-0.11', lower: '-0.61', upper: '0.39', verdict: 'unchanged' },
  yoy: { value: '1.89', lower: '-0.13', upper: '3.89', verdict: 'unchanged' },
};
const errors = { unit: 'city', periods: ['2025-10'], indicators: ['a', 'b'], yearLag: 12, level: [3, 4], mom: [1, 1], yoy: [2, null] };
const input: HeadlineChanceInput = {
  published,
  official: false,
  linearSettings: true,
  loaded: true,
  errors,
  period: '2025-10',
  tuned: { value: 86.1, mom: 0.5, yoy: 2 },
  weights: [0.8, 0.2],
  officialWeights: [0.5, 0.5],
  decimals: 2,
};

describe('the arithmetic, by hand', () => {
  it('combines independent indicators’ standard errors by their weights, and has none where a weighted one is missing', () => {
    expect(combinedError([3, 4], 0, [0.5, 0.5])).toBe(2.5);
    // Row 1 of two indicators: its own errors.
    expect(combinedError([9, 9, 3, 4], 1, [0.5, 0.5])).toBe(2.5);
    expect(combinedError([3, null], 0, [0.5, 0.5])).toBeNaN();
    // A missing error of an indicator without weight does not count.
    expect(combinedError([3, null], 0, [1, 0])).toBe(3);
  });

  it('scales an interval’s distances from the published value around the tuned value, rounded as published', () => {
    // 86.1 + 1.2 × (84.44 − 85.93) = 84.312; 86.1 + 1.2 × (87.24 − 85.93) = 87.672.
    expect(scaledInterval({ value: '85.93', lower: '84.44', upper: '87.24' }, 86.1, 1.2, 2)).toEqual({ lower: '84.31', upper: '87.67' });
    // A ratio of 1 at the published value gives the published interval back.
    expect(scaledInterval({ value: '85.93', lower: '84.44', upper: '87.24' }, 85.93, 1, 2)).toEqual({ lower: '84.44', upper: '87.24' });
  });

  it('scales each figure by its own ratio and reads the verdict off the interval as shown', () => {
    const shown = tunedChance(published, errors, '2025-10', input.tuned, input.weights, input.officialWeights, 2);
    // Level: √(0.8² 3² + 0.2² 4²) = √6.4 = 2.5298 against 2.5: ratio 1.01193.
    const r = Math.sqrt(6.4) / 2.5;
    expect(shown.index).toEqual({ lower: (86.1 + r * (84.44 - 85.93)).toFixed(2), upper: (86.1 + r * (87.24 - 85.93)).toFixed(2) });
    // Month on month: √(0.64 + 0.04) / √0.5 = 1.16619; 0.5 + 1.16619 × (−0.61 + 0.11) = −0.083 holds 0.
    expect(shown.mom).toEqual({ value: '0.50', lower: '-0.08', upper: '1.08', verdict: 'unchanged' });
    // A weighted indicator without a standard error: no year-on-year interval, and the page is told.
    expect(shown.yoy).toBeNull();
    expect(shown.scaled).toBe(true);
    expect(shown.incomplete).toBe(true);
    // Every figure scaled: complete.
    expect(tunedChance(published, { ...errors, yoy: [2, 1] }, '2025-10', input.tuned, input.weights, input.officialWeights, 2).incomplete).toBe(false);
    // No published year-on-year interval to scale: nothing missing.
    expect(tunedChance({ ...published, yoy: null }, errors, '2025-10', input.tuned, input.weights, input.officialWeights, 2).incomplete).toBe(false);
    // A change that moves clear of 0 is up.
    expect(tunedChance(published, errors, '2025-10', { ...input.tuned, mom: 1 }, input.weights, input.officialWeights, 2).mom).toEqual({ value: '1.00', lower: '0.42', upper: '1.58', verdict: 'up' });
    expect(tunedChance(published, errors, '2025-10', { ...input.tuned, mom: -1 }, input.weights, input.officialWeights, 2).mom?.verdict).toBe('down');
    // A period without standard errors: none.
    expect(tunedChance(published, errors, '2025-09', input.tuned, input.weights, input.officialWeights, 2)).toMatchObject({ index: null, mom: null, yoy: null, incomplete: true });
  });

  it('shows the published intervals with the official settings, and says why there are none otherwise', () => {
    expect(headlineChance({ ...input, official: true })).toEqual({ level: 0.9, index: { lower: '84.44', upper: '87.24' }, mom: published.mom, yoy: published.yoy, scaled: false, incomplete: false });
    expect(headlineChance({ ...input, linearSettings: false })).toBe('methods');
    expect(headlineChance({ ...input, errors: null })).toBe('bootstrap');
    // Before the observations are in, a tuned state shows none yet; a release without intervals, none at all.
    expect(headlineChance({ ...input, loaded: false })).toBeNull();
    expect(headlineChance({ ...input, published: null, official: true })).toBeNull();
    expect(headlineChance(input)).toMatchObject({ scaled: true, mom: { value: '0.50' } });
  });
});

describe.skipIf(!haveReleases)('on the sample releases (SYNTHETIC)', () => {
  const { shell, values } = haveReleases ? workbenchData() : ({} as ReturnType<typeof workbenchData>);
  const chance = values?.chance;
  const framework = haveReleases ? frameworkFromDocument(shell.framework) : (null as unknown as Framework);

  it('carries the whole place’s published index, interval and changes of every released month, as each release.json gives them', () => {
    expect(shell.released.length).toBeGreaterThan(0);
    for (const m of shell.released) {
      const raw = JSON.parse(readFileSync(join(latestRevisionDir(releasesDir, m.month), 'release.json'), 'utf8'));
      const city = raw.regions.find((r: { parent: string | null }) => r.parent === null);
      const index = city.aggregates[0];
      const u = index.uncertainty;
      const change = (value: string | null, c: { lower: string; upper: string; verdict: string } | null) => (value === null || c === null ? null : { value, lower: c.lower, upper: c.upper, verdict: c.verdict });
      expect(m.chance, m.month).toEqual({ level: raw.uncertainty.level, index: { value: index.value, ...u.interval }, mom: change(index.change.mom, u.mom), yoy: change(index.change.yoy, u.yoy) });
    }
  });

  it('gives standard errors whose combination is the index’s own standard error under the official and under tuned weights', () => {
    expect(chance).toBeTruthy();
    expect(chance!.periods).toEqual(shell.released.map((r) => r.month));
    expect(chance!.indicators).toEqual(framework.indicators);
    const tunings: Record<string, { weight: number }>[] = [{}, { [framework.indicators[0]]: { weight: 10 } }, { [(framework.byCode.get(framework.root) as AggregateNode).children[0]]: { weight: 5 }, [framework.indicators.at(-1)!]: { weight: 0.01 } }];
    for (const tuning of tunings) {
      const tuned = reviseNodes(framework, tuning);
      const result = buildIndex(tuned, panelFromObservations(tuned, observationsOf(values!)));
      const own = analyticUncertainty(result, [1, chance!.yearLag], cellNoise(result.raw, tuned), { codes: [tuned.root], periods: chance!.periods });
      const eff = effectiveWeights(tuned);
      const weights = chance!.indicators.map((c) => eff[c]);
      const out = result.aggregated;
      const u = out.units.indexOf(chance!.unit);
      const k = out.codes.indexOf(tuned.root);
      chance!.periods.forEach((period, row) => {
        const at = (out.periods.indexOf(period) * out.units.length + u) * out.codes.length + k;
        for (const [errorsOf, se] of [[chance!.level, own.se], [chance!.mom, own.changeSe[1]], [chance!.yoy, own.changeSe[chance!.yearLag]]] as const) {
          if (!Number.isFinite(se[at])) continue;
          // The build-time errors keep four significant digits.
          expect(Math.abs(combinedError(errorsOf, row, weights) / se[at] - 1), `${JSON.stringify(tuning)} ${period}`).toBeLessThan(1e-3);
        }
      });
    }
  });

  it('gives back each published interval when the tuned figures are the published ones at the official weights', () => {
    const official = effectiveWeights(framework);
    const weights = chance!.indicators.map((c) => official[c]);
    for (const m of shell.released) {
      const p = m.chance!;
      const shown = tunedChance(p, chance!, m.month, { value: Number(p.index!.value), mom: Number(p.mom?.value), yoy: Number(p.yoy?.value) }, weights, weights, framework.decimals);
      expect(shown.index, m.month).toEqual({ lower: p.index!.lower, upper: p.index!.upper });
      expect(shown.mom, m.month).toEqual(p.mom);
      expect(shown.yoy, m.month).toEqual(p.yoy);
    }
  });
});
