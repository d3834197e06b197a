// The staff API's work on inquiries against dynalite: inbox filters, owner and status rules, notes, replies by e-mail, conflicts, erasure, dashboard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postInquiry, readMails, scanAll, send, validInquiry } from './helpers.ts';
import { startStaffStack, staffCall, type StaffTestStack } from './staff-support.ts';

let stack: StaffTestStack;
let api: string;
let lan: string;
let minh: string;
/** Erasure is for admins (the role matrix); Minh is one. */
let minhAdmin: string;

beforeAll(async () => {
  stack = await startStaffStack();
  api = stack.api.url;
  lan = await stack.pool.token({ sub: 'staff-lan', username: 'lan.nguyen' });
  minh = await stack.pool.token({ sub: 'staff-minh', username: 'minh.tran' });
  minhAdmin = await stack.pool.token({ sub: 'staff-minh', username: 'minh.tran', 'cognito:groups': ['staff', 'admin'] });
  for (const token of [lan, minh]) expect((await staffCall(api, 'PUT', '/api/staff/members/me', token)).status).toBe(200);
});
afterAll(async () => stack?.cleanup());

async function newInquiry(overrides: Record<string, unknown> = {}): Promise<string> {
  const key = crypto.randomUUID();
  const answer = await postInquiry(api, validInquiry(overrides), { key });
  expect(answer.status).toBe(201);
  // Its acknowledgement and staff notice go out after the answer: wait for them, as an investor's mailbox would.
  await stack.mailWorker.idle();
  return key;
}

const get = async (id: string, token = lan) => (await staffCall(api, 'GET', `/api/staff/inquiries/${id}`, token)).body;
const list = async (query = '', token = lan) => (await staffCall(api, 'GET', `/api/staff/inquiries${query}`, token)).body;

describe('the inbox', () => {
  it('lists new inquiries first with their promise clock, and filters and searches', async () => {
    const korean = await newInquiry({
      name: 'Park Ji-ho',
      email: 'park@example.kr',
      country: 'KR',
      language: 'ko',
      itemId: 'ip-hoa-trung',
      message: 'Wind power supply chain',
    });
    const vietnamese = await newInquiry({
      name: 'Nguyễn Văn An',
      email: 'an@example.vn',
      country: 'VN',
      language: 'vi',
      itemId: undefined,
    });
    const taken = await newInquiry({ name: 'Taken One', email: 'taken@example.jp' });
    await staffCall(api, 'PUT', `/api/staff/inquiries/${taken}/owner`, lan, { version: 0, owner: 'me' });

    const all = await list();
    expect(all.total).toBeGreaterThanOrEqual(3);
    const statuses = all.inquiries.map((row: any) => row.status);
    expect(statuses.indexOf('in-progress')).toBeGreaterThan(statuses.lastIndexOf('new'));
    const row = all.inquiries.find((r: any) => r.id === korean);
    expect(row).toMatchObject({
      reference: expect.stringMatching(/^CM-/),
      status: 'new',
      owner: null,
      country: 'KR',
      language: 'ko',
      version: 0,
    });
    expect(row.clock).toMatchObject({ stage: 'first-reply', overdue: false });
    expect(row).not.toHaveProperty('history');

    expect((await list('?country=KR')).inquiries.map((r: any) => r.id)).toEqual([korean]);
    expect((await list('?item=ip-hoa-trung')).inquiries.map((r: any) => r.id)).toEqual([korean]);
    expect((await list('?language=vi')).inquiries.map((r: any) => r.id)).toEqual([vietnamese]);
    // Accent- and case-insensitive search over name, e-mail, company, message and reference.
    expect((await list('?q=nguyen%20van')).inquiries.map((r: any) => r.id)).toEqual([vietnamese]);
    expect((await list('?q=WIND%20POWER')).inquiries.map((r: any) => r.id)).toEqual([korean]);
    expect((await list(`?q=${row.reference.toLowerCase()}`)).inquiries.map((r: any) => r.id)).toEqual([korean]);
    expect((await list('?owner=me')).inquiries.map((r: any) => r.id)).toEqual([taken]);
    expect((await list('?owner=me', minh)).inquiries).toEqual([]);
    expect((await list('?status=in-progress')).inquiries.map((r: any) => r.id)).toEqual([taken]);
    expect((await list('?minAgeDays=3')).inquiries).toEqual([]);
    expect((await list('?overdue=true')).inquiries).toEqual([]);
  });

  it('refuses unknown filters and bad values with field errors', async () => {
    const answer = await staffCall(api, 'GET', '/api/staff/inquiries?status=open&colour=red&country=Japan', lan);
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'colour', code: 'unknown_field' },
        { field: 'status', code: 'not_allowed' },
        { field: 'country', code: 'not_allowed' },
      ]),
    );
  });
});

