/**
 * Runs every benchmark of the project, one process each, in a fixed order:
 * every `bench/*.bench.ts` of every workspace package, then `scripts/bench/*.ts`.
 * Benchmarks print figures; this script fails only when one of them crashes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const files: string[] = [];
for (const dir of ['packages', 'site']) {
  const base = join(root, dir);
  if (!existsSync(base)) continue;
  const packages = dir === 'site' ? [base] : readdirSync(base).map((p) => join(base, p));
  for (const pkg of packages) {
    const bench = join(pkg, 'bench');
    if (existsSync(bench)) files.push(...readdirSync(bench).filter((f) => f.endsWith('.bench.ts')).sort().map((f) => join(bench, f)));
  }
}
const own = join(root, 'scripts/bench');
if (existsSync(own)) files.push(...readdirSync(own).filter((f) => f.endsWith('.ts')).sort().map((f) => join(own, f)));

let failed = 0;
for (const file of files) {
  const run = spawnSync(process.execPath, ['--conditions=pingan-source', '--max-old-space-size=8192', file], { stdio: 'inherit', cwd: root });
  if (run.status !== 0) {
    console.error(`benchmark ${file} exited with ${run.status}`);
    failed++;
  }
}
process.exit(failed === 0 ? 0 : 1);
