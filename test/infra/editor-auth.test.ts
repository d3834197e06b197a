// The editor's GitHub sign-in (infra/functions/editor-auth): state checked, secret kept, token handed to the editor's origin only.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { PATHS } from '../../infra/lib/paths.ts';

type Response = { statusCode: number; headers?: Record<string, string>; cookies?: string[]; body?: string };
const auth = (await import(pathToFileURL(join(PATHS.editorAuthFunction, 'index.mjs')).href)) as {
  createHandler(options: {
    editorOrigin: string;
    readClient: () => Promise<unknown>;
    fetchImpl?: typeof fetch;
  }): (event: unknown) => Promise<Response>;
};

const EDITOR = 'https://invest.camau.gov.vn';
const CLIENT = { clientId: 'Iv1.abc123', clientSecret: 'secret-never-shown' };
const HOST = 'abc.lambda-url.ap-southeast-1.on.aws';

const request = (path: string, query: Record<string, string> = {}, cookies: string[] = [], method = 'GET') => ({
  rawPath: path,
  queryStringParameters: query,
  cookies,
  requestContext: { domainName: HOST, http: { method } },
});

function handler(fetchImpl?: typeof fetch) {
  return auth.createHandler({ editorOrigin: EDITOR, readClient: async () => CLIENT, fetchImpl });
}

/** The state the /auth step set, as the browser sends it back. */
async function signInStart(): Promise<{ state: string; location: URL; cookie: string }> {
  const response = await handler()(request('/auth', { provider: 'github', scope: 'repo', site_id: 'x' }));
  const location = new URL(response.headers!.location!);
  const cookie = response.cookies![0]!.split(';')[0]!;
  return { state: location.searchParams.get('state')!, location, cookie };
}

const github = (body: unknown, status = 200) =>
  vi.fn(async () => new globalThis.Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

/** What the hand-over page will post, and where: the message and target origin in its script. */
function handOver(response: Response): { script: string; message: string } {
  const script = /<script>([\s\S]*)<\/script>/.exec(response.body!)![1]!;
  const message = JSON.parse(/var message=("(?:[^"\\]|\\.)*")/.exec(script)![1]!) as string;
  return { script, message };
}

describe('the editor sign-in exchange', () => {
  it('sends the editor to GitHub with the app id, its own callback, the scope asked and a one-time state in an HttpOnly cookie', async () => {
    const { state, location, cookie } = await signInStart();
    expect(location.origin + location.pathname).toBe('https://github.com/login/oauth/authorize');
    expect(location.searchParams.get('client_id')).toBe(CLIENT.clientId);
    expect(location.searchParams.get('redirect_uri')).toBe(`https://${HOST}/callback`);
    expect(location.searchParams.get('scope')).toBe('repo');
    expect(location.toString()).not.toContain(CLIENT.clientSecret);
    expect(state.length).toBeGreaterThanOrEqual(40);
    expect(cookie).toBe(`editor_oauth_state=${state}`);
    const full = (await handler()(request('/auth'))).cookies![0]!;
    expect(full).toMatch(/HttpOnly/);
    expect(full).toMatch(/Secure/);
    const other = await signInStart();
    expect(other.state).not.toBe(state);
  });

  it('never asks for more than repository access', async () => {
    const response = await handler()(request('/auth', { scope: 'admin:org delete_repo' }));
    expect(new URL(response.headers!.location!).searchParams.get('scope')).toBe('repo');
    const publicOnly = await handler()(request('/auth', { scope: 'public_repo' }));
    expect(new URL(publicOnly.headers!.location!).searchParams.get('scope')).toBe('public_repo');
  });

  it('exchanges the code with the secret and hands the token to the editor origin only, under a CSP that allows that one script', async () => {
    const { state, cookie } = await signInStart();
    const fetchImpl = github({ access_token: 'gho_token123', token_type: 'bearer', scope: 'repo' });
    const response = await handler(fetchImpl as unknown as typeof fetch)(request('/callback', { code: 'code-1', state }, [cookie]));
    expect(fetchImpl).toHaveBeenCalledOnce();
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://github.com/login/oauth/access_token');
    expect(JSON.parse(String(init.body))).toEqual({
      client_id: CLIENT.clientId,
      client_secret: CLIENT.clientSecret,
      code: 'code-1',
      redirect_uri: `https://${HOST}/callback`,
    });
    expect(init.signal).toBeInstanceOf(AbortSignal);

    expect(response.statusCode).toBe(200);
    expect(response.headers!['cache-control']).toBe('no-store');
    const { script, message } = handOver(response);
    expect(message).toBe('authorization:github:success:{"token":"gho_token123","provider":"github"}');
    // Posted only to the editor's origin, after the editor answered from that origin; never to "*".
    expect(script).toContain(`var origin=${JSON.stringify(EDITOR)}`);
    expect(script).toContain('if(e.origin!==origin)return');
    expect(script).not.toContain('"*"');
    const hash = createHash('sha256').update(script).digest('base64');
    expect(response.headers!['content-security-policy']).toBe(
      `default-src 'none'; script-src 'sha256-${hash}'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`,
    );
    expect(response.body).not.toContain(CLIENT.clientSecret);
    expect(response.cookies![0]).toMatch(/^editor_oauth_state=; Max-Age=0/);
  });

  it('refuses a callback whose state is missing or not the one it set, without calling GitHub', async () => {
    const { state, cookie } = await signInStart();
    const fetchImpl = github({ access_token: 'x' });
    for (const [query, cookies] of [
      [{ code: 'c', state }, []],
      [{ code: 'c', state: `${state}x` }, [cookie]],
      [{ code: 'c' }, [cookie]],
      [{ code: 'c', state: '' }, ['editor_oauth_state=']],
    ] as const) {
      const response = await handler(fetchImpl as unknown as typeof fetch)(request('/callback', query, [...cookies]));
      expect(handOver(response).message).toMatch(/^authorization:github:error:.*state mismatch/);
    }
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it("passes on GitHub's refusal and a timeout as an error message, never a token", async () => {
    const { state, cookie } = await signInStart();
    const refused = await handler(github({ error: 'bad_verification_code' }) as unknown as typeof fetch)(
      request('/callback', { code: 'old', state }, [cookie]),
    );
    expect(handOver(refused).message).toMatch(/^authorization:github:error:.*bad_verification_code/);
    const slow = vi.fn(async () => {
      throw Object.assign(new Error('timed out'), { name: 'TimeoutError' });
    });
    const timedOut = await handler(slow as unknown as typeof fetch)(request('/callback', { code: 'c', state }, [cookie]));
    expect(handOver(timedOut).message).toMatch(/Git host timeout/);
    const declined = await handler()(request('/callback', { error: 'access_denied', state }, [cookie]));
    expect(handOver(declined).message).toMatch(/declined/);
  });

  it('escapes what it writes into its script', async () => {
    const { state, cookie } = await signInStart();
    const response = await handler(github({ access_token: '</script><script>alert(1)</script>' }) as unknown as typeof fetch)(
      request('/callback', { code: 'c', state }, [cookie]),
    );
    expect(response.body!.match(/<\/script>/g)).toHaveLength(1);
    expect(handOver(response).message).toContain('</script><script>alert(1)</script>');
  });

  it('answers only GET on its two paths', async () => {
    expect((await handler()(request('/auth', {}, [], 'POST'))).statusCode).toBe(405);
    expect((await handler()(request('/elsewhere'))).statusCode).toBe(404);
  });
});