describe('working on an inquiry', () => {
  it('takes, assigns, notes and closes along the lifecycle, with every change in the history', async () => {
    const id = await newInquiry();
    let detail = await get(id);
    expect(detail.inquiry).toMatchObject({ status: 'new', version: 0, message: validInquiry().message, history: [] });
    expect(detail.inquiry.firstReplyDue > detail.inquiry.receivedAt).toBe(true);

    let answer = await staffCall(api, 'PUT', `/api/staff/inquiries/${id}/owner`, lan, { version: 0, owner: 'me' });
    expect(answer.status).toBe(200);
    // Taking a new inquiry starts the work on it.
    expect(answer.body.inquiry).toMatchObject({ status: 'in-progress', owner: { id: 'staff-lan', name: 'lan.nguyen' }, version: 1 });

    answer = await staffCall(api, 'PUT', `/api/staff/inquiries/${id}/owner`, lan, { version: 1, owner: 'staff-minh' });
    expect(answer.body.inquiry.owner).toEqual({ id: 'staff-minh', name: 'minh.tran' });
    expect((await staffCall(api, 'PUT', `/api/staff/inquiries/${id}/owner`, lan, { version: 2, owner: 'someone-unknown' })).body).toEqual({
      errors: [{ field: 'owner', code: 'not_allowed' }],
    });

    answer = await staffCall(api, 'POST', `/api/staff/inquiries/${id}/notes`, minh, {
      version: 2,
      text: 'Asked the zone board about land.',
    });
    expect(answer.status).toBe(201);

    // in-progress → closed skips "answered": refused, nothing written.
    answer = await staffCall(api, 'PUT', `/api/staff/inquiries/${id}/status`, minh, { version: 3, status: 'closed' });
    expect(answer.status).toBe(409);
    expect(answer.body).toEqual({ errors: [{ field: 'status', code: 'not_allowed' }] });
    expect((await get(id)).inquiry.version).toBe(3);

    answer = await staffCall(api, 'PUT', `/api/staff/inquiries/${id}/status`, minh, { version: 3, status: 'spam' });
    expect(answer.status).toBe(200);
    answer = await staffCall(api, 'PUT', `/api/staff/inquiries/${id}/status`, minh, { version: 4, status: 'new' });
    expect(answer.body.inquiry.status).toBe('new');

    detail = await get(id);
    expect(detail.inquiry.history.map((e: any) => [e.type, e.by.name, e.from?.name ?? e.from, e.to?.name ?? e.to, e.text])).toEqual([
      ['owner', 'lan.nguyen', null, 'lan.nguyen', undefined],
      ['status', 'lan.nguyen', 'new', 'in-progress', undefined],
      ['owner', 'lan.nguyen', 'lan.nguyen', 'minh.tran', undefined],
      ['note', 'minh.tran', undefined, undefined, 'Asked the zone board about land.'],
      ['status', 'minh.tran', 'in-progress', 'spam', undefined],
      ['status', 'minh.tran', 'spam', 'new', undefined],
    ]);
    expect(detail.inquiry.history.every((e: any) => typeof e.at === 'string' && e.id)).toBe(true);
  });

  it('sends a reply in the language staff answer in (English for a Japanese inquiry), escaped, and keeps it in the history', async () => {
    const id = await newInquiry({ name: '<b>Aiko</b>', language: 'ja', message: 'Land <script>alert(1)</script> price?' });
    const answer = await staffCall(api, 'POST', `/api/staff/inquiries/${id}/replies`, lan, {
      version: 0,
      text: 'Price is 60 USD/m² <i>per year</i>.',
      answers: true,
    });
    expect(answer.status, answer.text).toBe(201);
    expect(answer.body.delivery).toBe('sent');
    const inquiry = answer.body.inquiry;
    expect(inquiry).toMatchObject({
      status: 'answered',
      owner: { name: 'lan.nguyen' },
      firstReplyAt: expect.any(String),
      answeredAt: expect.any(String),
    });
    expect(inquiry.clock).toEqual({ stage: 'done', kept: true });
    const reply = inquiry.history.find((e: any) => e.type === 'reply');
    expect(reply).toMatchObject({
      text: 'Price is 60 USD/m² <i>per year</i>.',
      language: 'en',
      subject: expect.stringContaining(inquiry.reference),
    });
    expect(inquiry.history.find((e: any) => e.type === 'delivery')).toMatchObject({ replyId: reply.id, result: 'sent' });

    const mail = readMails(stack.mailDir).find((m) => m.headers['x-kind'] === undefined && m.subject === reply.subject)!;
    expect(mail.headers.to).toBe('aiko@example.jp');
    expect(mail.headers['content-language']).toBe('en');
    expect(mail.subject).toBe(`Re: your inquiry ${inquiry.reference}`);
    expect(mail.text).toContain('Dear <b>Aiko</b>,');
    expect(mail.text).toContain('Price is 60 USD/m² <i>per year</i>.');
    expect(mail.html).toContain('Dear &lt;b&gt;Aiko&lt;/b&gt;,');
    expect(mail.html).toContain('&lt;i&gt;per year&lt;/i&gt;');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).not.toMatch(/<script|<i>|<b>/);
  });

  it('refuses a reply to a closed inquiry until it is reopened', async () => {
    const id = await newInquiry();
    await staffCall(api, 'POST', `/api/staff/inquiries/${id}/replies`, lan, { version: 0, text: 'Answer.' });
    const version = (await get(id)).inquiry.version;
    expect((await staffCall(api, 'PUT', `/api/staff/inquiries/${id}/status`, lan, { version, status: 'closed' })).status).toBe(200);
    const refused = await staffCall(api, 'POST', `/api/staff/inquiries/${id}/replies`, lan, { version: version + 1, text: 'More.' });
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({ errors: [{ field: 'status', code: 'not_allowed' }] });
  });

  it('answers 404 for an unknown inquiry and 400 for a bad body', async () => {
    expect((await staffCall(api, 'GET', '/api/staff/inquiries/00000000-0000-4000-8000-000000000000', lan)).status).toBe(404);
    const id = await newInquiry();
    const bad = await staffCall(api, 'POST', `/api/staff/inquiries/${id}/notes`, lan, { text: '', extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'version', code: 'required' },
        { field: 'text', code: 'required' },
        { field: 'extra', code: 'unknown_field' },
      ]),
    );
  });
});

