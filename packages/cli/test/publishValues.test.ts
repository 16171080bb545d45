import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildExact, buildIndex, exactAt, publishedAt, publishValues, roundHalfUp, selectPeriods, type IndexResult } from '@pingan/core';
import { describe, expect, it } from 'vitest';
import { nationwideFramework, nationwidePanel } from '../../core/bench/nationwidePanel.ts';
import { computeIndex, loadData } from '../src/index.ts';

/**
 * The fast exact path (`publishValues`: float64 with a per-cell bound, the
 * decimal path only where a rounding is ambiguous) against today's full
 * decimal path, byte for byte, on the committed SYNTHETIC sample releases
 * and on the SYNTHETIC nationwide panel.
 */
const DATA = resolve(dirname(fileURLToPath(import.meta.url)), '../../../data');
const TODAY = '2026-11-22';

/** Every cell of a build: the fast path's text and the full decimal path's. */
function bothPaths(result: IndexResult) {
  const exact = buildExact(result);
  const published = publishValues(result);
  const decimal = Array.from({ length: exact.values.length }, (_, i) => {
    const x = exactAt(exact.values, i);
    return x === null ? null : roundHalfUp(x, result.framework.decimals);
  });
  const fast = Array.from({ length: published.scaled.length }, (_, i) => publishedAt(published, i));
  return { published, decimal, fast };
}

interface Release {
  readonly regions: readonly {
    readonly code: string;
    readonly aggregates: readonly { code: string; value: string | null }[];
    readonly indicators: readonly { code: string; score: string | null }[];
  }[];
}

describe('publishValues equals the full decimal path, byte for byte', () => {
  it('on every committed sample release: every cell of every month read, and the values in its latest release.json', () => {
    const valid = loadData(DATA, TODAY);
    const releases = join(DATA, 'releases');
    const months = readdirSync(releases).filter((m) => /^\d{4}-\d{2}$/.test(m));
    expect(months.length).toBeGreaterThanOrEqual(70);
    let cells = 0;
    for (const month of months) {
      const computation = computeIndex(valid, month);
      const { published, decimal, fast } = bothPaths(computation.result);
      expect(fast, month).toEqual(decimal);
      cells += fast.length;
      const latest = readdirSync(join(releases, month)).filter((r) => /^r\d+$/.test(r)).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))).at(-1) as string;
      const release = JSON.parse(readFileSync(join(releases, month, latest, 'release.json'), 'utf8')) as Release;
      const p = published.periods.indexOf(month);
      const cell = (unit: string, code: string) =>
        publishedAt(published, (p * published.units.length + published.units.indexOf(unit)) * published.codes.length + published.codes.indexOf(code));
      for (const region of release.regions) {
        for (const a of region.aggregates) expect(cell(region.code, a.code), `${month}/${latest} ${region.code} ${a.code}`).toBe(a.value);
        for (const i of region.indicators) expect(cell(region.code, i.code), `${month}/${latest} ${region.code} ${i.code}`).toBe(i.score);
      }
    }
    expect(cells).toBeGreaterThan(10_000);
  }, 600_000);

  it('on the nationwide synthetic panel (2,844 units; 12 of its 120 months here, all 120 in `pnpm bench`)', () => {
    const framework = nationwideFramework('nationwide-synthetic', { zh: '合成全国面板', en: 'Synthetic nationwide panel' });
    const raw = nationwidePanel(framework);
    const result = buildIndex(framework, selectPeriods(raw, raw.periods.slice(54, 66)));
    const { published, decimal, fast } = bothPaths(result);
    expect(fast.length).toBe(2844 * 12 * 19);
    expect(fast).toEqual(decimal);
    expect(published.fallback.whole).toBeNull();
  }, 600_000);
});
