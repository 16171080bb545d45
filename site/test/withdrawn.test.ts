/**
 * A month the data can no longer compute is withdrawn by the CLI
 * (withdrawn.json, chained); the loader reads the withdrawal after
 * verifying it, and the built month page says so in Chinese and English.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { withdrawRelease } from '../../packages/cli/src/writeRelease.ts';
import { loadReleases } from '../src/lib/releases.ts';
import { buildSite } from './server.ts';

const fixtures = join(import.meta.dirname, 'fixtures', 'releases');
const saved = process.env.PINGAN_RELEASES_DIR;
afterEach(() => {
  process.env.PINGAN_RELEASES_DIR = saved;
});

function withdrawn(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pingan-withdrawn-'));
  cpSync(fixtures, dir, { recursive: true });
  expect(withdrawRelease(dir, '2024-09', { today: '2025-12-01', reason: 'the data no longer computes 2024-09: it gives an index for 2024-10 to 2025-10' })).toBe(true);
  return dir;
}

describe('a withdrawn month', () => {
  it('is read with its withdrawal; the other months are not withdrawn', () => {
    process.env.PINGAN_RELEASES_DIR = withdrawn();
    const months = loadReleases();
    expect(months.find((m) => m.month === '2024-09')!.withdrawal).toEqual({
      month: '2024-09',
      revision: 1,
      date: '2025-12-01',
      reason: 'the data no longer computes 2024-09: it gives an index for 2024-10 to 2025-10',
    });
    expect(months.filter((m) => m.withdrawal !== null).map((m) => m.month)).toEqual(['2024-09']);
  });

  it('is marked withdrawn on its built pages (zh and en), never left looking current', () => {
    const out = buildSite('pingan-withdrawn-site-', { PINGAN_RELEASES_DIR: withdrawn() });
    const zh = readFileSync(join(out, '2024', '09', 'index.html'), 'utf8');
    const en = readFileSync(join(out, 'en', '2024', '09', 'index.html'), 'utf8');
    expect(zh).toContain('data-testid="withdrawn"');
    expect(zh).toContain('已撤回');
    expect(en).toContain('<strong>Withdrawn</strong> (2025-12-01)');
    const other = readFileSync(join(out, '2024', '10', 'index.html'), 'utf8');
    expect(other).not.toContain('data-testid="withdrawn"');
    expect(existsSync(join(out, 'index.html'))).toBe(true);
  });
});
