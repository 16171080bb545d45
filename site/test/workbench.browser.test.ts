/**
 * Browser tests of the statistician's workbench (/workbench/): builds the site
 * from the published releases (data/releases, or PINGAN_WORKBENCH_RELEASES_DIR),
 * serves it on 127.0.0.1 and drives Debian's /usr/bin/chromium with
 * playwright-core. The expected figures are computed here, in Node, with
 * @pingan/core from the same release files. Skipped, with a notice, without
 * chromium or without releases that carry inputs.csv.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  AggregationSpec,
  ValidationError,
  ahpWeights,
  buildIndex,
  defineFramework,
  frameworkFromJson,
  effectiveWeights,
  getValue,
  panelFromObservations,
  rebuildIndex,
  reviseNodes,
  roundHalfUp,
  toExact,
  type AggregateNode,
  type Framework,
  type NodeRevision,
  type Observation,
} from '@pingan/core';
import { buildSite, CHROMIUM, launchChromium, startServer, type StaticServer } from './server.ts';

const site = join(import.meta.dirname, '..');
const dataDir = join(site, '..', 'data');
const releasesDir = process.env.PINGAN_WORKBENCH_RELEASES_DIR ?? join(dataDir, 'releases');
const screenshots = join(site, '..', 'artifacts', 'screenshots');
const require = createRequire(import.meta.url);

const latestRevisionDir = (month: string) => {
  const revs = readdirSync(join(releasesDir, month)).filter((n) => /^r\d+$/.test(n)).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  return join(releasesDir, month, revs.at(-1)!);
};
const months = existsSync(releasesDir) ? readdirSync(releasesDir).filter((n) => /^\d{4}-\d{2}$/.test(n)).sort() : [];
const haveInputs = months.length > 0 && existsSync(join(latestRevisionDir(months.at(-1)!), 'inputs.csv'));
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`\n*** workbench browser tests SKIPPED: ${CHROMIUM} is absent (apt-get install -y chromium) ***\n`);
else if (!haveInputs) console.warn(`\n*** workbench browser tests SKIPPED: no releases with inputs.csv in ${releasesDir} ***\n`);

/** The expected figures, from the release files, independently of the site's loader. */
function expectations() {
  const month = months.at(-1)!;
  const manifest = JSON.parse(readFileSync(join(latestRevisionDir(month), 'manifest.json'), 'utf8')) as { framework: { file: string } };
  const fw = defineFramework(JSON.parse(readFileSync(join(dataDir, manifest.framework.file), 'utf8')));
  const cells = new Map<string, Observation>();
  for (const m of months) {
    const [header, ...rows] = readFileSync(join(latestRevisionDir(m), 'inputs.csv'), 'utf8').trim().split(/\r?\n/);
    expect(header.split(',').slice(0, 4)).toEqual(['region', 'month', 'indicator', 'value']);
    for (const row of rows) {
      const [unit, period, code, value] = row.split(',');
      cells.set(`${unit}|${period}|${code}`, { unit, period, code, value: Number(value) });
    }
  }
  const nominal = buildIndex(fw, panelFromObservations(fw, [...cells.values()]));
  const release = JSON.parse(readFileSync(join(latestRevisionDir(month), 'release.json'), 'utf8')) as { regions: { code: string; parent: string | null; aggregates: { value: string | null }[] }[] };
  const city = release.regions.find((r) => r.parent === null)!;
  const fmt = (v: number) => roundHalfUp(toExact(v)!, fw.decimals);
  /** The city's index in the latest month for some weights and an aggregation. */
  const index = (weights: Record<string, number>, aggregation: 'arithmetic' | 'geometric' = 'arithmetic', framework: Framework = fw) => {
    const tuned = reviseNodes(framework, (node): NodeRevision | undefined => {
      const w = weights[node.code];
      if (node.type === 'aggregate' && aggregation !== 'arithmetic') return { weight: w, aggregation: AggregationSpec.parse({ ...node.aggregation, method: aggregation }) };
      return w === undefined ? undefined : { weight: w };
    });
    return fmt(getValue(rebuildIndex(nominal, tuned), city.code, month, fw.root));
  };
  return { month, fw, city: city.code, official: city.aggregates[0].value, index };
}