describe('two people editing the same inquiry', () => {
  it('get one success and one conflict, never a lost update', async () => {
    const id = await newInquiry();
    const [a, b] = await Promise.all([
      staffCall(api, 'POST', `/api/staff/inquiries/${id}/notes`, lan, { version: 0, text: 'Note from Lan' }),
      staffCall(api, 'POST', `/api/staff/inquiries/${id}/notes`, minh, { version: 0, text: 'Note from Minh' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const lost = [a, b].find((x) => x.status === 409)!;
    expect(lost.body).toEqual({ errors: [{ field: 'version', code: 'conflict' }] });
    const detail = await get(id);
    expect(detail.inquiry.version).toBe(1);
    expect(detail.inquiry.history).toHaveLength(1);
  });

  it('of many simultaneous changes from one version exactly one is written', async () => {
    const id = await newInquiry();
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        staffCall(api, 'POST', `/api/staff/inquiries/${id}/notes`, i % 2 ? lan : minh, { version: 0, text: `note ${i}` }),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(11);
    expect((await get(id)).inquiry.history).toHaveLength(1);
  });

  it('never send the investor two replies', async () => {
    const id = await newInquiry({ email: 'twice@example.jp' });
    const [a, b] = await Promise.all([
      staffCall(api, 'POST', `/api/staff/inquiries/${id}/replies`, lan, { version: 0, text: 'Answer from Lan' }),
      staffCall(api, 'POST', `/api/staff/inquiries/${id}/replies`, minh, { version: 0, text: 'Answer from Minh' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect(readMails(stack.mailDir).filter((m) => m.headers.to === 'twice@example.jp' && m.subject.startsWith('Re:'))).toHaveLength(1);
  });

  it('a stale version is refused even when nobody is writing at that moment', async () => {
    const id = await newInquiry();
    expect((await staffCall(api, 'PUT', `/api/staff/inquiries/${id}/owner`, lan, { version: 0, owner: 'me' })).status).toBe(200);
    const stale = await staffCall(api, 'PUT', `/api/staff/inquiries/${id}/owner`, minh, { version: 0, owner: 'me' });
    expect(stale.status).toBe(409);
    expect((await get(id)).inquiry.owner.name).toBe('lan.nguyen');
  });
});

describe("erasing a person's data", () => {
  it('leaves no personal data in any table or stored e-mail, keeps the anonymous facts, and logs the erasure without the data', async () => {
    const person = {
      name: 'Erika Mustermann',
      email: 'Erika.M@example.de',
      company: 'Mustermann Windkraft GmbH',
      message: 'Erika asks about offshore wind sites near Hon Khoai.',
    };
    const first = await newInquiry({ ...person, country: 'DE', language: 'en', itemId: 'ip-khanh-an' });
    const second = await newInquiry({ ...person, email: 'erika.m@EXAMPLE.de', message: 'A second question from Erika Mustermann.' });
    const other = await newInquiry({ name: 'Someone Else', email: 'else@example.org' });
    const download = await send(api, '/api/downloads/land-prices', {
      json: {
        language: 'en',
        itemId: 'ip-khanh-an',
        name: person.name,
        email: person.email,
        company: person.company,
        country: 'DE',
        consent: true,
        consentVersion: '2026-01',
      },
    });
    expect(download.status).toBe(200);
    // The investor's downloads show on the inquiry.
    expect((await get(first)).downloads).toEqual([
      expect.objectContaining({ documentId: 'land-prices', title: { en: 'Land lease prices' }, itemId: 'ip-khanh-an' }),
    ]);
    await staffCall(api, 'POST', `/api/staff/inquiries/${first}/notes`, lan, { version: 0, text: 'Erika Mustermann prefers phone calls.' });
    await staffCall(api, 'POST', `/api/staff/inquiries/${first}/replies`, lan, {
      version: 1,
      text: 'Dear Erika Mustermann, here are the sites.',
    });
    expect(readMails(stack.mailDir).some((m) => m.headers.to?.toLowerCase() === person.email.toLowerCase())).toBe(true);

    const answer = await staffCall(api, 'POST', '/api/staff/erasures', minhAdmin, { email: ' erika.m@example.DE ' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ inquiries: 2, downloads: 1 });
    expect(answer.body.mails).toBeGreaterThanOrEqual(5);

    const traces = [person.name, 'Erika', 'Mustermann', person.email.toLowerCase(), 'offshore wind sites', 'prefers phone'];
    for (const table of Object.values(stack.names.tables)) {
      const dump = JSON.stringify(await scanAll(stack.db, table)).toLowerCase();
      for (const trace of traces) expect(dump, `${table} still holds "${trace}"`).not.toContain(trace.toLowerCase());
    }
    for (const mail of readMails(stack.mailDir))
      for (const trace of traces)
        expect(`${mail.raw}${mail.text}${mail.html}${mail.subject}`.toLowerCase()).not.toContain(trace.toLowerCase());

    const erased = (await get(first)).inquiry;
    expect(erased).toMatchObject({
      name: null,
      email: null,
      company: null,
      message: null,
      erased: true,
      country: 'DE',
      language: 'en',
      itemId: 'ip-khanh-an',
      status: 'answered',
    });
    expect(erased.receivedAt).toEqual(expect.any(String));
    expect(erased.history.map((e: any) => e.type)).toEqual(['note', 'owner', 'status', 'reply', 'status', 'delivery', 'erased']);
    expect(
      erased.history.filter((e: any) => e.type === 'note' || e.type === 'reply').every((e: any) => e.erased && e.text === undefined),
    ).toBe(true);
    const downloads = await scanAll(stack.db, stack.names.tables.downloads);
    expect(downloads.find((d) => d.documentId === 'land-prices' && d.erasedAt)).toMatchObject({
      lead: { country: 'DE' },
      language: 'en',
      itemId: 'ip-khanh-an',
    });
    // Someone else's inquiry is untouched.
    expect((await get(other)).inquiry.email).toBe('else@example.org');
    // An erased inquiry takes no more changes.
    expect((await staffCall(api, 'POST', `/api/staff/inquiries/${second}/notes`, lan, { version: 1, text: 'x' })).status).toBe(409);

    const audit = (await staffCall(api, 'GET', '/api/staff/audit', lan)).body.entries;
    const entry = audit.find((e: any) => e.action === 'erasure' && e.details.inquiries === 2);
    expect(entry).toMatchObject({
      by: { id: 'staff-minh', name: 'minh.tran' },
      details: { downloads: 1, references: expect.arrayContaining([erased.reference]) },
    });
  });

  it('matches the whole address: erasing bob@ leaves jimbob@ and bob@….vn, their inquiries and their mail intact', async () => {
    const bob = await newInquiry({ name: 'Bob Builder', email: 'bob@example.com', message: 'Bob asks about ports.' });
    const jimbob = await newInquiry({ name: 'Jim Bob', email: 'JimBob@example.com', message: 'Jim asks about roads.' });
    const vn = await newInquiry({ name: 'Bob Nguyen', email: 'bob@example.com.vn', message: 'Bob Nguyen asks about land.' });
    const mailsTo = (address: string) => readMails(stack.mailDir).filter((m) => m.headers.to?.toLowerCase() === address);
    expect(mailsTo('bob@example.com')).not.toHaveLength(0);
    expect(mailsTo('jimbob@example.com')).toHaveLength(1);
    expect(mailsTo('bob@example.com.vn')).toHaveLength(1);
    // Every mail to or about the others (their acknowledgements and the staff notices, which name their addresses) must stay.
    const others = ['jimbob@example.com', 'bob@example.com.vn'];
    const kept = readMails(stack.mailDir)
      .filter((m) => others.includes(m.headers.to?.toLowerCase() ?? '') || /Jim asks about roads|Bob Nguyen asks about land/.test(m.text))
      .map((m) => m.raw);
    expect(kept).toHaveLength(4);

    const answer = await staffCall(api, 'POST', '/api/staff/erasures', minhAdmin, { email: 'BOB@example.com' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ inquiries: 1, references: [(await get(bob)).inquiry.reference] });
    expect(answer.body.mails).toBe(2);

    expect((await get(bob)).inquiry).toMatchObject({ email: null, erased: true });
    expect((await get(jimbob)).inquiry).toMatchObject({ email: 'JimBob@example.com', name: 'Jim Bob', erased: false });
    expect((await get(vn)).inquiry).toMatchObject({ email: 'bob@example.com.vn', name: 'Bob Nguyen', erased: false });
    const left = readMails(stack.mailDir);
    expect(left.map((m) => m.raw)).toEqual(expect.arrayContaining(kept));
    expect(left.map((m) => `${m.raw}${m.text}${m.html}`).join('\n')).not.toMatch(/(^|[^a-z.])bob@example\.com(?![.a-z])/i);
  });

  it('refuses a request without a valid e-mail', async () => {
    const answer = await staffCall(api, 'POST', '/api/staff/erasures', minhAdmin, { email: 'not an address' });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ errors: [{ field: 'email', code: 'invalid_email' }] });
  });
});

describe('the dashboard', () => {
  it('counts by country, sector, item and week, and the funnel from download to answer', async () => {
    const answer = await staffCall(api, 'GET', '/api/staff/dashboard', lan);
    expect(answer.status).toBe(200);
    const figures = answer.body;
    expect(figures.inquiries).toBeGreaterThan(5);
    expect(figures.byWeek).toHaveLength(12);
    expect(figures.byWeek.reduce((sum: number, w: any) => sum + w.count, 0)).toBe(figures.inquiries);
    expect(figures.byCountry).toEqual(
      expect.arrayContaining([
        { key: 'JP', count: expect.any(Number) },
        { key: 'KR', count: 1 },
      ]),
    );
    expect(figures.bySector[0]).toEqual({ key: 'seafood-processing', count: expect.any(Number) });
    expect(figures.byItem.find((c: any) => c.key === 'ip-khanh-an').count).toBeGreaterThan(1);
    expect(figures.medianHoursToFirstReply).toBeGreaterThanOrEqual(0);
    expect(figures.medianHoursToFirstReply).toBeLessThan(1);
    expect(figures.firstReplyWithinPromise.kept).toBe(figures.firstReplyWithinPromise.of);
    expect(figures.downloadsByDocument).toEqual([{ key: 'land-prices', count: 1 }]);
    expect(figures.documentTitles['land-prices']).toEqual({ en: 'Land lease prices' });
    expect(figures.funnel).toMatchObject({ downloads: 1, inquiries: figures.inquiries, answered: expect.any(Number) });
    expect((await staffCall(api, 'GET', '/api/staff/dashboard?from=yesterday', lan)).status).toBe(400);
  });
});
