// S3 adapter for the private documents bucket: existence checks and short-lived signed GET URLs.
import { GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { DOCUMENT_FORMATS, DOWNLOAD_URL_SECONDS, type DocumentMeta } from '#domain/catalog/documents.ts';
import { StorageUnavailableError, type DocumentFiles } from './ports.ts';

/**
 * `attachment` with the file's own name. Document file names are plain ASCII by their schema, so no
 * RFC 5987 `filename*` is needed (its quote and star would also trip s3rver's signature check).
 */
export function contentDisposition(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`;
}

export function s3DocumentFiles(s3: S3Client, bucket: string): DocumentFiles {
  return {
    async exists(key) {
      try {
        await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return true;
      } catch (error) {
        const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
        if (status === 404 || (error as { name?: string }).name === 'NotFound') return false;
        throw new StorageUnavailableError('documents.head', { cause: error });
      }
    },
    async signedUrl(document: DocumentMeta, seconds: number, now: Date) {
      // The contract caps a link's life at 300 s, whatever a caller configures.
      const expiresIn = Math.max(1, Math.min(seconds, DOWNLOAD_URL_SECONDS));
      const command = new GetObjectCommand({
        Bucket: bucket,
        Key: document.s3Key,
        ResponseContentDisposition: contentDisposition(document.file),
        ResponseContentType: DOCUMENT_FORMATS[document.format],
      });
      try {
        const url = await getSignedUrl(s3, command, { expiresIn, signingDate: now });
        // Signed to the second: the URL's own X-Amz-Date is the start, so the answer says the same end.
        const signedAt = Math.floor(now.getTime() / 1000) * 1000;
        return { url, expiresAt: new Date(signedAt + expiresIn * 1000).toISOString() };
      } catch (error) {
        throw new StorageUnavailableError('documents.sign', { cause: error });
      }
    },
  };
}
