/**
 * Checks the Xiangtan framework, the methodology's worked example (recomputed
 * with @pingan/core, every published number compared as a string) and the
 * SYNTHETIC sample data set (deterministic, consistent with the published facts).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ahpWeights,
  bandOf,
  buildExact,
  buildIndex,
  frameworkFromJson,
  effectiveWeights,
  Exact,
  exactInputs,
  Flag,
  getExact,
  panelFromObservations,
  publishChange,
  roundHalfUp,
  type ExactPanel,
  type Observation,
} from '@pingan/core';
import { CITY, COUNT_CODES, DIVISIONS, FACTS, INDICATOR_CODES, SHARE_CODES, generateSampleData, monthsBetween } from './generate-sample-data.ts';

type Decimal = InstanceType<typeof Exact>;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const frameworkJson = JSON.parse(readFileSync(join(root, 'data/framework/xiangtan.json'), 'utf8')) as Record<string, unknown>;
const fw = frameworkFromJson(frameworkJson);

const GROUPS = { order: ['homicide', 'injury', 'vice', 'property', 'fraud', 'reports'], traffic: ['accidents', 'traffic_deaths', 'traffic_injuries'], fire: ['fires', 'fire_casualties', 'fire_loss'], perception: ['sense_of_safety', 'satisfaction'] };

describe('the Xiangtan framework', () => {
  it('validates, with 4 first-level aggregates and 14 indicators under the required codes', () => {
    expect(fw.id).toBe('xiangtan-pingan');
    expect(fw.version).toBe('2026.1');
    expect(fw.root).toBe('index');
    const root = fw.byCode.get('index');
    expect(root?.type === 'aggregate' && root.children).toEqual(Object.keys(GROUPS));
    for (const [group, codes] of Object.entries(GROUPS)) {
      const node = fw.byCode.get(group);
      expect(node?.type === 'aggregate' && node.children).toEqual(codes);
    }
    expect(fw.indicators).toEqual(Object.values(GROUPS).flat());
    expect(fw.indicators).toHaveLength(14);
  });

  it('scores counts as 12-month rates per 100,000 against fixed goalposts, and carries the surveys forward 5 months', () => {
    for (const code of fw.indicators) {
      const node = fw.byCode.get(code);
      if (node?.type !== 'indicator') throw new Error(code);
      expect(node.normalisation.method).toBe('goalposts');
      if ((SHARE_CODES as readonly string[]).includes(code)) {
        expect(node.direction).toBe(1);
        expect(node.imputation).toEqual({ method: 'locf', maxAge: 5 });
      } else {
        expect(node.direction).toBe(-1);
        expect(node.denominator).toEqual({ code: 'population', scale: 100000 });
        expect(node.window).toEqual({ periods: 12, statistic: 'sum' });
        expect(node.normalisation).toMatchObject({ min: 0, cap: true });
      }
    }
  });

  it('derives the first-level weights by AHP with CR < 0.1, and the effective weights sum to 1', () => {
    const root = fw.byCode.get('index');
    if (root?.type !== 'aggregate' || root.weighting.method !== 'ahp') throw new Error('no AHP on the index');
    const ahp = ahpWeights(root.weighting.matrix);
    expect(ahp.consistencyRatio).toBeLessThan(0.1);
    expect(ahp.randomIndex).toBe(0.9);
    const ew = effectiveWeights(fw);
    expect(fw.indicators.reduce((s, c) => s + ew[c], 0)).toBeCloseTo(1, 12);
    expect(Object.keys(GROUPS).reduce((s, c) => s + ew[c], 0)).toBeCloseTo(1, 12);
  });

  it('publishes bands 优 ≥ 90, 良 ≥ 80, 平稳 ≥ 70, 较差 below', () => {
    expect(fw.decimals).toBe(2);
    expect(fw.bands.map((b) => [b.name.zh, b.min])).toEqual([['优', 90], ['良', 80], ['平稳', 70], ['较差', -1000000]]);
    expect(bandOf(fw, '89.99')?.name.zh).toBe('良');
    expect(bandOf(fw, '0.00')?.name.zh).toBe('较差');
  });
});

interface WorkedExample {
  framework: string;
  unit: string;
  month: string;
  months: string[];
  population: Record<string, number>;
  inputs: Record<string, { counts: number[] } | { value: number; surveyed: string }>;
  expected: {
    rates: Record<string, string>;
    scores: Record<string, string>;
    groups: Record<string, string>;
    index: string;
    band: string;
    imputed: string[];
    indexImputed: boolean;
    previous: { month: string; rates: Record<string, string>; scores: Record<string, string>; groups: Record<string, string>; index: string };
    change: { change: string; contributions: Record<string, string> };
  };
}

function workedExampleBlock(file: string): string {
  const text = readFileSync(join(root, 'data/methodology', file), 'utf8');
  const blocks = [...text.matchAll(/^```json worked-example\r?\n([\s\S]*?)^```\s*$/gm)];
  expect(blocks, `${file} must hold exactly one json worked-example block`).toHaveLength(1);
  return blocks[0][1];
}

describe('the methodology worked example', () => {
  const zh = workedExampleBlock('methodology.zh.md');
  const en = workedExampleBlock('methodology.en.md');
  const example = JSON.parse(zh) as WorkedExample;

  it('is the same in both languages', () => {
    expect(en).toBe(zh);
  });

  it('is recomputed exactly by the library', () => {
    expect(example.framework).toBe('data/framework/xiangtan.json');
    const { unit, months, population, inputs, expected } = example;
    const observations: Observation[] = [];
    months.forEach((month, i) => {
      observations.push({ unit, period: month, code: 'population', value: population[month.slice(0, 4)] });
      for (const [code, input] of Object.entries(inputs)) {
        if ('counts' in input) observations.push({ unit, period: month, code, value: input.counts[i] });
        else if (input.surveyed === month) observations.push({ unit, period: month, code, value: input.value });
      }
    });
    const result = buildIndex(fw, panelFromObservations(fw, observations));
    const exact = buildExact(result);
    const inputsExact = exactInputs(result);
    const at = (panel: ExactPanel, period: string, code: string): Decimal => {
      const v = getExact(panel, panel.units[0], period, code);
      if (!v) throw new Error(`${code} missing in ${period}`);
      return v;
    };
    const published = (period: string, e: { rates: Record<string, string>; scores: Record<string, string>; groups: Record<string, string>; index: string }) => {
      for (const code of fw.indicators) {
        expect(roundHalfUp(at(inputsExact, period, code), 4), `${period} rate ${code}`).toBe(e.rates[code]);
        expect(roundHalfUp(at(exact, period, code), 4), `${period} score ${code}`).toBe(e.scores[code]);
      }
      for (const group of Object.keys(GROUPS)) expect(roundHalfUp(at(exact, period, group), 2), `${period} ${group}`).toBe(e.groups[group]);
      expect(roundHalfUp(at(exact, period, 'index'), 2), `${period} index`).toBe(e.index);
    };
    published(example.month, expected);
    published(expected.previous.month, expected.previous);
    expect(bandOf(fw, expected.index)?.name.zh).toBe(expected.band);

    const flagAt = (code: string) => exact.flags[exact.periods.indexOf(example.month) * exact.codes.length + exact.codes.indexOf(code)];
    expect(fw.indicators.filter((c) => (flagAt(c) & Flag.Imputed) !== 0)).toEqual(expected.imputed);
    expect((flagAt('index') & Flag.Imputed) !== 0).toBe(expected.indexImputed);

    const change = publishChange(fw, exact, unit, expected.previous.month, example.month);
    expect(change?.change).toBe(expected.change.change);
    expect(change?.contributions).toEqual(expected.change.contributions);
    const total = Object.values(expected.change.contributions).reduce((s, c) => s + Math.round(Number(c) * 100), 0);
    expect(total).toBe(Math.round(Number(expected.change.change) * 100));
  });
});

interface Row {
  region: string;
  month: string;
  code: string;
  value: string;
  flag: string;
}

function readSample(dir: string): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.csv')).sort()) {
    const buffer = readFileSync(join(dir, name));
    expect([...buffer.subarray(0, 3)], `${name} starts with a BOM`).toEqual([0xef, 0xbb, 0xbf]);
    const text = buffer.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const [header, ...lines] = text.slice(0, -2).split('\r\n');
    expect(header).toBe('地区代码,月份,指标代码,数值,标记');
    out.set(name, lines.map((line) => {
      const [region, month, code, value, flag, ...rest] = line.split(',');
      expect(rest).toEqual([]);
      return { region, month, code, value, flag };
    }));
  }
  return out;
}

describe('the SYNTHETIC sample data', () => {
  const temp = [mkdtempSync(join(tmpdir(), 'pingan-sample-')), mkdtempSync(join(tmpdir(), 'pingan-sample-'))];
  afterAll(() => temp.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const months = monthsBetween('2019-01', '2025-10');

  it('is deterministic and matches the committed files byte for byte', () => {
    const a = generateSampleData(temp[0]);
    const b = generateSampleData(temp[1]);
    expect(a).toEqual(months.map((m) => `SYNTHETIC-${m}.csv`));
    expect(b).toEqual(a);
    const committed = readdirSync(join(root, 'data/input')).filter((f) => f.endsWith('.csv')).sort();
    expect(committed).toEqual(a);
    for (const name of a) {
      const bytes = readFileSync(join(temp[0], name));
      expect(bytes.equals(readFileSync(join(temp[1], name))), name).toBe(true);
      expect(bytes.equals(readFileSync(join(root, 'data/input', name))), `data/input/${name}`).toBe(true);
    }
  });

  const sample = readSample(join(root, 'data/input'));
  const all = [...sample.values()].flat();

  it('has every region and indicator each month, surveys only in June and December', () => {
    for (const month of months) {
      const rows = sample.get(`SYNTHETIC-${month}.csv`) ?? [];
      expect(rows.every((r) => r.month === month)).toBe(true);
      const survey = month.endsWith('-06') || month.endsWith('-12');
      const codes = INDICATOR_CODES.filter((c) => survey || !(SHARE_CODES as readonly string[]).includes(c));
      expect(rows.map((r) => `${r.region} ${r.code}`)).toEqual([CITY, ...DIVISIONS].flatMap((region) => codes.map((c) => `${region} ${c}`)));
      expect(rows.every((r) => ['', '估计', '初步'].includes(r.flag))).toBe(true);
    }
  });

  it('has non-negative integer counts, non-negative losses and shares within 0–100', () => {
    for (const r of all) {
      const x = Number(r.value);
      expect(r.value, `${r.region} ${r.month} ${r.code}`).toMatch(/^\d+(\.\d{1,2})?$/);
      if ((COUNT_CODES as readonly string[]).includes(r.code)) expect(Number.isInteger(x)).toBe(true);
      if ((SHARE_CODES as readonly string[]).includes(r.code)) expect(x >= 0 && x <= 100).toBe(true);
      expect(x).toBeGreaterThanOrEqual(0);
    }
  });

  it('makes the city the sum of its divisions (counts, losses)', () => {
    const byKey = new Map(all.map((r) => [`${r.region}|${r.month}|${r.code}`, r.value]));
    for (const month of months) {
      for (const code of [...COUNT_CODES, 'fire_loss']) {
        const sum = DIVISIONS.reduce((s, d) => s + Math.round(Number(byKey.get(`${d}|${month}|${code}`)) * 100), 0);
        expect(Math.round(Number(byKey.get(`${CITY}|${month}|${code}`)) * 100), `${month} ${code}`).toBe(sum);
      }
    }
  });

  it('matches the published facts: homicides 2022 30% below 2019, traffic deaths 36.11% below', () => {
    const total = (code: string, year: string) =>
      all.filter((r) => r.region === CITY && r.code === code && r.month.startsWith(year)).reduce((s, r) => s + Number(r.value), 0);
    expect(total('homicide', '2019')).toBe(FACTS.homicide[2019]);
    expect(total('homicide', '2022')).toBe(FACTS.homicide[2022]);
    expect(total('traffic_deaths', '2019')).toBe(FACTS.traffic_deaths[2019]);
    expect(total('traffic_deaths', '2022')).toBe(FACTS.traffic_deaths[2022]);
    expect((1 - total('homicide', '2022') / total('homicide', '2019')) * 100).toBeCloseTo(30, 0);
    expect(((1 - total('traffic_deaths', '2022') / total('traffic_deaths', '2019')) * 100).toFixed(2)).toBe('36.11');
  });

  it('marks the latest month\'s fire loss as provisional (初步)', () => {
    const last = sample.get('SYNTHETIC-2025-10.csv') ?? [];
    expect(last.filter((r) => r.code === 'fire_loss').every((r) => r.flag === '初步')).toBe(true);
  });
});
