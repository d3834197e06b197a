// Who may call /api/staff/*: every route against no token, a malformed, expired, forged or wrong-audience token, no staff group, and staff; and cognito-local's own tokens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cognitoCall, ensureAccount } from '../../functions/local/cognito.ts';
import { postInquiry, send, startTestStack, validInquiry, type TestStack } from './helpers.ts';
import { startStaffStack, staffCall, type StaffTestStack } from './staff-support.ts';

let stack: StaffTestStack;
let api: string;
let inquiryId: string;
let staffToken: string;

beforeAll(async () => {
  stack = await startStaffStack();
  api = stack.api.url;
  const key = crypto.randomUUID();
  expect((await postInquiry(api, validInquiry({ email: 'matrix@example.jp' }), { key })).status).toBe(201);
  inquiryId = key;
  staffToken = await stack.pool.token();
});
afterAll(async () => stack?.cleanup());

const version = async () => (await staffCall(api, 'GET', `/api/staff/inquiries/${inquiryId}`, staffToken)).body.inquiry.version as number;

/** Every staff route, with a body that a staff member could send successfully at that moment. */
const ROUTES: { method: string; path: () => string; body?: () => Promise<unknown>; ok: number }[] = [
  { method: 'GET', path: () => '/api/staff/me', ok: 200 },
  { method: 'PUT', path: () => '/api/staff/members/me', ok: 200 },
  { method: 'GET', path: () => '/api/staff/members', ok: 200 },
  { method: 'GET', path: () => '/api/staff/inquiries?status=new,in-progress&q=khanh', ok: 200 },
  { method: 'GET', path: () => '/api/staff/inquiries.csv', ok: 200 },
  { method: 'GET', path: () => `/api/staff/inquiries/${inquiryId}`, ok: 200 },
  {
    method: 'PUT',
    path: () => `/api/staff/inquiries/${inquiryId}/owner`,
    body: async () => ({ version: await version(), owner: 'me' }),
    ok: 200,
  },
  {
    method: 'POST',
    path: () => `/api/staff/inquiries/${inquiryId}/notes`,
    body: async () => ({ version: await version(), text: 'Called back.' }),
    ok: 201,
  },
  {
    method: 'POST',
    path: () => `/api/staff/inquiries/${inquiryId}/replies`,
    body: async () => ({ version: await version(), text: 'Here is our answer.', answers: true }),
    ok: 201,
  },
  {
    method: 'PUT',
    path: () => `/api/staff/inquiries/${inquiryId}/status`,
    body: async () => ({ version: await version(), status: 'closed' }),
    ok: 200,
  },
  { method: 'POST', path: () => '/api/staff/erasures', body: async () => ({ email: 'nobody@example.org' }), ok: 200 },
  { method: 'GET', path: () => '/api/staff/dashboard', ok: 200 },
  { method: 'GET', path: () => '/api/staff/audit', ok: 200 },
  { method: 'GET', path: () => '/api/staff/translations', ok: 200 },
];

type Case = { name: string; token: () => Promise<string | undefined>; status: number; code: string };

