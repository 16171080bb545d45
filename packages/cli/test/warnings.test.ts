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

  it('lists the charts nearest their limits after the warnings (--near N, default 5), in text and --json', () => {
    const json = cli(['warnings', '2025-10', '--data', DATA, '--today', TODAY, '--json']);
    const parsed = JSON.parse(json.stdout) as { warnings: unknown[]; near: { region: string; indicator: string; observed: number; expected: number; ewma: number; limit: number; share: number }[] };
    expect(parsed.warnings).toEqual([]);
    expect(parsed.near).toHaveLength(5);
    for (let i = 0; i < parsed.near.length; i++) {
      const n = parsed.near[i];
      expect(n.share).toBeGreaterThan(0);
      expect(n.share).toBeLessThan(1);
      expect(Math.abs(n.ewma / n.limit - n.share)).toBeLessThan(0.002);
      if (i > 0) expect(n.share).toBeLessThanOrEqual(parsed.near[i - 1].share);
    }
    const text = cli(['warnings', '2025-10', '--data', DATA, '--today', TODAY]);
    expect(text.stdout).toContain('no indicator out of control in 2025-10 (72 charts)\n\nNearest their limits, in control:\n');
    const first = parsed.near[0];
    expect(text.stdout).toMatch(new RegExp(`${first.region} \\S.*${first.indicator} .*\\s${first.observed}\\s+${first.expected.toFixed(2)}\\s+${first.ewma.toFixed(3)}\\s+${first.limit.toFixed(3)}\\s+${Math.floor(first.share * 100)}%`));
    // More, none, and a count that is not a whole number.
    expect((JSON.parse(cli(['warnings', '2025-10', '--data', DATA, '--today', TODAY, '--json', '--near', '8']).stdout) as typeof parsed).near.slice(0, 5)).toEqual(parsed.near);
    const none = cli(['warnings', '2025-10', '--data', DATA, '--today', TODAY, '--near', '0']);
    expect(none.stdout).not.toContain('Nearest their limits');
    const bad = cli(['warnings', '2025-10', '--data', DATA, '--today', TODAY, '--near=-1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--near "-1" is not a whole number of 0 or more');
    // Without "=", parseArgs reads "-1" as another option: the message says how to write it.
    const dashed = cli(['warnings', '2025-10', '--data', DATA, '--today', TODAY, '--near', '-1']);
    expect(dashed.code).toBe(2);
    expect(dashed.stderr).toContain('option "--near" needs a value; write one that starts with "-" as --near=-…');
    // Out-of-control charts are not among the nearest: they are listed as warnings.
    const dir = raisedFires(['2025-08', '2025-09', '2025-10'], 2);
    const raised = JSON.parse(cli(['warnings', '2025-10', '--data', dir, '--today', TODAY, '--json', '--near', '72']).stdout) as { warnings: { region: string; indicator: string }[]; near: { region: string; indicator: string }[] };
    for (const w of raised.warnings) expect(raised.near.some((n) => n.region === w.region && n.indicator === w.indicator)).toBe(false);
    setLocale('zh');
    const zh = cli(['warnings', '2025-10', '--data', DATA, '--today', TODAY, '--near', '2']);
    setLocale(undefined);
    expect(zh.stdout).toContain('仍受控、最接近控制界限的指标：');
    expect(zh.stdout).toContain('占界限');
  });

  it('says when a month has too little history, and refuses a month without data', () => {
    const early = cli(['warnings', '2020-06', '--data', DATA, '--today', TODAY]);
    expect(early.code).toBe(0);
    expect(early.stdout).toContain('a chart needs 36 months of history (the first charted month is 2022-01)');
    // --json says why it charts nothing: the history a chart needs, and the first month charted.
    const earlyJson = JSON.parse(cli(['warnings', '2020-06', '--data', DATA, '--today', TODAY, '--json']).stdout) as { charted: number; history: number; firstCharted: string; warnings: unknown[] };
    expect(earlyJson).toMatchObject({ charted: 0, history: 36, firstCharted: '2022-01', warnings: [] });
    expect(JSON.parse(cli(['warnings', '2022-01', '--data', DATA, '--today', TODAY, '--json']).stdout)).toMatchObject({ charted: 72, firstCharted: '2022-01' });
    const outside = cli(['warnings', '2031-01', '--data', DATA, '--today', TODAY]);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('no data for 2031-01');
    expect(cli(['warnings', '2025-13']).code).toBe(2);
    expect(cli(['warnings', '--help']).stdout).toContain('pingan warnings [MONTH]');
  });
});
