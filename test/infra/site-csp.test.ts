// How the CSP is computed from built pages: which inline code needs a hash, which does not, and what is refused.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLOUDFRONT_CSP_MAX_LENGTH, contentSecurityPolicy, scanInline } from '../../infra/lib/site-csp.ts';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

function site(pages: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'csp-'));
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}

describe('scanInline', () => {
  it('hashes each distinct inline script a browser runs, once, and each <style>', () => {
    const dir = site({
      'index.html':
        '<html><head><script>a()</script><style>p{color:red}</style></head><body><script type="module">b()</script></body></html>',
      'en/index.html':
        '<script>a()</script><script src="/_astro/x.js"></script><script type="application/ld+json">{"@type":"Place"}</script>',
    });
    const inventory = scanInline(dir);
    expect(inventory.pages).toBe(2);
    expect(inventory.scriptHashes).toEqual([hash('a()'), hash('b()')].sort());
    expect(inventory.styleHashes).toEqual([hash('p{color:red}')]);
    expect(inventory.styleAttributeHashes).toEqual([]);
  });

  it('allows style attributes by hash with unsafe-hashes (decoded as the browser reads them), never unsafe-inline', () => {
    const inventory = scanInline(site({ 'index.html': '<p style="font-family:&quot;Noto&quot;">x</p><p data-style="ignored">y</p>' }));
    expect(inventory.styleAttributeHashes).toEqual([hash('font-family:"Noto"')]);
    const csp = contentSecurityPolicy(inventory);
    expect(csp).toContain(`style-src 'self' 'unsafe-hashes' ${hash('font-family:"Noto"')}`);
    expect(csp).not.toContain('unsafe-inline');
  });

  it('refuses inline event handlers and says what to do instead, but not text that merely looks like one', () => {
    expect(() => scanInline(site({ 'index.html': '<button onclick="go()">Go</button>' }))).toThrow(
      /index\.html: inline event handler onclick=.*attach the listener in a script instead/,
    );
    expect(() =>
      scanInline(site({ 'index.html': '<meta content="a field onclick= in prose"><script>if (a<b) x = "<a onload=1>";</script>' })),
    ).not.toThrow();
  });

  it('says to build first when dist/ is empty', () => {
    expect(() => scanInline(mkdtempSync(join(tmpdir(), 'csp-empty-')))).toThrow(/run "npm run build" first/);
  });
});

describe('contentSecurityPolicy', () => {
  it('stops the synth before CloudFront would refuse a policy over its length quota', () => {
    const pages = {
      'index.html': '<p>root</p>',
      ...Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`p${i}/index.html`, `<script>page(${i})</script>`])),
    };
    expect(() => contentSecurityPolicy(scanInline(site(pages)))).toThrow(
      new RegExp(`over CloudFront's ${CLOUDFRONT_CSP_MAX_LENGTH}.*Move page-specific inline scripts`),
    );
  });

  it('adds the extra connect sources, and nothing is loaded from anywhere else', () => {
    const csp = contentSecurityPolicy(scanInline(site({ 'index.html': '<p>x</p>' })), {
      connectSources: ['https://cognito-idp.ap-southeast-1.amazonaws.com'],
    });
    expect(csp).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self' https://cognito-idp.ap-southeast-1.amazonaws.com; worker-src 'self' blob:; manifest-src 'self'; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'; upgrade-insecure-requests",
    );
  });
});
