import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setLocale } from '../src/i18n/locale.ts';
import { run } from '../src/main.ts';
import { CLI_NAME, CLI_VERSION } from '../src/version.ts';
import { BAD, dataDir, TODAY } from './helpers.ts';


function cli(args: string[], tty = false) {
  let stdout = '';
  let stderr = '';
  const code = run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stderrIsTty: tty });
  return { code, stdout, stderr };
}

describe('pingan', () => {
  it('documents the commands and exit codes', () => {
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes:');
    expect(help.stdout).toContain('3  release conflict or I/O error');
    for (const command of ['validate', 'compute', 'release']) {
      const h = cli([command, '--help']);
      expect(h.code).toBe(0);
      expect(h.stdout).toContain(`pingan ${command}`);
    }
    expect(cli([]).code).toBe(2);
    expect(cli(['--version']).stdout).toBe(`${CLI_VERSION}\n`);
  });

  it('exits 2 on usage errors', () => {
    expect(cli(['frobnicate']).code).toBe(2);
    expect(cli(['validate', '--nope']).code).toBe(2);
    expect(cli(['validate', '--all']).stderr).toContain('validate does not take --all');
    expect(cli(['compute', '2025-13']).stderr).toContain('"2025-13" is not a month');
    expect(cli(['validate', '--today', '2025-02-30']).code).toBe(2);
    expect(cli(['release', '--data', dataDir(), '--today', TODAY]).stderr).toContain('either a MONTH or --all');
    const outside = cli(['compute', '2031-01', '--data', dataDir(), '--today', TODAY, '--json']);
    expect(outside.code).toBe(2);
    expect(JSON.parse(outside.stdout)).toEqual({ ok: false, error: 'no data for 2031-01: the data covers 2024-01 to 2025-04' });
    // A month with inputs but no index (its 3-month windows not yet full) is refused alike by compute and release, not shown as a table of dashes.
    for (const command of ['compute', 'release']) {
      const early = cli([command, '2024-02', '--data', dataDir(), '--today', TODAY]);
      expect(early.code).toBe(2);
      expect(early.stdout).toBe('');
      expect(early.stderr).toContain('2024-02 has no index: the first month whose windows are full is 2024-03');
    }
  });

  it('reads the time zone alone from a publication.json with other problems, and reports those without false ones from the checks that need it', () => {
    const publication = readFileSync(join(dataDir(), 'publication.json'), 'utf8');
    const dir = dataDir({ 'publication.json': publication.replace('"kind": "amount"', '"kind": "amout"') });
    // No --today: today comes from publication.json's time zone, which is fine, so this is the data's problem (exit 1), not a usage error (exit 2).
    const run = cli(['validate', '--data', dir]);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').filter(Boolean)).toEqual([
      'publication.json: indicators.fire_loss.kind: kind must be "count" (whole, ≥ 0), "amount" (≥ 0, fractions allowed), "share-0-100", "share-0-1" or "rate" (≥ 0)',
      'publication.json: not read, so the checks that need it were not made (flags, survey months, missing rows, denominators): mend it and validate again',
      'warning: regions.csv: region 430300 (湘潭市) has no input rows: it is not published',
      `2 problems in ${dir}`,
    ]);
    // A time zone that does not exist cannot give today's date: a usage error that says so.
    const noZone = dataDir({ 'publication.json': publication.replace('"Asia/Shanghai"', '"Asia/Xiangtan"').replace('"kind": "amount"', '"kind": "amout"') });
    const zone = cli(['validate', '--data', noZone]);
    expect(zone.code).toBe(2);
    expect(zone.stderr).toContain("no --today, and the index's time zone cannot be read:");
    expect(zone.stderr).toContain('publication.json: timeZone:');
    // No data folder at all: said plainly, not as a time-zone problem.
    const missing = cli(['validate', '--data', join(dir, 'nowhere')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`pingan: no data folder at ${join(dir, 'nowhere')} (give the folder with --data)\n`);
  });

  it('validates: exit 0 with a summary, exit 1 with every problem', () => {
    expect(cli(['validate', '--data', dataDir(), '--today', TODAY])).toEqual({
      code: 0,
      stdout:
        'warning: regions.csv: region 430300 (湘潭市) has no input rows: it is not published\n' +
        'ok: 5 input files, 74 rows, 2 regions, 2024-01 to 2025-04; an index for 2024-03 to 2025-04; 1 warning (--strict makes them problems)\n',
      stderr: '',
    });
    // --strict makes the warning a problem.
    const strictDir = dataDir();
    expect(cli(['validate', '--data', strictDir, '--today', TODAY, '--strict'])).toEqual({
      code: 1,
      stdout: `regions.csv: region 430300 (湘潭市) has no input rows: it is not published (--strict)\n1 problem in ${strictDir}\n`,
      stderr: '',
    });
    const dir = dataDir({ 'input/bad.csv': readFileSync(join(BAD, 'share-101.csv')) });
    const text = cli(['validate', '--data', dir, '--today', TODAY]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('input/bad.csv:2:4: share 101 is outside 0–100\n');
    const json = cli(['validate', '--data', dir, '--today', TODAY, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).problems).toEqual([
      { file: 'input/bad.csv', line: 2, column: 4, value: '101', reason: 'share 101 is outside 0–100', message: 'input/bad.csv:2:4: share 101 is outside 0–100' },
    ]);
    const compute = cli(['compute', '--data', dir, '--today', TODAY]);
    expect(compute.code).toBe(1);
    expect(compute.stderr).toContain('input/bad.csv:2:4: share 101 is outside 0–100');
  });

  it("titles the table with the configuration's name of the index, not the framework's", () => {
    const dir = dataDir();
    const file = join(dir, 'publication.json');
    const publication = JSON.parse(readFileSync(file, 'utf8')) as { name: { zh: string; en: string } };
    writeFileSync(file, JSON.stringify({ ...publication, name: { zh: '另一个平安指数', en: 'Another safety index' } }));
    expect(cli(['compute', '--data', dir, '--today', TODAY]).stdout.split('\n')[0]).toBe('Another safety index · 2025-04 · fixture 1');
    setLocale('zh');
    expect(cli(['compute', '--data', dir, '--today', TODAY]).stdout.split('\n')[0]).toBe('另一个平安指数 · 2025-04 · fixture 1');
    setLocale(undefined);
  });

  it('computes the latest month as a table or as JSON', () => {
    const dir = dataDir();
    const table = cli(['compute', '--data', dir, '--today', TODAY]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('2025-04');
    expect(table.stdout).toContain('430302 Yuhu');
    expect(table.stdout).toMatch(/Region +Index +Band +Public order .* MoM +YoY/);
    // In the user's language (LANG): the same table with Chinese names and headings.
    setLocale('zh');
    const zh = cli(['compute', '--data', dir, '--today', TODAY]);
    setLocale(undefined);
    expect(zh.stdout).toContain('430302 雨湖区');
    expect(zh.stdout).toMatch(/地区 +指数 +等级 +治安 .* 环比 +同比/);
    expect(zh.stdout.replace(/[^\d.+-]/g, '')).toBe(table.stdout.replace(/[^\d.+-]/g, ''));
    const json = JSON.parse(cli(['compute', '2024-12', '--data', dir, '--today', TODAY, '--json']).stdout);
    expect(json.month).toBe('2024-12');
    expect(json.regions).toHaveLength(2);
    expect(json.provenance.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('releases with progress on stderr when asked (or on a terminal)', () => {
    const dir = dataDir();
    const quiet = cli(['release', '2025-03', '--data', dir, '--today', TODAY]);
    expect(quiet).toMatchObject({ code: 0, stderr: 'warning: regions.csv: region 430300 (湘潭市) has no input rows: it is not published\n' });
    expect(quiet.stdout).toBe(`2025-03: released r1 → ${join(dir, 'releases', '2025-03', 'r1')}\n`);
    const shown = cli(['release', '--all', '--data', dir, '--today', TODAY, '--progress']);
    expect(shown.stderr).toContain('released 16/16 … 2025-04\n');
    expect(shown.stdout).toContain('2025-03: unchanged (r1');
    const tty = cli(['release', '--all', '--data', dir, '--today', TODAY], true);
    expect(tty.stderr).toContain('\rreleased 1/16 … 2024-01');
  });

  it('exits 3 when the release cannot be written', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pingan-cli-')), 'not-a-dir');
    writeFileSync(file, 'x');
    const result = cli(['release', '2025-04', '--data', dataDir(), '--out', file, '--today', TODAY]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('cannot write');
  });

  it('keeps its version equal to package.json', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
    expect({ name: CLI_NAME, version: CLI_VERSION }).toEqual({ name: manifest.name, version: manifest.version });
  });
});
