// POST /api/downloads/{documentId}: check the document and the request, record the download, answer a short-lived URL.
import type { Hono } from 'hono';
import { INQUIRY_LIMITS } from '#domain/inquiries/inquiry.ts';
import { checkDownloadRequest } from '#domain/catalog/documents.ts';
import type { DownloadEvent } from '../storage/ports.ts';
import type { DownloadDeps } from './deps.ts';
import { ApiProblem, problem } from './problems.ts';
import { limitBody, methodNotAllowed, readJson } from './request.ts';

export function downloadRoutes(deps: DownloadDeps) {
  return (app: Hono) => {
    app.post('/api/downloads/:documentId', limitBody(INQUIRY_LIMITS.bodyBytes), async (c) => {
      const document = deps.documents.get(c.req.param('documentId'));
      if (!document) throw problem(404, 'not_found');
      const raw = await readJson(c);
      const checked = checkDownloadRequest(document, raw);
      if (!checked.ok) throw new ApiProblem(400, checked.errors);

      const now = deps.now();
      // Every download counts (a fresh member each time): the limit is on requests, not on distinct submissions.
      const outcome = await deps.rateLimiter.hit(
        `download-client:${deps.clientAddress(c)}`,
        crypto.randomUUID(),
        deps.limits.perClient,
        now,
      );
      if (!outcome.allowed) throw problem(429, 'rate_limited', undefined, { 'Retry-After': String(outcome.retryAfterSeconds) });

      if (!(await deps.files.exists(document.s3Key))) {
        // The catalog and the bucket disagree: a deployment problem for us to fix, a plain 404 for the visitor.
        deps.log.error('document.file-missing', new Error('listed document has no file in the bucket'), { documentId: document.id });
        throw problem(404, 'not_found');
      }

      const at = new Date(now).toISOString();
      const request = checked.value;
      const event: DownloadEvent = {
        documentId: document.id,
        documentVersion: document.version,
        at,
        language: request.language,
        ...(request.itemId ? { itemId: request.itemId } : {}),
      };
      // Lead details and consent are kept only where the document asks for them; the schema refuses them elsewhere.
      if (document.requiresLead && 'email' in request) {
        event.lead = {
          name: request.name,
          email: request.email,
          country: request.country,
          ...(request.company ? { company: request.company } : {}),
        };
        event.consent = { version: request.consentVersion, at, language: request.language };
      }
      await deps.downloads.record(event);

      const signed = await deps.files.signedUrl(document, deps.urlSeconds, new Date(now));
      deps.log.info('document.download', { documentId: document.id, language: request.language });
      return c.json(signed, 200);
    });
    app.all('/api/downloads/:documentId', methodNotAllowed('POST'));
  };
}
