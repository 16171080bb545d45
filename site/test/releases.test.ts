import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cityCode, latest, loadReleases, movers, ranking, region, trend } from '../src/lib/releases.ts';

const fixtures = join(import.meta.dirname, 'fixtures', 'releases');
const saved = process.env.PINGAN_RELEASES_DIR;
afterEach(() => {
  process.env.PINGAN_RELEASES_DIR = saved;
});

describe('release loader', () => {
  it('fails with a clear message when there are no releases (never falls back to fixtures)', () => {
    process.env.PINGAN_RELEASES_DIR = join(tmpdir(), 'pingan-no-such-releases');
    expect(() => loadReleases()).toThrow(/no releases folder .*pingan release/s);
    process.env.PINGAN_RELEASES_DIR = mkdtempSync(join(tmpdir(), 'pingan-empty-'));
    expect(() => loadReleases()).toThrow(/holds no release/);
  });

  it('reads every month at its latest revision and lists the older ones', () => {
    process.env.PINGAN_RELEASES_DIR = fixtures;
    const months = loadReleases();
    expect(months.length).toBeGreaterThanOrEqual(13);
    const revised = months.find((m) => m.revisions.length > 1)!;
    expect(revised.release.revision).toBe(revised.revisions.at(-1)!.revision);
    expect(revised.manifest.revision).toBe(revised.release.revision);
    expect(revised.revisions.at(-1)!.changes.length).toBeGreaterThan(0);
    const raw = JSON.parse(readFileSync(join(revised.dir, 'release.json'), 'utf8'));
    expect(region(revised.release, cityCode()).index.value).toBe(raw.regions[0].aggregates[0].value);
  });

  it('gives ranking, movers whose contributions add up, and the trend', () => {
    process.env.PINGAN_RELEASES_DIR = fixtures;
    const m = latest();
    const city = region(m.release, cityCode());
    const r = ranking(m.release);
    expect(r).toHaveLength(5);
    for (let i = 1; i < r.length; i++) expect(Number(r[i - 1].index.value)).toBeGreaterThanOrEqual(Number(r[i].index.value));
    const sum = Object.values(city.index.mom!.contributions).reduce((a, b) => a + Math.round(Number(b) * 100), 0);
    expect(sum).toBe(Math.round(Number(city.index.mom!.change) * 100));
    const top = movers(city.index.mom);
    expect(top.length).toBeLessThanOrEqual(3);
    const t = trend(cityCode(), m.month);
    expect(t.at(-1)!.index).toBe(city.index.value);
    expect(t.length).toBeLessThanOrEqual(24);
  });
});
