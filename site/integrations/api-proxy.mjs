// Vite plugin for astro.config.mjs: forwards /api/* to the local API ahead of Astro's own dev middlewares, as CloudFront does on AWS.
import { request } from 'node:http';

/**
 * Vite's `server.proxy` runs after Astro's dev middlewares, and with `trailingSlash: 'always'` Astro
 * answers `/api/health` (no slash) with its own 404 first. This middleware goes in front of them all.
 * It sets X-Forwarded-For to the address of the socket the browser connected from, which the local API trusts
 * from loopback, so per-client rate limits see the browser's address as they would see the viewer's behind
 * CloudFront. A header the visitor sent is replaced, never extended: they cannot choose their rate-limit key.
 *
 * @param {() => string} target function giving the API origin, e.g. () => `http://127.0.0.1:${process.env.API_PORT ?? 4322}`
 * @returns {import('vite').Plugin}
 */
export function apiProxy(target) {
  return {
    name: 'invest-api-proxy',
    // Last among plugins, so its hook runs after Astro's has put Astro's middlewares first.
    enforce: 'post',
    configureServer(server) {
      return () => {
        server.middlewares.stack.unshift({ route: '', handle: forwarder(target) });
      };
    },
  };
}

/**
 * Forwards /api requests to the API and passes anything else on; usable by Vite and by a plain Node server.
 * @param {() => string} target
 * @returns {import('vite').Connect.NextHandleFunction}
 */
export function forwarder(target) {
  return (req, res, next) => {
    const url = req.url ?? '';
    if (url !== '/api' && !url.startsWith('/api/') && !url.startsWith('/api?')) return next();
    const origin = new URL(target());
    const headers = { ...req.headers, host: origin.host };
    const client = req.socket.remoteAddress ?? '127.0.0.1';
    headers['x-forwarded-for'] = client;
    const upstream = request({ hostname: origin.hostname, port: origin.port, method: req.method, path: url, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      // The API is not running: answer as the contract does for an unavailable service.
      if (!res.headersSent) res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '5', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ errors: [{ code: 'unavailable' }] }));
    });
    req.pipe(upstream);
  };
}
