// The deployment's settings, read from CDK context (-c env=prod -c domain=… ) and checked before any construct is made.
import { type Context, fail, text } from './context.ts';
import { readFileSync } from 'node:fs';
import { siteConfigSchema } from '#domain/site-config.ts';
import { PATHS } from './paths.ts';

export type EnvName = 'dev' | 'prod';

/** How the Lambda code reaches the template: real bundles (synth, deploy) or a stub (fast tests of everything else). */
export type BundleMode = 'build' | 'prebuilt' | 'stub';

export interface DeploymentConfig {
  envName: EnvName;
  /** The project's name in AWS, from content/site.json's id (camau → camau-invest): parameter paths, metrics, tags. */
  project: string;
  /** Prefix of every stack name: <project>-dev, <project>-prod (camau-invest-dev). */
  stackPrefix: string;
  account: string;
  /** True when no account was given or found: fine for synth and tests, refused by `cdk deploy`. */
  placeholderAccount: boolean;
  /** The region of everything except what CloudFront requires in us-east-1 (the WAF and CloudFront's alarms). */
  region: string;
  /** The site's own name, e.g. invest.example.gov.vn; without it the site is served on its cloudfront.net name. */
  domain?: string;
  /** ACM certificate in us-east-1 covering `domain`. */
  certificateArn?: string;
  /** Domain of the SES identity the mail is sent from. */
  mailDomain: string;
  mailFrom: string;
  staffEmail: string;
  /** Who hears about alarms (an e-mail subscription to the alarm topics); none by default. */
  alarmEmail?: string;
  staffMfa: 'optional' | 'required';
  /**
   * The origin-verify secret's version to resolve (after a rotation, the VersionId put-secret-value printed): a new
   * value changes the template, so CloudFront and the authorizer both pick up the rotated secret. None: the current one.
   */
  originVerifySecretVersion?: string;
  /** prod keeps data stores when the stack is deleted and protects them from deletion. */
  retainData: boolean;
  logRetentionDays: 30 | 90;
  bundles: BundleMode;
  /** The site's languages (content/site.json): the CloudFront Function routes "/" among them. */
  languages: string[];
  defaultLanguage: string;
  siteName: string;
  /** content/site.json's url: where the built pages' canonical links point. */
  siteUrl: string;
  /**
   * Other origins the pages may load from (the CSP's connect-src and img-src): the origin of content/site.json's
   * map.basemapStyle when it is on another host, plus -c cspOrigins=https://tiles.example.org,… for its tiles and fonts.
   */
  externalOrigins: string[];
}

/** Used when no account is known, so synth never needs credentials. 000000000000 is no real account. */
export const PLACEHOLDER_ACCOUNT = '000000000000';
/** CloudFront's certificates and web ACLs live here, whatever the stack's region. */
export const EDGE_REGION = 'us-east-1';

const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** The address inside "Name <address>" or the address itself. */
export function mailAddress(value: string): string {
  return /<([^>]+)>\s*$/.exec(value)?.[1]?.trim() ?? value.trim();
}

