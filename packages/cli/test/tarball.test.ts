/**
 * The CLI as a statistician in another city installs it: @pingan/core and
 * @pingan/cli packed into tarballs (each `prepack` builds its dist/), installed
 * into an empty folder outside the repository with npm, and run through the
 * installed `pingan` bin on the machine's Node 20 and on Node 24, on the
 * fictional example (examples/shifan-county), on Xiangtan's data and on the
 * fictional quarterly example (examples/jibao-county). validate,
 * compute and release must print and write byte for byte what the CLI run
 * from source prints and writes, and Xiangtan's release must equal the committed one.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'acorn';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/main.ts';
import { smokeFramework } from '../../../scripts/smokeFramework.ts';

const cliDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(cliDir, '../..');
const require = createRequire(import.meta.url);
const { unsupportedNodeMessage, localeOf, MINIMUM_MAJOR } = require('../bin/nodeVersion.cjs') as {
  unsupportedNodeMessage: (version: string, env: Record<string, string | undefined>) => string | null;
  localeOf: (env: Record<string, string | undefined>) => 'zh' | 'en';
  MINIMUM_MAJOR: number;
};

/** The data the test runs on: a data directory, a month to release and a release date (Xiangtan's: that of its committed release). */
const EXAMPLES = [
  { name: 'shifan-county', data: join(root, 'examples/shifan-county'), month: '2025-09', today: '2025-10-20' },
  { name: 'xiangtan', data: join(root, 'data'), month: '2025-10', today: '2026-11-22' },
  // A quarterly index: periods YYYY-Qn through the installed CLI too.
  { name: 'jibao-county', data: join(root, 'examples/jibao-county'), month: '2025-Q3', today: '2025-10-20' },
];
const EXAMPLE = EXAMPLES[0];

const major = (node: string): number => Number(execFileSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' }).split('.')[0]);

/** A Node 20 outside the workspace (the machine's own), from PINGAN_NODE20 or PATH; pnpm puts Node 24 first on PATH. */
function findNode20(): string | undefined {
  const candidates = [process.env.PINGAN_NODE20, ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'node')), '/usr/bin/node', '/usr/local/bin/node'];
  return candidates.find((node) => node !== undefined && existsSync(node) && major(node) === 20);
}

function sh(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...env, FORCE_COLOR: '0' } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd} (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Every file under dir, as relative path → bytes. */
function tree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const path = join(sub, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.set(path, readFileSync(join(dir, path)));
    }
  };
  walk('');
  return out;
}

