/**
 * Browser tests of the statistician's workbench (/workbench/): builds the site
 * from the published releases (data/releases, or PINGAN_WORKBENCH_RELEASES_DIR),
 * serves it on 127.0.0.1 and drives Debian's /usr/bin/chromium with
 * playwright-core, at a phone's 360 px and a desktop's 1280 px, in Chinese and
 * English. The expected figures are computed here, in Node, with @pingan/core
 * from the same release files, and the CLI is run on the exported framework.
 * Skipped, with a notice, without chromium or without releases that carry
 * inputs.csv.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  AggregationSpec,
  PinganError,
  VERDICT_NAMES,
  ValidationError,
  ahpWeights,
  analyticUncertainty,
  buildIndex,
  cellNoise,
  defineFramework,
  frameworkFromJson,
  frameworkToJson,
  effectiveWeights,
  frameworkHash,
  getValue,
  panelFromObservations,
  panelPeriodsPerYear,
  rebuildIndex,
  reviseNodes,
  roundHalfUp,
  toExact,
  type AggregateNode,
  type Framework,
  type FrameworkDocument,
  type NodeRevision,
  type Observation,
} from '@pingan/core';
import { pageScripts } from '../scripts/pageScripts.ts';
import { importFramework } from '../src/workbench/importFramework.ts';
import { axeViolations } from './axe.ts';
import { expectNoSidewaysScroll } from './overflow.ts';
import { CHROMIUM, servedSite } from './server.ts';
import { latestRevisionDir as latestRevision } from './releaseFiles.ts';

const site = join(import.meta.dirname, '..');
const root = join(site, '..');
/** The index under test: Xiangtan's data/ unless an importing file (example.workbench.browser.test.ts) names another. */
const underTest = (globalThis as { pinganWorkbenchUnderTest?: { name: string; dataDir: string; releasesDir: string; screenshots: string } }).pinganWorkbenchUnderTest;
const dataDir = underTest?.dataDir ?? join(root, 'data');
const releasesDir = underTest?.releasesDir ?? process.env.PINGAN_WORKBENCH_RELEASES_DIR ?? join(dataDir, 'releases');
const screenshots = underTest?.screenshots ?? join(root, 'artifacts', 'screenshots');

const latestRevisionDir = (month: string) => latestRevision(releasesDir, month);
const months = existsSync(releasesDir) ? readdirSync(releasesDir).filter((n) => /^\d{4}-(\d{2}|Q[1-4])$/.test(n)).sort() : [];
const haveInputs = months.length > 0 && existsSync(join(latestRevisionDir(months.at(-1)!), 'inputs.csv'));
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`\n*** workbench browser tests SKIPPED: ${CHROMIUM} is absent (apt-get install -y chromium) ***\n`);
else if (!haveInputs) console.warn(`\n*** workbench browser tests SKIPPED: no releases with inputs.csv in ${releasesDir} ***\n`);

/** Both languages at both widths, as each must-show point is checked. */
const VIEWS = [
  { lang: 'zh', path: '/workbench/', width: 360 },
  { lang: 'zh', path: '/workbench/', width: 1280 },
  { lang: 'en', path: '/en/workbench/', width: 360 },
  { lang: 'en', path: '/en/workbench/', width: 1280 },
] as const;
/** A judgement's choices: the list of pairs on a phone (up to 30rem, 480 px), else the matrix's cell. */
const judgement = (width: number, i: number, j: number) => (width <= 480 ? `#ahp-pair-${i}-${j}` : `#ahp-${i}-${j}`);
const WORDS = {
  zh: { same: '与正式公布相同', otherScale: '不在同一量纲', rankOnly: '只比较名次', runs: (n: number) => `共 ${n} 次计算`, caption: (n: number) => `N = ${n}`, fallback: '已恢复正式设置', copied: '链接已复制。', cancelled: '已取消。' },
  en: { same: 'same as published', otherScale: 'not on the published goalposts scale', rankOnly: 'ranks only', runs: (n: number) => `${n} computations`, caption: (n: number) => `N = ${n}`, fallback: 'the official settings are shown', copied: 'Link copied.', cancelled: 'Cancelled.' },
};

interface ReleaseJson {
  regions: { code: string; parent: string | null; name: { zh: string; en: string }; aggregates: { value: string | null; band: { name: { zh: string; en: string } } | null }[] }[];
}
const releaseOf = (month: string) => JSON.parse(readFileSync(join(latestRevisionDir(month), 'release.json'), 'utf8')) as ReleaseJson;

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
  const release = releaseOf(month);
  const city = release.regions.find((r) => r.parent === null)!;
  const districts = release.regions.filter((r) => r.parent !== null);
  const fmt = (v: number) => roundHalfUp(toExact(v)!, fw.decimals);
  /** A region's index in a month for some weights and an aggregation (default: the city, the latest month). */
  const index = (weights: Record<string, number>, aggregation: 'arithmetic' | 'geometric' = 'arithmetic', framework: Framework = fw, unit = city.code, period = month) => {
    const tuned = reviseNodes(framework, (node): NodeRevision | undefined => {
      const w = weights[node.code];
      if (node.type === 'aggregate' && aggregation !== 'arithmetic') return { weight: w, aggregation: AggregationSpec.parse({ ...node.aggregation, method: aggregation }) };
      return w === undefined ? undefined : { weight: w };
    });
    return fmt(getValue(rebuildIndex(nominal, tuned), unit, period, fw.root));
  };
  const firstLevel = (fw.byCode.get(fw.root) as AggregateNode).children;
  return { month, fw, city: city.code, cityName: city.name, cityBand: city.aggregates[0].band, districts, official: city.aggregates[0].value, index, firstLevel, chance: chanceExpectations(fw, nominal, city.code, [...cells.values()]) };
}

/** A change as released: its value and its interval's ends as numbers, and its verdict. */
interface ChangeNumbers {
  value: number;
  lower: number;
  upper: number;
  verdict: 'up' | 'down' | 'unchanged';
}
/** The whole place's index and changes in a period, with their intervals, as numbers (null where the release has none). */
interface ChanceNumbers {
  level: number;
  index: { value: number; lower: number; upper: number } | null;
  mom: ChangeNumbers | null;
  yoy: ChangeNumbers | null;
}

/**
 * The headline's intervals, expected: the release's own for the official weights; for tuned ones, each published
 * interval's distances from its value scaled by the ratio of the index's standard errors (core's `analyticUncertainty`
 * of the index built with the tuned and with the official weights) around the tuned figure.
 */
function chanceExpectations(fw: Framework, nominal: ReturnType<typeof buildIndex>, city: string, observations: Observation[]) {
  const publishedOf = (period: string): ChanceNumbers | null => {
    const raw = JSON.parse(readFileSync(join(latestRevisionDir(period), 'release.json'), 'utf8')) as RawChance;
    const index = raw.regions.find((r) => r.parent === null)!.aggregates[0];
    if (!raw.uncertainty || !index.uncertainty) return null;
    const u = index.uncertainty;
    const change = (value: string | null, c: RawChange | null): ChangeNumbers | null => (value === null || c === null ? null : { value: Number(value), lower: Number(c.lower), upper: Number(c.upper), verdict: c.verdict });
    return { level: raw.uncertainty.level, index: u.interval && { value: Number(index.value), lower: Number(u.interval.lower), upper: Number(u.interval.upper) }, mom: change(index.change.mom, u.mom), yoy: change(index.change.yoy, u.yoy) };
  };
  const errorsOf = (result: ReturnType<typeof buildIndex>, period: string) => {
    const out = result.aggregated;
    const lag = panelPeriodsPerYear(out.periods);
    const a = analyticUncertainty(result, [1, lag], cellNoise(result.raw, result.framework), { codes: [fw.root], periods: [period] });
    const at = (out.periods.indexOf(period) * out.units.length + out.units.indexOf(city)) * out.codes.length + out.codes.indexOf(fw.root);
    return { level: a.se[at], mom: a.changeSe[1][at], yoy: a.changeSe[lag][at], lag };
  };
  /** Under `tuned` (a framework), in `period`: the tuned figures and the scaled intervals. */
  const tunedOf = (tuned: Framework, period: string): ChanceNumbers | null => {
    const published = publishedOf(period);
    if (!published) return null;
    const result = buildIndex(tuned, panelFromObservations(tuned, observations));
    const own = errorsOf(result, period);
    const official = errorsOf(nominal, period);
    const periods = result.aggregated.periods;
    const at = periods.indexOf(period);
    const value = (p: string | undefined) => (p === undefined ? Number.NaN : getValue(result.aggregated, city, p, fw.root));
    const v = value(period);
    const scale = <T extends { value: number; lower: number; upper: number }>(c: T | null, tunedValue: number, ratio: number): T | null =>
      c === null ? null : { ...c, value: tunedValue, lower: tunedValue + ratio * (c.lower - c.value), upper: tunedValue + ratio * (c.upper - c.value) };
    return {
      level: published.level,
      index: scale(published.index, v, own.level / official.level),
      mom: scale(published.mom, v - value(periods[at - 1]), own.mom / official.mom),
      yoy: scale(published.yoy, v - value(periods[at - own.lag]), own.yoy / official.yoy),
    };
  };
  return { publishedOf, tunedOf };
}

