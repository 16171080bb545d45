/**
 * The early warning's watch list is recomputed from each release's own files
 * (inputs.csv and the framework its manifest names): those files must give
 * exactly the warnings the release published, for every month of the
 * SYNTHETIC sample, of the site tests' fixtures and of both fictional
 * examples; the list then holds the
 * in-control charts nearest their limits. A disagreement fails the build.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { latest, loadReleases } from '../src/lib/releases.ts';
import { chartReadingsCsv, releaseCharts, watchList, WATCH_COUNT } from '../src/lib/watchList.ts';
import { exampleReleases } from './exampleReleases.ts';

const root = join(import.meta.dirname, '..', '..');
const saved = { data: process.env.PINGAN_DATA_DIR, releases: process.env.PINGAN_RELEASES_DIR };
afterEach(() => {
  for (const [name, value] of [['PINGAN_DATA_DIR', saved.data], ['PINGAN_RELEASES_DIR', saved.releases]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

/** The sample's releases, the site tests' fixtures (an anomaly planted: make-fixtures.ts) on the sample's framework, or an example's. */
async function useData(name: string): Promise<void> {
  const sample = name === 'xiangtan' || name === 'fixtures';
  const data = sample ? join(root, 'data') : join(root, 'examples', name);
  process.env.PINGAN_DATA_DIR = data;
  process.env.PINGAN_RELEASES_DIR = name === 'xiangtan' ? join(data, 'releases') : name === 'fixtures' ? join(import.meta.dirname, 'fixtures', 'releases') : await exampleReleases(data);
}

