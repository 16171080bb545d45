/**
 * `pnpm lighthouse`: runs Lighthouse (the npm package, pinned in the root
 * package.json) on Debian's Chromium against the built site served on
 * 127.0.0.1, for each page in PAGES, as a phone (Lighthouse's default mobile
 * emulation, throttled) and as a desktop (`--preset=desktop`), and prints the
 * four category scores. Not part of `pnpm test`: fourteen runs take minutes.
 *
 *   pnpm lighthouse              build the site first when site/dist is missing
 *   pnpm lighthouse --build      always build first
 *   pnpm lighthouse --json FILE  also write the scores as JSON
 *
 * Exits 1 when a run fails; scores below 100 are reported, not fatal (they
 * move with the machine's load, like any timing).
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../site/test/server.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'site', 'dist');
const CHROMIUM = '/usr/bin/chromium';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** The latest month's path (/YYYY/MM/) and one of its district paths, from the built site. */
function latestPaths(): { month: string; district: string } {
  const year = readdirSync(dist).filter((n) => /^\d{4}$/.test(n)).sort().at(-1);
  if (!year) throw new Error(`lighthouse: no month pages in ${dist}`);
  const mm = readdirSync(join(dist, year)).filter((n) => /^\d{2}$/.test(n)).sort().at(-1)!;
  const district = readdirSync(join(dist, year, mm)).filter((n) => /^\d{6}$/.test(n)).sort()[0];
  if (!district) throw new Error(`lighthouse: no district page under ${dist}/${year}/${mm}`);
  return { month: `/${year}/${mm}/`, district: `/${year}/${mm}/${district}/` };
}

/**
 * The pages audited, in one place: a page added here is covered in both
 * form factors.
 */
function pages(): { name: string; path: string }[] {
  const { month, district } = latestPaths();
  return [
    { name: 'home', path: '/' },
    { name: 'month', path: month },
    { name: 'district', path: district },
    { name: 'methodology', path: '/methodology/' },
    { name: 'workbench', path: '/workbench/' },
    { name: 'warnings', path: '/warnings/' },
    { name: 'archive', path: '/archive/' },
  ];
}

const args = process.argv.slice(2);
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
if (!existsSync(CHROMIUM)) {
  console.error(`lighthouse: ${CHROMIUM} is absent (apt-get install -y chromium)`);
  process.exit(1);
}
if (args.includes('--build') || !existsSync(join(dist, 'index.html'))) {
  // The site's own build (site/scripts/build.ts): a failed build leaves the previous dist as it was.
  const build = spawnSync(process.execPath, [join(root, 'site', 'scripts', 'build.ts')], { cwd: join(root, 'site'), stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) {
    console.error('lighthouse: the site build failed');
    process.exit(1);
  }
}

const cli = join(root, 'node_modules', 'lighthouse', 'cli', 'index.js');
const execFileAsync = promisify(execFile);
async function runLighthouse(command: string, argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(command, argv, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, CHROME_PATH: CHROMIUM } });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string; message: string };
    return { status: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? e.message };
  }
}
const server = await startServer(dist);
const results: { page: string; path: string; formFactor: string; scores: Record<string, number | null> }[] = [];
let failed = false;
try {
  for (const page of pages()) {
    for (const formFactor of ['mobile', 'desktop'] as const) {
      const profile = mkdtempSync(join(tmpdir(), 'pingan-lh-'));
      // Asynchronous: the static server runs in this process and must keep answering while Lighthouse loads the page.
      const run = await runLighthouse(
        process.execPath,
        [
          cli,
          server.url + page.path,
          '--quiet',
          '--output=json',
          '--output-path=stdout',
          `--only-categories=${CATEGORIES.join(',')}`,
          `--chrome-flags=--headless --no-sandbox --disable-gpu --no-first-run --user-data-dir=${profile}`,
          ...(formFactor === 'desktop' ? ['--preset=desktop'] : []),
        ],
      );
      rmSync(profile, { recursive: true, force: true });
      if (run.status !== 0) {
        console.error(`lighthouse: ${page.path} (${formFactor}) failed:\n${run.stderr}`);
        failed = true;
        continue;
      }
      const report = JSON.parse(run.stdout) as { categories: Record<string, { score: number | null }>; audits: Record<string, { score: number | null; title: string }> };
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, report.categories[c]?.score == null ? null : Math.round(report.categories[c].score! * 100)]));
      results.push({ page: page.name, path: page.path, formFactor, scores });
      const below = Object.entries(report.audits)
        .filter(([, a]) => a.score !== null && a.score < 1 && a.score !== undefined)
        .map(([id]) => id);
      console.log(
        `${page.name.padEnd(12)} ${formFactor.padEnd(8)} ${CATEGORIES.map((c) => `${c} ${scores[c] ?? '—'}`).join('  ')}${below.length ? `   (below 1: ${below.slice(0, 8).join(', ')})` : ''}`,
      );
    }
  }
} finally {
  await server.close();
}
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(results, null, 2)}\n`);
process.exit(failed ? 1 : 0);
