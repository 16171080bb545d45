/**
 * Must show (issue 9): the early warning's in-control average run length is
 * stated (500 months for normal scores) and checked by simulation, and on
 * in-control simulated count series its false-alarm rate is within the
 * stated 1 / 500 a month (with the simulation error stated).
 */
import { randomGamma, randomLcg, randomNormal, randomPoisson } from 'd3-random';
import { describe, expect, it } from 'vitest';
import { controlCharts, createPanel, defineFramework, DEFAULT_CHART, ewmaAverageRunLength, ewmaLimit, periodRange } from '../../src/index.ts';

describe('the in-control run length of the EWMA chart', () => {
  it('is 500 months at the default limit, by the Markov chain', () => {
    expect(ewmaAverageRunLength(DEFAULT_CHART.lambda, DEFAULT_CHART.limitSigmas)).toBeCloseTo(500, -1);
    expect(ewmaLimit(DEFAULT_CHART.lambda, DEFAULT_CHART.runLength)).toBeCloseTo(DEFAULT_CHART.limitSigmas, 3);
  });

  it('is 500 months by simulation of normal scores (mean of 2,000 run lengths, ±2 standard errors)', () => {
    const normal = randomNormal.source(randomLcg(42))(0, 1);
    const { lambda, limitSigmas } = DEFAULT_CHART;
    const limit = limitSigmas * Math.sqrt(lambda / (2 - lambda));
    const runs = 2000;
    let sum = 0;
    let squares = 0;
    for (let r = 0; r < runs; r++) {
      let e = 0;
      let t = 0;
      do {
        t++;
        e = Math.max(0, (1 - lambda) * e + lambda * normal());
      } while (e <= limit);
      sum += t;
      squares += t * t;
    }
    const mean = sum / runs;
    const se = Math.sqrt((squares / runs - mean * mean) / runs);
    console.log(`simulated in-control ARL of normal scores: ${mean.toFixed(0)} ± ${se.toFixed(0)} months (stated 500)`);
    expect(Math.abs(mean - 500)).toBeLessThanOrEqual(2 * se);
  });
});

describe('false alarms on in-control seasonal Poisson series', () => {
  const fw = defineFramework({
    id: 'alarm-test',
    version: '1',
    name: { zh: '误报检验', en: 'False-alarm check' },
    denominators: [{ code: 'population', name: { zh: '人口', en: 'Population' } }],
    nodes: [
      { code: 'index', type: 'aggregate', parent: null, name: { zh: '指数', en: 'Index' } },
      { code: 'events', type: 'indicator', parent: 'index', direction: -1, name: { zh: '事件', en: 'Events' }, denominator: { code: 'population', scale: 100000 } },
    ],
  });
  const periods = periodRange('2000-01', '2041-08'); // 500 months
  const charts = 200;
  const cases = [
    { mean: 0.05, dispersion: 1 },
    { mean: 0.5, dispersion: 1 },
    { mean: 3, dispersion: 1 },
    { mean: 20, dispersion: 1 },
    { mean: 200, dispersion: 1 },
    { mean: 20, dispersion: 3 },
  ];

  for (const { mean, dispersion } of cases) {
    it(`raises false alarms (episodes out of control) at most 1/500 a month at a mean of ${mean} a month, dispersion ${dispersion} (seasonal ±30%)`, () => {
      const source = randomLcg(Math.round(mean * 1000) + 7 * dispersion);
      const poissonOf = randomPoisson.source(source);
      const gamma = randomGamma.source(source);
      // Over-dispersed counts: a gamma–Poisson mixture with variance = dispersion × mean.
      const poisson = (mu: number) => poissonOf(dispersion > 1 ? gamma(mu / (dispersion - 1), dispersion - 1)() : mu);
      const units = Array.from({ length: charts }, (_, i) => `U${i}`);
      const values = new Float64Array(periods.length * charts * 2);
      periods.forEach((_, p) => {
        const seasonal = mean * (1 + 0.3 * Math.sin((2 * Math.PI * (p % 12)) / 12));
        for (let u = 0; u < charts; u++) {
          values[(p * charts + u) * 2] = poisson(seasonal)();
          values[(p * charts + u) * 2 + 1] = 100000;
        }
      });
      const result = controlCharts(createPanel({ units, periods, codes: ['events', 'population'], values }), fw);
      let months = 0;
      let alarms = 0;
      for (const chart of result) {
        months += chart.charted.reduce((s, x) => s + x, 0);
        alarms += chart.signal.reduce((s, x) => s + x, 0);
      }
      const rate = alarms / months;
      const stated = 1 / DEFAULT_CHART.runLength;
      // Poisson error of the alarm count (alarms restart the chart, so they are close to a renewal process).
      const simulationError = Math.sqrt(Math.max(alarms, 1)) / months;
      console.log(`mean ${mean}, dispersion ${dispersion}: ${alarms} alarms in ${months} chart-months = ${(rate * 1000).toFixed(2)} per 1,000 ± ${(simulationError * 1000).toFixed(2)} (stated ≤ ${(stated * 1000).toFixed(2)})`);
      expect(rate).toBeLessThanOrEqual(stated + 2 * simulationError);
    });
  }
});

describe('the early warning when something does change', () => {
  it('flags a doubling of a mean of 20 a month within three months in most charts', () => {
    const fw = defineFramework({
      id: 'alarm-test',
      version: '1',
      name: { zh: '检出检验', en: 'Detection check' },
      nodes: [
        { code: 'index', type: 'aggregate', parent: null, name: { zh: '指数', en: 'Index' } },
        { code: 'events', type: 'indicator', parent: 'index', direction: -1, name: { zh: '事件', en: 'Events' }, window: { periods: 12, statistic: 'sum' } },
      ],
    });
    const periods = periodRange('2020-01', '2024-03'); // 51 months: the last three doubled
    const charts = 200;
    const poisson = randomPoisson.source(randomLcg(99));
    const units = Array.from({ length: charts }, (_, i) => `U${i}`);
    const values = new Float64Array(periods.length * charts);
    periods.forEach((_, p) => {
      for (let u = 0; u < charts; u++) values[p * charts + u] = poisson(p >= periods.length - 3 ? 40 : 20)();
    });
    const result = controlCharts(createPanel({ units, periods, codes: ['events'], values }), fw);
    const detected = result.filter((c) => c.outOfControl.slice(-3).some((x) => x === 1)).length / charts;
    console.log(`a doubling (20 → 40 a month) is out of control within 3 months in ${(100 * detected).toFixed(0)}% of ${charts} charts`);
    expect(detected).toBeGreaterThan(0.8);
  });
});
