/**
 * A quarterly index end to end: the fictional examples/jibao-county (季报县,
 * SYNTHETIC data, publication.json `"periods": "quarterly"`). Its input
 * files are headed 季度 and hold `YYYY-Qn`; validate, compute, release and
 * warnings work on quarters; releases are written to `YYYY-Qn/rN/`; the
 * changes are against the previous quarter and the same quarter a year
 * before; the next release follows the calendar's standing rule counted from
 * the quarter's last month. Figures are checked against hand computations
 * from the input files.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateFromConfiguration } from '../../../scripts/syntheticFromConfiguration.ts';
import { cli, cliWithLocale, tree } from './helpers.ts';

const EXAMPLE = resolve(dirname(fileURLToPath(import.meta.url)), '../../../examples/jibao-county');
const TODAY = '2026-12-01';

/** A copy of the example without its releases. */
function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pingan-jibao-'));
  for (const part of ['framework', 'input', 'publication.json', 'regions.csv', 'population.csv', 'vehicles.csv', 'synthetic.json']) cpSync(join(EXAMPLE, part), join(dir, part), { recursive: true });
  return dir;
}

/** The example's input rows, parsed by hand (UTF-8 with BOM, CRLF, Chinese headers), by `region quarter code`. */
function inputValues(): Map<string, string> {
  const values = new Map<string, string>();
  for (const name of readdirSync(join(EXAMPLE, 'input')).filter((n) => n.endsWith('.csv'))) {
    const lines = readFileSync(join(EXAMPLE, 'input', name), 'utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('地区代码,季度,指标代码,数值,标记');
    for (const line of lines.slice(1)) {
      const [region, quarter, code, value] = line.split(',');
      expect(quarter).toMatch(/^\d{4}-Q[1-4]$/);
      values.set(`${region} ${quarter} ${code}`, value);
    }
  }
  return values;
}

/** An annual denominator file, by hand: `region year` → value. */
function denominator(file: string): Map<string, number> {
  const lines = readFileSync(join(EXAMPLE, file), 'utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
  return new Map(lines.slice(1).map((l) => l.split(',')).map(([region, year, value]) => [`${region} ${year}`, Number(value)]));
}

interface Release {
  month: string;
  regions: { code: string; aggregates: { code: string; value: string | null; change: { mom: string | null; yoy: string | null } }[]; indicators: { code: string; rate: string | null; raw: string | null; flags: string[] }[] }[];
}
const releaseOf = (out: string, quarter: string) => JSON.parse(readFileSync(join(out, quarter, 'r1', 'release.json'), 'utf8')) as Release;
const manifestOf = (out: string, quarter: string) => JSON.parse(readFileSync(join(out, quarter, 'r1', 'manifest.json'), 'utf8')) as { month: string; nextRelease: string | null; months: { from: string; to: string } };
const round2 = (x: number) => (Math.round(x * 100 + 1e-9) / 100).toFixed(2);
const minus = (a: string, b: string) => (Math.round(Number(a) * 100) - Math.round(Number(b) * 100)) / 100;

describe('a quarterly index: examples/jibao-county', () => {
  it('is what the generator makes from its configuration, byte for byte, one file per quarter', () => {
    const out = mkdtempSync(join(tmpdir(), 'pingan-jibao-gen-'));
    const files = generateFromConfiguration(EXAMPLE, out);
    // 2021-Q1 to 2025-Q3: 4 × 4 + 3 quarters, and the two denominator files.
    expect(files.length).toBe(2 + 19);
    for (const file of files) expect(readFileSync(join(out, file)).equals(readFileSync(join(EXAMPLE, file))), file).toBe(true);
    expect(readdirSync(join(EXAMPLE, 'input')).filter((n) => n.endsWith('.csv')).map((n) => `input/${n}`)).toEqual(files.filter((f) => f.startsWith('input/')));
    expect(files).toContain('input/SYNTHETIC-2025-Q3.csv');
    const publication = JSON.parse(readFileSync(join(EXAMPLE, 'publication.json'), 'utf8')) as { synthetic: boolean; periods: string; name: { zh: string; en: string } };
    expect(publication.periods).toBe('quarterly');
    expect(publication.synthetic).toBe(true);
    expect(publication.name.zh).toContain('虚构');
    expect(publication.name.en).toContain('fictional');
  });

  it('validates, computes and releases every quarter into YYYY-Qn/rN/, byte-identically twice', () => {
    const data = copy();
    const validate = cli(['validate', '--data', data, '--today', TODAY]);
    expect(validate.stderr).toBe('');
    expect(validate.code).toBe(0);
    // Windows of 4 quarters: the first index is the fourth quarter of data.
    expect(validate.stdout).toContain('2021-Q1 to 2025-Q3; an index for 2021-Q4 to 2025-Q3');

    const compute = cli(['compute', '--data', data, '--today', TODAY]);
    expect(compute.code).toBe(0);
    expect(compute.stdout).toContain('· 2025-Q3 ·');
    expect(compute.stdout).toMatch(/QoQ +YoY \(same quarter\)/);
    // In Chinese the same columns read 环比 and 同比, as for a monthly index.
    const computeZh = cliWithLocale(['compute', '--data', data, '--today', TODAY], { LANG: 'zh_CN.UTF-8' });
    expect(computeZh.stdout).toMatch(/环比 +同比/);
    expect(computeZh.stdout).not.toMatch(/QoQ|MoM/);

    const out = join(data, 'releases');
    const release = cli(['release', '--all', '--data', data, '--today', TODAY]);
    // Only the latest quarter's successor is announced in the calendar; the others' nextRelease is null, and it says so.
    expect(release.stderr).toContain('no release date after 2021-Q4 … 2025-Q2 (15 quarters)');
    expect(release.code).toBe(0);
    const folders = readdirSync(out).filter((n) => n !== 'chain.json').sort();
    expect(folders).toEqual(['2021-Q4', '2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4', '2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3']);
    const first = tree(out);
    expect(cli(['verify', '--data', data]).code).toBe(0);
    // A second run changes nothing; a fresh run from the same inputs writes the same bytes.
    expect(cli(['release', '--all', '--data', data, '--today', TODAY]).code).toBe(0);
    expect(tree(out)).toEqual(first);
    rmSync(out, { recursive: true });
    expect(cli(['release', '--all', '--data', data, '--today', TODAY]).code).toBe(0);
    expect(tree(out)).toEqual(first);

    // Period fields hold the quarter; the inputs read start at the first quarter.
    const manifest = manifestOf(out, '2025-Q3');
    expect(manifest.month).toBe('2025-Q3');
    expect(manifest.months).toEqual({ from: '2021-Q1', to: '2025-Q3' });
    // The calendar announces 2025-Q4 for 2027-01-20 (its publisher's day); an earlier quarter's next one is not announced.
    expect(manifest.nextRelease).toBe('2027-01-20');
    expect(manifestOf(out, '2024-Q4').nextRelease).toBeNull();
    expect(readFileSync(join(out, '2025-Q3', 'r1', 'inputs.csv'), 'utf8').split('\n')[1]).toMatch(/^980100,2021-Q1,/);

    // Changes: against the previous quarter (环比) and the same quarter a year before (同比).
    const now = releaseOf(out, '2025-Q3');
    const previous = releaseOf(out, '2025-Q2');
    const yearAgo = releaseOf(out, '2024-Q3');
    expect(now.month).toBe('2025-Q3');
    for (const [r, region] of now.regions.entries()) {
      for (const [k, a] of region.aggregates.entries()) {
        const before = previous.regions[r].aggregates[k].value!;
        const lastYear = yearAgo.regions[r].aggregates[k].value!;
        expect(Number(a.change.mom), `${region.code} ${a.code} mom`).toBeCloseTo(minus(a.value!, before), 9);
        expect(Number(a.change.yoy), `${region.code} ${a.code} yoy`).toBeCloseTo(minus(a.value!, lastYear), 9);
      }
    }
    // The first year has no same quarter a year before.
    expect(releaseOf(out, '2021-Q4').regions[0].aggregates[0].change.yoy).toBeNull();
    expect(releaseOf(out, '2022-Q4').regions[0].aggregates[0].change.yoy).not.toBeNull();

    // Hand-worked: theft per 10,000 residents over the last 4 quarters, each quarter over its year's population.
    const values = inputValues();
    const population = denominator('population.csv');
    for (const region of ['980100', '980101', '980102']) {
      const quarters = ['2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3'];
      const rate = quarters.reduce((s, q) => s + (Number(values.get(`${region} ${q} theft`)) / population.get(`${region} ${q.slice(0, 4)}`)!) * 10000, 0);
      const theft = now.regions.find((x) => x.code === region)!.indicators.find((i) => i.code === 'theft')!;
      expect(theft.rate, region).toBe(round2(rate));
      expect(theft.raw).toBe(values.get(`${region} 2025-Q3 theft`));
    }
    // The half-yearly survey (Q2 and Q4) is carried into Q3 and flagged as imputed.
    const survey = now.regions[0].indicators.find((i) => i.code === 'sense_of_safety')!;
    expect(values.has('980100 2025-Q3 sense_of_safety')).toBe(false);
    expect(survey.raw).toBeNull();
    expect(survey.flags).toContain('imputed');
  });

  it('dates the next release by the standing rule counted from the quarter’s last month', () => {
    const data = copy();
    const publication = JSON.parse(readFileSync(join(data, 'publication.json'), 'utf8')) as { releaseCalendar: Record<string, unknown> };
    publication.releaseCalendar.regular = { day: 20, monthsAfter: 1 };
    writeFileSync(join(data, 'publication.json'), JSON.stringify(publication));
    const out = join(data, 'releases');
    expect(cli(['release', '2025-Q3', '--data', data, '--today', TODAY]).code).toBe(0);
    expect(cli(['release', '2024-Q4', '--data', data, '--today', TODAY]).code).toBe(0);
    // 2025-Q4 ends in December 2025: one month later, on the 20th. 2025-Q1 ends in March 2025.
    expect(manifestOf(out, '2025-Q3').nextRelease).toBe('2026-01-20');
    expect(manifestOf(out, '2024-Q4').nextRelease).toBe('2025-04-20');
  });

  it('lists early warnings by quarter, with three years of the same quarter as history', () => {
    const data = copy();
    const warnings = cli(['warnings', '2025-Q3', '--data', data, '--today', TODAY, '--json']);
    expect(warnings.stderr).toBe('');
    expect(warnings.code).toBe(0);
    const parsed = JSON.parse(warnings.stdout) as { month: string; charted: number };
    // 2 towns and the county × 4 counts, each charted from its 13th quarter on.
    expect(parsed.month).toBe('2025-Q3');
    expect(parsed.charted).toBe(12);
    const early = cli(['warnings', '2023-Q4', '--data', data, '--today', TODAY]);
    expect(early.code).toBe(0);
    expect(early.stdout).toContain('no chart for 2023-Q4: a chart needs 12 quarters of history (the first charted quarter is 2024-Q1)');
    expect(JSON.parse(cli(['warnings', '2023-Q4', '--data', data, '--today', TODAY, '--json']).stdout)).toMatchObject({ charted: 0, history: 12, firstCharted: '2024-Q1' });
  });

  it('refuses months where quarters are expected, and quarters not over, each with its place', () => {
    const data = copy();
    const file = join(data, 'input', 'SYNTHETIC-2025-Q3.csv');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('980100,2025-Q3,theft,', '980100,2025-09,theft,'));
    const bad = cli(['validate', '--data', data, '--today', TODAY]);
    expect(bad.code).toBe(1);
    expect(bad.stdout + bad.stderr).toContain('input/SYNTHETIC-2025-Q3.csv:2:2: malformed quarter "2025-09": expected YYYY-Qn (e.g. 2025-Q3) (publication.json says "periods": "quarterly")');
    writeFileSync(file, text);

    const early = cli(['validate', '--data', data, '--today', '2025-09-30']);
    expect(early.code).toBe(1);
    expect(early.stdout + early.stderr).toContain('input/SYNTHETIC-2025-Q3.csv:2:2: quarter 2025-Q3 is not over yet (today is 2025-09-30)');
    const over = cli(['validate', '--data', data, '--today', '2025-10-01']);
    expect(over.code).toBe(0);

    rmSync(join(data, 'input', 'SYNTHETIC-2024-Q2.csv'));
    const gap = cli(['validate', '--data', data, '--today', TODAY]);
    expect(gap.stdout + gap.stderr).toContain('quarter 2024-Q2 is missing: no input rows between 2024-Q1 and 2024-Q3');

    const usage = cli(['compute', '2025-09', '--data', copy(), '--today', TODAY]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('"2025-09" is not a quarter (expected YYYY-Qn');
  });

  it('refuses a monthly header, a monthly denominator and a survey outside its quarters', () => {
    const data = copy();
    const file = join(data, 'input', 'SYNTHETIC-2025-Q3.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('地区代码,季度,', '地区代码,月份,'));
    const publication = JSON.parse(readFileSync(join(data, 'publication.json'), 'utf8')) as { denominators: Record<string, { frequency: string }>; indicators: Record<string, { survey?: { months: number[] } }> };
    publication.denominators.vehicles.frequency = 'monthly';
    publication.indicators.sense_of_safety.survey = { months: [5, 11] };
    (publication as unknown as { releaseCalendar: { releases: { period: string }[] } }).releaseCalendar.releases[0].period = '2025-10';
    writeFileSync(join(data, 'publication.json'), JSON.stringify(publication));
    const bad = cli(['validate', '--data', data, '--today', TODAY]);
    const text = bad.stdout + bad.stderr;
    expect(bad.code).toBe(1);
    expect(text).toContain('input/SYNTHETIC-2025-Q3.csv:1:2: unknown column "月份": expected 地区代码/region, 季度/quarter, 指标代码/indicator, 数值/value, 标记/flag');
    expect(text).toContain('denominators.vehicles.frequency: a monthly denominator cannot serve quarterly periods');
    expect(text).toContain('releaseCalendar.releases.0.period: "2025-10" is not a quarter (YYYY-Qn), but "periods" is "quarterly"');
    expect(text).toContain('indicators.sense_of_safety.survey.months: with quarterly periods a survey is dated by the last month of its quarter (3, 6, 9, 12), not 5, 11');
  });
});
