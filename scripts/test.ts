/**
 * The project's whole test run (`pnpm test`): type checks, lint, the
 * published-package checks, then every vitest test. It stops at the first
 * failing step and ends with one summary line, `tests: N passed, N failed, N skipped`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pnpm = process.env.npm_execpath && /pnpm/.test(process.env.npm_execpath) ? [process.execPath, process.env.npm_execpath] : ['npx', '-y', 'pnpm@10.34.9'];
const report = join(root, 'artifacts/vitest.json');
mkdirSync(dirname(report), { recursive: true });

const steps: [string, string[]][] = [
  ['type check', [...pnpm, 'run', 'typecheck']],
  ['lint', [...pnpm, 'run', 'lint']],
  ['package checks', [...pnpm, '-r', '--if-present', 'run', 'test:package']],
  ['vitest', [...pnpm, 'exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]],
];

for (const [name, [command, ...args]] of steps) {
  console.log(`\n== ${name}`);
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    let counts = '';
    if (name === 'vitest' && existsSync(report)) {
      const r = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
      counts = `${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`;
    }
    console.log(`\n${name} failed (exit ${run.status})`);
    console.log(`tests: ${counts || '0 passed, 1 failed'}`);
    process.exit(run.status ?? 1);
  }
}
const r = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
console.log(`\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
process.exit(r.numFailedTests === 0 && r.numPassedTests > 0 ? 0 : 1);
