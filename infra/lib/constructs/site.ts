// The site's delivery: a private bucket behind CloudFront (origin access control), security headers, the language function, /api/* to the API, and the deployment of dist/.
import { Duration, Fn } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { join } from 'node:path';
import { viewerRequestFunctionCode } from '../edge-function.ts';
import { API_CONTENT_SECURITY_POLICY, EDITOR_PATH_PATTERN } from '../site-csp.ts';
import { ORIGIN_VERIFY_HEADER, type Api } from './api.ts';
import { ProjectFunction } from './project-function.ts';
import { secureBucket } from './secure-bucket.ts';

export interface SiteProps {
  distDir: string;
  /** The site's Content-Security-Policy (infra/lib/site-csp.ts, from the built pages). */
  contentSecurityPolicy: string;
  /** The content editor's own policy (infra/lib/site-csp.ts), served under /admin/ only. */
  editorContentSecurityPolicy: string;
  languages: string[];
  defaultLanguage: string;
  api: Api;
  logBucket: s3.IBucket;
  webAclArn?: string;
  domain?: string;
  certificateArn?: string;
  /** The not-found function's folder (infra/lib/bundles.ts): its code and dist/404.html. */
  notFoundDir: string;
  deployment: { role: iam.IRole; logGroup: logs.ILogGroup };
  logRetentionDays: number;
  retainLogs: boolean;
}

/** Hashed build output: the name changes whenever the content does, so a year is safe. */
export const ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** Pages and other unhashed files: browsers recheck after 5 minutes; CloudFront keeps them a day and is invalidated on every deployment. */
export const PAGE_CACHE_CONTROL = 'public, max-age=300, s-maxage=86400';

export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'display-capture=()',
  'fullscreen=(self)',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'usb=()',
  'browsing-topics=()',
].join(', ');

/** Two years, subdomains included; not preloaded, a commitment that is the domain owner's to make. */
const HSTS = { accessControlMaxAge: Duration.days(730), includeSubdomains: true, preload: false, override: true };

/** The security headers of the site's pages and of the editor; only the CSP differs between them. */
function securityHeaders(contentSecurityPolicy: string): cloudfront.ResponseSecurityHeadersBehavior {
  return {
    contentSecurityPolicy: { contentSecurityPolicy, override: true },
    strictTransportSecurity: HSTS,
    contentTypeOptions: { override: true },
    frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
    referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
    // "X-XSS-Protection: 0": the old filter is gone from browsers and could be abused where it remains; CSP does the job.
    xssProtection: { protection: false, override: true },
  };
}

