/**
 * Browser tests of the built site: builds it against the test fixtures (or the
 * releases in PINGAN_RELEASES_DIR), serves it on 127.0.0.1 and drives Debian's
 * /usr/bin/chromium with playwright-core. Skipped, with a notice, without chromium.
 *
 * Every count and name expected here is read from the index under test (its
 * releases, framework and publication configuration), so the same tests run
 * on any index: example.browser.test.ts runs them on the fictional example
 * by setting `globalThis.pinganSiteUnderTest` before importing this file.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe.ts';
import { expectNoSidewaysScroll } from './overflow.ts';
import { CHROMIUM, servedSite } from './server.ts';

const site = join(import.meta.dirname, '..');
/** The index under test: its data folder and releases, and words its pages must never contain. Xiangtan's fixtures unless an importing file says otherwise. */
interface SiteUnderTest {
  name: string;
  dataDir: string;
  releasesDir: string;
  forbidden: string[];
  /** Where the screenshots go. */
  screenshots: string;
}
const underTest = (globalThis as { pinganSiteUnderTest?: SiteUnderTest }).pinganSiteUnderTest ?? {
  name: 'the built site',
  dataDir: process.env.PINGAN_DATA_DIR ?? join(site, '..', 'data'),
  releasesDir: process.env.PINGAN_RELEASES_DIR ?? join(site, 'test', 'fixtures', 'releases'),
  forbidden: [],
  screenshots: join(site, '..', 'artifacts', 'screenshots'),
};
const { releasesDir, dataDir, screenshots } = underTest;
const publication = JSON.parse(readFileSync(join(dataDir, 'publication.json'), 'utf8')) as { map?: unknown; periods?: string; synthetic?: boolean };
const hasMap = Boolean(publication.map);
/** Whether the data are synthetic: the site then says so (its banner, download names, history.csv's rows). */
const synthetic = publication.synthetic === true;
const frameworkFile = readdirSync(join(dataDir, 'framework')).filter((n) => n.endsWith('.json'))[0];
const frameworkDoc = JSON.parse(readFileSync(join(dataDir, 'framework', frameworkFile), 'utf8')) as { nodes: { code: string; type: string; parent: string | null }[] };
const indicatorCount = frameworkDoc.nodes.filter((n) => n.type === 'indicator').length;
const groupCount = frameworkDoc.nodes.filter((n) => n.parent !== null && frameworkDoc.nodes.find((r) => r.code === n.parent)?.parent === null).length;
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`\n*** site browser tests SKIPPED: ${CHROMIUM} is absent (apt-get install -y chromium) ***\n`);

/** A release folder's name: a month YYYY-MM, or a quarter YYYY-Qn for a quarterly index. */
const PERIOD_DIR = /^\d{4}-(\d{2}|Q[1-4])$/;
/** The periods released, in order (the releases folder's period folders). */
const releasedPeriods = () => readdirSync(releasesDir).filter((n) => PERIOD_DIR.test(n)).sort();
/** A period's revision numbers, in order (its folders r1, r2, …). */
const revisionNumbers = (period: string) =>
  readdirSync(join(releasesDir, period))
    .filter((n) => /^r\d+$/.test(n))
    .map((n) => Number(n.slice(1)))
    .sort((a, b) => a - b);
/** Whether the index under test is quarterly: its pages then speak of quarters (本季度, 较上季度). */
const quarterly = publication.periods === 'quarterly';
/** A period's page, written by hand: /2025/10/ or /2025/q3/. */
const periodPath = (p: string) => `/${p.slice(0, 4)}/${p.slice(5, 7).toLowerCase()}/`;
/** A period's Chinese name, written by hand: 2025年10月 or 2025年第三季度. */
const periodZh = (p: string) => (p[5] === 'Q' ? `${p.slice(0, 4)}年第${'一二三四'[Number(p[6]) - 1]}季度` : `${p.slice(0, 4)}年${Number(p.slice(5))}月`);

/** The latest month, its latest revision and the raw release.json, read straight from the files. */
function latestRaw() {
  const month = releasedPeriods().at(-1)!;
  const dir = join(releasesDir, month, `r${revisionNumbers(month).at(-1)!}`);
  const json = JSON.parse(readFileSync(join(dir, 'release.json'), 'utf8')) as {
    regions: { code: string; parent: string | null; aggregates: { code: string; parent: string | null; value: string | null; flags: string[] }[] }[];
  };
  return { month, dir, json };
}

/**
 * The methodology section marked for the intervals (the line <!--pingan:intervals--> before its heading), read from the document by
 * hand: its anchor (the page numbers its ## and ### headings s1, s2, … in order) and its heading; null without a document or a mark.
 */
function markedSection(lang: 'zh' | 'en'): { id: string; heading: string } | null {
  const file = join(dataDir, 'methodology', `methodology.${lang}.md`);
  if (!existsSync(file)) return null;
  let fenced = false;
  let headings = 0;
  let marked = false;
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    if (line.startsWith('```')) fenced = !fenced;
    if (fenced || line.startsWith('```')) continue;
    if (line.trim() === '<!--pingan:intervals-->') marked = true;
    const heading = /^#{2,3}\s+(.+)$/.exec(line);
    if (!heading) continue;
    headings++;
    if (marked) return { id: `s${headings}`, heading: heading[1].trim() };
  }
  return null;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? htmlFiles(p) : n.endsWith('.html') ? [p] : [];
  });
}

