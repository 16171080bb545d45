// Performance budget for the public site: builds it (timed), then adds up what
// the home page loads: its HTML and every file it references (stylesheets,
// scripts and their imports, icons, images, CSS url()s).
//
//   node scripts/budget.ts                  build, then measure
//   node scripts/budget.ts --no-build       measure the existing dist/
//   node scripts/budget.ts --dist DIR       measure the build in DIR (no build; the tests' own builds)
//
// Targets: home page ≤ 150 KB in total, ≤ 20 KB of JavaScript; the workbench
// (each language's page) ≤ 60 KB of JavaScript gzipped in total: its scripts,
// their imports, static and dynamic, and any worker they start (pageScripts.ts;
// the import worker, which loads only when a file is imported, is listed
// apart). Exits 1 when over.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageScripts } from './pageScripts.ts';

const site = join(dirname(fileURLToPath(import.meta.url)), '..');
const distAt = process.argv.indexOf('--dist');
if (distAt >= 0 && !process.argv[distAt + 1]) {
  console.error('budget: --dist needs a folder');
  process.exit(2);
}
const dist = distAt >= 0 ? resolve(process.argv[distAt + 1]) : join(site, 'dist');
const TOTAL_LIMIT = 150 * 1024;
const JS_LIMIT = 20 * 1024;
const WORKBENCH_JS_GZIP_LIMIT = 60 * 1024;

let buildSeconds: number | null = null;
if (!process.argv.includes('--no-build') && distAt < 0) {
  const started = performance.now();
  // The site's own build (scripts/build.ts): a failed build leaves the previous dist as it was.
  const run = spawnSync(process.execPath, [join(site, 'scripts', 'build.ts')], { cwd: site, stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0) {
    console.error('budget: the site build failed');
    process.exit(1);
  }
  buildSeconds = (performance.now() - started) / 1000;
}
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`budget: no index.html in ${dist}; build the site first`);
  process.exit(1);
}

const seen = new Map<string, number>();
function fileOf(url: string): string | null {
  if (/^(?:[a-z]+:)?\/\//i.test(url) || url.startsWith('data:') || url.startsWith('#')) return null;
  const path = url.split(/[?#]/)[0];
  return join(dist, path.startsWith('/') ? path : `/${path}`);
}
function visit(url: string, from = '/'): void {
  const resolved = url.startsWith('/') ? url : new URL(url, `http://x${from}`).pathname;
  if (seen.has(resolved)) return;
  const file = fileOf(resolved);
  if (!file || !existsSync(file) || statSync(file).isDirectory()) throw new Error(`budget: ${resolved} is referenced but missing from ${dist}`);
  const text = readFileSync(file, 'utf8');
  seen.set(resolved, statSync(file).size);
  if (resolved.endsWith('.css')) for (const m of text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) visit(m[1], resolved);
  if (resolved.endsWith('.js')) for (const m of text.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) visit(m[1], resolved);
}

const html = readFileSync(join(dist, 'index.html'), 'utf8');
seen.set('/', Buffer.byteLength(html));
const refs = [
  ...html.matchAll(/<link\b[^>]*\bhref="([^"]+)"[^>]*>/g),
  ...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g),
  ...html.matchAll(/<img\b[^>]*\bsrc="([^"]+)"/g),
].filter((m) => !/rel="(?:alternate|canonical)"/.test(m[0]));
for (const m of refs) visit(m[1]);

const total = [...seen.values()].reduce((a, b) => a + b, 0);
const js = [...seen].filter(([u]) => u.endsWith('.js')).reduce((a, [, b]) => a + b, 0);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log('Home page budget (uncompressed bytes):');
for (const [url, size] of seen) console.log(`  ${kb(size).padStart(9)}  ${url}`);
console.log(`  total ${total} bytes (${kb(total)}), limit ${kb(TOTAL_LIMIT)}`);
console.log(`  JavaScript ${js} bytes (${kb(js)}), limit ${kb(JS_LIMIT)}`);
console.log(`  requests ${seen.size}`);

let workbenchOver = false;
for (const page of ['workbench/index.html', 'en/workbench/index.html']) {
  if (!existsSync(join(dist, page))) continue;
  const { loaded, onDemand } = pageScripts(dist, page);
  const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;
  console.log(`Workbench JavaScript (/${page.replace('index.html', '')}; gzipped, level 9):`);
  for (const [url, bytes] of loaded) console.log(`  ${kb(gz(bytes)).padStart(9)}  ${url} (${kb(bytes.length)} raw)`);
  const total = [...loaded.values()].reduce((a, b) => a + gz(b), 0);
  console.log(`  total ${total} bytes gzipped (${kb(total)}), limit ${kb(WORKBENCH_JS_GZIP_LIMIT)}`);
  for (const [url, bytes] of onDemand) console.log(`  on demand, only when a framework file is imported: ${kb(gz(bytes))} ${url}`);
  if (total > WORKBENCH_JS_GZIP_LIMIT) workbenchOver = true;
}
if (buildSeconds !== null) console.log(`Full site build: ${buildSeconds.toFixed(1)} s`);
const over = total > TOTAL_LIMIT || js > JS_LIMIT || workbenchOver;
if (over) console.error('budget: OVER BUDGET');
process.exit(over ? 1 : 0);
