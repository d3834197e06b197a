// Who may call /api/staff/*: every route against no token, a malformed, expired, forged or wrong-audience token, no staff group; the role matrix of staff and admin route by route; and cognito-local's own tokens.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_ROUTES, mayUse, type StaffRoute } from '#domain/inquiries/staff-access.ts';
import { cognitoCall, ensureAccount } from '../../functions/local/cognito.ts';
import { postInquiry, send, startTestStack, validInquiry, type TestStack } from './helpers.ts';
import { startStaffStack, staffCall, type StaffTestStack } from './staff-support.ts';

let stack: StaffTestStack;
let api: string;
let inquiryId: string;
let staffToken: string;

/** A new inquiry for a run of changes, each made from the version the previous one left. */
async function newInquiry(email: string): Promise<string> {
  const key = crypto.randomUUID();
  expect((await postInquiry(api, validInquiry({ email }), { key })).status).toBe(201);
  return key;
}

beforeAll(async () => {
  stack = await startStaffStack();
  api = stack.api.url;
  inquiryId = await newInquiry('matrix@example.jp');
  staffToken = await stack.pool.token();
});
afterAll(async () => stack?.cleanup());

const version = async (id = inquiryId) =>
  (await staffCall(api, 'GET', `/api/staff/inquiries/${id}`, staffToken)).body.inquiry.version as number;

interface RouteCase {
  route: StaffRoute;
  path: (id: string) => string;
  body?: (id: string) => Promise<unknown>;
  ok: number;
}

/** Every staff route of the role matrix, with a request that succeeds for a member of its group at that moment. */
const ROUTES: RouteCase[] = [
  { route: 'GET /api/staff/me', path: () => '/api/staff/me', ok: 200 },
  { route: 'PUT /api/staff/members/me', path: () => '/api/staff/members/me', ok: 200 },
  { route: 'GET /api/staff/members', path: () => '/api/staff/members', ok: 200 },
  { route: 'GET /api/staff/inquiries', path: () => '/api/staff/inquiries?status=new,in-progress&q=khanh', ok: 200 },
  { route: 'GET /api/staff/inquiries.csv', path: () => '/api/staff/inquiries.csv', ok: 200 },
  { route: 'GET /api/staff/inquiries/:id', path: (id) => `/api/staff/inquiries/${id}`, ok: 200 },
  {
    route: 'PUT /api/staff/inquiries/:id/owner',
    path: (id) => `/api/staff/inquiries/${id}/owner`,
    body: async (id) => ({ version: await version(id), owner: 'me' }),
    ok: 200,
  },
  {
    route: 'POST /api/staff/inquiries/:id/notes',
    path: (id) => `/api/staff/inquiries/${id}/notes`,
    body: async (id) => ({ version: await version(id), text: 'Called back.' }),
    ok: 201,
  },
  {
    route: 'POST /api/staff/inquiries/:id/replies',
    path: (id) => `/api/staff/inquiries/${id}/replies`,
    body: async (id) => ({ version: await version(id), text: 'Here is our answer.', answers: true }),
    ok: 201,
  },
  {
    route: 'PUT /api/staff/inquiries/:id/status',
    path: (id) => `/api/staff/inquiries/${id}/status`,
    body: async (id) => ({ version: await version(id), status: 'closed' }),
    ok: 200,
  },
  { route: 'POST /api/staff/erasures', path: () => '/api/staff/erasures', body: async () => ({ email: 'nobody@example.org' }), ok: 200 },
  { route: 'GET /api/staff/dashboard', path: () => '/api/staff/dashboard', ok: 200 },
  { route: 'GET /api/staff/audit', path: () => '/api/staff/audit', ok: 200 },
  { route: 'GET /api/staff/translations', path: () => '/api/staff/translations', ok: 200 },
];

const methodOf = (route: StaffRoute) => route.split(' ')[0]!;

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
    describe(route.route, () => {
      it.each(CASES)('answers $status to $name, changing nothing', async ({ token, status, code }) => {
        const before = await version();
        const body = route.body
          ? { version: before, text: 'x', owner: 'me', status: 'closed', email: 'matrix@example.jp', answers: true }
          : undefined;
        const answer = await staffCall(api, methodOf(route.route), route.path(inquiryId), await token(), body);
        expect(answer.status).toBe(status);
        expect(answer.body).toEqual({ errors: [{ code }] });
        if (status === 401) expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/);
        expect(await version()).toBe(before);
      });
    });
});

describe('the role matrix, route by route', () => {
  it('has a case here for every route the API serves, and no other', () => {
    expect(ROUTES.map((r) => r.route).sort()).toEqual(Object.keys(STAFF_ROUTES).sort());
  });

  it('is the table functions/README.md shows', () => {
    const readme = readFileSync('functions/README.md', 'utf8');
    const section = readme.slice(readme.indexOf('### Who may use which route'));
    const rows = [...section.matchAll(/^\| `([A-Z]+ \/api\/staff\/[^`]+)` \| `(staff|admin)` \|/gm)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual(Object.entries(STAFF_ROUTES));
  });

  // In order: each change is made from the version the previous one left.
  it.each(ROUTES.map((route, index) => ({ ...route, index })))('$route: a staff token', async (route) => {
    const auditBefore = (await staffCall(api, 'GET', '/api/staff/audit', staffToken)).body.entries.length as number;
    const before = await version();
    const answer = await staffCall(
      api,
      methodOf(route.route),
      route.path(inquiryId),
      staffToken,
      route.body ? await route.body(inquiryId) : undefined,
    );
    if (STAFF_ROUTES[route.route] === 'admin') {
      expect(answer.status, answer.text).toBe(403);
      expect(answer.body).toEqual({ errors: [{ code: 'forbidden' }] });
      // Refused before it ran: no export or erasure was made or logged.
      expect((await staffCall(api, 'GET', '/api/staff/audit', staffToken)).body.entries).toHaveLength(auditBefore);
      expect(await version()).toBe(before);
    } else expect(answer.status, answer.text).toBe(route.ok);
  });

  it('says which routes a staff member may not use: erasure and the CSV export', () => {
    expect(ROUTES.filter((r) => !mayUse(['staff'], r.route)).map((r) => r.route)).toEqual([
      'GET /api/staff/inquiries.csv',
      'POST /api/staff/erasures',
    ]);
  });

  describe('an admin token', () => {
    let adminToken: string;
    let adminInquiry: string;
    beforeAll(async () => {
      adminToken = await stack.pool.token({ 'cognito:groups': ['admin'], sub: 'admin-1', username: 'admin' });
      adminInquiry = await newInquiry('matrix-admin@example.jp');
    });

    it.each(ROUTES.map((route, index) => ({ ...route, index })))('$route', async (route) => {
      const body = route.body ? await route.body(adminInquiry) : undefined;
      const answer = await staffCall(api, methodOf(route.route), route.path(adminInquiry), adminToken, body);
      expect(answer.status, answer.text).toBe(route.ok);
    });

    it('is also staff, under its own name', async () => {
      const answer = await staffCall(api, 'GET', '/api/staff/me', adminToken);
      expect(answer.body).toEqual({ id: 'admin-1', name: 'admin', groups: ['admin'] });
    });
  });
});

describe('the staff routes without a route of their own', () => {
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
