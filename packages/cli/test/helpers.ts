import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../src/main.ts';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
export const FIXTURE_DATA = join(FIXTURES, 'data');
export const BAD = join(FIXTURES, 'bad');
/** The date the fixture data is judged by. */
export const TODAY = '2025-07-20';

/** A fresh copy of the fixture data directory, with extra files (path → content) added. */
export function dataDir(extra: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'pingan-cli-'));
  cpSync(FIXTURE_DATA, dir, { recursive: true });
  for (const [file, content] of Object.entries(extra)) writeFileSync(join(dir, file), content);
  return dir;
}

/** Runs the CLI in this process, as `pingan ARGS` would, and collects its exit code and output. */
export function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stderrIsTty: false });
  return { code, stdout, stderr };
}

/**
 * `pingan ARGS` under a locale: LC_ALL, LC_MESSAGES and LANG are emptied,
 * then `env` sets the ones it names (as a shell with that locale runs the
 * CLI); the process's own values come back afterwards.
 */
export function cliWithLocale(args: string[], env: { LC_ALL?: string; LC_MESSAGES?: string; LANG?: string }) {
  const saved = { LC_ALL: process.env.LC_ALL, LC_MESSAGES: process.env.LC_MESSAGES, LANG: process.env.LANG };
  Object.assign(process.env, { LC_ALL: '', LC_MESSAGES: '', LANG: '' }, env);
  try {
    return cli(args);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** Every file below a folder (path relative to it, with its bytes), in a stable order. */
export function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}
