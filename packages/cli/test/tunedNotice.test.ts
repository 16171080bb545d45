import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { frameworkHash, frameworkToJson, reviseNodes } from '@pingan/core';
import { describe, expect, it } from 'vitest';
import { loadData } from '../src/index.ts';
import { run } from '../src/main.ts';
import { dataDir, TODAY } from './helpers.ts';

function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stderrIsTty: false });
  return { code, stdout, stderr };
}

describe('computing with a tuned framework', () => {
  const data = dataDir();
  const official = loadData(data, TODAY).framework!;
  const dir = mkdtempSync(join(tmpdir(), 'pingan-tuned-'));
  const doc = frameworkToJson(reviseNodes(official, { order: { weight: 2 } }));
  const tunedFile = join(dir, 'tuned.json');
  writeFileSync(
    tunedFile,
    JSON.stringify({
      ...doc,
      id: `${official.id}-tuned`,
      version: `${official.version}+tuned.1`,
      tuned: {
        from: { id: official.id, version: official.version, sha256: frameworkHash(official) },
        tool: 'test',
        changes: [{ path: 'nodes.order.weight', official: String(official.byCode.get('order')!.weight), tuned: '2' }],
      },
    }),
  );
  const plainFile = join(dir, 'plain.json');
  writeFileSync(plainFile, JSON.stringify(doc));

  it('says "not the official framework", naming the base, its hash and every change, in text and JSON modes', () => {
    for (const json of [false, true]) {
      const out = cli(['compute', '--data', data, '--today', TODAY, '--framework', tunedFile, ...(json ? ['--json'] : [])]);
      expect(out.code).toBe(0);
      expect(out.stderr).toBe(
        `NOTICE: not the official framework (非正式指标体系): ${official.id}-tuned ${official.version}+tuned.1 was tuned from ${official.id} ${official.version} (sha256 ${frameworkHash(official)}); these results are not the official figures.\n` +
          `  1 change from the official framework:\n    nodes.order.weight: ${official.byCode.get('order')!.weight} → 2\n`,
      );
      if (json) expect(JSON.parse(out.stdout).framework.id).toBe(`${official.id}-tuned`);
    }
  });

  it('says nothing for the official framework or a framework without a tuning record', () => {
    expect(cli(['compute', '--data', data, '--today', TODAY]).stderr).toBe('');
    expect(cli(['compute', '--data', data, '--today', TODAY, '--framework', plainFile]).stderr).toBe('');
  });
});
