// The CloudFront Function's code, run as deployed (languages filled in) in an empty JavaScript context against sample viewer requests.
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../infra/lib/config.ts';
import { CLOUDFRONT_FUNCTION_MAX_BYTES, viewerRequestFunctionCode } from '../../infra/lib/edge-function.ts';

const site = readConfig(() => undefined);
const code = viewerRequestFunctionCode(site);

interface Header {
  value: string;
}
interface ViewerRequest {
  method: string;
  uri: string;
  querystring: Record<string, { value: string; multiValue?: { value: string }[] }>;
  headers: Record<string, Header>;
  cookies: Record<string, unknown>;
}
interface FunctionResponse {
  statusCode: number;
  statusDescription?: string;
  headers: Record<string, Header>;
}

/** The deployed source in a fresh context with nothing but JavaScript's built-ins: no require, process or fetch. */
const handler = runInNewContext(`${code}\n;handler`, Object.create(null), { filename: 'viewer-request.js' }) as (
  event: unknown,
) => ViewerRequest | FunctionResponse;

function request(uri: string, options: { acceptLanguage?: string; querystring?: ViewerRequest['querystring'] } = {}): ViewerRequest {
  return {
    method: 'GET',
    uri,
    querystring: options.querystring ?? {},
    headers: {
      host: { value: 'invest.example.org' },
      ...(options.acceptLanguage !== undefined ? { 'accept-language': { value: options.acceptLanguage } } : {}),
    },
    cookies: {},
  };
}

/** A CloudFront Functions event (version 1.0), as CloudFront passes it. */
const run = (req: ViewerRequest) =>
  handler({
    version: '1.0',
    context: { eventType: 'viewer-request', distributionId: 'E2EXAMPLE', requestId: 'r-1' },
    viewer: { ip: '203.0.113.7' },
    request: req,
  });

function locationFor(acceptLanguage?: string): string {
  const out = run(request('/', { acceptLanguage })) as FunctionResponse;
  expect(out.statusCode).toBe(302);
  return out.headers.location?.value ?? '';
}

describe('the CloudFront Function for /', () => {
  it('is plain JavaScript of a size CloudFront accepts, with the site languages filled in', () => {
    expect(Buffer.byteLength(code)).toBeLessThan(CLOUDFRONT_FUNCTION_MAX_BYTES);
    expect(code).not.toMatch(/\b(import|export|require)\b/);
    expect(code).toContain(`var LANGUAGES = ${JSON.stringify(site.languages)};`);
    expect(code).toContain(`var DEFAULT_LANGUAGE = "${site.defaultLanguage}";`);
    expect(site.languages).toEqual(['en', 'vi', 'zh', 'ja', 'ko', 'ar', 'ms']);
  });

  it('sends a Japanese browser to /ja/', () => {
    expect(locationFor('ja')).toBe('/ja/');
    expect(locationFor('ja-JP,ja;q=0.9,en-US;q=0.8,en;q=0.7')).toBe('/ja/');
  });

  it('sends ar-EG to /ar/ and other regional variants to their language', () => {
    expect(locationFor('ar-EG')).toBe('/ar/');
    expect(locationFor('ko-KR')).toBe('/ko/');
    expect(locationFor('vi-VN,vi;q=0.9')).toBe('/vi/');
    expect(locationFor('ms-MY')).toBe('/ms/');
    expect(locationFor('en-GB')).toBe('/en/');
  });

  it('sends every Chinese variant, Traditional included, to /zh/ (Simplified): closer for a zh-TW reader than English', () => {
    for (const tag of ['zh', 'zh-CN', 'zh-Hans', 'zh-SG', 'zh-TW', 'zh-HK', 'zh-Hant-TW']) expect(locationFor(tag)).toBe('/zh/');
  });

  it('sends unknown languages, no header, an empty header and * to the default language', () => {
    expect(locationFor('de-DE,fr;q=0.8')).toBe('/en/');
    expect(locationFor(undefined)).toBe('/en/');
    expect(locationFor('')).toBe('/en/');
    expect(locationFor('*')).toBe('/en/');
  });

  it('follows q-values, not header order, skips q=0, and keeps header order between equal q-values', () => {
    expect(locationFor('de;q=1, en;q=0.2, ja;q=0.8')).toBe('/ja/');
    expect(locationFor('ja;q=0, ko;q=0.5')).toBe('/ko/');
    expect(locationFor('fr, ms;q=0.9, vi;q=0.9')).toBe('/ms/');
    expect(locationFor('ja;q=abc, ko;q=0.1')).toBe('/ko/');
    expect(locationFor('  JA ; q=0.9 ')).toBe('/ja/');
  });

  it('reads only the first 16 preferences of an absurdly long header', () => {
    const junk = Array.from({ length: 5000 }, (_, i) => `x${i};q=0.5`).join(',');
    expect(locationFor(`${junk},ja`)).toBe('/en/');
  });

  it('keeps the query string and tells caches the answer depends on Accept-Language', () => {
    const out = run(
      request('/', {
        acceptLanguage: 'ko',
        querystring: { utm_source: { value: 'newsletter' }, tag: { value: 'a', multiValue: [{ value: 'a' }, { value: 'b' }] } },
      }),
    ) as FunctionResponse;
    expect(out.headers.location?.value).toBe('/ko/?utm_source=newsletter&tag=a&tag=b');
    expect(out.headers.vary?.value).toBe('Accept-Language');
    expect(out.headers['cache-control']?.value).toContain('no-store');
  });
});

describe('the CloudFront Function for every other path', () => {
  it('maps a page URL to its index.html and leaves everything else of the request alone', () => {
    const req = request('/ja/zones/ip-khanh-an/', { acceptLanguage: 'ar' });
    const out = run(req) as ViewerRequest;
    expect(out.uri).toBe('/ja/zones/ip-khanh-an/index.html');
    expect(out.headers).toEqual(req.headers);
    expect((run(request('/en/')) as ViewerRequest).uri).toBe('/en/index.html');
  });

  it('passes files through untouched, whatever the Accept-Language', () => {
    for (const uri of [
      '/_astro/client.CzWaolnw.js',
      '/favicon.svg',
      '/404.html',
      '/index.html',
      '/sitemap.xml',
      '/pagefind/pagefind.js',
      '/map/basemap.geojson',
    ]) {
      const out = run(request(uri, { acceptLanguage: 'ja' })) as ViewerRequest;
      expect(out.uri).toBe(uri);
      expect('statusCode' in out).toBe(false);
    }
  });

  it("redirects a page URL without its trailing slash (the site's URLs all end in /), keeping the query", () => {
    const out = run(request('/en/zones', { querystring: { sector: { value: 'energy' } } })) as FunctionResponse;
    expect(out.statusCode).toBe(301);
    expect(out.headers.location?.value).toBe('/en/zones/?sector=energy');
    expect((run(request('/ja')) as FunctionResponse).headers.location?.value).toBe('/ja/');
  });
});
