// The local staff sign-in: cognito-local (a Cognito user pool stand-in) on loopback, with the pool, app client, groups and a staff account seeded.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { LOOPBACK, type Running } from './servers.ts';
import { STAFF_GROUPS } from '#domain/inquiries/staff-access.ts';
import { LOCAL_PREFIX } from '../resources.ts';

const require = createRequire(import.meta.url);

/** The accounts `npm run dev` creates, printed in the terminal: one per role. Local only: the stand-in listens on loopback. */
export const LOCAL_STAFF_ACCOUNT = { username: 'staff@invest.localhost', password: 'CaMau-Staff-2026', groups: ['staff'] } as const;
export const LOCAL_ADMIN_ACCOUNT = { username: 'admin@invest.localhost', password: 'CaMau-Admin-2026', groups: ['admin'] } as const;
export const LOCAL_ACCOUNTS = [LOCAL_STAFF_ACCOUNT, LOCAL_ADMIN_ACCOUNT] as const;

const POOL_NAME = `${LOCAL_PREFIX}staff`;
const CLIENT_NAME = `${LOCAL_PREFIX}console`;

export interface LocalCognito extends Running {
  /** Where the console sends InitiateAuth (USER_PASSWORD_AUTH): the stand-in's root, as cognito-idp.<region>.amazonaws.com is on AWS. */
  endpoint: string;
  userPoolId: string;
  clientId: string;
  /** The `iss` of its tokens: the endpoint followed by the pool id, the same shape as on AWS. */
  issuer: string;
  jwksUrl: string;
}

export interface SeedAccount {
  username: string;
  password: string;
  groups: readonly string[];
}

type CognitoLocalServer = { application: unknown; start(): Promise<Server> };

/**
 * cognito-local's own start-up (`createDefaultServer`) keeps its data in ./.cognito of the working directory
 * and reads port and host from the environment; this assembles the same parts with a data folder and a
 * loopback address of our choosing. No Lambda triggers or KMS keys are configured, so its AWS SDK clients
 * are never called and nothing leaves the machine.
 */
async function createServer(dataDir: string, port: number): Promise<{ server: CognitoLocalServer; tokenConfig: { IssuerDomain: string } }> {
  // The v2 SDK it depends on prints a maintenance notice on load; it is never used here (see above).
  process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE ??= '1';
  const base = require.resolve('cognito-local');
  const local = createRequire(base);
  // biome-ignore lint/suspicious/noExplicitAny: cognito-local's internal modules have no types; each use below is checked by the tests that sign in
  const from = (path: string) => local(join(base, '..', path)) as Record<string, any>;
  const pino = local('pino') as (options: Record<string, unknown>) => unknown;
  const AWS = local('aws-sdk') as { Lambda: new (options: Record<string, unknown>) => unknown };
  const services = from('services/index.js');
  const { CognitoServiceFactoryImpl } = from('services/cognitoService.js');
  const { CryptoService } = from('services/crypto.js');
  const { StormDBDataStoreFactory } = from('services/dataStore/stormDb.js');
  const { ConsoleMessageSender } = from('services/messageDelivery/consoleMessageSender.js');
  const { MessageDeliveryService } = from('services/messageDelivery/messageDelivery.js');
  const { otp } = from('services/otp.js');
  const { JwtTokenGenerator } = from('services/tokenGenerator.js');
  const { UserPoolServiceFactoryImpl } = from('services/userPoolService.js');
  const { Router } = from('server/Router.js');
  const { createServer: create } = from('server/server.js');

  const logger = pino({ level: 'silent' });
  const ctx = { logger };
  const offline = { credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, region: 'local', endpoint: `http://${LOOPBACK}:9` };
  // Filled in once the port is known: the token generator reads it on every sign-in.
  const tokenConfig = { IssuerDomain: `http://${LOOPBACK}:${port}` };
  const serverConfig = { port, hostname: LOOPBACK, development: false, https: false };
  const clock = new services.DateClock();
  const dataDirectory = join(dataDir, 'db');
  mkdirSync(dataDirectory, { recursive: true });
  const dataStoreFactory = new StormDBDataStoreFactory(dataDirectory);
  const cognito = await new CognitoServiceFactoryImpl(
    dataDirectory,
    dataStoreFactory,
    new UserPoolServiceFactoryImpl(clock, dataStoreFactory),
  ).create(ctx, {});
  const triggers = new services.TriggersService(
    clock,
    cognito,
    new services.LambdaService({}, new AWS.Lambda(offline)),
    new CryptoService(offline),
  );
  const all = {
    clock,
    cognito,
    config: { TokenConfig: tokenConfig, ServerConfig: serverConfig, TriggerFunctions: {}, UserPoolDefaults: {} },
    messages: new services.MessagesService(triggers, new MessageDeliveryService(new ConsoleMessageSender())),
    otp,
    tokenGenerator: new JwtTokenGenerator(clock, triggers, tokenConfig),
    triggers,
  };
  return { server: create(Router(all), logger, serverConfig, all) as CognitoLocalServer, tokenConfig };
}