describe('the watch list of the early warning', () => {
  it('reproduces every release\'s own warnings from its files, for the sample, the fixtures and both examples', async () => {
    let warned = 0;
    for (const name of ['xiangtan', 'fixtures', 'shifan-county', 'jibao-county']) {
      await useData(name);
      for (const entry of loadReleases()) {
        const recomputed = releaseCharts(entry);
        expect(recomputed, `${name} ${entry.month}`).not.toBeNull();
        warned += entry.release.uncertainty!.warnings!.outOfControl.length;
      }
    }
    // At least one published warning was reproduced field by field, not only empty lists.
    expect(warned).toBeGreaterThan(0);
  }, 240_000);

  it('lists the in-control charts nearest their limits, nearest first, none left out that is nearer', async () => {
    for (const name of ['xiangtan', 'shifan-county', 'jibao-county']) {
      await useData(name);
      const entry = latest();
      const list = watchList()!;
      expect(list.length, name).toBeGreaterThan(0);
      expect(list.length).toBeLessThanOrEqual(WATCH_COUNT);
      for (let i = 0; i < list.length; i++) {
        const { warning, share } = list[i];
        expect(share).toBeLessThan(1);
        expect(share).toBeGreaterThan(0);
        if (i > 0) expect(share).toBeLessThanOrEqual(list[i - 1].share);
        // The published text agrees with the share, to its 3 decimals.
        expect(Math.abs(Number(warning.ewma) / Number(warning.limit) - share)).toBeLessThan(0.001);
        expect(warning.history.at(-1)!.month).toBe(entry.month);
        expect(entry.release.uncertainty!.warnings!.outOfControl.some((w) => w.region === warning.region && w.indicator === warning.indicator)).toBe(false);
      }
      // Every other in-control chart of the month is no nearer its limit than the last listed.
      const { charts } = releaseCharts(entry)!;
      const listed = new Set(list.map((x) => `${x.warning.region}|${x.warning.indicator}`));
      for (const c of charts) {
        const t = c.periods.indexOf(entry.month);
        if (c.charted[t] !== 1 || c.outOfControl[t] === 1 || listed.has(`${c.unit}|${c.code}`)) continue;
        expect(c.ewma[t] / c.limit, `${name} ${c.unit} ${c.code}`).toBeLessThanOrEqual(list.at(-1)!.share);
      }
    }
  }, 240_000);

  it('offers every chart\'s reading of the month as a CSV: the release\'s warnings flagged, the watch list the nearest of the rest', async () => {
    for (const name of ['xiangtan', 'fixtures', 'shifan-county', 'jibao-county']) {
      await useData(name);
      const entry = latest();
      const warnings = entry.release.uncertainty!.warnings!;
      const csv = chartReadingsCsv()!;
      // Every one of these data sets is SYNTHETIC, and the file's name says so.
      expect(csv.file).toBe(`SYNTHETIC-charts-${entry.month}.csv`);
      expect(csv.text.startsWith('\uFEFF地区代码 region,')).toBe(true);
      expect(csv.text.endsWith('\r\n')).toBe(true);
      // Read back by papaparse, a parser other than the writer (names such as "Robbery, snatching and theft" are quoted).
      const parsed = Papa.parse<string[]>(csv.text.slice(1), { delimiter: ',', newline: '\r\n', skipEmptyLines: true });
      expect(parsed.errors).toEqual([]);
      const [header, ...rows] = parsed.data;
      expect(new Set(rows.map((r) => r.length))).toEqual(new Set([header.length]));
      const col = (label: string) => header.findIndex((h) => h.endsWith(` ${label}`));
      const [region, code, observed, expected, ewma, limit, share, out, alarm, zh] = ['region', 'code', 'observed', 'expected', 'ewma', 'limit', 'share', 'out_of_control', 'new_alarm', 'name_zh'].map(col);
      expect(rows.length, name).toBe(warnings.charted);
      const flagged = rows.filter((r) => r[out] === '1');
      expect(flagged.map((r) => [r[region], r[code], r[observed], r[expected], r[ewma], r[limit], r[alarm] === '1']), name).toEqual(
        warnings.outOfControl.map((w) => [w.region, w.indicator, w.observed, w.expected, w.ewma, w.limit, w.newAlarm]),
      );
      for (const r of rows) {
        expect(r[zh], `${name} ${r[code]}`).not.toBe('');
        expect(Math.abs(Number(r[share]) - Number(r[ewma]) / Number(r[limit])), `${name} ${r[region]} ${r[code]}`).toBeLessThan(0.002);
        expect(Number(r[share]) > 1, `${name} ${r[region]} ${r[code]}`).toBe(r[out] === '1');
      }
      // The watch list is the nearest of the rows in control, in the same order.
      const inControl = rows.filter((r) => r[out] === '0' && Number(r[ewma]) > 0).sort((a, b) => Number(b[share]) - Number(a[share]));
      expect(watchList()!.map((x) => x.warning.ewma), name).toEqual(inControl.slice(0, WATCH_COUNT).map((r) => r[ewma]));
    }
  }, 240_000);

  it('fails, naming the release, when its files do not give its warnings or its framework has changed', async () => {
    await useData('shifan-county');
    const entry = loadReleases().find((m) => m.release.uncertainty!.warnings!.outOfControl.length > 0)!;
    const warnings = entry.release.uncertainty!.warnings!;
    const altered = { ...entry, release: { ...entry.release, uncertainty: { ...entry.release.uncertainty!, warnings: { ...warnings, outOfControl: warnings.outOfControl.map((w) => ({ ...w, ewma: '9.999' })) } } } };
    expect(() => releaseCharts(altered)).toThrow(new RegExp(`recomputed from ${entry.month}/r${entry.manifest.revision}/inputs\\.csv .* do not reproduce the release's early warning`));
    const charted = { ...entry, release: { ...entry.release, uncertainty: { ...entry.release.uncertainty!, warnings: { ...warnings, charted: warnings.charted + 1 } } } };
    expect(() => releaseCharts(charted)).toThrow(/do not reproduce/);

    // The example's data folder with its framework edited after the releases.
    const data = mkdtempSync(join(tmpdir(), 'pingan-watch-'));
    cpSync(process.env.PINGAN_DATA_DIR!, data, { recursive: true });
    const file = join(data, entry.manifest.framework.file!);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n$/, '\n\n'));
    process.env.PINGAN_DATA_DIR = data;
    expect(() => releaseCharts(entry)).toThrow(new RegExp(`${entry.manifest.framework.file} has changed since release ${entry.month}/r${entry.manifest.revision}`));
  }, 240_000);
});
