import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SOBOL_CONFIDENCE } from '@pingan/core';
import { runAsync, type Io } from '../src/main.ts';
import { BAD, dataDir, TODAY } from './helpers.ts';

const SMALL = ['--n', '20', '--sobol-n', '8', '--bootstrap', '10', '--today', TODAY];
const BIN = new URL('../bin/pingan.cjs', import.meta.url).pathname;

async function cli(args: string[], extra: Partial<Io> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runAsync(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stderrIsTty: false, ...extra });
  return { code, stdout, stderr };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'pingan-sens-'));
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

describe('pingan sensitivity', () => {
  const data = dataDir();

  it('writes uncertainty.csv, sensitivity.csv and sensitivity.json, byte-identical for the same inputs and seed', async () => {
    const a = tmp();
    const b = tmp();
    const first = await cli(['sensitivity', '--data', data, '--out', a, ...SMALL]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("Sobol' sensitivity");
    expect(first.stdout).toContain('normalisation: normalisation of every indicator: the framework\'s own or {"method":"minMax","lower":1,"upper":100,"scope":"panel"}');
    expect(readdirSync(a).sort()).toEqual(['sensitivity.csv', 'sensitivity.json', 'uncertainty.csv']);
    const uncertainty = read(a, 'uncertainty.csv');
    expect(uncertainty.startsWith('\uFEFFregion,month,nominal,median,p05,p95,rank_nominal,rank_median,rank_p05,rank_p95,mean_abs_rank_shift\r\n')).toBe(true);
    // 2 regions × 14 months with an index (the 3-month windows leave out the first two months).
    expect(uncertainty.trimEnd().split('\r\n')).toHaveLength(1 + 2 * 14);
    expect(uncertainty).toMatch(/\r\n430302,2024-03,\d/);
    const sensitivity = read(a, 'sensitivity.csv');
    expect(sensitivity.split('\r\n').slice(0, 4).map((l) => l.split(',')[0])).toEqual(['\uFEFFsetting', 'weights', 'aggregation', 'normalisation']);
    const json = JSON.parse(read(a, 'sensitivity.json'));
    expect(json.seed).toBe(1);
    expect(json.uncertainty.n).toBe(20);
    expect(json.uncertainty.runs).toHaveLength(20);
    expect(json.sensitivity).toMatchObject({ n: 8, runs: 8 * 5, bootstrap: 10, confidence: SOBOL_CONFIDENCE });
    // The coverage the table states is the one computed (core's one default, as the workbench shows).
    expect(first.stdout).toMatch(new RegExp(`first order \\(${SOBOL_CONFIDENCE * 100}%\\)`));
    expect(json.settings.map((s: { name: string }) => s.name)).toEqual(['weights', 'aggregation', 'normalisation']);
    expect(json.settings[0].spec).toEqual({ kind: 'noisyWeights', name: 'weights', noise: 0.25, levels: [1, 2], samples: 100, seed: 1 });
    expect(json.provenance.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(json.software.library).toMatchObject({ name: '@pingan/core' });
    expect(json.framework).toMatchObject({ id: 'fixture', file: 'framework/fixture.json' });

    // Again with progress bars (not a terminal: a line per tenth) and --json: the same bytes.
    const again = await cli(['sensitivity', '--data', data, '--out', b, ...SMALL, '--progress', '--json']);
    expect(again.code).toBe(0);
    for (const file of ['uncertainty.csv', 'sensitivity.csv', 'sensitivity.json']) expect(readFileSync(join(b, file))).toEqual(readFileSync(join(a, file)));
    expect(again.stderr).toContain('uncertainty ████████████████████ 20/20\n');
    expect(again.stderr).toContain('sensitivity ████████████████████ 40/40\n');
    expect(again.stderr).toMatch(/uncertainty █{5}░{15} 5\/20\n/);
    const json2 = JSON.parse(again.stdout);
    expect(json2.ok).toBe(true);
    expect(json2.files.map((f: { file: string }) => f.file)).toEqual(['uncertainty.csv', 'sensitivity.csv', 'sensitivity.json'].map((f) => join(b, f)));
    expect(json2.sensitivity.map((s: { setting: string }) => s.setting)).toEqual(['weights', 'aggregation', 'normalisation']);
    // Another seed (on a terminal: one bar redrawn with \r) gives other draws.
    const other = tmp();
    const tty = await cli(['sensitivity', '--data', data, '--out', other, ...SMALL, '--seed', '2'], { stderrIsTty: true });
    expect(tty.code).toBe(0);
    expect(tty.stderr).toContain('\runcertainty ████████████████████ 20/20\n');
    expect(read(other, 'sensitivity.json')).not.toBe(read(a, 'sensitivity.json'));
    expect(readdirSync(a).some((f) => f.startsWith('.tmp'))).toBe(false);
  });

  it('takes settings from a JSON file of SettingSpec', async () => {
    const dir = tmp();
    const settings = join(dir, 'settings.json');
    writeFileSync(
      settings,
      JSON.stringify([
        { kind: 'weightSets', name: 'groups', sets: [{ order: 1, fire: 1, perception: 1 }, { order: 3, fire: 1, perception: 1 }] },
        { kind: 'normalisation', alternatives: [{ method: 'minMax', lower: 1, upper: 100 }, { method: 'rank' }] },
      ]),
    );
    const out = join(dir, 'out');
    const run = await cli(['sensitivity', '--data', data, '--out', out, ...SMALL, '--settings', settings]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(read(out, 'sensitivity.json'));
    expect(json.settings.map((s: { name: string }) => s.name)).toEqual(['groups', 'normalisation']);
    expect(json.sensitivity.runs).toBe(8 * 4);

    writeFileSync(settings, JSON.stringify([{ kind: 'weightSets', sets: [{ robbery: 1 }] }]));
    const unknown = await cli(['sensitivity', '--data', data, '--out', out, ...SMALL, '--settings', settings]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(`--settings ${settings}: [0] (weightSets): weights for unknown nodes: robbery`);
    writeFileSync(settings, JSON.stringify([{ kind: 'aggregation', alternatives: [{ method: 'median' }] }]));
    expect((await cli(['sensitivity', '--data', data, '--out', out, ...SMALL, '--settings', settings])).stderr).toContain('[0] (aggregation): method:');
    writeFileSync(settings, '[{"kind": "shuffle"}]');
    expect((await cli(['sensitivity', '--data', data, '--out', out, ...SMALL, '--settings', settings])).stderr).toContain('[0].kind');
    expect((await cli(['sensitivity', '--data', data, '--out', out, ...SMALL, '--settings', join(dir, 'none.json')])).stderr).toContain('file not found');
  });

  it('exits 1 on invalid data and 2 on usage errors, writing nothing', async () => {
    const out = join(tmp(), 'out');
    const bad = dataDir({ 'input/bad.csv': readFileSync(join(BAD, 'share-101.csv')) });
    const invalid = await cli(['sensitivity', '--data', bad, '--out', out, ...SMALL]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('input/bad.csv:2:4: share 101 is outside 0–100');
    expect((await cli(['sensitivity', '--data', data, '--out', out, '--n', 'many'])).stderr).toContain('--n "many" is not a whole number of 0 or more');
    expect((await cli(['sensitivity', '--data', data, '--out', out, '--sobol-n', '1'])).code).toBe(2);
    expect((await cli(['sensitivity', '2025-01', '--data', data])).code).toBe(2);
    expect((await cli(['sensitivity', '--all'])).stderr).toContain('sensitivity does not take --all');
    expect((await cli(['sensitivity', '--help'])).stdout).toContain('min-max 1–100 over the whole panel');
    expect(existsSync(out)).toBe(false);
  });

  it('cancels on Ctrl-C: stops the worker, exits 130 and writes nothing', async () => {
    const out = join(tmp(), 'out');
    let interrupt: (() => void) | undefined;
    let unsubscribed = false;
    const onInterrupt = (handler: () => void) => {
      interrupt = handler;
      return () => {
        unsubscribed = true;
      };
    };
    const started = Date.now();
    let stderr = '';
    const code = await runAsync(['sensitivity', '--data', data, '--out', out, '--n', '100000', '--today', TODAY, '--progress'], {
      stdout: () => {},
      stderr: (t) => {
        stderr += t;
        interrupt?.();
      },
      stderrIsTty: false,
      onInterrupt,
    });
    expect(code).toBe(130);
    expect(stderr).toContain('pingan: cancelled: nothing was written');
    expect(unsubscribed).toBe(true);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(existsSync(out)).toBe(false);
  });

  it('runs through the pingan bin, where a real SIGINT cancels it', async () => {
    const out = join(tmp(), 'out');
    const child = spawn(process.execPath, [BIN, 'sensitivity', '--data', data, '--out', out, '--n', '100000', '--today', TODAY, '--progress'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (!stderr.includes('uncertainty')) setTimeout(() => child.kill('SIGINT'), 0);
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).toContain('uncertainty');
    expect(stderr).toContain('pingan: cancelled: nothing was written');
    expect(code).toBe(130);
    expect(existsSync(out)).toBe(false);
  });
});