const CASES: Case[] = [
  { name: 'no token', token: async () => undefined, status: 401, code: 'unauthorized' },
  { name: 'a malformed token', token: async () => 'not-a-jwt', status: 401, code: 'unauthorized' },
  { name: 'an expired token', token: () => stack.pool.token({}, { expiresInSeconds: -60 }), status: 401, code: 'unauthorized' },
  {
    name: 'a token with a bad signature',
    token: () => stack.pool.token({}, { key: stack.pool.otherKey }),
    status: 401,
    code: 'unauthorized',
  },
  {
    name: 'a token for another app client',
    token: () => stack.pool.token({ client_id: 'some-other-client' }),
    status: 401,
    code: 'unauthorized',
  },
  {
    name: 'a token from another issuer',
    token: () => stack.pool.token({ iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other' }),
    status: 401,
    code: 'unauthorized',
  },
  {
    name: 'an ID token instead of an access token',
    token: () => stack.pool.token({ token_use: 'id', aud: 'test-console-client', client_id: undefined }),
    status: 401,
    code: 'unauthorized',
  },
  {
    name: 'a signed-in user without the staff group',
    token: () => stack.pool.token({ 'cognito:groups': ['investors'] }),
    status: 403,
    code: 'forbidden',
  },
  {
    name: 'a signed-in user with no groups at all',
    token: () => stack.pool.token({ 'cognito:groups': undefined }),
    status: 403,
    code: 'forbidden',
  },
];

describe('the staff routes refuse every caller who is not staff', () => {
  for (const route of ROUTES)
    describe(`${route.method} ${route.path().replace(/undefined|[0-9a-f-]{36}/, ':id')}`, () => {
      it.each(CASES)('answers $status to $name, changing nothing', async ({ token, status, code }) => {
        const before = await version();
        const body = route.body
          ? { version: before, text: 'x', owner: 'me', status: 'closed', email: 'matrix@example.jp', answers: true }
          : undefined;
        const answer = await staffCall(api, route.method, route.path(), await token(), body);
        expect(answer.status).toBe(status);
        expect(answer.body).toEqual({ errors: [{ code }] });
        if (status === 401) expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/);
        expect(await version()).toBe(before);
      });
    });
});

describe('the staff routes serve staff', () => {
  // In order: each change is made from the version the previous one left.
  it.each(ROUTES.map((route, index) => ({ ...route, index })))('$method $index answers $ok to a staff token', async (route) => {
    const answer = await staffCall(api, route.method, route.path(), staffToken, route.body ? await route.body() : undefined);
    expect(answer.status, answer.text).toBe(route.ok);
  });

  it('also lets the admin group in', async () => {
    const answer = await staffCall(
      api,
      'GET',
      '/api/staff/me',
      await stack.pool.token({ 'cognito:groups': ['admin'], sub: 'admin-1', username: 'admin' }),
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ id: 'admin-1', name: 'admin', groups: ['admin'] });
  });

  it('says 401 for an unknown staff path without a token, and 404 only to staff', async () => {
    expect((await staffCall(api, 'GET', '/api/staff/secret-admin-page', undefined)).status).toBe(401);
    expect((await staffCall(api, 'GET', '/api/staff/secret-admin-page', staffToken)).status).toBe(404);
    expect((await staffCall(api, 'GET', '/api/staff', undefined)).status).toBe(401);
  });

  it('tells the console where to sign in, without a token and without secrets', async () => {
    const answer = await send(api, '/api/auth/config', { method: 'GET' });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      endpoint: stack.pool.config.signInEndpoint,
      userPoolId: 'local_TestPool',
      clientId: 'test-console-client',
      region: 'local',
    });
  });

  it("answers 503, not 401, when the pool's keys cannot be fetched", async () => {
    const broken = await startTestStack({
      staffAuth: { config: { ...stack.pool.config, jwksUrl: 'http://127.0.0.1:9/keys.json' } },
    });
    try {
      const answer = await staffCall(broken.api.url, 'GET', '/api/staff/me', staffToken);
      expect(answer.status).toBe(503);
      expect(answer.body).toEqual({ errors: [{ code: 'unavailable' }] });
      expect(answer.text).not.toMatch(/127\.0\.0\.1|jwks|ECONNREFUSED/i);
    } finally {
      await broken.cleanup();
    }
  });
});

describe('with cognito-local, as npm run dev runs it', () => {
  let local: TestStack;
  beforeAll(async () => {
    local = await startTestStack();
  });
  afterAll(async () => local?.cleanup());

  const signIn = async (username: string, password: string) =>
    (
      await cognitoCall<{ AuthenticationResult: { AccessToken: string; IdToken: string } }>(local.cognito!.endpoint, 'InitiateAuth', {
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: local.cognito!.clientId,
        AuthParameters: { USERNAME: username, PASSWORD: password },
      })
    ).AuthenticationResult;

  it('runs on loopback and signs the seeded staff account in with a token the API accepts', async () => {
    expect(local.cognito!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const tokens = await signIn('staff@invest.localhost', 'CaMau-Staff-2026');
    const me = await staffCall(local.api.url, 'GET', '/api/staff/me', tokens.AccessToken);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ name: 'staff@invest.localhost', groups: ['staff'] });
    // Its ID token is for the browser, not the API.
    expect((await staffCall(local.api.url, 'GET', '/api/staff/me', tokens.IdToken)).status).toBe(401);
  });

  it('refuses a wrong password, and a pool member outside the staff groups gets 403', async () => {
    await expect(signIn('staff@invest.localhost', 'wrong')).rejects.toThrow(/NotAuthorized|InvalidPassword/);
    await ensureAccount(local.cognito!.endpoint, local.cognito!.userPoolId, {
      username: 'visitor@invest.localhost',
      password: 'Visitor-2026',
      groups: [],
    });
    const tokens = await signIn('visitor@invest.localhost', 'Visitor-2026');
    const answer = await staffCall(local.api.url, 'GET', '/api/staff/inquiries', tokens.AccessToken);
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({ errors: [{ code: 'forbidden' }] });
  });
});