describe.skipIf(!haveChromium || !haveInputs)('the workbench in Chromium', () => {
  let out: string;
  let server: StaticServer;
  let browser: Browser;
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  const x = haveInputs ? expectations() : (null as unknown as ReturnType<typeof expectations>);

  beforeAll(async () => {
    out = buildSite('pingan-workbench-', { PINGAN_RELEASES_DIR: releasesDir, PINGAN_DATA_DIR: dataDir });
    server = await startServer(out);
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  async function open(path: string, options: { javaScriptEnabled?: boolean; width?: number; bypassCSP?: boolean; ready?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      bypassCSP: options.bypassCSP ?? false,
      acceptDownloads: true,
      viewport: { width: options.width ?? 1280, height: 900 },
    });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`${path}: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(`${path}: ${e.message}`));
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('blob:')) foreignRequests.push(r.url());
    });
    const response = await page.goto(path.startsWith('http') ? path : server.url + path);
    expect(response?.status(), path).toBe(200);
    if ((options.ready ?? true) && (options.javaScriptEnabled ?? true)) await page.waitForSelector('#wb[data-ready=true]', { timeout: 30_000 });
    return page;
  }
  const indexText = async (page: Page) => (await page.textContent('[data-testid=workbench-index]'))?.trim();
  async function setNumber(page: Page, code: string, value: string) {
    await page.evaluate(
      ([c, v]) => {
        const input = document.getElementById(`w-${c}`) as HTMLInputElement;
        input.value = v;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      },
      [code, value] as const,
    );
  }

  it('starts at the published index, and is linked from the navigation in both languages', async () => {
    for (const path of ['/workbench/', '/en/workbench/']) {
      const page = await open(path);
      expect(await indexText(page)).toBe(x.official);
      expect(x.index({})).toBe(x.official);
      const nav = await page.$$eval('.site-nav a', (as) => as.map((a) => a.getAttribute('href')));
      expect(nav).toContain(path);
      expect(await page.locator('[data-testid=workbench-ranking] tbody tr').count()).toBe(5);
      expect(await page.locator('[data-testid=workbench-weights] tbody tr').count()).toBe(18);
      expect(await page.locator('[data-wb=trend] svg path.wb-line').count()).toBe(3);
      await page.context().close();
    }
    // The workbench is not on the home page.
    const home = await (await fetch(`${server.url}/`)).text();
    expect(home).not.toContain('WorkbenchView');
    expect(home).toContain('href="/workbench/"');
  });

  it('recomputes the index exactly as the library does when a weight, the slider or the aggregation changes', async () => {
    const page = await open('/workbench/');
    await setNumber(page, 'order', '0.2');
    const expected1 = x.index({ order: 0.2 });
    expect(expected1).not.toBe(x.official);
    await expect.poll(() => indexText(page)).toBe(expected1);
    expect(await page.inputValue('#wr-order')).toBe('0.2');
    // The slider, by keyboard: focus it and press the right arrow (one step of 0.01).
    const before = Number(await page.inputValue('#wr-fires'));
    await page.focus('#wr-fires');
    await page.keyboard.press('ArrowRight');
    const fires = Number((before + 0.01).toFixed(2));
    expect(Number(await page.inputValue('#wr-fires'))).toBe(fires);
    expect(Number(await page.inputValue('#w-fires'))).toBe(fires);
    await expect.poll(() => indexText(page)).toBe(x.index({ order: 0.2, fires }));
    // Geometric aggregation.
    await page.check('input[name=wb-agg][value=geometric]');
    await expect.poll(() => indexText(page)).toBe(x.index({ order: 0.2, fires }, 'geometric'));
    expect(page.url()).toMatch(/\?w=.*order:0\.2.*&n=goalposts&a=geometric/);
    // An invalid weight is marked and ignored.
    await setNumber(page, 'traffic', '-1');
    expect(await page.getAttribute('#w-traffic', 'aria-invalid')).toBe('true');
    expect(await indexText(page)).toBe(x.index({ order: 0.2, fires }, 'geometric'));
    // The effective weights table follows.
    const eff = effectiveWeights(reviseNodes(x.fw, (n) => (n.code === 'order' ? { weight: 0.2 } : n.code === 'fires' ? { weight: fires } : undefined)));
    const orderRow = await page.$$eval('[data-testid=workbench-weights] tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(orderRow[0][1]).toBe(`${(eff.order * 100).toFixed(1)}%`);
    await page.context().close();
  });

  it('restores the same state and index from a shared link', async () => {
    const page = await open('/workbench/');
    await setNumber(page, 'perception', '0.05');
    await setNumber(page, 'satisfaction', '0.9');
    await page.check('input[name=wb-norm][value=minmax]');
    await page.selectOption('#wb-district', '430381');
    const shown = await indexText(page);
    const url = page.url();
    expect(url).toContain('?w=');
    const again = await open(url);
    expect(await indexText(again)).toBe(shown);
    expect(await again.inputValue('#w-perception')).toBe('0.05');
    expect(await again.inputValue('#w-satisfaction')).toBe('0.9');
    expect(await again.isChecked('input[name=wb-norm][value=minmax]')).toBe(true);
    expect(await again.inputValue('#wb-district')).toBe('430381');
    expect(again.url()).toBe(url);
    // The language switch carries the settings to the other language.
    await again.click('a.lang-switch');
    await again.waitForSelector('#wb[data-ready=true]');
    expect(new URL(again.url()).pathname).toBe('/en/workbench/');
    expect(await indexText(again)).toBe(shown);
    await page.context().close();
    await again.context().close();
  });

  it('exports the tuned framework, which defineFramework accepts and the page re-imports; shows every error of a bad file', async () => {
    const page = await open('/workbench/');
    await setNumber(page, 'order', '0.3');
    await setNumber(page, 'homicide', '0.5');
    const shown = await indexText(page);
    expect(shown).toBe(x.index({ order: 0.3, homicide: 0.5 }));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-wb=export]')]);
    const file = join(out, 'exported.json');
    await download.saveAs(file);
    const exported = defineFramework(JSON.parse(readFileSync(file, 'utf8')));
    expect(exported.byCode.get('order')?.weight).toBe(0.3);
    expect(exported.byCode.get('homicide')?.weight).toBe(0.5);
    // The exported framework, built from scratch, gives the shown index.
    expect(x.index({}, 'arithmetic', exported)).toBe(shown);
    // Imported into a fresh page, it sets the controls.
    const fresh = await open('/workbench/');
    expect(await indexText(fresh)).toBe(x.official);
    await fresh.setInputFiles('#wb-import', file);
    await expect.poll(() => indexText(fresh)).toBe(shown);
    expect(await fresh.inputValue('#w-order')).toBe('0.3');
    expect(await fresh.inputValue('#w-homicide')).toBe('0.5');
    await expect.poll(() => fresh.textContent('[data-wb=import-result]')).toMatch(/exported\.json/);
    // A broken framework: every problem is listed, as defineFramework reports them.
    const bad = JSON.parse(readFileSync(file, 'utf8')) as { nodes: { code: string; weight?: number; direction?: number }[] };
    bad.nodes[5].weight = -1;
    bad.nodes[6].direction = 2;
    bad.nodes[7].weight = 0;
    const badFile = join(out, 'bad.json');
    writeFileSync(badFile, JSON.stringify(bad));
    let issues: string[] = [];
    try {
      frameworkFromJson(bad);
    } catch (error) {
      issues = (error as ValidationError).issues.map((i) => `${i.path}: ${i.message}`);
    }
    expect(issues.length).toBeGreaterThanOrEqual(2);
    await fresh.setInputFiles('#wb-import', badFile);
    await fresh.waitForSelector('.wb-import-errors li');
    const listed = await fresh.$$eval('[data-wb=import-result] li', (lis) => lis.map((li) => li.textContent));
    expect(listed).toEqual(issues);
    expect(await indexText(fresh)).toBe(shown);
    await page.context().close();
    await fresh.context().close();
  });

  it('computes AHP weights live, warns at CR ≥ 0.1 and applies them to the first level', async () => {
    const page = await open('/en/workbench/');
    const warning = page.locator('[data-wb=cr-warning]');
    await expect.poll(() => warning.textContent()).toMatch(/CR = 0\.\d+ < 0\.1/);
    // order ≫ traffic, traffic ≫ fire, but fire ≫ order: inconsistent.
    await page.selectOption('#ahp-0-1', '9');
    await page.selectOption('#ahp-1-2', '9');
    await page.selectOption('#ahp-0-2', '1/9');
    await expect.poll(() => warning.textContent()).toMatch(/Warning: .*≥ 0\.1/);
    expect(await warning.isVisible()).toBe(true);
    expect(await page.textContent('[data-recip="0-1"]')).toBe('1/9');
    // A consistent set, applied.
    await page.selectOption('#ahp-0-1', '2');
    await page.selectOption('#ahp-0-2', '4');
    await page.selectOption('#ahp-0-3', '2');
    await page.selectOption('#ahp-1-2', '2');
    await page.selectOption('#ahp-1-3', '1');
    await page.selectOption('#ahp-2-3', '1/2');
    const ahp = ahpWeights([[1, 2, 4, 2], [1 / 2, 1, 2, 1], [1 / 4, 1 / 2, 1, 1 / 2], [1 / 2, 1, 2, 1]]);
    expect(ahp.consistencyRatio).toBeLessThan(0.1);
    await expect.poll(() => page.textContent('[data-wb=cr]')).toBe(ahp.consistencyRatio.toFixed(3));
    await page.click('[data-wb=ahp-apply]');
    const order = (x.fw.byCode.get(x.fw.root) as AggregateNode).children;
    const weights = Object.fromEntries(order.map((c, i) => [c, ahp.weights[i]]));
    await expect.poll(() => indexText(page)).toBe(x.index(weights));
    expect(page.url()).toContain('ahp=2,4,2,2,1,1/2');
    await page.context().close();
  });

  it('runs the uncertainty and sensitivity analyses in a worker, with progress, and cancels', async () => {
    const page = await open('/workbench/');
    await page.click('[data-wb=ua-run]');
    await page.waitForSelector('[data-wb=ua-out]:not([hidden])', { timeout: 60_000 });
    const progress = await page.$eval('#wb-progress', (p) => [(p as HTMLProgressElement).value, (p as HTMLProgressElement).max]);
    expect(progress[0]).toBe(progress[1]);
    expect(progress[1]).toBe(400);
    expect(await page.locator('[data-testid=rank-distribution] tbody tr').count()).toBe(5);
    expect(await page.locator('[data-wb=trend] path.wb-band').count()).toBe(1);
    expect(await page.locator('[data-wb=band-key]').isVisible()).toBe(true);
    await page.click('[data-wb=sa-run]');
    await page.waitForSelector('[data-wb=sa-out]:not([hidden])', { timeout: 60_000 });
    expect(await page.locator('[data-testid=sobol-table] tbody tr').count()).toBe(4);
    expect(await page.locator('[data-wb=sobol-chart] rect.wb-bar').count()).toBeGreaterThanOrEqual(8);
    // A long run, cancelled part way.
    await page.selectOption('#wb-ua-n', '5000');
    await page.click('[data-wb=ua-run]');
    await page.waitForFunction(() => (document.getElementById('wb-progress') as HTMLProgressElement).value > 0, undefined, { timeout: 30_000 });
    expect(await page.isEnabled('[data-wb=cancel]')).toBe(true);
    await page.click('[data-wb=cancel]');
    await expect.poll(() => page.textContent('[data-testid=analysis-status]')).toBe('已取消。');
    expect(await page.isEnabled('[data-wb=ua-run]')).toBe(true);
    expect(await page.isEnabled('[data-wb=cancel]')).toBe(false);
    // Screenshots with every panel filled, at a phone's and a desktop's width.
    mkdirSync(screenshots, { recursive: true });
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(screenshots, `workbench-${width}.png`), fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `horizontal overflow at ${width}px`).toBeLessThanOrEqual(0);
    }
    await page.context().close();
  }, 180_000);

  it('has no accessibility violations (axe), with every panel shown', async () => {
    const require_ = require;
    for (const [path, width] of [['/workbench/', 1280], ['/en/workbench/', 390]] as const) {
      const page = await open(path, { bypassCSP: true, width });
      await page.click('[data-wb=ua-run]');
      await page.waitForSelector('[data-wb=ua-out]:not([hidden])', { timeout: 60_000 });
      await page.click('[data-wb=sa-run]');
      await page.waitForSelector('[data-wb=sa-out]:not([hidden])', { timeout: 60_000 });
      await page.selectOption('#ahp-0-1', '1/9');
      await page.addScriptTag({ path: require_.resolve('axe-core/axe.min.js') });
      const violations = await page.evaluate(async () => {
        const w = window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } };
        const r = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
        return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations, `${path} at ${width}px`).toEqual([]);
      await page.context().close();
    }
  }, 180_000);

  it('is readable without JavaScript: an explanation and the official weights', async () => {
    for (const [path, text] of [['/workbench/', '需要 JavaScript'], ['/en/workbench/', 'need JavaScript']] as const) {
      const page = await open(path, { javaScriptEnabled: false });
      expect(await page.isVisible('[data-wb-nojs]')).toBe(true);
      expect(await page.textContent('[data-wb-nojs] .notice')).toContain(text);
      expect(await page.isVisible('#wb')).toBe(false);
      expect(await page.locator('[data-testid=official-weights] tbody tr').count()).toBe(18);
      await page.context().close();
    }
  });

  it('keeps the CSP (no inline code) and makes no foreign request or console error', async () => {
    for (const path of ['workbench/index.html', 'en/workbench/index.html']) {
      const html = readFileSync(join(out, path), 'utf8');
      expect(html).toContain("worker-src 'self'");
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html).not.toMatch(/\sstyle="/);
    }
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