describe('an unsupported Node.js version', () => {
  it('gets a clear message in the language LANG asks for, and supported versions none', () => {
    expect(MINIMUM_MAJOR).toBe(20);
    expect(unsupportedNodeMessage('18.19.0', {})).toBe(
      'pingan needs Node.js 20 or newer; this is Node.js v18.19.0.\nInstall Node.js 20 or newer (any LTS) from https://nodejs.org/ and run it again.',
    );
    expect(unsupportedNodeMessage('v16.20.2', { LANG: 'zh_CN.UTF-8' })).toBe(
      'pingan 需要 Node.js 20 或更高版本，当前是 v16.20.2。\n请从 https://nodejs.org/ 安装 Node.js 20 或更高版本（LTS 即可），然后重新运行。',
    );
    expect(unsupportedNodeMessage('0.12.18', { LC_ALL: 'C', LANG: 'zh_CN.UTF-8' })).toMatch(/^pingan needs Node\.js 20/);
    for (const version of ['20.0.0', '20.20.2', '22.12.0', '24.21.0', '25.0.0']) expect(unsupportedNodeMessage(version, {})).toBeNull();
  });
  it('chooses the language by LC_ALL, then LC_MESSAGES, then LANG, skipping empty ones', () => {
    expect(localeOf({})).toBe('en');
    expect(localeOf({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(localeOf({ LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'en_US.UTF-8' })).toBe('en');
    expect(localeOf({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_TW.UTF-8' })).toBe('zh');
    expect(localeOf({ LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_CN.GB18030' })).toBe('zh');
  });
  it('is reached on any Node: the bin and the check are ECMAScript 5', () => {
    for (const file of ['bin/pingan.cjs', 'bin/nodeVersion.cjs']) {
      const code = readFileSync(join(cliDir, file), 'utf8');
      expect(() => parse(code, { ecmaVersion: 5, sourceType: 'script', allowHashBang: true }), file).not.toThrow();
    }
    // The launcher (dynamic import) is required only after the check.
    expect(() => parse(readFileSync(join(cliDir, 'bin/launch.cjs'), 'utf8'), { ecmaVersion: 5, sourceType: 'script' })).toThrow();
  });
});

// Each test runs several processes (and npm); on a loaded machine that takes minutes.
describe('the packed CLI, installed outside the repository', { timeout: 300_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), 'pingan-tarball-'));
  const app = join(work, 'app');
  const dataOf = (example: (typeof EXAMPLES)[number]) => join(work, 'data', example.name);
  const data = dataOf(EXAMPLE);
  const node20 = findNode20();
  const node24 = process.execPath;
  const tarballs: string[] = [];
  /** The CLI run from source, in this process: what every installed run must print and write. */
  const reference = new Map(EXAMPLES.map((e) => [e.name, { validate: '', compute: '', computeText: '', release: new Map<string, Buffer>() }]));

  beforeAll(() => {
    // npm pack for core (its prepack builds dist/); pnpm pack for the CLI, which turns
    // "workspace:*" into the version and applies publishConfig (prepack builds dist/ too).
    sh('npm', ['pack', '--pack-destination', work, '--loglevel=error'], join(root, 'packages/core'));
    const pnpm = process.env.npm_execpath && /pnpm/.test(process.env.npm_execpath) ? [process.execPath, process.env.npm_execpath] : ['npx', '-y', 'pnpm@10.34.9'];
    sh(pnpm[0], [...pnpm.slice(1), 'pack', '--pack-destination', work], cliDir);
    tarballs.push(...readdirSync(work).filter((f) => f.endsWith('.tgz')).map((f) => join(work, f)));
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'bureau', private: true }));
    sh('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs], app);
    const capture = (args: string[]) => {
      let stdout = '';
      const code = run(args, { stdout: (t) => (stdout += t), stderr: () => {}, stderrIsTty: false });
      if (code !== 0) throw new Error(`pingan ${args.join(' ')} from source: exit ${code}`);
      return stdout;
    };
    for (const example of EXAMPLES) {
      const dir = dataOf(example);
      cpSync(example.data, dir, { recursive: true, filter: (src) => !src.startsWith(join(example.data, 'releases')) });
      const ref = reference.get(example.name)!;
      ref.validate = capture(['validate', '--data', dir, '--today', example.today, '--json']);
      ref.compute = capture(['compute', example.month, '--data', dir, '--today', example.today, '--json']);
      ref.computeText = capture(['compute', example.month, '--data', dir, '--today', example.today]);
      const out = join(work, 'out-source', example.name);
      capture(['release', example.month, '--data', dir, '--out', out, '--today', example.today]);
      ref.release = tree(join(out, example.month));
    }
  }, 600_000);

  it('holds compiled JavaScript only, and the bin', () => {
    const cli = tarballs.find((t) => /pingan-cli-/.test(t)) as string;
    const files = sh('tar', ['tzf', cli], work).trim().split('\n');
    expect(files.filter((f) => /\.(ts|tsx|mts|cts)$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['package/bin/pingan.cjs', 'package/dist/main.js', 'package/dist/exact.worker.js', 'package/dist/sensitivity.worker.js']));
    const manifest = JSON.parse(readFileSync(join(app, 'node_modules/@pingan/cli/package.json'), 'utf8')) as { dependencies: Record<string, string>; engines: { node: string } };
    expect(manifest.dependencies['@pingan/core']).toBe('0.1.0');
    expect(manifest.engines.node).toBe('>=20');
  });

  it('passes publint', async () => {
    const bytes = readFileSync(tarballs.find((t) => /pingan-cli-/.test(t)) as string);
    const lint = await publint({ pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) }, strict: true, level: 'suggestion' });
    expect(lint.messages.map((m) => formatMessage(m, lint.pkg))).toEqual([]);
  });

  const nodes: [string, () => string | undefined][] = [
    ['Node 20 (the machine’s)', () => node20],
    ['Node 24', () => node24],
  ];
  for (const [label, which] of nodes) {
    describe(label, () => {
      /** Runs the installed bin (its `#!/usr/bin/env node` finds this Node first on PATH), in the app folder. */
      const pingan = (args: string[], env: NodeJS.ProcessEnv = {}) => {
        const node = which() as string;
        const bin = join(work, `bin-${major(node)}`);
        if (!existsSync(bin)) {
          mkdirSync(bin);
          symlinkSync(node, join(bin, 'node'));
        }
        const path = [bin, ...(process.env.PATH ?? '').split(delimiter)].join(delimiter);
        return spawnSync(join(app, 'node_modules/.bin/pingan'), args, { cwd: app, encoding: 'utf8', env: { PATH: path, HOME: work, TZ: 'UTC', ...env } });
      };
      const skip = () => {
        if (which()) return false;
        console.warn(`${label}: no Node 20 found on PATH or in PINGAN_NODE20; the installed CLI was not run on it`);
        return true;
      };

      for (const example of EXAMPLES) {
        it(`runs validate, compute and release on ${example.name} as the source does, byte for byte`, ({ skip: skipTest }) => {
          if (skip()) return skipTest();
          const dir = dataOf(example);
          const ref = reference.get(example.name)!;
          const validate = pingan(['validate', '--data', dir, '--today', example.today, '--json']);
          expect(validate.stderr).toBe('');
          expect(validate.status).toBe(0);
          expect(validate.stdout).toBe(ref.validate);
          expect(JSON.parse(validate.stdout)).toMatchObject({ ok: true });
          const compute = pingan(['compute', example.month, '--data', dir, '--today', example.today, '--json']);
          expect(compute.status).toBe(0);
          expect(compute.stdout).toBe(ref.compute);
          expect(JSON.parse(compute.stdout)).toMatchObject({ month: example.month });
          expect(pingan(['compute', example.month, '--data', dir, '--today', example.today]).stdout).toBe(ref.computeText);
          const out = join(work, `out-${major(which() as string)}`, example.name);
          const release = pingan(['release', example.month, '--data', dir, '--out', out, '--today', example.today]);
          expect(release.stderr).toBe('');
          expect(release.status).toBe(0);
          expect(release.stdout).toContain(`${example.month}: released r1`);
          const written = tree(join(out, example.month));
          expect([...written.keys()].sort()).toEqual([...ref.release.keys()].sort());
          expect(written.size).toBeGreaterThanOrEqual(5);
          for (const [file, bytes] of ref.release) expect(written.get(file)?.equals(bytes), file).toBe(true);
          // The latest release of that month in the data folder (written by the workspace's CLI, perhaps as a
          // later revision) holds the same figures and inputs: the same release.csv and inputs.csv bytes, and
          // the same release.json but for its revision number and date.
          const month = join(example.data, 'releases', example.month);
          const latest = existsSync(month) ? readdirSync(month).filter((f) => /^r\d+$/.test(f)).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))).pop() : undefined;
          if (latest) {
            const committed = join(month, latest);
            const fresh = join(out, example.month, 'r1');
            for (const file of ['release.csv', 'inputs.csv']) expect(readFileSync(join(fresh, file)).equals(readFileSync(join(committed, file))), file).toBe(true);
            const withoutRevision = (path: string) => ({ ...(JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>), revision: null, date: null });
            expect(withoutRevision(join(fresh, 'release.json'))).toEqual(withoutRevision(join(committed, 'release.json')));
          }
        });
      }

      it('reports invalid data with file:line:column and exit 1, and an unknown option with exit 2', ({ skip: skipTest }) => {
        if (skip()) return skipTest();
        const bad = join(work, `bad-${major(which() as string)}`);
        cpSync(data, bad, { recursive: true });
        const inputs = readdirSync(join(bad, 'input')).filter((f) => f.endsWith('.csv')).sort();
        const file = join(bad, 'input', inputs[0]);
        const lines = readFileSync(file, 'utf8').split('\n');
        const fields = lines[1].split(',');
        fields[3] = 'oops'; // the value column
        lines[1] = fields.join(',');
        writeFileSync(file, lines.join('\n'));
        const result = pingan(['validate', '--data', bad, '--today', EXAMPLE.today]);
        expect(result.stdout + result.stderr).toContain(`input/${inputs[0]}:2:4: count "oops" is not a number`);
        expect(result.status).toBe(1);
        const usage = pingan(['validate', '--nope']);
        expect(usage.status).toBe(2);
        expect(pingan(['validate', '--nope'], { LANG: 'zh_CN.UTF-8' }).stderr).not.toBe(usage.stderr);
      });

      it('loads every entry point of @pingan/core', ({ skip: skipTest }) => {
        if (skip()) return skipTest();
        const entries = ['', '/verbs', '/framework', '/weights', '/exact', '/analysis', '/coinr', '/worker', '/release'];
        const script = join(app, 'entries.mjs');
        writeFileSync(
          script,
          `const entries = ${JSON.stringify(entries)};
const counts = [];
for (const entry of entries) counts.push(Object.keys(await import('@pingan/core' + entry)).length);
console.log(JSON.stringify(counts));
`,
        );
        const result = spawnSync(which() as string, [script], { cwd: app, encoding: 'utf8' });
        expect(result.stderr).toBe('');
        const counts = JSON.parse(result.stdout) as number[];
        expect(counts).toHaveLength(entries.length);
        for (const count of counts) expect(count).toBeGreaterThan(0);
      });

      it('runs the exact build on worker threads from the compiled package', ({ skip: skipTest }) => {
        if (skip()) return skipTest();
        const script = join(app, 'exact.mjs');
        writeFileSync(
          script,
          `import { buildExactOnThreads } from '@pingan/cli';
import { buildExact, buildIndex, defineFramework, panelFromObservations } from '@pingan/core';
const framework = defineFramework(${JSON.stringify(smokeFramework('threads', { zh: '线程', en: 'Threads' }))});
const observations = [];
for (let u = 0; u < 12; u++) for (let m = 1; m <= 24; m++) for (const indicator of ['a', 'b']) {
  observations.push({ unit: 'u' + u, period: (m <= 12 ? '2024-' : '2025-') + String(((m - 1) % 12) + 1).padStart(2, '0'), code: indicator, value: ((u * 7 + m * 3 + indicator.length) % 17) + 0.5 });
}
const result = buildIndex(framework, panelFromObservations(framework, observations));
const threaded = await buildExactOnThreads(result, { threads: 2 });
const single = buildExact(result);
console.log(JSON.stringify({ same: JSON.stringify(threaded) === JSON.stringify(single), periods: single.periods.length }));
`,
        );
        const result = spawnSync(which() as string, [script], { cwd: app, encoding: 'utf8' });
        expect(result.stderr).toBe('');
        const out = JSON.parse(result.stdout) as { same: boolean; periods: number };
        expect(out.same).toBe(true);
        expect(out.periods).toBeGreaterThan(12);
      });
    });
  }

  it('installs globally (npm i -g) from the tarballs, and runs from there on Node 20', ({ skip: skipTest }) => {
    const node = node20 ?? node24;
    if (!node20) console.warn('no Node 20 found: the global install is checked on Node 24 only');
    if (!node) return skipTest();
    const prefix = join(work, 'global');
    sh('npm', ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', '--loglevel=error', ...tarballs], work);
    const bin = join(work, 'bin-global');
    mkdirSync(bin, { recursive: true });
    if (!existsSync(join(bin, 'node'))) symlinkSync(node, join(bin, 'node'));
    const env = { PATH: [bin, join(prefix, 'bin'), ...(process.env.PATH ?? '').split(delimiter)].join(delimiter), HOME: work };
    const version = spawnSync('pingan', ['--version'], { cwd: work, encoding: 'utf8', env });
    expect(version.stdout.trim()).toBe('0.1.0');
    const compute = spawnSync('pingan', ['compute', EXAMPLE.month, '--data', data, '--today', EXAMPLE.today, '--json'], { cwd: work, encoding: 'utf8', env });
    expect(compute.stdout).toBe(reference.get(EXAMPLE.name)!.compute);
  });
});
