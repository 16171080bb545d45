import { describe, expect, it } from 'vitest';
import { panelFromObservations, type Observation } from '../src/data/observations.ts';
import { roundHalfUp } from '../src/exact/decimal.ts';
import { exactAt } from '../src/exact/packedExact.ts';
import { buildExact } from '../src/exact/publish.ts';
import { defineFramework } from '../src/framework/defineFramework.ts';
import { cellAt } from '../src/panel/panel.ts';
import { buildIndex } from '../src/pipeline/buildIndex.ts';
import { readReferenceCsv, referenceAvailable } from './reference.ts';

const GHI = 'ifpri-ghi-2016';
const available = referenceAvailable(GHI);

/** IFPRI's method: each indicator divided by a fixed threshold, × 100; weights 1/3, 1/6, 1/6, 1/3; all four required. */
const thresholds = { under: 80, wasting: 30, stunting: 70, mortality: 35 } as const;
const ghiFramework = defineFramework({
  id: 'ifpri-ghi',
  version: '2016',
  name: { zh: '全球饥饿指数', en: 'Global Hunger Index' },
  nodes: [
    { code: 'ghi', type: 'aggregate', parent: null, name: { zh: '全球饥饿指数', en: 'GHI' }, aggregation: { method: 'arithmetic', minAvailability: 1 } },
    ...Object.entries(thresholds).map(([code, threshold]) => ({
      code,
      type: 'indicator' as const,
      parent: 'ghi',
      // GHI is published as "higher is worse", so the scores keep the data's direction.
      direction: 1 as const,
      weight: code === 'under' || code === 'mortality' ? 2 : 1,
      name: { zh: code, en: code },
      // x / threshold × 100: goalposts from 0 to the threshold, uncapped (a value above the threshold scores over 100).
      normalisation: { method: 'goalposts' as const, min: 0, max: threshold, scale: 100, cap: false },
    })),
  ],
});

describe.skipIf(!available)('IFPRI Global Hunger Index 2016 (../shared/reference/ifpri-ghi-2016)', () => {
  it('reproduces the published scores of 1992, 2000, 2008 and 2016 to one decimal', () => {
    const indicators = readReferenceCsv(GHI, 'ghi-indicators.csv');
    const scores = readReferenceCsv(GHI, 'ghi-scores.csv');
    const years = ['1992', '2000', '2008', '2016'];
    const observations: Observation[] = indicators.flatMap((r) =>
      years.flatMap((year) =>
        (['under', 'stunting', 'wasting', 'mortality'] as const).map((code) => {
          const column = code === 'mortality' && year === '2016' ? 'mortality-2015' : `${code}-${year}`;
          // IFPRI marks "no data" with '-'.
          return { unit: r.country, period: year, code, value: r[column] === '' || r[column] === '-' ? null : Number(r[column]) };
        }),
      ),
    );
    const result = buildIndex(ghiFramework, panelFromObservations(ghiFramework, observations));
    const exact = buildExact(result);
    let checked = 0;
    const misses: string[] = [];
    for (const row of scores) {
      years.forEach((year, k) => {
        const published = row[`score${year}`];
        if (published === '-' || published === '' || published === undefined) return;
        const i = cellAt(result.aggregated, row.country, year, 'ghi');
        expect(i, `${row.country} is in the indicators file`).toBeGreaterThanOrEqual(0);
        const value = exactAt(exact.values, i);
        expect(value, `${row.country} ${year}`).not.toBeNull();
        checked++;
        void k;
        if (published === '<5') {
          if (!value!.lt(5)) misses.push(`${row.country} ${year}: ${value!.toFixed(2)} vs <5`);
        } else if (roundHalfUp(value!, 1) !== Number(published).toFixed(1)) {
          misses.push(`${row.country} ${year}: ${value!.toFixed(3)} vs ${published}`);
        }
      });
    }
    expect(checked).toBeGreaterThan(400);
    expect(misses, misses.join('\n')).toEqual([]);
  });
});
