// The staff reply and erasure use cases without HTTP or DynamoDB: in-memory ports that keep the stores' version rule.
import { beforeEach, describe, expect, it } from 'vitest';
import { versionOf, type InquiryRecord } from '#domain/inquiries/record.ts';
import { type AuditEntry, unfinishedErasures } from '#domain/inquiries/staff/audit.ts';
import { ChangeRefused, changeStatus } from '#domain/inquiries/staff/changes.ts';
import { sameEmail } from '#domain/inquiries/staff/erasure.ts';
import type { Log } from '../../functions/api/log.ts';
import type { MailMessage } from '../../functions/mail/mailer.ts';
import { InquiryNotFoundError, StaleVersionError } from '../../functions/staff/changes.ts';
import { erasePerson, type ErasureDeps } from '../../functions/staff/erase.ts';
import { replyToInquiry, type ReplyDeps } from '../../functions/staff/reply.ts';
import type { StaffDownloadStore, StaffInquiryStore } from '../../functions/storage/ports.ts';
import { VersionConflictError } from '../../functions/storage/ports.ts';

const NOW = Date.parse('2026-03-03T02:00:00.000Z');
const lan = { id: 'staff-1', name: 'Lan' };
const minh = { id: 'staff-2', name: 'Minh' };

const inquiry = (key: string, email: string, overrides: Partial<InquiryRecord> = {}): InquiryRecord => ({
  idempotencyKey: key,
  reference: `CM-2026-${key.toUpperCase().padEnd(6, 'X').slice(0, 6)}`,
  status: 'new',
  receivedAt: '2026-03-02T03:00:00.000Z',
  name: 'Aiko Tanaka',
  email,
  company: 'Tanaka Shoji',
  message: 'Is the land in Khanh An still free?',
  fingerprint: `print-${key}`,
  country: 'JP',
  language: 'ja',
  consent: { version: '2026-01', at: '2026-03-02T03:00:00.000Z', language: 'ja' },
  ...overrides,
});

/** The store's one rule: a write names the version it was made from, and fails if that is no longer the stored one. */
class MemoryInquiries implements StaffInquiryStore {
  readonly items = new Map<string, InquiryRecord>();
  writes = 0;
  /** Runs once before the next write, as a colleague's change would land in between. */
  beforeNextWrite: (() => void) | undefined;
  constructor(initial: InquiryRecord[]) {
    for (const item of initial) this.items.set(item.idempotencyKey, structuredClone(item));
  }
  async get(id: string) {
    const item = this.items.get(id);
    return item && structuredClone(item);
  }
  async list() {
    return [...this.items.values()].map(({ history: _h, fingerprint: _f, consent: _c, ...row }) => structuredClone(row));
  }
  async keysByEmail(email: string) {
    return [...this.items.values()].filter((item) => sameEmail(item.email, email)).map((item) => item.idempotencyKey);
  }
  async replace(next: InquiryRecord, expectedVersion: number) {
    const interfere = this.beforeNextWrite;
    this.beforeNextWrite = undefined;
    interfere?.();
    const current = this.items.get(next.idempotencyKey);
    if (!current || versionOf(current) !== expectedVersion) throw new VersionConflictError(current && versionOf(current));
    this.writes++;
    this.items.set(next.idempotencyKey, structuredClone(next));
  }
}

const events: { event: string; fields?: Record<string, unknown> }[] = [];
const log: Log = {
  info: (event, fields) => events.push({ event, fields }),
  error: (event, _error, fields) => events.push({ event, fields }),
};

let ids = 0;
const newId = () => `id-${++ids}`;

beforeEach(() => {
  events.length = 0;
  ids = 0;
});

