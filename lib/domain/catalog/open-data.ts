// The schema of content/open-data.json: the licence the department publishes the catalog data under, and who publishes it.
// Plain zod, so the site build and `npm run content:check` read the file the same way.
import { z } from 'zod';

export const openDataSchema = z.strictObject({
  license: z.strictObject({
    /** An SPDX identifier, e.g. "CC-BY-4.0"; it goes into the files and the citation line. */
    id: z.string().min(1),
    name: z.string().min(1),
    url: z.url(),
  }),
  /** Who publishes the data, per language; falls back to the source language. */
  publisher: z.record(z.string().regex(/^[a-z]{2,3}$/, 'expected a language code such as "en"'), z.string().min(1)),
});

export type OpenDataConfig = z.infer<typeof openDataSchema>;
