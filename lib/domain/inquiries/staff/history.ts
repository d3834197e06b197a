// An inquiry's history, its audit trail: every staff change appends entries in the same write as the change itself.
import type { StaffActor } from '../staff-access.ts';
import { versionOf, type HistoryEntry, type InquiryRecord } from '../record.ts';

/** Who makes a change, when, and where the ids of its history entries come from. */
export interface ChangeContext {
  by: StaffActor;
  now: string;
  newId: () => string;
}

/** Distributes over the entry kinds, so each one is built with exactly its own fields. */
type EntryWithout<K extends keyof HistoryEntry> = HistoryEntry extends infer E ? (E extends HistoryEntry ? Omit<E, K> : never) : never;

/** A new entry stamped with the change's actor and time. */
export function entry(ctx: ChangeContext, what: EntryWithout<'id' | 'at' | 'by'>, id = ctx.newId()): HistoryEntry {
  return { id, at: ctx.now, by: ctx.by, ...what };
}

/** The inquiry after a change: the patch applied, the entries appended, the version raised by one. */
export function commit(inquiry: InquiryRecord, entries: HistoryEntry[], patch: Partial<InquiryRecord>, ctx: ChangeContext): InquiryRecord {
  return { ...inquiry, ...patch, history: [...(inquiry.history ?? []), ...entries], version: versionOf(inquiry) + 1, updatedAt: ctx.now };
}

/** The history with the texts of notes and replies removed: who did what and when stays, what they wrote goes. */
export function withoutTexts(history: readonly HistoryEntry[]): HistoryEntry[] {
  return history.map((entry): HistoryEntry => {
    if (entry.type === 'note') return { id: entry.id, at: entry.at, by: entry.by, type: 'note', erased: true };
    if (entry.type === 'reply') return { id: entry.id, at: entry.at, by: entry.by, type: 'reply', language: entry.language, erased: true };
    return entry;
  });
}
