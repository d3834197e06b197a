// Staff sign-in from the browser: USER_PASSWORD_AUTH against the user pool (cognito-local or AWS), tokens kept for this tab only.
import { site } from '#domain/site.ts';

/** Public facts about the pool, from GET /api/auth/config. */
export interface AuthSettings {
  endpoint: string;
  userPoolId: string;
  clientId: string;
  region: string;
}

export interface Session {
  accessToken: string;
  idToken: string;
  refreshToken?: string;
  /** Epoch ms when the access token stops working. */
  expiresAt: number;
  username: string;
}

/** sessionStorage, not localStorage: the tokens go when the tab closes and are never shared with other tabs. */
const KEY = `${site.id}-staff-session`;

export function loadSession(): Session | undefined {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : undefined;
  } catch {
    return undefined;
  }
}

export function saveSession(session: Session | undefined): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
}

/** Reads a token's claims for display only; the API verifies every token itself. */
function claims(token: string): Record<string, unknown> {
  try {
    const part = token.split('.')[1] ?? '';
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    return JSON.parse(decodeURIComponent(escape(json))) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** The signed-in person's groups, from the access token the API checks: the console offers only what they may use. */
export function groupsOf(session: Session | undefined): string[] {
  const groups = session ? claims(session.accessToken)['cognito:groups'] : undefined;
  return Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [];
}

export class SignInError extends Error {
  constructor(readonly code: 'credentials' | 'new-password' | 'unavailable') {
    super(code);
  }
}

/** The parts of Cognito's InitiateAuth answer the console reads. */
interface AuthenticationResult {
  AccessToken?: string;
  IdToken?: string;
  RefreshToken?: string;
}
interface InitiateAuthAnswer {
  AuthenticationResult?: AuthenticationResult;
  ChallengeName?: string;
}

/** The tokens of a successful answer; an answer without them is a pool we cannot work with. */
function tokensOf(answer: InitiateAuthAnswer): AuthenticationResult {
  if (!answer.AuthenticationResult) throw new SignInError('unavailable');
  return answer.AuthenticationResult;
}

async function initiateAuth(settings: AuthSettings, flow: string, parameters: Record<string, string>): Promise<InitiateAuthAnswer> {
  let response: Response;
  try {
    response = await fetch(settings.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
      body: JSON.stringify({ AuthFlow: flow, ClientId: settings.clientId, AuthParameters: parameters }),
    });
  } catch {
    throw new SignInError('unavailable');
  }
  const body = (await response.json().catch(() => ({}))) as InitiateAuthAnswer;
  if (response.status >= 500) throw new SignInError('unavailable');
  if (!response.ok) throw new SignInError('credentials');
  if (body.ChallengeName) throw new SignInError('new-password');
  return body;
}

function toSession(result: AuthenticationResult, refreshToken?: string): Session {
  const access = String(result.AccessToken);
  const exp = Number(claims(access).exp ?? 0) * 1000;
  const id = claims(String(result.IdToken));
  const username = String(id.email ?? claims(access).username ?? id['cognito:username'] ?? '');
  const token = result.RefreshToken ?? refreshToken;
  return {
    accessToken: access,
    idToken: String(result.IdToken),
    ...(token ? { refreshToken: String(token) } : {}),
    expiresAt: exp || Date.now() + 3_600_000,
    username,
  };
}

export async function signIn(settings: AuthSettings, username: string, password: string): Promise<Session> {
  const body = await initiateAuth(settings, 'USER_PASSWORD_AUTH', { USERNAME: username, PASSWORD: password });
  return toSession(tokensOf(body));
}

/** A fresh access token from the refresh token, so a long reply is not lost to an expired hour. */
export async function refresh(settings: AuthSettings, session: Session): Promise<Session | undefined> {
  if (!session.refreshToken) return undefined;
  try {
    const body = await initiateAuth(settings, 'REFRESH_TOKEN_AUTH', { REFRESH_TOKEN: session.refreshToken });
    return toSession(tokensOf(body), session.refreshToken);
  } catch {
    return undefined;
  }
}
