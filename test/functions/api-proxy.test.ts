// The dev proxy plugin (site/integrations/api-proxy.mjs): /api reaches the API even when Astro-like middlewares come first.
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Plugin, type ViteDevServer } from 'vite';
import { apiProxy } from '../../site/integrations/api-proxy.mjs';
import { postInquiry, send, startTestStack, validInquiry, type TestStack } from './helpers.ts';

let stack: TestStack;
let vite: ViteDevServer;
let site: string;
let target: () => string;
let root: string;

/** Stands in for Astro's trailing-slash guard, which Astro puts before every other middleware. */
const astroLike: Plugin = {
  name: 'astro-like-trailing-slash',
  configureServer(server) {
    return () => {
      server.middlewares.stack.unshift({
        route: '',
        handle: (req: { url?: string }, res: { statusCode: number; end(body: string): void }, next: () => void) => {
          if (!req.url?.split('?')[0]?.endsWith('/')) {
            res.statusCode = 404;
            return res.end('<html>trailing slash required</html>');
          }
          next();
        },
      });
    };
  },
};

beforeAll(async () => {
  stack = await startTestStack({
    limits: { inquiries: { perClient: { limit: 1, windowSeconds: 3600 }, perEmail: { limit: 100, windowSeconds: 3600 } } },
  });
  target = () => stack.api.url;
  root = mkdtempSync(join(tmpdir(), 'camau-vite-'));
  vite = await createServer({
    configFile: false,
    root,
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: 0, strictPort: false, ws: false },
    plugins: [astroLike, apiProxy(() => target())],
  });
  await vite.listen();
  site = `http://127.0.0.1:${(vite.httpServer!.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await vite?.close();
  await stack?.cleanup();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('the /api dev proxy', () => {
  it('forwards /api ahead of the site middlewares, keeping status, headers and body', async () => {
    const health = await send(site, '/api/health', { method: 'GET' });
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
    expect(health.headers.get('cache-control')).toBe('no-store');
    const bad = await postInquiry(site, validInquiry({ email: 'nope' }));
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ errors: [{ field: 'email', code: 'invalid_email' }] });
    // Other paths still go through the site's middlewares.
    expect((await send(site, '/en', { method: 'GET' })).status).toBe(404);
  });

  it('passes on the address the browser connected from, and a forged X-Forwarded-For does not change the client key', async () => {
    // The limit is one inquiry an hour per client; every request here comes from this process, on 127.0.0.1.
    expect((await postInquiry(site, validInquiry(), { ip: '192.0.2.10' })).status).toBe(201);
    const second = await postInquiry(site, validInquiry(), { ip: '192.0.2.11' });
    expect(second.status).toBe(429);
    expect(second.body).toEqual({ errors: [{ code: 'rate_limited' }] });
    expect((await postInquiry(site, validInquiry(), { ip: '192.0.2.12, 192.0.2.13' })).status).toBe(429);
    expect((await postInquiry(site, validInquiry())).status).toBe(429);
    // The API itself, called from loopback, still takes the proxy's word: that is how the proxy passes the browser's address.
    expect((await postInquiry(stack.api.url, validInquiry(), { ip: '192.0.2.20' })).status).toBe(201);
  });

  it('answers 503 JSON with Retry-After when the API is not running', async () => {
    target = () => 'http://127.0.0.1:9';
    try {
      const answer = await send(site, '/api/health', { method: 'GET' });
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toBe('5');
      expect(answer.body).toEqual({ errors: [{ code: 'unavailable' }] });
    } finally {
      target = () => stack.api.url;
    }
  });
});
