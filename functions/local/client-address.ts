// The visitor's address on the local server: the socket's, or the proxy's X-Forwarded-For when the proxy is on this machine.
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/** The Astro dev server proxies /api from loopback, so only a loopback peer may name the real client. */
export function localClientAddress(c: Context): string {
  let peer = '127.0.0.1';
  try {
    peer = getConnInfo(c).remote.address ?? peer;
  } catch {
    // In-process requests (app.request in tests) have no socket.
  }
  const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  return LOOPBACK.test(peer) && forwarded ? forwarded : peer;
}
