// The visitor's address on the local server: the socket's, or, from the dev proxy on this machine, the address that proxy saw.
import { isIP } from 'node:net';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * The Astro dev proxy (site/integrations/api-proxy.mjs) reaches the API from loopback and sets X-Forwarded-For to
 * the address of the socket it was called on, replacing whatever the visitor sent. So only a loopback peer may name
 * the client, and only its last entry counts (the one the nearest proxy wrote): a visitor who sends their own header
 * cannot choose their rate-limit key. Anything that is not an IP address is ignored.
 */
export function localClientAddress(c: Context): string {
  let peer = '127.0.0.1';
  try {
    peer = getConnInfo(c).remote.address ?? peer;
  } catch {
    // In-process requests (app.request in tests) have no socket.
  }
  if (!LOOPBACK.test(peer)) return peer;
  const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
  return forwarded && isIP(forwarded) ? forwarded : peer;
}
