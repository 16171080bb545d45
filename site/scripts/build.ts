/**
 * The site build (`pnpm build`, `build:example`, `build:example:quarterly`):
 * `astro build` into a new temporary folder beside the output folder (Astro's
 * `--outDir`), which replaces the output folder, by renames, only when the
 * build succeeds. A failed (or interrupted) build leaves the previous site
 * exactly as it was, removes its temporary folder and exits non-zero.
 *
 *   node scripts/build.ts [--outDir DIR] [other options of astro build]
 *
 * DIR is relative to the site folder (as Astro's own `--outDir`), `dist` by
 * default. The temporary folder is `.DIR-build-XXXXXX/DIR` beside DIR (on the
 * same file system, so the swap is a rename; its last part keeps DIR's name,
 * so .gitignore's `dist/` and `dist-examples/` cover it).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';

const site = resolve(import.meta.dirname, '..');

/**
 * Runs `build` into a new folder beside `out`; when it returns 0 and wrote
 * the folder, puts that folder in place of `out` (renames: the previous `out`
 * aside, the new one in, then the previous one removed). Returns the build's
 * exit code (1 when it wrote nothing); on any failure `out` is untouched.
 */
export async function buildInto(out: string, build: (dir: string) => Promise<number>): Promise<number> {
  mkdirSync(dirname(out), { recursive: true });
  const work = mkdtempSync(join(dirname(out), `.${basename(out)}-build-`));
  try {
    const next = join(work, basename(out));
    const code = await build(next);
    if (code !== 0) return code;
    if (!existsSync(next)) {
      console.error(`build: the build succeeded but wrote nothing into ${next}; ${out} is left as it was`);
      return 1;
    }
    const previous = join(work, 'previous');
    const hadPrevious = existsSync(out);
    if (hadPrevious) renameSync(out, previous);
    try {
      renameSync(next, out);
    } catch (error) {
      if (hadPrevious) renameSync(previous, out);
      throw error;
    }
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** `astro build --outDir dir` with the other arguments, in the site folder; resolves to its exit code (128 + n when signal n stopped it). */
function astroBuild(args: readonly string[], dir: string): Promise<number> {
  const astro = join(site, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const child = spawn(process.execPath, [astro, 'build', ...args, '--outDir', dir], {
    cwd: site,
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  // Interrupted: let Astro stop, then clean up (buildInto's finally) rather than leave the temporary folder.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const s of signals) process.on(s, forward);
  return new Promise((done) => {
    child.on('error', (error) => {
      console.error(`build: cannot run astro (${error.message})`);
      done(1);
    });
    child.on('exit', (code, signal) => {
      for (const s of signals) process.off(s, forward);
      done(code ?? 128 + (signal === 'SIGINT' ? 2 : signal === 'SIGHUP' ? 1 : 15));
    });
  });
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  let outDir = 'dist';
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--outDir') {
      if (!args[i + 1]) {
        console.error('build: --outDir needs a folder');
        process.exit(2);
      }
      outDir = args[++i];
    } else if (args[i].startsWith('--outDir=')) outDir = args[i].slice('--outDir='.length);
    else rest.push(args[i]);
  }
  const out = resolve(site, outDir);
  if (!outDir || out === site || site.startsWith(out + sep)) {
    console.error(`build: --outDir ${JSON.stringify(outDir)} would replace the site folder itself; give a folder of its own, e.g. dist`);
    process.exit(2);
  }
  const code = await buildInto(out, (dir) => astroBuild(rest, dir));
  if (code !== 0) console.error(`build: the site build failed (exit ${code}); ${out} is left as it was`);
  process.exit(code);
}
