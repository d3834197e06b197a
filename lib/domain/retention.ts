// How long personal data is kept, as the privacy notice promises: an inquiry 24 months after the last reply to it
// (or after it arrived, when nobody has replied yet), a download record 12 months. The stores write the expiry into
// each item as DynamoDB's time-to-live, which deletes it within days of that time on AWS.

export const RETENTION = {
  inquiryMonthsAfterLastReply: 24,
  downloadMonths: 12,
} as const;

/** The instant `months` calendar months after `at`, in epoch seconds (DynamoDB's time-to-live unit). */
export function expiryAfter(at: string, months: number): number {
  const date = new Date(at);
  const day = date.getUTCDate();
  date.setUTCMonth(date.getUTCMonth() + months);
  // 31 March plus one month is the last day of April, not 1 May.
  if (date.getUTCDate() !== day) date.setUTCDate(0);
  return Math.floor(date.getTime() / 1000);
}
