// The investor's acknowledgement in each site language. Drafted by the developers; a translator should review them.
/** `{name}`-style placeholders are filled in (and HTML-escaped) by templates.ts. */
export interface AcknowledgementTexts {
  subject: string;
  greeting: string;
  received: string;
  reference: string;
  privacy: string;
  signoff: string;
}

export const ACKNOWLEDGEMENT_TEXTS: Record<string, AcknowledgementTexts> = {
  en: {
    subject: 'Your inquiry {reference} has been received',
    greeting: 'Dear {name},',
    received:
      'Thank you for your interest in investing in {province}. We have received your inquiry and will reply in {answerLanguage} within {days} working days.',
    reference: 'Your reference number',
    privacy:
      'We keep the details you sent only to answer your inquiry (consent text version {version}). To withdraw your consent or have your data erased, reply to this e-mail.',
    signoff: 'Investor relations team, {site}',
  },
  vi: {
    subject: 'Chúng tôi đã nhận được yêu cầu {reference} của quý vị',
    greeting: 'Kính gửi {name},',
    received:
      'Cảm ơn quý vị đã quan tâm đến đầu tư tại {province}. Chúng tôi đã nhận được yêu cầu của quý vị và sẽ trả lời bằng {answerLanguage} trong vòng {days} ngày làm việc.',
    reference: 'Mã số yêu cầu',
    privacy:
      'Chúng tôi chỉ lưu giữ thông tin quý vị gửi để trả lời yêu cầu này (phiên bản nội dung đồng ý {version}). Để rút lại sự đồng ý hoặc yêu cầu xóa dữ liệu, vui lòng trả lời email này.',
    signoff: 'Bộ phận hỗ trợ nhà đầu tư, {site}',
  },
  zh: {
    subject: '我们已收到您的咨询 {reference}',
    greeting: '尊敬的 {name}：',
    received: '感谢您关注在{province}投资。我们已收到您的咨询，将在 {days} 个工作日内用{answerLanguage}答复。',
    reference: '您的咨询编号',
    privacy: '我们仅为答复您的咨询而保存您提交的信息（同意书版本 {version}）。如需撤回同意或删除您的数据，请回复本邮件。',
    signoff: '{site} 投资者关系团队',
  },
  ja: {
    subject: 'お問い合わせ（{reference}）を受け付けました',
    greeting: '{name} 様',
    received:
      '{province}への投資にご関心をお寄せいただき、ありがとうございます。お問い合わせを受け付けました。{days} 営業日以内に{answerLanguage}でご回答いたします。',
    reference: '受付番号',
    privacy:
      'ご送信いただいた情報は、お問い合わせへの回答のためにのみ保管します（同意文バージョン {version}）。同意の撤回やデータの削除をご希望の場合は、このメールにご返信ください。',
    signoff: '{site} 投資家対応チーム',
  },
  ko: {
    subject: '문의({reference})가 접수되었습니다',
    greeting: '{name} 님께',
    received:
      '{province} 투자에 관심을 가져 주셔서 감사합니다. 문의를 접수했으며 영업일 기준 {days}일 이내에 {answerLanguage}로 답변드리겠습니다.',
    reference: '접수 번호',
    privacy:
      '보내 주신 정보는 문의에 답변하기 위한 목적으로만 보관합니다(동의문 버전 {version}). 동의를 철회하거나 데이터 삭제를 원하시면 이 이메일에 회신해 주십시오.',
    signoff: '{site} 투자자 지원팀',
  },
  ar: {
    subject: 'تم استلام استفسارك {reference}',
    greeting: 'السيد/السيدة {name}،',
    received: 'شكرًا لاهتمامك بالاستثمار في {province}. لقد استلمنا استفسارك وسنرد عليك باللغة {answerLanguage} خلال {days} أيام عمل.',
    reference: 'الرقم المرجعي',
    privacy:
      'نحتفظ بالبيانات التي أرسلتها فقط للرد على استفسارك (إصدار نص الموافقة {version}). لسحب موافقتك أو حذف بياناتك، يُرجى الرد على هذه الرسالة.',
    signoff: 'فريق علاقات المستثمرين، {site}',
  },
  ms: {
    subject: 'Pertanyaan anda {reference} telah diterima',
    greeting: '{name} yang dihormati,',
    received:
      'Terima kasih atas minat anda untuk melabur di {province}. Kami telah menerima pertanyaan anda dan akan membalas dalam bahasa {answerLanguage} dalam tempoh {days} hari bekerja.',
    reference: 'Nombor rujukan anda',
    privacy:
      'Kami menyimpan butiran yang anda hantar hanya untuk menjawab pertanyaan anda (versi teks persetujuan {version}). Untuk menarik balik persetujuan atau memadam data anda, balas e-mel ini.',
    signoff: 'Pasukan perhubungan pelabur, {site}',
  },
};
