/**
 * Checks a workspace package the way its users will meet it on npm: packs it
 * with `npm pack` from a clean tree (no dist/: the package's `prepack` must
 * build it), lints the tarball with publint and @arethetypeswrong/cli,
 * installs it into an empty project (and reports the size of what that
 * brings), runs it from Node (the README's first example, every entry point,
 * the shipped JSON Schema), and bundles it for the browser with esbuild and
 * runs the bundle in a context without any Node API.
 *
 * Usage: node scripts/check-package.ts packages/core
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import * as esbuild from 'esbuild';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { codeBlocks } from './doctest.ts';
import { smokeFramework } from './smokeFramework.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const packageDir = resolve(root, process.argv[2] ?? 'packages/core');
const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { name: string; version: string };
const work = mkdtempSync(join(tmpdir(), 'pingan-package-'));
let failures = 0;

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd} (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

function check(name: string, ok: boolean, detail = ''): void {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `\n${detail}` : ''}`);
  if (!ok) failures++;
}


try {
  // npm pack on a tree without dist/: the tarball is complete only if prepack builds it.
  rmSync(join(packageDir, 'dist'), { recursive: true, force: true });
  run('npm', ['pack', '--pack-destination', work, '--loglevel=error'], packageDir);
  check('npm pack builds dist/ (prepack)', existsSync(join(packageDir, 'dist/index.js')));
  const tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz')) as string);
  console.log(`packed ${manifest.name}@${manifest.version} → ${tarball}`);

  const bytes = readFileSync(tarball);
  const lint = await publint({ pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) }, strict: true, level: 'suggestion' });
  check('publint reports nothing', lint.messages.length === 0, lint.messages.map((m) => `  ${formatMessage(m, lint.pkg)}`).join('\n'));

  const attw = spawnSync(join(root, 'node_modules/.bin/attw'), [tarball, '--profile', 'esm-only', '--format', 'ascii', '--no-color'], { encoding: 'utf8' });
  check('@arethetypeswrong/cli reports nothing (ESM-only profile)', attw.status === 0, attw.status === 0 ? '' : attw.stdout + attw.stderr);

  const project = join(work, 'consumer');
  run('mkdir', ['-p', project], work);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', tarball], project);
  const du = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => sum + (e.isDirectory() ? du(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
  const modules = join(project, 'node_modules');
  const sizes = readdirSync(modules).filter((d) => !d.startsWith('.')).flatMap((d) => (d.startsWith('@') ? readdirSync(join(modules, d)).map((e) => `${d}/${e}`) : [d]));
  console.log(`installed node_modules: ${(du(modules) / 1e6).toFixed(1)} MB (${sizes.map((d) => `${d} ${(du(join(modules, d)) / 1e6).toFixed(1)} MB`).join(', ')})`);

  // The README's first example, verbatim, from the installed package.
  const readme = readFileSync(join(packageDir, 'README.md'), 'utf8');
  const first = codeBlocks(readme, 'README.md').find((b) => b.lang === 'ts');
  if (first) {
    // Type stripping runs .ts files in Node 24; the example's values are checked by the README doc-tests.
    writeFileSync(join(project, 'first.ts'), `${first.code}\nconsole.log(JSON.stringify({ index: getValue(result.aggregated, 'A', '2025-09', 'index'), hash: result.provenance.hash.length }));\n`);
    const out = JSON.parse(run(process.execPath, ['first.ts'], project)) as { index: number; hash: number };
    check(`the README's first example runs from the installed tarball`, Math.abs(out.index - 242.5 / 3) < 1e-12 && out.hash === 64, JSON.stringify(out));
  }
  const entries = `
import * as verbs from '${manifest.name}/verbs';
import * as exact from '${manifest.name}/exact';
import * as analysis from '${manifest.name}/analysis';
import * as coinr from '${manifest.name}/coinr';
import * as worker from '${manifest.name}/worker';
import * as weights from '${manifest.name}/weights';
import * as framework from '${manifest.name}/framework';
import * as release from '${manifest.name}/release';
import { createRequire } from 'node:module';
const schema = createRequire(import.meta.url)('${manifest.name}/framework.schema.json');
console.log(JSON.stringify([typeof verbs.buildIndex, typeof exact.buildExact, typeof analysis.uncertaintyAnalysis, typeof coinr.fromCoinr, typeof worker.analysisMessageHandler, typeof weights.ahpWeights, typeof framework.defineFramework, typeof release.verifyReleases, schema.title]));
`;
  writeFileSync(join(project, 'entries.mjs'), entries);
  const kinds = run(process.execPath, ['entries.mjs'], project).trim();
  check('every entry point and framework.schema.json resolve from the installed tarball', kinds === JSON.stringify([...new Array(8).fill('function'), 'Pingan index framework']), kinds);

  const usage = `
import { defineFramework, panelFromObservations, buildIndex, getValue, ahpWeights, LIBRARY_VERSION } from '${manifest.name}';
const fw = defineFramework(${JSON.stringify(smokeFramework('demo', { zh: '示例', en: 'Demo' }))});
const obs = [
  { unit: 'X', period: '2025', code: 'a', value: 1 }, { unit: 'X', period: '2025', code: 'b', value: 4 },
  { unit: 'Y', period: '2025', code: 'a', value: 3 }, { unit: 'Y', period: '2025', code: 'b', value: 2 },
];
const result = buildIndex(fw, panelFromObservations(fw, obs));
globalThis.report = { x: getValue(result.aggregated, 'X', '2025', 'index'), y: getValue(result.aggregated, 'Y', '2025', 'index'),
  ahp: ahpWeights([[1, 2], [0.5, 1]]).weights[0], version: LIBRARY_VERSION, hash: result.provenance.hash.length };
`;
  writeFileSync(join(project, 'usage.mjs'), `${usage}\nconsole.log(JSON.stringify(globalThis.report));\n`);
  const fromNode = JSON.parse(run(process.execPath, ['usage.mjs'], project)) as Record<string, number | string>;
  const expected = { x: 0, y: 100, ahp: 2 / 3, version: manifest.version, hash: 64 };
  const same = (r: Record<string, number | string>) =>
    Object.entries(expected).every(([k, v]) => (typeof v === 'number' ? Math.abs((r[k] as number) - v) < 1e-12 : r[k] === v));
  check('installs into an empty project and computes from Node', same(fromNode), JSON.stringify(fromNode));

  writeFileSync(join(project, 'browser.mjs'), usage);
  const bundle = await esbuild.build({
    entryPoints: [join(project, 'browser.mjs')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    write: false,
    minify: true,
    absWorkingDir: project,
    logLevel: 'silent',
  });
  const code = bundle.outputFiles[0].text;
  const context = vm.createContext({ TextEncoder, console });
  vm.runInContext(code, context);
  const fromBrowser = (context as { report: Record<string, number | string> }).report;
  check(
    `bundles for the browser with esbuild (${(code.length / 1024).toFixed(1)} KiB minified) and runs without any Node API`,
    same(fromBrowser),
    JSON.stringify(fromBrowser),
  );
} catch (error) {
  check('package check ran', false, String((error as Error).stack ?? error));
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(failures === 0 ? 'package check: all passed' : `package check: ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
