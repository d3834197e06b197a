// The status lifecycle of an inquiry, from arrival to closing, and which changes staff may make.
import { z } from 'zod';

/** `spam` is an end a staff member can choose at any open step, and undo back to `new`. */
export const INQUIRY_STATUSES = ['new', 'in-progress', 'answered', 'closed', 'spam'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];
export const inquiryStatusSchema = z.enum(INQUIRY_STATUSES);

const NEXT: Record<InquiryStatus, readonly InquiryStatus[]> = {
  new: ['in-progress', 'spam'],
  'in-progress': ['answered', 'spam'],
  // An investor's follow-up question reopens the work instead of starting a second inquiry.
  answered: ['closed', 'in-progress'],
  closed: ['in-progress'],
  spam: ['new'],
};

export function nextStatuses(from: InquiryStatus): readonly InquiryStatus[] {
  return NEXT[from];
}

export function canChangeStatus(from: InquiryStatus, to: InquiryStatus): boolean {
  return NEXT[from].includes(to);
}

/** Still waiting for someone: these count towards the promised reply time. */
export function isOpen(status: InquiryStatus): boolean {
  return status === 'new' || status === 'in-progress';
}

/** What a caller sees right after submitting; staff statuses are never shown publicly. */
export const PUBLIC_RECEIVED_STATUS = 'received';
