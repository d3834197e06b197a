// HTTP API Lambda authorizer: lets a request through only when it carries the secret header CloudFront adds, so only CloudFront can call the API.
// Plain JavaScript with no dependencies, deployed as it is (no bundling). The secret arrives in ORIGIN_VERIFY_SECRET,
// resolved by CloudFormation from Secrets Manager at deploy; the CloudFront origin sends the same value as x-origin-verify.
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value) => createHash('sha256').update(String(value), 'utf8').digest();

/** Compares digests, so the time taken says nothing about how much of the value was right. */
export function matches(candidate, secret) {
  if (typeof candidate !== 'string' || typeof secret !== 'string' || secret.length < 32) return false;
  return timingSafeEqual(digest(candidate), digest(secret));
}

export function authorize(event, secret) {
  // Payload 2.0 lower-cases header names; identitySource guarantees the header is present at all.
  const header = event?.headers?.['x-origin-verify'];
  return { isAuthorized: matches(header, secret) };
}

export const handler = async (event) => authorize(event, process.env.ORIGIN_VERIFY_SECRET);
