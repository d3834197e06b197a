// Astro configuration: a static multilingual site from site/, React only for islands, /api proxied to the local API in dev.
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import { readFileSync } from 'node:fs';
import { apiProxy } from './site/integrations/api-proxy.mjs';
import { islandStylesInHead } from './site/integrations/island-styles.mjs';

const siteConfig = JSON.parse(readFileSync(new URL('./content/site.json', import.meta.url), 'utf8'));

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: './dist',
  site: process.env.SITE_URL ?? siteConfig.url,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  // islandStylesInHead: Astro writes its island stylesheet into <body>; HTML (and the Nu checker) want it in <head>.
  integrations: [react(), islandStylesInHead()],
  server: { host: '127.0.0.1', port: 4321 },
  // In dev, Astro answers /api/... itself before Vite's proxy runs, so a plugin forwards it first.
  // (`astro preview` drops plugins: the tests and the bench serve dist/ with test/support/serve.ts instead.)
  vite: { plugins: [apiProxy(() => `http://127.0.0.1:${process.env.API_PORT ?? '4322'}`)] },
});