describe('replying to an inquiry', () => {
  function setup(initial: InquiryRecord[], failMail = false) {
    const inquiries = new MemoryInquiries(initial);
    const sent: MailMessage[] = [];
    const deps: ReplyDeps = {
      inquiries,
      mailer: {
        async send(message) {
          if (failMail) throw new Error('mail service down');
          sent.push(message);
        },
      },
      mail: { from: 'Ca Mau <no-reply@invest.localhost>', staff: 'IR <ir@invest.localhost>' },
      log,
      now: () => NOW,
      newId,
    };
    return { inquiries, sent, deps };
  }

  it('stores the reply, e-mails it to the investor in the language staff answer in (English for a Japanese inquiry), then records the delivery', async () => {
    const { inquiries, sent, deps } = setup([inquiry('a', 'aiko@example.jp')]);
    const outcome = await replyToInquiry(deps, { id: 'a', version: 0, text: 'Yes, it is.', answers: true, by: lan });
    expect(outcome.delivery).toBe('sent');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: 'aiko@example.jp', language: 'en', subject: expect.stringMatching(/^Re/) });
    expect(sent[0]!.text).toContain('Yes, it is.');
    const stored = inquiries.items.get('a')!;
    expect(stored).toEqual(outcome.inquiry);
    expect(stored).toMatchObject({ status: 'answered', owner: lan, version: 2, firstReplyAt: new Date(NOW).toISOString() });
    const reply = stored.history!.find((entry) => entry.type === 'reply')!;
    expect(stored.history!.map((entry) => entry.type)).toEqual(['owner', 'status', 'reply', 'status', 'delivery']);
    expect(stored.history!.at(-1)).toMatchObject({ type: 'delivery', replyId: reply.id, result: 'sent', by: lan });
    expect(events.map((e) => e.event)).toEqual(['inquiry.reply-sent']);
  });

  it('keeps the reply and records a failed delivery when the mail cannot be sent', async () => {
    const { inquiries, deps } = setup([inquiry('a', 'aiko@example.jp')], true);
    const outcome = await replyToInquiry(deps, { id: 'a', version: 0, text: 'Yes.', answers: false, by: lan });
    expect(outcome.delivery).toBe('failed');
    const stored = inquiries.items.get('a')!;
    expect(stored.status).toBe('in-progress');
    expect(stored.history!.filter((entry) => entry.type === 'reply')).toHaveLength(1);
    expect(stored.history!.at(-1)).toMatchObject({ type: 'delivery', result: 'failed' });
    expect(events).toEqual([{ event: 'mail.failed', fields: { reference: stored.reference, kind: 'reply' } }]);
  });

  it('sends nothing and writes nothing from a version that is no longer the stored one', async () => {
    const { inquiries, sent, deps } = setup([inquiry('a', 'aiko@example.jp', { version: 3 })]);
    await expect(replyToInquiry(deps, { id: 'a', version: 2, text: 'Yes.', answers: true, by: lan })).rejects.toBeInstanceOf(
      StaleVersionError,
    );
    expect(sent).toHaveLength(0);
    expect(inquiries.writes).toBe(0);
  });

  it('of two people replying from one version, one reply is stored and one e-mail sent', async () => {
    const { inquiries, sent, deps } = setup([inquiry('a', 'aiko@example.jp')]);
    const results = await Promise.allSettled([
      replyToInquiry(deps, { id: 'a', version: 0, text: 'From Lan', answers: true, by: lan }),
      replyToInquiry(deps, { id: 'a', version: 0, text: 'From Minh', answers: true, by: minh }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.status === 'rejected' && refused.reason).toBeInstanceOf(StaleVersionError);
    expect(sent).toHaveLength(1);
    expect(inquiries.items.get('a')!.history!.filter((entry) => entry.type === 'reply')).toHaveLength(1);
  });

  it('records the delivery even when a colleague changed the inquiry after the reply was stored', async () => {
    const { inquiries, deps } = setup([inquiry('a', 'aiko@example.jp')]);
    const original = inquiries.replace.bind(inquiries);
    let writes = 0;
    inquiries.replace = async (next, expected) => {
      await original(next, expected);
      // Right after the reply is stored, Minh closes the inquiry: the delivery result must still be kept.
      if (++writes === 1) {
        const current = inquiries.items.get('a')!;
        inquiries.items.set('a', changeStatus(current, 'closed', { by: minh, now: new Date(NOW).toISOString(), newId }));
      }
    };
    const outcome = await replyToInquiry(deps, { id: 'a', version: 0, text: 'Yes.', answers: true, by: lan });
    expect(outcome.inquiry.status).toBe('closed');
    expect(outcome.inquiry.history!.map((entry) => entry.type).slice(-2)).toEqual(['status', 'delivery']);
  });

  it('refuses an unknown inquiry and a closed one, sending nothing', async () => {
    const { sent, deps } = setup([inquiry('a', 'aiko@example.jp', { status: 'closed', version: 4 })]);
    await expect(replyToInquiry(deps, { id: 'nope', version: 0, text: 'Yes.', answers: true, by: lan })).rejects.toBeInstanceOf(
      InquiryNotFoundError,
    );
    const closed = replyToInquiry(deps, { id: 'a', version: 4, text: 'Yes.', answers: true, by: lan });
    await expect(closed).rejects.toBeInstanceOf(ChangeRefused);
    await expect(closed).rejects.toMatchObject({ error: { field: 'status', code: 'not_allowed' } });
    expect(sent).toHaveLength(0);
  });
});

