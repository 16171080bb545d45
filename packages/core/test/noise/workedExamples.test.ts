/**
 * Must show (issue 9), worked examples: one district's intervals by hand
 * (Yuhu, 2025-10: the homicide score and the index, from the raw counts with
 * the formulas of the methodology, not the library's propagation), the city's
 * 2025-10 month-on-month change classified by the stated rule, and the
 * single-homicide example of Shaoshan recomputed. Data: the SYNTHETIC sample.
 */
import { describe, expect, it } from 'vitest';
import {
  buildIndex,
  cellAt,
  effectiveWeights,
  monthUncertainty,
  normalQuantile,
  periodRange,
  shiftPeriod,
  timeSeries,
  type Panel,
} from '../../src/index.ts';
import { population, regions, samplePanel, xiangtanFramework } from './sampleData.ts';

const fw = xiangtanFramework();
const raw = samplePanel(fw);
const result = buildIndex(fw, raw);
const pop = population();
const z = normalQuantile(0.95);
const round2 = (x: number) => (Math.round(x * 100) / 100).toFixed(2);

/** A count indicator's noise by hand: level, dispersion, and the score's σ before capping. */
function countByHand(panel: Panel, unit: string, code: string, month: string, max: number) {
  const series = timeSeries(panel, unit, code);
  const at = panel.periods.indexOf(month);
  const baseline = Array.from(series.slice(at - 35, at + 1));
  const mean = (baseline.reduce((s, x) => s + x, 0) + 1 / 3) / 36; // Kerman's neutral prior count ⅓
  let squares = 0;
  let sums = 0;
  for (let t = at - 23; t <= at; t++) {
    squares += (series[t] - series[t - 12]) ** 2;
    sums += series[t] + series[t - 12];
  }
  // Pearson's dispersion test at 5% over the 24 pairs: φ̂ only when 24 φ̂ exceeds χ²(24)'s upper 5% point, 36.415 (tables).
  const dispersion = sums > 0 && 24 * (squares / sums) > 36.415 ? squares / sums : 1;
  const window = periodRange(shiftPeriod(month, -11), month);
  const rate = window.reduce((s, m) => s + (series[panel.periods.indexOf(m)] * 100000) / pop.get(`${unit}|${m.slice(0, 4)}`)!, 0);
  const rateVariance = dispersion * mean * window.reduce((s, m) => s + (100000 / pop.get(`${unit}|${m.slice(0, 4)}`)!) ** 2, 0);
  const linear = (100 * (max - rate)) / max;
  const sigma = (100 / max) * Math.sqrt(rateVariance);
  return { mean, dispersion, rate, linear, sigma };
}

/**
 * The variance of a capped score, min(100, max(0, L)) for L ~ N(linear, σ²),
 * by numerical integration over the normal density (trapezoids on ±12 σ),
 * independently of the library's closed form.
 */
function cappedVarianceByIntegration(linear: number, sigma: number): number {
  if (!(sigma > 0)) return 0;
  const n = 24000;
  const h = 24 / n;
  let m1 = 0;
  let m2 = 0;
  for (let j = 0; j <= n; j++) {
    const zj = -12 + j * h;
    const w = ((j === 0 || j === n ? 0.5 : 1) * h * Math.exp(-0.5 * zj * zj)) / Math.sqrt(2 * Math.PI);
    const s = Math.min(100, Math.max(0, linear + sigma * zj));
    m1 += w * s;
    m2 += w * s * s;
  }
  return Math.max(0, m2 - m1 * m1);
}

describe('Yuhu (430302), 2025-10, by hand', () => {
  const unit = '430302';
  const month = '2025-10';
  // The formulas by hand are the normal intervals (`distribution: 'normal'`); the published,
  // exact-distribution interval of the homicide score is worked by hand in scripts/methodology-noise.test.ts.
  const u = monthUncertainty(result, month, { distribution: 'normal' });
  const nodes = new Map(u.regions.find((r) => r.unit === unit)!.nodes.map((n) => [n.code, n]));

  it('the homicide score: 100 × (2.2 − R) / 2.2 ± 1.645 σ, capped into 0–100', () => {
    const h = countByHand(raw, unit, 'homicide', month, 2.2);
    const lower = Math.max(0, h.linear - z * h.sigma);
    const upper = Math.min(100, h.linear + z * h.sigma);
    expect(nodes.get('homicide')!.interval).toEqual({ value: round2(h.linear), lower: round2(lower), upper: round2(upper) });
  });

  it('the index: √(Σ e_i² Var s_i) over the 14 indicators (Var s_i of the capped score), ± 1.645 of it', () => {
    const e = effectiveWeights(fw);
    let variance = 0;
    for (const code of fw.indicators) {
      const node = fw.byCode.get(code)!;
      if (node.type !== 'indicator' || node.normalisation.method !== 'goalposts') throw new Error(code);
      const { min, max } = node.normalisation;
      let linear: number;
      let sigma: number;
      if (node.denominator) ({ linear, sigma } = countByHand(raw, unit, code, month, max));
      else {
        // A survey share carried from June: variance v (100 − v) / 1,000, score 100 (v − min) / (100 − min).
        const v = timeSeries(raw, unit, code)[raw.periods.indexOf('2025-06')];
        linear = (100 * (v - min)) / (max - min);
        sigma = ((100 / (max - min)) * Math.sqrt((v * (100 - v)) / 1000));
      }
      variance += e[code] ** 2 * cappedVarianceByIntegration(linear, sigma);
    }
    const value = result.aggregated.values[cellAt(result.aggregated, unit, month, 'index')];
    const se = Math.sqrt(variance);
    expect(nodes.get('index')!.interval).toEqual({ value: round2(value), lower: round2(value - z * se), upper: round2(value + z * se) });
  });
});

