/**
 * The synthetic nationwide panel (SYNTHETIC: made up from a seeded random
 * draw, not any real region's data; the unit codes U0000…U2843 name no
 * place) shared by the benchmarks: a Xiangtan-shaped tree of 4 groups and 14
 * indicators over 2,844 units × 120 months, drawn from one seed so that every
 * benchmark times the same data. Benchmarks that print its figures say
 * SYNTHETIC beside them.
 */
import { randomLcg, randomNormal } from 'd3-random';
import { createPanel, frameworkFromJson, periodRange, type Framework, type Panel } from '@pingan/core';

/**
 * The framework of the SYNTHETIC nationwide panel: the tree (index → order 6, traffic 3,
 * fire 3, perception 2 indicators `i0`…`i13`, counts per 100,000 residents,
 * the last two survey shares), each indicator completed by `methods(k, survey)`.
 */
export function nationwideFramework(
  id: string,
  name: { zh: string; en: string },
  methods: (k: number, survey: boolean) => Record<string, unknown> = () => ({}),
): Framework {
  const groups = { order: 6, traffic: 3, fire: 3, perception: 2 } as const;
  const nodes: unknown[] = [{ code: 'index', type: 'aggregate', parent: null, name: { zh: '平安指数', en: 'Safety index' } }];
  let k = 0;
  for (const [group, n] of Object.entries(groups)) {
    nodes.push({ code: group, type: 'aggregate', parent: 'index', name: { zh: group, en: group } });
    for (let i = 0; i < n; i++, k++) {
      const survey = group === 'perception';
      nodes.push({
        code: `i${k}`,
        type: 'indicator',
        parent: group,
        name: { zh: `指标${k}`, en: `Indicator ${k}` },
        direction: survey ? 1 : -1,
        ...(survey ? {} : { denominator: { code: 'population', scale: 100000 } }),
        ...methods(k, survey),
      });
    }
  }
  return frameworkFromJson({
    id,
    version: '1',
    name,
    denominators: [{ code: 'population', name: { zh: '常住人口', en: 'Resident population' } }],
    nodes,
  });
}

/** The SYNTHETIC panel: monthly counts of about (1 + k) per 10,000 residents, survey shares near 90%, populations 50,000 and up (seed 20261122). */
export function nationwidePanel(framework: Framework): Panel {
  const units = Array.from({ length: 2844 }, (_, i) => `U${String(i).padStart(4, '0')}`);
  const periods = periodRange('2016-01', '2025-12');
  const codes = [...framework.indicators, 'population'];
  const random = randomNormal.source(randomLcg(20261122))(0, 1);
  const values = new Float64Array(units.length * periods.length * codes.length);
  const population = units.map(() => 50000 + Math.abs(random()) * 400000);
  for (let p = 0; p < periods.length; p++) {
    for (let u = 0; u < units.length; u++) {
      const row = (p * units.length + u) * codes.length;
      for (let c = 0; c < 14; c++) {
        values[row + c] = c >= 12 ? 90 + 5 * Math.tanh(random()) : Math.max(0, Math.round((population[u] / 10000) * (1 + c) * (1 + 0.3 * random())));
      }
      values[row + 14] = population[u];
    }
  }
  return createPanel({ units, periods, codes, values });
}
