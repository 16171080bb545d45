/**
 * Browser tests of the built site: builds it against the test fixtures (or the
 * releases in PINGAN_RELEASES_DIR), serves it on 127.0.0.1 and drives Debian's
 * /usr/bin/chromium with playwright-core. Skipped, with a notice, without chromium.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildSite, CHROMIUM, launchChromium, startServer, type StaticServer } from './server.ts';

const site = join(import.meta.dirname, '..');
const releasesDir = process.env.PINGAN_RELEASES_DIR ?? join(site, 'test', 'fixtures', 'releases');
const screenshots = join(site, '..', 'artifacts', 'screenshots');
const require = createRequire(import.meta.url);
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`\n*** site browser tests SKIPPED: ${CHROMIUM} is absent (apt-get install -y chromium) ***\n`);

/** The latest month, its latest revision and the raw release.json, read straight from the files. */
function latestRaw() {
  const months = readdirSync(releasesDir).filter((n) => /^\d{4}-\d{2}$/.test(n)).sort();
  const month = months.at(-1)!;
  const revs = readdirSync(join(releasesDir, month)).filter((n) => /^r\d+$/.test(n)).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  const dir = join(releasesDir, month, revs.at(-1)!);
  const json = JSON.parse(readFileSync(join(dir, 'release.json'), 'utf8')) as {
    regions: { code: string; parent: string | null; aggregates: { value: string | null }[] }[];
  };
  return { month, dir, json };
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? htmlFiles(p) : n.endsWith('.html') ? [p] : [];
  });
}