describe.skipIf(!haveChromium)(`${underTest.name} in Chromium`, () => {
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  const { month, dir, json } = latestRaw();
  const monthPath = periodPath(month);
  const city = json.regions.find((r) => r.parent === null)!;
  const cityIndex = city.aggregates[0].value;
  const district = json.regions.find((r) => r.parent !== null)!.code;
  const districtCount = json.regions.filter((r) => r.parent !== null).length;

  const served = servedSite('pingan-site-', { PINGAN_RELEASES_DIR: releasesDir, PINGAN_DATA_DIR: dataDir });

  async function open(path: string, options: { javaScriptEnabled?: boolean; width?: number; bypassCSP?: boolean; fontSize?: number } = {}): Promise<Page> {
    const context = await served.browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, bypassCSP: options.bypassCSP ?? false, viewport: { width: options.width ?? 1280, height: 900 } });
    const page = await context.newPage();
    // A reader's own default font size (the browser's setting, which rem and a media query's em follow).
    if (options.fontSize) await (await context.newCDPSession(page)).send('Page.setFontSizes', { fontSizes: { standard: options.fontSize, fixed: Math.round(options.fontSize * 0.8) } });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`${path}: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(`${path}: ${e.message}`));
    page.on('request', (r) => {
      if (!r.url().startsWith(served.url)) foreignRequests.push(r.url());
    });
    const response = await page.goto(served.url + path);
    expect(response?.status(), path).toBe(200);
    return page;
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
    // The numbers only (the notes beside them are words of each language).
    const cells = (p: Page, sel: string) => p.$$eval(`${sel} td.num`, (tds) => tds.map((td) => /[−+-]?\d+(?:\.\d+)?/.exec(td.textContent ?? '')?.[0] ?? td.textContent?.trim()));
    expect(await cells(en, '[data-testid=ranking]')).toEqual(await cells(zh, '[data-testid=ranking]'));
    expect(await cells(en, '[data-testid=trend-table]')).toEqual(await cells(zh, '[data-testid=trend-table]'));
    // A language switch on every page kind.
    for (const p of [zh, en]) expect(await p.locator('a.lang-switch').count()).toBe(1);
    await zh.context().close();
    await en.context().close();
  });

  it.runIf(hasMap)('draws a map of every area, each linked to its page', async () => {
    const page = await open('/');
    const links = await page.$$eval('[data-testid=district-map] svg a', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toHaveLength(districtCount);
    for (const href of links) {
      expect(href).toMatch(new RegExp(`^${monthPath}[^/]+/$`));
      expect((await fetch(served.url + href!)).status).toBe(200);
    }
    expect(await page.locator('[data-testid=district-map] path').count()).toBe(districtCount);
    // Every area is told from the page by its outline, at least 3:1 against the background (WCAG 1.4.11),
    // whatever its fill: the lightest band's is nearly white.
    const contrasts = await page.$$eval('[data-testid=district-map] svg a path', (paths) => {
      const luminance = (css: string) => {
        const [r, g, b] = (/rgba?\((\d+), (\d+), (\d+)/.exec(css) ?? ['', '255', '255', '255']).slice(1).map((v) => Number(v) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const page = luminance(getComputedStyle(document.body).backgroundColor === 'rgba(0, 0, 0, 0)' ? 'rgb(255, 255, 255)' : getComputedStyle(document.body).backgroundColor);
      return paths.map((path) => {
        const stroke = luminance(getComputedStyle(path).stroke);
        return (Math.max(stroke, page) + 0.05) / (Math.min(stroke, page) + 0.05);
      });
    });
    expect(contrasts).toHaveLength(districtCount);
    for (const c of contrasts) expect(c).toBeGreaterThanOrEqual(3);
    // Tab goes through the areas as they read, by rows from the top, left to right: an area left of the one before is lower.
    const centres = await page.$$eval('[data-testid=district-map] svg a', (as) => as.map((a) => { const b = a.getBoundingClientRect(); return { x: b.x + b.width / 2, y: b.y + b.height / 2 }; }));
    for (let i = 1; i < centres.length; i++) if (centres[i].x < centres[i - 1].x) expect(centres[i].y).toBeGreaterThan(centres[i - 1].y);
    await page.context().close();
  });

  it.runIf(hasMap)('shows keyboard focus on the map: a shape turns orange, on its own page too, and the data link under the map keeps the focus ring', async () => {
    const page = await open(`${monthPath}${district}/`);
    const stroke = (selector: string) => page.locator(selector).first().evaluate((a) => getComputedStyle(a.querySelector('path')!).stroke);
    const current = `[data-testid=district-map] svg a[aria-current="page"]`;
    const before = await stroke(current);
    await page.locator(current).focus();
    expect(await stroke(current)).not.toBe(before);
    expect(await stroke(current)).toBe('rgb(194, 87, 0)');
    const other = `[data-testid=district-map] svg a:not([aria-current])`;
    await page.locator(other).first().focus();
    expect(await stroke(other)).toBe('rgb(194, 87, 0)');
    // Focused from the keyboard (Tab), as :focus-visible asks.
    const dataLink = page.locator('[data-testid=district-map] figcaption a').first();
    await dataLink.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await dataLink.evaluate((a) => a === document.activeElement && getComputedStyle(a).outlineStyle)).toBe('solid');
    await page.context().close();
  });

  it.runIf(!hasMap)('draws no map when the configuration names none, and the ranking takes its place', async () => {
    for (const width of [360, 1280]) {
      const page = await open('/', { width });
      expect(await page.locator('[data-testid=district-map]').count()).toBe(0);
      expect(await page.locator('[data-testid=ranking] tbody tr').count()).toBe(districtCount);
      const ranking = (await page.locator('[data-testid=ranking]').boundingBox())!;
      // Alone in its row: (nearly) the width of the page's column, not half of it.
      const main = (await page.locator('main').boundingBox())!;
      expect(ranking.width).toBeGreaterThan(main.width * 0.8);
      await page.context().close();
    }
  });

  it('resolves every archive link (HTTP 200), in both languages', async () => {
    for (const path of ['/archive/', '/en/archive/', '/downloads/', '/en/downloads/']) {
      const page = await open(path);
      const hrefs = await page.$$eval('main a[href]', (as) => as.map((a) => a.getAttribute('href')!));
      expect(hrefs.length).toBeGreaterThan(3);
      for (const href of new Set(hrefs)) {
        const res = await fetch(new URL(href, served.url + path));
        expect(res.status, href).toBe(200);
      }
      await page.context().close();
    }
  });

  it('saves every download under a name of its own that says SYNTHETIC where the data are, on the month, downloads and methodology pages', async () => {
    const latest = releasedPeriods().at(-1)!;
    const names = new Map<string, string>();
    for (const path of [periodPath(latest), '/downloads/', '/en/methodology/']) {
      const page = await open(path);
      const links = await page.$$eval('a[download]', (as) => as.map((a) => [a.getAttribute('href')!, a.getAttribute('download')!]));
      expect(links.length, path).toBeGreaterThan(0);
      for (const [href, name] of links) {
        expect(name, href).toMatch(synthetic ? /^SYNTHETIC-[^/]+$/ : /^(?!SYNTHETIC-)[^/]+$/);
        // A revision's file names its period and revision.
        const file = /^\/downloads\/([^/]+)\/(r\d+)\/([^/]+)$/.exec(href);
        if (file) expect(name, href).toBe(`${synthetic ? 'SYNTHETIC-' : ''}${file[1]}-${file[2]}-${file[3]}`);
        // One name per file, and one file per name.
        expect(names.get(href) ?? name, href).toBe(name);
        names.set(href, name);
      }
      await page.context().close();
    }
    expect(new Set(names.values()).size).toBe(names.size);
  });

  it('lets a phone jump to any year of the archive and of the downloads: a link a year, newest first, each to its section, without JavaScript', async () => {
    const years = [...new Set(releasedPeriods().map((p) => p.slice(0, 4)))].reverse();
    const pages = [
      ['/archive/', 'zh', 'archive-years', 'h2'],
      ['/en/archive/', 'en', 'archive-years', 'h2'],
      ['/downloads/', 'zh', 'downloads-years', '[data-testid=downloads] tbody > tr.year-head > th'],
      ['/en/downloads/', 'en', 'downloads-years', '[data-testid=downloads] tbody > tr.year-head > th'],
    ] as const;
    for (const [path, lang, testid, heading] of pages) {
      const page = await open(path, { width: 360, javaScriptEnabled: false });
      const nav = page.locator(`[data-testid=${testid}]`);
      if (years.length < 2) {
        expect(await nav.count()).toBe(0);
        await page.context().close();
        continue;
      }
      expect(await nav.getAttribute('aria-label')).toBe(lang === 'zh' ? '按年份跳转' : 'Jump to a year');
      const links = nav.locator('a');
      expect(await links.evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]))).toEqual(years.map((y) => [lang === 'zh' ? `${y}年` : y, `#y${y}`]));
      for (let i = 0; i < years.length; i++) {
        expect(await page.locator(`${heading}#y${years[i]}`).textContent(), path).toBe(lang === 'zh' ? `${years[i]}年` : years[i]);
        // A tap target of at least 24 px (WCAG 2.2, 2.5.8).
        expect((await links.nth(i).boundingBox())!.height).toBeGreaterThanOrEqual(24);
      }
      // The oldest year, a tap away: its heading comes into view.
      await links.last().click();
      expect(await page.evaluate(() => location.hash)).toBe(`#y${years.at(-1)}`);
      const box = await page.locator(`#y${years.at(-1)}`).evaluate((h) => [h.getBoundingClientRect().top, h.getBoundingClientRect().bottom, innerHeight]);
      expect(box[0]).toBeGreaterThanOrEqual(0);
      expect(box[1]).toBeLessThanOrEqual(box[2]);
      await expectNoSidewaysScroll(page, path);
      await page.context().close();
    }
  });

  it('lists the downloads a row a month: its latest revision’s files, the replaced ones in a disclosure, fitting a 360 px phone', async () => {
    const periods = releasedPeriods().reverse();
    const files = (p: string, r: number) => ['release.csv', 'release.json', 'manifest.json'].map((f) => `/downloads/${p}/r${r}/${f}`);
    for (const path of ['/downloads/', '/en/downloads/']) {
      const page = await open(path, { width: 360 });
      // Each year's months in a row group of their own, headed by the year.
      const groups = await page.$$eval('[data-testid=downloads] tbody', (bodies) =>
        bodies.map((body) => ({ year: body.querySelector(':scope > tr.year-head > th[scope=rowgroup]')?.textContent, months: [...body.querySelectorAll(':scope > tr[data-month]')].map((tr) => tr.getAttribute('data-month')!.slice(0, 4)) })),
      );
      for (const g of groups) expect(g.months.map((y) => (path.startsWith('/en/') ? y : `${y}年`)), path).toEqual(g.months.map(() => g.year));
      const rows = await page.$$eval('[data-testid=downloads] tbody tr[data-month]', (trs) =>
        trs.map((tr) => ({
          period: tr.getAttribute('data-month'),
          latest: [...tr.querySelectorAll(':scope > td > .files-of a')].map((a) => a.getAttribute('href')),
          replaced: [...tr.querySelectorAll('details li')].map((li) => ({ revision: Number(li.getAttribute('data-revision')), files: [...li.querySelectorAll('a')].map((a) => a.getAttribute('href')) })),
          disclosures: tr.querySelectorAll('details').length,
        })),
      );
      expect(rows.map((r) => r.period)).toEqual(periods);
      for (const row of rows) {
        const [latest, ...replaced] = revisionNumbers(row.period!).reverse();
        expect(row.latest, `${path} ${row.period}`).toEqual(files(row.period!, latest));
        expect(row.replaced, `${path} ${row.period}`).toEqual(replaced.map((r) => ({ revision: r, files: files(row.period!, r) })));
        expect(row.disclosures).toBe(replaced.length ? 1 : 0);
      }
      const box = await page.$eval('[data-testid=downloads]', (t) => t.closest('.table-scroll')!.scrollWidth - t.closest('.table-scroll')!.clientWidth);
      expect(box, `${path}: the table is wider than its box at 360 px`).toBeLessThanOrEqual(0);
      await page.context().close();
    }
  });

  it('serves each release’s files and chain.json byte for byte, with the chain’s head on the downloads page; the framework, rss.xml, sitemap.xml and a 404', async () => {
    const rev = relative(join(releasesDir, month), dir);
    for (const file of ['release.json', 'release.csv', 'manifest.json']) {
      const res = await fetch(`${served.url}/downloads/${month}/${rev}/${file}`);
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(join(dir, file)))).toBe(true);
    }
    const chain = await fetch(`${served.url}/downloads/chain.json`);
    expect(chain.status).toBe(200);
    const chainBytes = readFileSync(join(releasesDir, 'chain.json'));
    expect(Buffer.from(await chain.arrayBuffer()).equals(chainBytes)).toBe(true);
    // The head a reader keeps, to check a copy later with pingan verify --head: the chain's last entry, whole, in both languages.
    const head = (JSON.parse(chainBytes.toString('utf8')) as { entries: { hash: string }[] }).entries.at(-1)!.hash;
    for (const path of ['/downloads/', '/en/downloads/']) {
      const page = await open(path, { width: 360, javaScriptEnabled: false });
      expect(await page.textContent('[data-testid=chain-head-hash]')).toBe(head);
      // 64 hex digits wrap within a phone's page.
      await expectNoSidewaysScroll(page, path);
      await page.context().close();
    }
    expect((await fetch(`${served.url}/downloads/framework/${frameworkFile}`)).status).toBe(200);
    const rss = await (await fetch(`${served.url}/rss.xml`)).text();
    expect(rss).toContain(`<guid isPermaLink="false">${month}-${rev}</guid>`);
    const sitemap = await (await fetch(`${served.url}/sitemap.xml`)).text();
    expect(sitemap).toContain(`/en${monthPath}${district}/</loc>`);
    expect((await fetch(`${served.url}/no/such/page/`)).status).toBe(404);
  });

  it('has no accessibility violations (axe) on home, month, district, methodology, archive and downloads pages', async () => {
    const pages: [string, number][] = [['/', 1280], ['/', 390], [`/en${monthPath}`, 1280], [`${monthPath}${district}/`, 390], ['/methodology/', 1280], ['/en/methodology/', 390], ['/archive/', 1280], ['/downloads/', 360], ['/en/downloads/', 1280]];
    for (const [path, width] of pages) {
      // playwright injects axe as an inline script, which the site's CSP rightly blocks: bypass it for axe only.
      const page = await open(path, { bypassCSP: true, width });
      expect(await axeViolations(page), `${path} at ${width}px`).toEqual([]);
      await page.context().close();
    }
  }, 120_000);

  it('is fully readable with JavaScript off: headline, tables and charts', async () => {
    for (const path of ['/', `${monthPath}${district}/`]) {
      const page = await open(path, { javaScriptEnabled: false });
      expect((await page.textContent('[data-testid=headline]'))?.trim()).toMatch(/^\d+\.\d+$/);
      expect(await page.locator('[data-testid=ranking] tbody tr').count()).toBe(districtCount);
      expect(await page.locator('[data-testid=trend-table] tbody tr').count()).toBeGreaterThan(1);
      // Its disclosure opens without JavaScript.
      await page.locator('details.trend-data > summary').click();
      await expect.poll(() => page.locator('[data-testid=trend-table] tbody tr').first().isVisible()).toBe(true);
      // One line for the index and one for each first-level group.
      expect(await page.locator('[data-testid=trend-chart] svg path').count()).toBeGreaterThanOrEqual(1 + groupCount);
      expect(await page.locator('[data-testid=district-map] svg a').count()).toBe(hasMap ? districtCount : 0);
      await page.context().close();
    }
    const month = await open(monthPath, { javaScriptEnabled: false });
    expect(await month.locator('[data-testid=indicator-table] tbody tr th[scope=row]').count()).toBe(indicatorCount);
    await month.context().close();
  });

  it('names only its own place, and only its own numbers of groups and indicators, on every page and file; no template value is missing from one', () => {
    // A value a template did not have, in a reader's text: "undefined", "null" or "NaN" glued to a word or number ("in other pundefineds"), NaN
    // or "[object …]" anywhere, or "undefined" standing alone (but prose such as "a geometric mean is undefined").
    const LEAKED_IN_TEXT = /.{0,12}(?:[\p{L}\p{N}](?:undefined|null|NaN)|(?:undefined|null|NaN)[\p{L}\p{N}]|\bNaN\b|\[object \w+\]|(?<!\bis )\bundefined\b).{0,12}/gu;
    const LEAKED_IN_DATA = /.{0,12}(?:\bundefined\b|\bNaN\b|\[object \w+\]).{0,12}/g;
    const ZH_NUMBERS: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
    const EN_NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
    const value = (n: string) => (/^\d+$/.test(n) ? Number(n) : (ZH_NUMBERS[n] ?? EN_NUMBERS[n.toLowerCase()] ?? Number.NaN));
    const textFiles = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => {
        const p = join(dir, n);
        return statSync(p).isDirectory() ? textFiles(p) : /\.(html|xml|json|csv|js|txt|svg)$/.test(n) ? [p] : [];
      });
    let pages = 0;
    let claims = 0;
    const wrong: string[] = [];
    for (const file of textFiles(served.out)) {
      const raw = readFileSync(file, 'utf8');
      const where = relative(served.out, file);
      for (const word of underTest.forbidden) if (raw.includes(word)) wrong.push(`${where}: contains "${word}"`);
      if (file.endsWith('.csv')) for (const m of raw.matchAll(LEAKED_IN_DATA)) wrong.push(`${where}: "${m[0]}" where a value belongs`);
      if (!file.endsWith('.html')) continue;
      pages++;
      // The text a reader sees: no scripts, styles, templates or tags.
      const text = raw.replace(/<(script|style|template)\b[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&[a-z]+;|&#\d+;/g, ' ');
      for (const m of text.matchAll(LEAKED_IN_TEXT)) wrong.push(`${where}: "${m[0]}" (a template's missing value)`);
      claims += [...text.matchAll(/个一级指标|个二级指标|first-level|indicators\)/g)].length;
      for (const m of text.matchAll(/(\d+|[一两二三四五六七八九十])个一级指标/g)) if (value(m[1]) !== groupCount) wrong.push(`${where}: "${m[0]}" (${groupCount} groups)`);
      // A count of all indicators: "14个指标", "14个二级指标", "三个二级指标" (prose such as "一个指标", "an indicator", is not a count of them).
      for (const m of text.matchAll(/(\d+)个(?:二级)?指标|([一两二三四五六七八九十])个二级指标/g)) if (value(m[1] ?? m[2]) !== indicatorCount) wrong.push(`${where}: "${m[0]}" (${indicatorCount} indicators)`);
      for (const m of text.matchAll(/\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten) first-level\b/gi)) if (value(m[1]) !== groupCount) wrong.push(`${where}: "${m[0]}" (${groupCount} groups)`);
      for (const m of text.matchAll(/\b(\d+) (?:second-level )?indicators\b|\b(one|two|three|four|five|six|seven|eight|nine|ten) second-level indicators\b/gi)) if (value(m[1] ?? m[2]) !== indicatorCount) wrong.push(`${where}: "${m[0]}" (${indicatorCount} indicators)`);
    }
    expect(pages).toBeGreaterThan(10);
    // The pages do state counts (the check above is not vacuous).
    expect(claims).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  });

  it('keeps a strict CSP: no inline script or style anywhere, and no request leaves the site', async () => {
    for (const file of htmlFiles(served.out)) {
      const html = readFileSync(file, 'utf8');
      const where = relative(served.out, file);
      expect(html, where).toContain('http-equiv="Content-Security-Policy"');
      expect(html, where).not.toContain('unsafe-inline');
      expect(html, where).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html, where).not.toMatch(/<style[\s>]/);
      expect(html, where).not.toMatch(/\sstyle="/);
      // Canonical and hreflang links are absolute by design: metadata for search engines, never fetched by the page.
      const fetched = html.replace(/<link rel="(?:canonical|alternate)"[^>]*>/g, '');
      expect(fetched, where).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
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
      await expectNoSidewaysScroll(page, `home at ${width}px`);
      await page.context().close();
    }
    expect(consoleErrors).toEqual([]);
  });

  /*
   * Phone-first layout, as residents read it: 360 × 740 and 1280 × 800, zh and en,
   * on home, the latest month and one of its districts.
   */
  const LAYOUT_PAGES = [
    { name: 'home', path: '/' },
    { name: 'month', path: monthPath },
    { name: 'district', path: `${monthPath}${district}/` },
  ];
  const VIEWPORTS = [
    { width: 360, height: 740 },
    { width: 1280, height: 800 },
  ];
  for (const lang of ['zh', 'en'] as const) {
    for (const { width, height } of VIEWPORTS) {
      for (const target of LAYOUT_PAGES) {
        const path = lang === 'en' ? `/en${target.path}` : target.path;
        it(`fits ${target.name} (${lang}) at ${width}×${height}: no overflow, newest point in view, every column reachable, no clipped map label, no squeezed mark`, async () => {
          const context = await served.browser.newContext({ viewport: { width, height } });
          const page = await context.newPage();
          page.on('pageerror', (e) => consoleErrors.push(`${path}: ${e.message}`));
          expect((await page.goto(served.url + path))?.status()).toBe(200);
          mkdirSync(screenshots, { recursive: true });
          await page.screenshot({ path: join(screenshots, `${target.name}-${lang}-${width}.png`), fullPage: true });
          // The trend chart's table is folded; opened as a reader opens it, its columns are checked with the others'.
          await page.locator('details.trend-data > summary').click();
          const report = await page.evaluate((hasMap) => {
            const vw = document.documentElement.clientWidth;
            const visible = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
            const inside = (r: DOMRect, left: number, right: number) => r.left >= left - 0.5 && r.right <= right + 0.5;
            const scrollsSideways = (el: Element) => {
              for (let a = el.parentElement; a; a = a.parentElement) {
                const o = getComputedStyle(a).overflowX;
                if ((o === 'auto' || o === 'scroll') && a.scrollWidth > a.clientWidth + 1) return true;
              }
              return false;
            };
            const problems: string[] = [];
            // The document.
            if (document.documentElement.scrollWidth > vw) problems.push(`document is ${document.documentElement.scrollWidth}px wide in ${vw}px`);
            // Every chart.
            const charts = [...document.querySelectorAll('figure.trend svg.trend-svg, figure.map > svg')].filter(visible);
            const trendSvg = charts.find((c) => c.classList.contains('trend-svg'));
            if (charts.length < (hasMap ? 2 : 1)) problems.push(`expected a trend chart${hasMap ? ' and a map' : ''}, found ${charts.length} visible charts`);
            for (const svg of charts) {
              const r = svg.getBoundingClientRect();
              if (!inside(r, 0, vw)) problems.push(`chart ${svg.getAttribute('class') ?? 'map'} spans ${r.left}–${r.right} in ${vw}`);
              if (scrollsSideways(svg)) problems.push(`chart ${svg.getAttribute('class') ?? 'map'} sits in a sideways scroll box`);
            }
            // The chart's axis labels, none over another.
            const ticks = trendSvg ? [...trendSvg.querySelectorAll('.axis text')].map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() })) : [];
            ticks.forEach((a, i) => ticks.slice(i + 1).forEach((b) => {
              if (a.r.left < b.r.right - 0.5 && b.r.left < a.r.right - 0.5 && a.r.top < b.r.bottom - 0.5 && b.r.top < a.r.bottom - 0.5) problems.push(`axis labels "${a.text}" and "${b.text}" overlap`);
            }));
            // The newest month's point, in view without scrolling sideways.
            const trend = charts.find((c) => c.classList.contains('trend-svg'));
            const newest = trend?.querySelector('circle.point.newest');
            let newestMonth: string | null = null;
            if (!newest) problems.push('no newest point in the visible trend chart');
            else {
              const r = newest.getBoundingClientRect();
              const box = trend!.getBoundingClientRect();
              if (!inside(r, Math.max(0, box.left), Math.min(vw, box.right))) problems.push(`newest point at ${r.left}–${r.right}, chart ${box.left}–${box.right}, screen ${vw}`);
              newestMonth = newest.querySelector('title')?.textContent ?? null;
            }
            // Every table column: each cell inside the screen, never in a sideways scroll box; reflowed cells keep their column's name.
            const tables = [...document.querySelectorAll('main table')].filter(visible);
            for (const table of tables) {
              const id = table.getAttribute('data-testid') ?? table.querySelector('caption')?.textContent ?? 'table';
              const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? '');
              const headsShown = table.querySelector('thead') !== null && [...table.querySelectorAll('thead th')].every((th) => th.getBoundingClientRect().width > 2);
              if (scrollsSideways(table)) problems.push(`${id}: in a sideways scroll box`);
              for (const cell of table.querySelectorAll('tbody td, tbody th')) {
                if (!visible(cell)) {
                  problems.push(`${id}: a cell is not displayed`);
                  continue;
                }
                if (!inside(cell.getBoundingClientRect(), 0, vw)) problems.push(`${id}: cell "${cell.textContent?.trim()}" spans ${cell.getBoundingClientRect().left}–${cell.getBoundingClientRect().right}`);
                if (!headsShown && cell.tagName === 'TD' && !heads.includes(cell.getAttribute('data-label') ?? '\u0000')) problems.push(`${id}: reflowed cell "${cell.textContent?.trim()}" has no column name`);
              }
            }
            // Map labels: each wholly inside the map, none over another.
            const map = document.querySelector('figure.map > svg');
            const labels = [...document.querySelectorAll('figure.map text.map-label')];
            if (hasMap && labels.length === 0) problems.push('no map labels');
            if (!hasMap && map) problems.push('a map is drawn though the configuration names none');
            const mapBox = map?.getBoundingClientRect() ?? new DOMRect();
            const boxes = labels.map((l) => l.getBoundingClientRect());
            boxes.forEach((b, i) => {
              if (!(b.left >= mapBox.left - 0.5 && b.right <= mapBox.right + 0.5 && b.top >= mapBox.top - 0.5 && b.bottom <= mapBox.bottom + 0.5)) problems.push(`map label "${labels[i].textContent}" is clipped: ${b.left}–${b.right} × ${b.top}–${b.bottom} in ${mapBox.left}–${mapBox.right} × ${mapBox.top}–${mapBox.bottom}`);
              boxes.forEach((c, j) => {
                if (j > i && b.left < c.right - 1 && c.left < b.right - 1 && b.top < c.bottom - 1 && c.top < b.bottom - 1) problems.push(`map labels "${labels[i].textContent}" and "${labels[j].textContent}" overlap`);
              });
            });
            // A mark or control in a flex row (an svg, image, input or empty box: the shield, a legend's swatch) keeps
            // its width: a long text beside it must not squeeze it (checked by measuring it again with flex-shrink 0).
            for (const el of document.querySelectorAll<HTMLElement | SVGElement>('body *')) {
              const parent = el.parentElement;
              if (!parent || !getComputedStyle(parent).display.includes('flex') || !visible(el)) continue;
              if (!['svg', 'IMG', 'INPUT'].includes(el.tagName) && (el.textContent ?? '').trim() !== '') continue;
              const before = el.getBoundingClientRect().width;
              const shrink = el.style.flexShrink;
              el.style.flexShrink = '0';
              const after = el.getBoundingClientRect().width;
              el.style.flexShrink = shrink;
              if (after - before > 0.5) problems.push(`${el.tagName.toLowerCase()}.${el.getAttribute('class')} squeezed to ${before.toFixed(1)}px of ${after.toFixed(1)}px`);
            }
            return { problems, newestMonth, tables: tables.length };
          }, hasMap);
          expect(report.problems).toEqual([]);
          expect(report.tables).toBeGreaterThanOrEqual(target.name === 'home' ? 2 : 3);
          expect(report.newestMonth).toContain(lang === 'zh' ? periodZh(month) : month.slice(0, 4));
          await context.close();
        });
      }
    }
  }

  it('shows a month’s values on a tap or a key, in a read-out never cut off', async () => {
    for (const width of [360, 1280]) {
      const context = await served.browser.newContext({ viewport: { width, height: 800 }, hasTouch: width === 360 });
      const page = await context.newPage();
      await page.goto(served.url + '/');
      const readout = page.locator('[data-testid=trend-readout]');
      const newest = (await readout.textContent())!;
      expect(newest).toContain(periodZh(month));
      expect(newest).toContain(cityIndex!);
      const svg = page.locator('svg.trend-svg:visible');
      await svg.scrollIntoViewIfNeeded();
      const box = (await svg.boundingBox())!;
      // A tap at the chart's left edge picks the oldest month.
      if (width === 360) await page.touchscreen.tap(box.x + box.width * 0.1, box.y + box.height / 2);
      else await page.mouse.click(box.x + box.width * 0.1, box.y + box.height / 2);
      await expect.poll(() => readout.textContent()).not.toBe(newest);
      // The keys: End goes back to the newest, ArrowLeft to the month before.
      await page.locator('[data-trend-plots]').focus();
      await page.keyboard.press('End');
      await expect.poll(() => readout.textContent()).toBe(newest);
      await page.keyboard.press('ArrowLeft');
      const before = (await readout.textContent())!;
      expect(before).not.toBe(newest);
      // To assistive technology a slider named by the chart's heading, its value the month read out.
      const heading = (await page.locator('figure.trend').first().getAttribute('aria-labelledby'))!;
      const slider = page.getByRole('slider', { name: (await page.locator(`#${heading}`).textContent())!.trim(), exact: true }).first();
      const points = await page.locator('svg.trend-svg:visible circle.point').count();
      expect(await slider.getAttribute('aria-valuemax')).toBe(String(points));
      expect(await slider.getAttribute('aria-valuenow')).toBe(String(points - 1));
      expect(await slider.getAttribute('aria-valuetext')).toBe(before);
      await page.keyboard.press('PageDown');
      expect(await slider.getAttribute('aria-valuenow')).toBe(String(points - 13));
      expect(await slider.getAttribute('aria-valuetext')).toBe(await readout.textContent());
      await page.keyboard.press('ArrowUp');
      expect(await slider.getAttribute('aria-valuenow')).toBe(String(points - 12));
      expect(await readout.getAttribute('aria-live')).toBe('off');
      const r = (await readout.boundingBox())!;
      expect(r.x).toBeGreaterThanOrEqual(0);
      expect(r.x + r.width).toBeLessThanOrEqual(width);
      await context.close();
    }
  });

  it('gives every page the publication date of its own release, and a next release date after the latest', async () => {
    const manifests = new Map<string, { date: string }>();
    for (const m of releasedPeriods()) {
      for (const r of revisionNumbers(m)) {
        manifests.set(`${m}/r${r}`, JSON.parse(readFileSync(join(releasesDir, m, `r${r}`, 'manifest.json'), 'utf8')));
      }
    }
    const latestRev = (m: string) => [...manifests.keys()].filter((k) => k.startsWith(`${m}/`)).sort((a, b) => Number(a.split('/r')[1]) - Number(b.split('/r')[1])).at(-1)!;
    let checked = 0;
    const dates = new Set<string>();
    for (const file of htmlFiles(served.out)) {
      const rel = relative(served.out, file).split('\\').join('/');
      const m = /^(?:en\/)?(\d{4})\/(\d{2}|q[1-4])\/(?:(r\d+|[^/]+)\/)?index\.html$/.exec(rel);
      if (!m) continue;
      const monthKey = `${m[1]}-${m[2].toUpperCase()}`;
      const key = m[3]?.startsWith('r') ? `${monthKey}/${m[3]}` : latestRev(monthKey);
      const html = readFileSync(file, 'utf8');
      const published = /<time datetime="(\d{4}-\d{2}-\d{2})" data-testid="published">/.exec(html) ?? /data-testid="published"[^>]*datetime="(\d{4}-\d{2}-\d{2})"/.exec(html);
      expect(published?.[1], rel).toBe(manifests.get(key)!.date);
      dates.add(published![1]);
      checked++;
    }
    expect(checked).toBeGreaterThan(manifests.size * 2);
    // Every release's own day appears (Xiangtan's fixtures were published on different days, so the pages show different dates).
    expect([...dates].sort()).toEqual([...new Set([...manifests.values()].map((m) => m.date))].sort());
    // The next release, from the calendar in data/publication.json, comes after the latest release.
    const home = readFileSync(join(served.out, 'index.html'), 'utf8');
    const next = /data-testid="next-release">[^<]*<time datetime="([^"]+)"/.exec(home);
    expect(next, 'the home page shows the next release date').not.toBeNull();
    const latestDate = manifests.get(latestRev(month))!.date;
    expect(Date.parse(next![1])).toBeGreaterThan(Date.parse(`${latestDate}T23:59:59+14:00`));
    // Only the latest month says when the next one is due.
    expect(readFileSync(join(served.out, monthPath.slice(1), 'index.html'), 'utf8')).toContain('data-testid="next-release"');
  });

  it('says so on the home page when the next release is late (by the reader’s clock)', async () => {
    const home = readFileSync(join(served.out, 'index.html'), 'utf8');
    const due = /data-due="([^"]+)"/.exec(home)![1];
    for (const [offset, late] of [[-86_400_000, false], [86_400_000, true]] as const) {
      const context = await served.browser.newContext();
      const page = await context.newPage();
      await page.clock.setFixedTime(new Date(Date.parse(due) + offset));
      await page.goto(served.url + '/');
      expect(await page.locator('[data-testid=late-notice]').isVisible(), `${offset > 0 ? 'after' : 'before'} ${due}`).toBe(late);
      await context.close();
    }
  });

  it.runIf(quarterly)('names quarters, never months, in both languages, at 360 px and desktop', async () => {
    const rawIndex = JSON.parse(readFileSync(join(dir, 'release.json'), 'utf8')) as { regions: { parent: string | null; aggregates: { change: { mom: string | null; yoy: string | null } }[] }[] };
    const change = rawIndex.regions.find((r) => r.parent === null)!.aggregates[0].change;
    // Written by hand: the published changes as the page signs them (U+2212 for a minus).
    const signedText = (v: string) => (v.startsWith('-') ? `−${v.slice(1)}` : Number(v) === 0 ? v : `+${v}`);
    const words = {
      zh: { name: periodZh(month), mom: '较上季度（环比）', yoy: '较上年同季（同比）', home: '本季度' },
      en: { name: `${month.slice(0, 4)} ${month.slice(5)}`, mom: 'Change vs previous quarter', yoy: 'Change vs same quarter last year', home: 'This quarter' },
    };
    for (const width of [360, 1280]) {
      for (const lang of ['zh', 'en'] as const) {
        const page = await open(lang === 'zh' ? '/' : '/en/', { width });
        const text = (await page.textContent('main')) ?? '';
        const w = words[lang];
        expect(text, `${lang} ${width}`).toContain(w.name);
        expect(text).toContain(w.mom);
        expect(text).toContain(w.yoy);
        expect(await page.textContent('nav')).toContain(w.home);
        if (change.mom !== null) expect(text).toContain(signedText(change.mom));
        if (change.yoy !== null) expect(text).toContain(signedText(change.yoy));
        // The page fits a phone: nothing wider than the window.
        await expectNoSidewaysScroll(page, `${lang} home at ${width}px`);
        await page.context().close();
      }
    }
    // No month words on any page (dates such as 2026年12月3日 and machine-readable JSON aside).
    const monthWords = /月份|本月|上月|同月|个月|各月|每月|\b[Mm]onths?\b|month-on-month|MoM/;
    const leaks: string[] = [];
    for (const file of htmlFiles(served.out)) {
      const visible = readFileSync(file, 'utf8')
        .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ')
        .replace(/<[^>]+>/g, ' ')
        .replace(/\d{4}年\d{1,2}月\d{1,2}日/g, ' ')
        // The workbench's data (JSON in the page) keeps the release format's key "month".
        .replace(/\\?"month\\?":/g, ' ');
      const hit = monthWords.exec(visible);
      if (hit) leaks.push(`${relative(served.out, file)}: …${visible.slice(Math.max(0, hit.index - 40), hit.index + 40).replace(/\s+/g, ' ')}…`);
    }
    expect(leaks).toEqual([]);
    // Every quarter has its page, /YYYY/qN/, in both languages.
    for (const q of releasedPeriods()) {
      expect(existsSync(join(served.out, periodPath(q).slice(1), 'index.html')), q).toBe(true);
      expect(existsSync(join(served.out, 'en', periodPath(q).slice(1), 'index.html')), q).toBe(true);
    }
  });

  it('marks flagged values beside them, with a legend, and says when the survey was carried forward', async () => {
    const page = await open(`${monthPath}${district}/`, { width: 360 });
    const flagged = json.regions.find((r) => r.code === district)!.aggregates;
    const legend = page.locator('[data-testid=flag-legend]');
    if (flagged.some((a) => a.flags.length > 0)) expect(await legend.isVisible()).toBe(true);
    for (const a of flagged.filter((x) => x.parent !== null && x.flags.includes('imputed'))) {
      const card = page.locator(`.card[data-code="${a.code}"]`);
      expect(await card.textContent()).toContain('沿用上期调查');
      expect(await card.textContent()).toContain(quarterly ? '本季度无调查' : '本月无调查');
    }
    const headlineFlags = flagged[0].flags.filter((f) => ['provisional', 'estimated', 'imputed'].includes(f));
    const words: Record<string, string> = { provisional: '初步', estimated: '估计', imputed: '沿用上期调查' };
    const headline = await page.locator('.headline').textContent();
    for (const f of headlineFlags) expect(headline).toContain(words[f]);
    await page.context().close();
  });

  it('lays the ranking out as short cards on a phone: name and index on one line, the rank below, the changes below it', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const page = await open(`${lang === 'zh' ? '' : '/en'}${monthPath}`, { javaScriptEnabled: false, width: 360 });
      const rows = page.locator('[data-testid=ranking] tbody tr');
      expect(await rows.count()).toBe(districtCount);
      for (let r = 0; r < districtCount; r++) {
        const row = rows.nth(r);
        const box = async (selector: string) => (await row.locator(selector).boundingBox())!;
        const name = await box('th[scope=row]');
        const index = await box('td.rank-index');
        const rank = await box('td.rank');
        // The index starts on the name's first line; the rank comes after both; the changes after the rank.
        expect(Math.abs(index.y - name.y), `${lang} row ${r}`).toBeLessThan(8);
        expect(rank.y, `${lang} row ${r}`).toBeGreaterThanOrEqual(Math.max(name.y + name.height, index.y + index.height) - 1);
        for (const change of ['td.rank-mom', 'td.rank-yoy']) expect((await box(change)).y, `${lang} row ${r} ${change}`).toBeGreaterThanOrEqual(rank.y + rank.height - 1);
        // The index's and band's labels are for screen readers only; the rank's and the changes' are shown.
        const shownLabel = (selector: string) => row.locator(selector).evaluate((td) => { const b = getComputedStyle(td, '::before'); return b.position !== 'absolute' && b.content !== 'none'; });
        expect(await shownLabel('td.rank-index'), `${lang} row ${r}`).toBe(false);
        expect(await shownLabel('td.rank'), `${lang} row ${r}`).toBe(true);
      }
      await page.context().close();
    }
  });

  it('shows beside each place the chance it is really above the next one down, as the release gives it, and fits the ranking in its box at every width', async () => {
    const raw = JSON.parse(readFileSync(join(dir, 'release.json'), 'utf8')) as { uncertainty?: { ranking: { neighbours: { higher: string; lower: string; probability: string }[] } } };
    const neighbours = raw.uncertainty?.ranking.neighbours ?? null;
    // "82%" for 0.82, by hand; a probability the release rounds to 1.00 is at least 0.995, never certainty.
    const percent = (p: string) => (p === '1.00' ? '> 99%' : `${Number(p.replace(/^0\./, '')).toString()}%`);
    for (const lang of ['zh', 'en'] as const) {
      for (const width of [360, 1280]) {
        const page = await open(`${lang === 'zh' ? '' : '/en'}${monthPath}`, { javaScriptEnabled: false, width });
        const rows = await page.$$eval('[data-testid=ranking] tbody tr', (trs) =>
          trs.map((tr) => ({ code: tr.querySelector('th a')!.getAttribute('href')!.split('/').at(-2)!, ahead: tr.querySelector('td.rank-ahead')?.textContent ?? null, lower: tr.querySelector('td.rank-ahead')?.getAttribute('data-lower') ?? null })),
        );
        const header = await page.locator('[data-testid=ranking] thead th').last().textContent();
        if (neighbours === null) {
          expect(rows.every((r) => r.ahead === null), `${lang} ${width}: no column without intervals`).toBe(true);
        } else {
          expect(header, `${lang} ${width}`).toBe(lang === 'zh' ? '高于下一名的概率' : 'Chance above the next');
          for (const [i, row] of rows.entries()) {
            const next = neighbours.find((n) => n.higher === row.code);
            if (i === rows.length - 1) expect(row.ahead, `${lang} ${width}: the last place`).toBe('—');
            else {
              expect(next, `${row.code}: a neighbour below`).toBeDefined();
              expect(next!.lower, `${row.code}`).toBe(rows[i + 1].code);
              expect(row.ahead, `${lang} ${width} ${row.code}`).toBe(percent(next!.probability));
              expect(row.lower, `${row.code}`).toBe(next!.lower);
            }
          }
          if (width === 360) {
            // On a phone, a labelled line of its own in each card, below the changes.
            const first = page.locator('[data-testid=ranking] tbody tr').first();
            const ahead = (await first.locator('td.rank-ahead').boundingBox())!;
            const yoy = (await first.locator('td.rank-yoy').boundingBox())!;
            expect(ahead.y, lang).toBeGreaterThanOrEqual(yoy.y + yoy.height - 1);
            expect(await first.locator('td.rank-ahead').evaluate((td) => getComputedStyle(td, '::before').content)).toBe(`"${lang === 'zh' ? '高于下一名的概率' : 'Chance above the next'}"`);
          }
        }
        await page.context().close();
      }
      // From just above a phone's cards to a desktop: the ranking, beside the map or below it, never wider than its box.
      for (const width of [640, 700, 900, 1024, 1151, 1152, 1280, 1600]) {
        const page = await open(`${lang === 'zh' ? '' : '/en'}${monthPath}${district}/`, { javaScriptEnabled: false, width });
        const fit = await page.$eval('[data-testid=ranking]', (t) => t.getBoundingClientRect().width - t.parentElement!.getBoundingClientRect().width);
        expect(fit, `${lang} at ${width}px: the ranking is wider than its box by`).toBeLessThanOrEqual(0.5);
        await page.context().close();
      }
    }
  }, 240_000);

  it('keeps the header one height on every page of the main navigation, the current page marked, in both languages on a phone and a desktop', async () => {
    for (const width of [360, 1280]) {
      for (const lang of ['zh', 'en'] as const) {
        const home = `${lang === 'zh' ? '' : '/en'}/`;
        const page = await open(home, { javaScriptEnabled: false, width });
        const targets = await page.locator('.site-nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
        expect(targets, `${lang} ${width}`).toContain(home);
        const layouts: string[] = [];
        for (const target of targets) {
          expect((await page.goto(served.url + target))?.status(), target).toBe(200);
          const current = page.locator('.site-nav a[aria-current=page]');
          expect(await current.count(), `${target}: one current page`).toBe(1);
          expect(await current.getAttribute('href'), target).toBe(target);
          // A heavier font would widen an English label and could wrap the row on a phone.
          const weights = await page.locator('.site-nav a').evaluateAll((as) => new Set(as.map((a) => getComputedStyle(a).fontWeight)).size);
          expect(weights, `${target}: one font weight in the navigation`).toBe(1);
          // The shield beside the name keeps its shape however long the name (a flex item would be squeezed).
          const mark = (await page.locator('.brand-mark').boundingBox())!;
          expect([mark.width, mark.height].map((v) => Math.round(v * 10) / 10), `${target} at ${width} px: the shield's size`).toEqual([17.6, 20.8]);
          const nav = (await page.locator('.site-nav').boundingBox())!;
          const main = (await page.locator('main').boundingBox())!;
          layouts.push(`nav height ${Math.round(nav.height)}, main at ${Math.round(main.y)}`);
        }
        // Every page alike: moving between them does not move the page under the header.
        expect(new Set(layouts).size, `${lang} at ${width} px: ${targets.map((t, i) => `${t} ${layouts[i]}`).join('; ')}`).toBe(1);
        await page.context().close();
      }
    }
  });

  it('shows a district’s rank and gap to the city, previous/next links, and links an old month to the latest', async () => {
    const page = await open(`/en${monthPath}${district}/`);
    const values = json.regions.filter((r) => r.parent !== null).map((r) => Number(r.aggregates[0].value));
    const own = Number(json.regions.find((r) => r.code === district)!.aggregates[0].value);
    const rank = 1 + values.filter((v) => v > own).length;
    const standingText = await page.textContent('[data-testid=standing]');
    expect(standingText).toContain(`Ranked ${rank} of ${values.length}`);
    const gap = Math.round((own - Number(cityIndex)) * 100) / 100;
    expect(standingText?.replace('−', '-')).toContain(gap === 0 ? '0.00' : `${gap > 0 ? '+' : '-'}${Math.abs(gap).toFixed(2)}`);
    // The gap says where the place stands, not that it got worse: muted, without an arrow (it has no verdict).
    expect(standingText).not.toMatch(/[▲▼]/);
    expect(await page.locator('[data-testid=standing] .chg.chg-up, [data-testid=standing] .chg.chg-down').count()).toBe(0);
    // The indicator table says whose the arrows are, and names each unit beside its indicator.
    expect(await page.textContent('[data-testid=score-note]')).toContain('the arrows are the score’s, not the counts’');
    expect(await page.locator('[data-testid=indicator-table] tbody th[scope=row] .unit').count()).toBeGreaterThan(0);
    expect(await page.locator('a[rel=prev]').count()).toBe(1);
    await page.context().close();
    const months = releasedPeriods();
    const old = months[0];
    const oldPage = await open(periodPath(old));
    expect(await oldPage.locator('[data-testid=not-latest] a').getAttribute('href')).toBe(monthPath);
    expect(await oldPage.locator('a[rel=next]').count()).toBe(1);
    await oldPage.context().close();
  });

  it('offers the full history as one CSV and one JSON, and a data link under every chart', async () => {
    const csv = await (await fetch(`${served.url}/downloads/history.csv`)).text();
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    let expected = 0;
    for (const m of releasedPeriods()) {
      expected += readFileSync(join(releasesDir, m, `r${revisionNumbers(m).at(-1)!}`, 'release.csv'), 'utf8').trim().split(/\r?\n/).length - 1;
    }
    expect(lines.length - 1).toBe(expected);
    // Synthetic data say so on every row, in a first column (the file is often passed on by itself).
    const mark = synthetic ? '数据 data,' : '';
    expect(lines[0].startsWith(`${mark}${quarterly ? '季度 quarter' : '月份 month'},修订 revision,地区代码 region,`), lines[0]).toBe(true);
    expect(lines.slice(1).filter((line) => line.startsWith('合成数据 SYNTHETIC,') !== synthetic).length).toBe(0);
    const history = (await (await fetch(`${served.url}/downloads/history.json`)).json()) as { series: { region: string; code: string; points: { month: string; value: string | null }[] }[] };
    const citySeries = history.series.find((s) => s.region === city.code && s.code === city.aggregates[0].code)!;
    expect(citySeries.points.at(-1)!.value).toBe(cityIndex);
    const page = await open(monthPath);
    for (const figure of await page.locator('figure').all()) {
      expect(await figure.locator('figcaption a[href*="/downloads/"]').count()).toBeGreaterThan(0);
    }
    await page.context().close();
  });

  it('has canonical and absolute hreflang links, and share tags with a preview image that exists', async () => {
    const page = await open(`/en${monthPath}`);
    const canonical = await page.getAttribute('link[rel=canonical]', 'href');
    expect(canonical).toMatch(new RegExp(`^https?://[^/]+/en${monthPath}$`));
    for (const lang of ['zh-Hans', 'en', 'x-default']) expect(await page.getAttribute(`link[hreflang="${lang}"]`, 'href')).toMatch(/^https?:\/\//);
    const image = (await page.getAttribute('meta[property="og:image"]', 'content'))!;
    expect(await page.getAttribute('meta[name="twitter:card"]', 'content')).toBe('summary_large_image');
    const res = await fetch(served.url + new URL(image).pathname);
    expect(res.status).toBe(200);
    const png = Buffer.from(await res.arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.readUInt32BE(20)).toBe(630);
    await page.context().close();
  });

  const methodologyDoc = (lang: 'zh' | 'en') => join(dataDir, 'methodology', `methodology.${lang}.md`);
  it.runIf(existsSync(methodologyDoc('zh')))('renders the whole methodology from data/methodology with MathML formulas and no script', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const page = await open(lang === 'zh' ? '/methodology/' : '/en/methodology/', { javaScriptEnabled: false });
      const md = readFileSync(methodologyDoc(lang), 'utf8');
      const headings = [...md.matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1].replace(/[`*]/g, '').trim());
      const shown = (await page.locator('[data-testid=methodology] :is(h2, h3)').allTextContents()).map((h) => h.trim());
      for (const h of headings) expect(shown, h).toContain(h);
      const formulas = (md.match(/\$\$[\s\S]+?\$\$/g) ?? []).length;
      expect(await page.locator('[data-testid=methodology] math').count()).toBeGreaterThanOrEqual(formulas);
      expect(await page.locator('script').count()).toBe(0);
      if (md.includes('```json worked-example')) expect(await page.locator('[data-testid=worked-check]').textContent()).toMatch(/一致|equals/);
      expect((await page.textContent('[data-testid=publisher-contact]'))?.length).toBeGreaterThan(20);
      // The contents: every section heading of the page (h2) in the page's order, each link landing on it.
      const contents = await page.$$eval('[data-testid=contents] a', (as) => as.map((a) => ({ href: a.getAttribute('href'), text: a.textContent!.trim() })));
      const sections = await page.$$eval('main h2', (hs) => hs.map((h) => ({ href: `#${h.id}`, text: h.textContent!.trim() })));
      expect(contents, lang).toEqual(sections);
      expect(contents.length, lang).toBe([...md.matchAll(/^## (.+)$/gm)].length + 2);
      await page.context().close();
    }
  });

  it('gives every link and control outside running text a tap target of at least 24 × 24 px (WCAG 2.5.8) on home, month and district pages, and the header’s home link 44 px', async () => {
    for (const lang of ['zh', 'en'] as const) {
      for (const { width } of VIEWPORTS) {
        for (const target of LAYOUT_PAGES) {
          const path = lang === 'en' ? `/en${target.path}` : target.path;
          const page = await open(path, { width });
          const found = await page.evaluate(() => ({
            // A link within a sentence, a list item or a table's data cell is exempt (WCAG's inline exception); a place's name heading its ranking row is not.
            small: [...document.querySelectorAll('a, button, select, summary, input')]
              .filter((el) => {
                const b = el.getBoundingClientRect();
                return b.width > 0 && (b.width < 24 || b.height < 24) && !el.closest('p, li, td, dd, figcaption');
              })
              .map((el) => `${el.tagName.toLowerCase()} "${el.textContent!.trim().slice(0, 20)}" ${Math.round(el.getBoundingClientRect().width)}×${Math.round(el.getBoundingClientRect().height)}`),
            brand: document.querySelector('.brand')!.getBoundingClientRect().height,
            names: document.querySelectorAll('table.ranking th.rank-name a').length,
          }));
          expect(found.small, `${path} at ${width}px`).toEqual([]);
          expect(found.brand, `${path} at ${width}px`).toBeGreaterThanOrEqual(44);
          if (target.name === 'home') expect(found.names, `${path}: the ranking's place names are checked`).toBeGreaterThan(0);
          await page.context().close();
        }
      }
    }
  });

  /** Every kind of page (the layout pages, methodology, early warning, archive, downloads), as a path in Chinese. */
  const EVERY_KIND_OF_PAGE = [...LAYOUT_PAGES.map((target) => target.path), '/methodology/', '/warnings/', '/archive/', '/downloads/'];
  /** Opens each path in both languages with every disclosure open (what a reader opens must fit too: a chart's table, the whole ranking, the replaced revisions), checks it, and closes it. */
  async function eachPageOpened(paths: readonly string[], options: Parameters<typeof open>[1], check: (page: Page, path: string) => Promise<void>): Promise<void> {
    for (const lang of ['zh', 'en'] as const) {
      for (const zhPath of paths) {
        const path = lang === 'en' ? `/en${zhPath}` : zhPath;
        const page = await open(path, options);
        if (zhPath === '/workbench/') await page.waitForSelector('[data-testid=workbench-ranking] tbody tr');
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
        await check(page, path);
        await page.context().close();
      }
    }
  }

  it('never scrolls the whole page sideways on a 320 px phone, on every kind of page, in both languages, with every disclosure open', async () => {
    await eachPageOpened(EVERY_KIND_OF_PAGE, { width: 320 }, (page, path) => expectNoSidewaysScroll(page, `${path} at 320px`));
  });

  it('never scrolls the whole page sideways on a 360 px phone with text at 200% (a 32 px default font), on every kind of page and the workbench, in both languages, with every disclosure open', async () => {
    await eachPageOpened([...EVERY_KIND_OF_PAGE, '/workbench/'], { width: 360, fontSize: 32 }, async (page, path) => {
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), path).toBe('32px');
      await expectNoSidewaysScroll(page, `${path} at 360px, text at 200%`);
    });
  });

  it('sets every chart’s words (axes, limits, map labels) at 12 px or more from a 360 px phone up, and near body text’s size (at most 18.5 px) on a small tablet and a desktop', async () => {
    for (const lang of ['zh', 'en'] as const) {
      // A phone; the widest screen of the phones' narrow drawing and the narrowest of the wide one (40rem); a desktop.
      for (const width of [360, 639, 640, 1280]) {
        for (const target of [...LAYOUT_PAGES, { name: 'warnings', path: '/warnings/' }]) {
          const path = lang === 'en' ? `/en${target.path}` : target.path;
          const page = await open(path, { width });
          // A drawing's text is set in its viewBox's units: on screen it is that size times the drawing's scale.
          const sizes = await page.evaluate(() =>
            [...document.querySelectorAll('figure svg')].flatMap((svg) => {
              const box = (svg as SVGSVGElement).viewBox.baseVal;
              const rect = svg.getBoundingClientRect();
              if (!box || box.width === 0 || rect.width === 0) return [];
              return [...svg.querySelectorAll('text, tspan')]
                .filter((t) => t.getBoundingClientRect().width > 0 && [...t.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== ''))
                .map((t) => ({ text: t.textContent!.trim().slice(0, 24), px: (parseFloat(getComputedStyle(t).fontSize) * rect.width) / box.width }));
            }),
          );
          const where = `${path} at ${width}px`;
          if (target.name !== 'warnings') expect(sizes.length, `${where}: the trend chart's words are checked`).toBeGreaterThan(0);
          expect(sizes.filter((s) => s.px < 11.95).map((s) => `${s.text} ${s.px.toFixed(1)}px`), `${where}: too small to read`).toEqual([]);
          if (width > 360) expect(sizes.filter((s) => s.px > 18.5).map((s) => `${s.text} ${s.px.toFixed(1)}px`), `${where}: larger than body text`).toEqual([]);
          await page.context().close();
        }
      }
    }
  });

  it('fits the methodology’s tables and formulas to a 360 px phone: each table a card a row, every value beside its column’s name; a matrix stays a grid', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const page = await open(lang === 'zh' ? '/methodology/' : '/en/methodology/', { javaScriptEnabled: false, width: 360 });
      const tables = await page.$$eval('main table', (ts) =>
        ts.map((t) => {
          const box = t.parentElement!;
          const cells = [...t.querySelectorAll<HTMLElement>('tbody td[data-label]')].filter((td) => td.textContent!.trim() !== '');
          return {
            name: t.querySelector('caption')?.textContent ?? t.querySelector('th')?.textContent ?? '',
            reflow: t.classList.contains('reflow'),
            overflow: Math.max(t.scrollWidth, box.scrollWidth) - box.clientWidth,
            right: t.getBoundingClientRect().right,
            // On a card the column's name stands before the value (its ::before), on the same line.
            unlabelled: cells.filter((td) => getComputedStyle(td, '::before').content.replace(/"/g, '') !== td.dataset.label).length,
            cells: cells.length,
            headerShown: getComputedStyle(t.querySelector('thead') ?? t).position !== 'absolute',
            // A matrix: its corner is a plain cell.
            matrix: t.querySelector('thead tr > td:first-child') !== null,
            // A document table's value is one piece beside its label (words and a code spread across the card otherwise).
            pieces: t.classList.contains('doc-table') ? cells.filter((td) => td.childNodes.length !== 1 || td.children.length !== 1).length : 0,
            // Label and value pairs a card's line holds (its rows' widest grid).
            perLine: Math.max(...[...t.querySelectorAll('tbody tr:not(.group-row)')].map((tr) => getComputedStyle(tr).gridTemplateColumns.split(' ').length)),
            facts: t.classList.contains('facts-table'),
            // A card whose first cell is empty under a filled one (a group named on its first row only) repeats the group.
            groupless: t.classList.contains('doc-table')
              ? [...t.querySelectorAll('tbody tr')].filter((tr, i, rows) => i > 0 && (tr.querySelector('td') as HTMLElement | null)?.innerText.trim() === '' && rows.slice(0, i).some((r) => (r.querySelector('td') as HTMLElement | null)?.innerText.trim())).length
              : 0,
          };
        }),
      );
      // The index's facts table, and where there is a document, its tables and the worked example's.
      expect(tables.filter((t) => t.reflow).length, lang).toBeGreaterThanOrEqual(existsSync(methodologyDoc(lang)) ? 7 : 1);
      for (const t of tables) {
        expect(t.overflow, `${lang}: ${t.name} is wider than its box`).toBeLessThanOrEqual(1);
        expect(t.right, `${lang}: ${t.name}`).toBeLessThanOrEqual(360);
        expect(t.reflow || t.matrix, `${lang}: ${t.name} is neither cards nor a matrix`).toBe(true);
        if (!t.reflow) continue;
        expect(t.cells, `${lang}: ${t.name}`).toBeGreaterThan(0);
        expect(t.unlabelled, `${lang}: ${t.name}`).toBe(0);
        expect(t.headerShown, `${lang}: ${t.name}: the header row is left to screen readers on a card`).toBe(false);
        expect(t.pieces, `${lang}: ${t.name}: values in several pieces`).toBe(0);
        expect(t.groupless, `${lang}: ${t.name}: cards without their group`).toBe(0);
        // English values ("per 100,000 of resident population, last 12 months") take a line of their own.
        if (lang === 'en' && t.facts) expect(t.perLine, `${lang}: ${t.name}`).toBe(1);
      }
      // A display formula does not scroll either (MathML does not break one across lines: the document sets a long one as two).
      const formulas = await page.$$eval('main .formula', (fs) => fs.map((f) => ({ tex: f.querySelector('annotation')?.textContent ?? '', overflow: f.scrollWidth - f.clientWidth })));
      for (const f of formulas) expect(f.overflow, `${lang}: a display formula wider than its box: ${f.tex}`).toBeLessThanOrEqual(0);
      await expectNoSidewaysScroll(page, lang);
      await page.context().close();
    }
  });

  it('shows the methodology’s tables whole on a tablet and a desktop: one of eight columns or more reads as cards below 60rem, one wider than the text column takes the page’s width, the text keeps its measure', async () => {
    for (const [lang, width] of [['zh', 640], ['en', 640], ['zh', 768], ['en', 768], ['zh', 900], ['en', 900], ['zh', 1280], ['en', 1280]] as const) {
      const page = await open(lang === 'zh' ? '/methodology/' : '/en/methodology/', { javaScriptEnabled: false, width });
      const found = await page.evaluate(() => {
        const wrap = document.querySelector('main')!.closest('.wrap') ?? document.querySelector('main')!;
        const style = getComputedStyle(wrap);
        const contentRight = wrap.getBoundingClientRect().right - parseFloat(style.paddingRight);
        const prose = document.querySelector('.prose');
        const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
        return {
          // Every table (the index's facts, and where there is a document its tables), in its box.
          boxes: [...document.querySelectorAll('main table')].map((table) => {
            const box = table.parentElement!;
            return {
              name: box.getAttribute('aria-label') ?? table.querySelector('caption')?.textContent ?? '',
              overflow: Math.max(table.scrollWidth, box.scrollWidth) - box.clientWidth,
              beyond: Math.max(table.getBoundingClientRect().right, box.getBoundingClientRect().right) - contentRight,
              columns: table.querySelectorAll('thead th, thead td').length,
              cards: getComputedStyle(table.querySelector('thead') ?? table).position === 'absolute',
              // A group repeated for its cards: shown on a card, not in a table (its rows read as one).
              repeats: [...table.querySelectorAll('.card-only')].map((r) => r.checkVisibility()),
            };
          }),
          // The document's paragraphs keep the 48rem reading measure.
          widest: prose ? Math.max(...[...prose.querySelectorAll(':scope > p')].map((p) => p.getBoundingClientRect().width)) / rem : 0,
          page: document.documentElement.scrollWidth,
        };
      });
      expect(found.boxes.length, lang).toBeGreaterThan(0);
      for (const box of found.boxes) {
        const where = `${lang} at ${width} px: ${box.name}`;
        // A table of eight columns or more is cards below 60rem (960 px), and a table from there; a narrower one a table on both.
        expect(box.cards, where).toBe(box.columns >= 8 && width < 960);
        for (const shown of box.repeats) expect(shown, `${where}: a repeated group`).toBe(box.cards);
        // From 768 px (a tablet held upright) every table fits; below it a narrower table may scroll in its box (the worked example's seven columns need 41–43rem).
        if (width < 768 && box.columns < 8) continue;
        expect(box.overflow, `${where} scrolls in its box`).toBeLessThanOrEqual(1);
        expect(box.beyond, `${where} reaches beyond the page's content`).toBeLessThanOrEqual(1);
      }
      expect(found.widest, lang).toBeLessThanOrEqual(48);
      expect(found.page, lang).toBeLessThanOrEqual(width);
      await page.context().close();
    }
  });

  it('links the verdict rule to the methodology’s section on the intervals where the document marks one, else to the methodology page', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const prefix = lang === 'zh' ? '' : '/en';
      const section = markedSection(lang);
      const page = await open(`${prefix}${monthPath}`, { javaScriptEnabled: false, width: 360 });
      const link = page.locator('[data-testid=verdict-rule] a[data-testid=verdict-rule-source]');
      expect(await link.count(), lang).toBe(1);
      if (section === null) {
        expect(await link.getAttribute('href'), lang).toBe(`${prefix}/methodology/`);
        expect(await link.textContent(), lang).toBe(lang === 'zh' ? '方法说明' : 'the methodology');
        await page.context().close();
        continue;
      }
      expect(await link.getAttribute('href'), lang).toBe(`${prefix}/methodology/#${section.id}`);
      const number = /^(\d+(?:\.\d+)*)\.?\s/.exec(section.heading)?.[1];
      if (number) expect(await link.textContent(), lang).toBe(lang === 'zh' ? `方法说明第 ${number} 节` : `section ${number} of the methodology`);
      await link.click();
      const target = page.locator(`#${section.id}`);
      expect((await target.textContent())?.trim(), lang).toBe(section.heading.replace(/[*_`]/g, ''));
      await page.context().close();
    }
  });

  it('describes the index from its framework on the methodology page: every indicator with its weight, the surveys', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const page = await open(lang === 'zh' ? '/methodology/' : '/en/methodology/', { javaScriptEnabled: false });
      expect(await page.locator('[data-testid=facts-table] tbody th[scope=row]').count()).toBe(indicatorCount);
      expect(await page.locator('[data-testid=facts-table] tbody th[scope=colgroup]').count()).toBe(groupCount);
      const weights = await page.$$eval('[data-testid=facts-table] tbody td.num', (tds) => tds.map((td) => Number(td.textContent!.replace('%', ''))));
      // The indicators' weights in the index add up to 100% (each shown to 0.1%).
      expect(Math.abs(weights.reduce((a, b) => a + b, 0) - 100)).toBeLessThan(0.05 * indicatorCount + 1e-9);
      const summary = (await page.textContent('[data-testid=facts-summary]'))!;
      expect(summary).toContain(String(indicatorCount));
      expect((await page.textContent('[data-testid=publisher-contact]'))?.length).toBeGreaterThan(20);
      await page.context().close();
    }
  });

  it('folds the trend chart’s table on a phone below its chart: a tap target of 44 px that names it, the page shorter by the table’s length', async () => {
    for (const path of ['/', `${monthPath}${district}/`, '/en/']) {
      const page = await open(path, { width: 360 });
      const summary = page.locator('details.trend-data > summary');
      const table = page.locator('[data-testid=trend-table]');
      expect(await table.isVisible(), path).toBe(false);
      expect((await summary.boundingBox())!.height, path).toBeGreaterThanOrEqual(44);
      const rows = await table.locator('tbody tr').count();
      expect(await summary.textContent(), path).toContain(path.startsWith('/en/') ? `(${rows} ${quarterly ? 'quarters' : 'months'})` : `（${rows}个${quarterly ? '季度' : '月'}）`);
      const folded = await page.evaluate(() => document.documentElement.scrollHeight);
      await summary.click();
      await expect.poll(() => table.isVisible()).toBe(true);
      // content-visibility lays the table out only near the screen: brought into view, its whole height counts.
      await table.scrollIntoViewIfNeeded();
      const opened = await page.evaluate(() => document.documentElement.scrollHeight);
      const box = (await table.boundingBox())!;
      // (24 months are four screens long on a phone.)
      expect(opened - folded, `${path}: the table opened adds its length`).toBeGreaterThanOrEqual(box.height - 1);
      expect(box.x + box.width, path).toBeLessThanOrEqual(360);
      await page.context().close();
    }
  });

  it('prints on A4 with whole tables: nothing clipped or scrolled, no navigation', async () => {
    for (const path of ['/', `${monthPath}${district}/`, '/en/methodology/']) {
      // A4 at 96 dpi less 12 mm margins each side: about 703 CSS pixels.
      const context = await served.browser.newContext({ viewport: { width: 703, height: 1000 } });
      const page = await context.newPage();
      await page.goto(served.url + path);
      await page.emulateMedia({ media: 'print' });
      const problems = await page.evaluate(() => {
        const vw = document.documentElement.clientWidth;
        const out: string[] = [];
        if (getComputedStyle(document.querySelector('.site-nav')!).display !== 'none') out.push('the navigation prints');
        // The trend chart's table, folded on screen, prints open.
        const trend = document.querySelector('[data-testid=trend-table]');
        if (trend && !trend.checkVisibility()) out.push('the trend table does not print');
        for (const table of document.querySelectorAll('main table')) {
          const r = table.getBoundingClientRect();
          if (r.right > vw + 0.5) out.push(`${table.querySelector('caption')?.textContent ?? 'a table'} ends at ${r.right} of ${vw}`);
          for (let a = table.parentElement; a; a = a.parentElement) {
            if (getComputedStyle(a).overflowX !== 'visible' && a.scrollWidth > a.clientWidth + 1) out.push(`${table.querySelector('caption')?.textContent ?? 'a table'} is cut by a scroll box`);
          }
        }
        return out;
      });
      expect(problems, path).toEqual([]);
      await context.close();
    }
  });
});
