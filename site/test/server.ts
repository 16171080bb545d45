/** A tiny static file server for the built site (tests and dev helpers). */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export function startServer(root: string): Promise<StaticServer> {
  const base = normalize(root.endsWith(sep) ? root : root + sep);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      const notFound = join(base, '404.html');
      res.writeHead(404, { 'Content-Type': TYPES['.html'] });
      if (existsSync(notFound)) createReadStream(notFound).pipe(res);
      else res.end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

/** Debian's Chromium, which the browser tests drive (a test tool's own browser download fails here). */
export const CHROMIUM = '/usr/bin/chromium';

/** Chromium's flags for headless runs on a machine with no network beyond loopback. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Launches headless Chromium through playwright-core. */
export async function launchChromium(): Promise<import('playwright-core').Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * Builds the site into a new temporary folder with the given environment (e.g.
 * PINGAN_RELEASES_DIR) and returns the folder. The folder is inside the site
 * (under node_modules/, never committed): Astro writes its prerender chunks
 * beside an output folder inside the project, but into one shared folder
 * (.astro/) for one outside it, where two builds at once (two test files in
 * parallel) would delete each other's chunks.
 */
export function buildSite(prefix: string, env: Record<string, string>): string {
  const site = join(import.meta.dirname, '..');
  const builds = join(site, 'node_modules', '.pingan-test-builds');
  mkdirSync(builds, { recursive: true });
  const out = mkdtempSync(join(builds, prefix));
  const astro = join(site, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const build = spawnSync(process.execPath, [astro, 'build', '--outDir', out], {
    cwd: site,
    encoding: 'utf8',
    env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) throw new Error(`astro build failed:\n${build.stdout}\n${build.stderr}`);
  return out;
}

/** A built site, served, with a browser to open it: what `servedSite` gives a browser test. */
export interface ServedSite {
  /** The build's folder. */
  readonly out: string;
  /** The server's address, e.g. http://127.0.0.1:PORT. */
  readonly url: string;
  readonly browser: Browser;
}

/**
 * Registers a browser test file's set-up and tear-down (call it inside its
 * describe): before all tests, build the site with `env` (see `buildSite`),
 * serve the build and launch Chromium; after them, close the browser and the
 * server and remove the build. The fields are read in the tests, once the
 * set-up has run. `before` runs first (a check of the fixtures).
 */
export function servedSite(prefix: string, env: Record<string, string>, before?: () => void): ServedSite {
  const state: { out?: string; server?: StaticServer; browser?: Browser } = {};
  beforeAll(async () => {
    before?.();
    state.out = buildSite(prefix, env);
    state.server = await startServer(state.out);
    state.browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    await state.browser?.close();
    await state.server?.close();
    if (state.out) rmSync(state.out, { recursive: true, force: true });
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`servedSite: the ${what} is not ready (read it inside a test, after the set-up)`);
    return value;
  };
  return {
    get out() {
      return ready(state.out, 'build');
    },
    get url() {
      return ready(state.server, 'server').url;
    },
    get browser() {
      return ready(state.browser, 'browser');
    },
  };
}
