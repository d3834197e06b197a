// The built site under the synthesized response headers (CSP and the rest), in real Chromium: no page may trip a Content-Security-Policy rule.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import sirv from 'sirv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATHS } from '../../infra/lib/paths.ts';
import { launchBrowser } from '../support/browser.ts';
import { resourcesOf, synthesize } from './support.ts';

let server: Server;
let origin: string;
let browser: Browser;
let headers: Record<string, string>;
/** The headers of /admin/*: the editor's own policy. */
let editorHeaders: Record<string, string>;

/** The headers CloudFront adds from a ResponseHeadersPolicyConfig, as a plain map. */
function headersOf(config: Record<string, any>): Record<string, string> {
  const s = config.SecurityHeadersConfig;
  const out: Record<string, string> = {
    'content-security-policy': s.ContentSecurityPolicy.ContentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'x-frame-options': s.FrameOptions.FrameOption,
    'referrer-policy': s.ReferrerPolicy.ReferrerPolicy,
  };
  for (const { Header, Value } of config.CustomHeadersConfig?.Items ?? []) out[Header.toLowerCase()] = Value;
  return out;
}

beforeAll(async () => {
  const synthesized = await synthesize();
  const policy = (prefix: string) =>
    headersOf(
      resourcesOf(synthesized.templates.app, 'AWS::CloudFront::ResponseHeadersPolicy').find(([id]) => id.startsWith(prefix))![1].Properties!
        .ResponseHeadersPolicyConfig as Record<string, any>,
    );
  headers = policy('SiteSiteHeaders');
  editorHeaders = policy('SiteEditorHeaders');
  // dist/ as CloudFront serves it: directory URLs to index.html, every answer with its behaviour's headers (/admin/* the editor's).
  const site = sirv(PATHS.dist, {
    dev: false,
    setHeaders: (res, pathname) => {
      for (const [k, v] of Object.entries(pathname.startsWith('/admin/') ? editorHeaders : headers)) res.setHeader(k, v);
    },
  });
  server = createServer((req, res) =>
    site(req, res, () => {
      res.statusCode = 404;
      res.setHeader('content-type', 'application/json');
      res.end('{"errors":[{"code":"not_found"}]}');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/**
 * zod 4 probes once whether `Function('')` works (to compile faster parsers) inside try/catch, and falls back when
 * the CSP refuses it. The browser still reports the refusal. Nothing is lost, so this one report is accepted; calling
 * `z.config({ jitless: true })` in the site's islands would silence it (noted for the site, which infra/ does not edit).
 */
const ZOD_JIT_PROBE = /try\{return Function\(``\),!0\}catch\{return!1\}/;

interface Violation {
  directive: string;
  blocked: string;
  source: string;
}

function isZodProbe(violation: Violation): boolean {
  if (!violation.directive.startsWith('script-src') || violation.blocked !== 'eval' || !violation.source.startsWith(origin)) return false;
  const file = join(PATHS.dist, new URL(violation.source).pathname);
  return existsSync(file) && ZOD_JIT_PROBE.test(readFileSync(file, 'utf8'));
}

/** Opens a page, lets its islands hydrate and act, and returns every CSP violation the browser reported. */
async function violationsOn(
  path: string,
  act?: (page: import('playwright-core').Page) => Promise<void>,
  prepare?: (page: import('playwright-core').Page) => Promise<void>,
): Promise<string[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  await prepare?.(page);
  const logged: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) logged.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: { directive: string; blocked: string; source: string }[] = [];
    (window as unknown as { __csp: typeof seen }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push({ directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile }),
    );
  });
  await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
  if (act) await act(page);
  await page.waitForTimeout(300);
  const events = await page.evaluate(() => (window as unknown as { __csp?: Violation[] }).__csp ?? []);
  await page.close();
  const accepted = events.filter(isZodProbe);
  const rest = events.filter((event) => !isZodProbe(event)).map((e) => `${e.directive} ${e.blocked} (${e.source})`);
  // The console repeats each refusal; an accepted probe's line ("evaluate a string") is not counted twice.
  const console = logged.filter((line) => !(accepted.length > 0 && /evaluate a string as JavaScript/.test(line)));
  return [...rest, ...console];
}

describe('the built site under its Content-Security-Policy', () => {
  it('serves the policy computed from the pages, with inline hashes and no unsafe-inline', () => {
    expect(headers['content-security-policy']).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    expect(headers['content-security-policy']).not.toContain('unsafe-inline');
  });

  it('would report an inline script the policy does not list (the check can fail)', async () => {
    const violations = await violationsOn('/en/about/', async (page) => {
      await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.__injected = true;';
        document.head.append(script);
      });
    });
    expect(violations.some((v) => v.includes('script-src'))).toBe(true);
  });

  it("runs the root page's language script (a Japanese browser goes on to /ja/)", async () => {
    const page = await browser.newPage({ locale: 'ja-JP' });
    const violations: string[] = [];
    page.on('console', (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
    await page.goto(`${origin}/`, { waitUntil: 'networkidle' });
    expect(new URL(page.url()).pathname).toBe('/ja/');
    await page.close();
    expect(violations).toEqual([]);
  });

  it('loads the home page, a list, an item page (JSON-LD, small map, inquiry form) and the 404 page without a violation', async () => {
    for (const path of ['/en/', '/ar/zones/', '/en/zones/ip-khanh-an/', '/zh/energy/pp-ca-mau-1/', '/404.html'])
      expect(await violationsOn(path, (page) => page.mouse.wheel(0, 4000)), path).toEqual([]);
  });

  it('draws the MapLibre map (WebGL, its worker, the basemap) without a violation', async () => {
    const violations = await violationsOn('/en/map/', async (page) => {
      await page.locator('canvas.maplibregl-canvas').first().waitFor({ timeout: 20_000 });
    });
    expect(violations).toEqual([]);
  });

  it('searches with Pagefind (WebAssembly) without a violation', async (context) => {
    if (!existsSync(join(PATHS.dist, 'pagefind'))) return context.skip('dist/ was built without its Pagefind index');
    const violations = await violationsOn(`/ja/search/?q=${encodeURIComponent('肥料')}`, async (page) => {
      await page.locator('.search-results a').first().waitFor({ timeout: 20_000 });
    });
    expect(violations).toEqual([]);
  });

  it("shows the inquiry form and its validation, and the staff console's sign-in, without a violation", async () => {
    expect(
      await violationsOn('/en/contact/', async (page) => {
        await page.locator('form button[type="submit"]').first().click();
      }),
    ).toEqual([]);
    if (existsSync(join(PATHS.dist, 'staff'))) expect(await violationsOn('/staff/')).toEqual([]);
  });
});

describe('the editor (/admin/) under its own policy', () => {
  /**
   * The editor as published, but with Decap's in-memory test backend in place of the Git host (which these machines
   * cannot reach): the same script, styles and widgets run, with the published configuration's collections and fields.
   */
  async function openEditor(page: import('playwright-core').Page): Promise<void> {
    const config = JSON.parse(readFileSync(join(PATHS.dist, 'admin/config.json'), 'utf8')) as Record<string, unknown>;
    await page.route('**/admin/config.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...config, backend: { name: 'test-repo' } }) }),
    );
  }

  it('starts, signs in and opens a new entry form without a violation', async () => {
    const violations = await violationsOn(
      '/admin/?lang=en',
      async (page) => {
        await page.getByRole('button', { name: /login/i }).click({ timeout: 60_000 });
        await page.goto(`${origin}/admin/?lang=en#/collections/news/new`, { waitUntil: 'networkidle' });
        await page.getByText('Writing in news collection').waitFor({ timeout: 60_000 });
      },
      openEditor,
    );
    expect(violations).toEqual([]);
  }, 180_000);

  it("would be refused under the public pages' policy (the exception is needed, and only /admin/ has it)", async () => {
    expect(editorHeaders['content-security-policy']).not.toBe(headers['content-security-policy']);
    const violations = await violationsOn('/admin/?lang=en', undefined, async (page) => {
      await openEditor(page);
      await page.route(
        (url) => url.pathname === '/admin/',
        async (route) => {
          const response = await route.fetch();
          await route.fulfill({
            response,
            headers: { ...response.headers(), 'content-security-policy': headers['content-security-policy']! },
          });
        },
      );
    });
    // Decap checks its configuration with Ajv, which compiles its validators with new Function(): refused without 'unsafe-eval'.
    expect(violations.some((v) => v.startsWith('script-src eval'))).toBe(true);
  }, 180_000);
});
