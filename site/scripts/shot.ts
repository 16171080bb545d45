// Dev helper: screenshots of a built page. node scripts/shot.ts /path/ out.png [width]
import { launchChromium, startServer } from '../test/server.ts';
const [path = '/', out = '/tmp/shot.png', width = '1280'] = process.argv.slice(2);
const server = await startServer(new URL('../dist/', import.meta.url).pathname);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
page.on('console', (m) => console.log('console:', m.type(), m.text()));
await page.goto(server.url + path);
const height = await page.evaluate(() => document.documentElement.scrollHeight);
for (let y = 0, i = 0; y < height; y += 800, i++) {
  await page.screenshot({ path: out.replace(/\.png$/, `-${i}.png`), fullPage: true, clip: { x: 0, y, width: Number(width), height: Math.min(800, height - y) } });
}
await browser.close();
await server.close();
