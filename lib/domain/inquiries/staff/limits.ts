// How much staff may write and search, and how many rows one list answers with.
export const STAFF_LIMITS = { note: 5000, reply: 20_000, search: 200, listMax: 1000 } as const;
