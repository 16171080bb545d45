/**
 * A tampered release never reaches a page: the loader verifies every file
 * against its manifest and chain.json first, and the site build fails.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadReleases } from '../src/lib/releases.ts';

const fixtures = join(import.meta.dirname, 'fixtures', 'releases');
const saved = process.env.PINGAN_RELEASES_DIR;
afterEach(() => {
  process.env.PINGAN_RELEASES_DIR = saved;
});

/** A copy of the fixture releases with the city's index of the latest month changed by 10 points in release.json. */
function tampered(): { dir: string; month: string; from: string; to: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pingan-tampered-'));
  cpSync(fixtures, dir, { recursive: true });
  const month = '2025-10';
  const file = join(dir, month, 'r1', 'release.json');
  const json = JSON.parse(readFileSync(file, 'utf8'));
  const from = json.regions[0].aggregates[0].value as string;
  const to = (Number(from) + 10).toFixed(2);
  writeFileSync(file, readFileSync(file, 'utf8').replace(`"value": "${from}"`, `"value": "${to}"`));
  return { dir, month, from, to };
}

describe('the site and a tampered release', () => {
  it('the loader refuses a release.json whose SHA-256 differs from its manifest, naming the file', () => {
    const { dir } = tampered();
    process.env.PINGAN_RELEASES_DIR = dir;
    expect(() => loadReleases()).toThrow(/fail verification[\s\S]*2025-10\/r1\/release\.json: SHA-256 [0-9a-f]{12}… differs from manifest\.json's [0-9a-f]{12}… \(edited\?\)/);
  });

  it('the loader refuses a deleted revision and a rewritten manifest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pingan-tampered-'));
    cpSync(fixtures, dir, { recursive: true });
    rmSync(join(dir, '2025-09', 'r1'), { recursive: true });
    const manifest = join(dir, '2025-10', 'r1', 'manifest.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/"inputHash": "[0-9a-f]{64}"/, `"inputHash": "${'0'.repeat(64)}"`));
    process.env.PINGAN_RELEASES_DIR = dir;
    let message = '';
    try {
      loadReleases();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('2025-09/r1: r1 is in the chain but missing (deleted?)');
    expect(message).toMatch(/2025-10\/r1\/manifest\.json: SHA-256 [0-9a-f]{12}… differs from the chain's [0-9a-f]{12}… \(edited\?\)/);
  });

  it('astro build fails on it and writes no page', () => {
    const { dir, to } = tampered();
    const site = join(import.meta.dirname, '..');
    const out = mkdtempSync(join(tmpdir(), 'pingan-tampered-site-'));
    const build = spawnSync(process.execPath, [join(site, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', out], {
      cwd: site,
      encoding: 'utf8',
      env: { ...process.env, PINGAN_RELEASES_DIR: dir, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    expect(build.status).not.toBe(0);
    expect(`${build.stdout}${build.stderr}`).toContain('2025-10/r1/release.json: SHA-256');
    const pages = spawnSync('grep', ['-rl', '--include=*.html', to, out], { encoding: 'utf8' });
    expect(pages.stdout).toBe('');
  });
});
