// The editor's sign-in with the Git host's accounts: a GitHub OAuth exchange for Decap CMS's GitHub backend (its "external OAuth client").
// Plain JavaScript with no dependencies of its own, deployed as it is behind a Lambda function URL. Routes:
//   GET /auth      → GitHub's authorisation page, with a one-time state kept in an HttpOnly cookie
//   GET /callback  → checks the state, exchanges the code for a token (the client secret never leaves this function),
//                    and hands the token to the editor window that opened the popup, and to no other origin.
// The OAuth app's id and secret are in Secrets Manager (EDITOR_AUTH_SECRET_ARN, JSON {"clientId","clientSecret"}).
// Logs name the step and GitHub's error code, never a code, a token or a person.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const PROVIDER = 'github';
const STATE_COOKIE = 'editor_oauth_state';
/** Decap asks for "repo" (private repositories) or "public_repo"; nothing wider is ever requested. */
const SCOPES = new Set(['repo', 'public_repo']);
/** A slow Git host fails the sign-in quickly instead of holding the popup open. */
const EXCHANGE_TIMEOUT_MS = 8000;

const digest = (value) => createHash('sha256').update(String(value), 'utf8').digest();
const sameValue = (a, b) => typeof a === 'string' && typeof b === 'string' && a.length > 0 && timingSafeEqual(digest(a), digest(b));

/** JSON that is safe inside a <script> element (no "</script>", no HTML comment openers). */
const scriptJson = (value) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

function cookieOf(event, name) {
  for (const cookie of event?.cookies ?? String(event?.headers?.cookie ?? '').split(';')) {
    const [key, ...rest] = cookie.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** The origin this function answers on (the function URL's host), for the callback address GitHub returns to. */
const selfOrigin = (event) => `https://${event?.requestContext?.domainName ?? event?.headers?.host}`;

/**
 * The popup's page: announces itself to the editor ("authorizing:github"), waits for the editor's answer from the
 * editor's own origin, then posts the result to that origin only (Decap's handshake). Its CSP allows this one script by hash.
 */
export function handOverPage(editorOrigin, status, content) {
  const message = `authorization:${PROVIDER}:${status}:${JSON.stringify(content)}`;
  const script =
    `(function(){var origin=${scriptJson(editorOrigin)};var message=${scriptJson(message)};` +
    'if(!window.opener){document.body.textContent="Open the editor again and sign in from there.";return;}' +
    'window.addEventListener("message",function receive(e){if(e.origin!==origin)return;window.removeEventListener("message",receive);' +
    'window.opener.postMessage(message,origin);window.close();});' +
    `window.opener.postMessage(${scriptJson(`authorizing:${PROVIDER}`)},origin);})();`;
  const hash = createHash('sha256').update(script, 'utf8').digest('base64');
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': `default-src 'none'; script-src 'sha256-${hash}'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`,
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
    },
    cookies: [`${STATE_COOKIE}=; Max-Age=0; Path=/; Secure; HttpOnly; SameSite=Lax`],
    body: `<!doctype html><html><head><meta charset="utf-8"><title>Sign-in</title></head><body>Signing in…<script>${script}</script></body></html>`,
  };
}

const failure = (editorOrigin, reason) => {
  console.warn(JSON.stringify({ event: 'editor-auth.refused', reason }));
  return handOverPage(editorOrigin, 'error', { message: `Sign-in failed (${reason}). Close this window and try again.` });
};

/** GitHub's token endpoint: the code and the app's secret for a token (only the token leaves this function). */
export async function exchangeCode({ clientId, clientSecret, code, redirectUri }, fetchImpl = fetch) {
  const response = await fetchImpl('https://github.com/login/oauth/access_token', {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: clientId, client_secret: clientSecret, code, redirect_uri: redirectUri }),
    signal: AbortSignal.timeout(EXCHANGE_TIMEOUT_MS),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || typeof body.access_token !== 'string' || body.access_token.length === 0)
    return { error: typeof body.error === 'string' ? body.error.slice(0, 60) : `status ${response.status}` };
  return { token: body.access_token };
}

/** The request handler, with its secret reader and fetch given (the tests give their own; Lambda uses the defaults below). */
export function createHandler({ editorOrigin, readClient, fetchImpl = fetch }) {
  return async (event) => {
    const path = event?.rawPath ?? '/';
    const query = event?.queryStringParameters ?? {};
    if (event?.requestContext?.http?.method !== 'GET') return { statusCode: 405, headers: { allow: 'GET' }, body: '' };

    if (path === '/auth') {
      if ((query.provider ?? PROVIDER) !== PROVIDER) return failure(editorOrigin, 'unknown provider');
      const scope = SCOPES.has(query.scope) ? query.scope : 'repo';
      const client = await readClient();
      const state = randomBytes(32).toString('base64url');
      const authorize = new URL('https://github.com/login/oauth/authorize');
      authorize.search = new URLSearchParams({
        client_id: client.clientId,
        redirect_uri: `${selfOrigin(event)}/callback`,
        scope,
        state,
        allow_signup: 'false',
      }).toString();
      return {
        statusCode: 302,
        headers: { location: authorize.toString(), 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' },
        cookies: [`${STATE_COOKIE}=${state}; Max-Age=600; Path=/; Secure; HttpOnly; SameSite=Lax`],
        body: '',
      };
    }

    if (path === '/callback') {
      if (typeof query.error === 'string') return failure(editorOrigin, 'declined on the Git host');
      if (!sameValue(query.state, cookieOf(event, STATE_COOKIE))) return failure(editorOrigin, 'state mismatch');
      if (typeof query.code !== 'string' || !/^[\w-]{1,100}$/.test(query.code)) return failure(editorOrigin, 'no code');
      const client = await readClient();
      let result;
      try {
        result = await exchangeCode({ ...client, code: query.code, redirectUri: `${selfOrigin(event)}/callback` }, fetchImpl);
      } catch (error) {
        return failure(editorOrigin, error?.name === 'TimeoutError' ? 'Git host timeout' : 'Git host unreachable');
      }
      if (result.error) return failure(editorOrigin, `Git host: ${result.error}`);
      console.log(JSON.stringify({ event: 'editor-auth.signed-in' }));
      return handOverPage(editorOrigin, 'success', { token: result.token, provider: PROVIDER });
    }

    return { statusCode: 404, headers: { 'content-type': 'text/plain' }, body: 'Not found' };
  };
}

/** The OAuth app's id and secret from Secrets Manager, read once per container (the SDK is part of Lambda's Node runtime). */
let cachedClient;
async function readClientFromSecretsManager() {
  if (cachedClient) return cachedClient;
  const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  const secrets = new SecretsManagerClient({ maxAttempts: 2 });
  const { SecretString } = await secrets.send(new GetSecretValueCommand({ SecretId: process.env.EDITOR_AUTH_SECRET_ARN }));
  const parsed = JSON.parse(SecretString ?? '{}');
  if (typeof parsed.clientId !== 'string' || typeof parsed.clientSecret !== 'string' || !parsed.clientId || !parsed.clientSecret)
    throw new Error(
      'The editor sign-in secret must be JSON {"clientId": "…", "clientSecret": "…"} (docs/publishing.md, Publishing on AWS)',
    );
  cachedClient = { clientId: parsed.clientId, clientSecret: parsed.clientSecret };
  return cachedClient;
}

export const handler = (event) =>
  createHandler({ editorOrigin: process.env.EDITOR_ORIGIN, readClient: readClientFromSecretsManager })(event);
