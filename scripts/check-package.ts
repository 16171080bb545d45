/**
 * Checks a workspace package the way its users will meet it on npm: packs it,
 * lints the tarball with publint and @arethetypeswrong/cli, installs it into
 * an empty project, runs it from Node, and bundles it for the browser with
 * esbuild and runs the bundle in a context without any Node API.
 *
 * Usage: node scripts/check-package.ts packages/core
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import * as esbuild from 'esbuild';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

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

const pnpm = process.env.npm_execpath && /pnpm/.test(process.env.npm_execpath) ? [process.execPath, process.env.npm_execpath] : ['npx', '-y', 'pnpm@10.34.9'];

try {
  run(pnpm[0], [...pnpm.slice(1), 'run', 'build'], packageDir);
  run(pnpm[0], [...pnpm.slice(1), 'pack', '--pack-destination', work], packageDir);
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

  const usage = `
import { defineFramework, panelFromObservations, buildIndex, getValue, ahpWeights, LIBRARY_VERSION } from '${manifest.name}';
const fw = defineFramework({
  id: 'demo', version: '1', name: { zh: '示例', en: 'Demo' },
  nodes: [
    { code: 'index', type: 'aggregate', parent: null, name: { zh: '指数', en: 'Index' } },
    { code: 'a', type: 'indicator', parent: 'index', direction: 1, name: { zh: '甲', en: 'A' } },
    { code: 'b', type: 'indicator', parent: 'index', direction: -1, name: { zh: '乙', en: 'B' } },
  ],
});
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