export function readSiteConfig(path: string = PATHS.siteConfig) {
  const parsed = siteConfigSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success)
    throw new Error(`${path} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/**
 * Context keys: env (dev|prod, default dev), account, region, domain, certificateArn, mailDomain, mailFrom,
 * staffEmail, alarmEmail, staffMfa (optional|required), originVerifySecretVersion, cspOrigins, bundles (build|prebuilt|stub).
 * `environment` carries CDK_DEFAULT_ACCOUNT, which the CDK CLI sets from the credentials when there are any.
 */
export function readConfig(context: Context, environment: Record<string, string | undefined> = process.env): DeploymentConfig {
  const site = readSiteConfig();
  const envName = text(context, 'env') ?? 'dev';
  if (envName !== 'dev' && envName !== 'prod') fail('env', envName, '"dev" or "prod"');

  const givenAccount = text(context, 'account') ?? environment.CDK_DEFAULT_ACCOUNT;
  if (givenAccount !== undefined && !/^\d{12}$/.test(givenAccount)) fail('account', givenAccount, 'a 12-digit AWS account id');
  // The privacy notice tells visitors where their data is stored: content/site.json's dataRegion (Singapore today, the
  // nearest region to Vietnam with every service used here). Another region is refused rather than deployed against
  // what the notice says: change dataRegion and the notice together.
  const region = text(context, 'region') ?? site.dataRegion;
  if (region !== site.dataRegion)
    fail('region', region, `content/site.json's dataRegion (${site.dataRegion}), which the privacy notice names; change both together`);

  const domain = text(context, 'domain')?.toLowerCase();
  if (domain !== undefined && !HOST.test(domain)) fail('domain', domain, 'a host name such as invest.example.org');
  const certificateArn = text(context, 'certificateArn');
  if (certificateArn !== undefined) {
    if (!/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]+$/.test(certificateArn))
      fail('certificateArn', certificateArn, 'an ACM certificate ARN in us-east-1 (CloudFront only uses certificates from there)');
    if (domain === undefined) fail('domain', '', "the site's domain name whenever certificateArn is given");
  }
  if (domain !== undefined && certificateArn === undefined)
    fail(
      'certificateArn',
      '',
      `an ACM certificate ARN in us-east-1 covering ${domain} (a custom domain needs one; see docs/deployment.md)`,
    );

  const siteHost = new URL(site.url).hostname;
  const mailDomain = (text(context, 'mailDomain') ?? domain ?? siteHost).toLowerCase();
  if (!HOST.test(mailDomain)) fail('mailDomain', mailDomain, 'a domain name');
  const siteName = site.siteName[site.defaultLanguage] ?? site.siteName[site.sourceLanguage] ?? site.id;
  const mailFrom = text(context, 'mailFrom') ?? `${siteName} <no-reply@${mailDomain}>`;
  const staffEmail = text(context, 'staffEmail') ?? `investor-relations@${mailDomain}`;
  for (const [key, value] of [
    ['mailFrom', mailFrom],
    ['staffEmail', staffEmail],
  ] as const) {
    if (!EMAIL.test(mailAddress(value))) fail(key, value, 'an e-mail address, optionally as "Name <address>"');
  }
  if (!mailAddress(mailFrom).toLowerCase().endsWith(`@${mailDomain}`))
    fail('mailFrom', mailFrom, `an address at ${mailDomain}, the SES identity the functions may send from`);
  const alarmEmail = text(context, 'alarmEmail');
  if (alarmEmail !== undefined && !EMAIL.test(alarmEmail)) fail('alarmEmail', alarmEmail, 'an e-mail address');

  const staffMfa = text(context, 'staffMfa') ?? 'optional';
  if (staffMfa !== 'optional' && staffMfa !== 'required') fail('staffMfa', staffMfa, '"optional" or "required"');
  const originVerifySecretVersion = text(context, 'originVerifySecretVersion');
  if (originVerifySecretVersion !== undefined && !/^[0-9A-Za-z-]{32,64}$/.test(originVerifySecretVersion))
    fail('originVerifySecretVersion', originVerifySecretVersion, 'the VersionId that aws secretsmanager put-secret-value printed');
  const bundles = text(context, 'bundles') ?? 'build';
  if (bundles !== 'build' && bundles !== 'prebuilt' && bundles !== 'stub') fail('bundles', bundles, '"build", "prebuilt" or "stub"');

  const externalOrigins = new Set<string>();
  const style = site.map.basemapStyle;
  if (style && /^https?:\/\//.test(style)) externalOrigins.add(new URL(style).origin);
  for (const origin of (text(context, 'cspOrigins') ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)) {
    if (!/^https:\/\/[a-z0-9.-]+(:\d+)?$/i.test(origin))
      fail('cspOrigins', origin, 'comma-separated https origins such as https://tiles.example.org');
    externalOrigins.add(origin);
  }

  const prod = envName === 'prod';
  const project = `${site.id}-invest`;
  return {
    envName,
    project,
    stackPrefix: `${project}-${envName}`,
    account: givenAccount ?? PLACEHOLDER_ACCOUNT,
    placeholderAccount: givenAccount === undefined,
    region,
    domain,
    certificateArn,
    mailDomain,
    mailFrom,
    staffEmail,
    alarmEmail,
    staffMfa,
    originVerifySecretVersion,
    retainData: prod,
    logRetentionDays: prod ? 90 : 30,
    bundles,
    languages: site.languages,
    defaultLanguage: site.defaultLanguage,
    siteName,
    siteUrl: site.url,
    externalOrigins: [...externalOrigins],
  };
}
