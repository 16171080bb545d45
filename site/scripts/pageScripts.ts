/**
 * Every script a built page loads, read from the build: its <script src>, their imports, static and
 * dynamic (the workbench's analysis worker runs the page's own chunk and imports its analyses at once),
 * and the workers they start (`new URL('…js', import.meta.url)`). The import worker, which validates a
 * user's file with zod, loads only when a file is imported: it is kept apart. Shared by `pnpm budget`
 * (scripts/budget.ts) and the workbench's CSP test, so that both read the same set of files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The scripts of `page` (a path under `dist`, e.g. 'workbench/index.html'), by their address, with their bytes. */
export function pageScripts(dist: string, page: string): { loaded: Map<string, Buffer>; onDemand: Map<string, Buffer> } {
  const loaded = new Map<string, Buffer>();
  const onDemand = new Map<string, Buffer>();
  const read = (url: string) => {
    const file = join(dist, url.split(/[?#]/)[0]);
    if (!existsSync(file)) throw new Error(`${url} is referenced but missing from ${dist}`);
    return readFileSync(file);
  };
  const follow = (url: string, into: Map<string, Buffer>) => {
    if (loaded.has(url) || into.has(url)) return;
    const bytes = read(url);
    into.set(url, bytes);
    const text = bytes.toString('utf8');
    for (const m of text.matchAll(/(?:import|from)\s*\(?\s*["'`]([^"'`]+\.js)["'`]/g)) follow(new URL(m[1], `http://x${url}`).pathname, into);
    for (const m of text.matchAll(/new URL\(\s*["'`]([^"'`]+\.js)["'`]/g)) {
      const worker = new URL(m[1], `http://x${url}`).pathname;
      follow(worker, worker.includes('import.worker') ? onDemand : into);
    }
  };
  const html = readFileSync(join(dist, page), 'utf8');
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) follow(m[1], loaded);
  return { loaded, onDemand };
}
