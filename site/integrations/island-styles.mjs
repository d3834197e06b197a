// Astro integration: moves the one-line stylesheet Astro writes before a page's first island (a <style> in <body>, which HTML does not allow) into that page's <head>.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ISLAND_STYLES } from 'astro/runtime/server/astro-island-styles.js';

const TAG = `<style>${ISLAND_STYLES}</style>`;

async function* htmlFiles(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

/** Rewrites one page: every copy of the island stylesheet out of <body>, one copy at the end of <head>. */
export function moveIslandStylesToHead(html) {
  const bodyStart = html.indexOf('<body');
  if (bodyStart < 0 || !html.includes(TAG, bodyStart)) return html;
  const head = html.slice(0, bodyStart);
  const body = html.slice(bodyStart).split(TAG).join('');
  return head.includes(TAG) ? head + body : head.replace('</head>', `${TAG}</head>`) + body;
}

export function islandStylesInHead() {
  return {
    name: 'island-styles-in-head',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        for await (const file of htmlFiles(fileURLToPath(dir))) {
          const html = await readFile(file, 'utf8');
          const moved = moveIslandStylesToHead(html);
          if (moved !== html) await writeFile(file, moved);
        }
      },
    },
  };
}
