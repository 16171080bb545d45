/**
 * The methodology's noise worked example (section 9, the `json noise-example`
 * block, the same in both languages) recomputed from data/ and @pingan/core:
 * Yuhu's homicide interval by hand, Yuhu's index, the city's 2025-10 changes,
 * and Shaoshan's single homicide. Data: the SYNTHETIC sample.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildIndex, cellAt, effectiveWeights, Exact, monthUncertainty, normalQuantile, roundHalfUp, timeSeries, type MonthUncertainty } from '@pingan/core';
import { population, samplePanel, xiangtanFramework } from '../packages/core/test/noise/sampleData.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Change {
  change: string;
  interval: [string, string];
  verdict: string;
}
interface NoiseExample {
  framework: string;
  month: string;
  level: number;
  homicide: {
    unit: string;
    baselineCounts: number[];
    baselineMean: string;
    dispersion: string;
    windowCounts: number[];
    population: Record<string, number>;
    rate: string;
    rateVariance: string;
    score: string;
    scoreSe: string;
    interval: [string, string];
    exactInterval: [string, string];
  };
  district: { unit: string; index: { value: string; interval: [string, string] }; mom: Change };
  city: { unit: string; mom: Change; yoy: Change };
  singleHomicide: {
    unit: string;
    population: number;
    rateRise: string;
    scoreFall: string;
    indexFall: string;
    index: { value: string; interval: [string, string] };
    mom: Change;
    withOneMore: Change;
  };
}

function block(file: string): string {
  const text = readFileSync(join(root, 'data/methodology', file), 'utf8');
  const blocks = [...text.matchAll(/^```json noise-example\r?\n([\s\S]*?)^```\s*$/gm)];
  expect(blocks, `${file} must hold exactly one json noise-example block`).toHaveLength(1);
  return blocks[0][1];
}

const fixed = (x: number, d: number) => roundHalfUp(new Exact(x), d);

describe('the methodology noise example', () => {
  const zh = block('methodology.zh.md');
  const en = block('methodology.en.md');
  const example = JSON.parse(zh) as NoiseExample;
  const fw = xiangtanFramework();
  const raw = samplePanel(fw);
  const result = buildIndex(fw, raw);
  const u = monthUncertainty(result, example.month, { level: example.level });
  const node = (m: MonthUncertainty, unit: string, code: string) => m.regions.find((r) => r.unit === unit)!.nodes.find((n) => n.code === code)!;
  const change = (c: { change: string; lower: string; upper: string; verdictName: { zh: string } } | null): Change | null =>
    c && { change: c.change, interval: [c.lower, c.upper], verdict: c.verdictName.zh };

  it('is the same in both languages', () => {
    expect(en).toBe(zh);
    expect(example.framework).toBe('data/framework/xiangtan.json');
  });

  it('recomputes Yuhu’s homicide interval by hand, and the library gives the same', () => {
    const h = example.homicide;
    const series = timeSeries(raw, h.unit, 'homicide');
    const at = raw.periods.indexOf(example.month);
    expect(Array.from(series.slice(at - 35, at + 1))).toEqual(h.baselineCounts);
    expect(Array.from(series.slice(at - 11, at + 1))).toEqual(h.windowCounts);
    const mean = (h.baselineCounts.reduce((s, x) => s + x, 0) + 1 / 3) / 36; // Kerman's neutral prior count ⅓
    expect(fixed(mean, 6)).toBe(h.baselineMean);
    let squares = 0;
    let sums = 0;
    for (let t = 12; t < 36; t++) {
      squares += (h.baselineCounts[t] - h.baselineCounts[t - 12]) ** 2;
      sums += h.baselineCounts[t] + h.baselineCounts[t - 12];
    }
    // Pearson's dispersion test at 5% over the 24 pairs: φ̂ only above χ²(24)'s upper 5% point, 36.415 (tables).
    const dispersion = 24 * (squares / sums) > 36.415 ? squares / sums : 1;
    expect(fixed(dispersion, 2)).toBe(h.dispersion);
    const pop = population();
    expect(pop.get(`${h.unit}|2024`)).toBe(h.population['2024']);
    expect(pop.get(`${h.unit}|2025`)).toBe(h.population['2025']);
    // The window 2024-11 … 2025-10: 2 months of 2024, 10 of 2025.
    const a = h.windowCounts.map((_, k) => 100000 / h.population[k < 2 ? '2024' : '2025']);
    const rate = h.windowCounts.reduce((s, x, k) => s + x * a[k], 0);
    expect(fixed(rate, 6)).toBe(h.rate);
    const variance = dispersion * mean * a.reduce((s, x) => s + x * x, 0);
    expect(fixed(variance, 6)).toBe(h.rateVariance);
    const score = (100 * (2.2 - rate)) / 2.2;
    const se = (100 / 2.2) * Math.sqrt(variance);
    expect(fixed(score, 2)).toBe(h.score);
    expect(fixed(se, 3)).toBe(h.scoreSe);
    const z = normalQuantile(0.95);
    expect([fixed(Math.max(0, score - z * se), 2), fixed(Math.min(100, score + z * se), 2)]).toEqual(h.interval);
    // The normal approximation by hand is the library's `distribution: 'normal'`; the published
    // interval takes the window's homicides by their exact Poisson distribution.
    const normal = node(monthUncertainty(result, example.month, { level: example.level, distribution: 'normal' }), h.unit, 'homicide').interval!;
    expect([normal.value, normal.lower, normal.upper]).toEqual([h.score, ...h.interval]);
    const lib = node(u, h.unit, 'homicide').interval!;
    expect([lib.value, lib.lower, lib.upper]).toEqual([h.score, ...h.exactInterval]);
    // The exact interval by hand: the window's homicides are Poisson(12 μ); its 5th and 95th
    // percentiles, each homicide worth 100 / 2.2 × ā points (ā the window's mean weight).
    const m = 12 * mean;
    const quantile = (p: number) => {
      let k = 0;
      let term = Math.exp(-m);
      let cdf = term;
      while (cdf < p) cdf += term *= m / ++k;
      return k;
    };
    expect([quantile(0.05), quantile(0.95)]).toEqual([0, 4]);
    const point = (100 / 2.2) * (a.reduce((s, x) => s + x, 0) / 12);
    expect(Math.abs(score - point * (quantile(0.95) - m) - Number(h.exactInterval[0]))).toBeLessThan(0.015);
    expect(Math.abs(score + point * (m - quantile(0.05)) - Number(h.exactInterval[1]))).toBeLessThan(0.015);
  });

  it('gives Yuhu’s index, its interval and its month-on-month verdict', () => {
    const d = example.district;
    const index = node(u, d.unit, 'index');
    expect({ value: index.interval!.value, interval: [index.interval!.lower, index.interval!.upper] }).toEqual(d.index);
    expect(change(index.mom)).toEqual(d.mom);
  });

  it('classifies the city’s 2025-10 changes by the stated rule', () => {
    const c = example.city;
    const index = node(u, c.unit, 'index');
    expect(change(index.mom)).toEqual(c.mom);
    expect(change(index.yoy)).toEqual(c.yoy);
    for (const ch of [c.mom, c.yoy]) {
      const [lower, upper] = ch.interval.map(Number);
      expect(ch.verdict).toBe(lower > 0 ? '上升' : upper < 0 ? '下降' : '基本持平');
    }
  });

  it('recomputes Shaoshan’s single homicide', () => {
    const s = example.singleHomicide;
    expect(population().get(`${s.unit}|2025`)).toBe(s.population);
    const rise = 100000 / s.population;
    const fall = (100 * rise) / 2.2;
    expect(fixed(rise, 4)).toBe(s.rateRise);
    expect(fixed(fall, 2)).toBe(s.scoreFall);
    expect(fixed(effectiveWeights(fw).homicide * fall, 2)).toBe(s.indexFall);
    const index = node(u, s.unit, 'index');
    expect({ value: index.interval!.value, interval: [index.interval!.lower, index.interval!.upper] }).toEqual(s.index);
    expect(change(index.mom)).toEqual(s.mom);
    const values = Float64Array.from(raw.values);
    values[cellAt(raw, s.unit, example.month, 'homicide')] += 1;
    const withOne = buildIndex(fw, { ...raw, values });
    const before = result.aggregated.values[cellAt(result.aggregated, s.unit, example.month, 'index')];
    const after = withOne.aggregated.values[cellAt(withOne.aggregated, s.unit, example.month, 'index')];
    expect(fixed(before - after, 2)).toBe(s.indexFall);
    expect(change(node(monthUncertainty(withOne, example.month, { level: example.level }), s.unit, 'index').mom)).toEqual(s.withOneMore);
  });
});
