import { loadReleases } from '../src/lib/releases.ts';
import { launchChromium } from '../test/server.ts';
// The areas to compare: the whole place and its first and last divisions in the latest release
// (PINGAN_DATA_DIR / PINGAN_RELEASES_DIR choose the index), so no region code is written here.
const latest = loadReleases().at(-1)!.release;
const whole = latest.regions.filter((r) => r.isCity);
const divisions = latest.regions.filter((r) => !r.isCity);
const compared = [...whole, divisions[0], divisions.at(-1)!].map((r) => r.code).join(',');
const browser = await launchChromium();
const [path, lang] = [process.argv[2], process.argv[3]];
const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
await page.goto(`http://127.0.0.1:4399${path}?v=2&n=minmax&c=${compared}`);
await page.waitForSelector('.wb[data-ready=true]');
await page.selectOption('#wb-ua-n', '100');
await page.click('[data-wb=ua-run]');
await page.waitForSelector('[data-wb=ua-out]:not([hidden])', { timeout: 60000 });
await page.selectOption('#wb-sa-n', '64');
await page.click('[data-wb=sa-run]');
await page.waitForSelector('[data-wb=sa-out]:not([hidden])', { timeout: 60000 });
const height = await page.evaluate(() => document.documentElement.scrollHeight);
for (let y = 0, i = 0; y < height; y += 1300, i++) await page.screenshot({ path: `/tmp/i11-seg-${lang}-${i}.png`, fullPage: true, clip: { x: 0, y, width: 360, height: Math.min(1300, height - y) } });
console.log(height);
await browser.close();
