// Astro configuration: a static multilingual site from site/, React only for islands, /api proxied to the local API in dev.
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import { readFileSync } from 'node:fs';

const siteConfig = JSON.parse(readFileSync(new URL('./content/site.json', import.meta.url), 'utf8'));
const apiPort = process.env.API_PORT ?? '4322';

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: './dist',
  site: process.env.SITE_URL ?? siteConfig.url,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  integrations: [react()],
  server: { host: '127.0.0.1', port: 4321 },
  vite: {
    server: { proxy: { '/api': `http://127.0.0.1:${apiPort}` } },
    preview: { proxy: { '/api': `http://127.0.0.1:${apiPort}` } },
  },
});
