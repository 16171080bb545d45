/**
 * The configuration-driven generator (scripts/syntheticFromConfiguration.ts,
 * `generate-sample-data.ts --config`): every value kind publication.json
 * declares is generated (here: amounts, as a scam's loss and a crash's
 * damage), and a configuration with mistakes gets every one of them at
 * once, each with its file and JSON path, a plain message, a non-zero exit
 * and nothing written.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigurationError, generateFromConfiguration } from './syntheticFromConfiguration.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLE = join(root, 'examples/shifan-county');
const TOTAL = '990100';
const PARTS = ['990101', '990102', '990103'];

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A copy of the fictional example's configuration (no data), with `edit` applied to its three JSON files. */
function county(edit: (files: { publication: Json; framework: Json; model: Json }) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'pingan-synthetic-'));
  for (const part of ['framework', 'publication.json', 'regions.csv', 'synthetic.json']) cpSync(join(EXAMPLE, part), join(dir, part), { recursive: true });
  const paths = { publication: join(dir, 'publication.json'), framework: join(dir, 'framework/shifan.json'), model: join(dir, 'synthetic.json') };
  const files = Object.fromEntries(Object.entries(paths).map(([k, p]) => [k, JSON.parse(readFileSync(p, 'utf8')) as Json])) as { publication: Json; framework: Json; model: Json };
  edit(files);
  for (const [k, p] of Object.entries(paths)) writeFileSync(p, JSON.stringify(files[k as keyof typeof files], null, 2));
  return dir;
}

/** An amount indicator of the framework under "perception" (weighted equally), in 10,000 yuan. */
function amountNode(code: string, denominator?: { code: string; scale: number }): Json {
  return {
    code,
    type: 'indicator',
    parent: 'perception',
    name: { zh: code, en: code },
    unit: { zh: '万元', en: '10,000 yuan' },
    direction: -1,
    ...(denominator ? { denominator, window: { periods: 12, statistic: 'sum' } } : {}),
    normalisation: { method: 'goalposts', min: 0, max: 100, scale: 100, cap: true },
  };
}

/** The input rows of a generated folder: `region month code` → value text. */
function inputValues(dir: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const name of readdirSync(join(dir, 'input')).sort()) {
    const lines = readFileSync(join(dir, 'input', name), 'utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    for (const line of lines.slice(1)) {
      const [region, month, code, value] = line.split(',');
      values.set(`${region} ${month} ${code}`, value);
    }
  }
  return values;
}

