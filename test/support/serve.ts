// Serves the built site as production does (static files, /api forwarded to an API), for the browser tests and the bench.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { forwarder } from '../../site/integrations/api-proxy.mjs';

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

type Handler = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

export interface ServeOptions {
  /** Origin of the API that /api/* goes to; without one, /api answers 503 as when the API is down. */
  api?: string;
  /** Extra folders mounted under a prefix, e.g. the bench's comparison pages. */
  mounts?: Record<string, string>;
}

export async function serveDist(options: ServeOptions = {}): Promise<StaticServer> {
  const site = sirv('dist', { dev: false, etag: true });
  const api = forwarder(() => options.api ?? 'http://127.0.0.1:9');
  const mounts = Object.entries(options.mounts ?? {}).map(([prefix, folder]) => [prefix, sirv(folder, { dev: true })] as const);
  const notFound = (response: ServerResponse) => () => {
    response.statusCode = 404;
    response.end('not found');
  };
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    const done = notFound(response);
    (api as Handler)(request, response, () => {
      const mount = mounts.find(([prefix]) => url.startsWith(`${prefix}/`));
      if (mount) {
        request.url = url.slice(mount[0].length);
        return mount[1](request, response, done);
      }
      site(request, response, done);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
