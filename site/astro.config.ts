import { defineConfig } from 'astro/config';
import preact from '@astrojs/preact';
import { fileURLToPath } from 'node:url';

// Where the published releases are read from at build time. Tests point this at
// test/fixtures/releases; a production build reads ../data/releases and fails
// with a clear message when it is missing (see src/lib/releases.ts).
process.env.PINGAN_RELEASES_DIR ??= fileURLToPath(new URL('../data/releases/', import.meta.url));
process.env.PINGAN_DATA_DIR ??= fileURLToPath(new URL('../data/', import.meta.url));

const clientConditions = ['pingan-source', 'module', 'browser', 'development|production'];
const serverConditions = ['pingan-source', 'module', 'node', 'development|production'];

export default defineConfig({
  // Absolute addresses are needed only by rss.xml and sitemap.xml.
  site: process.env.PINGAN_SITE_URL ?? 'https://pingan.example.org',
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
    build: { assetsInlineLimit: 0 },
    // The workbench's analysis worker is an ES module worker (it shares chunks with the page).
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
