// A private S3 bucket with this project's defaults: no public access, TLS only, encrypted, owner-enforced, access-logged.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

export interface SecureBucketProps {
  /** Where S3 writes this bucket's access logs (a prefix of the log bucket); required except for the log bucket itself. */
  accessLogs?: { bucket: s3.IBucket; prefix: string };
  /** Keep earlier versions of overwritten or deleted objects this long (a way back after a bad upload). */
  noncurrentVersionDays?: number;
  objectOwnership?: s3.ObjectOwnership;
  lifecycleRules?: s3.LifecycleRule[];
  /** A customer-managed key instead of S3's own (SSE-S3): for objects only some roles may read, such as build artifacts. */
  encryptionKey?: kms.IKey;
}

export function secureBucket(scope: Construct, id: string, props: SecureBucketProps): s3.Bucket {
  return new s3.Bucket(scope, id, {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    publicReadAccess: false,
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    ...(props.encryptionKey
      ? { encryption: s3.BucketEncryption.KMS, encryptionKey: props.encryptionKey, bucketKeyEnabled: true }
      : { encryption: s3.BucketEncryption.S3_MANAGED }),
    objectOwnership: props.objectOwnership ?? s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    versioned: props.noncurrentVersionDays !== undefined,
    lifecycleRules: [
      ...(props.noncurrentVersionDays !== undefined
        ? [
            {
              id: 'expire-old-versions',
              noncurrentVersionExpiration: Duration.days(props.noncurrentVersionDays),
              abortIncompleteMultipartUploadAfter: Duration.days(7),
            },
          ]
        : []),
      ...(props.lifecycleRules ?? []),
    ],
    serverAccessLogsBucket: props.accessLogs?.bucket,
    serverAccessLogsPrefix: props.accessLogs?.prefix,
    // Kept in every environment: deleting a stack must never silently delete documents or logs (docs/deployment.md says how to clean up).
    removalPolicy: RemovalPolicy.RETAIN,
  });
}
