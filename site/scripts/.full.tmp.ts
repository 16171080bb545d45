import { launchChromium, startServer } from '../test/server.ts';
const [path, out, width = '360'] = process.argv.slice(2);
const server = await startServer(new URL('../dist/', import.meta.url).pathname);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: Number(width), height: 800 } });
await page.goto(server.url + path);
await page.screenshot({ path: out, fullPage: true });
await browser.close();
await server.close();