/** `pingan ARGS` from the sources, as the README's commands run it. */
function pingan(args: string[]) {
  return spawnSync(process.execPath, [join(root, 'packages/cli/bin/pingan.cjs'), ...args], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', TZ: 'UTC' } });
}

describe('generating an amount indicator', () => {
  const dir = county(({ publication, framework, model }) => {
    framework.nodes.find((n: Json) => n.code === 'perception').weighting = { method: 'equal' };
    framework.nodes.push(amountNode('scam_loss', { code: 'population', scale: 10000 }), amountNode('crash_damage'));
    publication.indicators.scam_loss = { kind: 'amount' };
    publication.indicators.crash_damage = { kind: 'amount' };
    // Its own events per year (per 10,000 people), each a loss of 1.8 (10,000 yuan) on average, in hundredths.
    model.indicators.scam_loss = { perYear: 5, meanPerEvent: 1.8, regions: { 990101: 1.2 }, trend: 0.03 };
    // The events of the crashes count, each 0.35 on average, in tenths, more per crash in the town.
    model.indicators.crash_damage = { events: 'crashes', meanPerEvent: 0.35, sigma: 0.8, decimals: 1, regions: { 990101: 1.4 } };
    model.provisionalInLastMonth.push('scam_loss');
  });

  it('writes amounts ≥ 0 with the model\'s decimals, totals that are the sums of their parts, and data pingan validates', () => {
    const files = generateFromConfiguration(dir);
    expect(files).toContain('input/SYNTHETIC-2025-09.csv');
    const values = inputValues(dir);
    const months = [...new Set([...values.keys()].map((k) => k.split(' ')[1]))];
    expect(months).toHaveLength(45);
    const units = (region: string, month: string, code: string, decimals: number) => {
      const text = values.get(`${region} ${month} ${code}`);
      expect(text, `${region} ${month} ${code}`).toMatch(decimals === 0 ? /^\d+$/ : new RegExp(`^\\d+(\\.\\d{1,${decimals}})?$`));
      return Math.round(Number(text) * 10 ** decimals);
    };
    for (const [code, decimals] of [['scam_loss', 2], ['crash_damage', 1]] as const) {
      let positive = 0;
      for (const month of months) {
        const parts = PARTS.map((r) => units(r, month, code, decimals));
        expect(units(TOTAL, month, code, decimals), `${code} ${month}`).toBe(parts.reduce((a, b) => a + b, 0));
        positive += parts.filter((u) => u > 0).length;
      }
      // Mostly non-zero, with fractions: not a count in disguise.
      expect(positive).toBeGreaterThan(months.length * 2);
      expect([...values].some(([k, v]) => k.endsWith(` ${code}`) && v.includes('.'))).toBe(true);
    }
    // A crash's damage comes with crashes: none without one.
    for (const month of months) for (const r of PARTS) if (units(r, month, 'crashes', 0) === 0) expect(units(r, month, 'crash_damage', 1)).toBe(0);
    // The flags the model asks for.
    expect(readFileSync(join(dir, 'input/SYNTHETIC-2025-09.csv'), 'utf8')).toContain('990101,2025-09,scam_loss,');
    expect(readFileSync(join(dir, 'input/SYNTHETIC-2025-09.csv'), 'utf8')).toMatch(/990101,2025-09,scam_loss,[\d.]+,初步\r\n/);

    const validate = pingan(['validate', '--data', dir]);
    expect(validate.status, `${validate.stdout}\n${validate.stderr}`).toBe(0);
  });

  it('writes the same bytes again', () => {
    const out = mkdtempSync(join(tmpdir(), 'pingan-synthetic-again-'));
    const files = generateFromConfiguration(dir, out);
    for (const file of files) expect(readFileSync(join(out, file)).equals(readFileSync(join(dir, file))), file).toBe(true);
  });
});

describe('a configuration with mistakes', () => {
  const dir = county(({ publication, framework, model }) => {
    publication.synthetic = false;
    framework.nodes.find((n: Json) => n.code === 'perception').weighting = { method: 'equal' };
    framework.nodes.push(amountNode('scam_loss', { code: 'population', scale: 10000 }));
    publication.indicators.scam_loss = { kind: 'amount' };
    model.months.from = '2022-13';
    model.indicators.theft.perYr = model.indicators.theft.perYear;
    delete model.indicators.theft.perYear;
    model.indicators.sense_of_safety.level = 956;
    delete model.denominators.vehicles.base['990103'];
    model.indicators.scam_loss = { perYear: 5 };
    model.flags[0].indicator = 'crash';
  });
  const expected = [
    ['publication.json', 'synthetic'],
    ['synthetic.json', 'months.from'],
    ['synthetic.json', 'denominators.vehicles.base.990103'],
    ['synthetic.json', 'indicators.theft.perYr'],
    ['synthetic.json', 'indicators.theft.perYear'],
    ['synthetic.json', 'indicators.sense_of_safety.level'],
    ['synthetic.json', 'indicators.scam_loss.meanPerEvent'],
    ['synthetic.json', 'flags.0.indicator'],
  ];

  it('reports every problem at once, each with its file and JSON path, and writes nothing', () => {
    let error: unknown;
    try {
      generateFromConfiguration(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const problems = (error as ConfigurationError).problems.map((p) => [p.file.slice(dir.length + 1), p.path]);
    expect(problems.sort()).toEqual([...expected].sort());
    expect(readdirSync(dir).sort()).toEqual(['framework', 'publication.json', 'regions.csv', 'synthetic.json']);
  });

  it('from the command line: a plain message listing them all, exit 1, and the output folder left as it was', () => {
    const out = mkdtempSync(join(tmpdir(), 'pingan-synthetic-out-'));
    writeFileSync(join(out, 'population.csv'), 'earlier\r\n');
    const run = spawnSync(process.execPath, ['--conditions=pingan-source', join(root, 'scripts/generate-sample-data.ts'), '--config', dir, out], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`cannot generate SYNTHETIC data for ${dir}: its configuration has ${expected.length} problems (nothing was written):`);
    for (const [file, path] of expected) expect(run.stderr).toContain(`  ${join(dir, file)}: ${path}: `);
    expect(run.stderr).toContain('indicators.sense_of_safety.level: expected a number within 0–100, found 956');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(out)).toEqual(['population.csv']);
    expect(readFileSync(join(out, 'population.csv'), 'utf8')).toBe('earlier\r\n');
  });
});
