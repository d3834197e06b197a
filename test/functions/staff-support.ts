// Helpers for the staff API tests: a test user pool (key pair, JWKS on loopback, token signer) and a local stack that trusts it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import type { StaffAuthConfig } from '../../functions/api/staff-auth.ts';
import { send, startTestStack, type Answer, type TestStack } from './helpers.ts';

export const TEST_CLIENT_ID = 'test-console-client';
const KID = 'test-key';

export interface TestPool {
  config: StaffAuthConfig;
  /** Signs an access token as the pool would; every claim can be overridden or removed (undefined). */
  token(claims?: Record<string, unknown>, options?: { key?: CryptoKey; expiresInSeconds?: number; kid?: string }): Promise<string>;
  /** A key pair the pool does not publish, under the pool's key id: a forged signature. */
  otherKey: CryptoKey;
  close(): Promise<void>;
}

export async function startTestPool(): Promise<TestPool> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const other = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
  const server: Server = createServer((req, res) => {
    if (req.url?.endsWith('/.well-known/jwks.json')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
      return;
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `${origin}/local_TestPool`;
  const config: StaffAuthConfig = {
    issuer,
    jwksUrl: `${issuer}/.well-known/jwks.json`,
    clientId: TEST_CLIENT_ID,
    signInEndpoint: `${origin}/`,
  };
  return {
    config,
    otherKey: other.privateKey,
    async token(claims = {}, options = {}) {
      const now = Math.floor(Date.now() / 1000);
      const payload: Record<string, unknown> = {
        sub: 'staff-1',
        username: 'lan.nguyen',
        client_id: TEST_CLIENT_ID,
        token_use: 'access',
        'cognito:groups': ['staff'],
        ...claims,
      };
      for (const [key, value] of Object.entries(payload)) if (value === undefined) delete payload[key];
      return new SignJWT(payload)
        .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? KID })
        .setIssuer(typeof claims.iss === 'string' ? claims.iss : issuer)
        .setIssuedAt(now - 10)
        .setExpirationTime(now + (options.expiresInSeconds ?? 3600))
        .sign(options.key ?? privateKey);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface StaffTestStack extends TestStack {
  pool: TestPool;
}

/** A local stack whose staff routes trust the test pool (no cognito-local: tokens are made here). */
export async function startStaffStack(options: Parameters<typeof startTestStack>[0] = {}): Promise<StaffTestStack> {
  const pool = await startTestPool();
  const stack = await startTestStack({ staffAuth: { config: pool.config }, ...options });
  return {
    ...stack,
    pool,
    async cleanup() {
      await stack.cleanup();
      await pool.close();
    },
  };
}

/** A staff request: JSON in and out, with the bearer token when given. */
export function staffCall(baseUrl: string, method: string, path: string, token: string | undefined, json?: unknown): Promise<Answer> {
  return send(baseUrl, path, {
    method,
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    ...(json !== undefined ? { json } : {}),
  });
}