export class Site extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly viewerRequest: cloudfront.Function;
  readonly siteHeaders: cloudfront.ResponseHeadersPolicy;
  readonly apiHeaders: cloudfront.ResponseHeadersPolicy;
  readonly editorHeaders: cloudfront.ResponseHeadersPolicy;
  readonly assetsDeployment: s3deploy.BucketDeployment;
  readonly pagesDeployment: s3deploy.BucketDeployment;
  readonly notFound: ProjectFunction;
  readonly url: string;

  constructor(scope: Construct, id: string, props: SiteProps) {
    super(scope, id);
    this.bucket = secureBucket(this, 'Bucket', {
      accessLogs: { bucket: props.logBucket, prefix: 's3/site/' },
      noncurrentVersionDays: 30,
    });

    this.siteHeaders = new cloudfront.ResponseHeadersPolicy(this, 'SiteHeaders', {
      comment: 'Pages: CSP from the built pages, HSTS, nosniff, no framing, referrer and permissions policies',
      securityHeadersBehavior: securityHeaders(props.contentSecurityPolicy),
      customHeadersBehavior: {
        customHeaders: [
          { header: 'Permissions-Policy', value: PERMISSIONS_POLICY, override: true },
          { header: 'Cross-Origin-Opener-Policy', value: 'same-origin', override: true },
        ],
      },
      removeHeaders: ['x-amz-server-side-encryption', 'x-amz-version-id'],
    });
    // The editor at /admin/: the same headers as the pages but its own CSP, never indexed, and a window.opener kept for
    // the sign-in popup (the Git host's OAuth hand-over posts the token back to the editor that opened it).
    this.editorHeaders = new cloudfront.ResponseHeadersPolicy(this, 'EditorHeaders', {
      comment: "The content editor (/admin/): its own CSP (Decap CMS's needs, the Git host's API), not indexed, sign-in popup allowed",
      securityHeadersBehavior: securityHeaders(props.editorContentSecurityPolicy),
      customHeadersBehavior: {
        customHeaders: [
          { header: 'Permissions-Policy', value: PERMISSIONS_POLICY, override: true },
          { header: 'Cross-Origin-Opener-Policy', value: 'same-origin-allow-popups', override: true },
          { header: 'X-Robots-Tag', value: 'noindex, nofollow', override: true },
          { header: 'Cache-Control', value: 'no-cache', override: true },
        ],
      },
      removeHeaders: ['x-amz-server-side-encryption', 'x-amz-version-id'],
    });
    this.apiHeaders = new cloudfront.ResponseHeadersPolicy(this, 'ApiHeaders', {
      comment: 'API answers: JSON that nothing may frame or load, never stored by caches unless the API says so',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: API_CONTENT_SECURITY_POLICY, override: true },
        strictTransportSecurity: HSTS,
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
      customHeadersBehavior: { customHeaders: [{ header: 'Cache-Control', value: 'no-store', override: false }] },
    });

    this.viewerRequest = new cloudfront.Function(this, 'ViewerRequest', {
      comment: "Sends / to the visitor's language (Accept-Language); maps page URLs to index.html",
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromInline(
        viewerRequestFunctionCode({ languages: props.languages, defaultLanguage: props.defaultLanguage }),
      ),
    });

    const pagesCache = new cloudfront.CachePolicy(this, 'PagesCache', {
      comment: "Pages: the object's Cache-Control decides (s-maxage a day), no query string, cookie or header in the key",
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.minutes(5),
      maxTtl: Duration.days(1),
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.none(),
      headerBehavior: cloudfront.CacheHeaderBehavior.none(),
      cookieBehavior: cloudfront.CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });

    const siteOrigin = origins.S3BucketOrigin.withOriginAccessControl(this.bucket);
    // A missing page: S3 answers 403 (CloudFront may read objects, not list them), and CloudFront asks the not-found
    // function instead, which answers the site's 404 page with status 404. A distribution-wide custom error page would
    // do the same to the API's own 403 and 404 JSON answers, which are part of its contract.
    this.notFound = new ProjectFunction(this, 'NotFound', {
      name: 'notFound',
      description: "The site's 404 page with status 404, for CloudFront when the site bucket has no such page",
      code: lambda.Code.fromAsset(props.notFoundDir),
      memorySize: 128,
      timeout: Duration.seconds(3),
      logRetentionDays: props.logRetentionDays,
      retainLogs: props.retainLogs,
    });
    const notFoundUrl = this.notFound.fn.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.AWS_IAM });
    const pagesOrigin = new origins.OriginGroup({
      primaryOrigin: siteOrigin,
      fallbackOrigin: origins.FunctionUrlOrigin.withOriginAccessControl(notFoundUrl),
      fallbackStatusCodes: [403, 404],
    });
    const apiDomain = Fn.select(2, Fn.split('/', props.api.httpApi.apiEndpoint));
    const apiOrigin = new origins.HttpOrigin(apiDomain, {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
      customHeaders: { [ORIGIN_VERIFY_HEADER]: props.api.originVerifySecretValue().unsafeUnwrap() },
      readTimeout: Duration.seconds(30),
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'The site and /api',
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      // North America, Europe, Asia (Vietnam, Japan, Korea, Singapore, Malaysia), the Middle East and Africa: the investors this site is for.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
      domainNames: props.domain ? [props.domain] : undefined,
      certificate: props.certificateArn ? acm.Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn) : undefined,
      // Only settable with a custom certificate; *.cloudfront.net's policy is CloudFront's own.
      minimumProtocolVersion: props.certificateArn ? cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 : undefined,
      webAclId: props.webAclArn,
      enableLogging: true,
      logBucket: props.logBucket,
      logFilePrefix: 'cloudfront/',
      logIncludesCookies: false,
      defaultBehavior: {
        origin: pagesOrigin,
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: pagesCache,
        responseHeadersPolicy: this.siteHeaders,
        compress: true,
        functionAssociations: [{ function: this.viewerRequest, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/_astro/*': {
          origin: siteOrigin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy: this.siteHeaders,
          compress: true,
        },
        [EDITOR_PATH_PATTERN]: {
          origin: pagesOrigin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: pagesCache,
          responseHeadersPolicy: this.editorHeaders,
          compress: true,
          functionAssociations: [{ function: this.viewerRequest, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
        },
        '/api/*': {
          origin: apiOrigin,
          // No redirect: a POST redirected to https would lose its body.
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          // Every viewer header but Host (API Gateway answers only to its own name), with CloudFront's headers,
          // CloudFront-Viewer-Address among them: the functions' rate limits need the visitor's address.
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: this.apiHeaders,
          compress: true,
        },
      },
    });
    this.url = props.domain ? `https://${props.domain}` : `https://${this.distribution.distributionDomainName}`;

    // Hashed assets first, never pruned: pages still cached somewhere may ask for the previous build's files.
    this.assetsDeployment = new s3deploy.BucketDeployment(this, 'AssetsDeployment', {
      sources: [s3deploy.Source.asset(join(props.distDir, '_astro'))],
      destinationBucket: this.bucket,
      destinationKeyPrefix: '_astro/',
      prune: false,
      retainOnDelete: true,
      cacheControl: [s3deploy.CacheControl.fromString(ASSET_CACHE_CONTROL)],
      memoryLimit: 1024,
      role: props.deployment.role,
      logGroup: props.deployment.logGroup,
    });
    // Then the pages, pruned (a removed page disappears), and a CloudFront invalidation of everything.
    this.pagesDeployment = new s3deploy.BucketDeployment(this, 'PagesDeployment', {
      sources: [s3deploy.Source.asset(props.distDir, { exclude: ['_astro', '_astro/**'] })],
      destinationBucket: this.bucket,
      exclude: ['_astro/*'],
      prune: true,
      retainOnDelete: true,
      cacheControl: [s3deploy.CacheControl.fromString(PAGE_CACHE_CONTROL)],
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 1024,
      role: props.deployment.role,
      logGroup: props.deployment.logGroup,
    });
    this.pagesDeployment.node.addDependency(this.assetsDeployment);
  }
}
