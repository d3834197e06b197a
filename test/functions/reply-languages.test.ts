// Staff answer in the languages site.json lists (English and Vietnamese today): an investor who asks in another is told,
// on the form, in the acknowledgement and in the console, which language the answer comes in, and the reply comes in it.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { ReceivedInquiry } from '#domain/inquiries/record.ts';
import { answerLanguage } from '#domain/inquiries/reply-language.ts';
import { addReply } from '#domain/inquiries/staff/changes.ts';
import { REPLY_LANGUAGES } from '#domain/site.ts';
import { acknowledgement } from '../../functions/mail/templates.ts';
import { inquiryFormProps } from '../../site/lib/form-strings.ts';

const settings = { from: 'no-reply@invest.localhost', staff: 'staff@invest.localhost' };
const inquiry = (language: string): ReceivedInquiry => ({
  idempotencyKey: 'k',
  reference: 'CM-2026-ABCDEF',
  status: 'new',
  receivedAt: '2026-03-02T03:00:00.000Z',
  name: 'Aiko',
  email: 'aiko@example.jp',
  message: 'Hello',
  fingerprint: 'f',
  country: 'JP',
  language,
  consent: { version: '2026-11-23', at: '2026-03-02T03:00:00.000Z', language },
});

describe('the language an answer comes in', () => {
  it('is the one asked for when staff answer in it, otherwise the first they answer in', () => {
    expect(answerLanguage('vi', ['en', 'vi'])).toBe('vi');
    expect(answerLanguage('ja', ['en', 'vi'])).toBe('en');
    expect(answerLanguage('ja', ['vi', 'en'])).toBe('vi');
    expect(REPLY_LANGUAGES).toEqual(['en', 'vi']);
  });

  it('is named in the acknowledgement, in the investor’s own language', () => {
    expect(acknowledgement(inquiry('ja'), settings).text).toContain('英語でご回答いたします');
    expect(acknowledgement(inquiry('vi'), settings).text).toMatch(/trả lời bằng tiếng Việt/i);
    expect(acknowledgement(inquiry('en'), settings).text).toContain('will reply in English within');
  });

  it('is said beside the form’s language field and on its confirmation, in the page’s language', () => {
    const props = inquiryFormProps('ja', i18next.t);
    expect(props.strings['hint.language']).toContain('英語またはベトナム語');
    expect(props.answerLanguageNames).toMatchObject({ ja: '英語', vi: 'ベトナム語', en: '英語' });
    expect(inquiryFormProps('en', i18next.t).strings['hint.language']).toContain('English or Vietnamese');
  });

  it('is the language a staff reply is recorded in', () => {
    const ctx = { by: { id: 's', name: 'lan' }, now: '2026-03-02T05:00:00.000Z', newId: () => 'r1' };
    const { next } = addReply(inquiry('ja'), { text: 'Dear Aiko', subject: 'Re', answers: true }, ctx);
    expect(next.history?.find((entry) => entry.type === 'reply')).toMatchObject({ language: 'en' });
  });
});
