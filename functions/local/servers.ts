// Starts the embedded stand-ins on loopback: dynalite for DynamoDB, s3rver for S3 (made private), and the API server.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

const require = createRequire(import.meta.url);

/** Every local part listens here only: nothing of the stack is reachable from another machine. */
export const LOOPBACK = '127.0.0.1';

export interface Running {
  url: string;
  port: number;
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closer(server: Server, after?: () => void | Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () =>
    (closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Keep-alive sockets (the SDK's, a browser's) would otherwise hold the server open.
      server.closeAllConnections();
    }).then(after));
}

function portInUse(error: unknown, what: string, port: number): Error {
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
    return new Error(
      `${what}: port ${port} on ${LOOPBACK} is in use. Stop whatever holds it, or choose other ports: npm run dev reads API_PORT, DYNAMODB_PORT and S3_PORT.`,
    );
  return error as Error;
}

/** dynalite in memory, or on disk under `path` so local data survives restarts. */
export async function startDynamo(options: { port: number; path?: string }): Promise<Running> {
  const dynalite = require('dynalite') as (options: Record<string, unknown>) => Server;
  if (options.path) mkdirSync(options.path, { recursive: true });
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...(options.path ? { path: options.path } : {}) });
  let port: number;
  try {
    port = await listen(server, options.port);
  } catch (error) {
    throw portInUse(error, 'DynamoDB (dynalite)', options.port);
  }
  // dynalite's own close also closes its LevelDB store, which a restart on the same path needs.
  const close = closer(server);
  return { url: `http://${LOOPBACK}:${port}`, port, close };
}

export const LOCAL_S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

/** True for requests that carry any AWS signature (header or query); s3rver checks the signature itself. */
function isSigned(req: IncomingMessage): boolean {
  if (req.headers.authorization) return true;
  const query = new URL(req.url ?? '/', 'http://local').searchParams;
  return query.has('X-Amz-Algorithm') || query.has('Signature');
}

function accessDenied(res: ServerResponse): void {
  const body = '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>';
  res.writeHead(403, { 'Content-Type': 'application/xml', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/**
 * s3rver checks signatures and expiry, but serves unsigned requests as if every bucket were public.
 * The documents bucket is private on AWS, so unsigned requests are refused here the way S3 refuses them.
 * Buckets are made by s3rver at start: its signature check miscomputes bucket-level requests from
 * current SDKs (they sign "/bucket/", it checks "/bucket"), while object requests verify correctly.
 */
export async function startS3(options: { port: number; directory: string; buckets: string[] }): Promise<Running> {
  const S3rver = require('@20minutes/s3rver') as new (
    options: Record<string, unknown>,
  ) => {
    configureBuckets(): Promise<void>;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    logger?: { close(): void };
  };
  mkdirSync(options.directory, { recursive: true });
  const s3rver = new S3rver({
    silent: true,
    directory: options.directory,
    vhostBuckets: false,
    configureBuckets: options.buckets.map((name) => ({ name })),
  });
  await s3rver.configureBuckets();
  const handle = s3rver.callback();
  const server = createServer((req, res) => (isSigned(req) ? handle(req, res) : accessDenied(res)));
  let port: number;
  try {
    port = await listen(server, options.port);
  } catch (error) {
    throw portInUse(error, 'S3 (s3rver)', options.port);
  }
  const close = closer(server, () => s3rver.logger?.close());
  return { url: `http://${LOOPBACK}:${port}`, port, close };
}

/** The API on @hono/node-server: the app object is the one the Lambda entries wrap. */
export async function startApiServer(app: Hono, port: number): Promise<Running> {
  let server: Server | undefined;
  const actualPort = await new Promise<number>((resolve, reject) => {
    server = serve({ fetch: app.fetch, hostname: LOOPBACK, port }, (info) => resolve(info.port)) as Server;
    server.once('error', (error) => reject(portInUse(error, 'API server', port)));
  });
  const close = closer(server!);
  return { url: `http://${LOOPBACK}:${actualPort}`, port: actualPort, close };
}
