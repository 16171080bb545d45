/** The fictional example's releases for the site's tests: the main job's (`pnpm start`), or written here by the CLI's `release --all`. */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function exampleReleases(example: string): Promise<string> {
  const own = join(example, 'releases');
  if (existsSync(join(own, 'chain.json'))) return own;
  const out = mkdtempSync(join(tmpdir(), 'pingan-example-releases-'));
  const { runAsync } = await import('../../packages/cli/src/main.ts');
  let log = '';
  const code = await runAsync(['release', '--all', '--data', example, '--out', out], {
    stdout: (text: string) => void (log += text),
    stderr: (text: string) => void (log += text),
    stderrIsTty: false,
  });
  if (code !== 0) throw new Error(`pingan release --all on ${example} failed (exit ${code}):\n${log}`);
  return out;
}
