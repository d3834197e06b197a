// The inquiry service figures end to end on the local stack: the job publishes what the stored inquiries say, the
// public route serves it cacheable and without personal data, and answers 404 before any publication.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeMonth } from '#domain/inquiries/service-figures.ts';
import { createApp } from '../../functions/api/app.ts';
import { silentLog } from '../../functions/api/log.ts';
import { serviceFigureRoutes } from '../../functions/api/service-figures.ts';
import { postInquiry, send, validInquiry } from './helpers.ts';
import { startTestStack, type TestStack } from './helpers.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.cleanup());

describe('the inquiry service figures', () => {
  it('are published from the stored inquiries and served publicly, with nothing personal', async () => {
    const before = (await stack.publishServiceFigures()).months.at(-1)!.received ?? 0;
    for (let i = 0; i < 6; i++)
      expect((await postInquiry(stack.api.url, validInquiry({ email: `investor${i}@example.jp` }))).status).toBe(201);
    const published = await stack.publishServiceFigures();
    expect(published.months.at(-1)).toMatchObject({ month: officeMonth(Date.now()), received: before + 6 });

    const answer = await fetch(`${stack.api.url}/api/inquiry-service`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('public, max-age=3600');
    const body = await answer.text();
    expect(JSON.parse(body)).toEqual(published);
    expect(body).not.toMatch(/example\.jp|Aiko|Khanh An industrial park/);
    expect((await send(stack.api.url, '/api/inquiry-service', { method: 'POST', json: {} })).status).toBe(405);
  });

  it('answer 404 before the first publication, and the rest of the API stays uncacheable', async () => {
    const app = createApp(silentLog, [serviceFigureRoutes({ store: { latest: async () => null } })]);
    const answer = await app.request('/api/inquiry-service');
    expect(answer.status).toBe(404);
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });
});
