// Downloadable documents: the metadata publishers write (content/documents/<id>.yaml) and the download request rules.
import { z } from 'zod';
import { slugSchema } from './catalog.ts';
import { partialDateSchema } from './figures.ts';
import type { Checked } from '../errors.ts';
import { checkWith } from '../validation.ts';
import {
  INQUIRY_LIMITS,
  consentSchema,
  consentVersionSchema,
  countrySchema,
  emailSchema,
  languageSchema,
  line,
  optional,
} from '../inquiries/inquiry.ts';

/** File formats a document may have, with the type browsers are told when they fetch it. */
export const DOCUMENT_FORMATS = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  csv: 'text/csv; charset=utf-8',
  zip: 'application/zip',
  kml: 'application/vnd.google-earth.kml+xml',
  geojson: 'application/geo+json',
} as const;
export type DocumentFormat = keyof typeof DOCUMENT_FORMATS;
const FORMATS = Object.keys(DOCUMENT_FORMATS) as [DocumentFormat, ...DocumentFormat[]];

/** A language of a document's text: any BCP 47 language (documents are not limited to the site's languages). */
const documentLanguage = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a language code such as "vi", "en" or "zh-CN"');

/** A plain file name beside the YAML file: no folders, so one folder holds a document and its file. */
const fileName = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]*\.[A-Za-z0-9]+$/,
    'expected a file name in this folder (letters, digits, ".", "_", "-"; no spaces or folders)',
  );

/** One content/documents/<id>.yaml file as a publisher writes it. */
export const documentFileSchema = z
  .strictObject({
    id: slugSchema,
    /** Title per language; English is required as the fallback the site shows for a missing translation. */
    title: z
      .record(z.string().min(2).max(5), z.string().min(1).max(200))
      .refine((titles) => 'en' in titles, 'a document needs at least an English title ("en")'),
    language: documentLanguage,
    format: z.enum(FORMATS, { error: `expected one of: ${FORMATS.join(', ')}` }),
    /** Raised by the publisher whenever the file changes; part of the storage key so old links never serve new text. */
    version: z.union([z.number().int().positive(), z.string().regex(/^[0-9A-Za-z][0-9A-Za-z.-]*$/)]).transform(String),
    date: partialDateSchema,
    file: fileName,
    /** Bytes; filled in from the file when left out, and checked against it when given. */
    size: z.number().int().positive().optional(),
    /** Where the file sits in the documents bucket; derived from id and version when left out. */
    s3Key: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9/._-]*$/)
      .optional(),
    /** Whether a visitor gives name, e-mail, country and consent before downloading. */
    requiresLead: z.boolean().default(false),
  })
  .superRefine((doc, ctx) => {
    const extension = doc.file.split('.').pop()?.toLowerCase();
    if (extension !== doc.format)
      ctx.addIssue({
        code: 'custom',
        path: ['file'],
        message: `the file's extension ".${extension}" does not match format "${doc.format}"`,
      });
  });

export type DocumentFile = z.output<typeof documentFileSchema>;

/** A document as the functions know it: every field resolved. */
export interface DocumentMeta extends Omit<DocumentFile, 'size' | 's3Key'> {
  size: number;
  s3Key: string;
}

export function defaultS3Key(doc: Pick<DocumentFile, 'id' | 'version' | 'file'>): string {
  return `documents/${doc.id}/${doc.version}/${doc.file}`;
}

export const documentMetaSchema = z.strictObject({
  id: slugSchema,
  title: z.record(z.string(), z.string()),
  language: documentLanguage,
  format: z.enum(FORMATS),
  version: z.string().min(1),
  date: partialDateSchema,
  file: fileName,
  size: z.number().int().nonnegative(),
  s3Key: z.string().min(1),
  requiresLead: z.boolean(),
});

/** The catalog item whose page offered the download, so staff can see which items draw interest. */
const fromItem = z.preprocess((v) => (v === '' || v === null ? undefined : v), slugSchema.max(INQUIRY_LIMITS.itemId).optional());

/** A download request for a document that asks nothing of the visitor: the page language, and optionally the item. */
export const downloadRequestSchema = z.strictObject({ language: languageSchema, itemId: fromItem });

/** A download request for a document that asks for lead details: who is asking, and their consent. */
export const leadDownloadRequestSchema = z.strictObject({
  language: languageSchema,
  itemId: fromItem,
  // The inquiry form's own rules: one line each, so a lead's name cannot carry line breaks into a staff view or a CSV.
  name: line(INQUIRY_LIMITS.name),
  email: emailSchema,
  company: optional(line(INQUIRY_LIMITS.company)),
  country: countrySchema,
  consent: consentSchema,
  consentVersion: consentVersionSchema,
});

export type DownloadRequest = z.output<typeof downloadRequestSchema>;
export type LeadDownloadRequest = z.output<typeof leadDownloadRequestSchema>;

/** The rules depend on the document: lead fields are refused for a document that does not ask for them. */
export function checkDownloadRequest(
  document: Pick<DocumentMeta, 'requiresLead'>,
  raw: unknown,
): Checked<DownloadRequest | LeadDownloadRequest> {
  return document.requiresLead ? checkWith(leadDownloadRequestSchema, raw) : checkWith(downloadRequestSchema, raw);
}

/** How long a signed download link lives; the contract allows at most 300 seconds. */
export const DOWNLOAD_URL_SECONDS = 300;
