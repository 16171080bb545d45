/**
 * `pingan warnings MONTH`: the month's out-of-control indicators, on the
 * SYNTHETIC sample data (in control: no warning) and on a copy in which
 * Yuhu's fires are raised for three months (a warning).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { setLocale } from '../src/i18n/locale.ts';
import { run } from '../src/main.ts';

const DATA = resolve(dirname(fileURLToPath(import.meta.url)), '../../../data');
const TODAY = '2025-11-20';

function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stderrIsTty: false });
  return { code, stdout, stderr };
}

/** A copy of data/ (without releases) with Yuhu's fires multiplied by `factor` in the given months. */
function raisedFires(months: readonly string[], factor: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'pingan-warnings-'));
  for (const part of ['framework', 'input', 'regions.csv', 'population.csv', 'publication.json']) cpSync(join(DATA, part), join(dir, part), { recursive: true });
  for (const month of months) {
    const file = join(dir, 'input', `SYNTHETIC-${month}.csv`);
    const text = readFileSync(file, 'utf8').replace(/^(430302,\d{4}-\d{2},fires,)(\d+)/m, (_, head: string, n: string) => `${head}${Math.round(Number(n) * factor)}`);
    writeFileSync(file, text);
  }
  return dir;
}

describe('pingan warnings', () => {
  it('prints that nothing is out of control in the sample data, 2025-10 (the README example)', () => {
    const out = cli(['warnings', '2025-10', '--data', DATA, '--today', TODAY]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('Early warning · 2025-10');
    expect(out.stdout).toContain('in-control average run length 500 months');
    expect(out.stdout).toContain('no indicator out of control in 2025-10 (72 charts)');
  });

  it('flags the fires of Yuhu when they double for three months, in text and --json', () => {
    const dir = raisedFires(['2025-08', '2025-09', '2025-10'], 2);
    const json = cli(['warnings', '2025-10', '--data', dir, '--today', TODAY, '--json']);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as { ok: boolean; month: string; charted: number; warnings: { region: string; indicator: string; observed: number; expected: number; ewma: number; limit: number }[] };
    expect(parsed.ok).toBe(true);
    expect(parsed.charted).toBe(72);
    const fires = parsed.warnings.find((w) => w.region === '430302' && w.indicator === 'fires');
    expect(fires, JSON.stringify(parsed.warnings)).toBeDefined();
    expect(fires!.ewma).toBeGreaterThan(fires!.limit);
    expect(fires!.observed).toBeGreaterThan(fires!.expected);
    const text = cli(['warnings', '2025-10', '--data', dir, '--today', TODAY]);
    expect(text.stdout).toMatch(/430302 Yuhu District\s+fires \w/);
    expect(text.stdout).toMatch(/\d+ of 72 charts out of control/);
    setLocale('zh');
    const zh = cli(['warnings', '2025-10', '--data', dir, '--today', TODAY]);
    setLocale(undefined);
    expect(zh.stdout).toContain('预警 · 2025-10');
    expect(zh.stdout).toMatch(/430302 雨湖区\s+fires 火灾事故/);
    expect(zh.stdout).toMatch(/72 张控制图中有 \d+ 张失控/);
  });

  it('says when a month has too little history, and refuses a month without data', () => {
    const early = cli(['warnings', '2020-06', '--data', DATA, '--today', TODAY]);
    expect(early.code).toBe(0);
    expect(early.stdout).toContain('a chart needs 36 months of history (the first charted month is 2022-01)');
    const outside = cli(['warnings', '2031-01', '--data', DATA, '--today', TODAY]);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('no data for 2031-01');
    expect(cli(['warnings', '2025-13']).code).toBe(2);
    expect(cli(['warnings', '--help']).stdout).toContain('pingan warnings [MONTH]');
  });
});
