// The deployment settings from context: what is refused, and what a prod deployment with a domain (and without the staff entry) looks like.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareAssets } from '../../infra/lib/bundles.ts';
import { readConfig, readSiteConfig } from '../../infra/lib/config.ts';
import { resourcesOf, synthesize, type Synthesized } from './support.ts';

const config = (context: Record<string, string>, environment: Record<string, string> = {}) =>
  readConfig((key) => context[key], environment);
/** Names in AWS follow content/site.json (its id and site name), so these expectations read it too. */
const site = readSiteConfig();
const ROTATED = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const CERT = 'arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';

describe('context', () => {
  it('defaults to dev in Singapore on a placeholder account, so synth needs no credentials', () => {
    const dev = config({});
    expect(dev).toMatchObject({
      envName: 'dev',
      project: `${site.id}-invest`,
      stackPrefix: `${site.id}-invest-dev`,
      region: 'ap-southeast-1',
      account: '000000000000',
      placeholderAccount: true,
      retainData: false,
    });
    expect(dev.mailFrom).toBe(`${site.siteName[site.defaultLanguage]} <no-reply@${new URL(site.url).hostname}>`);
    expect(config({}, { CDK_DEFAULT_ACCOUNT: '123456789012' })).toMatchObject({ account: '123456789012', placeholderAccount: false });
  });

  it('refuses what would fail later, saying which key and what it expects', () => {
    expect(() => config({ env: 'staging' })).toThrow(/Context "env": got "staging", expected "dev" or "prod"/);
    expect(() => config({ account: '12345' })).toThrow(/12-digit AWS account id/);
    expect(() => config({ region: 'singapore' })).toThrow(/dataRegion \(ap-southeast-1\)/);
    expect(() => config({ region: 'eu-west-1' })).toThrow(/privacy notice names/);
    expect(() => config({ certificateArn: CERT })).toThrow(/"domain".*whenever certificateArn is given/);
    expect(() => config({ domain: 'invest.camau.gov.vn' })).toThrow(/certificate ARN in us-east-1 covering invest\.camau\.gov\.vn/);
    expect(() => config({ domain: 'invest.camau.gov.vn', certificateArn: CERT.replace('us-east-1', 'ap-southeast-1') })).toThrow(
      /only uses certificates from there/,
    );
    expect(() => config({ domain: 'not a host', certificateArn: CERT })).toThrow(/a host name/);
    expect(() => config({ mailFrom: 'someone@gmail.com' })).toThrow(/an address at invest\.example\.org/);
    expect(() => config({ staffMfa: 'sometimes' })).toThrow(/"optional" or "required"/);
    expect(() => config({ bundles: 'docker' })).toThrow(/"build", "prebuilt" or "stub"/);
    expect(() => config({ cspOrigins: 'http://tiles.example.org' })).toThrow(/comma-separated https origins/);
    expect(config({ cspOrigins: 'https://tiles.example.org, https://fonts.example.org' }).externalOrigins).toEqual([
      'https://tiles.example.org',
      'https://fonts.example.org',
    ]);
    expect(config({}).externalOrigins).toEqual([]);
  });

  it('deploys the staff function only when its entry exists', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'invest-assets-'));
    const staging = { documentsStaging: join(tmp, 'documents'), notFoundStaging: join(tmp, 'not-found') };
    const without = await prepareAssets({ mode: 'stub', entryExists: (name) => name !== 'staff', ...staging });
    expect(without.functions).toEqual(['health', 'inquiries', 'downloads', 'mail', 'service-figures']);
    await expect(prepareAssets({ mode: 'stub', entryExists: (name) => name !== 'inquiries', ...staging })).rejects.toThrow(
      /inquiries\.ts is missing/,
    );
  });
});

