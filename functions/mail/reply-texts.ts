// The frame of a staff reply in each site language (the body is what staff wrote). Drafted by the developers; a translator should review them.
/** `{name}`-style placeholders are filled in (and HTML-escaped) by templates.ts. */
export interface ReplyTexts {
  subject: string;
  greeting: string;
  reference: string;
  yourMessage: string;
  privacy: string;
  signoff: string;
}

export const REPLY_TEXTS: Record<string, ReplyTexts> = {
  en: {
    subject: 'Re: your inquiry {reference}',
    greeting: 'Dear {name},',
    reference: 'Your reference number',
    yourMessage: 'Your message',
    privacy: 'To withdraw your consent or have your data erased, reply to this e-mail.',
    signoff: '{staff}, investor relations team, {site}',
  },
  vi: {
    subject: 'Trả lời yêu cầu {reference} của quý vị',
    greeting: 'Kính gửi {name},',
    reference: 'Mã số yêu cầu',
    yourMessage: 'Nội dung quý vị đã gửi',
    privacy: 'Để rút lại sự đồng ý hoặc yêu cầu xóa dữ liệu, vui lòng trả lời email này.',
    signoff: '{staff}, Bộ phận hỗ trợ nhà đầu tư, {site}',
  },
  zh: {
    subject: '回复：您的咨询 {reference}',
    greeting: '尊敬的 {name}：',
    reference: '您的咨询编号',
    yourMessage: '您的留言',
    privacy: '如需撤回同意或删除您的数据，请回复本邮件。',
    signoff: '{site} 投资者关系团队 {staff}',
  },
  ja: {
    subject: 'Re: お問い合わせ（{reference}）について',
    greeting: '{name} 様',
    reference: '受付番号',
    yourMessage: 'お問い合わせ内容',
    privacy: '同意の撤回やデータの削除をご希望の場合は、このメールにご返信ください。',
    signoff: '{site} 投資家対応チーム {staff}',
  },
  ko: {
    subject: 'Re: 문의({reference})에 대한 답변',
    greeting: '{name} 님께',
    reference: '접수 번호',
    yourMessage: '문의 내용',
    privacy: '동의를 철회하거나 데이터 삭제를 원하시면 이 이메일에 회신해 주십시오.',
    signoff: '{site} 투자자 지원팀 {staff}',
  },
  ar: {
    subject: 'رد على استفسارك {reference}',
    greeting: 'السيد/السيدة {name}،',
    reference: 'الرقم المرجعي',
    yourMessage: 'رسالتك',
    privacy: 'لسحب موافقتك أو حذف بياناتك، يُرجى الرد على هذه الرسالة.',
    signoff: '{staff}، فريق علاقات المستثمرين، {site}',
  },
  ms: {
    subject: 'Re: pertanyaan anda {reference}',
    greeting: '{name} yang dihormati,',
    reference: 'Nombor rujukan anda',
    yourMessage: 'Mesej anda',
    privacy: 'Untuk menarik balik persetujuan atau memadam data anda, balas e-mel ini.',
    signoff: '{staff}, pasukan perhubungan pelabur, {site}',
  },
};