/** One call of the Cognito JSON protocol, as the AWS SDK and the console make it. */
export async function cognitoCall<T = Record<string, unknown>>(
  endpoint: string,
  target: string,
  body: Record<string, unknown>,
): Promise<T> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${target}` },
    body: JSON.stringify(body),
  });
  const answer = (await response.json().catch(() => ({}))) as T & { __type?: string; message?: string };
  if (!response.ok)
    throw Object.assign(new Error(`Cognito ${target}: ${answer.__type ?? response.status} ${answer.message ?? ''}`.trim()), {
      type: answer.__type,
    });
  return answer;
}

const isType = (error: unknown, type: string) => (error as { type?: string }).type === type;

/** Adds an account (or resets its password and groups): for the seeded staff member and for tests. */
export async function ensureAccount(endpoint: string, userPoolId: string, account: SeedAccount): Promise<void> {
  try {
    await cognitoCall(endpoint, 'AdminCreateUser', {
      UserPoolId: userPoolId,
      Username: account.username,
      MessageAction: 'SUPPRESS',
      UserAttributes: account.username.includes('@')
        ? [
            { Name: 'email', Value: account.username },
            { Name: 'email_verified', Value: 'true' },
          ]
        : [],
    });
  } catch (error) {
    if (!isType(error, 'UsernameExistsException')) throw error;
  }
  await cognitoCall(endpoint, 'AdminSetUserPassword', {
    UserPoolId: userPoolId,
    Username: account.username,
    Password: account.password,
    Permanent: true,
  });
  for (const group of account.groups)
    await cognitoCall(endpoint, 'AdminAddUserToGroup', { UserPoolId: userPoolId, Username: account.username, GroupName: group });
}

/** The pool, its console client (USER_PASSWORD_AUTH) and the groups, found by name or made: stable across restarts on the same data. */
async function ensurePool(endpoint: string): Promise<{ userPoolId: string; clientId: string }> {
  const pools = await cognitoCall<{ UserPools?: { Id: string; Name: string }[] }>(endpoint, 'ListUserPools', { MaxResults: 60 });
  let userPoolId = pools.UserPools?.find((pool) => pool.Name === POOL_NAME)?.Id;
  if (!userPoolId) {
    const created = await cognitoCall<{ UserPool: { Id: string } }>(endpoint, 'CreateUserPool', {
      PoolName: POOL_NAME,
      MfaConfiguration: 'OFF',
    });
    userPoolId = created.UserPool.Id;
  }
  const clients = await cognitoCall<{ UserPoolClients?: { ClientId: string; ClientName: string }[] }>(endpoint, 'ListUserPoolClients', {
    UserPoolId: userPoolId,
    MaxResults: 60,
  });
  let clientId = clients.UserPoolClients?.find((client) => client.ClientName === CLIENT_NAME)?.ClientId;
  if (!clientId) {
    const created = await cognitoCall<{ UserPoolClient: { ClientId: string } }>(endpoint, 'CreateUserPoolClient', {
      UserPoolId: userPoolId,
      ClientName: CLIENT_NAME,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      // As the CDK stack should set it: an hour's access, a working day's refresh.
      AccessTokenValidity: 1,
      IdTokenValidity: 1,
      RefreshTokenValidity: 12,
      TokenValidityUnits: { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'hours' },
    });
    clientId = created.UserPoolClient.ClientId;
  }
  for (const group of STAFF_GROUPS) {
    try {
      await cognitoCall(endpoint, 'CreateGroup', { UserPoolId: userPoolId, GroupName: group });
    } catch (error) {
      if (!isType(error, 'GroupExistsException')) throw error;
    }
  }
  return { userPoolId, clientId };
}

function portInUse(error: unknown, port: number): Error {
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
    return new Error(
      `Staff sign-in (cognito-local): port ${port} on ${LOOPBACK} is in use. Stop whatever holds it, or choose another port: npm run dev reads COGNITO_PORT.`,
    );
  return error as Error;
}

/** Starts the stand-in on loopback with its data under `dataDir`, and seeds the pool and the accounts. */
export async function startCognito(options: { port: number; dataDir: string; accounts?: SeedAccount[] }): Promise<LocalCognito> {
  const { server, tokenConfig } = await createServer(options.dataDir, options.port);
  let http: Server;
  try {
    http = await server.start();
  } catch (error) {
    throw portInUse(error, options.port);
  }
  const port = (http.address() as AddressInfo).port;
  const url = `http://${LOOPBACK}:${port}`;
  tokenConfig.IssuerDomain = url;
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      http.close(() => resolve());
      http.closeAllConnections();
    }));
  try {
    const endpoint = `${url}/`;
    const { userPoolId, clientId } = await ensurePool(endpoint);
    for (const account of options.accounts ?? LOCAL_ACCOUNTS) await ensureAccount(endpoint, userPoolId, account);
    const issuer = `${url}/${userPoolId}`;
    return { url, port, close, endpoint, userPoolId, clientId, issuer, jwksUrl: `${issuer}/.well-known/jwks.json` };
  } catch (error) {
    await close();
    throw error;
  }
}
