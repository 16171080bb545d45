import { describe, expect, it } from 'vitest';
import { panelFromObservations, type Observation } from '../src/data/observations.ts';
import { exactAt } from "../src/exact/packedExact.ts";
import { buildExact } from "../src/exact/publish.ts";
import { roundHalfUp } from '../src/exact/decimal.ts';
import { defineFramework } from '../src/framework/defineFramework.ts';
import { cellAt } from '../src/panel/panel.ts';
import { buildIndex } from '../src/pipeline/buildIndex.ts';
import { readReferenceCsv, referenceAvailable } from './reference.ts';

const HDI = 'undp-hdi';
const available = referenceAvailable(HDI);

/**
 * UNDP's method (HDR 2023/24 technical notes) as a framework: goalposts
 * capped at the maximum, GNI per capita on a log scale, education the
 * arithmetic mean of its two indices, the HDI the geometric mean of the three
 * dimensions. The tree is uneven: health and income are indicators directly
 * under the index, education is a group.
 */
const hdiFramework = defineFramework({
  id: 'undp-hdi',
  version: 'HDR 2023/24',
  name: { zh: '人类发展指数', en: 'Human Development Index' },
  nodes: [
    { code: 'hdi', type: 'aggregate', parent: null, name: { zh: '人类发展指数', en: 'HDI' }, aggregation: { method: 'geometric' } },
    { code: 'le', type: 'indicator', parent: 'hdi', direction: 1, name: { zh: '预期寿命', en: 'Life expectancy at birth' },
      normalisation: { method: 'goalposts', min: 20, max: 85, scale: 1 } },
    { code: 'education', type: 'aggregate', parent: 'hdi', name: { zh: '教育', en: 'Education' } },
    { code: 'eys', type: 'indicator', parent: 'education', direction: 1, name: { zh: '预期受教育年限', en: 'Expected years of schooling' },
      normalisation: { method: 'goalposts', min: 0, max: 18, scale: 1 } },
    { code: 'mys', type: 'indicator', parent: 'education', direction: 1, name: { zh: '平均受教育年限', en: 'Mean years of schooling' },
      normalisation: { method: 'goalposts', min: 0, max: 15, scale: 1 } },
    { code: 'gnipc', type: 'indicator', parent: 'hdi', direction: 1, name: { zh: '人均国民总收入', en: 'GNI per capita (2017 PPP $)' },
      transform: 'log', normalisation: { method: 'goalposts', min: Math.log(100), max: Math.log(75000), scale: 1 } },
  ],
});

describe.skipIf(!available)('UNDP Human Development Index (../shared/reference/undp-hdi)', () => {
  it('reproduces every published HDI from 1990 to 2022 to its 3 published decimals', () => {
    const rows = readReferenceCsv(HDI, 'hdi_components_1990_2022.csv');
    const complete = rows.filter((r) => ['le', 'eys', 'mys', 'gnipc', 'hdi'].every((k) => r[k] !== ''));
    const observations: Observation[] = complete.flatMap((r) =>
      (['le', 'eys', 'mys', 'gnipc'] as const).map((code) => ({ unit: r.iso3, period: r.year, code, value: Number(r[code]) })),
    );
    const result = buildIndex(hdiFramework, panelFromObservations(hdiFramework, observations));
    const exact = buildExact(result);
    let matched = 0;
    const misses: string[] = [];
    for (const r of complete) {
      const i = cellAt(result.aggregated, r.iso3, r.year, 'hdi');
      const float = result.aggregated.values[i];
      const published = exactAt(exact.values, i);
      expect(published).not.toBeNull();
      // The float and exact paths agree, and both are within rounding of UNDP's figure.
      expect(Math.abs((published?.toNumber() ?? Number.NaN) - float)).toBeLessThanOrEqual(1e-9);
      expect(Math.abs(float - Number(r.hdi)), `${r.iso3} ${r.year}`).toBeLessThanOrEqual(0.0005 + 1e-6);
      if (roundHalfUp(published!, 3) === Number(r.hdi).toFixed(3)) matched++;
      else misses.push(`${r.iso3} ${r.year}: ${published!.toFixed(6)} vs ${r.hdi}`);
    }
    expect(complete.length).toBeGreaterThan(5500);
    // UNDP rounds from unrounded inputs; the published components are rounded,
    // so a value that lies on a rounding edge may round the other way.
    expect(misses.length / complete.length, misses.slice(0, 10).join('\n')).toBeLessThan(0.005);
    expect(matched + misses.length).toBe(complete.length);
  });
});
