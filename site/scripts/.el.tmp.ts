import { launchChromium, startServer } from '../test/server.ts';
const [path, selector, out, width = '360'] = process.argv.slice(2);
const server = await startServer(new URL('../dist/', import.meta.url).pathname);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: Number(width), height: 800 }, deviceScaleFactor: 2 });
await page.goto(server.url + path);
await page.locator(selector).first().screenshot({ path: out });
await browser.close();
await server.close();
