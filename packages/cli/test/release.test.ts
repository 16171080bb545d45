import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERDICT_NAMES } from '@pingan/core';
import type { ReleaseJson } from '@pingan/core/release';
import { computeIndex, loadData, releaseCommand, writeRelease, type Manifest } from '../src/index.ts';
import { dataDir, TODAY } from './helpers.ts';


/** Every file under a directory, path → bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      out.set(path.slice(dir.length + 1), readFileSync(path));
    }
  }
  return out;
}

const release = (dir: string, extra: { month?: string; all?: boolean; today?: string } = { all: true }) =>
  releaseCommand({ dataDir: dir, today: extra.today ?? TODAY, json: true, all: extra.all ?? false, ...(extra.month ? { month: extra.month } : {}) });

describe('release', () => {
  it('writes every month with an index; two runs on two copies give byte-identical files', () => {
    const a = dataDir();
    const b = dataDir();
    const first = release(a);
    expect(first.exitCode).toBe(0);
    const report = JSON.parse(first.stdout) as { releases: { month: string; status: string }[] };
    // The 3-month windows leave the first two months without an index.
    expect(report.releases.filter((r) => r.status === 'skipped').map((r) => r.month)).toEqual(['2024-01', '2024-02']);
    expect(report.releases.filter((r) => r.status === 'released')).toHaveLength(14);
    expect(release(b).exitCode).toBe(0);
    const sa = snapshot(join(a, 'releases'));
    const sb = snapshot(join(b, 'releases'));
    expect([...sa.keys()].sort()).toEqual([...sb.keys()].sort());
    for (const [file, bytes] of sa) expect(bytes.equals(sb.get(file)!), file).toBe(true);
    expect([...sa.keys()].filter((f) => f.startsWith('2025-04/')).sort()).toEqual([
      '2025-04/r1/inputs.csv',
      '2025-04/r1/manifest.json',
      '2025-04/r1/release.csv',
      '2025-04/r1/release.json',
      '2025-04/revisions.json',
    ]);
  });

  it('writes release.csv for Excel, deterministic JSON, and a manifest with hashes and dates', () => {
    const dir = dataDir();
    expect(release(dir, { month: '2025-04' }).exitCode).toBe(0);
    const r1 = join(dir, 'releases', '2025-04', 'r1');
    const csv = readFileSync(join(r1, 'release.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe(
      '地区代码 region,地区 region_zh,Region region_en,地区层级 region_level,代码 code,类型 type,层级 level,上级 parent,名称 name_zh,Name name_en,原始值 raw,比率 rate,指数或得分 value,等级 band,Band band_en,环比 change_mom,同比 change_yoy,环比贡献 contribution_mom,同比贡献 contribution_yoy,标记 flags,' +
        '下限 lower,上限 upper,环比下限 mom_lower,环比上限 mom_upper,环比判断 mom_verdict,MoM verdict mom_verdict_en,同比下限 yoy_lower,同比上限 yoy_upper,同比判断 yoy_verdict,YoY verdict yoy_verdict_en,排名 rank,排名下限 rank_lower,排名上限 rank_upper',
    );
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(text.split('\r\n')).toHaveLength(2 * 7 + 2); // header, 2 regions × (4 aggregates + 3 indicators), final empty
    const json = readFileSync(join(r1, 'release.json'), 'utf8');
    expect(json.endsWith('}\n')).toBe(true);
    expect(json).toBe(`${JSON.stringify(JSON.parse(json), null, 2)}\n`);
    const manifest = JSON.parse(readFileSync(join(r1, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest).toMatchObject({ month: '2025-04', revision: 1, date: TODAY, nextRelease: '2025-06-15', previous: null, months: { from: '2024-01', to: '2025-04' } });
    // A month reads `lookbackMonths` back at most (windows + the noise model's baseline), and never before the first month of data.
    expect(computeIndex(loadData(dir, TODAY), '2024-12').periods[0]).toBe('2024-01');
    expect(manifest.provenance.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.inputs.map((f) => f.file)).toEqual([
      'input/SYNTHETIC-2024.csv',
      'input/SYNTHETIC-2025-01.csv',
      'input/SYNTHETIC-2025-02.csv',
      'input/SYNTHETIC-2025-03.csv',
      'input/SYNTHETIC-2025-04.csv',
    ]);
    expect(manifest.framework).toMatchObject({ id: 'fixture', version: '1', file: 'framework/fixture.json' });
    expect(manifest.software.library.name).toBe('@pingan/core');
  });

  it('publishes exact decimals whose contributions add up to the published change', () => {
    const valid = loadData(dataDir(), TODAY);
    const { published } = computeIndex(valid, '2025-04');
    for (const region of published.regions) {
      const index = region.aggregates[0];
      expect(index.value).toMatch(/^\d+\.\d{2}$/);
      expect(index.band?.code).toBeDefined();
      for (const key of ['mom', 'yoy'] as const) {
        const total = region.indicators.reduce((s, i) => s + Math.round(Number(i.contribution[key]) * 100), 0);
        expect(total).toBe(Math.round(Number(index.change[key]) * 100));
      }
      const injury = region.indicators.find((i) => i.code === 'injury')!;
      expect(injury.raw).toMatch(/^\d+$/);
      expect(injury.flags).toContain('provisional');
      const survey = region.indicators.find((i) => i.code === 'sense_of_safety')!;
      expect(survey.raw).toBeNull(); // given as empty in April
      expect(survey.flags).toContain('imputed');
    }
  });

  it('carries every figure\'s interval, its changes\' verdicts, the rank intervals and the warnings (format 2), the same in release.csv', () => {
    const dir = dataDir();
    expect(release(dir, { month: '2025-04' }).exitCode).toBe(0);
    const r1 = join(dir, 'releases', '2025-04', 'r1');
    const json = JSON.parse(readFileSync(join(r1, 'release.json'), 'utf8')) as ReleaseJson;
    expect(json.format).toBe(2);
    expect(json.uncertainty).toMatchObject({ level: 0.9, draws: 1000, seed: 1, ranking: { code: 'index' } });
    expect(json.warnings?.chart).toEqual({ lambda: 0.2, limitSigmas: 2.8704, runLength: 500 });
    expect(JSON.parse(readFileSync(join(r1, 'manifest.json'), 'utf8'))).toMatchObject({ format: 2, changed: [] });
    const rows = readFileSync(join(r1, 'release.csv'), 'utf8').slice(1).split('\r\n').slice(1, -1).map((l) => l.split(','));
    for (const region of json.regions) {
      for (const node of [...region.aggregates, ...region.indicators]) {
        const u = node.uncertainty!;
        const value = 'value' in node ? node.value : node.score;
        if (value !== null) {
          // The interval holds the published value.
          expect(Number(u.interval!.lower)).toBeLessThanOrEqual(Number(value));
          expect(Number(u.interval!.upper)).toBeGreaterThanOrEqual(Number(value));
        }
        if (u.mom) {
          // The stated rule: up when the whole interval is above zero, down below, else broadly unchanged.
          const expected = Number(u.mom.lower) > 0 ? 'up' : Number(u.mom.upper) < 0 ? 'down' : 'unchanged';
          expect(u.mom.verdict).toBe(expected);
        }
        const row = rows.find((r) => r[0] === region.code && r[4] === node.code)!;
        expect(row.slice(20, 30)).toEqual([
          u.interval?.lower ?? '',
          u.interval?.upper ?? '',
          u.mom?.lower ?? '',
          u.mom?.upper ?? '',
          u.mom ? VERDICT_NAMES[u.mom.verdict].zh : '',
          u.mom ? VERDICT_NAMES[u.mom.verdict].en : '',
          u.yoy?.lower ?? '',
          u.yoy?.upper ?? '',
          u.yoy ? VERDICT_NAMES[u.yoy.verdict].zh : '',
          u.yoy ? VERDICT_NAMES[u.yoy.verdict].en : '',
        ]);
        const rank = node.code === region.aggregates[0].code ? region.rank : undefined;
        expect(row.slice(30)).toEqual(rank ? [String(rank.rank), String(rank.lower), String(rank.upper)] : ['', '', '']);
      }
    }
  });

  it('is a no-op on a re-run; editing a past month writes r2 beside an untouched r1', () => {
    const dir = dataDir();
    expect(release(dir)).toMatchObject({ exitCode: 0 });
    const before = snapshot(join(dir, 'releases'));
    const again = JSON.parse(release(dir, { all: true, today: '2025-07-21' }).stdout) as { releases: { status: string }[] };
    expect(new Set(again.releases.map((r) => r.status))).toEqual(new Set(['skipped', 'unchanged']));
    expect(snapshot(join(dir, 'releases'))).toEqual(before);

    // 430302's injury cases in 2024-11: 12 → 40.
    const file = join(dir, 'input', 'SYNTHETIC-2024.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('430302,2024-11,injury,'));
    const old = lines[at].split(',')[3];
    lines[at] = `430302,2024-11,injury,40,`;
    writeFileSync(file, lines.join('\n'));
    const out = JSON.parse(release(dir).stdout) as { releases: { month: string; status: string; revision: number }[] };
    const status = Object.fromEntries(out.releases.map((r) => [r.month, r.status]));
    // The months whose 24-month slice holds 2024-11 are revised; the months before it are unchanged.
    expect(status['2024-10']).toBe('unchanged');
    expect(status['2024-11']).toBe('revised');
    expect(status['2025-04']).toBe('revised');
    const after = snapshot(join(dir, 'releases'));
    for (const [path, bytes] of before) {
      if (!path.endsWith('revisions.json') && path !== 'chain.json') expect(after.get(path)?.equals(bytes), path).toBe(true);
    }
    // The chain only grows: its old entries are kept as they were, the revisions follow.
    const chainBefore = JSON.parse(before.get('chain.json')!.toString()) as { entries: unknown[] };
    const chainAfter = JSON.parse(after.get('chain.json')!.toString()) as { entries: { month: string; revision: number }[] };
    expect(chainAfter.entries.slice(0, chainBefore.entries.length)).toEqual(chainBefore.entries);
    expect(chainAfter.entries.slice(chainBefore.entries.length).every((e) => e.revision === 2)).toBe(true);
    const revisions = JSON.parse(readFileSync(join(dir, 'releases', '2025-04', 'revisions.json'), 'utf8'));
    expect(revisions.revisions).toHaveLength(2);
    expect(revisions.revisions[1]).toEqual({
      revision: 2,
      date: TODAY,
      previousHash: revisions.revisions[0].hash,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      changes: [{ region: '430302', indicator: 'injury', month: '2024-11', before: old, after: '40' }],
    });
    const manifest = JSON.parse(readFileSync(join(dir, 'releases', '2025-04', 'r2', 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest).toMatchObject({ revision: 2, previous: { revision: 1 }, changed: ['data'] });
    // A third run changes nothing.
    const third = snapshot(join(dir, 'releases'));
    release(dir);
    expect(snapshot(join(dir, 'releases'))).toEqual(third);
  });

  it('leaves no partial release when a run is interrupted mid-write', () => {
    const dir = dataDir();
    const out = join(dir, 'releases');
    const valid = loadData(dir, TODAY);
    const crash = (file: string) => {
      if (file === 'release.csv') throw new Error('simulated crash');
    };
    expect(() => writeRelease(computeIndex(valid, '2025-04'), { outDir: out, today: TODAY, hooks: { afterWrite: crash } })).toThrow('simulated crash');
    expect(readdirSync(out)).toEqual([]);
    // The next run writes the release as if nothing had happened.
    writeRelease(computeIndex(valid, '2025-04'), { outDir: out, today: TODAY });
    const clean = dataDir();
    writeRelease(computeIndex(loadData(clean, TODAY), '2025-04'), { outDir: join(clean, 'releases'), today: TODAY });
    const good = snapshot(out);
    expect(good).toEqual(snapshot(join(clean, 'releases')));

    // A revision interrupted just before it is renamed into place: r1 and revisions.json stay as they were.
    const file = join(dir, 'input', 'SYNTHETIC-2025-04.csv');
    const text = readFileSync(file, 'utf8').replace(/430304,2025-04,injury,\d+,/, '430304,2025-04,injury,9,');
    expect(text).toContain('430304,2025-04,injury,9,');
    writeFileSync(file, text);
    const edited = loadData(dir, TODAY);
    expect(edited.issues).toEqual([]);
    expect(() =>
      writeRelease(computeIndex(edited, '2025-04'), { outDir: out, today: TODAY, hooks: { beforeCommit: () => { throw new Error('simulated crash'); } } }),
    ).toThrow('simulated crash');
    expect(snapshot(out)).toEqual(good);
    expect(existsSync(join(out, '2025-04', 'r2'))).toBe(false);
    expect(writeRelease(computeIndex(edited, '2025-04'), { outDir: out, today: TODAY }).status).toBe('revised');
  });
});