describe('a prod deployment with its own domain, required MFA, and no staff entry yet', () => {
  let prod: Synthesized;
  beforeAll(async () => {
    prod = await synthesize({
      context: {
        env: 'prod',
        account: '123456789012',
        domain: 'invest.camau.gov.vn',
        certificateArn: CERT,
        staffMfa: 'required',
        alarmEmail: 'ops@camau.gov.vn',
        staffEmail: 'Investor relations <ir@camau.gov.vn>',
        originVerifySecretVersion: ROTATED,
        cspOrigins: 'https://tiles.example.org',
      },
      entryExists: (name) => name !== 'staff',
    });
  });

  it('serves the domain with its certificate, TLS 1.2 and later, and mails from that domain', () => {
    const [, distribution] = resourcesOf(prod.templates.app, 'AWS::CloudFront::Distribution')[0]!;
    const dc = (distribution.Properties as { DistributionConfig: Record<string, any> }).DistributionConfig;
    expect(dc.Aliases).toEqual(['invest.camau.gov.vn']);
    expect(dc.ViewerCertificate).toEqual({ AcmCertificateArn: CERT, MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' });
    prod.templates.app.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'invest.camau.gov.vn' });
    prod.templates.app.hasOutput('SiteUrl', { Value: 'https://invest.camau.gov.vn/' });
  });

  it('keeps and protects the data: tables, user pool and stacks', () => {
    for (const [id, table] of resourcesOf(prod.templates.app, 'AWS::DynamoDB::Table')) {
      expect(table.DeletionPolicy, id).toBe('Retain');
      expect(table.Properties?.DeletionProtectionEnabled, id).toBe(true);
    }
    prod.templates.app.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtection: 'ACTIVE', MfaConfiguration: 'ON' }),
    });
    expect(prod.app.terminationProtection).toBe(true);
    expect(prod.edge.terminationProtection).toBe(true);
    for (const [id, logGroup] of resourcesOf(prod.templates.app, 'AWS::Logs::LogGroup'))
      expect(logGroup.Properties?.RetentionInDays, id).toBe(90);
  });

  it('leaves /api/staff/* out while functions/api/lambda/staff.ts does not exist', () => {
    const routes = resourcesOf(prod.templates.app, 'AWS::ApiGatewayV2::Route').map(([, r]) => String(r.Properties?.RouteKey));
    expect(routes.filter((key) => key.includes('staff') || key.includes('/auth/'))).toEqual([]);
    prod.templates.app.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    expect(
      resourcesOf(prod.templates.app, 'AWS::Lambda::Function')
        .map(([id]) => id)
        .filter((id) => id.startsWith('ApiStaff')),
    ).toEqual([]);
  });

  it('resolves a rotated origin-verify secret by its version, in CloudFront and in the authorizer alike', () => {
    // Each reference is an Fn::Join around the secret's Ref: "{{resolve:secretsmanager:", Ref, ":SecretString:::<version>}}".
    const pieces = JSON.stringify(prod.templates.app.toJSON()).match(/:SecretString:::[0-9a-f-]+\}\}/g) ?? [];
    expect(pieces).toEqual([`:SecretString:::${ROTATED}}}`, `:SecretString:::${ROTATED}}}`]);
    expect(() => config({ originVerifySecretVersion: 'x' })).toThrow(/the VersionId that aws secretsmanager put-secret-value printed/);
  });

  it('lets the pages fetch and show images from the configured map origins, and nothing else new', () => {
    const csp = prod.app.contentSecurityPolicy;
    expect(csp).toContain("connect-src 'self' https://cognito-idp.ap-southeast-1.amazonaws.com https://tiles.example.org;");
    expect(csp).toContain("img-src 'self' data: blob: https://tiles.example.org;");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
  });

  it('mails alarms to the alarm address from both regions', () => {
    for (const template of [prod.templates.app, prod.templates.edgeAlarms])
      template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@camau.gov.vn' });
  });

  it('needs no acknowledgement for TLS or MFA any more, and warns when dist/ was built for another address', () => {
    const ids = prod.app.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules').flatMap((m) => Object.keys(m.data as object)));
    expect(ids.join(' ')).not.toMatch(/CFR4|COG2/);
    const warnings = Annotations.fromStack(prod.app).findWarning(
      '*',
      Match.stringLikeRegexp('build with SITE_URL=https://invest.camau.gov.vn'),
    );
    expect(warnings.length).toBe(1);
  });
});
