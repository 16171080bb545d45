import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
