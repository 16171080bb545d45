/**
 * Vitest global setup: every test's temporary files go into one folder of
 * this run, removed when the run ends. The tests copy fixture data into
 * `os.tmpdir()` hundreds of times (a CLI test works on its own copy), and a
 * test that fails midway cannot be trusted to clean up after itself; without
 * this a run left about 800 folders in the machine's /tmp.
 *
 * `os.tmpdir()` reads TMPDIR at each call, and the test workers (and the
 * processes they start: pnpm, Chromium) inherit this process's environment.
 * PINGAN_KEEP_TEST_FILES=1 keeps the folder, to look into a failure, and
 * prints where it is.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const folder = mkdtempSync(join(tmpdir(), 'pingan-test-run-'));
  process.env.TMPDIR = folder;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    if (process.env.PINGAN_KEEP_TEST_FILES === '1') console.log(`The tests' temporary files are kept in ${folder} (PINGAN_KEEP_TEST_FILES=1).`);
    else rmSync(folder, { recursive: true, force: true });
  };
}