describe.skipIf(!haveChromium)('the built site in Chromium', () => {
  let out: string;
  let server: StaticServer;
  let browser: Browser;
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  const { month, dir, json } = latestRaw();
  const monthPath = `/${month.slice(0, 4)}/${month.slice(5, 7)}/`;
  const city = json.regions.find((r) => r.parent === null)!;
  const cityIndex = city.aggregates[0].value;
  const district = json.regions.find((r) => r.parent !== null)!.code;

  beforeAll(async () => {
    out = buildSite('pingan-site-', { PINGAN_RELEASES_DIR: releasesDir });
    server = await startServer(out);
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  async function open(path: string, options: { javaScriptEnabled?: boolean; width?: number; bypassCSP?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, bypassCSP: options.bypassCSP ?? false, viewport: { width: options.width ?? 1280, height: 900 } });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`${path}: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(`${path}: ${e.message}`));
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url)) foreignRequests.push(r.url());
    });
    const response = await page.goto(server.url + path);
    expect(response?.status(), path).toBe(200);
    return page;
  }

  async function axe(page: Page) {
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    return page.evaluate(async () => {
      const w = window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } };
      const r = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
      return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    });
  }

  it('shows the latest release’s city index as the home headline, in both languages', async () => {
    expect(cityIndex).toBeTruthy();
    const zh = await open('/');
    expect(await zh.getAttribute('html', 'lang')).toBe('zh-Hans');
    expect((await zh.textContent('[data-testid=headline]'))?.trim()).toBe(cityIndex);
    const en = await open('/en/');
    expect(await en.getAttribute('html', 'lang')).toBe('en');
    expect((await en.textContent('[data-testid=headline]'))?.trim()).toBe(cityIndex);
    // The same numbers in the ranking and the trend table.
    const cells = (p: Page, sel: string) => p.$$eval(`${sel} td.num`, (tds) => tds.map((td) => td.textContent?.trim()));
    expect(await cells(en, '[data-testid=ranking]')).toEqual(await cells(zh, '[data-testid=ranking]'));
    expect(await cells(en, '[data-testid=trend-table]')).toEqual(await cells(zh, '[data-testid=trend-table]'));
    // A language switch on every page kind.
    for (const p of [zh, en]) expect(await p.locator('a.lang-switch').count()).toBe(1);
    await zh.context().close();
    await en.context().close();
  });

  it('draws a map of the five districts, each linked to its page', async () => {
    const page = await open('/');
    const links = await page.$$eval('[data-testid=district-map] svg a', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toHaveLength(5);
    for (const href of links) {
      expect(href).toMatch(new RegExp(`^${monthPath}\\d{6}/$`));
      expect((await fetch(server.url + href!)).status).toBe(200);
    }
    expect(await page.locator('[data-testid=district-map] path').count()).toBe(5);
    await page.context().close();
  });

  it('resolves every archive link (HTTP 200), in both languages', async () => {
    for (const path of ['/archive/', '/en/archive/', '/downloads/', '/en/downloads/']) {
      const page = await open(path);
      const hrefs = await page.$$eval('main a[href]', (as) => as.map((a) => a.getAttribute('href')!));
      expect(hrefs.length).toBeGreaterThan(3);
      for (const href of new Set(hrefs)) {
        const res = await fetch(new URL(href, server.url + path));
        expect(res.status, href).toBe(200);
      }
      await page.context().close();
    }
  });

  it('serves each release’s files byte for byte, the framework, rss.xml, sitemap.xml and a 404', async () => {
    const rev = relative(join(releasesDir, month), dir);
    for (const file of ['release.json', 'release.csv', 'manifest.json']) {
      const res = await fetch(`${server.url}/downloads/${month}/${rev}/${file}`);
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(join(dir, file)))).toBe(true);
    }
    expect((await fetch(`${server.url}/downloads/framework/xiangtan.json`)).status).toBe(200);
    const rss = await (await fetch(`${server.url}/rss.xml`)).text();
    expect(rss).toContain(`<guid isPermaLink="false">${month}-${rev}</guid>`);
    const sitemap = await (await fetch(`${server.url}/sitemap.xml`)).text();
    expect(sitemap).toContain(`/en${monthPath}${district}/</loc>`);
    expect((await fetch(`${server.url}/no/such/page/`)).status).toBe(404);
  });

  it('has no accessibility violations (axe) on home, month, district and methodology pages', async () => {
    const pages: [string, number][] = [['/', 1280], ['/', 390], [`/en${monthPath}`, 1280], [`${monthPath}${district}/`, 390], ['/methodology/', 1280], ['/en/methodology/', 390], ['/archive/', 1280]];
    for (const [path, width] of pages) {
      // playwright injects axe as an inline script, which the site's CSP rightly blocks: bypass it for axe only.
      const page = await open(path, { bypassCSP: true, width });
      expect(await axe(page), `${path} at ${width}px`).toEqual([]);
      await page.context().close();
    }
  }, 120_000);

  it('is fully readable with JavaScript off: headline, tables and charts', async () => {
    for (const path of ['/', `${monthPath}${district}/`]) {
      const page = await open(path, { javaScriptEnabled: false });
      expect((await page.textContent('[data-testid=headline]'))?.trim()).toMatch(/^\d+\.\d+$/);
      expect(await page.locator('[data-testid=ranking] tbody tr').count()).toBe(5);
      expect(await page.locator('[data-testid=trend-table] tbody tr').count()).toBeGreaterThan(1);
      expect(await page.locator('[data-testid=trend-chart] svg path').count()).toBeGreaterThanOrEqual(5);
      expect(await page.locator('[data-testid=district-map] svg a').count()).toBe(5);
      await page.context().close();
    }
    const month = await open(monthPath, { javaScriptEnabled: false });
    expect(await month.locator('[data-testid=indicator-table] tbody tr th[scope=row]').count()).toBe(14);
    await month.context().close();
  });

  it('keeps a strict CSP: no inline script or style anywhere, and no request leaves the site', async () => {
    for (const file of htmlFiles(out)) {
      const html = readFileSync(file, 'utf8');
      const where = relative(out, file);
      expect(html, where).toContain('http-equiv="Content-Security-Policy"');
      expect(html, where).not.toContain('unsafe-inline');
      expect(html, where).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html, where).not.toMatch(/<style[\s>]/);
      expect(html, where).not.toMatch(/\sstyle="/);
      expect(html, where).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
    }
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('saves screenshots of home at 390 px and 1280 px', async () => {
    mkdirSync(screenshots, { recursive: true });
    for (const width of [390, 1280]) {
      const page = await open('/', { width });
      await page.screenshot({ path: join(screenshots, `home-${width}.png`), fullPage: true });
      // Nothing wider than the phone screen except inside scroll boxes.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `horizontal overflow at ${width}px`).toBeLessThanOrEqual(0);
      await page.context().close();
    }
    expect(consoleErrors).toEqual([]);
  });
});
