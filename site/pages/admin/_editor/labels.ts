// The editor extension's own words, in the two languages the editor speaks (init.js chooses): Vietnamese and English.
import type { TranslationState } from '#domain/translation/translation-status.ts';

export type EditorLocale = 'vi' | 'en';

export interface Labels {
  state: Record<TranslationState, string>;
  sourceText: (version: number | undefined) => string;
  willBump: (from: number | undefined, to: number) => string;
  keepVersion: (version: number) => string;
  translatedFrom: (source: string, version: number | undefined, current: number | undefined) => string;
  changesSince: (version: number) => string;
  noChange: string;
  historyLoading: string;
  historyMissing: (version: number) => string;
  markReviewed: string;
  markedReviewed: (version: number) => string;
  sourceVersionInput: string;
  overview: string;
  fields: Record<string, string>;
  removed: string;
  added: string;
  refused: string;
}

export const LABELS: Record<EditorLocale, Labels> = {
  en: {
    state: {
      source: 'Source text',
      current: 'Up to date',
      draft: 'Machine draft, not reviewed',
      stale: 'Stale: the source changed since this translation',
      missing: 'Missing',
    },
    sourceText: (version) =>
      `This is the source text${version === undefined ? '' : `, version ${version}`}; the other languages translate it.`,
    willBump: (from, to) =>
      `Its words changed: it will be saved as version ${to}${from === undefined ? '' : ` (was ${from})`}, and its translations become stale.`,
    keepVersion: (version) => `Only a typo or wording fix, the meaning is the same: keep version ${version}`,
    translatedFrom: (source, version, current) =>
      `Translated from the ${source} text, version ${version ?? '?'}; that text is now at version ${current ?? '?'}.`,
    changesSince: (version) => `What changed in the source since version ${version}:`,
    noChange: 'The words of the source are the same as at that version (only its version changed).',
    historyLoading: 'Loading the source text at that version…',
    historyMissing: (version) => `The source text at version ${version} is not in the history of its file: compare by hand.`,
    markReviewed: 'Mark reviewed against the current source',
    markedReviewed: (version) => `Marked reviewed against version ${version} of the source: save to keep it.`,
    sourceVersionInput: 'Source version translated',
    overview: 'Translations of this text',
    fields: { title: 'Title', summary: 'Summary', body: 'Text' },
    removed: 'removed',
    added: 'added',
    refused: 'Not saved, nothing was written. Correct these fields first:',
  },
  vi: {
    state: {
      source: 'Văn bản nguồn',
      current: 'Đã cập nhật',
      draft: 'Bản dịch máy, chưa duyệt',
      stale: 'Lỗi thời: văn bản nguồn đã thay đổi sau bản dịch này',
      missing: 'Chưa có',
    },
    sourceText: (version) =>
      `Đây là văn bản nguồn${version === undefined ? '' : `, phiên bản ${version}`}; các ngôn ngữ khác dịch từ văn bản này.`,
    willBump: (from, to) =>
      `Nội dung đã thay đổi: văn bản sẽ được lưu thành phiên bản ${to}${from === undefined ? '' : ` (trước là ${from})`}, các bản dịch sẽ thành lỗi thời.`,
    keepVersion: (version) => `Chỉ sửa lỗi chính tả hoặc câu chữ, ý nghĩa không đổi: giữ phiên bản ${version}`,
    translatedFrom: (source, version, current) =>
      `Dịch từ văn bản ${source}, phiên bản ${version ?? '?'}; văn bản đó hiện ở phiên bản ${current ?? '?'}.`,
    changesSince: (version) => `Những gì đã thay đổi trong văn bản nguồn kể từ phiên bản ${version}:`,
    noChange: 'Nội dung văn bản nguồn giống như ở phiên bản đó (chỉ số phiên bản thay đổi).',
    historyLoading: 'Đang tải văn bản nguồn ở phiên bản đó…',
    historyMissing: (version) => `Không tìm thấy văn bản nguồn phiên bản ${version} trong lịch sử của tệp: hãy so sánh thủ công.`,
    markReviewed: 'Đánh dấu đã duyệt theo văn bản nguồn hiện tại',
    markedReviewed: (version) => `Đã đánh dấu duyệt theo phiên bản ${version} của văn bản nguồn: hãy lưu để giữ lại.`,
    sourceVersionInput: 'Phiên bản nguồn đã dịch',
    overview: 'Các bản dịch của văn bản này',
    fields: { title: 'Tiêu đề', summary: 'Tóm tắt', body: 'Nội dung' },
    removed: 'đã xoá',
    added: 'đã thêm',
    refused: 'Chưa lưu, không có gì được ghi. Hãy sửa các trường sau trước:',
  },
};

/** A language's name in the editor's language ("tiếng Việt", "Japanese"), or its code where the browser has no name. */
export function languageName(code: string, locale: EditorLocale): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
