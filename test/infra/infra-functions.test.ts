// The two small functions infra/ deploys as they are: the API's origin-verify authorizer and the site's not-found answer.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stageNotFound } from '../../infra/lib/bundles.ts';
import { PATHS } from '../../infra/lib/paths.ts';

const originVerify = (await import(pathToFileURL(join(PATHS.originVerifyFunction, 'index.mjs')).href)) as {
  matches(candidate: unknown, secret: unknown): boolean;
  authorize(event: unknown, secret: string | undefined): { isAuthorized: boolean };
};

const SECRET = `${'a'.repeat(20)}${'B'.repeat(20)}0123456789`;

/** An HTTP API payload 2.0 event, as API Gateway hands it to a Lambda authorizer. */
const event = (headers: Record<string, string>) => ({ version: '2.0', type: 'REQUEST', routeKey: 'POST /api/inquiries', headers });

describe('the origin-verify authorizer', () => {
  it('lets through a request carrying the value CloudFront sends', () => {
    expect(originVerify.authorize(event({ 'x-origin-verify': SECRET }), SECRET)).toEqual({ isAuthorized: true });
  });

  it('refuses a wrong, partial, longer or missing value', () => {
    for (const value of ['', 'x', SECRET.slice(0, -1), `${SECRET}x`, SECRET.toLowerCase()])
      expect(originVerify.authorize(event({ 'x-origin-verify': value }), SECRET).isAuthorized).toBe(false);
    expect(originVerify.authorize(event({}), SECRET).isAuthorized).toBe(false);
    expect(originVerify.authorize({}, SECRET).isAuthorized).toBe(false);
  });

  it('refuses everything when its own secret is missing or too short to be the generated one', () => {
    expect(originVerify.authorize(event({ 'x-origin-verify': 'short' }), 'short').isAuthorized).toBe(false);
    expect(originVerify.authorize(event({ 'x-origin-verify': '' }), undefined).isAuthorized).toBe(false);
    expect(originVerify.matches(undefined, undefined)).toBe(false);
  });
});

describe('the not-found function', () => {
  it('answers any path with the built 404 page, status 404, as HTML that caches may keep a minute', async () => {
    const dir = stageNotFound(PATHS.dist, join(mkdtempSync(join(tmpdir(), 'not-found-')), 'not-found'));
    const { handler } = (await import(pathToFileURL(join(dir, 'index.mjs')).href)) as {
      handler: (event: unknown) => Promise<{ statusCode: number; headers: Record<string, string>; body: string }>;
    };
    const out = await handler({ rawPath: '/en/no-such-page/index.html' });
    expect(out.statusCode).toBe(404);
    expect(out.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(out.headers['cache-control']).toBe('public, max-age=60');
    expect(out.body).toBe(readFileSync(join(PATHS.dist, '404.html'), 'utf8'));
  });
});
