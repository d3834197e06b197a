// Inquiry reference numbers (CM-2026-7K3Q9X, the prefix from content/site.json): short enough to read over the phone, with no look-alike characters.
import { OFFICE_TIME_ZONE } from '../office-time.ts';
import { site } from '../site.ts';

/** Digits and capitals without 0/O, 1/I/L and U, so a reference read aloud or retyped stays the same. */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const REFERENCE_PREFIX: string = site.referencePrefix;
const RANDOM_LENGTH = 6;

export const REFERENCE_PATTERN = new RegExp(`^${REFERENCE_PREFIX}-\\d{4}-[${REFERENCE_ALPHABET}]{${RANDOM_LENGTH}}$`);

/**
 * The year is the office's when the inquiry arrived, as staff would date it.
 * Six random characters give 30^6 ≈ 729 million references per year: at 1,000 inquiries a year the
 * chance that two share one is below 0.1 %, so no second write guards uniqueness; staff look-ups by
 * reference list every match.
 */
export function newReference(
  receivedAt: Date,
  random: (count: number) => Uint8Array = (count) => crypto.getRandomValues(new Uint8Array(count)),
): string {
  const year = new Intl.DateTimeFormat('en', { timeZone: OFFICE_TIME_ZONE, year: 'numeric' }).format(receivedAt);
  let code = '';
  // Rejection sampling keeps every character equally likely (256 is not a multiple of 30).
  const limit = 256 - (256 % REFERENCE_ALPHABET.length);
  while (code.length < RANDOM_LENGTH) {
    for (const byte of random(16)) {
      if (byte >= limit) continue;
      code += REFERENCE_ALPHABET[byte % REFERENCE_ALPHABET.length];
      if (code.length === RANDOM_LENGTH) break;
    }
  }
  return `${REFERENCE_PREFIX}-${year}-${code}`;
}

/** Reads a reference as a person might type it (lower case, spaces around), or undefined if it is not one. */
export function parseReference(text: string): string | undefined {
  const candidate = text.trim().toUpperCase();
  return REFERENCE_PATTERN.test(candidate) ? candidate : undefined;
}
