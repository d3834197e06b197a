// Logs carry references, never a person's data: the whole journey against the local stack (an inquiry whose first
// mail fails with a message naming the address, as SES's do, a download with lead details, a note, a reply, an
// erasure), with every log line kept and searched for the investor's e-mail, name, company and message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLog } from '../../functions/api/log.ts';
import type { Mailer } from '../../functions/mail/mailer.ts';
import { postInquiry, send, validInquiry } from './helpers.ts';
import { startStaffStack, staffCall, type StaffTestStack } from './staff-support.ts';

const person = {
  name: 'Zebulon Quaritch',
  email: 'zebulon.quaritch@example.org',
  company: 'Quaritch Offshore Holdings',
  message: 'Zebulon wants forty hectares beside the gas terminal for a confidential plant.',
};
const traces = [person.name, 'Zebulon', 'Quaritch', person.email, 'forty hectares', 'confidential plant'];

const lines: string[] = [];
let stack: StaffTestStack;
/** Kinds of mail refused once each: the first acknowledgement (the outbox retries it) and the staff reply. */
const refuseOnce = new Set(['acknowledgement', 'reply']);

/** A mail service that refuses some messages the way SES does, naming the recipient in its error. */
const refusingOnce = (mailer: Mailer): Mailer => ({
  async send(message) {
    if (refuseOnce.delete(message.kind))
      throw new Error(`Email address is not verified. The following identities failed the check in region AP-SOUTHEAST-1: ${message.to}`);
    await mailer.send(message);
  },
});

beforeAll(async () => {
  stack = await startStaffStack({ log: jsonLog((line) => lines.push(line)), wrapMailer: refusingOnce });
});
afterAll(async () => stack?.cleanup());

describe('the logs of a whole journey', () => {
  it('name the references and never the person', async () => {
    const api = stack.api.url;
    const lan = await stack.pool.token({ sub: 'staff-lan', username: 'lan.nguyen' });
    const admin = await stack.pool.token({ sub: 'staff-minh', username: 'minh.tran', 'cognito:groups': ['staff', 'admin'] });
    for (const token of [lan, admin]) expect((await staffCall(api, 'PUT', '/api/staff/members/me', token)).status).toBe(200);

    const key = crypto.randomUUID();
    const created = await postInquiry(api, validInquiry({ ...person, country: 'NZ', language: 'en' }), { key });
    expect(created.status).toBe(201);
    await stack.mailWorker.idle();
    const lead = {
      language: 'en',
      name: person.name,
      email: person.email,
      company: person.company,
      country: 'NZ',
      consent: true,
      consentVersion: '2026-01',
    };
    expect((await send(api, '/api/downloads/land-prices', { json: lead })).status).toBe(200);
    expect(
      (await staffCall(api, 'POST', `/api/staff/inquiries/${key}/notes`, lan, { version: 0, text: `${person.name} asked twice.` })).status,
    ).toBe(201);
    const reply = await staffCall(api, 'POST', `/api/staff/inquiries/${key}/replies`, lan, {
      version: 1,
      text: `Dear ${person.name}, yes.`,
    });
    expect(reply.status).toBe(201);
    expect((await staffCall(api, 'POST', '/api/staff/erasures', admin, { email: person.email })).status).toBe(200);
    await stack.mailWorker.idle();

    // The journey was logged, with its reference, and the refused mail among the errors.
    const log = lines.join('\n');
    expect(log).toContain(created.body.reference);
    expect(refuseOnce.size).toBe(0);
    expect(lines.filter((line) => line.includes('"event":"mail.failed"'))).toHaveLength(2);
    for (const trace of traces) expect(log.toLowerCase(), `a log line holds "${trace}"`).not.toContain(trace.toLowerCase());
  });
});
