import { defineConfig } from 'astro/config';
import preact from '@astrojs/preact';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Which index the site is built for: its data folder (framework/, publication.json,
// methodology/; PINGAN_DATA_DIR, default ../data) and its releases
// (PINGAN_RELEASES_DIR, default the data folder's releases/). Tests point the
// releases at test/fixtures/releases; a build fails with a clear message when
// they are missing (see src/lib/releases.ts). See site/README.md.
process.env.PINGAN_DATA_DIR = resolve(process.env.PINGAN_DATA_DIR ?? fileURLToPath(new URL('../data/', import.meta.url)));
process.env.PINGAN_RELEASES_DIR = resolve(process.env.PINGAN_RELEASES_DIR ?? join(process.env.PINGAN_DATA_DIR, 'releases'));

/** The site's address from the publication configuration (`site.url`), unless PINGAN_SITE_URL overrides it. */
function siteUrl(): string {
  if (process.env.PINGAN_SITE_URL) return process.env.PINGAN_SITE_URL;
  const file = process.env.PINGAN_PUBLICATION ?? join(process.env.PINGAN_DATA_DIR!, 'publication.json');
  const url = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { site?: { url?: string } }).site?.url : undefined;
  return url ?? 'https://pingan.example.org';
}

const clientConditions = ['pingan-source', 'module', 'browser', 'development|production'];
const serverConditions = ['pingan-source', 'module', 'node', 'development|production'];

export default defineConfig({
  // Absolute addresses are needed only by rss.xml and sitemap.xml.
  site: siteUrl(),
  trailingSlash: 'always',
  output: 'static',
  // No inline <style> or <script>: everything is an external file, so the
  // Content-Security-Policy can say 'self' with no 'unsafe-inline' and no hashes.
  build: { inlineStylesheets: 'never', format: 'directory' },
  devToolbar: { enabled: false },
  // The workbench's island (Preact with signals), rendered at build time and hydrated by its own script.
  integrations: [preact()],
  vite: {
    // Scripts are never inlined either (Astro inlines small scripts under assetsInlineLimit).
    // No module preloading for dynamic imports: the one dynamic import, the workbench's analyses,
    // runs inside its analysis worker, which has no document to add <link>s to (Vite still wraps
    // the import, but with no module to preload the wrapper touches no document).
    build: { assetsInlineLimit: 0, modulePreload: false },
    // The import worker is an ES module worker. (The analysis worker runs the page's own chunk: see
    // src/workbench/analysisWorker.ts.)
    worker: { format: 'es' },
    // @pingan/core is read from its TypeScript source (no build step needed first),
    // in every Vite environment Astro uses (client, ssr, and prerender for static pages).
    resolve: { conditions: clientConditions },
    ssr: { resolve: { conditions: serverConditions, externalConditions: ['pingan-source'] } },
    environments: {
      client: { resolve: { conditions: clientConditions } },
      ssr: { resolve: { conditions: serverConditions, externalConditions: ['pingan-source'] } },
      prerender: { resolve: { conditions: serverConditions, externalConditions: ['pingan-source'] } },
    },
  },
});