describe("erasing a person's data", () => {
  function setup(initial: InquiryRecord[]) {
    const inquiries = new MemoryInquiries(initial);
    const erasedLeads: { email: string; at: string }[] = [];
    const downloads: StaffDownloadStore = {
      byLead: async () => [],
      facts: async () => [],
      async eraseLead(email, at) {
        erasedLeads.push({ email, at });
        return email === 'aiko@example.jp' ? 2 : 0;
      },
    };
    const audit: AuditEntry[] = [];
    const archived: string[] = [];
    const deps: ErasureDeps = {
      inquiries,
      downloads,
      audit: { record: async (entry) => void audit.push(entry), recent: async () => audit },
      mailArchive: {
        async erase(email) {
          archived.push(email);
          return 3;
        },
      },
      log,
      now: () => NOW,
      newId,
    };
    return { inquiries, erasedLeads, audit, archived, deps };
  }

  it("removes the person from every inquiry, download and kept mail, whatever the e-mail's case, and audits it without the data", async () => {
    const replied = inquiry('b', 'AIKO@example.jp ', {
      version: 1,
      history: [{ id: 'n1', at: '2026-03-02T04:00:00.000Z', by: lan, type: 'note', text: 'Aiko called' }],
    });
    const other = inquiry('c', 'someone@example.com', { name: 'Someone Else' });
    const { inquiries, erasedLeads, audit, archived, deps } = setup([inquiry('a', 'aiko@example.jp'), replied, other]);

    const outcome = await erasePerson(deps, ' Aiko@Example.JP', lan);

    expect(outcome).toEqual({ inquiries: 2, downloads: 2, mails: 3, references: ['CM-2026-AXXXXX', 'CM-2026-BXXXXX'] });
    for (const key of ['a', 'b']) {
      const erased = inquiries.items.get(key)!;
      expect(JSON.stringify(erased)).not.toMatch(/Aiko|aiko|Tanaka|Khanh An|print-/);
      expect(erased).toMatchObject({
        country: 'JP',
        language: 'ja',
        consent: { version: '2026-01' },
        erasedAt: new Date(NOW).toISOString(),
      });
      expect(erased.history!.at(-1)).toMatchObject({ type: 'erased', by: lan });
    }
    expect(inquiries.items.get('b')!.history![0]).toEqual({
      id: 'n1',
      at: '2026-03-02T04:00:00.000Z',
      by: lan,
      type: 'note',
      erased: true,
    });
    expect(inquiries.items.get('c')).toEqual(other);
    expect(erasedLeads).toEqual([{ email: 'aiko@example.jp', at: new Date(NOW).toISOString() }]);
    expect(archived).toEqual(['aiko@example.jp']);
    expect(audit).toEqual([
      { at: new Date(NOW).toISOString(), by: lan, action: 'erasure-started', details: { erasure: 'id-1' } },
      { at: new Date(NOW).toISOString(), by: lan, action: 'erasure', details: { ...outcome, erasure: 'id-1' } },
    ]);
    expect(unfinishedErasures(audit)).toEqual([]);
    expect(JSON.stringify([audit, events])).not.toMatch(/aiko/i);
  });

  it('erases an inquiry a colleague changes at the same moment, without losing their change', async () => {
    const { inquiries, deps } = setup([inquiry('a', 'aiko@example.jp')]);
    inquiries.beforeNextWrite = () => {
      const current = inquiries.items.get('a')!;
      inquiries.items.set('a', changeStatus(current, 'spam', { by: minh, now: new Date(NOW).toISOString(), newId }));
    };
    const outcome = await erasePerson(deps, 'aiko@example.jp', lan);
    expect(outcome.inquiries).toBe(1);
    const stored = inquiries.items.get('a')!;
    expect(stored).toMatchObject({ status: 'spam', version: 2 });
    expect(stored.email).toBeUndefined();
  });

  it('finds nothing for an unknown e-mail, changes nothing, and still records that it was asked', async () => {
    const { inquiries, audit, deps } = setup([inquiry('a', 'aiko@example.jp')]);
    const outcome = await erasePerson(deps, 'nobody@example.com', lan);
    expect(outcome).toEqual({ inquiries: 0, downloads: 0, mails: 3, references: [] });
    expect(inquiries.writes).toBe(0);
    expect(audit.map((entry) => entry.action)).toEqual(['erasure-started', 'erasure']);
  });

  it('is recorded before it starts, stays on record as unfinished when interrupted, and finishes when run again', async () => {
    const { inquiries, audit, deps } = setup([inquiry('a', 'aiko@example.jp'), inquiry('b', 'aiko@example.jp')]);
    // The downloads table fails half-way: the inquiries are already erased, the downloads and mail not yet.
    const eraseLead = deps.downloads.eraseLead;
    deps.downloads.eraseLead = async () => {
      throw new Error('downloads table unavailable');
    };
    await expect(erasePerson(deps, 'aiko@example.jp', lan)).rejects.toThrow('downloads table unavailable');
    expect(inquiries.items.get('a')!.email).toBeUndefined();
    expect(unfinishedErasures(audit)).toEqual([expect.objectContaining({ action: 'erasure-started', by: lan })]);

    deps.downloads.eraseLead = eraseLead;
    const [started] = unfinishedErasures(audit);
    const outcome = await erasePerson(deps, 'aiko@example.jp', minh, String(started!.details.erasure));
    // Resumed: no inquiry is left to erase, the downloads and kept mail are, and the erasure on record is finished.
    expect(outcome).toMatchObject({ inquiries: 0, downloads: 2, mails: 3 });
    expect(unfinishedErasures(audit)).toEqual([]);
    expect(audit.map((entry) => entry.action)).toEqual(['erasure-started', 'erasure']);
  });
});
