/**
 * The same releases build the same site, byte for byte, whatever the time
 * zone, locale or output folder of the machine that builds it: a page must
 * never show the builder's date or time, or order anything by the builder's
 * locale.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from './server.ts';

const fixtures = join(import.meta.dirname, 'fixtures', 'releases');

/** Every file under dir, by its path relative to dir, sorted. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

describe('the built site', () => {
  const builds: string[] = [];
  afterAll(() => {
    for (const out of builds) rmSync(out, { recursive: true, force: true });
  });

  it('is byte-identical when built at UTC+14 and at UTC−10, under other locales, into other folders', () => {
    // Kiritimati and Adak are a day apart at every instant: a page that showed the build's date would differ.
    const east = buildSite('pingan-site-east-', { PINGAN_RELEASES_DIR: fixtures, TZ: 'Pacific/Kiritimati', LANG: 'zh_CN.UTF-8', LC_ALL: 'zh_CN.UTF-8' });
    builds.push(east);
    const west = buildSite('pingan-site-west-', { PINGAN_RELEASES_DIR: fixtures, TZ: 'America/Adak', LANG: 'C', LC_ALL: 'C' });
    builds.push(west);
    const eastFiles = files(east);
    expect(eastFiles.length).toBeGreaterThan(100);
    expect(files(west)).toEqual(eastFiles);
    const differing = eastFiles.filter((file) => !readFileSync(join(east, file)).equals(readFileSync(join(west, file))));
    expect(differing).toEqual([]);
  }, 300_000);
});