describe('the city, 2025-10: month-on-month change by the stated rule', () => {
  const city = regions().find((r) => r.level === 'city')!.code;
  const u = monthUncertainty(result, '2025-10');
  const index = u.regions.find((r) => r.unit === city)!.nodes.find((n) => n.code === 'index')!;

  it('is −0.11 (as published), its 90% interval contains 0, so 基本持平 (broadly unchanged)', () => {
    expect(index.mom?.change).toBe('-0.11');
    expect(Number(index.mom!.lower)).toBeLessThan(0);
    expect(Number(index.mom!.upper)).toBeGreaterThan(0);
    expect(index.mom?.verdict).toBe('unchanged');
    expect(index.mom?.verdictName).toEqual({ zh: '基本持平', en: 'broadly unchanged' });
    console.log(`city 2025-10 month on month: ${index.mom!.change}, ${index.mom!.verdictName.zh}, 90% interval ${index.mom!.lower} to ${index.mom!.upper}`);
  });

  it('the year-on-year change +1.89 is classified by the same rule', () => {
    expect(index.yoy?.change).toBe('1.89');
    const verdict = Number(index.yoy!.lower) > 0 ? 'up' : Number(index.yoy!.upper) < 0 ? 'down' : 'unchanged';
    expect(index.yoy?.verdict).toBe(verdict);
  });
});

describe('Shaoshan (430382): one homicide', () => {
  const unit = '430382';
  const month = '2025-10';
  const e = effectiveWeights(fw);

  it('costs 100000 / P / 2.2 × 100 homicide points, about 5 index points, as the methodology says', () => {
    // Shaoshan had no homicide in the 12 months to 2025-10 (score 100, at the cap); add one in 2025-10.
    expect(result.aggregated.values[cellAt(result.aggregated, unit, month, 'homicide')]).toBe(100);
    const values = Float64Array.from(raw.values);
    values[cellAt(raw, unit, month, 'homicide')] += 1;
    const withOne = buildIndex(fw, { ...raw, values });
    const rise = 100000 / pop.get(`${unit}|2025`)!;
    const scoreFall = (100 * rise) / 2.2;
    const at = (p: Panel, code: string) => p.values[cellAt(p, unit, month, code)];
    expect(at(withOne.aggregated, 'homicide')).toBeCloseTo(100 - scoreFall, 9);
    const indexFall = at(result.aggregated, 'index') - at(withOne.aggregated, 'index');
    expect(indexFall).toBeCloseTo(e.homicide * scoreFall, 9);
    expect(indexFall).toBeGreaterThan(4.5);
    expect(indexFall).toBeLessThan(5.5);
  });

  it('is larger than the noise of a month without it: the change it makes is 下降, while without it the month is 基本持平', () => {
    const values = Float64Array.from(raw.values);
    values[cellAt(raw, unit, month, 'homicide')] += 1;
    const withOne = monthUncertainty(buildIndex(fw, { ...raw, values }), month);
    const without = monthUncertainty(result, month);
    const index = (u: typeof without) => u.regions.find((r) => r.unit === unit)!.nodes.find((n) => n.code === 'index')!;
    expect(index(without).mom?.verdict).toBe('unchanged');
    expect(index(withOne).mom?.verdict).toBe('down');
    console.log(`Shaoshan 2025-10 index: ${JSON.stringify(index(without).interval)}, MoM ${JSON.stringify(index(without).mom)}; with one more homicide: ${JSON.stringify(index(withOne).interval)}, MoM ${JSON.stringify(index(withOne).mom)}`);
  });
});

describe('the changes the intervals are centred on', () => {
  it('are the changes published in the committed 2025-10 release, for every region and aggregate', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { ROOT } = await import('./sampleData.ts');
    const dir = join(ROOT, 'data/releases/2025-10');
    const latest = readdirSync(dir).filter((d) => /^r\d+$/.test(d)).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))).at(-1)!;
    const release = JSON.parse(readFileSync(join(dir, latest, 'release.json'), 'utf8')) as {
      regions: { code: string; aggregates: { code: string; value: string; change: { mom: string | null; yoy: string | null } }[] }[];
    };
    const u = monthUncertainty(result, '2025-10');
    let compared = 0;
    for (const region of release.regions) {
      const mine = new Map(u.regions.find((r) => r.unit === region.code)!.nodes.map((n) => [n.code, n]));
      for (const a of region.aggregates) {
        const node = mine.get(a.code)!;
        expect(node.interval?.value, `${region.code} ${a.code}`).toBe(a.value);
        expect(node.mom?.change ?? null, `${region.code} ${a.code} mom`).toBe(a.change.mom);
        expect(node.yoy?.change ?? null, `${region.code} ${a.code} yoy`).toBe(a.change.yoy);
        compared++;
      }
    }
    expect(compared).toBe(30);
  });
});
