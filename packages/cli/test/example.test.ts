/**
 * The fictional second example, examples/shifan-county (示范县, SYNTHETIC
 * data): nothing of Xiangtan is wired into the CLI. Its data are what the
 * generator makes from its configuration; validate, compute and release work
 * on it; its traffic rates are per 10,000 vehicles, its survey is quarterly,
 * its flags are its own words, and its AHP weights at two levels give the
 * published aggregates (checked against a hand computation).
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateFromConfiguration } from '../../../scripts/syntheticFromConfiguration.ts';
import { cli, tree } from './helpers.ts';

const EXAMPLE = resolve(dirname(fileURLToPath(import.meta.url)), '../../../examples/shifan-county');
const TODAY = '2026-12-01';

/** A copy of the example without its releases. */
function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pingan-shifan-'));
  for (const part of ['framework', 'input', 'publication.json', 'regions.csv', 'population.csv', 'vehicles.csv', 'synthetic.json']) cpSync(join(EXAMPLE, part), join(dir, part), { recursive: true });
  return dir;
}

/** The example's input rows, parsed by hand (UTF-8 with BOM, CRLF, Chinese headers). */
function inputRows(): { region: string; month: string; code: string; value: string }[] {
  const rows: { region: string; month: string; code: string; value: string }[] = [];
  for (const name of readdirSync(join(EXAMPLE, 'input')).filter((n) => n.endsWith('.csv'))) {
    const lines = readFileSync(join(EXAMPLE, 'input', name), 'utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('地区代码,月份,指标代码,数值,标记');
    for (const line of lines.slice(1)) {
      const [region, month, code, value] = line.split(',');
      rows.push({ region, month, code, value });
    }
  }
  return rows;
}

/** An annual denominator file, by hand: `region year` → value. */
function denominator(file: string): Map<string, number> {
  const lines = readFileSync(join(EXAMPLE, file), 'utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
  expect(lines[0].startsWith('地区代码,年份,')).toBe(true);
  return new Map(lines.slice(1).map((l) => l.split(',')).map(([region, year, value]) => [`${region} ${year}`, Number(value)]));
}

/** The principal eigenvector of a pairwise comparison matrix by power iteration, normalised to sum 1 (Saaty's AHP weights). */
function ahpWeights(matrix: number[][]): number[] {
  let w = matrix.map(() => 1 / matrix.length);
  for (let k = 0; k < 200; k++) {
    const next = matrix.map((row) => row.reduce((s, a, j) => s + a * w[j], 0));
    const sum = next.reduce((a, b) => a + b, 0);
    w = next.map((x) => x / sum);
  }
  return w;
}

describe('the fictional example examples/shifan-county', () => {
  it('is what the generator makes from its configuration, byte for byte', () => {
    const out = mkdtempSync(join(tmpdir(), 'pingan-shifan-gen-'));
    const files = generateFromConfiguration(EXAMPLE, out);
    expect(files.length).toBe(2 + 45);
    for (const file of files) expect(readFileSync(join(out, file)).equals(readFileSync(join(EXAMPLE, file))), file).toBe(true);
    // Every input file of the example is one the generator writes: nothing was edited by hand.
    expect(readdirSync(join(EXAMPLE, 'input')).filter((n) => n.endsWith('.csv')).map((n) => `input/${n}`)).toEqual(files.filter((f) => f.startsWith('input/')));
  });

  it('says it is fictional and SYNTHETIC in its configuration, files and releases', () => {
    const publication = JSON.parse(readFileSync(join(EXAMPLE, 'publication.json'), 'utf8')) as { synthetic: boolean; name: { zh: string; en: string }; map: unknown };
    expect(publication.synthetic).toBe(true);
    expect(publication.name.zh).toContain('虚构');
    expect(publication.name.en).toContain('fictional');
    expect(publication.map).toBeNull();
    for (const file of ['population.csv', 'vehicles.csv']) expect(readFileSync(join(EXAMPLE, file), 'utf8')).toContain('SYNTHETIC');
    expect(readdirSync(join(EXAMPLE, 'input')).filter((n) => n.endsWith('.csv')).every((n) => n.startsWith('SYNTHETIC-'))).toBe(true);
    expect(readFileSync(join(EXAMPLE, 'README.md'), 'utf8')).toMatch(/SYNTHETIC/);
  });

  it('validates, computes and releases every month, byte-identically twice', () => {
    const validate = cli(['validate', '--data', EXAMPLE, '--today', TODAY]);
    expect(validate.stdout).toBe('ok: 45 input files, 960 rows, 4 regions, 2022-01 to 2025-09; an index for 2022-12 to 2025-09\n');
    expect(validate.code).toBe(0);
    const a = mkdtempSync(join(tmpdir(), 'pingan-shifan-a-'));
    const b = mkdtempSync(join(tmpdir(), 'pingan-shifan-b-'));
    const first = cli(['release', '--all', '--data', EXAMPLE, '--out', a, '--today', TODAY]);
    expect(first.code).toBe(0);
    // The calendar announces no date for the history's months: the manifests say null, and the run says so.
    expect(first.stderr).toContain('no release date after 2022-12 … 2025-08 (33 months)');
    expect(cli(['release', '--all', '--data', EXAMPLE, '--out', b, '--today', TODAY]).code).toBe(0);
    const ta = tree(a);
    const tb = tree(b);
    expect([...ta.keys()]).toEqual([...tb.keys()]);
    for (const [path, bytes] of ta) expect(bytes.equals(tb.get(path)!), path).toBe(true);
    expect(ta.has('2022-12/r1/release.json')).toBe(true);
    expect(ta.has('2025-09/r1/release.json')).toBe(true);
    const last = JSON.parse(ta.get('2025-09/r1/manifest.json')!.toString()) as { nextRelease: string | null; reference: { file: string }[] };
    expect(last.nextRelease).toBe('2026-12-21');
    expect(last.reference.map((f) => f.file)).toEqual(['framework/shifan.json', 'regions.csv', 'population.csv', 'vehicles.csv']);
    expect((JSON.parse(ta.get('2025-08/r1/manifest.json')!.toString()) as { nextRelease: string | null }).nextRelease).toBeNull();
    expect(ta.get('2025-09/r1/inputs.csv')!.toString()).toContain('990103,2025-09,vehicles,7900,');
    expect(cli(['verify', '--out', a]).code).toBe(0);
  }, 300_000);

  it('rates road crashes per 10,000 vehicles and theft per 10,000 residents over 12 months (by hand)', () => {
    const computed = cli(['compute', '2025-09', '--data', EXAMPLE, '--today', TODAY, '--json']);
    expect(computed.code).toBe(0);
    const month = JSON.parse(computed.stdout) as {
      note: string;
      regions: { code: string; aggregates: { code: string; value: string }[]; indicators: { code: string; rate: string; score: string }[] }[];
    };
    expect(month.note).toMatch(/SYNTHETIC/);
    expect(month.regions.map((r) => r.code)).toEqual(['990100', '990101', '990102', '990103']);
    const rows = inputRows();
    const vehicles = denominator('vehicles.csv');
    const population = denominator('population.csv');
    const window = Array.from({ length: 12 }, (_, i) => {
      const n = 2025 * 12 + 8 - i;
      return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
    });
    const rate = (region: string, code: string, per: Map<string, number>) =>
      window.reduce((sum, m) => sum + Number(rows.find((r) => r.region === region && r.month === m && r.code === code)!.value) / per.get(`${region} ${m.slice(0, 4)}`)! * 10000, 0);
    for (const region of month.regions) {
      const published = (code: string) => Number(region.indicators.find((i) => i.code === code)!.rate);
      expect(published('crashes')).toBeCloseTo(rate(region.code, 'crashes', vehicles), 2);
      expect(published('traffic_deaths')).toBeCloseTo(rate(region.code, 'traffic_deaths', vehicles), 2);
      expect(published('theft')).toBeCloseTo(rate(region.code, 'theft', population), 2);
    }
  });

  it('weighs by AHP at two levels: the index over its groups, public order over its indicators (by hand)', () => {
    const framework = JSON.parse(readFileSync(join(EXAMPLE, 'framework/shifan.json'), 'utf8')) as { nodes: { code: string; weighting?: { method: string; order: string[]; matrix: number[][] } }[] };
    const ahp = (code: string) => framework.nodes.find((n) => n.code === code)!.weighting!;
    const computed = cli(['compute', '2025-09', '--data', EXAMPLE, '--today', TODAY, '--json']);
    const month = JSON.parse(computed.stdout) as { regions: { aggregates: { code: string; value: string }[]; indicators: { code: string; score: string }[] }[] };
    for (const level of ['index', 'order']) {
      const { order, matrix } = ahp(level);
      expect(ahp(level).method).toBe('ahp');
      const w = ahpWeights(matrix);
      for (const region of month.regions) {
        const part = (code: string) => Number(region.aggregates.find((a) => a.code === code)?.value ?? region.indicators.find((i) => i.code === code)!.score);
        const byHand = order.reduce((s, code, i) => s + w[i] * part(code), 0);
        // The published parts are rounded to 2 decimals: the hand figure from them agrees within their rounding.
        expect(Math.abs(Number(region.aggregates.find((a) => a.code === level)!.value) - byHand)).toBeLessThan(0.011);
      }
    }
  });

  it('takes a survey only in March, June, September and December, and only its own flag words', () => {
    const dir = copy();
    writeFileSync(join(dir, 'input', 'late.csv'), '地区代码,月份,指标代码,数值,标记\n990102,2025-08,sense_of_safety,97.1,\n990101,2025-08,theft,3,估计\n');
    const validate = cli(['validate', '--data', dir, '--today', TODAY]);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain('input/late.csv:3:5: unknown flag "估计": expected empty, 估算/estimated or 初步/provisional');
    expect(validate.stdout).toContain('input/late.csv:2:4: sense_of_safety is a survey collected in months 3, 6, 9, 12 (publication.json); 2025-08 is not one of them');
  });
});