interface RawChange {
  lower: string;
  upper: string;
  verdict: 'up' | 'down' | 'unchanged';
}
interface RawChance {
  uncertainty?: { level: number };
  regions: { parent: string | null; aggregates: { value: string; change: { mom: string | null; yoy: string | null }; uncertainty?: { interval: { lower: string; upper: string } | null; mom: RawChange | null; yoy: RawChange | null } }[] }[];
}

describe.skipIf(!haveChromium || !haveInputs)(`the workbench${underTest ? ` of ${underTest.name}` : ''} in Chromium`, () => {
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  const x = haveInputs ? expectations() : (null as unknown as ReturnType<typeof expectations>);

  const served = servedSite('pingan-workbench-', { PINGAN_RELEASES_DIR: releasesDir, PINGAN_DATA_DIR: dataDir });

  async function open(path: string, options: { javaScriptEnabled?: boolean; width?: number; bypassCSP?: boolean; ready?: boolean; clipboard?: boolean } = {}): Promise<Page> {
    const context = await served.browser.newContext({
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      bypassCSP: options.bypassCSP ?? false,
      acceptDownloads: true,
      viewport: { width: options.width ?? 1280, height: 900 },
    });
    if (options.clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.url });
    const page = await context.newPage();
    // Layout shifts from the first paint on (the page was rendered at build time; nothing may move when the script arrives).
    await page.addInitScript(() => {
      const w = window as unknown as { __cls: number };
      w.__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!e.hadRecentInput) w.__cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`${path}: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(`${path}: ${e.message}`));
    page.on('request', (r) => {
      if (!r.url().startsWith(served.url) && !r.url().startsWith('blob:')) foreignRequests.push(r.url());
    });
    const response = await page.goto(path.startsWith('http') ? path : served.url + path);
    expect(response?.status(), path).toBe(200);
    if ((options.ready ?? true) && (options.javaScriptEnabled ?? true)) await page.waitForSelector('.wb[data-ready=true]', { timeout: 30_000 });
    return page;
  }
  const indexText = async (page: Page) => (await page.textContent('[data-testid=workbench-index]'))?.trim();
  async function setNumber(page: Page, code: string, value: string) {
    await page.fill(`#w-${code}`, value);
    await page.dispatchEvent(`#w-${code}`, 'change');
  }
  /** Runs the uncertainty analysis (100 runs) and the sensitivity analysis (N = 64), and waits for both results. */
  async function runBothAnalyses(page: Page) {
    await page.selectOption('#wb-ua-n', '100');
    await page.click('[data-wb=ua-run]');
    await page.waitForSelector('[data-wb=ua-out]:not([hidden])', { timeout: 60_000 });
    await page.selectOption('#wb-sa-n', '64');
    await page.click('[data-wb=sa-run]');
    await page.waitForSelector('[data-wb=sa-out]:not([hidden])', { timeout: 60_000 });
  }

  it('starts at the published index with no layout shift, and is linked from the navigation', async () => {
    for (const v of VIEWS) {
      const page = await open(v.path, { width: v.width });
      expect(await indexText(page)).toBe(x.official);
      expect(x.index({})).toBe(x.official);
      const nav = await page.$$eval('.site-nav a', (as) => as.map((a) => a.getAttribute('href')));
      expect(nav).toContain(v.path);
      expect(await page.locator('[data-testid=workbench-ranking] tbody tr').count()).toBe(x.districts.length);
      expect(await page.locator('[data-testid=workbench-weights] tbody tr').count()).toBe(x.fw.nodes.length - 1);
      expect(await page.locator('[data-wb=trend] svg path.wb-line').count()).toBe(3);
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => (window as unknown as { __cls: number }).__cls), `${v.path} at ${v.width}px`).toBeLessThan(0.01);
      await expectNoSidewaysScroll(page, `${v.path} at ${v.width}px`);
      await page.context().close();
    }
  });

  it('recomputes the index exactly as the library does when a weight, the slider or the aggregation changes', async () => {
    for (const v of [VIEWS[1], VIEWS[2]]) {
      const page = await open(v.path, { width: v.width });
      const [first] = x.firstLevel;
      const ahpWeightsNow = Object.fromEntries(x.firstLevel.map((c) => [c, x.fw.byCode.get(c)!.weight]));
      await setNumber(page, first, '0.2');
      // A first-level weight set by hand: the others keep their (AHP) weights, rounded to three decimals as the address keeps them.
      const rounded = Object.fromEntries(x.firstLevel.map((c) => [c, Number(ahpWeightsNow[c].toFixed(3))]));
      const expected1 = x.index({ ...rounded, [first]: 0.2 });
      expect(expected1).not.toBe(x.official);
      await expect.poll(() => indexText(page)).toBe(expected1);
      // The slider (on a log scale) says the weight in words.
      expect(await page.getAttribute(`#wr-${first}`, 'aria-valuetext')).toBe('0.2');
      // A slider, by keyboard: one step of 0.01 in log10 of the weight (× 1.023), rounded to three decimals.
      // An indicator with siblings (so its in-group weight can move): in the third group when it has several, else the first group that does.
      const inGroup = (g: string) => x.fw.indicators.filter((c) => x.fw.byCode.get(c)!.parent === g);
      const fires = [x.firstLevel[2], ...x.firstLevel].map(inGroup).find((list) => list.length > 1)![0];
      const before = Number(await page.inputValue(`#w-${fires}`));
      await page.focus(`#wr-${fires}`);
      await page.keyboard.press('ArrowRight');
      const after = Math.round(10 ** Number(await page.inputValue(`#wr-${fires}`)) * 1000) / 1000;
      expect(after).toBeGreaterThan(before);
      expect(after).toBeLessThan(before * 1.05);
      await expect.poll(async () => Number(await page.inputValue(`#w-${fires}`))).toBe(after);
      await expect.poll(() => indexText(page)).toBe(x.index({ ...rounded, [first]: 0.2, [fires]: after }));
      // The geometric mean, unless a score of 0 leaves it undefined (core throws, as COINr stops): then the choice is refused with the reason and the result stays.
      const weighted = { ...rounded, [first]: 0.2, [fires]: after };
      let geometric: string | null = null;
      try {
        geometric = x.index(weighted, 'geometric');
      } catch (error) {
        if (!(error instanceof PinganError && error.code === 'out-of-domain')) throw error;
      }
      const kept = x.index(weighted);
      if (geometric !== null) {
        await page.check('input[name=wb-agg][value=geometric]');
        await expect.poll(() => indexText(page)).toBe(geometric);
        expect(page.url()).toMatch(new RegExp(`\\?v=2&w=${first}:0\\.2,.*${fires}:${after}.*&a=geometric`));
      } else {
        await page.click('input[name=wb-agg][value=geometric]');
        await expect.poll(() => page.textContent('[data-testid=workbench-refused]')).toMatch(v.lang === 'zh' ? /几何平均.*0 的对数没有定义.*之前设置.*needs positive values/ : /geometric mean needs every score above 0.*previous settings.*needs positive values/);
        expect(await page.isChecked('input[name=wb-agg][value=arithmetic]')).toBe(true);
        expect(await page.isChecked('input[name=wb-agg][value=geometric]')).toBe(false);
        expect(await indexText(page)).toBe(kept);
        expect(page.url()).not.toContain('a=geometric');
      }
      // An invalid weight is marked, explained and ignored.
      await setNumber(page, x.firstLevel[1], '-1');
      expect(await page.getAttribute(`#w-${x.firstLevel[1]}`, 'aria-invalid')).toBe('true');
      expect(await page.textContent(`#we-${x.firstLevel[1]}`)).toMatch(/0\.001.*1000/);
      expect(await indexText(page)).toBe(geometric ?? kept);
      const eff = effectiveWeights(reviseNodes(x.fw, (n) => (n.code === first ? { weight: 0.2 } : n.parent === x.fw.root ? { weight: rounded[n.code] } : n.code === fires ? { weight: after } : undefined)));
      const rows = await page.$$eval('[data-testid=workbench-weights] tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
      expect(rows[0][1]).toBe(`${(eff[first] * 100).toFixed(1)}%`);
      await page.context().close();
    }
  });

  it('reads a weight as typed: a decimal comma is refused and says the weight still in use (never read as 5 for 0,5); Esc restores it', async () => {
    for (const v of VIEWS) {
      const page = await open(v.path, { width: v.width });
      const leaf = x.fw.indicators[0];
      const box = `#w-${leaf}`;
      const inUse = await page.inputValue(box);
      await page.focus(box);
      await page.keyboard.press('Control+A');
      await page.keyboard.type('0,5');
      await page.keyboard.press('Tab');
      const where = `${v.path} at ${v.width}px`;
      expect(await page.inputValue(box), where).toBe('0,5');
      expect(await page.getAttribute(box, 'aria-invalid'), where).toBe('true');
      const message = await page.textContent(`#we-${leaf}`);
      expect(message, where).toContain('0.5');
      expect(message, where).toContain(v.lang === 'zh' ? `指数仍按 ${inUse} 计算` : `The index still uses ${inUse}`);
      expect(await page.getAttribute(box, 'aria-describedby')).toBe(`we-${leaf}`);
      expect(await indexText(page), where).toBe(x.official);
      expect(page.url(), where).not.toContain(`${leaf}:5`);
      // Esc puts back the weight in use, and the message goes.
      await page.focus(box);
      await page.keyboard.press('Escape');
      expect(await page.inputValue(box)).toBe(inUse);
      expect(await page.getAttribute(box, 'aria-invalid')).toBeNull();
      expect(await page.locator(`#we-${leaf}`).count()).toBe(0);
      // A Chinese input method's full stop is a decimal point: 0。5 is 0.5, shown as such once committed.
      await page.keyboard.press('Control+A');
      await page.keyboard.type('0。5');
      await page.keyboard.press('Tab');
      expect(await page.inputValue(box)).toBe('0.5');
      await expect.poll(() => page.url()).toContain(`${leaf}:0.5`);
      await page.context().close();
    }
  });

  it('steps a weight’s number box by its scale with the arrow keys, within 0.001–1000, and keeps the slider on the box’s range', async () => {
    for (const v of VIEWS) {
      const page = await open(v.path, { width: v.width });
      const where = `${v.path} at ${v.width}px`;
      const leaf = x.fw.indicators[0];
      const box = `#w-${leaf}`;
      const press = async (key: string, expected: string) => {
        await page.focus(box);
        await page.keyboard.press(key);
        expect(await page.inputValue(box), `${key} → ${expected}, ${where}`).toBe(expected);
        await expect.poll(() => page.url()).toContain(`${leaf}:${expected}`);
      };
      await setNumber(page, leaf, '0.455');
      await press('ArrowUp', '0.465');
      await press('ArrowDown', '0.455');
      await press('ArrowDown', '0.445');
      await setNumber(page, leaf, '1');
      await press('ArrowDown', '0.99');
      await press('ArrowUp', '1');
      await press('ArrowUp', '1.1');
      await setNumber(page, leaf, '0.002');
      await press('ArrowDown', '0.001');
      // At the minimum, down stays there (0.001 is the least weight).
      await press('ArrowDown', '0.001');
      // The slider and the box share one range: a weight of 5 is inside the slider's, and one step left stays near 5.
      await setNumber(page, leaf, '5');
      const slider = `#wr-${leaf}`;
      expect(await page.getAttribute(slider, 'aria-valuetext')).toBe('5');
      await page.focus(slider);
      await page.keyboard.press('ArrowLeft');
      const moved = Number(await page.inputValue(box));
      expect(moved, where).toBeGreaterThan(4.8);
      expect(moved, where).toBeLessThan(5);
      expect(await page.getAttribute(slider, 'aria-valuetext')).toBe(String(moved));
      await page.keyboard.press('ArrowRight');
      await expect.poll(async () => Number(await page.inputValue(box))).toBeGreaterThan(moved);
      // 1000, the box's largest weight, is the slider's end too.
      await setNumber(page, leaf, '1000');
      expect(await page.$eval(slider, (el) => (el as HTMLInputElement).value === (el as HTMLInputElement).max)).toBe(true);
      await page.context().close();
    }
  });

  it('keeps the keyboard focus around an analysis: on Cancel while it runs, back on its button when it ends or is cancelled, the end announced', async () => {
    for (const v of [VIEWS[0], VIEWS[3]]) {
      const page = await open(v.path, { width: v.width });
      const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-wb') ?? document.activeElement?.tagName);
      await page.selectOption('#wb-ua-n', '5000');
      await page.focus('[data-wb=ua-run]');
      await page.keyboard.press('Enter');
      await expect.poll(focused).toBe('cancel');
      expect(await page.textContent('[data-testid=analysis-status]')).toBe(v.lang === 'zh' ? '正在运行权重与方法的不确定性分析……' : 'Running the analysis of uncertainty from weights and methods…');
      await page.waitForFunction(() => (document.getElementById('wb-progress') as HTMLProgressElement).value > 0, undefined, { timeout: 30_000 });
      await page.keyboard.press('Enter');
      await expect.poll(() => page.textContent('[data-testid=analysis-status]')).toBe(WORDS[v.lang].cancelled);
      await expect.poll(focused).toBe('ua-run');
      // A run to its end: the focus returns to its button, and the live status line names it (Sobol’ capitalised).
      await page.selectOption('#wb-sa-n', '64');
      await page.focus('[data-wb=sa-run]');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-wb=sa-out]:not([hidden])', { timeout: 60_000 });
      await expect.poll(focused).toBe('sa-run');
      expect(await page.getAttribute('[data-testid=analysis-status]', 'aria-live')).toBe('polite');
      expect(await page.textContent('[data-testid=analysis-status]')).toMatch(v.lang === 'zh' ? /^Sobol 敏感性分析完成，用时 [\d.]+ 秒。$/ : /^The Sobol’ sensitivity analysis finished in [\d.]+ s\.$/);
      await page.context().close();
    }
  }, 120_000);

  it('says an imported file’s problems in the page’s language: not JSON, missing fields, unknown keys, at their paths', async () => {
    const nope = join(served.out, 'nope.json');
    const notJson = join(served.out, 'not-json.json');
    writeFileSync(nope, '{"nope":1}');
    writeFileSync(notJson, 'not json{');
    for (const v of [VIEWS[0], VIEWS[3]]) {
      const page = await open(v.path, { width: v.width });
      const lines = () => page.$$eval('[data-wb=import-result] li', (lis) => lis.map((li) => li.textContent ?? ''));
      await page.setInputFiles('#wb-import', nope);
      await expect
        .poll(lines)
        .toEqual(v.lang === 'zh' ? ['id: 缺少这一项', 'version: 缺少这一项', 'name: 缺少这一项', 'nodes: 缺少这一项', '（整个文件）: 不认识的字段："nope"'] : ['id: missing', 'version: missing', 'name: missing', 'nodes: missing', '(the file): unknown field: "nope"']);
      await page.setInputFiles('#wb-import', notJson);
      await expect.poll(lines).toEqual([v.lang === 'zh' ? '不是有效的 JSON 文件：出现了不该出现的“o”' : 'Not a valid JSON file: an unexpected “o”']);
      expect(await indexText(page)).toBe(x.official);
      await page.context().close();
    }
  });

  it('says plainly that inconsistent AHP judgements are in use for the trial, and that an export says "allowInconsistent": true', async () => {
    if (x.firstLevel.length < 3) return;
    for (const v of [VIEWS[0], VIEWS[3]]) {
      const page = await open(v.path, { width: v.width });
      await page.selectOption(judgement(v.width, 0, 1), '9');
      await page.selectOption(judgement(v.width, 1, 2), '9');
      await page.selectOption(judgement(v.width, 0, 2), '1/9');
      await page.click('[data-wb=ahp-apply]');
      const warning = await page.textContent('[data-wb=cr-warning]');
      expect(warning).toMatch(v.lang === 'zh' ? /CR = \d\.\d+ ≥ 0\.1.*本次试算正在使用这些判断.*"allowInconsistent": true/ : /CR = \d\.\d+ ≥ 0\.1.*they are being used for this trial.*"allowInconsistent": true/);
      expect(await page.textContent('[data-testid=export-inconsistent]')).toContain('"allowInconsistent": true');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-wb=export]')]);
      const file = join(served.out, `inconsistent-${v.lang}.json`);
      await download.saveAs(file);
      const doc = JSON.parse(readFileSync(file, 'utf8')) as { nodes: { code: string; weighting?: { allowInconsistent?: boolean } }[] };
      expect(doc.nodes.find((n) => n.code === x.fw.root)!.weighting!.allowInconsistent).toBe(true);
      await page.context().close();
    }
  });

  it('shows a compact read-out of the index while the weights are adjusted out of the headline’s sight, never over the focused control and not spoken at each change', async () => {
    for (const v of VIEWS) {
      const page = await open(v.path, { width: v.width });
      const where = `${v.path} at ${v.width}px`;
      const readout = '[data-testid=workbench-readout]';
      expect(await page.isVisible(readout), `${where}: the headline is in view`).toBe(false);
      expect(await page.getAttribute(readout, 'aria-live')).toBeNull();
      expect(await page.getAttribute(readout, 'role')).toBeNull();
      // The last indicator with a sibling (so that its weight moves the index).
      const leaf = x.fw.indicators.filter((c) => x.fw.indicators.some((d) => d !== c && x.fw.byCode.get(d)!.parent === x.fw.byCode.get(c)!.parent)).at(-1)!;
      await page.$eval(`#w-${leaf}`, (el) => el.scrollIntoView({ block: 'start' }));
      await expect.poll(() => page.evaluate(() => document.querySelector('.wb-head')!.getBoundingClientRect().bottom < 0), { message: where }).toBe(true);
      await expect.poll(() => page.isVisible(readout), { message: where }).toBe(true);
      expect(await page.textContent(readout)).toContain(x.official);
      expect(await page.textContent(readout)).toContain(WORDS[v.lang].same);
      await setNumber(page, leaf, (await page.inputValue(`#w-${leaf}`)) === '0.9' ? '0.1' : '0.9');
      const shown = await indexText(page);
      expect(shown).not.toBe(x.official);
      await expect.poll(() => page.textContent(readout)).toContain(shown!);
      // At the top of the screen, and the focused control is never under it, however the focus got there.
      const geometry = () =>
        page.evaluate((sel) => {
          const bar = document.querySelector(sel)!.getBoundingClientRect();
          const focus = document.activeElement!.getBoundingClientRect();
          return { top: bar.top, bottom: bar.bottom, focusTop: focus.top, focusBottom: focus.bottom, height: innerHeight, visible: !document.querySelector(sel)!.hasAttribute('hidden') };
        }, readout);
      await page.focus(`#w-${leaf}`);
      for (let i = 0; i < 4; i++) {
        await page.keyboard.press('Shift+Tab');
        const g = await geometry();
        expect(g.focusBottom, `${where}: a control off the screen`).toBeLessThanOrEqual(g.height + 0.5);
        if (g.visible) {
          expect(Math.abs(g.top), where).toBeLessThan(1);
          expect(g.focusTop, `${where}: the focused control under the read-out`).toBeGreaterThanOrEqual(g.bottom - 0.5);
        }
      }
      await expectNoSidewaysScroll(page, where);
      await page.context().close();
    }
  });

  it('shows bands and band words only on the scale they were defined for, and uncertainty bands in one scale or by rank', async () => {
    for (const v of VIEWS) {
      const words = WORDS[v.lang];
      const page = await open(v.path, { width: v.width });
      // The official scale: the band's word, the difference, the published line.
      expect(await page.textContent('[data-testid=workbench-band]')).toBe(x.cityBand!.name[v.lang]);
      expect(await page.textContent('[data-testid=workbench-diff]')).toBe(words.same);
      expect(await page.locator('path[data-series=official]').count()).toBe(1);
      // Min–max: another scale, so no band word, no difference, no published line.
      await page.check('input[name=wb-norm][value=minmax]');
      await expect.poll(() => indexText(page)).not.toBe(x.official);
      expect(await page.textContent('[data-testid=workbench-band]')).toBe('');
      expect(await page.locator('[data-testid=workbench-diff]').count()).toBe(0);
      expect(await page.textContent('[data-testid=workbench-scale]')).toContain(words.otherScale);
      expect(await page.locator('path[data-series=official]').count()).toBe(0);
      // An uncertainty analysis that keeps min–max: a value band, in min–max's scale (around the min–max values shown).
      await page.selectOption('#wb-ua-n', '100');
      await page.click('[data-wb=ua-run]');
      await page.waitForSelector('[data-wb=ua-out][data-band-mode=value]', { timeout: 60_000 });
      expect(await page.locator('[data-wb=trend] path.wb-band').count()).toBe(1);
      // Named apart from the published intervals (chance variation in the counts), and said so by its results.
      expect(await page.textContent('.wb-ua-controls h3')).toBe(v.lang === 'zh' ? '权重与方法的不确定性' : 'Uncertainty from weights and methods');
      expect(await page.textContent('[data-testid=ua-not-published]')).toMatch(v.lang === 'zh' ? /不是正式发布的区间.*计数的随机波动/ : /not the published interval.*chance variation in the counts/);
      expect(await page.textContent('[data-testid=band-key]')).toContain(v.lang === 'zh' ? '权重与方法' : 'weights and methods');
      const rows = await page.$$eval('[data-testid=rank-distribution] tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
      const shown = await page.$$eval('[data-testid=workbench-ranking] tbody tr', (trs) => trs.map((tr) => Number(tr.querySelectorAll('td')[0].textContent)));
      for (const [i, row] of rows.entries()) {
        const [lo, hi] = row[3].split(' – ').map(Number);
        expect(lo).toBeLessThanOrEqual(hi);
        // The district in the same rank position with the current settings sits inside or near its band: one scale.
        expect(shown[i]).toBeGreaterThan(lo - 15);
        expect(shown[i]).toBeLessThan(hi + 15);
      }
      // Varying the normalisation as well mixes scales: ranks only, no value band.
      await page.check('#wb-ua-norm');
      await page.click('[data-wb=ua-run]');
      await page.waitForSelector('[data-wb=ua-out][data-band-mode=rank]', { timeout: 60_000 });
      expect(await page.locator('[data-wb=trend] path.wb-band').count()).toBe(0);
      const rankOnly = await page.$$eval('[data-testid=rank-distribution] tbody tr td:nth-child(5)', (tds) => tds.map((td) => td.textContent));
      expect(rankOnly.every((t) => t === words.rankOnly)).toBe(true);
      expect(await page.textContent('[data-wb=ua-out] details')).toContain(v.lang === 'zh' ? '只显示名次' : 'only the rank distributions');
      // Back on the official scale: the band word returns.
      await page.check('input[name=wb-norm][value=framework]');
      await expect.poll(() => indexText(page)).toBe(x.official);
      expect(await page.textContent('[data-testid=workbench-band]')).toBe(x.cityBand!.name[v.lang]);
      await expectNoSidewaysScroll(page, `${v.path} at ${v.width}px with results`);
      await page.context().close();
    }
  }, 240_000);

  it('honours the Sobol’ N: N × (k + 2) runs, with clipped bars, raw estimates, convergence and how to read them', async () => {
    for (const v of VIEWS) {
      const words = WORDS[v.lang];
      const page = await open(v.path, { width: v.width });
      expect(await page.inputValue('#wb-sa-n')).toBe('2048');
      expect(await page.textContent('[data-testid=sa-runs]')).toBe(words.runs(2048 * 6));
      await page.selectOption('#wb-sa-n', '64');
      expect(await page.textContent('[data-testid=sa-runs]')).toBe(words.runs(64 * 6));
      await page.click('[data-wb=sa-run]');
      await page.waitForSelector('[data-wb=sa-out]:not([hidden])', { timeout: 60_000 });
      expect(await page.getAttribute('[data-wb=sa-out]', 'data-n')).toBe('64');
      expect(await page.getAttribute('[data-wb=sa-out]', 'data-runs')).toBe(String(64 * 6));
      const progress = await page.$eval('#wb-progress', (p) => [(p as HTMLProgressElement).value, (p as HTMLProgressElement).max]);
      expect(progress).toEqual([384, 384]);
      expect(await page.textContent('#wb-sa-cap')).toContain(words.caption(64));
      expect(await page.locator('[data-testid=sobol-table] tbody tr').count()).toBe(4);
      expect(await page.locator('[data-testid=sobol-table] td[data-converged]').count()).toBe(4);
      // Every bar and whisker inside [0, 1] on the chart's axis.
      const geometry = await page.$$eval('[data-wb=sobol-chart] svg', ([svg]) => {
        const ticks = [...svg.querySelectorAll('.axis line')].map((l) => Number(l.getAttribute('x1')));
        const bars = [...svg.querySelectorAll('rect.wb-bar')].map((r) => [Number(r.getAttribute('x')), Number(r.getAttribute('x')) + Number(r.getAttribute('width'))]);
        const whiskers = [...svg.querySelectorAll('.wb-whisker line')].flatMap((l) => [Number(l.getAttribute('x1')), Number(l.getAttribute('x2'))]);
        return { lo: Math.min(...ticks), hi: Math.max(...ticks), bars, whiskers };
      });
      expect(geometry.bars.length).toBe(8);
      for (const [a, b] of geometry.bars) expect(a >= geometry.lo - 0.01 && b <= geometry.hi + 1.01).toBe(true);
      for (const w of geometry.whiskers) expect(w >= geometry.lo - 0.01 && w <= geometry.hi + 0.01).toBe(true);
      const howTo = await page.textContent('[data-wb=sa-out] details');
      expect(howTo).toContain(v.lang === 'zh' ? '截断到 0–1' : 'clips them to 0–1');
      // The uncertainty analysis's progress counts its own runs once.
      await page.selectOption('#wb-ua-n', '200');
      await page.click('[data-wb=ua-run]');
      await page.waitForSelector('[data-wb=ua-out]:not([hidden])', { timeout: 60_000 });
      expect(await page.$eval('#wb-progress', (p) => [(p as HTMLProgressElement).value, (p as HTMLProgressElement).max])).toEqual([200, 200]);
      await page.context().close();
    }
  }, 240_000);

  it('exports a tuned framework that says so (new id and version, base hash, AHP matrix, every change), and the CLI says it is not the official framework', async () => {
    for (const v of [VIEWS[0], VIEWS[3]]) {
      const page = await open(v.path, { width: v.width });
      const leaf = x.fw.indicators[0];
      await setNumber(page, leaf, '0.5');
      await page.selectOption(judgement(v.width, 0, 1), '2');
      await page.selectOption(judgement(v.width, 0, 2), '4');
      const shown = await indexText(page);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-wb=export]')]);
      const file = join(served.out, `exported-${v.lang}.json`);
      await download.saveAs(file);
      // "tuned" once in the name (the document's id and version each say it).
      expect(download.suggestedFilename()).toMatch(new RegExp(`^${x.fw.id}-tuned-${x.fw.version}-[0-9a-f]{8}\\.json$`));
      expect(download.suggestedFilename().match(/tuned/g)).toHaveLength(1);
      const doc = JSON.parse(readFileSync(file, 'utf8')) as FrameworkDocument;
      expect(doc.id).toBe(`${x.fw.id}-tuned`);
      expect(doc.version).toMatch(/\+tuned\.[0-9a-f]{8}$/);
      expect(doc.tuned!.from).toEqual({ id: x.fw.id, version: x.fw.version, sha256: frameworkHash(x.fw) });
      expect(doc.tuned!.tool).toContain(`${served.url}${v.path}?v=2&`);
      // The official judgements with the two just chosen (and their reciprocals).
      const official = (x.fw.document.nodes.find((n) => n.code === x.fw.root) as unknown as { weighting: { matrix: number[][] } }).weighting.matrix;
      const judgements = official.map((row) => [...row]);
      [[0, 1, 2], [0, 2, 4]].forEach(([i, j, value]) => {
        judgements[i][j] = value;
        judgements[j][i] = 1 / value;
      });
      expect(doc.tuned!.ahp).toMatchObject({ node: x.fw.root, order: x.firstLevel, matrix: judgements, applied: true });
      const paths = doc.tuned!.changes.map((c) => c.path);
      expect(paths).toContain(`nodes.${leaf}.weight`);
      expect(paths).toContain(`nodes.${x.fw.root}.weighting.matrix`);
      expect(doc.tuned!.changes.find((c) => c.path === `nodes.${leaf}.weight`)).toEqual({ path: `nodes.${leaf}.weight`, official: String(x.fw.byCode.get(leaf)!.weight), tuned: '0.5' });
      // The root keeps its AHP weighting, with the new judgements, so the weights are derived as in the page.
      const exported = defineFramework(doc);
      const ahp = ahpWeights(judgements);
      x.firstLevel.forEach((c, i) => expect(exported.byCode.get(c)!.weight).toBe(ahp.weights[i]));
      expect(x.index({}, 'arithmetic', exported)).toBe(shown);
      // The CLI computes with it, the same index, and says it is not the official framework.
      const cli = spawnSync(process.execPath, [join(root, 'packages', 'cli', 'bin', 'pingan.js'), 'compute', x.month, '--data', dataDir, '--framework', file, '--json'], { encoding: 'utf8' });
      expect(cli.status, cli.stderr).toBe(0);
      expect(cli.stderr).toContain(`NOTICE: not the official framework (非正式指标体系): ${doc.id} ${doc.version} was tuned from ${x.fw.id} ${x.fw.version} (sha256 ${frameworkHash(x.fw)})`);
      expect(cli.stderr).toContain(`nodes.${leaf}.weight: ${x.fw.byCode.get(leaf)!.weight} → 0.5`);
      const published = JSON.parse(cli.stdout) as { framework: { id: string }; regions: { code: string; aggregates: { value: string }[] }[] };
      expect(published.framework.id).toBe(doc.id);
      expect(published.regions.find((r) => r.code === x.city)!.aggregates[0].value).toBe(shown);
      // Imported into a fresh page, it sets the controls (validated in a worker); a broken file lists every problem.
      const fresh = await open(v.path, { width: v.width });
      await fresh.setInputFiles('#wb-import', file);
      await expect.poll(() => indexText(fresh)).toBe(shown);
      // A number box follows the state one render after the index (it syncs its text in an effect), so it is polled too.
      await expect.poll(() => fresh.inputValue(`#w-${leaf}`)).toBe('0.5');
      await expect.poll(() => fresh.inputValue(judgement(v.width, 0, 2))).toBe('4');
      const bad = JSON.parse(readFileSync(file, 'utf8')) as { nodes: { weight?: number; direction?: number }[] };
      bad.nodes[5].weight = -1;
      bad.nodes[6].direction = 2;
      const badFile = join(served.out, `bad-${v.lang}.json`);
      writeFileSync(badFile, JSON.stringify(bad));
      let issues: string[] = [];
      try {
        frameworkFromJson(bad);
      } catch (error) {
        issues = (error as ValidationError).issues.map((i) => `${i.path}: ${i.message}`);
      }
      expect(issues.length).toBeGreaterThanOrEqual(2);
      // In the page's language: core's words on the English page; on the Chinese page in Chinese, at the same paths.
      const words = importFramework({ official: frameworkToJson(x.fw), text: JSON.stringify(bad), lang: v.lang });
      expect(words.ok).toBe(false);
      expect((words.ok ? [] : words.problems).map((p) => p.split(': ')[0])).toEqual(issues.map((i) => i.split(': ')[0]));
      if (v.lang === 'en') expect(words.ok ? [] : words.problems).toEqual(issues);
      else {
        issues = words.ok ? [] : words.problems;
        expect(issues.join('\n')).not.toMatch(/must be|Invalid input/);
      }
      await fresh.setInputFiles('#wb-import', badFile);
      await fresh.waitForSelector('.wb-import-errors li');
      expect(await fresh.$$eval('[data-wb=import-result] li', (lis) => lis.map((li) => li.textContent))).toEqual(issues);
      expect(await indexText(fresh)).toBe(shown);
      await page.context().close();
      await fresh.context().close();
    }
  }, 120_000);

  it('copies a short, readable link that restores the same state, in either language', async () => {
    for (const v of VIEWS) {
      const page = await open(v.path, { width: v.width, clipboard: true });
      const [a, b] = [x.fw.indicators.at(-2)!, x.fw.indicators.at(-1)!];
      await setNumber(page, a, '0.05');
      await setNumber(page, b, '0.123456');
      expect(await page.inputValue(`#w-${b}`)).toBe('0.123');
      await page.check('input[name=wb-norm][value=minmax]');
      const other = x.districts.at(-1)!.code;
      await page.check(`input[name=wb-compare][value="${other}"]`);
      const earlier = months.at(-4)!;
      await page.selectOption('#wb-month', earlier);
      const shown = await indexText(page);
      await page.click('[data-wb=copy-link]');
      await expect.poll(() => page.textContent('[data-testid=copy-status]')).toBe(WORDS[v.lang].copied);
      const link = await page.evaluate(() => navigator.clipboard.readText());
      expect(link).toBe(page.url());
      const query = new URL(link).search;
      expect(query).toBe(`?v=2&w=${a}:0.05,${b}:0.123&n=minmax&m=${earlier}&c=${x.city},${x.districts[0].code},${other}`);
      expect(query).not.toMatch(/\d\.\d{4,}/);
      const again = await open(link, { width: v.width });
      expect(await indexText(again)).toBe(shown);
      await expect.poll(() => again.inputValue(`#w-${a}`)).toBe('0.05');
      await expect.poll(() => again.inputValue(`#w-${b}`)).toBe('0.123');
      expect(await again.isChecked('input[name=wb-norm][value=minmax]')).toBe(true);
      expect(await again.inputValue('#wb-month')).toBe(earlier);
      expect(await again.isChecked(`input[name=wb-compare][value="${other}"]`)).toBe(true);
      expect(await again.locator('[data-testid=address-notice]').count()).toBe(0);
      expect(again.url()).toBe(link);
      // The language switch carries the settings to the other language.
      await again.click('a.lang-switch');
      await again.waitForSelector('.wb[data-ready=true]');
      expect(new URL(again.url()).search).toBe(query);
      expect(await indexText(again)).toBe(shown);
      await page.context().close();
      await again.context().close();
    }
  });

  it('falls back to the official settings with a notice for a malformed or extreme address', async () => {
    for (const v of VIEWS) {
      for (const [query, key] of [['?n=%', 'n'], [`?v=2&w=${x.firstLevel[0]}:1e308`, 'w'], ['?v=2&w=order:0&a=%E0%A4%A&m=1999-01', 'w'], ['?v=7', 'v']] as const) {
        const page = await open(`${v.path}${query}`, { width: v.width });
        expect(await indexText(page), query).toBe(x.official);
        const notice = await page.textContent('[data-testid=address-notice]');
        expect(notice, query).toContain(WORDS[v.lang].fallback);
        expect(notice).toContain(`${key}:`);
        await expect.poll(() => page.inputValue(`#w-${x.firstLevel[0]}`)).toBe(String(Number(x.fw.byCode.get(x.firstLevel[0])!.weight.toFixed(3))));
        await page.context().close();
      }
    }
  });

  it('compares any set of districts over the whole history, on any released month as the basis', async () => {
    for (const v of VIEWS) {
      const page = await open(v.path, { width: v.width });
      const chosen = x.districts.slice(1, 4).map((d) => d.code);
      expect(chosen.length).toBeGreaterThan(0);
      for (const code of chosen) await page.check(`input[name=wb-compare][value="${code}"]`);
      await page.uncheck(`input[name=wb-compare][value="${x.city}"]`);
      const series = await page.$$eval('[data-wb=trend] path.wb-line', (ps) => ps.map((p) => [p.getAttribute('data-series'), (p.getAttribute('d') ?? '').split(/[ML]/).length - 1]));
      const drawn = series.filter(([k]) => k !== 'official');
      expect(drawn.map(([k]) => k).sort()).toEqual([x.districts[0].code, ...chosen].sort());
      // Every month from the first with an index to the latest, for each series.
      for (const [key, points] of drawn) expect(points, String(key)).toBe(months.length);
      const lastValue = x.index({}, 'arithmetic', x.fw, chosen[0], x.month);
      expect(await page.textContent('.wb-figure figcaption')).toContain(lastValue);
      // An earlier month as the basis: the headline, the ranking and its published column follow.
      const basis = months[Math.floor(months.length / 2)];
      await page.selectOption('#wb-month', basis);
      const release = releaseOf(basis);
      const cityValue = release.regions.find((r) => r.code === x.city)!.aggregates[0].value;
      await expect.poll(() => indexText(page)).toBe(cityValue);
      expect(await page.textContent('[data-testid=workbench-published]')).toBe(cityValue);
      const ranking = await page.$$eval('[data-testid=workbench-ranking] tbody tr', (trs) => trs.map((tr) => [tr.getAttribute('data-region'), tr.querySelectorAll('td')[0].textContent, tr.querySelectorAll('td')[2].textContent]));
      for (const [code, now, published] of ranking) {
        const value = release.regions.find((r) => r.code === code)!.aggregates[0].value;
        expect(published).toBe(value);
        expect(now).toBe(value);
      }
      expect(page.url()).toContain(`m=${basis}`);
      await expectNoSidewaysScroll(page, `${v.path} at ${v.width}px comparing`);
      await page.context().close();
    }
  });

  it('computes AHP weights live, warns at CR ≥ 0.1 and applies them to the first level', async () => {
    const page = await open('/en/workbench/');
    const warning = page.locator('[data-wb=cr-warning]');
    await expect.poll(() => warning.textContent()).toMatch(/CR = 0\.\d+ < 0\.1/);
    // Weights by hand first, so that the judgements apply only when asked.
    await setNumber(page, x.firstLevel.at(-1)!, '0.3');
    await page.selectOption('#ahp-0-1', '9');
    await page.selectOption('#ahp-1-2', '9');
    await page.selectOption('#ahp-0-2', '1/9');
    await expect.poll(() => warning.textContent()).toMatch(/Warning: .*≥ 0\.1/);
    expect(await page.textContent('[data-recip="0-1"]')).toBe('1/9');
    // A consistent set of judgements for however many first-level groups: Xiangtan's four get 2, 4, 2, 2, 1, 1/2.
    const n = x.firstLevel.length;
    const priority = [4, 2, 1, 2, 4, 2, 1, 2].slice(0, n);
    const text = (r: number) => (r >= 1 ? String(r) : `1/${1 / r}`);
    const matrix = priority.map((pi) => priority.map((pj) => pi / pj));
    const pairs: string[] = [];
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
      await page.selectOption(`#ahp-${i}-${j}`, text(matrix[i][j]));
      pairs.push(text(matrix[i][j]));
    }
    const ahp = ahpWeights(matrix);
    expect(ahp.consistencyRatio).toBeLessThan(0.1);
    await expect.poll(() => page.textContent('[data-wb=cr]')).toBe(ahp.consistencyRatio.toFixed(3));
    await page.click('[data-wb=ahp-apply]');
    const weights = Object.fromEntries(x.firstLevel.map((c, i) => [c, ahp.weights[i]]));
    await expect.poll(() => indexText(page)).toBe(x.index(weights));
    expect(page.url()).toContain(`ahp=${pairs.join(',')}`);
    await page.context().close();
  });

  it('asks for the AHP judgements as a list of pairs on a 360 px phone (the matrix on a desktop): the same judgements, weights and CR', async () => {
    const n = x.firstLevel.length;
    for (const v of VIEWS) {
      const page = await open(v.path, { width: v.width });
      const phone = v.width <= 480;
      const layout = () =>
        page.evaluate(() => {
          const shown = (selector: string) => getComputedStyle(document.querySelector(selector)!).display !== 'none';
          const list = document.querySelector('.wb-ahp-pairs')!;
          const box = list.getBoundingClientRect();
          return {
            matrix: shown('.wb-ahp .table-scroll'),
            pairs: shown('.wb-ahp-pairs'),
            rows: [...list.querySelectorAll('ol > li')].map((li) => {
              const label = li.querySelector('label')!;
              const select = li.querySelector('select')!;
              // How many lines the label takes: one client rectangle per line box.
              const range = document.createRange();
              range.selectNodeContents(label);
              const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
              return { label: label.textContent, labelled: label.htmlFor === select.id, fits: select.getBoundingClientRect().right <= box.right + 0.5, lines };
            }),
            weights: [...list.querySelectorAll('[data-ahp-pair-w]')].map((w) => w.textContent),
            matrixWeights: [...document.querySelectorAll('[data-ahp-w]')].map((w) => w.textContent),
            page: document.documentElement.scrollWidth,
          };
        });
      const before = await layout();
      expect(before.matrix, `${v.lang} ${v.width}px`).toBe(!phone);
      expect(before.pairs, `${v.lang} ${v.width}px`).toBe(phone);
      // Every pair once, first before second, in the matrix's order; each choice labelled by its pair and within the screen.
      const name = (code: string) => x.fw.byCode.get(code)!.name[v.lang];
      const expected = x.firstLevel.flatMap((a, i) => x.firstLevel.slice(i + 1).map((b) => (v.lang === 'zh' ? `${name(a)} 比 ${name(b)}` : `${name(a)} vs ${name(b)}`)));
      expect(before.rows.map((r) => r.label)).toEqual(expected);
      expect(before.rows.length).toBe((n * (n - 1)) / 2);
      expect(before.rows.every((r) => r.labelled)).toBe(true);
      if (phone) expect(before.rows.every((r) => r.fits), `${v.lang}: a choice beyond the screen`).toBe(true);
      // A Chinese pair of names has no space inside a name to wrap at: it stays on one line (never broken between a name's characters).
      if (phone && v.lang === 'zh') expect(before.rows.filter((r) => r.lines !== 1).map((r) => r.label)).toEqual([]);
      expect(before.page).toBeLessThanOrEqual(v.width);
      // A judgement made in the shown form is the other's too, and both show the same weights and CR.
      await page.selectOption(judgement(v.width, 0, 1), '5');
      await expect.poll(() => page.inputValue(phone ? '#ahp-0-1' : '#ahp-pair-0-1')).toBe('5');
      await expect.poll(async () => (await layout()).weights).not.toEqual(before.weights);
      const after = await layout();
      expect(after.weights).toEqual(after.matrixWeights);
      // The weights are core's for the judgements the list holds.
      const value = (t: string) => (t.startsWith('1/') ? 1 / Number(t.slice(2)) : Number(t));
      const matrix = x.firstLevel.map(() => x.firstLevel.map(() => 1));
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
        matrix[i][j] = value(await page.inputValue(`#ahp-pair-${i}-${j}`));
        matrix[j][i] = 1 / matrix[i][j];
      }
      expect(matrix[0][1]).toBe(5);
      const ahp = ahpWeights(matrix);
      expect(after.weights).toEqual(ahp.weights.map((w) => w.toFixed(3)));
      expect(await page.textContent('[data-wb=cr]')).toBe(ahp.consistencyRatio.toFixed(3));
      expect(await page.textContent('[data-recip="0-1"]')).toBe('1/5');
      await page.context().close();
    }
  }, 240_000);

  it('cancels a long analysis; has no accessibility violations (axe) with every panel shown', async () => {
    for (const v of [VIEWS[0], VIEWS[3]]) {
      const page = await open(v.path, { bypassCSP: true, width: v.width });
      await page.selectOption('#wb-ua-n', '5000');
      await page.click('[data-wb=ua-run]');
      await page.waitForFunction(() => (document.getElementById('wb-progress') as HTMLProgressElement).value > 0, undefined, { timeout: 30_000 });
      await page.click('[data-wb=cancel]');
      await expect.poll(() => page.textContent('[data-testid=analysis-status]')).toBe(WORDS[v.lang].cancelled);
      expect(await page.isEnabled('[data-wb=ua-run]')).toBe(true);
      expect(await page.isEnabled('[data-wb=cancel]')).toBe(false);
      await runBothAnalyses(page);
      await page.selectOption(judgement(v.width, 0, 1), '1/9');
      for (const d of await page.$$('details.wb-howto')) await d.evaluate((e) => ((e as HTMLDetailsElement).open = true));
      const violations = await axeViolations(page);
      expect(violations, `${v.path} at ${v.width}px`).toEqual([]);
      mkdirSync(screenshots, { recursive: true });
      await page.screenshot({ path: join(screenshots, `workbench-${v.lang}-${v.width}.png`), fullPage: true });
      await expectNoSidewaysScroll(page, `${v.path} at ${v.width}px with every panel`);
      await page.context().close();
    }
  }, 240_000);

  it('fits its tables to a 360 px phone: no table wider than its box, no Chinese name broken across lines', async () => {
    for (const v of VIEWS.filter((view) => view.width === 360)) {
      const page = await open(v.path, { width: v.width });
      await runBothAnalyses(page);
      const tables = await page.$$eval('.wb .table-scroll', (boxes) =>
        boxes.map((box) => {
          const table = box.querySelector('table')!;
          // How many lines a cell's text takes: one client rectangle per line box.
          const lines = (cell: Element) => {
            const range = document.createRange();
            range.selectNodeContents(cell);
            return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
          };
          return {
            table: table.getAttribute('data-testid') ?? table.className,
            shown: getComputedStyle(box).display !== 'none',
            overflow: box.scrollWidth - box.clientWidth,
            brokenAreas: [...table.querySelectorAll('.wb-area')].filter((c) => lines(c) > 1).map((c) => c.textContent),
            brokenIntervals: [...table.querySelectorAll('.wb-interval-text')].filter((c) => lines(c) > 1).map((c) => c.textContent),
          };
        }),
      );
      expect(tables.map((t) => t.table)).toEqual(['workbench-ranking', 'workbench-weights', 'wb-ahp-grid', 'rank-distribution', 'sobol-table']);
      for (const t of tables) {
        // The judgement matrix (a column per first-level group) gives way to the list of pairs on a phone.
        expect(t.shown, `${t.table} at ${v.width}px (${v.lang})`).toBe(t.table !== 'wb-ahp-grid');
        expect(t.overflow, `${t.table} wider than its box at ${v.width}px (${v.lang})`).toBeLessThanOrEqual(0);
        // A Chinese name has no spaces to wrap at: it must not break between its characters (an English one wraps at its spaces).
        if (v.lang === 'zh') expect(t.brokenAreas, `${t.table}: area names on more than one line`).toEqual([]);
        // A Sobol' estimate's interval stays on one line (under its estimate).
        expect(t.brokenIntervals, `${t.table}: intervals broken across lines at ${v.width}px (${v.lang})`).toEqual([]);
      }
      await page.context().close();
    }
  }, 240_000);

  it('never scrolls the whole page sideways on a 320 px phone, before and after both analyses, in both languages: a weight’s slider takes its own line', async () => {
    for (const path of ['/workbench/', '/en/workbench/']) {
      const page = await open(path, { width: 320 });
      await expectNoSidewaysScroll(page, `${path} at 320px`);
      // Name and number on one line, the slider under them, as wide as the row.
      const row = await page.$eval('.wb-weight', (el) => {
        const [name, range, number] = ['.wb-wname', 'input[type=range]', '.wb-wnum'].map((s) => el.querySelector(s)!.getBoundingClientRect());
        return { sameLine: Math.abs(name.top + name.height / 2 - (number.top + number.height / 2)) < number.height / 2, below: range.top >= number.bottom - 1, rangeWidth: range.width, rowWidth: el.getBoundingClientRect().width };
      });
      expect(row, `${path} at 320px`).toEqual({ sameLine: true, below: true, rangeWidth: row.rowWidth, rowWidth: row.rowWidth });
      await runBothAnalyses(page);
      await expectNoSidewaysScroll(page, `${path} at 320px, after both analyses`);
      await page.context().close();
    }
  }, 240_000);

  it('draws its charts with every label inside the drawing and readable (at least 12 px), at 360 and 1280 px in both languages', async () => {
    for (const v of VIEWS) {
      const page = await open(v.path, { width: v.width });
      await runBothAnalyses(page);
      const charts = await page.$$eval('[data-wb=trend] svg, [data-wb=ua-out] svg, [data-wb=sobol-chart] svg', (svgs) =>
        svgs.map((svg) => {
          const box = svg.getBoundingClientRect();
          const scale = box.width / (svg as SVGSVGElement).viewBox.baseVal.width;
          // A label not displayed at this width (the trend chart's right-hand values on a desktop) has no box.
          const shown = [...svg.querySelectorAll('text')].filter((text) => getComputedStyle(text).display !== 'none');
          const texts = shown.map((text) => {
            const r = text.getBoundingClientRect();
            return {
              text: text.textContent,
              inside: r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5,
              px: parseFloat(getComputedStyle(text).fontSize) * scale,
            };
          });
          return { chart: svg.closest('[data-wb]')!.getAttribute('data-wb'), texts, width: box.width, boxWidth: svg.parentElement!.clientWidth };
        }),
      );
      expect(charts.map((c) => c.chart), `${v.path} at ${v.width}px`).toEqual(['trend', 'ua-out', 'sobol-chart']);
      for (const c of charts) {
        const where = `${c.chart}, ${v.path} at ${v.width}px`;
        expect(c.texts.length, where).toBeGreaterThan(0);
        expect(c.texts.filter((t) => !t.inside).map((t) => t.text), `${where}: labels cut off at the drawing's edge`).toEqual([]);
        expect(c.texts.filter((t) => t.px < 11.95).map((t) => `${t.text} ${t.px.toFixed(1)}px`), `${where}: labels too small to read`).toEqual([]);
        // A row-labelled chart is drawn at its box's width: it never scrolls sideways.
        if (c.chart !== 'trend') expect(c.width, where).toBeLessThanOrEqual(c.boxWidth + 0.5);
      }
      await page.context().close();
    }
  }, 240_000);

  it('opens its trend chart at the newest month on a 360 px phone, its values on the right in view (with and without JavaScript); on a desktop it fits, values on the left', async () => {
    for (const v of VIEWS) {
      for (const javaScriptEnabled of v.width === 360 ? [true, false] : [true]) {
        const page = await open(v.path, { width: v.width, javaScriptEnabled });
        const where = `${v.path} at ${v.width}px${javaScriptEnabled ? '' : ' without JavaScript'}`;
        const view = await page.$eval('[data-wb=trend] .chart-scroll', (box) => {
          const frame = box.getBoundingClientRect();
          const inView = (el: Element) => {
            const r = el.getBoundingClientRect();
            return r.width > 0 && r.left >= frame.left - 0.5 && r.right <= frame.right + 0.5;
          };
          const monthLabels = [...box.querySelectorAll('.axis > text')];
          const values = (which: string) => [...box.querySelectorAll(`.axis > g > text${which}`)].filter((t) => getComputedStyle(t).display !== 'none');
          return {
            scrolls: box.scrollWidth > box.clientWidth + 1,
            newestInView: inView(monthLabels[monthLabels.length - 1]),
            oldestInView: inView(monthLabels[0]),
            rightValues: values('.axis-right').map(inView),
            leftValues: values(':not(.axis-right)').map(inView),
          };
        });
        expect(view.newestInView, `${where}: the newest month's label in view on load`).toBe(true);
        if (v.width === 360) {
          expect(view.scrolls, where).toBe(true);
          expect(view.oldestInView, `${where}: the oldest month a swipe away`).toBe(false);
          expect(view.rightValues.length, where).toBeGreaterThan(2);
          expect(view.rightValues.every(Boolean), `${where}: the right-hand values in view`).toBe(true);
        } else {
          expect(view.scrolls, where).toBe(false);
          expect(view.rightValues, `${where}: values on the left only`).toEqual([]);
          expect(view.leftValues.length, where).toBeGreaterThan(2);
          expect(view.leftValues.every(Boolean), where).toBe(true);
        }
        await page.context().close();
      }
    }
  }, 240_000);

  it('draws every radio button and checkbox at one full size on a 360 px phone, however long its label', async () => {
    for (const v of VIEWS.filter((view) => view.width === 360)) {
      const page = await open(v.path, { width: v.width });
      await page.locator('.wb input[type=radio]').first().waitFor();
      const boxes = await page.$$eval('.wb input[type=radio], .wb input[type=checkbox]', (inputs) =>
        inputs.map((input) => {
          const r = input.getBoundingClientRect();
          return { type: (input as HTMLInputElement).type, label: input.closest('label')?.textContent?.trim() ?? input.id, width: Math.round(r.width * 10) / 10, height: Math.round(r.height * 10) / 10 };
        }),
      );
      const radios = boxes.filter((b) => b.type === 'radio');
      expect(radios.length, v.lang).toBeGreaterThanOrEqual(4);
      for (const type of ['radio', 'checkbox']) {
        const ofType = boxes.filter((b) => b.type === type);
        const largest = Math.max(...ofType.map((b) => Math.max(b.width, b.height)));
        // Round, not squeezed into an ellipse, and none smaller than the others.
        for (const b of ofType) expect([b.width, b.height], `${v.lang}: the ${type} of "${b.label}"`).toEqual([largest, largest]);
      }
      await page.context().close();
    }
  }, 120_000);

  it('gives the index’s interval and its changes’ verdicts and intervals under the headline: as released with the official settings (without JavaScript too, and in another basis month), scaled to tuned weights, none under other methods, saying why', async () => {
    const quarterly = x.month.includes('Q');
    const text = (v: number) => roundHalfUp(toExact(v)!, x.fw.decimals);
    const signedText = (v: number) => {
      const t = text(v);
      return t.startsWith('-') ? `−${t.slice(1)}` : Number(t) === 0 ? t : `+${t}`;
    };
    /** The lines as the page writes them, from the release's figures. */
    const lines = (lang: 'zh' | 'en', n: ChanceNumbers | null): string[] => {
      if (n === null) return [];
      const level = `${Math.round(n.level * 1000) / 10}%`;
      const label = lang === 'zh' ? `${level} 区间` : `${level} interval`;
      const to = lang === 'zh' ? '至' : 'to';
      const sep = lang === 'zh' ? '，' : ', ';
      const change = (name: string, c: ChangeNumbers | null) => (c ? [`${name} ${signedText(c.value)}${sep}${VERDICT_NAMES[c.verdict][lang]}${sep}${label} ${signedText(c.lower)} ${to} ${signedText(c.upper)}`] : []);
      return [
        ...(n.index ? [`${label} ${text(n.index.lower)} ${to} ${text(n.index.upper)}`] : []),
        ...change(lang === 'zh' ? '环比' : `Change on the ${quarterly ? 'quarter' : 'month'} before`, n.mom),
        ...change(lang === 'zh' ? '同比' : 'Change on a year before', n.yoy),
      ];
    };
    const read = (page: Page) => page.$$eval('[data-testid=workbench-interval], [data-testid=workbench-mom], [data-testid=workbench-yoy]', (ps) => ps.map((p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim()));
    const note = (page: Page) => page.textContent('[data-testid=workbench-chance-note]');
    const numbers = (line: string) => [...line.matchAll(/[−+-]?\d+\.\d+/g)].map((m) => Number(m[0].replace('−', '-')));
    const published = x.chance.publishedOf(x.month);
    const earlier = months.at(-2)!;
    const [first] = x.firstLevel;
    const rounded = Object.fromEntries(x.firstLevel.map((c) => [c, Number(x.fw.byCode.get(c)!.weight.toFixed(3))]));
    const tuned = x.chance.tunedOf(reviseNodes(x.fw, (n): NodeRevision | undefined => (n.parent === x.fw.root ? { weight: n.code === first ? 5 : rounded[n.code] } : undefined)), x.month);
    expect(published, 'the latest release carries intervals').not.toBeNull();
    for (const v of VIEWS) {
      const page = await open(v.path, { width: v.width });
      expect(await read(page), `${v.path} ${v.width}px`).toEqual(lines(v.lang, published));
      const officialNote = await note(page);
      expect(officialNote).toBeTruthy();
      // Each range on one line, the page no wider than the screen.
      expect(await page.$$eval('.wb-head .wb-range', (spans) => spans.map((s) => new Set([...s.getClientRects()].map((r) => Math.round(r.top))).size))).toEqual(lines(v.lang, published).map(() => 1));
      await expectNoSidewaysScroll(page, `${v.path} at ${v.width}px`);
      // Another basis month: its own release's.
      await page.selectOption('#wb-month', earlier);
      await expect.poll(() => read(page)).toEqual(lines(v.lang, x.chance.publishedOf(earlier)));
      await page.selectOption('#wb-month', x.month);
      // Tuned: every end within a hundredth of the expected one (the page's standard errors keep four digits), the verdict the rule's on the interval shown.
      await setNumber(page, first, '5');
      await expect.poll(async () => (await read(page))[0]).not.toBe(lines(v.lang, published)[0]);
      const shown = await read(page);
      expect(shown.map((line) => line.replace(/[−+-]?\d+\.\d+/g, '#').replace(/上升|下降|基本持平|broadly unchanged|\bup\b|\bdown\b/, 'V'))).toEqual(lines(v.lang, published).map((line) => line.replace(/[−+-]?\d+\.\d+/g, '#').replace(/上升|下降|基本持平|broadly unchanged|\bup\b|\bdown\b/, 'V')));
      const expected = [tuned!.index && [tuned!.index.lower, tuned!.index.upper], tuned!.mom && [tuned!.mom.value, tuned!.mom.lower, tuned!.mom.upper], tuned!.yoy && [tuned!.yoy.value, tuned!.yoy.lower, tuned!.yoy.upper]].filter((e) => e !== null);
      // The numbers with decimals: the level's two ends; a change's value and its two ends (the "90%" has none).
      expect(shown.map(numbers).map((got, i) => got.length === expected[i]!.length && got.every((g, j) => Math.abs(g - expected[i]![j]) <= 0.01 + 1e-9)), `${shown.join(' | ')} against ${JSON.stringify(expected)}`).toEqual(shown.map(() => true));
      for (const [line, testid] of shown.slice(1).map((l, i) => [l, i === 0 ? 'workbench-mom' : 'workbench-yoy'] as const)) {
        const [lower, upper] = numbers(line).slice(-2);
        expect(await page.getAttribute(`[data-testid=${testid}]`, 'data-verdict'), line).toBe(lower > 0 ? 'up' : upper < 0 ? 'down' : 'unchanged');
      }
      expect(await note(page)).not.toBe(officialNote);
      // Min–max scores: no interval, and why.
      await page.check('input[name=wb-norm][value=minmax]');
      await expect.poll(() => read(page)).toEqual([]);
      expect(await note(page)).toContain(v.lang === 'zh' ? '最小–最大标准化' : 'min–max normalisation');
      await page.context().close();
    }
    // Without JavaScript: the published ones, rendered at build time.
    for (const v of VIEWS.filter((view) => view.width === 360)) {
      const page = await open(v.path, { width: v.width, javaScriptEnabled: false });
      expect(await read(page)).toEqual(lines(v.lang, published));
      await page.context().close();
    }
  });

  it('is readable without JavaScript: an explanation, the published figures and the official weights', async () => {
    for (const [path, text] of [['/workbench/', '需要 JavaScript'], ['/en/workbench/', 'need JavaScript']] as const) {
      const page = await open(path, { javaScriptEnabled: false, width: 360 });
      expect(await page.textContent('[data-testid=nojs-notice]')).toContain(text);
      expect(await indexText(page)).toBe(x.official);
      expect(await page.locator('[data-testid=workbench-weights] tbody tr').count()).toBe(x.fw.nodes.length - 1);
      expect(await page.isDisabled('[data-wb=ua-run]')).toBe(true);
      await page.context().close();
    }
  });

  it('stays within the budget `pnpm budget` states (the workbench’s JavaScript ≤ 60 KB gzipped, its analysis worker’s included)', () => {
    const run = spawnSync(process.execPath, [join(import.meta.dirname, '..', 'scripts', 'budget.ts'), '--dist', served.out], { encoding: 'utf8' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    // What the analysis worker loads is counted: its analyses, imported from the page's own chunk.
    expect(run.stdout).toMatch(/KB {2}\/_astro\/analysisEngine\.[^ ]+\.js/);
    expect(run.stdout.match(/total \d+ bytes gzipped/g)).toHaveLength(2);
  });

  it('keeps the CSP (no inline code, no zod or eval in the page’s scripts) and makes no foreign request or console error', async () => {
    for (const path of ['workbench/index.html', 'en/workbench/index.html']) {
      const html = readFileSync(join(served.out, path), 'utf8');
      expect(html).toContain("worker-src 'self'");
      // No inline script at all: the islands' props are JSON in an inert <template>.
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html).toMatch(/<template id="wb-props">\{/);
      expect(html).not.toMatch(/\sstyle="/);
      const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
      expect(scripts.length).toBeGreaterThan(0);
      // What the page loads (the import worker, with zod, only when a file is imported, is apart), as `pnpm budget` counts it.
      const { loaded } = pageScripts(served.out, path);
      expect([...loaded.keys()].some((u) => u.includes('analysisEngine'))).toBe(true);
      for (const [url, bytes] of loaded) expect(bytes.toString('utf8'), url).not.toMatch(/ZodError|new Function\(|\beval\(/);
    }
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
