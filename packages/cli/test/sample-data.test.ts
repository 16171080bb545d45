import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli, tree } from './helpers.ts';

/** End to end on the repository's own SYNTHETIC sample data in data/. */
const DATA = resolve(dirname(fileURLToPath(import.meta.url)), '../../../data');
const TODAY = '2026-11-22';

describe('the sample data, end to end', () => {
  it('validates, computes and releases every month from 2020-01 to 2025-10, byte-identically twice', () => {
    expect(cli(['validate', '--data', DATA, '--today', TODAY]).code).toBe(0);
    const computed = cli(['compute', '2025-10', '--data', DATA, '--today', TODAY, '--json']);
    expect(computed.code).toBe(0);
    const json = JSON.parse(computed.stdout) as { month: string };
    expect(json.month).toBe('2025-10');

    const first = mkdtempSync(join(tmpdir(), 'pingan-e2e-a-'));
    const second = mkdtempSync(join(tmpdir(), 'pingan-e2e-b-'));
    expect(cli(['release', '--all', '--data', DATA, '--out', first, '--today', TODAY]).code).toBe(0);
    expect(cli(['release', '--all', '--data', DATA, '--out', second, '--today', TODAY]).code).toBe(0);
    const a = tree(first);
    const b = tree(second);
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [path, bytes] of a) expect(bytes.equals(b.get(path) as Buffer), path).toBe(true);

    const months = new Set([...a.keys()].map((path) => path.split('/')[0]));
    for (let year = 2020; year <= 2025; year++) {
      for (let month = 1; month <= (year === 2025 ? 10 : 12); month++) {
        const m = `${year}-${String(month).padStart(2, '0')}`;
        expect(months.has(m), m).toBe(true);
        for (const file of ['release.json', 'release.csv', 'manifest.json']) expect(a.has(`${m}/r1/${file}`), `${m}/r1/${file}`).toBe(true);
      }
    }
    // A second run over the same output is a no-op.
    const again = cli(['release', '--all', '--data', DATA, '--out', first, '--today', '2027-01-01', '--json']);
    expect(again.code).toBe(0);
    const after = tree(first);
    for (const [path, bytes] of a) expect(bytes.equals(after.get(path) as Buffer), path).toBe(true);
    expect(after.size).toBe(a.size);
  }, 600_000);

  it('the last run in data/releases is exactly what the pipeline writes over the releases before it, on its date', () => {
    // The committed folder minus the revisions of its last run (the chain's
    // last entries of one date, e.g. the format-2 revisions of every month),
    // released again on that date, gives the committed folder byte for byte:
    // those revisions were written by the pipeline, not by hand, and the
    // revisions before them were left as they were.
    const committedDir = join(DATA, 'releases');
    const months = readdirSync(committedDir).filter((m) => /^\d{4}-\d{2}$/.test(m));
    expect(months.length).toBeGreaterThanOrEqual(70);
    const chain = JSON.parse(readFileSync(join(committedDir, 'chain.json'), 'utf8')) as { format: number; entries: { kind: string; month: string; revision: number; date: string }[] };
    const lastDate = chain.entries[chain.entries.length - 1].date;
    let cut = chain.entries.length;
    // One run writes at most one revision of a month, so the run ends where a month repeats
    // (two runs on one date: r3 and r4 of every month were both written on 2026-12-04).
    const inRun = new Set<string>();
    while (cut > 0 && chain.entries[cut - 1].date === lastDate && chain.entries[cut - 1].kind === 'revision' && !inRun.has(chain.entries[cut - 1].month)) inRun.add(chain.entries[--cut].month);
    const lastRun = chain.entries.slice(cut);
    expect(lastRun.length).toBeGreaterThan(0);
    const out = join(mkdtempSync(join(tmpdir(), 'pingan-e2e-c-')), 'releases');
    cpSync(committedDir, out, { recursive: true });
    for (const entry of lastRun) {
      rmSync(join(out, entry.month, `r${entry.revision}`), { recursive: true });
      if (entry.revision === 1) rmSync(join(out, entry.month), { recursive: true });
    }
    writeFileSync(join(out, 'chain.json'), `${JSON.stringify({ format: chain.format, entries: chain.entries.slice(0, cut) }, null, 2)}\n`);
    const replay = cli(['release', '--all', '--data', DATA, '--out', out, '--today', lastDate]);
    expect(replay.code, replay.stderr).toBe(0);
    const committed = tree(committedDir);
    const written = tree(out);
    expect([...written.keys()].sort()).toEqual([...committed.keys()].sort());
    for (const [path, bytes] of committed) expect(bytes.equals(written.get(path)!), path).toBe(true);
    // And the committed folder verifies against its manifests and chain.json.
    expect(cli(['verify', '--data', DATA]).code).toBe(0);
  }, 600_000);
});
