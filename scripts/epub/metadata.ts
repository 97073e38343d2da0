/**
 * Package metadata that must be the same on every build of the same input:
 * the identifier comes from the content, the modification date from
 * SOURCE_DATE_EPOCH or the document's own date, never from the clock.
 */
import { createHash } from 'node:crypto';
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { VFile } from 'vfile';
import type { RenderedDocument } from '../ast/types.ts';

/** The earliest time a zip entry can carry (MS-DOS date): the last resort for an undated document. */
export const ZIP_EPOCH = new Date(Date.UTC(1980, 0, 1));

/** A name-based UUID (RFC 4122 version 5 layout over SHA-1) of the document's metadata and content. */
export function contentIdentifier(meta: object, content: Root): string {
  const digest = createHash('sha1').update(JSON.stringify(meta)).update('\0').update(toHtml(content)).digest();
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;
  const hex = digest.subarray(0, 16).toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * When the book was last modified: SOURCE_DATE_EPOCH (reproducible-builds.org)
 * wins, then the document's date, then the zip epoch with a warning on the file.
 */
export function modificationDate(doc: RenderedDocument, env: NodeJS.ProcessEnv, file?: VFile): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  const dated = doc.meta.date ?? doc.meta.published;
  if (dated && !Number.isNaN(Date.parse(dated))) return new Date(Date.parse(dated));
  file?.message('No date in the front matter: dcterms:modified falls back to 1980-01-01; add `date:`', undefined, 'epub:no-date');
  return ZIP_EPOCH;
}

/** dcterms:modified wants CCYY-MM-DDThh:mm:ssZ, without milliseconds. */
export function w3cDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The description epubcheck requires to be non-empty: the front matter's, else title and occasion. */
export function describe(meta: RenderedDocument['meta']): string {
  if (meta.description?.trim()) return meta.description.trim();
  return [meta.title, meta.occasion, meta.speaker ? `（${meta.speaker}）` : ''].filter(Boolean).join('');
}

/** Who the reader sees as the author: the issuing body, else the speaker, else the publisher. */
export function creatorOf(meta: RenderedDocument['meta']): string {
  return meta.author ?? meta.speaker ?? meta.publisher ?? meta.title;
}
