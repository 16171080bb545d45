import { describe, expect, it } from 'vitest';
import { frameworkFromJson } from '../framework/defineFramework.ts';
import { resolveNoise, resolveUncertaintySettings } from './resolveNoise.ts';

const base = {
  id: 'n',
  version: '1',
  name: { zh: '噪声', en: 'Noise' },
  denominators: [{ code: 'population', name: { zh: '人口', en: 'Population' } }],
};
const nodes = [
  { code: 'index', type: 'aggregate', parent: null, name: { zh: '指数', en: 'Index' } },
  { code: 'cases', type: 'indicator', parent: 'index', direction: -1, name: { zh: '案件', en: 'Cases' }, denominator: { code: 'population', scale: 100000 } },
  { code: 'safe', type: 'indicator', parent: 'index', direction: 1, unit: { zh: '%', en: '%' }, name: { zh: '安全感', en: 'Safety' } },
  { code: 'fixed', type: 'indicator', parent: 'index', direction: 1, name: { zh: '固定', en: 'Fixed' } },
];

describe('the noise model of a framework', () => {
  it('defaults: counts quasi-Poisson, % shares surveys of 1,000, others none', () => {
    const fw = frameworkFromJson({ ...base, nodes });
    expect(resolveNoise(fw)).toEqual({
      cases: { model: 'poisson', dispersion: 'estimate' },
      safe: { model: 'survey', total: 100, sampleSize: 1000, marginOfError: null },
      fixed: { model: 'none' },
    });
    expect(resolveUncertaintySettings(fw)).toEqual({ level: 0.9, surveySampleSize: 1000, baselineMonths: 36 });
    // Optional fields: a framework without them keeps its document unchanged.
    expect('uncertainty' in fw.document).toBe(false);
    expect(fw.document.nodes.some((n) => 'noise' in n)).toBe(false);
  });
  it('takes the declared models and settings', () => {
    const fw = frameworkFromJson({
      ...base,
      uncertainty: { level: 0.95, surveySampleSize: 600 },
      nodes: [
        nodes[0],
        { ...nodes[1], noise: { model: 'poisson', dispersion: 2 } },
        { ...nodes[2], noise: { model: 'survey', marginOfError: 2.5 } },
        { ...nodes[3], noise: { model: 'none' } },
      ],
    });
    expect(resolveNoise(fw).cases).toEqual({ model: 'poisson', dispersion: 2 });
    expect(resolveNoise(fw).safe).toEqual({ model: 'survey', total: 100, sampleSize: null, marginOfError: 2.5 });
    expect(resolveUncertaintySettings(fw).level).toBe(0.95);
  });
  it('refuses a bad noise model with its framework path', () => {
    expect(() => frameworkFromJson({ ...base, nodes: [nodes[0], { ...nodes[1], noise: { model: 'poisson', dispersion: 0.5 } }, nodes[2]] })).toThrow(/nodes\[1\] \(cases\)\.noise\.dispersion/);
  });
});
