import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIndex, frameworkToJson, panelFromObservations, reviseNodes } from '@pingan/core';
import { describe, expect, it } from 'vitest';
import { loadData, denominatorObservations } from '../src/index.ts';
import { run } from '../src/main.ts';
import { dataDir, TODAY } from './helpers.ts';

function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stderrIsTty: false });
  return { code, stdout, stderr };
}

describe('--framework FILE', () => {
  const data = dataDir();
  const valid = loadData(data, TODAY);
  const framework = valid.framework!;
  const tuned = reviseNodes(framework, { order: { weight: 1 }, fire: { weight: 3 }, injury: { weight: 2 } });
  const dir = mkdtempSync(join(tmpdir(), 'pingan-fw-'));
  const exported = join(dir, 'workbench-export.json');
  writeFileSync(exported, JSON.stringify(frameworkToJson(tuned)));

  it('computes with a framework exported from the workbench, as the library does directly', () => {
    const out = cli(['compute', '--data', data, '--today', TODAY, '--framework', exported, '--json']);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const published = JSON.parse(out.stdout);
    const observations = [...valid.observations, ...denominatorObservations(valid, valid.months)];
    const direct = buildIndex(tuned, panelFromObservations(tuned, observations, { units: valid.units, periods: valid.months })).aggregated;
    const last = valid.months.length - 1;
    const index = direct.codes.indexOf('index');
    for (const [u, unit] of direct.units.entries()) {
      const region = published.regions.find((r: { code: string }) => r.code === unit);
      const value = Number(region.aggregates[0].value);
      expect(value).toBeCloseTo(direct.values[(last * direct.units.length + u) * direct.codes.length + index], 2);
    }
    // The weights made a difference.
    const plain = JSON.parse(cli(['compute', '--data', data, '--today', TODAY, '--json']).stdout);
    expect(plain.regions[0].aggregates[0].value).not.toBe(published.regions[0].aggregates[0].value);
    expect(cli(['validate', '--data', data, '--today', TODAY, '--framework', exported]).code).toBe(0);
  });

  it('records the file name and hash in release manifests', () => {
    const releases = join(dir, 'releases');
    const out = cli(['release', '2025-04', '--data', data, '--today', TODAY, '--framework', exported, '--out', releases]);
    expect(out.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(releases, '2025-04', 'r1', 'manifest.json'), 'utf8'));
    const sha256 = createHash('sha256').update(readFileSync(exported)).digest('hex');
    expect(manifest.framework).toEqual({ id: 'fixture', version: '1', file: 'workbench-export.json', sha256 });
    expect(manifest.reference[0]).toEqual({ file: 'workbench-export.json', sha256 });
    // The default framework again: a new revision, "framework" changed.
    const back = cli(['release', '2025-04', '--data', data, '--today', TODAY, '--out', releases]);
    expect(back.stdout).toContain('revised r2');
    const r2 = JSON.parse(readFileSync(join(releases, '2025-04', 'r2', 'manifest.json'), 'utf8'));
    expect(r2.framework.file).toBe('framework/fixture.json');
    expect(r2.changed).toContain('framework');
  });

  it('reports problems in the file with its name and the path inside it', () => {
    const bad = join(dir, 'bad.json');
    const doc = frameworkToJson(framework) as unknown as { nodes: Record<string, unknown>[] };
    doc.nodes[4] = { ...doc.nodes[4], weight: -1 };
    writeFileSync(bad, JSON.stringify(doc));
    const out = cli(['compute', '--data', data, '--today', TODAY, '--framework', bad]);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(new RegExp(`${bad.replaceAll('\\', '\\\\')}: nodes\\[4\\] \\(injury\\)\\.weight: `));
    const missing = cli(['validate', '--data', data, '--today', TODAY, '--framework', join(dir, 'none.json'), '--json']);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout).problems[0]).toMatchObject({ file: join(dir, 'none.json'), reason: 'framework file not found' });
    writeFileSync(bad, '{"id": ');
    expect(cli(['validate', '--data', data, '--today', TODAY, '--framework', bad]).stdout).toContain(`${bad}:1:7: the text ends too soon: a closing }, ] or " is missing`);
  });
});
