/**
 * `pnpm fuzz`: every property test (each test file that uses fast-check)
 * at 10,000 runs per property (PINGAN_FUZZ_RUNS; `pnpm fuzz -- 2000` for
 * another count), then the wall-clock time it took.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const runs = process.argv[2] ?? '10000';
const files: string[] = [];
const walk = (dir: string) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith('.test.ts') && readFileSync(path, 'utf8').includes("from 'fast-check'")) files.push(relative(root, path));
  }
};
['packages', 'scripts', 'site/test'].forEach((d) => walk(join(root, d)));
files.sort();
console.log(`fuzz: ${files.length} files with property tests, ${runs} runs per property`);
const started = performance.now();
const pnpm = process.env.npm_execpath && /pnpm/.test(process.env.npm_execpath) ? [process.execPath, process.env.npm_execpath] : ['npx', '-y', 'pnpm@10.34.9'];
const [command, ...args] = [...pnpm, 'exec', 'vitest', 'run', '--testTimeout=0', ...files];
const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, PINGAN_FUZZ_RUNS: runs } });
const seconds = (performance.now() - started) / 1000;
console.log(`fuzz: ${result.status === 0 ? 'passed' : 'FAILED'} in ${seconds.toFixed(0)} s (${runs} runs per property)`);
process.exit(result.status ?? 1);
