/**
 * Package metadata that must be the same on every build of the same input:
 * the identifier comes from the content, the dates from the build date
 * (render/finish.ts: SOURCE_DATE_EPOCH or the document's own date), never
 * from the clock.
 */
import { createHash } from 'node:crypto';
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { RenderedDocument } from '../ast/types.ts';
import { documentAuthor } from '../template/index.ts';

/** The earliest time a zip entry can carry (MS-DOS date): zip timestamps are clamped to it. */
export const ZIP_EPOCH = new Date(Date.UTC(1980, 0, 1));

/** Zip entries cannot be dated before 1980: an undated document's build date (1970) becomes 1980. */
export function zipDate(date: Date): Date {
  return date < ZIP_EPOCH ? ZIP_EPOCH : date;
}

/** A name-based UUID (RFC 4122 version 5 layout over SHA-1) of the document's metadata and content. */
export function contentIdentifier(meta: object, content: Root): string {
  const digest = createHash('sha1').update(JSON.stringify(meta)).update('\0').update(toHtml(content)).digest();
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;
  const hex = digest.subarray(0, 16).toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** dcterms:modified wants CCYY-MM-DDThh:mm:ssZ, without milliseconds. */
export function w3cDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** epubcheck rejects an empty dc:description: the template stage derives one, the title stands in otherwise. */
export function descriptionOf(meta: RenderedDocument['meta']): string {
  return meta.description?.trim() || meta.title;
}

/** Who the reader sees as the author: the same as in the PDF, else the title (dc:creator must not be empty). */
export function creatorOf(meta: RenderedDocument['meta']): string {
  return documentAuthor(meta) ?? meta.title;
}
