// AWS SDK clients set up once for Lambda and for the local stand-ins, failing fast so callers get a 503 quickly.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';

export interface ClientOptions {
  /** Set for the local stand-ins (dynalite, s3rver); absent on AWS. */
  endpoint?: string;
  region?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * A visitor waits on these calls: two attempts and short timeouts keep a storage outage to a prompt
 * 503 with Retry-After rather than a request that hangs until API Gateway gives up at 30 s. The request
 * timeout covers the whole attempt (connection, sending, the answer); without `throwOnRequestTimeout`
 * @smithy/node-http-handler only logs a warning when it passes and keeps waiting.
 */
export const FAIL_FAST = {
  maxAttempts: 2,
  requestHandler: { connectionTimeout: 1000, requestTimeout: 3000, throwOnRequestTimeout: true },
} as const;

export function createDynamoClient(options: ClientOptions = {}): DynamoDBClient {
  return new DynamoDBClient({
    ...FAIL_FAST,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.region ? { region: options.region } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
}

/** Plain JavaScript values in and out; undefined optional fields are left out of items rather than refused. */
export function createDocumentClient(options: ClientOptions | DynamoDBClient = {}): DynamoDBDocumentClient {
  const client = options instanceof DynamoDBClient ? options : createDynamoClient(options);
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

export function createS3Client(options: ClientOptions = {}): S3Client {
  const local = Boolean(options.endpoint);
  return new S3Client({
    ...FAIL_FAST,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.region ? { region: options.region } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    // s3rver knows neither virtual-hosted buckets on 127.0.0.1 nor the SDK's default CRC checksums.
    ...(local ? { forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' } : {}),
  });
}

/** SES for the mail function: the same fail-fast settings, so a hung mail service releases the mail for a retry. */
export function createSesClient(options: ClientOptions = {}): SESv2Client {
  return new SESv2Client({
    ...FAIL_FAST,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.region ? { region: options.region } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
}
