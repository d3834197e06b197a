// A static server for the benchmarks: the built site, plus a bare MapLibre page on the same data to compare against.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface BenchServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves dist/ and, under /bench/, the comparison pages with MapLibre's own files under /vendor/maplibre/. */
export async function startBenchServer(): Promise<BenchServer> {
  const site = sirv('dist', { dev: false, etag: true, gzip: false });
  const bench = sirv('bench/pages', { dev: true });
  const vendor = sirv('node_modules/maplibre-gl/dist', { dev: false });
  const server: Server = createServer((request, response) => {
    const url = request.url ?? '/';
    const fallThrough = () => {
      response.statusCode = 404;
      response.end('not found');
    };
    if (url.startsWith('/vendor/maplibre/')) {
      request.url = url.slice('/vendor/maplibre'.length);
      return vendor(request, response, fallThrough);
    }
    if (url.startsWith('/bench/')) {
      request.url = url.slice('/bench'.length);
      return bench(request, response, fallThrough);
    }
    site(request, response, fallThrough);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
