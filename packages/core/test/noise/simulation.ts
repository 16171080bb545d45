/**
 * A known Poisson model on the Xiangtan framework, for the coverage test:
 * each division's expected monthly count of each indicator by calendar month
 * is the mean of the SYNTHETIC sample's counts in that calendar month
 * (2019–2025), so the model keeps the sample's seasonality; the city is the
 * sum of its divisions; each survey share is a binomial sample of 1,000
 * respondents around the division's mean share (the framework's default
 * sample size). The truth of a month is the index computed from the
 * expected counts and the true shares.
 */
import { randomBinomial, randomLcg, randomPoisson } from 'd3-random';
import { createPanel, periodRange, type Framework, type Panel } from '../../src/index.ts';
import { population, regions } from './sampleData.ts';

export interface KnownModel {
  readonly units: readonly string[];
  readonly periods: readonly string[];
  /** Expected value of each (period, unit, code) cell, in raw-panel layout (codes = framework indicators + population). */
  readonly truth: Panel;
  /** Which units are divisions (simulated) and which is the city (the sum). */
  readonly city: string;
  readonly divisions: readonly string[];
}

export function knownModel(framework: Framework, sample: Panel, periods: readonly string[] = periodRange('2021-01', '2024-12')): KnownModel {
  const all = regions();
  const city = all.find((r) => r.level === 'city')!.code;
  const divisions = all.filter((r) => r.level !== 'city').map((r) => r.code);
  const units = [city, ...divisions];
  const codes = [...framework.indicators, 'population'];
  const pop = population();
  const U = units.length;
  const C = codes.length;
  const values = new Float64Array(periods.length * U * C).fill(Number.NaN);
  const su = sample.units.length;
  const sc = sample.codes.length;
  const meanBy = (unit: string, code: string, month: string | null) => {
    const u = sample.units.indexOf(unit);
    const c = sample.codes.indexOf(code);
    let sum = 0;
    let n = 0;
    sample.periods.forEach((period, p) => {
      if (month !== null && period.slice(5) !== month) return;
      const v = sample.values[(p * su + u) * sc + c];
      if (v === v) {
        sum += v;
        n++;
      }
    });
    return sum / n;
  };
  periods.forEach((period, p) => {
    const month = period.slice(5);
    const survey = month === '06' || month === '12';
    units.forEach((unit, u) => {
      const row = (p * U + u) * C;
      framework.indicators.forEach((code, c) => {
        const node = framework.byCode.get(code)!;
        if (node.type !== 'indicator') return;
        if (node.denominator) {
          values[row + c] = unit === city ? divisions.reduce((s, d) => s + meanBy(d, code, month), 0) : meanBy(unit, code, month);
        } else if (survey) values[row + c] = meanBy(unit, code, null);
      });
      values[row + C - 1] = pop.get(`${unit}|${period.slice(0, 4)}`)!;
    });
  });
  return { units, periods, truth: createPanel({ units, periods, codes, values }), city, divisions };
}

/** One simulated history from the known model (seeded). */
export function simulate(framework: Framework, model: KnownModel, seed: number): Panel {
  const source = randomLcg(seed);
  const poisson = randomPoisson.source(source);
  const binomial = randomBinomial.source(source);
  const { truth } = model;
  const U = truth.units.length;
  const C = truth.codes.length;
  const values = Float64Array.from(truth.values);
  const cityIndex = truth.units.indexOf(model.city);
  for (let p = 0; p < truth.periods.length; p++) {
    for (let c = 0; c < framework.indicators.length; c++) {
      const node = framework.byCode.get(framework.indicators[c])!;
      if (node.type !== 'indicator') continue;
      let citySum = 0;
      for (let u = 0; u < U; u++) {
        const i = (p * U + u) * C + c;
        const mu = truth.values[i];
        if (mu !== mu) continue;
        if (node.denominator) {
          if (u === cityIndex) continue;
          values[i] = poisson(mu)();
          citySum += values[i];
        } else values[i] = Math.round(binomial(1000, mu / 100)() * 10) / 100;
      }
      if (node.denominator) values[(p * U + cityIndex) * C + c] = citySum;
    }
  }
  return { ...truth, values, flags: new Uint8Array(values.length) };
}
