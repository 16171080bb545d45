/**
 * The site build (site/scripts/build.ts, `pnpm build` and the example
 * builds) builds into a temporary folder beside its output folder and
 * replaces the output folder only when the build succeeds: a failed build
 * leaves the previous site byte for byte and exits non-zero.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildInto } from '../site/scripts/build.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Every file below a folder (path relative to it, with its text), in a stable order. */
function tree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path, 'latin1'));
    }
  };
  walk(dir);
  return files;
}

/** A previous site: an output folder `dist` with a few files, in a folder of its own. */
function previousSite(parent = mkdtempSync(join(tmpdir(), 'pingan-site-build-'))): string {
  const out = join(parent, 'dist');
  mkdirSync(join(out, '2025', '09'), { recursive: true });
  writeFileSync(join(out, 'index.html'), '<p>the previous site</p>');
  writeFileSync(join(out, '2025', '09', 'index.html'), '<p>September</p>');
  writeFileSync(join(out, 'favicon.svg'), '<svg/>');
  return out;
}

describe('the site build replaces its output folder only when it succeeds', () => {
  it('a build that succeeds replaces the output folder, and leaves nothing beside it', async () => {
    const out = previousSite();
    let into = '';
    const code = await buildInto(out, async (dir) => {
      into = dir;
      // The previous site is still there while the new one is built.
      expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('<p>the previous site</p>');
      mkdirSync(join(dir, '2025', '10'), { recursive: true });
      writeFileSync(join(dir, 'index.html'), '<p>the new site</p>');
      writeFileSync(join(dir, '2025', '10', 'index.html'), '<p>October</p>');
      return 0;
    });
    expect(code).toBe(0);
    // Beside the output folder, named so that .gitignore's dist/ covers it.
    expect(dirname(dirname(into))).toBe(dirname(out));
    expect(into.endsWith('/dist')).toBe(true);
    expect([...tree(out)]).toEqual([['2025/10/index.html', '<p>October</p>'], ['index.html', '<p>the new site</p>']]);
    expect(readdirSync(dirname(out))).toEqual(['dist']);
  });

  it('a first build creates the output folder', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'pingan-site-build-')), 'dist-examples', 'shifan-county');
    expect(await buildInto(out, async (dir) => (mkdirSync(dir), writeFileSync(join(dir, 'index.html'), 'new'), 0))).toBe(0);
    expect([...tree(out)]).toEqual([['index.html', 'new']]);
    expect(readdirSync(dirname(out))).toEqual(['shifan-county']);
  });

  it('a build that fails half-way leaves the previous output folder byte for byte, and its exit code', async () => {
    const out = previousSite();
    const before = tree(out);
    const code = await buildInto(out, async (dir) => {
      // What a failed Astro build leaves: assets, and no pages.
      mkdirSync(join(dir, '_astro'), { recursive: true });
      writeFileSync(join(dir, 'favicon.svg'), '<svg>new</svg>');
      return 3;
    });
    expect(code).toBe(3);
    expect(tree(out)).toEqual(before);
    expect(readdirSync(dirname(out))).toEqual(['dist']);
  });

  it('a build that throws or writes nothing leaves it too', async () => {
    const out = previousSite();
    const before = tree(out);
    await expect(buildInto(out, () => Promise.reject(new Error('astro could not start')))).rejects.toThrow('astro could not start');
    expect(await buildInto(out, async () => 0)).toBe(1);
    expect(tree(out)).toEqual(before);
    expect(readdirSync(dirname(out))).toEqual(['dist']);
  });

  it('a real Astro build that fails (PINGAN_DATA_DIR without a framework) exits non-zero and leaves the previous site', () => {
    // Inside the site, as the real output folders are (Astro writes its prerender chunks inside an output folder in the project).
    const builds = join(root, 'site', 'node_modules', '.pingan-test-builds');
    mkdirSync(builds, { recursive: true });
    const out = previousSite(mkdtempSync(join(builds, 'failed-build-')));
    const before = tree(out);
    const run = spawnSync(process.execPath, [join(root, 'site/scripts/build.ts'), '--outDir', out], {
      cwd: join(root, 'site'),
      encoding: 'utf8',
      env: { ...process.env, PINGAN_DATA_DIR: 'relative/nowhere' },
    });
    expect(run.status, run.stdout + run.stderr).not.toBe(0);
    expect(run.stderr).toContain('expected one framework file');
    expect(run.stderr).toContain(`the site build failed (exit ${run.status}); ${out} is left as it was`);
    expect(tree(out)).toEqual(before);
    expect(readdirSync(dirname(out))).toEqual(['dist']);
    rmSync(dirname(out), { recursive: true });
  }, 240_000);
});
