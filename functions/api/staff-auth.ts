// Checks a staff member's Cognito access token on every /api/staff/* request: the same code against cognito-local and against AWS.
import type { Context, MiddlewareHandler } from 'hono';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { hasStaffAccess, isMemberOf, type StaffActor, type StaffGroup } from '#domain/inquiries/staff-access.ts';
import type { Log } from './log.ts';
import { ApiProblem, UNAVAILABLE_RETRY_AFTER_SECONDS, problem } from './problems.ts';

/** Where tokens come from and who they are for; set from the environment (see staffAuthFromEnv). */
export interface StaffAuthConfig {
  /** The user pool's issuer, e.g. https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_AbC123 (locally cognito-local's). */
  issuer: string;
  /** The pool's public keys; `<issuer>/.well-known/jwks.json` on AWS and in cognito-local. */
  jwksUrl: string;
  /** The console's app client: access tokens carry it as `client_id`. */
  clientId: string;
  /** Where the console signs in (InitiateAuth): https://cognito-idp.<region>.amazonaws.com/ on AWS, cognito-local's root locally. */
  signInEndpoint: string;
}

type Env = Record<string, string | undefined>;

/** STAFF_AUTH_ISSUER and STAFF_AUTH_CLIENT_ID are required; the JWKS URL and the sign-in endpoint follow from the issuer unless set. */
export function staffAuthFromEnv(env: Env): StaffAuthConfig {
  const issuer = env.STAFF_AUTH_ISSUER?.replace(/\/$/, '');
  const clientId = env.STAFF_AUTH_CLIENT_ID;
  if (!issuer || !clientId)
    throw new Error(
      'STAFF_AUTH_ISSUER and STAFF_AUTH_CLIENT_ID must be set: the user pool issuer URL and the console app client id (the CDK stack sets both).',
    );
  const url = new URL(issuer);
  return {
    issuer,
    clientId,
    jwksUrl: env.STAFF_AUTH_JWKS_URL || `${issuer}/.well-known/jwks.json`,
    signInEndpoint: env.STAFF_AUTH_SIGN_IN_ENDPOINT || `${url.origin}/`,
  };
}

/** What the console needs to sign in: public facts about the pool, no secret (the app client has none). */
export function publicAuthSettings(config: StaffAuthConfig): { endpoint: string; userPoolId: string; clientId: string; region: string } {
  const userPoolId = new URL(config.issuer).pathname.replace(/^\//, '');
  return { endpoint: config.signInEndpoint, userPoolId, clientId: config.clientId, region: userPoolId.split('_')[0] ?? '' };
}

export interface StaffIdentity extends StaffActor {
  groups: string[];
}

const unauthorized = () => problem(401, 'unauthorized', undefined, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });

/** Failures of the token itself (any of them: format, signature, key, issuer, expiry, claims) are 401; anything else is ours. */
function isTokenFault(error: unknown): boolean {
  return (
    error instanceof errors.JWTExpired ||
    error instanceof errors.JWTClaimValidationFailed ||
    error instanceof errors.JWTInvalid ||
    error instanceof errors.JWSInvalid ||
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys ||
    error instanceof errors.JOSEAlgNotAllowed ||
    error instanceof errors.JOSENotSupported
  );
}

export type StaffVariables = { staff: StaffIdentity };

/**
 * Verifies with `jose`: RS256 signature against the pool's JWKS (cached, refetched for an unknown key id),
 * issuer, expiry (a few seconds of clock skew allowed), token_use "access" and client_id. A valid token
 * without the staff or admin group is 403. The JWKS being unreachable is our outage (503), not the caller's fault.
 */
export function requireStaff(
  config: StaffAuthConfig,
  log: Log,
  keys: JWTVerifyGetKey = createRemoteJWKSet(new URL(config.jwksUrl), { timeoutDuration: 3000 }),
): MiddlewareHandler<{ Variables: StaffVariables }> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(header.trim());
    if (!match) throw unauthorized();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(match[1]!, keys, {
        issuer: config.issuer,
        algorithms: ['RS256'],
        clockTolerance: 5,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      if (isTokenFault(error)) throw unauthorized();
      log.error('staff-auth.keys-unavailable', error, { path: c.req.path });
      throw problem(503, 'unavailable', undefined, { 'Retry-After': String(UNAVAILABLE_RETRY_AFTER_SECONDS) });
    }
    // An ID token or another app's token is not a key to this API, however well signed.
    if (payload.token_use !== 'access' || payload.client_id !== config.clientId) throw unauthorized();
    const groups = Array.isArray(payload['cognito:groups'])
      ? payload['cognito:groups'].filter((g): g is string => typeof g === 'string')
      : [];
    if (!hasStaffAccess(groups)) throw new ApiProblem(403, [{ code: 'forbidden' }]);
    const name = typeof payload.username === 'string' && payload.username ? payload.username : String(payload.sub);
    c.set('staff', { id: String(payload.sub), name, groups });
    await next();
  };
}

export const staffOf = (c: Context<{ Variables: StaffVariables }>): StaffIdentity => c.get('staff');

/** After requireStaff: a staff member outside the group a route needs (see STAFF_ROUTES) gets 403, and nothing runs. */
export function requireGroup(group: StaffGroup): MiddlewareHandler<{ Variables: StaffVariables }> {
  return async (c, next) => {
    if (!isMemberOf(staffOf(c).groups, group)) throw new ApiProblem(403, [{ code: 'forbidden' }]);
    await next();
  };
}
